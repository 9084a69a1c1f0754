"""Benchmark ``mtreview normalise``: throughput (MB/s) and peak memory, beside a plain ``re`` replacement.

Runs, on the corpus of ``generate.py`` (generated first when missing), in this order:

1. a plain regex replacement of the same glossary (one process: one alternation of all variants,
   word-bounded, ``re.sub`` over each whole file, format-blind: it also rewrites sources and markup),
   on the first ``--regex-mb`` MB only, taken across every format (with thousands of variants, Python's
   ``re`` is too slow for the whole corpus; the ratio compares throughputs);
2. ``mtreview normalise --glossary-only`` with ``--workers 1`` and ``--workers 2``;
3. the same on a 2-worker Dask ``LocalCluster`` (``--scheduler``);
4. full detection (prefilter + names detector) on the first ``--full-mb`` MB, ``--workers 1`` and 2.

Each line gives wall-clock MB/s, MB per CPU-second (all processes of the run: the per-core figure,
robust to other load on the machine), peak resident memory summed over the run's processes, and the
ratio to the regex baseline. The machine's load average is printed, since wall-clock figures on a
shared 2-core machine move with it.

    python bench/normalise/run.py                       # 100 MB corpus in /tmp/mtreview-bench-normalise
    python bench/normalise/run.py --mb 20 --full-mb 2   # quicker
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


class Sampler:
    """Peak RSS summed over some processes and CPU seconds they used, sampled every 50 ms."""

    def __init__(self, roots: list[psutil.Process], include_children: bool = True) -> None:
        self.roots, self.children = roots, include_children
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _procs(self) -> list[psutil.Process]:
        out = []
        for r in self.roots:
            out.append(r)
            if self.children:
                try:
                    out.extend(r.children(recursive=True))
                except psutil.Error:
                    pass
        return out

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for p in self._procs():
                try:
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self) -> Sampler:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()


def corpus_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in corpus.iterdir())


def regex_baseline(corpus: Path, glossary: Path, out: Path, limit: int) -> tuple[float, float, int, int, int]:
    """(wall s, cpu s, peak RSS, replacements, bytes) of a plain re.sub of every variant over the files,
    stopping after ``limit`` bytes (Python's re tries the alternation at every position: slow)."""
    t0, c0 = time.perf_counter(), time.process_time()
    mapping = {}
    for line in glossary.read_text("utf-8").splitlines()[1:]:
        fr, variants = line.split("\t")
        for v in variants.split("|"):
            mapping[v] = fr
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in sorted(mapping, key=len, reverse=True))
                         + r")(?!\w)")
    out.mkdir(parents=True, exist_ok=True)
    count = done = 0
    for p in sorted(corpus.iterdir(), key=lambda p: (p.name.split("-")[1], p.suffix)):
        data = p.read_bytes()[: max(0, limit - done)]
        data = data[: data.rfind(b"\n") + 1]
        text = data.decode("utf-8")
        new, n = pattern.subn(lambda m: mapping[m.group()], text)
        count += n
        done += len(data)
        (out / p.name).write_text(new, "utf-8")
        if done >= limit:
            break
    rss = psutil.Process().memory_info().rss
    return time.perf_counter() - t0, time.process_time() - c0, rss, count, done


def run_cli(args: list[str], extra: list[psutil.Process] = ()) -> tuple[float, float, int, dict]:
    """(wall s, cpu s, peak RSS, summary) of one ``mtreview normalise`` run in a subprocess."""
    import json

    out = Path(args[args.index("-o") + 1])
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = {p.pid: sum(p.cpu_times()[:2]) for p in extra}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mtreview", "-q", "normalise", *args], env=env)
    ps = psutil.Process(proc.pid)
    with Sampler([ps]) as s_cli, Sampler(list(extra), include_children=False) as s_extra:
        proc.wait()
    wall = time.perf_counter() - t0
    cpu = sum(s_cli.cpu.values())
    cpu += sum(s_extra.cpu.get(p.pid, before[p.pid]) - before[p.pid] for p in extra)
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    if proc.returncode not in (0, 1):
        raise SystemExit(f"mtreview normalise failed ({proc.returncode})")
    return wall, cpu, s_cli.peak + s_extra.peak, summary


