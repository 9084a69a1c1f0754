"""Entity accuracy (XC-Translate's m-ETA) per system and entity type; excerpt always, full test split
from ../shared where present (evaluation only, as the XC-Translate authors ask)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mtreview.errors import InputError
from mtreview.scoring import ScoreRequest, run_scoring
from mtreview.scoring.corpus import strip_pair_suffix

XC = Path(__file__).parent / "data" / "scoring" / "xc-translate"
REFS = XC / "fr_FR.test.excerpt.jsonl"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "xc-translate-en-fr"
SYSTEMS = ("gpt-3", "gpt-4", "m2m", "mbart", "nllb", "kgmt-m2m", "kgmt-mbart", "kgmt-nllb")


def official_meta(refs: Path, predictions: Path) -> tuple[int, int]:
    """XC-Translate's evaluate.py, restated: (correct, total)."""
    mentions = {}
    for line in refs.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row["targets"]:
                mentions[row["id"]] = {t["mention"] for t in row["targets"]}
    preds = {}
    for line in predictions.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[re.match(r"Q[0-9]+_[0-9]", d["id"]).group(0)] = d["prediction"]
    correct = sum(1 for i, ms in mentions.items()
                  if i in preds and any(m.casefold() in preds[i].casefold() for m in ms))
    return correct, len(mentions)


def test_excerpt_entity_accuracy_equals_the_official_protocol() -> None:
    hyps = [str(XC / f"fr_FR.{s}.excerpt.json") for s in ("nllb", "kgmt-nllb")]
    data = run_scoring(ScoreRequest(hyps=hyps, entities=str(REFS), bootstrap=200)).data
    for s, path in zip(data["systems"], hyps, strict=True):
        e = s["entity_accuracy"]
        correct, total = official_meta(REFS, Path(path))
        assert (e["correct"], e["total"], e["missing"]) == (correct, total, 0)
        assert e["accuracy"] == pytest.approx(100 * correct / total)
        assert sum(t["total"] for t in e["by_type"].values()) >= total  # an entity may have several types
        assert "bleu" not in s  # no --ref: no reference metrics
        assert s["confidence"]["entity_accuracy"]["low"] <= e["accuracy"] <= s["confidence"]["entity_accuracy"]["high"]
    assert [s["name"] for s in data["systems"]] == ["fr_FR.nllb.excerpt", "fr_FR.kgmt-nllb.excerpt"]
    comp = data["significance"]["comparisons"]
    assert [c["metric"] for c in comp] == ["entity_accuracy"]


def test_entity_and_reference_scores_together_with_language_pair_ids() -> None:
    kg = XC / "fr_FR.kgmt-nllb.excerpt.json"
    first_id = json.loads(kg.read_text(encoding="utf-8").splitlines()[0])["id"]
    assert first_id.endswith("-eng_Latn-fra_Latn") and strip_pair_suffix(first_id) == first_id.split("-")[0]
    data = run_scoring(ScoreRequest(hyps=[str(kg)], refs=[str(REFS)], entities=str(REFS),
                                    metrics=["bleu", "chrf"], segments=True)).data
    s = data["systems"][0]
    assert data["references"]["count"] in ("var", 1, 2)
    assert 0 < s["bleu"] < 100 and s["entity_accuracy"]["total"] == 30
    hits = [r["entity_correct"] for r in data["segments"]]
    assert sum(hits) == s["entity_accuracy"]["correct"]


def test_missing_outputs_need_allow_missing_and_count_as_wrong(tmp_path: Path) -> None:
    lines = (XC / "fr_FR.nllb.excerpt.json").read_text(encoding="utf-8").splitlines()
    partial = tmp_path / "partial.jsonl"
    partial.write_text("\n".join(lines[:-3]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no hypothesis for 3 of the 30 .*--allow-missing"):
        run_scoring(ScoreRequest(hyps=[str(partial)], entities=str(REFS)))
    data = run_scoring(ScoreRequest(hyps=[str(partial)], entities=str(REFS), allow_missing=True)).data
    e = data["systems"][0]["entity_accuracy"]
    assert e["missing"] == 3 and (e["correct"], e["total"]) == official_meta(REFS, partial)
    assert e["accuracy_with_output"] == pytest.approx(100 * e["correct"] / 27)
    assert any("3 of 30" in w for w in data["warnings"])


def test_normalised_matching_accepts_typographic_apostrophes(tmp_path: Path) -> None:
    refs = tmp_path / "refs.jsonl"
    refs.write_text(json.dumps({"id": "Q1_0", "entity_types": ["Book"], "targets": [
        {"translation": "Qui a écrit L'Étranger ?", "mention": "L'Étranger"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    hyp = tmp_path / "hyp.jsonl"
    hyp.write_text(json.dumps({"id": "Q1_0", "prediction": "Qui a écrit l’Étranger ?"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    plain = run_scoring(ScoreRequest(hyps=[str(hyp)], entities=str(refs))).data["systems"][0]["entity_accuracy"]
    norm = run_scoring(ScoreRequest(hyps=[str(hyp)], entities=str(refs), normalise="fr")).data
    assert plain["correct"] == 0
    assert norm["systems"][0]["entity_accuracy"]["correct"] == 1 and norm["systems"][0]["entity_accuracy"]["normalised"]
    assert norm["systems"][0]["entity_accuracy"]["by_type"] == {"Book": {"accuracy": 100.0, "correct": 1, "total": 1}}


def test_entity_file_without_mentions_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "plain.jsonl"
    p.write_text('{"id": "1", "translation": "Bonjour"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no entity mentions"):
        run_scoring(ScoreRequest(hyps=[str(p)], entities=str(p)))


@pytest.mark.slow  # the whole XC-Translate test split, eight systems
@pytest.mark.skipif(not SHARED.is_dir(),
                    reason="../shared/data/xc-translate-en-fr is not here (shared data, outside the repository)")
def test_xc_translate_test_split_all_eight_systems() -> None:
    refs = SHARED / "references" / "fr_FR.test.jsonl"
    hyps = [str(SHARED / "predictions" / f"fr_FR.{s}.json") for s in SYSTEMS]
    data = run_scoring(ScoreRequest(hyps=hyps, entities=str(refs), allow_missing=True, bootstrap=0)).data
    got = {s["name"].removeprefix("fr_FR."): s["entity_accuracy"] for s in data["systems"]}
    # measured with mtreview, identical to XC-Translate's evaluate.py on the same files (docs/scoring.md)
    expected = {"gpt-3": 1553, "gpt-4": 1600, "m2m": 740, "mbart": 866, "nllb": 1371,
                "kgmt-m2m": 2125, "kgmt-mbart": 2155, "kgmt-nllb": 2038}
    for system, correct in expected.items():
        assert (got[system]["correct"], got[system]["total"]) == (correct, 5465)
        assert (correct, 5465) == official_meta(refs, SHARED / "predictions" / f"fr_FR.{system}.json")
    assert got["gpt-4"]["missing"] == 1242 and got["kgmt-nllb"]["missing"] == 276
