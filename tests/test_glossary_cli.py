"""``mtreview glossary``: import, list, add, export, remove on a real SQLite file; the export feeds check."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # a full review through the CLI


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtreview", *args], capture_output=True, cwd=ROOT, timeout=600)


def test_glossary_round_trip_and_use(tmp_path):
    db = tmp_path / "g.sqlite3"
    src = tmp_path / "names.csv"
    src.write_text("fr,en,ru,aliases,type\nZorglub Vantardise,Zorglub Vantardise,Зорглуб Вантардиз,Vantardise,person\n",
                   encoding="utf-8")
    assert run("glossary", "--db", str(db), "import", str(src)).returncode == 0
    r = run("glossary", "--db", str(db), "add", "Acme Fusées", "--type", "organisation", "--alias", "Acme")
    assert r.returncode == 0
    listing = run("glossary", "--db", str(db), "list").stdout.decode()
    assert "Zorglub Vantardise" in listing and "Acme Fusées" in listing
    out = tmp_path / "export.csv"
    assert run("glossary", "--db", str(db), "export", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("fr,en,ru,aliases,type")
    text = tmp_path / "t.txt"
    text.write_text("Zorglub Vantardise a parlé hier. Selon Vantardiza, tout va bien.\n", encoding="utf-8")
    res = run("check", str(text), "--glossary", str(out), "--only", "name/")
    flags = json.loads(res.stdout)["flags"]
    assert any(f["text"] == "Vantardiza" and f["suggestions"][0] == "Vantardise" for f in flags)
    first_id = listing.split("\t", 1)[0]
    assert run("glossary", "--db", str(db), "remove", first_id).returncode == 0
    r = run("glossary", "--db", str(db), "remove", "9999")
    assert r.returncode == 1 and b"no glossary entry" in r.stderr
