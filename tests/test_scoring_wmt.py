"""`mtreview score` reproduces the official WMT BLEU and chrF of every de-fr system (±0.01).

The full check reads ../shared/data (skipped cleanly where it is absent); the excerpt in
tests/data/scoring/wmt21-de-fr (40 segments of newstest2021 de-fr, see its README) always runs.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mtreview.cli import main
from mtreview.scoring import ScoreRequest, run_scoring

HERE = Path(__file__).parent
EXCERPT = HERE / "data" / "scoring" / "wmt21-de-fr"
SHARED = HERE.resolve().parents[1] / "shared" / "data"
SETS = {"wmt22-general-de-fr": "generaltest2022", "wmt21-news-de-fr": "newstest2021"}


def official(folder: Path) -> dict[str, tuple[float, float]]:
    """system -> (BLEU, chrF) for de-fr from automatic-scores.de-fr_fr-de.tsv (the "-all" rows)."""
    out: dict[str, dict[str, float]] = {}
    with open(folder / "automatic-scores.de-fr_fr-de.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["pair"] == "de-fr" and row["metric"] in ("bleu-all", "chrf-all"):
                out.setdefault(row["system"], {})[row["metric"]] = float(row["score"])
    return {s: (v["bleu-all"], v["chrf-all"]) for s, v in out.items()}


@pytest.mark.slow  # every system of a whole WMT test set
@pytest.mark.parametrize("name", list(SETS))
def test_official_wmt_scores_for_every_de_fr_system(name: str) -> None:
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"../shared/data/{name} is not here (shared data, outside the repository)")
    expected = official(folder)
    data = run_scoring(ScoreRequest(hyps=[str(folder / "de-fr")], refs=[str(folder / "de-fr")],
                                    metrics=["bleu", "chrf"], bootstrap=0)).data
    got = {s["name"]: (s["bleu"], s["chrf"]) for s in data["systems"]}
    assert set(got) == set(expected)  # every de-fr system of the folder, and only those
    for system, (bleu, chrf) in expected.items():
        assert abs(got[system][0] - bleu) <= 0.01, (system, got[system][0], bleu)
        assert abs(got[system][1] - chrf) <= 0.01, (system, got[system][1], chrf)


@pytest.mark.slow  # every system of a whole WMT test set
def test_wmt_xml_test_set_gives_the_same_scores_as_the_text_files() -> None:
    folder = SHARED / "wmt22-general-de-fr" / "de-fr"
    if not folder.is_dir():
        pytest.skip("../shared/data/wmt22-general-de-fr is not here (shared data, outside the repository)")
    xml = folder / "wmttest2022.de-fr.all.xml"
    data = run_scoring(ScoreRequest(hyps=[str(xml)], refs=[str(xml)], metrics=["bleu", "chrf"], bootstrap=0)).data
    expected = official(folder.parent)
    assert {s["name"] for s in data["systems"]} == set(expected)
    for s in data["systems"]:
        assert abs(s["bleu"] - expected[s["name"]][0]) <= 0.01 and abs(s["chrf"] - expected[s["name"]][1]) <= 0.01


def test_excerpt_folder_route(capsys: pytest.CaptureFixture[str]) -> None:
    """The WMT folder layout of the excerpt: systems named from *.hyp.SYSTEM.fr, source found beside."""
    import json

    rc = main(["score", "--hyp", str(EXCERPT), "--ref", str(EXCERPT), "--metrics", "bleu,chrf", "--bootstrap", "0"])
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    got = {s["name"]: (round(s["bleu"], 2), round(s["chrf"], 2)) for s in data["systems"]}
    assert got == {"LISN": (34.02, 60.73), "Online-A": (42.56, 65.51), "Online-W": (36.12, 63.19)}
    assert data["references"] == {"paths": [str(EXCERPT / "newstest2021.de-fr.ref.A.fr")], "count": 1,
                                  "segments": 40}
