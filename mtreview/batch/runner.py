"""Running a normalise job: plan or resume, run the tasks on a backend, assemble the outputs.

The driver (this module) is the only writer of ``OUTDIR``. Each finished task's result is written
atomically to ``OUTDIR/.mtreview-work/results/``: that file *is* the record that the task is done, so
after a crash or a SIGKILL ``--resume`` runs only the tasks without one. When every task is done the
outputs are assembled in plan order (each input copied with its byte edits applied, atomically),
then ``changes.jsonl`` and ``summary.json``; the work folder is removed last. Backends:

* ``inline``: in this process (``--workers 1``);
* ``pool``: a local process pool (spawned processes, the job spec sent once to each);
* ``dask``: a ``distributed`` cluster (``--scheduler tcp://HOST:PORT``); its workers must see the
  input paths (a shared file system), results come back to the driver.

The order in which tasks finish never shows in the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MtreviewError, UsageError
from ..outputs import OutputError, OutputGuard
from ..textio import atomic_writer
from .plan import DEFAULT_CHUNK_BYTES, WORK_DIR, Plan, PlannedFile, make_plan, unchanged
from .worker import FULL, JobSpec, WorkItem, run_task

SUMMARY_VERSION = 1


@dataclass
class NormaliseOptions:
    """The command line of ``mtreview normalise`` as Python values."""

    inputs: list[str]
    outdir: str
    glossaries: list[str] = field(default_factory=list)
    glossary_only: bool = False
    min_confidence: float = 0.8
    only: tuple[str, ...] = ("name/",)
    target_lang: str = "fr"
    workers: int = 0  # 0: all cores
    scheduler: str | None = None
    resume: bool = False
    detect_encoding: bool = False
    chunk_bytes: int = DEFAULT_CHUNK_BYTES
    keep_work: bool = False
    progress: bool = True
    throttle: float = 0.0
    #: ``inputs`` is ``["-"]``: copy standard input into OUTDIR (under the job's lock) and normalise that
    stdin: bool = False


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def build_spec(opts: NormaliseOptions) -> JobSpec:
    """Load the glossaries and fix everything the output depends on (its digest is the fingerprint)."""
    from .. import __version__
    from .rules import load_rules

    mode = "glossary" if opts.glossary_only else FULL
    if mode == "glossary" and not opts.glossaries:
        raise UsageError("--glossary-only needs at least one --glossary")
    ruleset, review_glossary = load_rules(opts.glossaries)
    if mode == FULL:
        _check_full_mode_available()
    key = {"version": __version__, "mode": mode, "glossaries": ruleset.digest,
           "min_confidence": opts.min_confidence, "only": list(opts.only), "target_lang": opts.target_lang,
           "chunk_bytes": opts.chunk_bytes, "detect_encoding": opts.detect_encoding}
    fp = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()
    return JobSpec(mode, ruleset, opts.min_confidence, tuple(opts.only), opts.target_lang,
                   review_glossary, opts.throttle, fp)


def _check_full_mode_available() -> None:
    import importlib.util

    for mod in ("mtreview.knowledge.names", "mtreview.detectors.names"):
        if importlib.util.find_spec(mod) is None:
            raise UsageError(f"full detection needs {mod}, which is not installed; "
                             "use --glossary-only with a --glossary")


# --------------------------------------------------------------------------------------------- backends

TaskResult = list[dict[str, Any]]


def _items(plan: Plan, t: int) -> tuple[WorkItem, ...]:
    out = []
    for f, c in plan.tasks[t]:
        pf = plan.files[f]
        a, b, line = pf.chunks[c]
        out.append(WorkItem(f, c, pf.path, pf.rel, pf.format, pf.encoding, a, b, line))
    return tuple(out)


def _run_inline(plan: Plan, todo: list[int], spec: JobSpec) -> Iterator[tuple[int, TaskResult]]:
    for t in todo:
        yield t, run_task(_items(plan, t), spec)


def _run_pool(plan: Plan, todo: list[int], spec: JobSpec, workers: int) -> Iterator[tuple[int, TaskResult]]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from .worker import init_worker

    ctx = multiprocessing.get_context("spawn")
    window = 2 * workers + 1
    # the workers exit by themselves if this process dies (even by SIGKILL): they watch its pid
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                             initargs=(spec, os.getpid())) as pool:
        queue = list(reversed(todo))
        running: dict[Any, int] = {}
        try:
            while queue or running:
                while queue and len(running) < window:
                    t = queue.pop()
                    running[pool.submit(run_task, _items(plan, t))] = t
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in sorted(done, key=lambda f: running[f]):
                    t = running.pop(fut)
                    yield t, fut.result()
        except BrokenProcessPool:
            raise MtreviewError("a worker process died (out of memory?); the finished work is kept: "
                                "run the same command with --resume") from None


def _probe(address: str) -> None:
    """Fail at once, with a clear message, when nothing listens at a ``tcp://HOST:PORT`` scheduler."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname or not parts.port:
        return  # other transports: let distributed try
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()
    except OSError as e:
        raise MtreviewError(f"cannot reach the Dask scheduler at {address} ({e.strerror or e})") from None


