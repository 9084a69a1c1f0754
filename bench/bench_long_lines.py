"""Time on long lines: one line of N MB against the same text split into short lines.

    python bench/bench_long_lines.py [--mb 1 5] [--modes glossary full fix] [--workers 1]

For each size and mode, prints seconds per MB for the text as **one line** (sentences joined by a
space) and as **short lines** (one sentence per line), and their ratio. Linear time means a ratio
near 1 that stays the same from 1 to 5 MB; the code before the long-line fixes took > 300 s for a
5 MB line in glossary-only mode (0.3 s split).

Modes: ``glossary`` = ``mtreview normalise --glossary-only`` with the tests' glossary; ``full`` =
``mtreview normalise`` (names detection; start-up of about 10 s included); ``fix`` = ``mtreview
fix`` (every detector; slow: use small sizes). The text is French MT output from
``../shared/data/wmt22-general-de-fr`` (every system's hypotheses, distinct lines, in order), with a
few broken names inserted so that there are changes to write; without that folder the seed article
is repeated (repeated lines are cheaper for the reviewer's caches, so the ratio is then pessimistic).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "wmt22-general-de-fr" / "de-fr"
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
GLOSSARY = ROOT / "tests" / "data" / "batch" / "glossary.tsv"
#: inserted every few sentences: variants of the tests' glossary and names the knowledge base knows
BROKEN = ["Sergey Lavrov a répondu.", "Dmitry Medvedev l'a confirmé.", "Selon Ilon Mask, tout va bien.",
          "Dmitry Peskov n'a pas commenté."]


def sentences() -> list[str]:
    """Distinct French sentences (WMT22 de-fr system outputs, else the seed article's lines)."""
    out: dict[str, None] = {}
    files = sorted((SHARED / "system-outputs").glob("*.fr")) if SHARED.is_dir() else []
    for f in files or [SEED]:
        for line in f.read_text("utf-8").splitlines():
            line = " ".join(line.split())
            if line:
                out[line] = None
    return list(out)


def make_text(nbytes: int, pool: list[str]) -> list[str]:
    """Sentences (cycling through ``pool``, a broken name every 20) adding up to ``nbytes`` bytes."""
    out: list[str] = []
    size = i = 0
    while size < nbytes:
        s = BROKEN[(i // 20) % len(BROKEN)] if i % 20 == 19 else pool[i % len(pool)]
        out.append(s)
        size += len(s.encode()) + 1
        i += 1
    return out


def run(mode: str, path: Path, work: Path, workers: int) -> float:
    """Seconds of one CLI run on ``path``."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    out = work / f"out-{path.stem}-{mode}"
    shutil.rmtree(out, ignore_errors=True)
    if mode == "fix":
        cmd = ["fix", str(path), "-o", str(out) + ".txt"]
    else:
        cmd = ["-q", "normalise", str(path), "-o", str(out), "--workers", str(workers)]
        if mode == "glossary":
            cmd += ["--glossary-only", "--glossary", str(GLOSSARY)]
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mtreview", *cmd], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, nargs="+", default=[1.0, 5.0], help="sizes in MB (default 1 5)")
    ap.add_argument("--modes", nargs="+", default=["glossary", "full"], choices=["glossary", "full", "fix"])
    ap.add_argument("--workers", type=int, default=1, help="normalise --workers (default 1)")
    args = ap.parse_args()
    pool = sentences()
    print(f"{len(pool)} distinct sentences; python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"{'mode':<9}{'MB':>6}{'one line s/MB':>16}{'short lines s/MB':>19}{'ratio':>8}")
    with tempfile.TemporaryDirectory(prefix="mtreview-long-") as tmp:
        work = Path(tmp)
        for mb in args.mb:
            sents = make_text(int(mb * 1e6), pool)
            one, short = work / f"one-{mb:g}.txt", work / f"short-{mb:g}.txt"
            one.write_text(" ".join(sents) + "\n", encoding="utf-8")
            short.write_text("\n".join(sents) + "\n", encoding="utf-8")
            size = one.stat().st_size / 1e6
            for mode in args.modes:
                t_short = run(mode, short, work, args.workers)
                t_one = run(mode, one, work, args.workers)
                print(f"{mode:<9}{size:>6.2f}{t_one / size:>16.2f}{t_short / size:>19.2f}{t_one / t_short:>8.2f}",
                      flush=True)


if __name__ == "__main__":
    main()
