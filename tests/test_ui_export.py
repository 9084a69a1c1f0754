"""Exports of a review: corrected text, log (JSON, CSV) and XLIFF 1.2 with ITS 2.0 quality issues."""

from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

from mtreview.correct import apply_changes
from mtreview.flags import CATEGORIES, Flag
from mtreview.formats.its import ITS_NS, ITS_TYPES, MTR_NS, XLIFF_NS, result_to_xliff
from mtreview.inputs import ReviewInput
from mtreview.review import ReviewResult
from mtreview.store import ReviewStore
from mtreview.ui import export_review, review_log

X = f"{{{XLIFF_NS}}}"
ITS = f"{{{ITS_NS}}}"
MTR = f"{{{MTR_NS}}}"

TEXT = 'Le masque a dit "<b>" & Ilon parle.\n\nLe lien d\'étoile\x0c marche.\n'
ITS_TYPE_VALUES = {
    "terminology", "mistranslation", "omission", "untranslated", "addition", "duplication", "inconsistency",
    "grammar", "legal", "register", "locale-specific-content", "locale-violation", "style", "characters",
    "misspelling", "typographical", "formatting", "inconsistent-entities", "numbers", "markup",
    "pattern-problem", "whitespace", "internationalization", "length", "non-conformance", "uncategorized", "other"}


def span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def make_flags() -> list[Flag]:
    s1, e1 = span(TEXT, "masque")
    s2, e2 = span(TEXT, "Ilon")
    s3, e3 = span(TEXT, "lien d'étoile")
    return [
        Flag(s1, e1, "masque", "name/translated", "critical", 0.97, ["Musk"], 'nom "traduit" <ici>', "names",
             {"entity": "Elon Musk"}, "f1"),
        Flag(s2, e2, "Ilon", "name/corrupted", "major", 0.8, ["Elon"], "prénom déformé", "names", {}, "f2"),
        Flag(s3, e3, "lien d'étoile", "name/translated", "minor", 0.7, ["Starlink"], "calque", "names", {}, "f3"),
    ]


def test_every_category_maps_to_an_its_type():
    assert set(ITS_TYPES) == set(CATEGORIES)
    assert set(ITS_TYPES.values()) <= ITS_TYPE_VALUES


def test_xliff_carries_flags_as_its_quality_issues():
    result = ReviewResult(TEXT, make_flags(), 12, ["names"])
    item = ReviewInput(text=TEXT, source="The Musk said.\n\nThe Starlink works.\n", units=["a", "b", "c"],
                       path="dir/article.tsv")
    decisions = {"f1": {"status": "accepted", "replacement": "Musk"}, "f2": {"status": "rejected"}}
    xml = result_to_xliff(result, item, decisions=decisions)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == f"{X}xliff" and root.get("version") == "1.2" and root.get(f"{ITS}version") == "2.0"
    file_el = root.find(f"{X}file")
    assert file_el.get("original") == "dir/article.tsv" and file_el.get("target-language") == "fr"
    units = root.findall(f".//{X}trans-unit")
    assert [u.get("id") for u in units] == ["a", "c"], "ids of a bilingual input; blank lines skipped"
    assert units[0].find(f"{X}source").text == "The Musk said."
    target = units[0].find(f"{X}target")
    assert "".join(target.itertext()) == TEXT.splitlines()[0], "the target is the reviewed text, unchanged"
    marks = {m.get(f"{MTR}flag"): m for m in root.iter(f"{X}mrk")}
    assert set(marks) == {"f1", "f2", "f3"}
    m1 = marks["f1"]
    assert m1.get("mtype") == "x-its" and m1.text == "masque"
    assert m1.get(f"{ITS}locQualityIssueType") == "mistranslation"
    assert m1.get(f"{ITS}locQualityIssueSeverity") == "100"
    assert m1.get(f"{ITS}locQualityIssueComment") == 'nom "traduit" <ici> Suggestion : Musk'
    assert m1.get(f"{MTR}status") == "accepted" and m1.get(f"{MTR}replacement") == "Musk"
    assert m1.get(f"{ITS}locQualityIssueEnabled") is None
    assert marks["f2"].get(f"{ITS}locQualityIssueEnabled") == "no"
    assert marks["f2"].get(f"{ITS}locQualityIssueType") == "inconsistent-entities"
    assert marks["f3"].get(f"{MTR}status") == "pending" and marks["f3"].get(f"{MTR}confidence") == "0.700"
    alt = units[0].find(f"{X}alt-trans/{X}target")
    assert alt.text == TEXT.splitlines()[0].replace("masque", "Musk")
    assert units[1].find(f"{X}target").get("state") == "needs-review-translation"
    assert "\ufffd" in "".join(units[1].find(f"{X}target").itertext()), "form feed is not XML 1.0"


