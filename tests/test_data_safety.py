"""Data safety of every command that writes: no output over an input, no special file replaced, no
damaged UTF-8 silently re-decoded, no lost standard input. Real CLI runs (subprocesses), real files.

Each test is one data-loss case of the hardening issue; see docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEED, one_line_error

GLOSSARY = ROOT / "tests" / "data" / "batch" / "glossary.tsv"
TEXT = "Le ministre Sergey Lavrov a déclaré à Moscou que la Fédération était prête.\n"


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT, umask: int = -1) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mtreview", *args], input=stdin, capture_output=True, cwd=cwd,
                          env=env, timeout=600, umask=umask)




@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


# ------------------------------------------------------------------ 1. outputs never overwrite inputs

def test_check_output_onto_input_is_refused(text_file: Path) -> None:
    r = run("check", str(text_file), "--detectors", "typography", "-o", str(text_file))
    one_line_error(r, 2, str(text_file), "never overwrites")
    assert text_file.read_text("utf-8") == TEXT


def test_check_output_through_a_symlink_or_hard_link_to_input_is_refused(text_file: Path, tmp_path: Path) -> None:
    sym, hard = tmp_path / "sym.json", tmp_path / "hard.json"
    sym.symlink_to(text_file)
    os.link(text_file, hard)
    for out in (sym, hard):
        one_line_error(run("check", str(text_file), "--detectors", "typography", "-o", str(out)), 2, "never overwrites")
    assert text_file.read_text("utf-8") == TEXT and sym.is_symlink()


def test_fix_log_onto_input_is_refused(text_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.txt"
    r = run("fix", str(text_file), "--detectors", "typography", "-o", str(out), "--log", str(text_file))
    one_line_error(r, 2, "--log", "never overwrites")
    assert text_file.read_text("utf-8") == TEXT
    assert not out.exists()  # refused before anything is written


def test_fix_output_onto_source_is_refused(text_file: Path, tmp_path: Path) -> None:
    src = tmp_path / "b.txt"
    src.write_text("Minister Sergey Lavrov said in Moscow that the Federation was ready.\n", encoding="utf-8")
    before = src.read_bytes()
    r = run("fix", str(text_file), "--source", str(src), "--detectors", "typography", "-o", str(src))
    one_line_error(r, 2, "--source", "never overwrites")
    assert src.read_bytes() == before


def test_fix_output_and_log_on_the_same_file_are_refused(text_file: Path, tmp_path: Path) -> None:
    x = tmp_path / "x"
    r = run("fix", str(text_file), "--detectors", "typography", "-o", str(x), "--log", str(x))
    one_line_error(r, 2, "same file")
    assert not x.exists()


def test_check_output_onto_glossary_and_score_output_onto_reference_are_refused(text_file: Path,
                                                                                 tmp_path: Path) -> None:
    g = tmp_path / "g.tsv"
    g.write_bytes(GLOSSARY.read_bytes())
    r = run("check", str(text_file), "--glossary", str(g), "--detectors", "typography", "-o", str(g))
    one_line_error(r, 2, "--glossary")
    assert g.read_bytes() == GLOSSARY.read_bytes()
    ref = tmp_path / "ref.txt"
    ref.write_text(TEXT, encoding="utf-8")
    one_line_error(run("score", "--hyp", str(text_file), "--ref", str(ref), "-o", str(ref)), 2, "--ref")
    assert ref.read_text("utf-8") == TEXT


# ------------------------------------------------------------------ 2. normalise never writes over a second input

def test_normalise_output_layout_onto_another_input_is_refused(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    a, sub_a = tmp_path / "a.txt", tmp_path / "sub" / "a.txt"
    a.write_text(TEXT, encoding="utf-8")
    sub_a.write_text("Dmitry Medvedev est venu.\n", encoding="utf-8")
    r = run("normalise", "a.txt", "sub/a.txt", "-o", "sub", "--glossary-only", "--glossary", str(GLOSSARY),
            "--workers", "1", cwd=tmp_path)
    one_line_error(r, 2, "sub/a.txt", "never overwrites")
    assert sub_a.read_text("utf-8") == "Dmitry Medvedev est venu.\n"
    assert a.read_text("utf-8") == TEXT
    assert sorted(p.name for p in (tmp_path / "sub").iterdir()) == ["a.txt"]  # nothing written, no work left


def test_normalise_input_named_like_the_change_log_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "changes.jsonl"
    src.write_text('{"src": "x", "tgt": "Sergey Lavrov"}\n', encoding="utf-8")
    r = run("normalise", "changes.jsonl", "-o", "out", "--glossary-only", "--glossary", str(GLOSSARY),
            "--workers", "1", cwd=tmp_path)
    one_line_error(r, 2, "same file")
    assert not (tmp_path / "out" / "changes.jsonl").exists()


# ------------------------------------------------------------------ 3. glossary export never replaces the database

def test_glossary_export_onto_the_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "reviews.sqlite3"
    assert run("glossary", "--db", str(db), "add", "Sergueï Lavrov", "--en", "Sergey Lavrov").returncode == 0
    r = run("glossary", "--db", str(db), "export", str(db))
    one_line_error(r, 2, str(db), "never overwrites")
    assert db.read_bytes().startswith(b"SQLite format 3\x00")
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT fr FROM glossary").fetchall() == [("Sergueï Lavrov",)]
    wal = Path(str(db) + "-wal")
    if wal.exists():
        one_line_error(run("glossary", "--db", str(db), "export", str(wal)), 2, "never overwrites")
    assert run("glossary", "--db", str(db), "export", str(tmp_path / "g.csv")).returncode == 0


# ------------------------------------------------------------------ 4. encodings

@pytest.fixture
def truncated_seed(tmp_path: Path) -> tuple[Path, int]:
    """The seed article cut in the middle of its last «é» (the first of its two bytes kept)."""
    data = SEED.read_bytes()
    cut = data.rindex("é".encode()) + 1
    p = tmp_path / "truncated.txt"
    p.write_bytes(data[:cut])
    return p, cut - 1


def test_fix_refuses_truncated_utf8_with_the_position(truncated_seed: tuple[Path, int], tmp_path: Path) -> None:
    p, bad = truncated_seed
    out = tmp_path / "fixed.txt"
    r = run("fix", str(p), "--detectors", "typography", "-o", str(out))
    one_line_error(r, 1, str(p), f"byte {bad}", "not valid UTF-8")
    assert not out.exists()


def test_score_refuses_truncated_utf8(truncated_seed: tuple[Path, int]) -> None:
    p, bad = truncated_seed
    r = run("score", "--hyp", str(p), "--ref", str(SEED))
    one_line_error(r, 1, f"byte {bad}", "not valid UTF-8")
    assert b"bleu" not in r.stdout.lower()


def test_check_refuses_an_isolated_bad_byte_in_utf8(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    at = data.index("é".encode())
    p = tmp_path / "stray.txt"
    p.write_bytes(data[:at] + b"\xff" + data[at:])
    one_line_error(run("check", str(p), "--detectors", "typography"), 1, f"byte {at}", "not valid UTF-8")


def test_latin1_glossary_is_read_as_western_and_reported(tmp_path: Path) -> None:
    g = tmp_path / "names.csv"
    g.write_bytes("fr,variants\nSergueï Lavrov,Sergey Lavrov\n".encode("latin-1"))
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    r = run("-q", "normalise", str(src), "-o", str(tmp_path / "out"), "--glossary-only", "--glossary", str(g),
            "--workers", "1")
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "names.csv: not UTF-8; read as" in err
    assert (tmp_path / "out" / "a.txt").read_text("utf-8") == TEXT.replace("Sergey Lavrov", "Sergueï Lavrov")


def test_detect_encoding_refuses_damaged_utf8(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    good = ("Le ministre Sergey Lavrov a déclaré à Moscou que la Fédération était prête.\n" * 20).encode()
    p.write_bytes(good + b"Le porte-parole a r\xe9pondu.\n" + good)
    out = tmp_path / "out"
    r = run("-q", "normalise", str(p), "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY),
            "--workers", "1", "--detect-encoding")
    assert r.returncode == 1, r.stderr.decode()
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert f"not valid UTF-8 at byte {len(good) + 19}" in summary["skipped"][0]["error"]
    assert not (out / "a.txt").exists()


def test_utf32_is_not_read_as_utf16(tmp_path: Path) -> None:
    p = tmp_path / "u32.txt"
    p.write_bytes(TEXT.encode("utf-32"))  # little-endian BOM FF FE 00 00 on this machine
    out = tmp_path / "r.json"
    r = run("check", str(p), "--detectors", "typography", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(out.read_text("utf-8"))["text"] == TEXT
    p.write_bytes(b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"))
    r = run("check", str(p), "--detectors", "typography", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(out.read_text("utf-8"))["text"] == TEXT


def test_fix_keeps_the_utf8_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    out = tmp_path / "fixed.txt"
    r = run("fix", str(p), "--detectors", "typography", "--min-confidence", "1.0", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert out.read_bytes() == p.read_bytes()


# ------------------------------------------------------------------ 5. special files are never replaced

def test_outputs_refuse_a_fifo_and_a_symlink_to_one(text_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    for target in (fifo, link):
        one_line_error(run("check", str(text_file), "--detectors", "typography", "-o", str(target)), 2,
                       "not a regular file")
        one_line_error(run("fix", str(text_file), "--detectors", "typography", "-o", str(tmp_path / "f.txt"),
                           "--log", str(target)), 2, "not a regular file")
        one_line_error(run("score", "--hyp", str(text_file), "--ref", str(text_file), "-o", str(target)), 2,
                       "not a regular file")
        one_line_error(run("glossary", "--db", str(tmp_path / "db.sqlite3"), "export", str(target)), 2,
                       "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert link.is_symlink() and os.readlink(link) == str(fifo)
    assert not (tmp_path / "f.txt").exists()


def test_output_symlink_to_standard_output_is_not_replaced(text_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1")
    r = run("check", str(text_file), "--detectors", "typography", "-o", str(link))
    one_line_error(r, 2, "not a regular file")
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_normalise_refuses_a_fifo_where_an_output_goes(text_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.txt")
    r = run("normalise", "a.txt", "-o", "out", "--glossary-only", "--glossary", str(GLOSSARY), "--workers", "1",
            cwd=tmp_path)
    one_line_error(r, 2, "not a regular file")
    assert stat.S_ISFIFO(os.stat(out / "a.txt").st_mode)
    assert [p.name for p in out.iterdir()] == ["a.txt"]


# ------------------------------------------------------------------ write failures: one line

def test_output_that_is_a_folder_or_under_a_file_is_one_line(text_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    one_line_error(run("check", str(text_file), "--detectors", "typography", "-o", str(folder)), 2, "folder")
    one_line_error(run("fix", str(text_file), "--detectors", "typography", "-o", str(folder)), 2, "folder")
    under = tmp_path / "a.txt" / "out.json"
    one_line_error(run("check", str(text_file), "--detectors", "typography", "-o", str(under)), 2,
                   "is a file, not a folder")
    r = run("normalise", str(text_file), "-o", str(tmp_path / "a.txt" / "out"), "--glossary-only",
            "--glossary", str(GLOSSARY))
    assert r.returncode in (1, 2) and b"Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr
    assert text_file.read_text("utf-8") == TEXT


@pytest.mark.skipif(os.geteuid() == 0,
                    reason="root ignores folder permissions: no folder is read-only for it")
def test_read_only_folder_is_one_line(text_file: Path, tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        one_line_error(run("check", str(text_file), "--detectors", "typography", "-o", str(ro / "r.json")), 1,
                       "cannot be written")
        r = run("normalise", str(text_file), "-o", str(ro / "out"), "--glossary-only", "--glossary", str(GLOSSARY))
        one_line_error(r, 1, "cannot be written")
    finally:
        ro.chmod(0o755)


def test_new_outputs_honour_the_umask_and_replaced_ones_keep_their_mode(text_file: Path, tmp_path: Path) -> None:
    new = tmp_path / "new.json"
    r = run("check", str(text_file), "--detectors", "typography", "-o", str(new), umask=0o027)
    assert r.returncode == 0, r.stderr.decode()
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    old = tmp_path / "old.json"
    old.write_text("{}", encoding="utf-8")
    old.chmod(0o664)
    r = run("check", str(text_file), "--detectors", "typography", "-o", str(old), umask=0o077)
    assert r.returncode == 0, r.stderr.decode()
    assert stat.S_IMODE(old.stat().st_mode) == 0o664 and old.read_text("utf-8") != "{}"
    r = run("-q", "normalise", str(text_file), "-o", str(tmp_path / "out"), "--glossary-only", "--glossary",
            str(GLOSSARY), "--workers", "1", umask=0o022)
    assert r.returncode == 0, r.stderr.decode()
    for name in ("a.txt", "changes.jsonl", "summary.json"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o644, name


# ------------------------------------------------------------------ 6. a refused `normalise -` keeps the running job's input

@pytest.mark.slow  # waits on a throttled run in a subprocess (seconds)
def test_refused_second_stdin_run_leaves_the_first_runs_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = ("Sergey Lavrov a parlé.\n" * 50).encode()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "mtreview", "-q", "normalise", "-", "-o", str(out), "--glossary-only",
            "--glossary", str(GLOSSARY), "--workers", "1"]
    piped = tmp_path / "piped.txt"
    piped.write_bytes(first)
    with open(piped, "rb") as fh:
        job = subprocess.Popen([*args, "--throttle", "4"], stdin=fh, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=ROOT, env=env)
    try:
        manifest = out / ".mtreview-work" / "manifest.json"
        deadline = time.monotonic() + 60
        while not manifest.exists() and time.monotonic() < deadline and job.poll() is None:
            time.sleep(0.05)
        assert manifest.exists(), "the first run did not start"
        second = run("normalise", "-", "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY),
                     "--workers", "1", stdin=b"Dmitry Medvedev est venu.\n")
        one_line_error(second, 2, "another normalise run")
        _, err = job.communicate(timeout=120)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()
    assert job.returncode == 0, err.decode()
    assert (out / "stdin.txt").read_bytes() == first.replace(b"Sergey Lavrov", "Sergueï Lavrov".encode())
    assert not (out / ".mtreview-stdin").exists()