def line(name: str, nbytes: int, wall: float, cpu: float, rss: int, ref: float | None, note: str = "") -> float:
    mbs = nbytes / 1e6 / wall
    ratio = f"{mbs / ref:6.2f}x" if ref else "     -"
    print(f"{name:<38} {nbytes / 1e6:7.1f} MB {wall:8.1f} s {mbs:8.2f} MB/s {nbytes / 1e6 / cpu:8.2f} MB/cpu-s "
          f"{rss / 2**20:8.0f} MiB  {ratio}  {note}", flush=True)
    return mbs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", default="/tmp/mtreview-bench-normalise")
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--full-mb", type=float, default=2.0, help="size of the full-detection slice")
    ap.add_argument("--regex-mb", type=float, default=5.0, help="how much of the corpus the re baseline runs on")
    ap.add_argument("--skip-full", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    args = ap.parse_args()
    work = Path(args.work)
    corpus, glossary = work / "corpus", work / "glossary.tsv"
    if not corpus.exists() or abs(corpus_bytes(corpus) / 1e6 - args.mb) > 0.05 * args.mb:
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--out", str(corpus), "--mb", str(args.mb)],
                       check=True)
    nbytes = corpus_bytes(corpus)
    rules = len(glossary.read_text("utf-8").splitlines()) - 1
    print(f"corpus {nbytes / 1e6:.1f} MB in {len(list(corpus.iterdir()))} files, glossary {rules} entries; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'run':<38} {'size':>10} {'wall':>10} {'throughput':>13} {'per core':>16} {'peak RSS':>12}  "
          f"{'vs re':>7}")
    wall, cpu, rss, n, rbytes = regex_baseline(corpus, glossary, work / "out-regex", int(args.regex_mb * 1e6))
    ref = line("plain re.sub (1 process)", rbytes, wall, cpu, rss, None, f"{n} replacements")
    common = [str(corpus), "--glossary", str(glossary), "--glossary-only"]
    for workers in (1, 2):
        wall, cpu, rss, s = run_cli(common + ["-o", str(work / f"out-{workers}"), "--workers", str(workers)])
        line(f"normalise --glossary-only --workers {workers}", nbytes, wall, cpu, rss, ref,
             f"{s['changes']} changes, {s['files_skipped']} skipped")
    if not args.skip_dask:
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True) as cluster:
            procs = [psutil.Process(p.process.pid) for p in cluster.workers.values() if p.process]
            wall, cpu, rss, s = run_cli(common + ["-o", str(work / "out-dask"), "--scheduler",
                                                  cluster.scheduler_address], extra=procs)
            line("normalise --glossary-only Dask 2 workers", nbytes, wall, cpu, rss, ref,
                 f"{s['changes']} changes")
        same = all((work / "out-dask" / "corpus" / p.name).read_bytes() ==
                   (work / "out-1" / "corpus" / p.name).read_bytes() for p in corpus.iterdir())
        print(f"Dask output identical to the local run: {same}")
    if not args.skip_full:
        sl = work / "full-slice" / "corpus"
        shutil.rmtree(sl.parent, ignore_errors=True)
        sl.mkdir(parents=True)
        budget = int(args.full_mb * 1e6)
        for p in sorted(corpus.iterdir(), key=lambda p: p.suffix):
            data = p.read_bytes()
            if p.suffix in (".txt", ".tsv", ".jsonl"):
                cut = data.rfind(b"\n", 0, budget // 3) + 1
                (sl / p.name).write_bytes(data[:cut])
            if sum(x.stat().st_size for x in sl.iterdir()) >= budget:
                break
        sbytes = corpus_bytes(sl)
        for workers in (1, 2):
            wall, cpu, rss, s = run_cli([str(sl), "--glossary", str(glossary), "-o",
                                         str(work / f"out-full-{workers}"), "--workers", str(workers)])
            line(f"normalise full detection --workers {workers}", sbytes, wall, cpu, rss, None,
                 f"{s['changes']} changes, {s['units_checked']}/{s['units']} segments reviewed")
        same = all((work / "out-full-1" / "corpus" / p.name).read_bytes() ==
                   (work / "out-full-2" / "corpus" / p.name).read_bytes() for p in sl.iterdir()) and \
            (work / "out-full-1" / "changes.jsonl").read_bytes() == (work / "out-full-2" / "changes.jsonl").read_bytes()
        print(f"full detection: output and change log identical with 1 and 2 workers: {same}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