def test_xliff_without_item_or_decisions_is_read_by_translate_toolkit():
    from translate.storage import xliff

    xml = result_to_xliff(ReviewResult(TEXT, make_flags(), 12))
    store = xliff.xlifffile.parsestring(xml.encode("utf-8"))
    units = [u for u in store.units if not u.isheader()]
    assert len(units) == 2 and units[0].target.startswith("Le masque a dit")
    assert "alt-trans" not in xml


def test_flags_crossing_lines_and_nesting():
    text = "ab cd\nef gh\n"
    flags = [Flag(3, 8, "cd\nef", "accuracy/omission", id="f1"), Flag(9, 11, "gh", "fluency/spelling", id="f2"),
             Flag(9, 10, "g", "fluency/typography", id="f3")]
    root = ET.fromstring(result_to_xliff(ReviewResult(text, flags, 4)).encode("utf-8"))
    marks = [(m.get(f"{MTR}flag"), "".join(m.itertext())) for m in root.iter(f"{X}mrk")]
    assert marks == [("f1", "cd"), ("f1", "ef"), ("f2", "gh"), ("f3", "g")]


def test_check_format_xliff_uses_this_writer():
    from mtreview.report import render_result

    xml = render_result(ReviewResult(TEXT, make_flags(), 12), "xliff", ReviewInput(text=TEXT, path="a.txt"))
    assert 'its:locQualityIssueType="mistranslation"' in xml


def test_export_review_files_agree(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="Le masque", text=TEXT, flags=make_flags(), input_name="article.txt",
                              words=12, detectors=["names"], settings={"categories": list(CATEGORIES),
                                                                        "threshold": 0.0})
    store.set_decisions(rid, [("f1", "accepted", "Musk"), ("f2", "rejected", None), ("f3", "edited", "=Starlink")])
    paths = export_review(store, rid, tmp_path / "out")
    names = [p.name for p in paths]
    assert names == [f"article-{rid[:6]}.corrected.txt", f"article-{rid[:6]}.review-log.json",
                     f"article-{rid[:6]}.review-log.csv", f"article-{rid[:6]}.its.xlf"]
    fixed = paths[0].read_text(encoding="utf-8")
    assert fixed == TEXT.replace("masque", "Musk").replace("lien d'étoile", "=Starlink")
    log = json.loads(paths[1].read_text(encoding="utf-8"))
    assert log == review_log(store.get_review(rid), store.decisions(rid))
    assert apply_changes(TEXT, log["changes"]) == fixed
    assert {k: log["summary"][k] for k in ("flags", "accepted", "edited", "rejected", "pending", "changes")} == {
        "flags": 3, "accepted": 1, "edited": 1, "rejected": 1, "pending": 0, "changes": 2}
    assert {f["id"]: f["status"] for f in log["flags"]} == {"f1": "accepted", "f2": "rejected", "f3": "edited"}
    assert log["review"]["input"] == "article.txt" and log["flags"][0]["line"] == 1
    rows = list(csv.DictReader(io.StringIO(paths[2].read_text(encoding="utf-8"))))
    assert [(r["id"], r["status"], r["replacement"]) for r in rows] == [
        ("f1", "accepted", "Musk"), ("f2", "rejected", ""), ("f3", "edited", "'=Starlink")]
    assert ET.fromstring(paths[3].read_bytes()).get("version") == "1.2"


def test_log_summary_counts(tmp_path):
    store = ReviewStore(tmp_path / "r.sqlite3")
    rid = store.create_review(title="t", text=TEXT, flags=make_flags(), words=12)
    store.set_decision(rid, "f1", "accepted", "Musk")
    s = review_log(store.get_review(rid), store.decisions(rid))["summary"]
    assert (s["flags"], s["accepted"], s["rejected"], s["pending"], s["changes"]) == (3, 1, 0, 2, 1)
    assert s["mqm_score_pending"] > s["mqm_score_before"]
