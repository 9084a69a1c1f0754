"""Flags and the reviewer's decisions: which flags are shown, what is pending, what the text becomes.

Pure functions over :class:`~mtreview.flags.Flag` and :class:`~mtreview.store.Decision`; no HTML, no
Gradio. :func:`decided_changes` turns accepted and edited flags into :class:`~mtreview.correct.Change`
objects that always apply cleanly, so the corrected text the UI shows and the one it exports are the same.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence

from ..correct import Change, apply_changes
from ..flags import Flag
from ..store import PENDING, SEGMENT_DECISION, Decision, StoredReview

#: the confidence threshold of a new review (every flag shown)
DEFAULT_THRESHOLD = 0.0
#: the decisions a reviewer takes; ``undo`` makes a flag pending again
DECIDED = ("accepted", "edited", "rejected")


def visible_flags(flags: Iterable[Flag], categories: Iterable[str] | None, threshold: float) -> list[Flag]:
    """Flags of the chosen categories at or above the confidence threshold (``None``: all categories)."""
    cats = None if categories is None else set(categories)
    return [f for f in flags if f.confidence >= float(threshold or 0.0) and (cats is None or f.category in cats)]


def status_of(flag: Flag, decisions: Mapping[str, Decision]) -> str:
    """``accepted``, ``edited``, ``rejected`` or ``pending``."""
    d = decisions.get(flag.id)
    return d.status if d else PENDING


def review_scope(review: StoredReview, decisions: Mapping[str, Decision]) -> list[Flag]:
    """The flags a review covers: those its settings show, plus any decided one."""
    s = review.settings or {}
    shown = {f.id for f in visible_flags(review.flags, s.get("categories"), s.get("threshold", 0.0))}
    return [f for f in review.flags if f.id in shown or f.id in decisions]


def next_pending(flags: Sequence[Flag], decisions: Mapping[str, Decision], after: str | None) -> str | None:
    """The first pending flag after the flag ``after`` (by position), else the first pending one."""
    pending = [f for f in flags if f.id not in decisions]
    if not pending:
        return None
    if after:
        pos = next((f.start for f in flags if f.id == after), -1)
        later = [f for f in pending if f.start > pos]
        if later:
            return later[0].id
    return pending[0].id


#: the category a whole-segment edit has in the change log and the review log
SEGMENT_CATEGORY = "segment"


def segment_decision_id(start: int, end: int) -> str:
    """The decision id of a whole-segment edit of ``text[start:end]`` (``s<start>-<end>``)."""
    return f"s{int(start)}-{int(end)}"


def segment_span(decision_id: str) -> tuple[int, int] | None:
    """``(start, end)`` of a whole-segment decision id, None for a flag's id."""
    if not SEGMENT_DECISION.fullmatch(decision_id or ""):
        return None
    start, end = decision_id[1:].split("-")
    return int(start), int(end)


def segment_edits(text: str, decisions: Mapping[str, Decision]) -> list[tuple[int, int, Decision]]:
    """The whole-segment edits of a review, ``(start, end, decision)`` by start (edits that do not fit
    the text, or overlap an earlier one, are left out)."""
    out: list[tuple[int, int, Decision]] = []
    for key, d in decisions.items():
        span = segment_span(key)
        if span is None or d.status != "edited" or d.replacement is None or not 0 <= span[0] <= span[1] <= len(text):
            continue
        out.append((span[0], span[1], d))
    out.sort(key=lambda t: (t[0], t[1]))
    kept: list[tuple[int, int, Decision]] = []
    for s, e, d in out:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e, d))
    return kept


def decided_changes(text: str, flags: Iterable[Flag], decisions: Mapping[str, Decision]
                    ) -> tuple[list[Change], list[str]]:
    """Changes for accepted and edited flags and for whole-segment edits, in input offsets; returns
    (changes, ids left out).

    A whole-segment edit replaces its segment: the decisions on flags inside it are left out (and
    reported). A decision whose span overlaps an earlier accepted one is left out too, so the changes
    always apply cleanly with :func:`mtreview.correct.apply_changes`.
    """
    edits = segment_edits(text, decisions)
    changes: list[Change] = [Change(s, e, text[s:e], d.replacement or "", SEGMENT_CATEGORY, 1.0, d.flag_id)
                             for s, e, d in edits if d.replacement != text[s:e]]
    starts = [s for s, _, _ in edits]
    skipped: list[str] = []
    last_end = -1
    for f in sorted(flags, key=lambda f: (f.start, f.end)):
        d = decisions.get(f.id)
        if d is None or d.status not in ("accepted", "edited") or d.replacement is None:
            continue
        i = bisect_right(starts, f.start) - 1
        inside = (i >= 0 and f.start < edits[i][1]) or (i + 1 < len(edits) and f.end > edits[i + 1][0])
        if inside or f.start < last_end:
            skipped.append(f.id)
            continue
        before = text[f.start:f.end]
        if d.replacement == before:
            continue
        changes.append(Change(f.start, f.end, before, d.replacement, f.category, round(float(f.confidence), 4), f.id))
        last_end = f.end
    changes.sort(key=lambda c: (c.start, c.end))
    return changes, skipped


def corrected_text(text: str, flags: Iterable[Flag], decisions: Mapping[str, Decision]) -> str:
    """``text`` with the accepted and edited corrections of ``flags`` applied."""
    changes, _ = decided_changes(text, flags, decisions)
    return apply_changes(text, changes)


__all__ = ["DECIDED", "DEFAULT_THRESHOLD", "SEGMENT_CATEGORY", "corrected_text", "decided_changes", "next_pending",
           "review_scope", "segment_decision_id", "segment_edits", "segment_span", "status_of", "visible_flags"]
