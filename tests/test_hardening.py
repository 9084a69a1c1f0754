"""The hardening issue's remaining items: one line instead of a traceback (9), glossaries the loader
would misread (11), namespace-aware XML targets (10), spreadsheet-safe exports, stale outputs, empty
XLIFF and an atomic bulk import (12), long lines (8), and pool workers that outlive a killed driver (7).

Real CLI runs (subprocesses) on real files in a temporary folder, or the real functions; no mocks.
See docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, one_line_error

GLOSSARY = ROOT / "tests" / "data" / "batch" / "glossary.tsv"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
       "PYTHONPATH": str(ROOT)}


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The real CLI in a subprocess."""
    return subprocess.run([sys.executable, "-m", "mtreview", *args], input=stdin, capture_output=True, cwd=cwd,
                          env=ENV, timeout=600)




@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text("Le nom de Musk. Sergey Lavrov a parlé.\n", encoding="utf-8")
    return p


# ------------------------------------------------------------- 9. one line, never a traceback

def test_glossary_db_that_is_not_sqlite_or_a_folder_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("these are my notes, not a database\n" * 20, encoding="utf-8")
    one_line_error(run("glossary", "--db", str(junk), "list"), 1, str(junk), "not an SQLite database")
    assert junk.read_text("utf-8").startswith("these are my notes")
    folder = tmp_path / "db.d"
    folder.mkdir()
    one_line_error(run("glossary", "--db", str(folder), "add", "Elon Musk"), 1, str(folder), "folder")


def _make_read_only(path: Path) -> bool:
    """Make ``path`` unwritable even for root (``chattr +i``), else by its mode; False if neither holds."""
    if os.geteuid() == 0:
        r = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        return r.returncode == 0
    path.chmod(0o444)
    return not os.access(path, os.W_OK)


def test_glossary_db_read_only_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite3"
    assert run("glossary", "--db", str(db), "add", "Elon Musk").returncode == 0
    if shutil.which("chattr") is None and os.geteuid() == 0:
        pytest.skip("cannot make a file read-only for root without chattr")
    if not _make_read_only(db):
        pytest.skip("this file system cannot make the database read-only")
    try:
        r = run("glossary", "--db", str(db), "list")  # reading still works
        assert r.returncode == 0 and b"Elon Musk" in r.stdout, r.stderr
        one_line_error(run("glossary", "--db", str(db), "add", "Jair Bolsonaro"), 1, str(db), "read-only")
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(db)], capture_output=True)
        db.chmod(0o644)


def test_glossary_cell_over_the_csv_field_limit_is_one_line(tmp_path: Path, text_file: Path) -> None:
    g = tmp_path / "big.csv"
    g.write_text("fr,variants\n" + '"' + "Musk " * 40_000 + '",Musque\n', encoding="utf-8")  # 200 KB cell
    one_line_error(run("check", str(text_file), "--glossary", str(g), "--detectors", "typography"), 1,
                   str(g), "line 2", "131072")


