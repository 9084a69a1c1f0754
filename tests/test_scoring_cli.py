"""`mtreview score` end to end: the contract's JSON, text/CSV/HTML reports, every input format,
clear errors with the contract's exit statuses (never a traceback)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtreview.cli import main

DATA = Path(__file__).parent / "data" / "scoring"
WMT = DATA / "wmt21-de-fr"
FORMATS = DATA / "formats"
REF = WMT / "newstest2021.de-fr.ref.A.fr"
LISN = WMT / "system-outputs" / "newstest2021.de-fr.hyp.LISN.fr"
ONLINE_A = WMT / "system-outputs" / "newstest2021.de-fr.hyp.Online-A.fr"


def score(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = main(["-q", "score", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def test_contract_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hyp = tmp_path / "system1.txt"
    hyp.write_bytes(LISN.read_bytes())
    rc, out, _ = score(capsys, "--hyp", str(hyp), "--hyp", str(ONLINE_A), "--ref", str(REF))
    assert rc == 0
    data = json.loads(out)
    first, second = data["systems"]
    assert first["name"] == "system1" and second["name"] == "Online-A"  # file stem; WMT names recognised
    for key in ("bleu", "chrf", "chrf++", "ter"):
        assert isinstance(first[key], float)
    assert first["signatures"]["bleu"] == "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"
    assert round(first["bleu"], 2) == 34.02 and round(second["chrf"], 2) == 65.51
    sig = data["significance"]
    assert sig["test"] == "paired-bs" and sig["samples"] == 1000 and sig["baseline"] == "system1"
    assert {c["metric"] for c in sig["comparisons"]} == {"bleu", "chrf", "chrf++", "ter"}
    assert "segments" not in data and data["version"] == 1


@pytest.mark.parametrize("hyp, expected_name", [
    (FORMATS / "LISN.tsv", "LISN"), (FORMATS / "LISN.jsonl", "LISN"), (FORMATS / "LISN.xlf", "LISN"),
])
def test_bilingual_hypothesis_files_score_like_the_text_file(capsys: pytest.CaptureFixture[str], hyp: Path,
                                                             expected_name: str) -> None:
    rc, out, _ = score(capsys, "--hyp", str(LISN), "--ref", str(REF), "--metrics", "bleu,chrf", "--bootstrap", "0")
    plain = json.loads(out)["systems"][0]
    ref = FORMATS / "ref.xlf" if hyp.suffix in (".jsonl", ".xlf") else REF  # ids s1..s40 on both sides
    rc, out, _ = score(capsys, "--hyp", str(hyp), "--ref", str(ref), "--metrics", "bleu,chrf", "--bootstrap", "0")
    assert rc == 0
    got = json.loads(out)["systems"][0]
    assert got["name"] == expected_name
    assert (got["bleu"], got["chrf"]) == (plain["bleu"], plain["chrf"])


@pytest.mark.parametrize("hyp", [FORMATS / "Online-A.tmx", FORMATS / "Online-A.po"])
def test_tmx_and_po_hypotheses(capsys: pytest.CaptureFixture[str], hyp: Path) -> None:
    rc, out, _ = score(capsys, "--hyp", str(ONLINE_A), "--ref", str(REF), "--metrics", "ter", "--bootstrap", "0")
    plain = json.loads(out)["systems"][0]["ter"]
    rc, out, _ = score(capsys, "--hyp", str(hyp), "--ref", str(REF), "--metrics", "ter", "--bootstrap", "0")
    assert rc == 0 and json.loads(out)["systems"][0]["ter"] == plain


def test_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = score(capsys, "--hyp", str(LISN), "--hyp", str(ONLINE_A), "--ref", str(REF),
                       "--metrics", "bleu", "--format", "text", "--bootstrap", "300")
    assert rc == 0
    assert "LISN" in out and "34.02 ±" in out and "Online-A vs LISN" in out
    assert "BLEU: nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0" in out


def test_csv_system_table_and_segment_rows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "scores.csv"
    rc, _, _ = score(capsys, "--hyp", str(LISN), "--ref", str(REF), "--metrics", "bleu,chrf", "--format", "csv",
                     "-o", str(out_file))
    rows = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert rc == 0 and len(rows) == 1 and rows[0]["system"] == "LISN" and round(float(rows[0]["bleu"]), 2) == 34.02
    rc, out, _ = score(capsys, "--hyp", str(LISN), "--ref", str(REF), "--metrics", "chrf", "--format", "csv",
                       "--segments")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 40 and rows[0]["id"] == "1" and 0 <= float(rows[0]["chrf"]) <= 100


def test_segments_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = score(capsys, "--hyp", str(LISN), "--ref", str(REF), "--metrics", "bleu", "--segments")
    seg = json.loads(out)["segments"]
    assert rc == 0 and len(seg) == 40 and set(seg[0]) == {"system", "id", "bleu"}


def test_html_report_is_written_atomically(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "report.html"
    rc, _, _ = score(capsys, "--hyp", str(LISN), "--hyp", str(ONLINE_A), "--ref", str(REF), "--metrics", "bleu,chrf",
                     "--format", "html", "-o", str(out_file))
    page = out_file.read_text(encoding="utf-8")
    assert rc == 0 and page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page and "<script" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert page.count("<svg") >= 4  # scores with CIs (2 metrics) + segment distributions (2 metrics)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left behind


@pytest.mark.parametrize("argv, status, message", [
    (["--hyp", "missing.txt", "--ref", str(REF)], 1, "missing.txt: no such file or folder"),
    (["--hyp", str(LISN), "--ref", str(FORMATS / "LISN.tsv"), "--metrics", "bleu"], 0, ""),
    (["--hyp", str(LISN), "--ref", str(DATA / "xc-translate" / "fr_FR.test.excerpt.jsonl")], 1,
     "has 40 segments but"),
    (["--hyp", str(LISN)], 2, "nothing to score against"),
    (["--hyp", str(LISN), "--ref", str(REF), "--metrics", "bleu,meteor"], 2, "unknown metric 'meteor'"),
    (["--hyp", str(LISN), "--ref", str(REF), "--bootstrap", "-3"], 2, "--bootstrap"),
    (["--hyp", str(LISN), "--ref", str(REF), "-o", str(REF)], 2, "never overwrites its input"),
])
def test_errors_are_one_line_with_the_contract_status(capsys: pytest.CaptureFixture[str], argv: list[str],
                                                      status: int, message: str) -> None:
    rc, _, err = score(capsys, *argv)
    assert rc == status
    if message:
        assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_length_mismatch_through_the_console_script(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Une seule ligne.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mtreview", "score", "--hyp", str(short), "--ref", str(REF)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (f"mtreview: {short} has 1 segments but {REF} has 40: hypotheses and references "
                                   "must be aligned segment by segment (one per line for plain text)")
    proc = subprocess.run([sys.executable, "-m", "mtreview", "score", "--ref", str(REF)], capture_output=True, text=True)
    assert proc.returncode == 2 and "--hyp" in proc.stderr


def test_malformed_xliff_hypothesis(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff version='1.2'><file><body><trans-unit id='1'></file></xliff>", encoding="utf-8")
    rc, _, err = score(capsys, "--hyp", str(bad), "--ref", str(REF))
    assert rc == 1 and "bad.xlf:1:" in err and "malformed XML" in err
