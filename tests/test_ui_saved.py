"""Saved reviews that stay true, errors that speak of the input, evidence in words (issue 16, fast tier).

The controller over a real SQLite file with the stand-in engine of tests/test_ui_controller.py: live
counts in the saved list after every decision, one review per document (a second review of the same text
updates it and keeps the decisions on the flags found again), rename, delete after a question; messages
without server paths or exception names (empty and binary files, the glossary form, the Score and Batch
tabs); the Score tab's intervals and significance; evidence and counts in words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_ui_controller import RULES, TEXT, FixedEngine

from mtreview.errors import InputError
from mtreview.flags import Flag
from mtreview.store import ReviewStore
from mtreview.ui import ReviewController
from mtreview.ui.messages import hide_paths, plural, user_message
from mtreview.ui.views import evidence_items, flag_detail_html, summary_html


@pytest.fixture()
def ctl(tmp_path: Path) -> ReviewController:
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    return ReviewController(store, FixedEngine(store), export_dir=tmp_path / "exports")  # type: ignore[arg-type]


def label(view: Any, review_id: str) -> str:
    return next(lab for lab, rid in view.saved if rid == review_id)


# --------------------------------------------------------------------------------- 4. saved reviews

def test_saved_counts_are_live_after_every_decision(ctl: ReviewController):
    v = ctl.review(TEXT)
    rid = v.review_id
    assert label(v, rid).endswith("· 0/4 decided") and v.saved_selected is None
    v = ctl.accept(rid, "f1")
    assert label(v, rid).endswith("· 1/4 decided"), "no reload needed: every decision redraws the list"
    v = ctl.reject(rid, "f2")
    assert label(v, rid).endswith("· 2/4 decided")
    v = ctl.accept_category(rid, "name/translated")
    assert label(v, rid).endswith("· 3/4 decided")
    v = ctl.undo(rid, "f1")
    assert label(v, rid).endswith("· 2/4 decided")
    assert label(ctl.set_filters(rid, ["fluency/grammar"], 0.0), rid).endswith("· 2/4 decided")
    assert label(ctl.open(rid), rid).endswith("· 2/4 decided")


def test_reviewing_the_same_text_again_updates_its_review(ctl: ReviewController, monkeypatch):
    first = ctl.review(TEXT)
    rid = first.review_id
    ctl.accept(rid, "f1", "Elon Musk")   # «masque»
    ctl.reject(rid, "f2")                # «Ilon»
    ctl.edit(rid, "f3", "Starlink")      # «lien d'étoile»
    # the engine changed (a glossary edit, say): «Ilon» is no longer flagged, so «lien d'étoile» is f2 now
    monkeypatch.delitem(RULES, "Ilon")
    v = ctl.review(TEXT)
    assert v.review_id == rid and len(v.saved) == 1, "the same text: no second copy"
    assert v.message.startswith(f"Reviewed {len(TEXT.split())} words in ")
    assert "3 flags" in v.message and "updated it, 2 decisions kept, 1 decision dropped" in v.message
    assert v.shown_ids == ["f1", "f2", "f3"] and [r[4] for r in v.rows] == ["masque", "lien d'étoile", "marche"]
    assert (v.status("f1"), v.status("f2"), v.status("f3")) == ("accepted", "edited", "pending")
    assert v.corrected == TEXT.replace("masque", "Elon Musk").replace("lien d'étoile", "Starlink")
    assert label(v, rid).endswith("· 2/3 decided")
    # the same text with a source is another document
    other = ctl.review(TEXT, "The Musk spoke with Ilon Musk.\nThe star link works.\n")
    assert other.review_id != rid and len(other.saved) == 2 and "Saved; reopen it" in other.message


def test_rename_a_saved_review(ctl: ReviewController):
    a = ctl.review(TEXT).review_id
    b = ctl.review("Le masque parle.\n").review_id
    v = ctl.rename(a, "  Article\nMusk ", current=b, selected="f1")
    assert v.message == "Renamed to «Article Musk»." and v.review_id == b, "the review on the page stays"
    assert v.saved_selected == a and label(v, a).startswith("Article Musk · ")
    assert ctl.store.get_review(a).title == "Article Musk"
    v = ctl.rename(b, "Court", current=b)
    assert "<b>Court</b>" in v.summary_html, "the summary of the review on the page shows its new name"
    with pytest.raises(InputError, match="type the new name"):
        ctl.rename(a, "   ", current=b)
    with pytest.raises(InputError, match="choose the saved review to rename"):
        ctl.rename(None, "x")
    with pytest.raises(InputError, match="no longer in the database"):
        ctl.rename("missing", "x")


def test_delete_asks_first_then_deletes(ctl: ReviewController):
    a = ctl.review(TEXT).review_id
    ctl.accept(a, "f1")
    b = ctl.review("Le masque parle.\n").review_id
    question = ctl.delete_prompt(a)
    assert question == (f"Delete «{ctl.store.get_review(a).title}» with its 4 flags and 1 decision? "
                        "This cannot be undone.")
    assert {r.id for r in ctl.store.list_reviews()} == {a, b}, "asking deletes nothing"
    v = ctl.delete(a, current=b)
    assert v.message.startswith("Deleted «Le masque a parlé") and v.review_id == b and [s[1] for s in v.saved] == [b]
    assert ctl.store.decisions(a) == {}
    v = ctl.delete(b, current=b)
    assert v.review_id is None and v.rows == [] and v.saved == [], "the review on the page was deleted: empty view"
    with pytest.raises(InputError, match="no longer in the database"):
        ctl.delete_prompt(b)
    with pytest.raises(InputError, match="choose the saved review to delete"):
        ctl.delete(None)


# ----------------------------------------------------------------------------------------- 5. errors

def test_empty_and_binary_files_are_refused_without_a_path(ctl: ReviewController, tmp_path: Path):
    upload = tmp_path / "gradio" / "0123abcd"
    upload.mkdir(parents=True)
    empty = upload / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        ctl.review(file=str(empty))
    assert str(e.value) == "empty.txt: empty input, nothing to review", "refused as `mtreview check` refuses it"
    binary = upload / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02binary\xff\xfe" * 20)
    with pytest.raises(InputError) as e:
        ctl.review(file=str(binary))
    assert str(e.value).startswith("binary.txt: this looks like a binary file") and str(tmp_path) not in str(e.value)
    source = upload / "src.txt"
    source.write_bytes(b"\x00\x00\x00")
    with pytest.raises(InputError) as e:
        ctl.review("Le masque.\n", source_file=str(source))
    assert str(e.value).startswith("src.txt: ") and "/" not in str(e.value)
    assert ctl.store.list_reviews() == [], "nothing saved"


def test_messages_hide_paths_and_exception_names():
    assert hide_paths("/tmp/gradio/ab12/binary.txt: this looks like binary") == "binary.txt: this looks like binary"
    assert hide_paths("C:\\Users\\ana\\x.tsv line 3") == "x.tsv line 3"
    assert hide_paths("see ~/data/g.csv") == "see g.csv"
    kept = "name/translated 1/3 files, 0.5 / 1, «masque» → «Musk», http://127.0.0.1:7860/?review=x"
    assert hide_paths(kept) == kept
    assert user_message(FileNotFoundError(2, "No such file or directory", "/srv/up/a.txt")) == \
        "a.txt: no such file or directory"
    assert user_message(ValueError("a glossary entry needs its French form (fr)")) == \
        "a glossary entry needs its French form (fr)"
    assert user_message(KeyError("missing")) == "missing"


def test_guarded_handlers_show_no_path_nor_exception_name():
    from mtreview.ui.wiring import guarded

    def boom(kind: str) -> dict:
        if kind == "os":
            raise FileNotFoundError(2, "No such file or directory", "/tmp/gradio/ff00/upload.txt")
        if kind == "value":
            raise ValueError("a glossary entry needs its French form (fr)")
        raise RuntimeError("/srv/secret/path exploded")

    status = object()
    shown = {k: guarded(None, boom, status)(k)[status] for k in ("os", "value", "bug")}
    assert "upload.txt: no such file or directory" in shown["os"] and "/tmp" not in shown["os"]
    assert "a glossary entry needs" in shown["value"] and "ValueError" not in shown["value"]
    assert "internal error; see the server log" in shown["bug"]
    assert not any(w in s for s in shown.values() for w in ("Error:", "RuntimeError", "/srv", "/tmp"))


def test_glossary_form_without_french_form(ctl: ReviewController):
    with pytest.raises(InputError) as e:
        ctl.glossary_add("  ", "Elon Musk")
    assert "French form (fr)" in str(e.value) and "ValueError" not in str(e.value)
    with pytest.raises(InputError) as e:
        ctl.glossary_add("Elon Musk", entry_type="planet")
    assert "unknown type" in str(e.value)


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_score_tab_shows_intervals_significance_and_one_axis_per_metric(ctl: ReviewController, tmp_path: Path):
    up = tmp_path / "gradio" / "9f9f"
    ref = write(up / "ref.txt", "Elon Musk a parlé avec Poutine.\nLe chat dort.\nIl pleut.\n")
    good = write(up / "good.txt", "Elon Musk a parlé avec Poutine.\nLe chat dort.\nIl pleut.\n")
    bad = write(up / "bad.txt", "Le masque a parlé avec Poutine.\nLe chien mange.\nIl pleut.\n")
    s = ctl.score([good, bad], [ref], ["bleu", "ter"])
    assert s.columns == ["system", "BLEU", "BLEU 95% CI", "BLEU vs good", "TER", "TER 95% CI", "TER vs good"]
    good_row, bad_row = s.rows
    assert good_row["system"] == "good" and good_row["BLEU"] == 100.0 and good_row["BLEU vs good"] == "baseline"
    low, high = (float(x) for x in bad_row["BLEU 95% CI"].split("–"))
    assert 0.0 <= low <= high <= 100.0
    assert bad_row["BLEU vs good"].startswith("-") and "p = " in bad_row["BLEU vs good"]
    assert "significant" in bad_row["TER vs good"]
    assert "2 systems" in s.message and "baseline «good»" in s.message
    # one plot per metric, each on its own axis: TER never shares BLEU's
    assert s.plot_html.count("<svg") == 2 and 'data-metric="ter"' in s.plot_html
    assert "TER (lower is better)" in s.plot_html
    # the reports name the files, not the server's paths
    for f in s.files:
        content = Path(f).read_text(encoding="utf-8")
        assert str(up) not in content and "/gradio/" not in content, Path(f).name
    data = json.loads(Path(next(f for f in s.files if f.endswith("scores.json"))).read_text(encoding="utf-8"))
    assert [x["path"] for x in data["systems"]] == ["good.txt", "bad.txt"]
    assert data["references"]["paths"] == ["ref.txt"]
    assert set(data["systems"][0]["confidence"]) == {"bleu", "ter"}, "the intervals are in the JSON too"
    one = ctl.score([good], [ref], ["bleu"])
    assert one.columns == ["system", "BLEU", "BLEU 95% CI"], "one system: intervals, no test"
    assert re.fullmatch(r"\d+\.\d\d–\d+\.\d\d", one.rows[0]["BLEU 95% CI"]) and one.message.startswith("Scored 1 system:")


def test_score_errors_name_the_file_only(ctl: ReviewController, tmp_path: Path):
    up = tmp_path / "gradio" / "77aa"
    ref = write(up / "ref.txt", "Une.\nDeux.\nTrois.\n")
    short = write(up / "short.txt", "Une.\n")
    with pytest.raises(InputError) as e:
        ctl.score([short], [ref], ["bleu"])
    assert "short.txt" in str(e.value) and str(up) not in str(e.value)


def test_batch_lists_each_skipped_file_with_its_reason(ctl: ReviewController, tmp_path: Path):
    from mtreview.ui.views import skipped_html

    up = tmp_path / "gradio" / "5e5e"
    gloss = write(up / "names.csv", "fr,variants,type\nElon Musk,Ilon Musk,person\n")
    doc = write(up / "doc.txt", "Ilon Musk a parlé.\n")
    binary = up / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    b = ctl.batch([doc, str(binary)], gloss, use_user_glossary=False, glossary_only=True)
    assert b.skipped == [("binary.txt", "this looks like a binary file, not text")]
    assert b.message.startswith("Normalised 1/2 files: 1 change in ") and "1 file skipped" in b.message
    assert "<b>binary.txt</b>: this looks like a binary file" in skipped_html(b.skipped)
    summary = next(Path(f) for f in b.files if f.endswith("summary.json")).read_text(encoding="utf-8")
    assert str(up) not in summary and "binary.txt" in summary


# ---------------------------------------------------------------------------- 6. words and plurals

def test_plural():
    assert [plural(n, "flag") for n in (0, 1, 2)] == ["0 flags", "1 flag", "2 flags"]
    assert plural(1, "entry") == "1 entry" and plural(3, "entry") == "3 entries"
    assert plural(2115, "word") == "2115 words"


def test_counts_have_their_plural(ctl: ReviewController):
    v = ctl.review("Il marche.\n")
    assert "Reviewed 2 words in " in v.message and ": 1 flag." in v.message
    assert "2 words · 1 flag, 1 shown" in v.summary_html and "1 changed line" not in v.diff_html
    assert "0 changed lines" in v.diff_html
    v = ctl.edit(v.review_id, "f1", "court")
    assert "1 changed line<" in v.diff_html
    assert ctl.export(v.review_id).message == "Exported 4 files (1 decision)."


def test_evidence_is_written_in_words():
    names = {"entity": "Elon Musk", "entity_id": "elon-musk", "type": "person",
             "mechanism": "pivot homograph ru:Маск → маска → masque", "slot": [], "common_noun_use": [],
             "in_document": 34}
    items = dict(evidence_items(names))
    assert items == {
        "Name": "«Elon Musk», a person",
        "How it went wrong": "the name's Russian form «Маск» was read as the Russian word «маска», "
                             "translated «masque»",
        "Where it stands": "nothing in the sentence says a name stands there",
        "Used as a common noun": "no sign of it in the sentence",
        "Elsewhere in the text": "«Elon Musk» is named correctly 34 times in the text",
    }
    assert dict(evidence_items({"entity": "X", "in_document": 1}))["Elsewhere in the text"] == \
        "«X» is named correctly once in the text"
    assert dict(evidence_items({"common_noun_use": ["pluriel"], "slot": ["sujet de « dire »"]})) == {
        "Used as a common noun": "yes: pluriel", "Where it stands": "where a name stands: sujet de « dire »"}
    assert dict(evidence_items({"rule": "space_before_colon"})) == {"Rule": "space before colon"}
    assert dict(evidence_items({"mechanism": "calque", "entry": "c12", "pivot": "мир"}))["How it went wrong"] \
        .startswith("a word-for-word copy")
    assert dict(evidence_items({"lang": "en", "zipf": 4.123, "in_source": False})) == {
        "Language": "English", "Word frequency": "4.12 on the Zipf scale (7: the commonest words)",
        "In the source": "no"}
    assert dict(evidence_items({"length_ratio": 0.4, "median_ratio": 1.1})) == {
        "Length": "the translation is 0.40 times as long as the source (usually 1.10 in this text)"}
    assert dict(evidence_items({"some_new_key": [1, 2.5], "flag_on": True})) == {
        "Some new key": "1, 2.50", "Flag on": "yes"}
    flag = Flag(3, 9, "masque", "name/translated", "critical", 0.9, ["Musk"], "nom traduit", "names", names, "f1")
    html = flag_detail_html(flag, None, "Le masque.\n")
    assert "named correctly 34 times" in html and "no sign of it in the sentence" in html
    for raw in ("in_document", "common_noun_use", "[]", "entity_id"):
        assert raw not in html, raw


def test_summary_counts_flags_in_the_singular(ctl: ReviewController):
    rid = ctl.review("Il marche.\n").review_id
    review = ctl.store.get_review(rid)
    assert "1 flag, 1 shown" in summary_html(review, review.flags, {})
