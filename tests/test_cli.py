"""End-to-end CLI tests: real subprocesses, real files, the exit codes of the contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEED, slow_fixture

from mtreview.correct import apply_changes


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtreview", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=600)


@pytest.fixture(scope="module")
@slow_fixture  # a full review of the seed article in a subprocess
def seed_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("check") / "seed.json"
    r = run("check", str(SEED), "--format", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    return json.loads(out.read_text(encoding="utf-8"))


def test_check_json_contract(seed_json):
    text = SEED.read_text(encoding="utf-8")
    assert seed_json["version"] == 1
    assert seed_json["text"] == text
    assert seed_json["summary"]["words"] == len(text.split())
    assert seed_json["flags"], "the seed has name errors"
    for f in seed_json["flags"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["category"].count("/") == 1 and f["severity"] in ("minor", "major", "critical")
        assert set(f) >= {"id", "start", "end", "text", "category", "severity", "confidence", "suggestions",
                          "explanation", "detector", "evidence"}
    starts = [f["start"] for f in seed_json["flags"]]
    assert starts == sorted(starts)
    assert 0 <= seed_json["summary"]["mqm_score"] <= 100


@pytest.mark.slow  # a full review in a subprocess
def test_check_text_and_only_filter():
    r = run("check", str(SEED), "--format", "text", "--only", "name/locale")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "name/locale" in out and "name/translated" not in out


@pytest.mark.slow  # a full review in a subprocess
def test_check_reads_stdin_and_html_escapes_hostile_input():
    hostile = '<script>alert(1)</script> Le masque a déclaré. <img src=x onerror=alert(2)> Elon Musk.\n'
    r = run("check", "-", "--format", "html", stdin=hostile.encode())
    assert r.returncode == 0, r.stderr.decode()
    html = r.stdout.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.slow  # a full review in a subprocess
def test_fix_log_reproduces_output(tmp_path):
    out, log = tmp_path / "fixed.txt", tmp_path / "changes.jsonl"
    r = run("fix", str(SEED), "-o", str(out), "--log", str(log), "--min-confidence", "0.8")
    assert r.returncode == 0, r.stderr.decode()
    original = SEED.read_text(encoding="utf-8")
    fixed = out.read_text(encoding="utf-8")
    changes = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert changes and all(c["confidence"] >= 0.8 for c in changes)
    assert apply_changes(original, changes) == fixed
    assert "le masque" not in fixed.lower() or fixed.lower().count("masque") < original.lower().count("masque")
    assert SEED.read_text(encoding="utf-8") == original  # input untouched


@pytest.mark.slow  # a full review in a subprocess
def test_fix_threshold_one_changes_nothing(tmp_path):
    out = tmp_path / "same.txt"
    r = run("fix", str(SEED), "-o", str(out), "--min-confidence", "1.0")
    assert r.returncode == 0
    assert out.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_fix_refuses_to_overwrite_input(tmp_path):
    p = tmp_path / "in.txt"
    p.write_text("Ilon Musk a parlé.\n", encoding="utf-8")
    r = run("fix", str(p), "-o", str(p))
    assert r.returncode == 2 and b"never overwrites" in r.stderr
    assert p.read_text(encoding="utf-8") == "Ilon Musk a parlé.\n"


@pytest.mark.parametrize("content,needle", [
    (b"", b"empty"),
    (b"   \n\n", b"empty"),
    (b"\x00\x01\x02binary\x00\xff" * 100, b"binary"),
])
def test_bad_input_clear_message_exit_1(tmp_path, content, needle):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = run("check", str(p))
    assert r.returncode == 1
    assert needle in r.stderr and b"Traceback" not in r.stderr


def test_missing_file_and_usage_errors(tmp_path):
    r = run("check", str(tmp_path / "nope.txt"))
    assert r.returncode == 1 and b"no such file" in r.stderr and b"Traceback" not in r.stderr
    assert run("check").returncode == 2
    assert run("check", str(SEED), "--format", "pdf").returncode == 2
    r = run("check", str(SEED), "--min-confidence", "7")
    assert r.returncode == 2 and b"between 0 and 1" in r.stderr


@pytest.mark.slow  # a full review in a subprocess
def test_latin1_is_detected_and_reviewed(tmp_path):
    p = tmp_path / "latin1.txt"
    text = ("Le porte-parole du Kremlin, Dmitry Peskov, a déclaré que la réunion était très importante "
            "pour l'été prochain et qu'elle aurait lieu à Genève, où les négociations se poursuivront.\n")
    p.write_bytes(text.encode("latin-1"))
    out = tmp_path / "o.json"
    r = run("check", str(p), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert b"not UTF-8" in r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["text"] == text
    assert any(f["category"] == "name/locale" for f in data["flags"])


def test_help_is_fast_and_teaches():
    r = run("--help")
    assert r.returncode == 0 and b"examples" in r.stdout
    for cmd in ("check", "fix"):
        r = run(cmd, "--help")
        assert r.returncode == 0 and b"examples" in r.stdout
