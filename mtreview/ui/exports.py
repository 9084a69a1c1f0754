"""What a review exports: the corrected text, the review log (JSON and CSV) and an ITS 2.0 XLIFF.

:func:`export_review` writes the four files of the Review tab's Export button; :func:`review_log` is the
log as data (every flag in scope with its decision, and the changes that make the corrected text), which
:func:`review_log_csv` turns into a spreadsheet-safe CSV. The XLIFF is written by
:func:`mtreview.formats.its.result_to_xliff`. No Gradio here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..correct import Change, apply_changes
from ..flags import mqm_score
from ..store import PENDING, Decision, ReviewStore, StoredReview
from .decisions import SEGMENT_CATEGORY, decided_changes, review_scope, segment_edits, status_of


def review_log(review: StoredReview, decisions: Mapping[str, Decision]) -> dict[str, Any]:
    """The review log: every flag in scope with its decision, and the changes that make the output.

    ``changes`` are in offsets of the reviewed text: applying them to it with
    :func:`mtreview.correct.apply_changes` gives the exported corrected text exactly.
    """
    from .. import __version__

    scope = review_scope(review, decisions)
    changes, skipped = decided_changes(review.text, scope, decisions)
    counts = Counter(status_of(f, decisions) for f in scope)
    line_starts = [0] + [m.end() for m in re.finditer("\n", review.text)]

    def line_of(offset: int) -> int:  # the 1-based line of an offset, without scanning the text each time
        return bisect_right(line_starts, offset)

    entries = []
    for f in scope:
        d = decisions.get(f.id)
        entry = f.to_dict()
        entry.update({"line": line_of(f.start), "status": d.status if d else PENDING,
                      "replacement": d.replacement if d else None,
                      "decided_at": _iso(d.decided_at) if d else None})
        entries.append(entry)
    edits = [{"id": d.flag_id, "line": line_of(start), "start": start, "end": end,
              "before": review.text[start:end], "after": d.replacement, "decided_at": _iso(d.decided_at)}
             for start, end, d in segment_edits(review.text, decisions)]
    return {
        "version": 1,
        "tool": f"mtreview {__version__} review UI",
        "review": {"id": review.id, "title": review.title, "input": review.input_name,
                   "created": _iso(review.created), "updated": _iso(review.updated), "words": review.words,
                   "detectors": review.detectors, "settings": review.settings},
        "summary": {"flags": len(scope), **{k: counts.get(k, 0) for k in ("accepted", "edited", "rejected", PENDING)},
                    "segment_edits": len(edits), "changes": len(changes), "mqm_score_before": mqm_score(scope, review.words),
                    "mqm_score_pending": mqm_score([f for f in scope if status_of(f, decisions) == PENDING],
                                                   review.words)},
        "flags": entries,
        "segment_edits": edits,
        "changes": [c.to_dict() for c in changes],
        "not_applied": skipped,
    }


LOG_CSV_COLUMNS = ["id", "line", "start", "end", "text", "category", "severity", "confidence", "suggestions",
                   "status", "replacement", "decided_at", "detector", "explanation"]


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (a leading = + - @ is prefixed with ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def review_log_csv(log_data: Mapping[str, Any]) -> str:
    """The flags of a review log as CSV, one row each (columns :data:`LOG_CSV_COLUMNS`), then one row per
    whole-segment edit (category ``segment``, status ``edited``, ``text`` the segment as it was)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(LOG_CSV_COLUMNS)
    for e in log_data["flags"]:
        row = {**e, "suggestions": " | ".join(e.get("suggestions") or [])}
        w.writerow([_csv_safe(row.get(k) if row.get(k) is not None else "") for k in LOG_CSV_COLUMNS])
    for e in log_data.get("segment_edits") or []:
        row = {**e, "text": e["before"], "replacement": e["after"], "category": SEGMENT_CATEGORY, "status": "edited",
               "detector": "reviewer", "explanation": "whole-segment edit"}
        w.writerow([_csv_safe(row.get(k) if row.get(k) is not None else "") for k in LOG_CSV_COLUMNS])
    return buf.getvalue()


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def _slug(s: str, default: str = "review") -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(s).stem if s else "").strip("-")[:60]
    return s or default


def export_review(store: ReviewStore, review_id: str, outdir: str | os.PathLike[str]) -> list[Path]:
    """Write the corrected text, the log (JSON, CSV) and the ITS XLIFF of a review; returns the paths."""
    from ..formats.its import result_to_xliff
    from ..inputs import ReviewInput
    from ..review import ReviewResult
    from ..textio import write_text_atomic

    review = store.get_review(review_id)
    decisions = store.decisions(review_id)
    scope = review_scope(review, decisions)
    data = review_log(review, decisions)
    fixed = apply_changes(review.text, [Change(**c) for c in data["changes"]])
    stem = f"{_slug(review.input_name or review.title)}-{review.id[:6]}"
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{stem}.corrected.txt", out / f"{stem}.review-log.json", out / f"{stem}.review-log.csv",
             out / f"{stem}.its.xlf"]
    item = ReviewInput(text=review.text, source=review.source, units=review.units,
                       path=Path(review.input_name).name if review.input_name else review.title)
    result = ReviewResult(text=review.text, flags=scope, words=review.words, detectors=review.detectors)
    write_text_atomic(paths[0], fixed)
    write_text_atomic(paths[1], json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_text_atomic(paths[2], review_log_csv(data))
    changes = [Change(**c) for c in data["changes"]]
    write_text_atomic(paths[3], result_to_xliff(result, item, decisions=decisions, changes=changes))
    return paths


__all__ = ["LOG_CSV_COLUMNS", "export_review", "review_log", "review_log_csv"]
