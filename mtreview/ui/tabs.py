"""The Score and Batch tabs' work: adapters over :mod:`mtreview.scoring` and :mod:`mtreview.batch`.

:func:`run_score` scores uploaded hypotheses against references (with 95% bootstrap confidence
intervals, and paired significance tests against the first system when there are several) and writes
the JSON, CSV and HTML reports; :func:`score_table` and :func:`score_plots_html` lay the scoring JSON
out for the tab (the table with the intervals and the p-values; one plot per metric, each on its own
axis, as the HTML report draws them). :func:`run_batch` normalises uploaded files one by one (so a
progress bar can follow) and zips the results. The reports and the summaries name the files, never
their paths on the server. Both raise ``ImportError`` when their feature is not installed; the
controller reports it.
"""

from __future__ import annotations

import html
import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .messages import hide_paths


def _without_paths(value: Any) -> Any:
    """``value`` (the scoring JSON or a batch summary) with every path replaced by the file's name."""
    if isinstance(value, str):
        return hide_paths(value)
    if isinstance(value, list):
        return [_without_paths(v) for v in value]
    if isinstance(value, dict):
        return {k: (Path(v).name if k == "path" and isinstance(v, str) else _without_paths(v))
                for k, v in value.items()}
    return value


def run_score(hyp_paths: Sequence[str], ref_paths: Sequence[str], metrics: Sequence[str],
              outdir: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], list[Path], dict[str, Any]]:
    """Score hypotheses against references with :mod:`mtreview.scoring`; returns (rows, files, data).

    Confidence intervals are computed for one system too (``bootstrap``: 1,000 samples); the paths of
    the uploads are replaced by the files' names in the data and the reports. Raises ``ImportError``
    when the scoring feature is not installed.
    """
    from ..scoring import ScoreRequest, run_scoring
    from ..scoring.report import render, system_value
    from ..scoring.significance import DEFAULT_BOOTSTRAP

    report = run_scoring(ScoreRequest(hyps=list(hyp_paths), refs=list(ref_paths), metrics=list(metrics),
                                      bootstrap=DEFAULT_BOOTSTRAP, progress=False, workers=1))
    report.data = _without_paths(report.data)
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


def score_table(data: dict[str, Any], metrics: Sequence[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """The Score tab's table from the scoring JSON: (columns, rows), one row per system.

    Each metric has its score, its 95% bootstrap interval (``low–high``) and, with several systems, the
    paired test against the baseline (the first system): the difference, the p-value and whether it
    is significant (p < alpha) and better or worse (TER: lower is better).
    """
    from ..scoring.engine import LABELS
    from ..scoring.report import system_value

    sig = data.get("significance") or None
    baseline = sig["baseline"] if sig else None
    tests = {(c["system"], c["metric"]): c for c in (sig["comparisons"] if sig else [])
             if c.get("baseline") == baseline}
    columns = ["system"]
    for m in metrics:
        label = LABELS.get(m, m)
        columns += [label, f"{label} 95% CI"] + ([f"{label} vs {baseline}"] if sig else [])
    rows = []
    for s in data["systems"]:
        row: dict[str, Any] = {"system": s.get("name", "")}
        for m in metrics:
            label = LABELS.get(m, m)
            v = system_value(s, m)
            row[label] = None if v is None else round(v, 2)
            c = (s.get("confidence") or {}).get(m)
            row[f"{label} 95% CI"] = f"{c['low']:.2f}–{c['high']:.2f}" if c else ""
            if sig:
                t = tests.get((row["system"], m))
                if row["system"] == baseline:
                    cell = "baseline"
                elif t is None:
                    cell = ""
                else:
                    verdict = "significant" if t["significant"] else "not significant"
                    if t["significant"] and t.get("better") is not None:
                        verdict += ", better" if t["better"] else ", worse"
                    cell = f"{t['delta']:+.2f}, p = {t['p_value']:.3f} ({verdict})"
                row[f"{label} vs {baseline}"] = cell
        rows.append(row)
    return columns, rows


def score_plots_html(data: dict[str, Any], metrics: Sequence[str]) -> str:
    """One plot per metric (score and 95% interval per system), each on its own axis — TER, where lower
    is better, never shares BLEU's — as the HTML report draws them (SVG, every name escaped)."""
    from ..scoring.report import svg_scores

    plots = [svg_scores(data, m) for m in metrics]
    cells = "".join(f'<div class="mtr-score-plot" data-metric="{html.escape(m, quote=True)}">{svg}</div>'
                    for m, svg in zip(metrics, plots, strict=True) if svg)
    return f'<div class="mtr-score-plots">{cells}</div>' if cells else ""


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
    merged = _without_paths(merged)
    (out / "summary.json").write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return merged, changes, [zpath, out / "changes.jsonl", out / "summary.json"]


__all__ = ["run_batch", "run_score", "score_plots_html", "score_table"]