def test_deeply_nested_jsonl_is_one_line(tmp_path: Path) -> None:
    p = tmp_path / "deep.jsonl"
    p.write_text('{"target": "Le masque.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    one_line_error(run("check", str(p), "--detectors", "typography"), 1, str(p), ":1:", "nested too deeply")
    out = tmp_path / "out"
    r = run("normalise", str(p), "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY))
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert "nested too deeply" in summary["skipped"][0]["error"]
    assert "internal error" not in summary["skipped"][0]["error"]


def test_lone_surrogate_in_jsonl_is_refused_before_the_review(tmp_path: Path) -> None:
    p = tmp_path / "sur.jsonl"
    p.write_text('{"target": "Le ministre Sergey Lavrov."}\n{"target": "Le masque \\ud800 a dit."}\n',
                 encoding="utf-8")
    out = tmp_path / "flags.json"
    one_line_error(run("check", str(p), "--detectors", "typography", "-o", str(out)), 1, str(p), ":2:",
                   "surrogate")
    assert not out.exists()
    one_line_error(run("check", str(p), "--detectors", "typography", "--format", "text"), 1, "surrogate")
    # a proper pair is a character: accepted
    p.write_text('{"target": "Le masque \\ud83d\\ude00 a dit."}\n', encoding="utf-8")
    assert run("check", str(p), "--detectors", "typography", "-o", str(out)).returncode == 0


def test_closed_standard_input_is_one_line(tmp_path: Path) -> None:
    """``<&-`` closes the descriptor (Python then has no sys.stdin); /dev/null would be an open, empty one."""
    exe = f"{sys.executable} -m mtreview"
    for cmd in (f"{exe} check - --detectors typography <&-", f"{exe} fix - --detectors typography <&-",
                f"{exe} normalise - -o {tmp_path / 'out'} --glossary-only --glossary {GLOSSARY} <&-"):
        r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=ROOT, env=ENV, timeout=600)
        one_line_error(r, 1, "standard input is closed")
    assert not (tmp_path / "out").exists()  # refused before OUTDIR is made


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1"])
def test_chunk_mb_must_be_a_finite_positive_number(tmp_path: Path, text_file: Path, value: str) -> None:
    r = run("normalise", str(text_file), "-o", str(tmp_path / "out"), "--glossary-only", "--glossary",
            str(GLOSSARY), f"--chunk-mb={value}")
    one_line_error(r, 2, "--chunk-mb")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("address", ["garbage", "tcp://", "http://host:8786", "tcp://host:99999", "host:port",
                                     "tcp://host:8786/path"])
def test_scheduler_that_is_not_an_address_is_a_usage_error(tmp_path: Path, text_file: Path, address: str) -> None:
    r = run("normalise", str(text_file), "-o", str(tmp_path / "out"), "--glossary-only", "--glossary",
            str(GLOSSARY), "--scheduler", address)
    one_line_error(r, 2, "--scheduler", "tcp://HOST:PORT")


def test_score_seed_and_workers_out_of_range_are_usage_errors(text_file: Path) -> None:
    one_line_error(run("score", "--hyp", str(text_file), "--ref", str(text_file), "--seed", "-1"), 2, "--seed")
    one_line_error(run("score", "--hyp", str(text_file), "--ref", str(text_file), "--bootstrap", "10", "--seed",
                       "-1"), 2, "--seed")
    one_line_error(run("score", "--hyp", str(text_file), "--ref", str(text_file), "--workers", "-3"), 2,
                   "--workers")
    assert run("score", "--hyp", str(text_file), "--ref", str(text_file), "--seed", "0").returncode == 0


# ------------------------------------------------------------- 11. glossaries the loader would misread

def test_glossary_with_a_wrong_header_is_refused(tmp_path: Path) -> None:
    """«nom,variantes» used to become a rule: «Le nom de Musk.» → «Le variantes de Musk.»"""
    text = tmp_path / "t.txt"
    text.write_text("Le nom de Musk.\n", encoding="utf-8")
    for header in ("nom,variantes", "Nom,Variantes", "variants,aliases", "fr,variantes"):
        g = tmp_path / "g.csv"
        g.write_text(f"{header}\nElon Musk,Musque\n", encoding="utf-8")
        out = tmp_path / f"out-{header.replace(',', '-')}"
        r = run("normalise", str(text), "-o", str(out), "--glossary-only", "--glossary", str(g))
        one_line_error(r, 1, str(g), "line 1", "fr,en,ru,aliases,variants,type")
        assert not (out / "t.txt").exists()
        one_line_error(run("check", str(text), "--glossary", str(g), "--detectors", "typography"), 1, str(g))
        db = tmp_path / "g.sqlite3"
        one_line_error(run("glossary", "--db", str(db), "import", str(g)), 1, str(g))


def test_glossary_with_an_unclosed_quote_is_refused(tmp_path: Path, text_file: Path) -> None:
    g = tmp_path / "g.csv"
    g.write_text('fr,variants\nSergueï Lavrov,Sergey Lavrov\n"Elon Musk,Musque\nJair Bolsonaro,Zhaiir Bolsonar\n',
                 encoding="utf-8")
    out = tmp_path / "out"
    r = run("normalise", str(text_file), "-o", str(out), "--glossary-only", "--glossary", str(g))
    one_line_error(r, 1, str(g), "line 3", "never closed")
    g2 = tmp_path / "g.tsv"
    g2.write_text('fr\tvariants\n"Elon Musk\tMusque\n', encoding="utf-8")
    one_line_error(run("check", str(text_file), "--glossary", str(g2), "--detectors", "typography"), 1, str(g2),
                   "line 2")


def test_valid_glossaries_are_still_read(tmp_path: Path) -> None:
    """The documented header, a headerless 'variant,canonical' file, comments and quoted cells."""
    text = tmp_path / "t.txt"
    text.write_text("Sergey Lavrov et Ilonn Test, Jeanne Whatever.\n", encoding="utf-8")
    g1 = tmp_path / "g1.csv"
    g1.write_text('# names\nfr,en,ru,aliases,variants,type\n"Jeanne Quelconque",Jeanne Whatever,,,'
                  '"Jeanne Whatever",person\n', encoding="utf-8")
    g2 = tmp_path / "g2.csv"
    g2.write_text("Ilonn Test,Ilon Test\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("normalise", str(text), "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY),
            "--glossary", str(g1), "--glossary", str(g2))
    assert r.returncode == 0, r.stderr
    assert (out / "t.txt").read_text("utf-8") == "Sergueï Lavrov et Ilon Test, Jeanne Quelconque.\n"


