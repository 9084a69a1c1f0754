"""The review UI's logic without a browser: highlighting, decisions, diff, escaping, input, engine, tabs."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from mtreview.correct import Change, apply_changes
from mtreview.errors import InputError
from mtreview.flags import CATEGORIES, Flag
from mtreview.store import Decision, ReviewStore
from mtreview.ui import (
    colour_map,
    decided_changes,
    diff_html,
    flag_detail_html,
    flag_label,
    glossary_candidates,
    highlight_segments,
    launch_options,
    read_review_request,
    review_scope,
    run_batch,
    run_score,
    status_html,
    visible_flags,
)

TEXT = "Le masque a parlé avec Ilon Musk <b>hier</b>.\nLe lien d'étoile marche.\n"
EVIL = '<img src=x onerror="alert(1)">'


def make_flags() -> list[Flag]:
    t = TEXT
    return [
        Flag(t.index("masque"), t.index("masque") + 6, "masque", "name/translated", "critical", 0.97, ["Musk"],
             "« masque » traduit", "names", {"entity": "Elon Musk", "type": "person"}, "f1"),
        Flag(t.index("Ilon"), t.index("Ilon") + 4, "Ilon", "name/corrupted", "major", 0.6, ["Elon"],
             "prénom déformé", "names", {"entity": "Elon Musk", "type": "person"}, "f2"),
        Flag(t.index("lien d'étoile"), t.index("lien d'étoile") + 13, "lien d'étoile", "name/translated", "major",
             0.9, ["Starlink"], "calque", "names", {"entity": "Starlink", "type": "brand"}, "f3"),
        Flag(t.index("marche"), t.index("marche") + 6, "marche", "fluency/grammar", "minor", 0.3, [], "", "x", {}, "f4"),
    ]


def dec(status: str, replacement: str | None = None, fid: str = "") -> Decision:
    return Decision(fid, status, replacement, 1.0)


def test_highlight_segments_cover_the_text_and_map_flags():
    flags = make_flags()
    refinement = Flag(TEXT.index("lien"), TEXT.index("lien") + 4, "lien", "fluency/spelling", id="f5")
    segments, ids = highlight_segments(TEXT, [*flags, refinement], {"f1": dec("accepted", "Musk")})
    assert "".join(s for s, _ in segments) == TEXT
    by_id = {i: seg for i, seg in zip(ids, segments, strict=True) if i}
    assert by_id["f1"] == ("masque", "name/translated ✓")
    assert by_id["f2"] == ("Ilon", "name/corrupted")
    assert "f5" not in by_id, "a span inside another is shown once"
    assert all(label is None for i, (_, label) in zip(ids, segments, strict=True) if i is None)


def test_every_label_has_a_colour():
    cmap = colour_map()
    for cat in CATEGORIES:
        flag = Flag(0, 1, "x", cat, id="f1")
        for d in ({}, {"f1": dec("accepted", "y")}, {"f1": dec("edited", "z")}, {"f1": dec("rejected")}):
            assert flag_label(flag, d) in cmap


def test_the_highlight_gets_the_colours_of_its_labels_only():
    """Each page's HighlightedText gets the colours of the labels on it: the page draws a canvas for every
    label of the map at each change of its value (a whole map was 300 canvases a page)."""
    from mtreview.ui.views import page_colours

    cmap = colour_map()
    segments = [("Le ", None), ("masque", "name/translated ✓"), (" a dit ", None), ("Ilon", "name/corrupted"),
                (" et ", None), ("Ilon", "name/corrupted")]
    assert page_colours(segments) == {"name/translated ✓": cmap["name/translated ✓"],
                                      "name/corrupted": cmap["name/corrupted"]}
    assert page_colours([("Rien à signaler.", None)]) == {}


def test_visible_flags_filter_by_category_and_confidence():
    flags = make_flags()
    assert [f.id for f in visible_flags(flags, None, 0.0)] == ["f1", "f2", "f3", "f4"]
    assert [f.id for f in visible_flags(flags, ["name/translated"], 0.0)] == ["f1", "f3"]
    assert [f.id for f in visible_flags(flags, list(CATEGORIES), 0.65)] == ["f1", "f3"]
    assert visible_flags(flags, [], 0.0) == []


def test_decisions_become_changes_that_apply_exactly():
    flags = make_flags()
    overlapping = Flag(TEXT.index("masque") + 2, TEXT.index("masque") + 8, TEXT[TEXT.index("masque") + 2:
                       TEXT.index("masque") + 8], "fluency/spelling", id="f9")
    decisions = {"f1": dec("accepted", "Musk"), "f2": dec("rejected"), "f3": dec("edited", "Starlink"),
                 "f9": dec("accepted", "zz")}
    changes, skipped = decided_changes(TEXT, [*flags, overlapping], decisions)
    assert [c.flag_id for c in changes] == ["f1", "f3"] and skipped == ["f9"]
    fixed = apply_changes(TEXT, changes)
    assert fixed == TEXT.replace("masque", "Musk").replace("lien d'étoile", "Starlink")
    assert apply_changes(TEXT, [Change(**c.to_dict()) for c in changes]) == fixed


def test_diff_marks_changes_and_escapes_everything():
    original = f"Le masque {EVIL} parle.\nSans changement.\n"
    corrected = original.replace("masque", "Musk")
    out = diff_html(original, corrected)
    assert "<img" not in out and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
    assert "<del>masque</del>" in out and "<ins>Musk</ins>" in out
    assert "1 changed line" in out
    long_orig = "".join(f"ligne {i}\n" for i in range(1000)) + "le masque\n"
    long_out = diff_html(long_orig, long_orig.replace("le masque", "le Musk"))
    assert "1000 unchanged lines" in long_out and "<ins>Musk</ins>" in long_out
    assert long_out.count("<tr") < 10, "long texts show only the changed lines"
    added_line = diff_html("a\nb\n", "a\nb\nc\nd\n")
    assert "<ins>c" in added_line


def test_flag_details_and_status_are_escaped():
    flag = Flag(0, 5, EVIL[:5], "name/corrupted", "major", 0.5, [EVIL], EVIL, "names",
                {EVIL: EVIL, "list": [EVIL]}, 'f1"><script>')
    html_out = flag_detail_html(flag, Decision("f1", "edited", EVIL, 1.0), EVIL)
    assert "<img" not in html_out and "<script" not in html_out
    assert html_out.count("&lt;img") >= 4
    assert "<script" not in status_html("<script>alert(1)</script>") and "&lt;script&gt;" in status_html("<script>")


def test_review_scope_keeps_decided_flags_outside_the_filter(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=TEXT, flags=make_flags(),
                              settings={"categories": ["name/translated"], "threshold": 0.95})
    store.set_decision(rid, "f2", "rejected")
    review = store.get_review(rid)
    assert [f.id for f in review_scope(review, store.decisions(rid))] == ["f1", "f2"]


def test_glossary_candidates_from_name_corrections(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    flags = make_flags()
    rid = store.create_review(title="t", text=TEXT, flags=flags)
    store.set_decisions(rid, [("f1", "accepted", "Musk"), ("f2", "rejected", None), ("f3", "edited", "Starlink")])
    cands = glossary_candidates(store.get_review(rid), store.decisions(rid))
    assert cands == [
        {"fr": "Elon Musk", "en": "", "ru": "", "aliases": ["Musk"], "type": "person"},
        {"fr": "Starlink", "en": "", "ru": "", "aliases": [], "type": "brand"},
    ]
    assert not any("masque" in c["aliases"] or c["fr"] == "masque" for c in cands), "never the wrong form"


def test_read_review_request_text_file_source_and_limits(tmp_path):
    r = read_review_request("  Le masque.\nSuite", "The Musk.", None, None)
    assert (r.text, r.source, r.title, r.input_name) == ("  Le masque.\nSuite", "The Musk.", "Le masque.", "")
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("The Musk spoke.\tLe masque a parlé.\nHello.\tBonjour.\n", encoding="utf-8")
    r = read_review_request("ignored", "", str(tsv), None)
    assert r.text == "Le masque a parlé.\nBonjour.\n" and r.source == "The Musk spoke.\nHello.\n"
    assert r.units == ["1", "2"] and r.input_name == "pairs.tsv"
    src = tmp_path / "src.txt"
    src.write_text("The Musk.\n", encoding="utf-8")
    assert read_review_request("Le masque.\n", None, None, str(src)).source == "The Musk.\n"
    with pytest.raises(InputError, match="paste a text"):
        read_review_request("   ", None, None, None)
    with pytest.raises(InputError, match="more than the limit"):
        read_review_request("é" * 600, None, None, None, max_bytes=1000)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2001)
    with pytest.raises(InputError, match=r"big\.txt.*more than the limit"):
        read_review_request(None, None, str(big), None, max_bytes=2000)
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK")
    with pytest.raises(InputError, match="reads"):
        read_review_request(None, None, str(bad), None)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(InputError, match="binary"):
        read_review_request(None, None, str(binary), None)


@pytest.mark.slow  # the theme is Gradio's
def test_launch_options_are_local_and_safe():
    opts = launch_options(1024)
    assert opts["max_file_size"] == 1024 and "share" not in opts
    assert opts["run_history"] is False and opts["enable_monitoring"] is False and opts["mcp_server"] is False
    theme = opts["theme"]
    assert "googleapis" not in json.dumps(theme.to_dict(), default=str)


def _load_app_module():
    spec = importlib.util.spec_from_file_location("mtreview_app", ROOT / "app.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_app_command_line():
    app = _load_app_module()
    assert app.parse_auth("ana:p:ss") == ("ana", "p:ss") and app.parse_auth(None) is None
    for bad in ("nopassword", ":x", "x:"):
        with pytest.raises(Exception, match="user:password"):
            app.parse_auth(bad)
    assert app.is_loopback("127.0.0.1") and app.is_loopback("localhost") and app.is_loopback("::1")
    assert not app.is_loopback("0.0.0.0") and not app.is_loopback("example.org")
    args = app.build_parser().parse_args([])
    assert (args.host, args.port, args.max_upload_mb, args.warm_up) == ("127.0.0.1", 7860, 5.0, True)
    assert app.main(["--port", "0"]) == 2 and app.main(["--auth", "bad"]) == 2


@pytest.mark.slow  # Gradio
def test_build_app_without_launching(tmp_path):
    from mtreview.ui import build_app

    demo = build_app(tmp_path / "db.sqlite3")
    config = json.dumps(demo.get_config_file(), default=str)
    assert "mtr-highlight" in config and "mtr-diff" in config
    assert (tmp_path / "db.sqlite3").is_file()


def test_engine_reads_the_user_glossary(tmp_path):
    from mtreview.ui import ReviewEngine

    store = ReviewStore(tmp_path / "r.sqlite3")
    engine = ReviewEngine(store, [])  # no detectors: the wiring, without loading the names base
    first = engine.reviewer()
    assert first.glossary is None and engine.reviewer() is first, "rebuilt only when the glossary changes"
    store.add_glossary_entry("Zorglub Tartempion", "Zorglub Tartempion", "Зорглуб Тартемпион", type="person")
    second = engine.reviewer()
    assert second is not first
    assert [e.fr for e in second.glossary] == ["Zorglub Tartempion"]
    assert engine.glossary_path.read_text(encoding="utf-8").startswith("fr,en,ru,aliases,type\n")
    assert engine.review("Zorglub Tartempion parle.\n").flags == []


def test_next_review_uses_a_name_added_to_the_glossary(tmp_path, names_reviewer):
    """Real engine: a name the built-in base does not know is corrected once it is in the user glossary."""
    from mtreview.ui import ReviewEngine

    text = "Zorglubb Tartempion a parlé avec Vladimir Poutine. Puis Tartempion est parti.\n"
    assert not [f for f in names_reviewer.review(text).flags if "Zorglub" in f.text]
    store = ReviewStore(tmp_path / "r.sqlite3")
    store.add_glossary_entry("Zorglub Tartempion", ru="Зорглуб Тартемпион", type="person")
    flags = ReviewEngine(store, ["names"]).review(text).flags
    assert [(f.text, f.suggestions[:1]) for f in flags if f.category.startswith("name/")] == [
        ("Zorglubb Tartempion", ["Zorglub Tartempion"])]


def test_score_tab_runs_the_scoring_feature(tmp_path):
    ref = tmp_path / "ref.txt"
    ref.write_text("Elon Musk a parlé avec Poutine.\nLe chat dort.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Elon Musk a parlé avec Poutine.\nLe chat dort.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Le masque a parlé avec Poutine.\nLe chien mange.\n", encoding="utf-8")
    rows, files, data = run_score([str(good), str(bad)], [str(ref)], ["bleu", "chrf"], tmp_path / "out")
    by = {r["system"]: r for r in rows}
    assert by["good"]["bleu"] == pytest.approx(100.0) and by["bad"]["bleu"] < by["good"]["bleu"]
    assert {f.name for f in files} >= {"scores.json", "scores.csv"}
    assert json.loads((tmp_path / "out" / "scores.json").read_text(encoding="utf-8"))["systems"]


def test_batch_tab_runs_the_batch_feature(tmp_path):
    gloss = tmp_path / "g.csv"
    gloss.write_text("fr,variants,type\nElon Musk,Ilon Musk,person\n", encoding="utf-8")
    a = tmp_path / "a.txt"
    a.write_text("Ilon Musk a parlé.\nRien.\n", encoding="utf-8")
    seen: list = []
    summary, changes, files = run_batch([str(a)], [str(gloss)], tmp_path / "out", glossary_only=True,
                                        progress=lambda p, desc=None: seen.append(p))
    assert summary["changes"] == 1 and changes[0]["file"] == "a.txt"
    assert seen[0] == (0, 1) and seen[-1] == (1, 1)
    with zipfile.ZipFile(files[0]) as zf:
        assert zf.read("a.txt").decode("utf-8") == "Elon Musk a parlé.\nRien.\n"
    assert Path(files[1]).read_text(encoding="utf-8").count("\n") == 1


def test_glossary_candidates_drop_the_preposition_a_correction_carries(tmp_path):
    text = "Les contacts du masque avec De Gaulle.\n"
    flags = [Flag(text.index("du masque"), text.index("du masque") + 9, "du masque", "name/translated", "critical",
                  0.9, ["de Musk"], "nom traduit", "names", {"entity": "Musk", "type": "person"}, "f1"),
             Flag(text.index("De Gaulle"), text.index("De Gaulle") + 9, "De Gaulle", "name/spelling", "minor",
                  0.9, ["de Gaulle"], "casse", "names", {"entity": "de Gaulle", "type": "person"}, "f2")]
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=text, flags=flags)
    store.set_decisions(rid, [("f1", "accepted", "de Musk"), ("f2", "accepted", "de Gaulle")])
    cands = {c["fr"]: c for c in glossary_candidates(store.get_review(rid), store.decisions(rid))}
    assert set(cands) == {"Musk", "de Gaulle"}  # «de Musk» is no name; «de Gaulle» keeps its particle
