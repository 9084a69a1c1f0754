"""Confidence intervals and paired tests agree with sacrebleu's (API on the excerpt, CLI on WMT21)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.significance import PairedTest

from mtreview.scoring import ScoreRequest, run_scoring
from mtreview.scoring.significance import bootstrap_index_chunks

DATA = Path(__file__).parent / "data" / "scoring" / "wmt21-de-fr"
REF = DATA / "newstest2021.de-fr.ref.A.fr"
NAMES = ("LISN", "Online-A", "Online-W")
SYS = [DATA / "system-outputs" / f"newstest2021.de-fr.hyp.{s}.fr" for s in NAMES]
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt21-news-de-fr" / "de-fr"


def lines(p: Path) -> list[str]:
    return p.read_text(encoding="utf-8").split("\n")[:-1]


def _by(report: dict, system: str, metric: str) -> dict:
    return next(c for c in report["significance"]["comparisons"] if c["system"] == system and c["metric"] == metric)


@pytest.mark.parametrize("test_type", ["bs", "ar"])
def test_paired_tests_equal_sacrebleu_paired_test(test_type: str) -> None:
    named = [(n, lines(p)) for n, p in zip(NAMES, SYS, strict=True)]
    n_samples = 1000 if test_type == "bs" else 2000
    _, sb = PairedTest(named, {"bleu": BLEU(), "chrf": CHRF()}, [lines(REF)], test_type=test_type,
                       n_samples=n_samples)()
    ours = run_scoring(ScoreRequest(hyps=[str(p) for p in SYS], refs=[str(REF)], metrics=["bleu", "chrf"],
                                    test=test_type, ar_trials=n_samples, seed=12345)).data
    for key, metric in (("BLEU", "bleu"), ("chrF2", "chrf")):
        for i, name in enumerate(NAMES[1:], 1):
            assert _by(ours, name, metric)["p_value"] == pytest.approx(sb[key][i].p_value, abs=1e-12)
            if test_type == "bs":
                conf = next(s for s in ours["systems"] if s["name"] == name)["confidence"][metric]
                assert conf["mean"] == pytest.approx(float(sb[key][i].mean), abs=1e-4)
                assert conf["ci"] == pytest.approx(float(sb[key][i].ci), abs=1e-4)
        if test_type == "bs":  # the baseline's interval comes from the same resamples
            conf = ours["systems"][0]["confidence"][metric]
            assert conf["mean"] == pytest.approx(float(sb[key][0].mean), abs=1e-4)
            assert conf["ci"] == pytest.approx(float(sb[key][0].ci), abs=1e-4)


def test_single_system_interval_equals_sacrebleu_confidence() -> None:
    hyp, ref = lines(SYS[0]), lines(REF)
    expected = BLEU().corpus_score(hyp, [ref], n_bootstrap=300)
    ours = run_scoring(ScoreRequest(hyps=[str(SYS[0])], refs=[str(REF)], metrics=["bleu"], bootstrap=300,
                                    seed=12345)).data
    conf = ours["systems"][0]["confidence"]["bleu"]
    assert conf["mean"] == pytest.approx(expected._mean, abs=1e-6)  # sacrebleu sums in float32
    assert conf["ci"] == pytest.approx(expected._ci, abs=1e-6)
    assert conf["low"] <= ours["systems"][0]["bleu"] <= conf["high"]
    assert ours["significance"] is None


def test_chunked_resampling_draws_the_same_indices() -> None:
    one_shot = np.random.default_rng(7).choice(1234, size=(250, 1234), replace=True)
    chunked = np.concatenate(list(bootstrap_index_chunks(1234, 250, 7)))
    assert (one_shot == chunked).all()


def test_all_pairs_and_direction() -> None:
    data = run_scoring(ScoreRequest(hyps=[str(p) for p in SYS], refs=[str(REF)], metrics=["bleu", "ter"],
                                    bootstrap=200, all_pairs=True)).data
    pairs = {(c["baseline"], c["system"]) for c in data["significance"]["comparisons"]}
    assert pairs == {("LISN", "Online-A"), ("LISN", "Online-W"), ("Online-A", "Online-W")}
    ter = _by(data, "Online-A", "ter")
    assert ter["baseline"] == "LISN" and ter["delta"] < 0 and ter["better"] is True  # lower TER is better


@pytest.mark.slow  # a whole WMT test set, through sacrebleu's CLI too
@pytest.mark.skipif(not SHARED.is_dir(),
                    reason="../shared/data/wmt21-news-de-fr is not here (shared data, outside the repository)")
def test_agrees_with_sacrebleu_cli_paired_bs_on_two_wmt21_systems() -> None:
    """`sacrebleu REF -i Online-W Online-B --paired-bs` (text table) vs `mtreview score` on WMT21 de-fr."""
    ref = SHARED / "newstest2021.de-fr.ref.A.fr"
    base = SHARED / "system-outputs" / "newstest2021.de-fr.hyp.Online-W.fr"
    other = SHARED / "system-outputs" / "newstest2021.de-fr.hyp.Online-B.fr"
    out = subprocess.run([sys.executable, "-m", "sacrebleu", str(ref), "-i", str(base), str(other), "--paired-bs",
                          "-m", "bleu", "chrf", "-f", "text", "--no-color", "-w", "4"],
                         capture_output=True, text=True, check=True, env={"SACREBLEU_SEED": "12345", "PATH": ""}).stdout
    # e.g. "│ ... Online-B.fr │ 29.7022 (29.7147 ± 1.1001) │ ..." then "│ │ (p = 0.2358) │ (p = 0.0050)* │"
    cells = re.findall(r"(\d+\.\d{4}) \((\d+\.\d{4}) ± (\d+\.\d{4})\)", out)
    pvals = [float(p) for p in re.findall(r"\(p = (\d\.\d{4})\)", out)]
    assert len(cells) == 4 and len(pvals) == 2
    ours = run_scoring(ScoreRequest(hyps=[str(base), str(other)], refs=[str(ref)], metrics=["bleu", "chrf"])).data
    sysd = {s["name"]: s for s in ours["systems"]}
    expected = {("Online-W", "bleu"): cells[0], ("Online-W", "chrf"): cells[1],
                ("Online-B", "bleu"): cells[2], ("Online-B", "chrf"): cells[3]}
    for (name, metric), (score, mean, ci) in expected.items():
        assert round(sysd[name][metric], 4) == float(score)
        assert round(sysd[name]["confidence"][metric]["mean"], 4) == float(mean)
        assert round(sysd[name]["confidence"][metric]["ci"], 4) == float(ci)
    assert round(_by(ours, "Online-B", "bleu")["p_value"], 4) == pvals[0]
    assert round(_by(ours, "Online-B", "chrf")["p_value"], 4) == pvals[1]
    assert not _by(ours, "Online-B", "bleu")["significant"] and _by(ours, "Online-B", "chrf")["significant"]
