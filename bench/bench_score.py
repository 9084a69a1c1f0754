"""Benchmark: `mtreview score` against sacrebleu's own Python API on 100,000 segment pairs.

    python3 bench/bench_score.py [--segments 100000] [--metrics bleu,chrf,ter] [--workers 0]

The segment pairs are the real German→French WMT21 and WMT22 system outputs with their references
(../shared/data), cycled until there are --segments pairs, written to two text files. Timed:

1. sacrebleu: ``BLEU().corpus_score(hyps, [refs])``, then chrF, then TER (lists already in memory);
2. mtreview, one process: ``run_scoring(ScoreRequest(hyps=[file], refs=[file], workers=1,
   bootstrap=0))`` — reading and aligning the files included;
3. with ``--parallel``, mtreview with worker processes (one per core, at most 4) on all metrics.

Each metric is timed for sacrebleu and then for mtreview before the next metric, so that the load
of a shared machine weighs on both alike.

Prints each time, checks that the scores are identical, and prints the ratios mtreview / sacrebleu
(the target is at most 1.2 for the one-process run). Exits 2 when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def pairs(n: int) -> tuple[list[str], list[str]]:
    hyps: list[str] = []
    refs: list[str] = []
    for name in ("wmt22-general-de-fr", "wmt21-news-de-fr"):
        folder = SHARED / name / "de-fr"
        ref = next(folder.glob("*.ref.A.fr")).read_text(encoding="utf-8").split("\n")[:-1]
        for hyp_file in sorted((folder / "system-outputs").glob("*.hyp.*.fr")):
            hyp = hyp_file.read_text(encoding="utf-8").split("\n")[:-1]
            hyps.extend(hyp)
            refs.extend(ref)
    k = -(-n // len(hyps))
    return (hyps * k)[:n], (refs * k)[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--segments", type=int, default=100_000)
    ap.add_argument("--metrics", default="bleu,chrf,ter")
    ap.add_argument("--workers", type=int, default=0, help="workers of the parallel run (0: automatic)")
    ap.add_argument("--parallel", action="store_true", help="also time a run with worker processes")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"bench_score: {SHARED} is absent; nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from sacrebleu.metrics import BLEU, CHRF, TER

    from mtreview.scoring import ScoreRequest, run_scoring
    from mtreview.scoring.metrics import default_workers

    metrics = [m.strip() for m in args.metrics.split(",") if m.strip()]
    hyps, refs = pairs(args.segments)
    print(f"{len(hyps)} segment pairs, metrics {','.join(metrics)}; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}", flush=True)
    classes = {"bleu": BLEU, "chrf": CHRF, "chrf++": lambda: CHRF(word_order=2), "ter": TER}

    with tempfile.TemporaryDirectory() as tmp:
        hyp_file = Path(tmp) / "hyp.txt"
        ref_file = Path(tmp) / "ref.txt"
        hyp_file.write_text("\n".join(hyps) + "\n", encoding="utf-8")
        ref_file.write_text("\n".join(refs) + "\n", encoding="utf-8")
        # metric by metric, sacrebleu then mtreview, so that load on a shared machine hits both alike
        t_sb: dict[str, float] = {}
        t_mt: dict[str, float] = {}
        for m in metrics:
            t = time.perf_counter()
            expected = classes[m]().corpus_score(hyps, [refs]).score
            t_sb[m] = time.perf_counter() - t
            t = time.perf_counter()
            report = run_scoring(ScoreRequest(hyps=[str(hyp_file)], refs=[str(ref_file)], metrics=[m],
                                              bootstrap=0, workers=1, progress=False))
            t_mt[m] = time.perf_counter() - t
            got = report.data["systems"][0][m]
            print(f"{m:<7} sacrebleu {t_sb[m]:8.1f} s   mtreview {t_mt[m]:8.1f} s   ratio {t_mt[m] / t_sb[m]:.3f}   "
                  f"score {got:.4f} {'identical' if got == expected else 'DIFFERENT from ' + str(expected)}",
                  flush=True)
            if got != expected:
                return 1
        t_sacrebleu = sum(t_sb.values())
        results = {"mtreview, 1 process": sum(t_mt.values())}
        print(f"total   sacrebleu {t_sacrebleu:8.1f} s   mtreview {results['mtreview, 1 process']:8.1f} s "
              "(reading and aligning the files included)", flush=True)
        if args.parallel:
            w = args.workers or default_workers(len(hyps), metrics)
            t = time.perf_counter()
            run_scoring(ScoreRequest(hyps=[str(hyp_file)], refs=[str(ref_file)], metrics=metrics,
                                     bootstrap=0, workers=w, progress=False))
            elapsed = time.perf_counter() - t
            print(f"mtreview, {w} worker processes, all metrics in one run: {elapsed:.1f} s, "
                  f"ratio {elapsed / t_sacrebleu:.3f}", flush=True)
    ratio = results["mtreview, 1 process"] / t_sacrebleu
    print(f"ratio mtreview/sacrebleu (1 process) = {ratio:.3f} (target <= 1.2): {'OK' if ratio <= 1.2 else 'TOO SLOW'}")
    return 0 if ratio <= 1.2 else 1


if __name__ == "__main__":
    sys.exit(main())