def _run_dask(plan: Plan, todo: list[int], spec: JobSpec, address: str) -> Iterator[tuple[int, TaskResult]]:
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover - dependency of the package
        raise UsageError("--scheduler needs the 'distributed' package (pip install 'dask[distributed]')") from None
    _probe(address)
    try:
        client = Client(address, timeout="15s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise MtreviewError(f"cannot reach the Dask scheduler at {address} ({e})") from None
    try:
        nthreads = sum(client.nthreads().values()) or 1
        window = 2 * nthreads + 1
        spec_f = client.scatter(spec, broadcast=True, hash=False)
        queue = list(reversed(todo))
        keys: dict[str, int] = {}

        def submit(t: int) -> Any:
            fut = client.submit(run_task, _items(plan, t), spec_f, pure=False,
                                key=f"mtreview-normalise-{spec.fingerprint[:12]}-{t}-{time.time_ns()}")
            keys[fut.key] = t
            return fut

        first = [submit(queue.pop()) for _ in range(min(window, len(queue)))]
        if not first:
            return
        ac = as_completed(first, loop=client.loop)
        for fut in ac:
            t = keys.pop(fut.key)
            try:
                res = fut.result()
            except Exception as e:  # a worker died or the task raised: report per item, go on
                res = [{"file_index": it.file_index, "chunk_index": it.chunk_index, "changes": [],
                        "stats": {"bytes": it.end - it.start}, "error": f"Dask task failed: {type(e).__name__}: {e}"}
                       for it in _items(plan, t)]
            fut.release()
            if queue:
                ac.add(submit(queue.pop()))
            yield t, res
    finally:
        client.close()


# --------------------------------------------------------------------------------------------- progress

class _Progress:
    """A progress bar on a terminal (rich); silence elsewhere."""

    def __init__(self, enabled: bool, total: int) -> None:
        self._bar: Any = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )

            self._bar = Progress(TextColumn("normalise"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._task = self._bar.add_task("normalise", total=total)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


# --------------------------------------------------------------------------------------------- the job

@contextlib.contextmanager
def _lock(work: Path) -> Iterator[None]:
    """Hold OUTDIR's lock: one normalise run at a time writes there (standard input's copy included)."""
    import fcntl

    try:
        work.mkdir(parents=True, exist_ok=True)
        fh = open(work / "lock", "a")  # noqa: SIM115 - closed below; "a": never truncate a file
    except OSError as e:
        raise OutputError(f"{work.parent}: cannot be written ({e.strerror or e})") from None
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError(f"another normalise run is using {work.parent}") from None
        yield


def _write_json(path: Path, obj: Any) -> None:
    with atomic_writer(path) as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def _result_path(work: Path, t: int) -> Path:
    return work / "results" / f"task-{t:07d}.json"


def _load_or_plan(opts: NormaliseOptions, spec: JobSpec, outdir: Path, work: Path,
                  say: Callable[[str], None]) -> tuple[Plan, bool]:
    manifest = work / "manifest.json"
    if opts.resume and manifest.exists():
        try:
            plan = Plan.from_json(json.loads(manifest.read_text("utf-8")))
        except (ValueError, KeyError, TypeError):
            say("the interrupted run's manifest is unreadable: starting over")
        else:
            if plan.fingerprint != spec.fingerprint or plan.inputs != _abs_inputs(opts.inputs):
                raise UsageError("--resume: the inputs or options differ from the interrupted run in "
                                 f"{outdir}; run the same command, or drop --resume to start over")
            changed = [pf.path for pf in plan.files if pf.error is None and not unchanged(pf)]
            if not changed:
                return plan, True
            say(f"{changed[0]} changed since the interrupted run: starting over")
    elif opts.resume:
        say(f"nothing to resume in {outdir}: starting a new run")
    shutil.rmtree(work / "results", ignore_errors=True)
    plan = make_plan(_abs_inputs(opts.inputs), outdir, spec.fingerprint, opts.chunk_bytes, opts.detect_encoding)
    _write_json(manifest, plan.to_json())
    return plan, False


def guard_outputs(plan: Plan, outdir: Path, glossaries: list[str]) -> None:
    """Refuse the job before any output is written when a planned output (a file's copy,
    ``changes.jsonl``, ``summary.json``) is one of the inputs or glossaries, another output, or not a
    regular file (:class:`mtreview.outputs.OutputGuard`)."""
    guard = OutputGuard()
    for pf in plan.files:
        guard.reads(pf.path, "the input")
    for g in glossaries:
        guard.reads(g, "--glossary")
    for pf in plan.files:
        if pf.error is None:
            guard.writes(outdir / pf.rel, f"the output of {pf.path}", stdout_ok=False)
    guard.writes(outdir / "changes.jsonl", "the change log", stdout_ok=False)
    guard.writes(outdir / "summary.json", "the summary", stdout_ok=False)


def _abs_inputs(inputs: list[str]) -> list[str]:
    return [str(Path(p).absolute()) for p in inputs]


def _read_result(path: Path) -> TaskResult | None:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _copy_with_edits(pf: PlannedFile, changes: list[dict[str, Any]], target: Path) -> None:
    """Write ``pf`` to ``target`` with the changes' byte edits applied, streaming, atomically."""
    with open(pf.path, "rb") as src, atomic_writer(target, "wb", encoding=None, newline=None) as dst:
        pos = 0
        for c in changes:
            a, b = c["byte_start"], c["byte_end"]
            while pos < a:
                block = src.read(min(1 << 20, a - pos))
                if not block:
                    raise MtreviewError(f"{pf.path}: shorter than planned")
                dst.write(block)
                pos += len(block)
            dst.write(c["raw_after"].encode(pf.encoding))
            src.seek(b)
            pos = b
        shutil.copyfileobj(src, dst, 1 << 20)


def previous_outputs(outdir: Path) -> set[str]:
    """The outputs (relative paths) that the last complete ``normalise`` run into ``outdir`` wrote, by
    its ``summary.json``; empty when there is none (or it is not ours)."""
    try:
        summary = json.loads((outdir / "summary.json").read_text("utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(summary, dict) or summary.get("tool") != "mtreview normalise":
        return set()
    return {str(r["output"]) for r in summary.get("files", [])
            if isinstance(r, dict) and r.get("status") == "ok" and isinstance(r.get("output"), str)}


def _remove_stale_output(pf: PlannedFile, outdir: Path, previous: set[str], plan: Plan,
                         glossaries: list[str]) -> str | None:
    """A skipped file's output left by an earlier run: removed when that run's ``summary.json`` says
    ``normalise`` wrote it (and it is no input or glossary of this run), else kept and reported.
    Returns what was done (for the summary), None when there is no old output."""
    target = outdir / pf.rel
    if not target.is_file():
        return None
    if pf.rel not in previous:
        return "kept: not written by an earlier normalise run (by its summary.json)"
    try:
        for other in [f.path for f in plan.files] + list(glossaries):
            if os.path.exists(other) and os.path.samefile(other, target):
                return "kept: it is also an input of this run"
        target.unlink()
    except OSError as e:
        return f"kept: cannot be removed ({e.strerror or e})"
    return "removed"


def _assemble(plan: Plan, outdir: Path, work: Path, previous: set[str] | None = None,
              glossaries: list[str] | None = None) -> tuple[list[dict[str, Any]], Counter]:
    """Write every output and ``changes.jsonl`` in plan order; per-file records for the summary.

    A skipped file's output from an earlier run (``previous``: :func:`previous_outputs`) is removed,
    so that every output in OUTDIR is this run's (:func:`_remove_stale_output`)."""
    previous = previous or set()
    records: list[dict[str, Any]] = []
    by_category: Counter = Counter()
    task_of: dict[tuple[int, int], int] = {fc: t for t, fcs in enumerate(plan.tasks) for fc in fcs}
    cache: dict[int, dict[tuple[int, int], dict[str, Any]]] = {}

    def item_result(f: int, c: int) -> dict[str, Any] | None:
        t = task_of[(f, c)]
        if t not in cache:
            cache.clear()
            res = _read_result(_result_path(work, t)) or []
            cache[t] = {(r["file_index"], r["chunk_index"]): r for r in res}
        return cache[t].get((f, c))

    with atomic_writer(outdir / "changes.jsonl") as log:
        for pf in plan.files:
            rec: dict[str, Any] = {"path": pf.path, "output": pf.rel, "format": pf.format,
                                   "encoding": pf.encoding, "bytes": pf.size}
            if pf.encoding_detected:
                rec["encoding_detected"] = True
            error = pf.error
            changes: list[dict[str, Any]] = []
            units = checked = not_applied = 0
            examples: list[dict[str, Any]] = []
            for c in range(len(pf.chunks)):
                r = item_result(pf.index, c)
                if r is None:
                    error = error or "internal error: a chunk result is missing"
                    break
                if r["error"]:
                    error = r["error"]
                    break
                changes.extend(r["changes"])
                st = r["stats"]
                units += st["units"]
                checked += st["checked"]
                not_applied += st["not_applied"]
                examples.extend(st["not_applied_examples"])
            if error is None and not unchanged(pf):
                error = "the file changed while it was being normalised"
            if error is not None:
                rec.update(status="skipped", error=error)
                stale = _remove_stale_output(pf, outdir, previous, plan, glossaries or [])
                if stale is not None:
                    rec["old_output"] = stale
                records.append(rec)
                continue
            _copy_with_edits(pf, changes, outdir / pf.rel)
            for ch in changes:
                log.write(json.dumps(ch, ensure_ascii=False) + "\n")
                by_category[ch["category"]] += 1
            rec.update(status="ok", units=units, checked=checked, changes=len(changes))
            if not_applied:
                rec.update(not_applied=not_applied, not_applied_examples=examples[:3])
            records.append(rec)
    return records, by_category


def run_normalise(opts: NormaliseOptions, say: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run (or resume) a normalise job and return the summary (also written to ``summary.json``)."""
    say = say or (lambda msg: print(f"mtreview: {msg}", file=sys.stderr))
    t0 = time.perf_counter()
    outdir = Path(opts.outdir).absolute()
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"{outdir}: -o must name a folder")
    work = outdir / WORK_DIR
    spec = build_spec(opts)
    workers = opts.workers or default_workers()
    made_outdir, made_work = not outdir.exists(), not work.exists()
    locked: list[bool] = []
    try:
        return _run_locked(opts, spec, outdir, work, workers, say, t0, locked)
    except UsageError:  # a refused run leaves no trace of itself; a running job's files are not touched
        if made_work and locked:
            shutil.rmtree(work, ignore_errors=True)
            if opts.stdin:
                from .plan import STDIN_SPOOL_DIR

                shutil.rmtree(outdir / STDIN_SPOOL_DIR, ignore_errors=True)
        if made_outdir:
            with contextlib.suppress(OSError):
                outdir.rmdir()  # only if empty
        raise


def _run_locked(opts: NormaliseOptions, spec: JobSpec, outdir: Path, work: Path, workers: int,
                say: Callable[[str], None], t0: float, locked: list[bool]) -> dict[str, Any]:
    """The job, under OUTDIR's lock: copy standard input, plan or resume, guard, run, assemble
    (``locked`` gets an item once the lock is held)."""
    with _lock(work):
        locked.append(True)
        if opts.stdin:  # only now, under the lock: a refused second run must not touch the copy
            from dataclasses import replace

            from .plan import spool_stdin

            opts = replace(opts, inputs=[str(spool_stdin(outdir))])
        plan, resumed = _load_or_plan(opts, spec, outdir, work, say)
        guard_outputs(plan, outdir, opts.glossaries)
        previous = previous_outputs(outdir)  # read before this run's summary replaces it
        (work / "results").mkdir(parents=True, exist_ok=True)
        done = {t for t in range(len(plan.tasks)) if _read_result(_result_path(work, t)) is not None}
        todo = [t for t in range(len(plan.tasks)) if t not in done]
        total = sum(plan.task_bytes(t) for t in range(len(plan.tasks)))
        if opts.scheduler:
            backend, runs = f"dask {opts.scheduler}", _run_dask(plan, todo, spec, opts.scheduler)
        elif workers == 1 or len(todo) <= 1:
            backend, runs = "inline", _run_inline(plan, todo, spec)
        else:
            backend, runs = f"pool of {workers}", _run_pool(plan, todo, spec, workers)
        t_work = time.perf_counter()
        with _Progress(opts.progress, total) as bar:
            bar.advance(sum(plan.task_bytes(t) for t in done))
            for t, res in runs:
                _write_json(_result_path(work, t), res)
                bar.advance(plan.task_bytes(t))
        work_seconds = time.perf_counter() - t_work
        records, by_category = _assemble(plan, outdir, work, previous, opts.glossaries)
        seconds = time.perf_counter() - t0
        ok = [r for r in records if r["status"] == "ok"]
        skipped = [r for r in records if r["status"] != "ok"]
        nbytes = sum(r["bytes"] for r in ok)
        summary = {
            "version": SUMMARY_VERSION,
            "tool": "mtreview normalise",
            "mode": "glossary-only" if spec.mode != FULL else "full",
            "options": {"min_confidence": spec.min_confidence, "only": list(spec.only),
                        "target_lang": spec.target_lang, "glossaries": list(opts.glossaries),
                        "glossary_rules": len(spec.ruleset.rules)},
            "backend": backend,
            "files": records,
            "files_total": len(records),
            "files_ok": len(ok),
            "files_skipped": len(skipped),
            "skipped": [{"path": r["path"], "error": r["error"],
                         **({"old_output": r["old_output"]} if "old_output" in r else {})} for r in skipped],
            "bytes": nbytes,
            "units": sum(r["units"] for r in ok),
            "units_checked": sum(r["checked"] for r in ok),
            "changes": sum(r["changes"] for r in ok),
            "changes_by_category": dict(sorted(by_category.items())),
            "not_applied": sum(r.get("not_applied", 0) for r in ok),
            "tasks": len(plan.tasks),
            "tasks_resumed": len(done) if resumed else 0,
            "resumed": resumed,
            "seconds": round(seconds, 3),
            "work_seconds": round(work_seconds, 3),
            "mb_per_second": round(nbytes / 1e6 / seconds, 3) if seconds > 0 else None,
        }
        _write_json(outdir / "summary.json", summary)
        if opts.stdin and not opts.keep_work:  # the copy of standard input is no longer needed
            shutil.rmtree(Path(opts.inputs[0]).parent, ignore_errors=True)
    if not opts.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return summary
