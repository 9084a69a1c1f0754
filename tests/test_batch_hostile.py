"""Malformed and hostile inputs: each is reported in summary.json with the reason and skipped; the run
finishes, the good files are written, the exit status is 1. Nothing is expanded or fetched."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from mtreview.cli import main

DATA = Path(__file__).parent / "data" / "batch"

EXPECTED = {
    "billion-laughs.xlf": "declares XML entities",
    "external-entity.tmx": "external entity",
    "broken.xlf": "not well-formed XML (line 3",
    "wrong-encoding.xlf": "not well-formed XML (line 3",
    "not-xliff.xlf": "not an XLIFF or TMX file",
    "latin1.txt": "not valid UTF-8 at byte 29",
    "binary.txt": "binary file",
    "broken.jsonl": "line 2: not valid JSON",
    "broken.po": "line 2: not a valid PO string",
}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, Path, float]:
    src = tmp_path_factory.mktemp("in")
    shutil.copytree(DATA / "hostile", src / "hostile")
    shutil.copy(DATA / "corpus" / "news.txt", src / "hostile" / "good.txt")
    out = tmp_path_factory.mktemp("out")
    t0 = time.perf_counter()
    rc = main(["-q", "normalise", str(src / "hostile"), "-o", str(out), "--glossary-only", "--workers", "1",
               "--glossary", str(DATA / "glossary.tsv")])
    seconds = time.perf_counter() - t0
    return rc, json.loads((out / "summary.json").read_text("utf-8")), out / "hostile", seconds


def test_run_finishes_and_reports_each_file(run: tuple[int, dict, Path, float]) -> None:
    rc, summary, out, seconds = run
    assert rc == 1
    assert seconds < 30  # no entity expansion
    assert summary["files_ok"] == 1 and summary["files_skipped"] == len(EXPECTED)
    reasons = {Path(s["path"]).name: s["error"] for s in summary["skipped"]}
    assert set(reasons) == set(EXPECTED)
    for name, expected in EXPECTED.items():
        assert expected in reasons[name], (name, reasons[name])
        assert not (out / name).exists()
    assert (out / "good.txt").read_text("utf-8").startswith("Le ministre Sergueï Lavrov")


def test_stderr_names_each_skipped_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["normalise", str(DATA / "hostile" / "broken.xlf"), str(DATA / "hostile" / "binary.txt"),
               "-o", str(tmp_path), "--glossary-only", "--workers", "1", "--glossary", str(DATA / "glossary.tsv")])
    err = capsys.readouterr().err
    assert rc == 1
    assert "skipped" in err and "broken.xlf" in err and "binary.txt" in err
    assert "Traceback" not in err


def test_missing_input_is_reported(tmp_path: Path) -> None:
    rc = main(["-q", "normalise", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o"), "--glossary-only",
               "--glossary", str(DATA / "glossary.tsv")])
    assert rc == 1
    summary = json.loads((tmp_path / "o" / "summary.json").read_text("utf-8"))
    assert summary["skipped"][0]["error"] == "no such file"


def test_detect_encoding_rewrites_in_the_files_own_encoding(tmp_path: Path) -> None:
    """With --detect-encoding a Latin-1 text is normalised and written back in its own encoding."""
    src = tmp_path / "latin1.txt"
    shutil.copy(DATA / "hostile" / "latin1.txt", src)
    rc = main(["-q", "normalise", str(src), "-o", str(tmp_path / "out"), "--glossary-only", "--workers", "1",
               "--detect-encoding", "--glossary", str(DATA / "glossary.tsv")])
    assert rc == 0
    out = (tmp_path / "out" / "latin1.txt").read_bytes()
    expected = src.read_bytes().replace(b"Sergey Lavrov", "Sergueï Lavrov".encode("latin-1")).replace(
        b"Dmitry Medvedev", b"Dmitri Medvedev")
    assert out == expected
    summary = json.loads((tmp_path / "out" / "summary.json").read_text("utf-8"))
    assert summary["files"][0]["encoding_detected"] is True


def test_hostile_tbx_glossary_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tbx = tmp_path / "evil.tbx"
    tbx.write_text('<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                   '<martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>&b;</term></tig>'
                   '</langSet></termEntry></body></text></martif>')
    f = tmp_path / "a.txt"
    f.write_text("x\n")
    assert main(["normalise", str(f), "-o", str(tmp_path / "o"), "--glossary-only", "--glossary", str(tbx)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "Traceback" not in err
