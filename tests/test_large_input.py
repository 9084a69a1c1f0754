"""A 50 MB input is reviewed chunk by chunk: memory stays bounded and offsets stay exact deep in the file.

The file is mostly a numeric data dump (cheap to scan) with French sentences carrying broken names
every ~500 KB, so the test checks streaming, offset shifting across chunks and peak memory without
spending CI minutes on parsing 8 million words (throughput on real text is measured in bench/).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # a 50 MB review through the CLI

SENTENCE = "Le ministre Sergey Lavrov a rencontré ses homologues à Genève pour discuter du cessez-le-feu.\n"


def test_fifty_megabytes_streamed_with_bounded_memory(tmp_path):
    src = tmp_path / "big.txt"
    row = "".join(f"{i:08d};{i * 7 % 1000:04d};{i * 13 % 97:03d}\n" for i in range(2000))  # ~38 KB
    expected_offsets = []
    with src.open("w", encoding="utf-8") as f:
        pos = 0
        n = 0
        while pos < 50_000_000:
            if n % 13 == 0:
                expected_offsets.append(pos + SENTENCE.index("Sergey"))
                f.write(SENTENCE)
                pos += len(SENTENCE)
            f.write(row)
            pos += len(row)
            n += 1
    out = tmp_path / "flags.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([sys.executable, "-m", "mtreview", "check", str(src), "--detectors", "names",
                        "--only", "name/", "-o", str(out)], capture_output=True, cwd=ROOT, timeout=1500)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    data = json.loads(out.read_text(encoding="utf-8"))
    text = src.read_text(encoding="utf-8")
    assert data["text"] == text
    starts = sorted(f["start"] for f in data["flags"] if f["text"] == "Sergey Lavrov")
    assert starts == expected_offsets
    for f in data["flags"]:
        assert text[f["start"]:f["end"]] == f["text"]
    # the input is 50 MB and held as text a few times over (input, JSON output); the parse is per chunk
    assert max(peak_kb, before) < 2_500_000, f"peak RSS {peak_kb / 1024:.0f} MB"
