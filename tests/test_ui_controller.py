"""The review UI's controller without Gradio or a browser: every action returns a plain view model.

Most tests use a stand-in engine that flags fixed words (no models: the fast tier); the test marked
``slow`` reviews with the real names reviewer (it loads spaCy).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from mtreview.correct import Change, apply_changes
from mtreview.errors import InputError
from mtreview.flags import CATEGORIES, Flag
from mtreview.review import ReviewResult
from mtreview.store import ReviewStore
from mtreview.ui import ExportResult, FlagPanel, GlossaryView, ReviewController, ReviewView

TEXT = "Le masque a parlé avec Ilon Musk hier.\nLe lien d'étoile marche bien.\n"

#: word -> (category, severity, confidence, suggestions, evidence) of the stand-in engine
RULES: dict[str, tuple[str, str, float, list[str], dict[str, Any]]] = {
    "masque": ("name/translated", "critical", 0.97, ["Musk", "Elon Musk"], {"entity": "Elon Musk", "type": "person"}),
    "Ilon": ("name/corrupted", "major", 0.6, ["Elon"], {"entity": "Elon Musk", "type": "person"}),
    "lien d'étoile": ("name/translated", "major", 0.9, ["Starlink"], {"entity": "Starlink", "type": "brand"}),
    "marche": ("fluency/grammar", "minor", 0.3, [], {}),
}


class FixedEngine:
    """What the controller needs of :class:`mtreview.ui.ReviewEngine`, flagging the words of RULES."""

    def __init__(self, store: ReviewStore) -> None:
        self.store = store
        self.glossary_path = store.path.with_name(store.path.stem + ".glossary.csv")
        self.glossary_note = ""
        self.refreshed = 0

    def review(self, text: str, source: str | None = None) -> ReviewResult:
        found = []
        for word, (cat, sev, conf, sugg, ev) in RULES.items():
            i = text.find(word)
            if i >= 0:
                found.append(Flag(i, i + len(word), word, cat, sev, conf, list(sugg), f"«{word}» is wrong", "fixed",
                                  dict(ev)))
        found.sort(key=lambda f: f.start)
        for n, f in enumerate(found, 1):
            f.id = f"f{n}"
        return ReviewResult(text, found, len(text.split()), ["fixed"])

    def refresh_in_background(self) -> None:
        self.refreshed += 1


@pytest.fixture()
def ctl(tmp_path: Path) -> ReviewController:
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    return ReviewController(store, FixedEngine(store), export_dir=tmp_path / "exports")  # type: ignore[arg-type]


def ids_by_text(view: ReviewView) -> dict[str, str]:
    return {row[4]: row[0] for row in view.rows}


def test_review_returns_the_view_model(ctl: ReviewController):
    v = ctl.review(TEXT)
    assert isinstance(v, ReviewView) and v.review_id and v.kind == "ok"
    assert v.message.startswith(f"Reviewed {len(TEXT.split())} words in ") and "4 flags" in v.message
    assert "".join(s for s, _ in v.segments) == TEXT
    labelled = {seg: label for seg, label in v.segments if label}
    assert labelled == {"masque": "name/translated", "Ilon": "name/corrupted",
                        "lien d'étoile": "name/translated", "marche": "fluency/grammar"}
    assert [i for i in v.segment_ids if i] == ["f1", "f2", "f3", "f4"] == v.shown_ids
    assert v.counts == {"accepted": 0, "edited": 0, "rejected": 0, "pending": 4}
    assert v.selected == "f1" and v.panel.suggestions == ["Musk", "Elon Musk"] and v.panel.suggestion == "Musk"
    assert v.panel.edit_text == "Musk" and 'data-flag="f1"' in v.panel.detail_html
    assert v.corrected == TEXT and "0 changed lines" in v.diff_html
    assert v.bulk_choices == [("name/corrupted (1 pending)", "name/corrupted"),
                              ("name/translated (2 pending)", "name/translated")]
    assert v.saved and v.saved[0][1] == v.review_id, "the new review heads the saved list"
    assert v.categories == list(CATEGORIES) and v.threshold == 0.0
    assert "mtr-ok" in v.status_html and "Le masque a parlé" in v.summary_html
    # the review is saved with its filters: the export's scope
    assert ctl.store.get_review(v.review_id).settings == {"categories": list(CATEGORIES), "threshold": 0.0}


def test_accept_reject_edit_undo(ctl: ReviewController):
    rid = ctl.review(TEXT).review_id
    v = ctl.accept(rid, "f1", "Elon Musk")
    assert v.message == "f1 «masque» accepted → «Elon Musk»."
    assert v.status("f1") == "accepted" and v.selected == "f2", "the next pending flag is selected"
    assert ("masque", "name/translated ✓") in v.segments
    assert v.corrected == TEXT.replace("masque", "Elon Musk") and "<ins>Elon Musk</ins>" in v.diff_html
    assert v.counts["accepted"] == 1 and v.counts["pending"] == 3

    v = ctl.accept(rid, "f3", "not one of its suggestions")
    assert v.status("f3") == "accepted" and "Starlink" in v.corrected, "an unknown suggestion means the best one"

    v = ctl.reject(rid, "f2")
    assert v.message == "f2 «Ilon» rejected." and v.status("f2") == "rejected"
    assert ("Ilon", "name/corrupted ✗") in v.segments and "Ilon" in v.corrected

    v = ctl.edit(rid, "f4", "fonctionne")
    assert v.message == "f4 «marche» edited → «fonctionne»." and v.status("f4") == "edited"
    assert v.corrected == (TEXT.replace("masque", "Elon Musk").replace("lien d'étoile", "Starlink")
                           .replace("marche", "fonctionne"))
    assert ctl.select(rid, "f4").edit_text == "fonctionne"

    v = ctl.undo(rid, "f1")
    assert v.message == "f1: back to pending." and v.status("f1") == "pending" and v.selected == "f1"
    assert "masque" in v.corrected and v.counts == {"accepted": 1, "edited": 1, "rejected": 1, "pending": 1}
    assert set(ctl.store.decisions(rid)) == {"f2", "f3", "f4"}, "every decision is saved at once"


def test_user_errors_are_input_errors(ctl: ReviewController):
    with pytest.raises(InputError, match="paste a text"):
        ctl.review("   ")
    with pytest.raises(InputError, match="no review yet"):
        ctl.accept(None, "f1")
    with pytest.raises(InputError, match="no longer in the database"):
        ctl.view("nope")
    rid = ctl.review(TEXT).review_id
    with pytest.raises(InputError, match="select a flag first"):
        ctl.reject(rid, None)
    with pytest.raises(InputError, match="f4 has no suggestion"):
        ctl.accept(rid, "f4")
    with pytest.raises(InputError, match="type the correction"):
        ctl.edit(rid, "f4", None)
    with pytest.raises(InputError, match="10,000 characters"):
        ctl.edit(rid, "f4", "x" * 10_001)
    with pytest.raises(InputError, match="choose a category"):
        ctl.accept_category(rid, None)
    with pytest.raises(InputError, match="choose a saved review"):
        ctl.open(None)
    assert ctl.store.decisions(rid) == {}, "a refused action decides nothing"


def test_empty_view_without_a_review(ctl: ReviewController):
    v = ctl.view(None, message="hello")
    assert v.review_id is None and v.segments == [] and v.rows == [] and v.selected is None
    assert v.bulk_value is None and "hello" in v.status_html and 'id="mtr-detail-empty"' in v.panel.detail_html


def test_bulk_accept_by_category_and_confidence(ctl: ReviewController):
    rid = ctl.review(TEXT).review_id
    v = ctl.accept_category(rid, "name/translated")
    assert v.message == "Accepted 2 pending flags in name/translated."
    assert [v.status(i) for i in ("f1", "f2", "f3", "f4")] == ["accepted", "pending", "accepted", "pending"]
    v = ctl.accept_above(rid, 0.5)
    assert v.message == "Accepted 1 pending flag with confidence ≥ 0.50."
    assert v.status("f2") == "accepted" and v.status("f4") == "pending", "a flag without suggestion stays pending"
    assert v.corrected == TEXT.replace("masque", "Musk").replace("Ilon", "Elon").replace("lien d'étoile", "Starlink")


def test_filters_are_saved_and_restored_on_open(ctl: ReviewController):
    rid = ctl.review(TEXT).review_id
    v = ctl.set_filters(rid, ["name/translated"], 0.95, selected="f3")
    assert v.shown_ids == ["f1"] and v.selected == "f1", "a hidden selection moves to a shown flag"
    assert ctl.store.get_review(rid).settings == {"categories": ["name/translated"], "threshold": 0.95}
    ctl.reject(rid, "f1", categories=["name/translated"], threshold=0.95)
    v = ctl.open(rid)
    assert v.message == "Opened «Le masque a parlé avec Ilon Musk hier.» (1 decision so far)."
    assert (v.categories, v.threshold, v.shown_ids) == (["name/translated"], 0.95, ["f1"])


def test_selection_by_id_and_by_highlighted_segment(ctl: ReviewController):
    v = ctl.review(TEXT)
    panel = ctl.select(v.review_id, "f3")
    assert isinstance(panel, FlagPanel) and panel.flag_id == "f3" and panel.suggestions == ["Starlink"]
    assert "lien d&#x27;étoile" in panel.detail_html
    idx = v.segment_ids.index("f2")
    assert ctl.select_segment(v.review_id, idx).flag_id == "f2"
    assert ctl.select_segment(v.review_id, 0) is None, "text between flags selects nothing"
    assert ctl.select_segment(v.review_id, 999) is None
    assert ctl.select(v.review_id, "f4").edit_text == "marche", "no suggestion: the Edit box holds the text"


def test_export_corrected_text_log_and_xliff(ctl: ReviewController, tmp_path: Path):
    rid = ctl.review(TEXT).review_id
    ctl.accept(rid, "f1")
    ctl.reject(rid, "f2")
    view = ctl.edit(rid, "f3", "Starlink")
    result = ctl.export(rid)
    assert isinstance(result, ExportResult) and result.message == "Exported 4 files (3 decisions)."
    assert [p.name.split(".", 1)[1] for p in result.paths] == ["corrected.txt", "review-log.json",
                                                               "review-log.csv", "its.xlf"]
    assert all(p.is_file() and p.is_relative_to(tmp_path / "exports") for p in result.paths)
    corrected = result.path("corrected.txt").read_text(encoding="utf-8")
    assert corrected == view.corrected == TEXT.replace("masque", "Musk").replace("lien d'étoile", "Starlink")
    log = json.loads(result.path("review-log.json").read_text(encoding="utf-8"))
    assert {f["id"]: f["status"] for f in log["flags"]} == {"f1": "accepted", "f2": "rejected", "f3": "edited",
                                                           "f4": "pending"}
    assert log["summary"]["changes"] == 2
    assert apply_changes(TEXT, [Change(**c) for c in log["changes"]]) == corrected
    rows = list(csv.DictReader(io.StringIO(result.path("review-log.csv").read_text(encoding="utf-8"))))
    assert [(r["id"], r["status"], r["replacement"]) for r in rows] == [
        ("f1", "accepted", "Musk"), ("f2", "rejected", ""), ("f3", "edited", "Starlink"), ("f4", "pending", "")]
    assert 'its:locQualityIssueEnabled="no"' in result.path("its.xlf").read_text(encoding="utf-8")
    again = ctl.export(rid, tmp_path / "chosen")
    assert again.path("corrected.txt").parent == tmp_path / "chosen"


def test_review_a_bilingual_file(ctl: ReviewController, tmp_path: Path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("The Musk spoke.\tLe masque a parlé.\nHello.\tBonjour.\n", encoding="utf-8")
    v = ctl.review_file(tsv)
    review = ctl.store.get_review(v.review_id)
    assert review.input_name == "pairs.tsv" and review.source == "The Musk spoke.\nHello.\n"
    assert v.shown_ids == ["f1"] and v.rows[0][4] == "masque"


def test_glossary_from_a_review_and_the_glossary_tab(ctl: ReviewController):
    rid = ctl.review(TEXT).review_id
    with pytest.raises(InputError, match="no accepted or edited name corrections"):
        ctl.add_to_glossary(rid)
    ctl.accept(rid, "f1")
    ctl.edit(rid, "f3", "Starlink")
    g = ctl.add_to_glossary(rid)
    assert isinstance(g, GlossaryView)
    assert g.message == "Added to your glossary: Elon Musk, Starlink. The next review uses it."
    assert [(r[1], r[4], r[5]) for r in g.rows] == [("Elon Musk", "Musk", "person"), ("Starlink", "", "brand")]
    assert Path(g.csv_path).read_text(encoding="utf-8").startswith("fr,en,ru,aliases,type\n")
    assert "already there: Elon Musk, Starlink" in ctl.add_to_glossary(rid).message
    g = ctl.glossary_add(" Jair Bolsonaro ", "", "Жаир Болсонару", "Bolsonaro | ", "person")
    [row] = [r for r in g.rows if r[1] == "Jair Bolsonaro"]
    assert g.message == "Added «Jair Bolsonaro»." and ("Jair Bolsonaro (person)", row[0]) in g.remove_choices
    assert row[3:6] == ["Жаир Болсонару", "Bolsonaro", "person"]
    g = ctl.glossary_remove(row[0])
    assert g.message == "Removed." and [r[1] for r in g.rows] == ["Elon Musk", "Starlink"]
    assert ctl.glossary_remove(row[0]).message == "That name was already removed."
    with pytest.raises(InputError, match="choose the name"):
        ctl.glossary_remove(None)
    assert ctl.engine.refreshed == 5, "every glossary change rebuilds the reviewer in the background"


def test_score_and_batch_refuse_missing_inputs(ctl: ReviewController):
    with pytest.raises(InputError, match="hypothesis file"):
        ctl.score([], ["ref.txt"], ["bleu"])
    with pytest.raises(InputError, match="upload the files"):
        ctl.batch([])


def test_the_controller_imports_no_gradio():
    code = ("import sys, mtreview.ui.controller, mtreview.ui.exports, mtreview.ui.views; "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'gradio'], 'gradio imported'")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()


@pytest.mark.slow
def test_real_reviewer_through_the_controller(tmp_path: Path):
    """The real names engine (spaCy): «Le masque» → «Musk» is accepted, exported and undone."""
    from mtreview.ui import ReviewEngine

    store = ReviewStore(tmp_path / "reviews.sqlite3")
    ctl = ReviewController(store, ReviewEngine(store, ["names"]), export_dir=tmp_path / "exports")
    text = "Le masque a parlé avec Elon Musk hier soir.\n"
    v = ctl.review(text)
    masque = ids_by_text(v)["Le masque"]
    assert v.selected == masque and v.panel.suggestion == "Musk"
    v = ctl.accept(v.review_id, masque)
    assert v.status(masque) == "accepted" and v.corrected == text.replace("Le masque", "Musk")
    exported = ctl.export(v.review_id)
    assert exported.path("corrected.txt").read_text(encoding="utf-8") == v.corrected
    v = ctl.undo(v.review_id, masque)
    assert v.status(masque) == "pending" and v.corrected == text