# ------------------------------------------------------------- 10. only the real XML targets are rewritten

XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"
       xmlns:m="urn:example:memo" version="2.0" srcLang="en" trgLang="fr">
 <file id="f1">
  <unit id="u1">
   <mtc:matches>
    <mtc:match ref="#s1" similarity="80">
     <source>Sergey Lavrov spoke.</source>
     <target>Sergey Lavrov a parlé (mémoire).</target>
    </mtc:match>
   </mtc:matches>
   <notes><note>vu <m:target>Sergey Lavrov</m:target></note></notes>
   <segment id="s1">
    <source>Sergey Lavrov spoke.</source>
    <target>Sergey Lavrov a parlé.</target>
   </segment>
   <ignorable><source> </source><target>Sergey Lavrov</target></ignorable>
  </unit>
 </file>
</xliff>
"""

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:m="urn:example:memo" version="1.2">
 <file original="a.txt" source-language="en" target-language="fr" datatype="plaintext">
  <body>
   <trans-unit id="t1">
    <source>Sergey Lavrov spoke.</source>
    <target>Sergey Lavrov a parlé.</target>
    <note>ancienne version : <m:target>Sergey Lavrov</m:target></note>
    <alt-trans><target>Sergey Lavrov (suggestion)</target></alt-trans>
   </trans-unit>
  </body>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t"
         creationtoolversion="1" o-tmf="t"/>
 <body>
  <tu tuid="1">
   <tuv xml:lang="en"><seg>Sergey Lavrov spoke.</seg></tuv>
   <tuv xml:lang="fr-FR"><seg>Sergey Lavrov a parlé.</seg></tuv>
   <tuv xml:lang="frr"><seg>Sergey Lavrov snakkede.</seg></tuv>
  </tu>
 </body>
</tmx>
"""


