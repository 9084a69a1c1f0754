"""Scores of mtreview.scoring equal sacrebleu's own, corpus and segment level (excerpt: always runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sacrebleu

from mtreview.errors import InputError, UsageError
from mtreview.scoring import ScoreRequest, run_scoring
from mtreview.scoring.metrics import MetricOptions, extract_statistics, parse_metrics
from mtreview.scoring.normalise import FR_NORMALISATION_ID, normalise_fr

DATA = Path(__file__).parent / "data" / "scoring"
WMT = DATA / "wmt21-de-fr"
REF = WMT / "newstest2021.de-fr.ref.A.fr"
SYS = {s: WMT / "system-outputs" / f"newstest2021.de-fr.hyp.{s}.fr" for s in ("LISN", "Online-A", "Online-W")}
ALL = ["bleu", "chrf", "chrf++", "ter"]


def lines(p: Path) -> list[str]:
    return p.read_text(encoding="utf-8").split("\n")[:-1]


#: sacrebleu 2.6.0 on the 40-line excerpt (BLEU, chrF, chrF++, TER), computed with its CLI defaults
PINNED = {"LISN": (34.02110906241057, 60.727458437417006, 58.48951666770805, 50.0),
          "Online-A": (42.56285714783854, 65.51141888997388, 64.1492207610265, 41.269841269841265),
          "Online-W": (36.124757054823235, 63.19306416894614, 60.754310443872505, 49.47089947089947)}


def test_corpus_scores_equal_sacrebleu_public_api_and_pinned_values() -> None:
    report = run_scoring(ScoreRequest(hyps=[str(p) for p in SYS.values()], refs=[str(REF)], bootstrap=0))
    ref = lines(REF)
    for s in report.data["systems"]:
        hyp = lines(SYS[s["name"]])
        expected = (sacrebleu.corpus_bleu(hyp, [ref]).score, sacrebleu.corpus_chrf(hyp, [ref]).score,
                    sacrebleu.corpus_chrf(hyp, [ref], word_order=2).score, sacrebleu.corpus_ter(hyp, [ref]).score)
        assert tuple(s[m] for m in ALL) == pytest.approx(expected, abs=1e-9)
        assert tuple(s[m] for m in ALL) == pytest.approx(PINNED[s["name"]], abs=1e-9)
        assert s["signatures"]["bleu"] == "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"
        assert s["signatures"]["chrf++"] == "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0"
        assert s["signatures"]["ter"].startswith("nrefs:1|case:lc|tok:tercom|norm:no")
    assert report.data["significance"] is None  # --bootstrap 0


def test_segment_scores_equal_sacrebleu_sentence_scores() -> None:
    report = run_scoring(ScoreRequest(hyps=[str(SYS["LISN"])], refs=[str(REF)], segments=True))
    rows = report.data["segments"]
    hyp, ref = lines(SYS["LISN"]), lines(REF)
    assert len(rows) == 40 and rows[0]["id"] == "1" and rows[0]["system"] == "LISN"
    for row, h, r in zip(rows, hyp, ref, strict=True):
        assert row["bleu"] == pytest.approx(sacrebleu.sentence_bleu(h, [r]).score, abs=1e-9)
        assert row["chrf"] == pytest.approx(sacrebleu.sentence_chrf(h, [r]).score, abs=1e-9)
        assert row["chrf++"] == pytest.approx(sacrebleu.sentence_chrf(h, [r], word_order=2).score, abs=1e-9)
        assert row["ter"] == pytest.approx(sacrebleu.sentence_ter(h, [r]).score, abs=1e-9)


def test_several_references_and_variable_references(tmp_path: Path) -> None:
    ref, alt = lines(REF), lines(SYS["Online-W"])  # a second "reference" stream, for the arithmetic
    hyp = lines(SYS["LISN"])
    two = run_scoring(ScoreRequest(hyps=[str(SYS["LISN"])], refs=[str(REF), str(SYS["Online-W"])],
                                   metrics=["bleu", "ter"]))
    s = two.data["systems"][0]
    assert s["bleu"] == pytest.approx(sacrebleu.corpus_bleu(hyp, [ref, alt]).score, abs=1e-9)
    assert s["ter"] == pytest.approx(sacrebleu.corpus_ter(hyp, [ref, alt]).score, abs=1e-9)
    assert s["signatures"]["bleu"].startswith("nrefs:2|") and two.data["references"]["count"] == 2
    # JSONL rows with one or two references: sacrebleu's variable-reference mode (None = absent)
    import json

    p = tmp_path / "refs.jsonl"
    var = [None if i % 2 else a for i, a in enumerate(alt)]
    p.write_text("".join(json.dumps({"id": str(i + 1), "references": [r] + ([v] if v else [])}) + "\n"
                         for i, (r, v) in enumerate(zip(ref, var, strict=True))), encoding="utf-8")
    out = run_scoring(ScoreRequest(hyps=[str(SYS["LISN"])], refs=[str(p)], metrics=["bleu", "chrf"]))
    s = out.data["systems"][0]
    assert s["bleu"] == pytest.approx(sacrebleu.corpus_bleu(hyp, [ref, var]).score, abs=1e-9)
    assert s["chrf"] == pytest.approx(sacrebleu.corpus_chrf(hyp, [ref, var]).score, abs=1e-9)
    assert s["signatures"]["bleu"].startswith("nrefs:var|") and out.data["references"]["count"] == "var"


def test_worker_processes_give_identical_statistics() -> None:
    hyps = [lines(p) for p in SYS.values()]
    refs = [lines(REF)]
    one, _ = extract_statistics(ALL, hyps, refs, MetricOptions(), workers=1)
    two, metrics = extract_statistics(ALL, hyps, refs, MetricOptions(), workers=2)
    assert one == two
    assert metrics["bleu"].num_refs == 1


def test_bleu_options_tokenize_and_lowercase() -> None:
    hyp, ref = lines(SYS["LISN"]), lines(REF)
    out = run_scoring(ScoreRequest(hyps=[str(SYS["LISN"])], refs=[str(REF)], metrics=["bleu", "ter"],
                                   options=MetricOptions(tokenize="intl", lowercase=True)))
    s = out.data["systems"][0]
    assert s["bleu"] == pytest.approx(sacrebleu.corpus_bleu(hyp, [ref], tokenize="intl", lowercase=True).score)
    assert "tok:intl" in s["signatures"]["bleu"] and "case:lc" in s["signatures"]["bleu"]
    with pytest.raises(UsageError, match="--tokenize"):
        run_scoring(ScoreRequest(hyps=[str(SYS["LISN"])], refs=[str(REF)], metrics=["bleu"],
                                 options=MetricOptions(tokenize="no-such-tokenizer")))


def test_french_normalisation_rules() -> None:
    assert normalise_fr("«\u00a0Pourquoi\u202f?\u00a0», dit l’homme") == '"Pourquoi?", dit l\'homme'
    assert normalise_fr("“citation”  et  ‹ autre ›") == '"citation" et "autre"'
    assert normalise_fr("prix\u00a0: 12\u202f000\u2009€\u200b") == "prix: 12 000 €"
    assert normalise_fr("") == "" and normalise_fr("déjà normal") == "déjà normal"


def test_normalisation_applies_to_both_sides_and_shows_in_signature(tmp_path: Path) -> None:
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("L'homme a dit \"oui\" ?\nC'est l'été.\n", encoding="utf-8")
    ref.write_text("L’homme a dit «\u00a0oui\u00a0»\u202f?\nC’est l’été.\n", encoding="utf-8")
    plain = run_scoring(ScoreRequest(hyps=[str(hyp)], refs=[str(ref)])).data["systems"][0]
    norm = run_scoring(ScoreRequest(hyps=[str(hyp)], refs=[str(ref)], normalise="fr")).data["systems"][0]
    assert plain["bleu"] < 100 and norm["bleu"] == pytest.approx(100.0) and norm["ter"] == 0.0
    assert all(f"|norm:{FR_NORMALISATION_ID}|version:2.6.0" in sig for sig in norm["signatures"].values())
    assert not any("norm:" in sig for sig in plain["signatures"].values() if "tercom" not in sig)
    h = [normalise_fr(x) for x in lines(SYS["LISN"])]
    r = [normalise_fr(x) for x in lines(REF)]
    wmt = run_scoring(ScoreRequest(hyps=[str(SYS["LISN"])], refs=[str(REF)], normalise="fr",
                                   metrics=["chrf"])).data["systems"][0]
    assert wmt["chrf"] == pytest.approx(sacrebleu.corpus_chrf(h, [r]).score, abs=1e-9)


def test_parse_metrics() -> None:
    assert parse_metrics("BLEU, chrF++,ter,bleu") == ["bleu", "chrf++", "ter"]
    with pytest.raises(UsageError, match="unknown metric 'meteor'"):
        parse_metrics("bleu,meteor")


def test_reference_unit_without_target_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "refs.xlf"
    p.write_text('<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                 '<file original="f" source-language="en" datatype="plaintext"><body>'
                 '<trans-unit id="1"><source>Hello</source><target>Bonjour</target></trans-unit>'
                 '<trans-unit id="2"><source>Cat</source></trans-unit></body></file></xliff>', encoding="utf-8")
    h = tmp_path / "h.jsonl"
    h.write_text('{"id": "1", "hyp": "Bonjour"}\n{"id": "2", "hyp": "Chat"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="1 segments have no reference translation"):
        run_scoring(ScoreRequest(hyps=[str(h)], refs=[str(p)], metrics=["bleu"]))
