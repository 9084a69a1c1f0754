"""The Score and Batch tabs' work: adapters over :mod:`mtreview.scoring` and :mod:`mtreview.batch`.

:func:`run_score` scores uploaded hypotheses against references and writes the JSON, CSV and HTML
reports; :func:`run_batch` normalises uploaded files one by one (so a progress bar can follow) and zips
the results. Both raise ``ImportError`` when their feature is not installed; the controller reports it.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def run_score(hyp_paths: Sequence[str], ref_paths: Sequence[str], metrics: Sequence[str],
              outdir: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], list[Path], dict[str, Any]]:
    """Score hypotheses against references with :mod:`mtreview.scoring`; returns (rows, files, data).

    Raises ``ImportError`` when the scoring feature is not installed.
    """
    from ..scoring import ScoreRequest, run_scoring
    from ..scoring.report import render, system_value

    report = run_scoring(ScoreRequest(hyps=list(hyp_paths), refs=list(ref_paths), metrics=list(metrics),
                                      progress=False, workers=1))
    rows = []
    for s in report.data["systems"]:
        row: dict[str, Any] = {"system": s.get("name", "")}
        for m in metrics:
            v = system_value(s, m)
            row[m] = None if v is None else round(v, 2)
        rows.append(row)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for fmt, name in (("json", "scores.json"), ("csv", "scores.csv"), ("html", "scores.html")):
        try:
            content = render(report, fmt)
        except (ValueError, KeyError):
            continue
        (out / name).write_text(content, encoding="utf-8")
        files.append(out / name)
    return rows, files, report.data


def run_batch(paths: Sequence[str], glossaries: Sequence[str], outdir: str | os.PathLike[str], *,
              glossary_only: bool = False, min_confidence: float = 0.8,
              progress: Any = None) -> tuple[dict[str, Any], list[dict[str, Any]], list[Path]]:
    """Normalise files one by one with :mod:`mtreview.batch` (so progress can be shown per file).

    Returns the merged summary, the changes and the files to download (a zip of the normalised files,
    ``changes.jsonl`` and ``summary.json``). Raises ``ImportError`` when the batch feature is missing.
    """
    import zipfile

    from ..batch import NormaliseOptions, run_normalise

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    changes: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    zpath = out / "normalised.zip"
    used: set[str] = set()
    t0 = time.perf_counter()
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i, p in enumerate(paths):
            name = Path(p).name
            if progress is not None:
                progress((i, len(paths)), desc=f"normalising {name}")
            job = out / f"job{i}"
            summary = run_normalise(NormaliseOptions(inputs=[str(p)], outdir=str(job), glossaries=list(glossaries),
                                                     glossary_only=glossary_only, min_confidence=min_confidence,
                                                     workers=1, progress=False), say=lambda _msg: None)
            summaries.append(summary)
            clog = job / "changes.jsonl"
            if clog.exists():
                for line in clog.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        rec = json.loads(line)
                        rec["file"] = name
                        changes.append(rec)
            for f in sorted(job.rglob("*")):
                if not f.is_file() or f.name in ("changes.jsonl", "summary.json") or f.name.startswith("."):
                    continue
                if any(part.startswith(".") for part in f.relative_to(job).parts):
                    continue
                arc = f.name if f.name not in used else f"{i}-{f.name}"
                used.add(arc)
                zf.write(f, arc)
    if progress is not None:
        progress((len(paths), len(paths)), desc="done")
    by_cat: Counter = Counter()
    for s in summaries:
        by_cat.update(s.get("changes_by_category", {}))
    merged = {"files": len(paths), "files_ok": sum(s.get("files_ok", 0) for s in summaries),
              "skipped": [x for s in summaries for x in s.get("skipped", [])],
              "changes": len(changes), "changes_by_category": dict(sorted(by_cat.items())),
              "seconds": round(time.perf_counter() - t0, 3), "per_file": summaries}
    (out / "changes.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in changes),
                                       encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return merged, changes, [zpath, out / "changes.jsonl", out / "summary.json"]


__all__ = ["run_batch", "run_score"]