def _normalise_xml(tmp_path: Path, name: str, text: str, *extra: str) -> tuple[str, list[dict]]:
    src = tmp_path / "in" / name
    src.parent.mkdir(exist_ok=True)
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    r = run("normalise", str(src), "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY), *extra)
    assert r.returncode == 0, r.stderr.decode()
    changes = [json.loads(x) for x in (out / "changes.jsonl").read_text("utf-8").splitlines()]
    return (out / name).read_text("utf-8"), changes


def test_xliff2_rewrites_only_segment_targets(tmp_path: Path) -> None:
    out, changes = _normalise_xml(tmp_path, "a.xlf", XLIFF2)
    assert out == XLIFF2.replace("<target>Sergey Lavrov a parlé.</target>", "<target>Sergueï Lavrov a parlé.</target>")
    assert [c["unit"] for c in changes] == ["u1/s1"]


def test_xliff12_leaves_alt_trans_and_foreign_targets(tmp_path: Path) -> None:
    out, changes = _normalise_xml(tmp_path, "a.xlf", XLIFF12)
    assert out == XLIFF12.replace("<target>Sergey Lavrov a parlé.</target>", "<target>Sergueï Lavrov a parlé.</target>")
    assert [c["unit"] for c in changes] == ["t1"]


def test_tmx_rewrites_only_the_target_language(tmp_path: Path) -> None:
    out, _ = _normalise_xml(tmp_path, "a.tmx", TMX)
    assert out == TMX.replace("<seg>Sergey Lavrov a parlé.</seg>", "<seg>Sergueï Lavrov a parlé.</seg>")  # not frr
    src = tmp_path / "in" / "a.tmx"
    r = run("normalise", str(src), "-o", str(tmp_path / "out2"), "--glossary-only", "--glossary", str(GLOSSARY),
            "--target-lang", "")
    one_line_error(r, 2, "--target-lang")
    assert not (tmp_path / "out2").exists()


def test_scan_targets_function() -> None:
    from mtreview.formats.rewrite_xml import lang_matches, scan_targets

    data = XLIFF2.encode()
    [t] = scan_targets(data)
    assert data[t.start_tag:t.end_tag].decode() == "<target>Sergey Lavrov a parlé."
    assert lang_matches("fr-FR", "fr") and lang_matches("FR_ca", "fr") and not lang_matches("frr", "fr")
    with pytest.raises(ValueError):
        scan_targets(TMX.encode(), "")


# ------------------------------------------------------------- 12. exports, stale outputs, empty XLIFF, import

def test_glossary_export_is_spreadsheet_safe_and_imports_back(tmp_path: Path) -> None:
    import csv

    db = tmp_path / "g.sqlite3"
    formula = '=HYPERLINK("http://evil.example/","clic")'
    assert run("glossary", "--db", str(db), "add", formula, "--en", "+1+2", "--alias", "@SUM(A1)").returncode == 0
    assert run("glossary", "--db", str(db), "add", "Elon Musk", "--alias", "Musk").returncode == 0
    out = tmp_path / "g.csv"
    assert run("glossary", "--db", str(db), "export", str(out)).returncode == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    cells = [c for row in rows[1:] for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells), rows
    assert ["'" + formula, "'+1+2", "", "'@SUM(A1)", "person"] in rows and ["Elon Musk", "", "", "Musk", "person"] in rows
    db2 = tmp_path / "g2.sqlite3"
    assert run("glossary", "--db", str(db2), "import", str(out)).returncode == 0
    listing = run("glossary", "--db", str(db2), "list").stdout.decode()
    assert f"\t{formula} (en +1+2) aliases: @SUM(A1)" in listing, listing


def test_glossary_import_is_all_or_nothing(tmp_path: Path) -> None:
    """Entry 1,500 of 3,000 is unusable (its French form is only a zero-width space): nothing is written."""
    db = tmp_path / "g.sqlite3"
    assert run("glossary", "--db", str(db), "add", "Elon Musk").returncode == 0
    before = sqlite3.connect(db).execute("SELECT fr, aliases FROM glossary ORDER BY id").fetchall()
    g = tmp_path / "g.csv"
    rows = [f"Nom{i} Test,Variante{i},person" for i in range(3000)]
    rows[1500] = "\u200b,Variante,person"
    rows[10] = "Elon Musk,Musque,person"
    g.write_text("fr,variants,type\n" + "\n".join(rows) + "\n", encoding="utf-8")
    one_line_error(run("glossary", "--db", str(db), "import", str(g)), 1, "French form", "nothing was imported")
    assert sqlite3.connect(db).execute("SELECT fr, aliases FROM glossary ORDER BY id").fetchall() == before
    rows[1500] = "Nom1500 Test,Variante1500,person"
    g.write_text("fr,variants,type\n" + "\n".join(rows) + "\n", encoding="utf-8")
    r = run("glossary", "--db", str(db), "import", str(g))
    assert r.returncode == 0 and b"2999 new entries, 1 merged" in r.stderr, r.stderr
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM glossary").fetchone()[0] == 3000


def test_rerun_that_skips_a_file_removes_its_stale_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sergey Lavrov a parlé.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Dmitry Medvedev aussi.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("normalise", str(corpus), "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY))
    assert run(*args).returncode == 0
    assert (out / "corpus" / "a.txt").read_text("utf-8") == "Sergueï Lavrov a parlé.\n"
    (out / "corpus" / "notes.txt").write_text("mine\n", encoding="utf-8")  # not written by normalise
    (corpus / "a.txt").write_bytes(b"\x00\x01binary now\x00")  # the next run skips it
    (corpus / "notes.txt").write_bytes(b"\x00\x01binary\x00")
    r = run(*args)
    assert r.returncode == 1
    assert not (out / "corpus" / "a.txt").exists()  # the stale output is gone
    assert (out / "corpus" / "notes.txt").read_text("utf-8") == "mine\n"  # a file normalise did not write stays
    assert (out / "corpus" / "b.txt").read_text("utf-8") == "Dmitri Medvedev aussi.\n"
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    old = {Path(s["path"]).name: s.get("old_output") for s in summary["skipped"]}
    assert old["a.txt"] == "removed" and old["notes.txt"].startswith("kept")
    assert b"removed" in r.stderr


def test_empty_xliff_is_skipped_with_a_reason(tmp_path: Path, text_file: Path) -> None:
    empty = tmp_path / "empty.xlf"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    r = run("normalise", str(empty), str(text_file), "-o", str(out), "--glossary-only", "--glossary", str(GLOSSARY))
    assert r.returncode == 1, r.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    [rec] = [f for f in summary["files"] if f["path"].endswith("empty.xlf")]
    assert rec["status"] == "skipped" and "empty" in rec["error"]
    assert not (out / "empty.xlf").exists()


# ------------------------------------------------------------- 8. long lines: linear time, same output

def test_review_windows_cover_a_long_line_linearly() -> None:
    from mtreview.batch.worker import LONG_SEGMENT_CHARS, REVIEW_WINDOW_CHARS, review_windows

    text = "Selon M. Poutine, «tout va bien.» Il a dit « oui. » Puis rien ! " * 3000 + "x" * 2500
    windows = review_windows(text)
    assert review_windows(text[:LONG_SEGMENT_CHARS]) == [(0, LONG_SEGMENT_CHARS)]  # a segment stays whole
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    for (a, b), (c, _) in zip(windows, windows[1:], strict=False):
        assert 0 < b - a <= REVIEW_WINDOW_CHARS and c in (b, b + 1)  # one space, or a hard cut, between
        assert c == b or text[b] == " "
        assert not text[a:b].endswith(("M.", "«")) and not text[c:].startswith("»")


def _sentences(n: int) -> list[str]:
    """``n`` distinct French sentences, some with names to normalise: the pivot shows («Ilon»,
    «Medvedevym», an instrumental case), so the English conventions of Russian names are errors."""
    names = ["Sergey Lavrov", "Dmitry Medvedev", "Emmanuel Macron", "Ilon Mask", "la ville de Moscou", "Medvedevym"]
    return [f"Le {i}e communiqué de {names[i % len(names)]} porte sur le budget numéro {i * 7}." for i in range(n)]


def test_glossary_only_long_line_equals_the_same_text_in_lines(tmp_path: Path) -> None:
    sents = _sentences(4000)  # about 300 KB on one line
    one, short = tmp_path / "one.txt", tmp_path / "short.txt"
    one.write_text(" ".join(sents) + "\n", encoding="utf-8")
    short.write_text("\n".join(sents) + "\n", encoding="utf-8")
    for p in (one, short):
        r = run("normalise", str(p), "-o", str(tmp_path / f"out-{p.stem}"), "--glossary-only", "--glossary",
                str(GLOSSARY))
        assert r.returncode == 0, r.stderr
    out_one = (tmp_path / "out-one" / "one.txt").read_text("utf-8")
    out_short = (tmp_path / "out-short" / "short.txt").read_text("utf-8")
    assert out_one.replace(" ", "\n") == out_short.replace(" ", "\n") and out_one != one.read_text("utf-8")
    log = [json.loads(x) for x in (tmp_path / "out-one" / "changes.jsonl").read_text("utf-8").splitlines()]
    assert len(log) == 2 * 667  # «Sergey Lavrov» and «Dmitry Medvedev», one sentence in six each
    data = one.read_bytes()
    for c in log[:3] + log[-3:]:  # byte offsets into the one line still reproduce the output
        assert data[c["byte_start"]:c["byte_end"]].decode() == c["before"]


@pytest.mark.slow  # a full-mode normalise (the names detector) in a subprocess
def test_full_mode_long_line_equals_the_same_text_cut_at_its_windows(tmp_path: Path) -> None:
    """The contract of windows: a long line gives the output of the same text with a line break at
    each window edge (the windows are reviewed like lines)."""
    from mtreview.batch.worker import review_windows

    text = " ".join(_sentences(900))  # about 70 KB: longer than LONG_SEGMENT_CHARS
    windows = review_windows(text)
    assert len(windows) > 50
    cut = "\n".join(text[a:b] for a, b in windows)
    one, lines = tmp_path / "one.txt", tmp_path / "lines.txt"
    one.write_text(text + "\n", encoding="utf-8")
    lines.write_text(cut + "\n", encoding="utf-8")
    r = run("normalise", str(one), str(lines), "-o", str(tmp_path / "out"), "--workers", "1")
    assert r.returncode == 0, r.stderr
    out_one = (tmp_path / "out" / "one.txt").read_text("utf-8")
    out_lines = (tmp_path / "out" / "lines.txt").read_text("utf-8")
    assert out_one != one.read_text("utf-8")
    assert out_one.replace(" ", "\n") == out_lines.replace(" ", "\n")
    log = [json.loads(x) for x in (tmp_path / "out" / "changes.jsonl").read_text("utf-8").splitlines()]
    by_file = {f: [(c["before"], c["after"], c["category"]) for c in log if c["file"].endswith(f)]
               for f in ("one.txt", "lines.txt")}
    assert by_file["one.txt"] == by_file["lines.txt"] and by_file["one.txt"]


# ------------------------------------------------------------- 7. pool workers die with their driver

def _proc_stat(pid: int) -> tuple[int, str, int] | None:
    """(parent pid, state, start time) of a process from /proc, or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), fields[0], int(fields[19])


def _children(pid: int) -> dict[int, int]:
    """pid → start time of the live children of ``pid``."""
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            st = _proc_stat(int(d))
            if st is not None and st[0] == pid and st[1] != "Z":
                out[int(d)] = st[2]
    return out


@pytest.mark.slow  # a throttled pool run in a subprocess, killed part-way: seconds of waiting
@pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                    reason="reads process states in /proc (Linux only)")
def test_pool_workers_exit_when_the_driver_is_killed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"f{i:02d}.txt").write_text("Sergey Lavrov a parlé.\n" * 50, encoding="utf-8")
    out = tmp_path / "out"
    driver = subprocess.Popen(
        [sys.executable, "-m", "mtreview", "-q", "normalise", str(corpus), "-o", str(out), "--glossary-only",
         "--glossary", str(GLOSSARY), "--workers", "2", "--chunk-mb", "0.001", "--throttle", "0.5"],
        cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: dict[int, int] = {}
    try:
        deadline = time.time() + 120
        while time.time() < deadline and len(kids) < 3:  # two workers and the resource tracker
            kids = _children(driver.pid)
            time.sleep(0.2)
        assert len(kids) >= 2, kids
        time.sleep(1.0)
        assert driver.poll() is None, "the run ended before it could be killed"
        kids = _children(driver.pid)
        driver.send_signal(signal.SIGKILL)
        driver.wait(10)
        deadline = time.time() + 30
        alive = kids
        while alive and time.time() < deadline:
            alive = {p: t for p, t in kids.items()
                     if (st := _proc_stat(p)) is not None and st[2] == t and st[1] != "Z"}
            time.sleep(0.2)
        assert not alive, f"still running 30 s after the driver was killed: {sorted(alive)}"
    finally:  # leave nothing behind, even when the test fails
        if driver.poll() is None:
            driver.kill()
        for p, t in {**kids, **_children(driver.pid)}.items():
            st = _proc_stat(p)
            if st is not None and st[2] == t:
                with contextlib.suppress(OSError):
                    os.kill(p, signal.SIGKILL)
