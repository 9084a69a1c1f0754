"""Reference-free MQM scores: arithmetic from real flags, and the review engine on the seed article."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import slow_fixture

from mtreview.flags import Flag, mqm_score
from mtreview.scoring.mqm import (
    MQMSummary,
    SegmentReview,
    mqm_compute,
    mqm_from_totals,
    stats_array,
    summarise,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"


def flag(cat: str, sev: str, start: int = 0) -> Flag:
    return Flag(start=start, end=start + 4, text="Ilon", category=cat, severity=sev, confidence=0.9)


def test_penalties_and_formula_match_the_contract() -> None:
    segs = [SegmentReview([flag("name/corrupted", "major"), flag("fluency/typography", "minor", 5)], 20),
            SegmentReview([], 10),
            SegmentReview([flag("accuracy/mistranslation", "critical")], 10)]
    assert [s.penalty for s in segs] == [5.1, 0, 25]
    assert segs[0].score == pytest.approx(100 * (1 - 5.1 / 20))
    assert segs[2].score == 0.0  # floored at 0 (25 penalty points on 10 words)
    summary = summarise(segs, docs=["d1", "d1", "d2"])
    # the system score comes from summed statistics, not from the mean of segment scores
    assert summary["score"] == pytest.approx(100 * (1 - 30.1 / 40))
    assert round(summary["score"], 2) == mqm_score([f for s in segs for f in s.flags], 40)
    assert summary["by_category"] == {"accuracy/mistranslation": 1, "fluency/typography": 1, "name/corrupted": 1}
    assert summary["by_severity"] == {"minor": 1, "major": 1, "critical": 1}
    docs = {d["id"]: d for d in summary["documents"]}
    assert docs["d1"]["score"] == pytest.approx(100 * (1 - 5.1 / 30)) and docs["d2"]["score"] == 0.0
    assert docs["d1"]["flags"] == 2 and docs["d2"]["words"] == 10
    st = stats_array(segs)
    assert st.shape == (3, 2) and mqm_compute(st.sum(0)) == pytest.approx(summary["score"])
    assert mqm_from_totals(3, 0) == 100.0 and MQMSummary().score == 100.0


def test_empty_and_single_segment_statistics() -> None:
    assert stats_array([]).shape == (0, 2)
    assert mqm_compute(np.array([0.0, 12.0])) == 100.0


@pytest.fixture(scope="module")
@slow_fixture  # the full review engine
def seed_scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list[str]]:
    """The first 12 lines of the seed article scored reference-free through the CLI (real reviewer)."""
    from mtreview.cli import main

    lines = SEED.read_text(encoding="utf-8").split("\n")[:12]
    d = tmp_path_factory.mktemp("mqm")
    hyp = d / "seed.txt"
    hyp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = d / "mqm.json"
    try:
        rc = main(["-q", "score", "--hyp", str(hyp), "--reference-free", "--segments", "-o", str(out)])
    except Exception as e:  # pragma: no cover - the engine must never raise past the CLI
        pytest.fail(f"mtreview score --reference-free raised {e!r}")
    assert rc == 0, "mtreview score --reference-free failed on the seed article (its error is above)"
    return json.loads(out.read_text(encoding="utf-8")), lines


def test_reference_free_scores_are_the_reviewers_flags(seed_scored: tuple[dict, list[str]]) -> None:
    from collections import Counter

    from mtreview.flags import penalty
    from mtreview.review import get_reviewer

    data, lines = seed_scored
    system = data["systems"][0]
    q = system["mqm"]
    assert system["name"] == "seed" and "bleu" not in system
    assert q["signature"].startswith("mqm|weights:minor=1,major=5,critical=25,typography-minor=0.1|detectors:")
    # the engine reviews whole lines in one batch: the same flags as a direct review of that text
    text = "\n".join(lines) + "\n"
    result = get_reviewer().review(text)
    assert q["flags"] == len(result.flags) > 0, "the seed article has known broken names"
    assert q["by_category"] == dict(sorted(Counter(f.category for f in result.flags).items()))
    assert q["penalty"] == pytest.approx(sum(penalty(f) for f in result.flags))
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    per_line = Counter(max(i for i, s0 in enumerate(starts) if s0 <= f.start) for f in result.flags)
    assert [r["flags"] for r in data["segments"]] == [per_line.get(i, 0) for i in range(len(lines))]
    words = sum(len(line.split()) for line in lines)
    assert q["words"] == words == result.words
    assert q["score"] == pytest.approx(max(0.0, 100 * (1 - q["penalty"] / words)))
    assert round(q["score"], 2) == result.summary["mqm_score"]
    for r in data["segments"]:
        assert (r["mqm"] < 100) == (r["flags"] > 0)
