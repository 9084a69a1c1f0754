"""Scale-out and interruption: the local pool, a real Dask LocalCluster and a run killed with SIGKILL
then resumed all give byte-identical outputs and change logs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtreview.cli import main

DATA = Path(__file__).parent / "data" / "batch"
GLOSSARY = DATA / "glossary.tsv"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 120 kB in 12 files of every format: many small tasks at --chunk-mb 0.005."""
    root = tmp_path_factory.mktemp("corpus") / "corpus"
    root.mkdir()
    lines = (DATA / "corpus" / "news.txt").read_text("utf-8").splitlines(keepends=True)
    pairs = (DATA / "corpus" / "pairs.tsv").read_bytes().splitlines(keepends=True)
    records = (DATA / "corpus" / "records.jsonl").read_bytes().splitlines(keepends=True)
    for i in range(4):
        (root / f"text{i}.txt").write_text("".join(f"{n} {lines[n % len(lines)]}" for n in range(400 + i)), "utf-8")
        (root / f"pairs{i}.tsv").write_bytes(b"".join(pairs[n % len(pairs)] for n in range(300)))
        (root / f"records{i}.jsonl").write_bytes(b"".join(records[n % 4] for n in range(150)))
    for name in ("news12.xlf", "news20.xliff", "memory.tmx", "messages.po"):
        shutil.copy(DATA / "corpus" / name, root / name)
    return root


def _run(args: list[str]) -> int:
    return main(["-q", "normalise", *args, "--glossary-only", "--glossary", str(GLOSSARY), "--chunk-mb", "0.005"])


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "summary.json"}


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """An uninterrupted run in this process (--workers 1)."""
    out = tmp_path_factory.mktemp("ref")
    assert _run([str(corpus), "-o", str(out), "--workers", "1"]) == 0
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["tasks"] >= 15 and summary["changes"] > 500
    return _outputs(out)


def test_local_pool_matches_inline(corpus: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    assert _run([str(corpus), "-o", str(tmp_path), "--workers", "2"]) == 0
    assert json.loads((tmp_path / "summary.json").read_text("utf-8"))["backend"] == "pool of 2"
    assert _outputs(tmp_path) == reference


@pytest.mark.slow  # a Dask cluster
def test_dask_local_cluster_matches_local_pool(corpus: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    import distributed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  processes=True) as cluster:
        assert _run([str(corpus), "-o", str(tmp_path), "--scheduler", cluster.scheduler_address]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["backend"].startswith("dask tcp://")
    assert _outputs(tmp_path) == reference


@pytest.mark.slow  # a Dask client (distributed)
def test_unreachable_scheduler_is_a_clear_error(corpus: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert _run([str(corpus / "text0.txt"), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9"]) == 1
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


@pytest.mark.slow  # a throttled run in a subprocess, killed part-way: seconds of waiting
def test_kill_and_resume_equals_uninterrupted_run(corpus: Path, reference: dict[str, bytes], tmp_path: Path) -> None:
    """A real process pool run, SIGKILLed part-way, resumed: same outputs, same changes.jsonl, and the
    finished tasks are not run again."""
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "mtreview", "-q", "normalise", str(corpus), "-o", str(out), "--glossary-only",
           "--glossary", str(GLOSSARY), "--chunk-mb", "0.005", "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd + ["--throttle", "0.4"], env=env, start_new_session=True)
    results = out / ".mtreview-work" / "results"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(results.glob("task-*.json"))) < 4:
        assert proc.poll() is None, "the run finished before it could be killed"
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its pool workers
    proc.wait()
    done = len(list(results.glob("task-*.json")))
    manifest = json.loads((out / ".mtreview-work" / "manifest.json").read_text("utf-8"))
    assert 4 <= done < len(manifest["tasks"])
    assert not (out / "summary.json").exists()

    resumed = subprocess.run(cmd + ["--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["resumed"] is True and summary["tasks_resumed"] >= done
    assert _outputs(out) == reference
    assert not (out / ".mtreview-work").exists()


def test_resume_refuses_other_options(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run([str(corpus / "text0.txt"), "-o", str(tmp_path), "--workers", "1", "--keep-work"]) == 0
    assert main(["-q", "normalise", str(corpus / "text0.txt"), "-o", str(tmp_path), "--resume", "--workers", "1",
                 "--glossary-only", "--glossary", str(GLOSSARY), "--chunk-mb", "1"]) == 2
    assert "differ from the interrupted run" in capsys.readouterr().err
    # the same command resumes: every task is already done
    assert _run([str(corpus / "text0.txt"), "-o", str(tmp_path), "--workers", "1", "--resume"]) == 0
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["tasks_resumed"] == summary["tasks"]
