"""Applying flags: the corrected text and a change log that reproduces it.

``fix`` applies the best suggestion of each selected flag (confidence at or above the threshold,
category in ``only``). Each change is logged with its offsets in the *input* text; applying the log
with :func:`apply_changes` to the input gives the output exactly. Nothing here detects anything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from .flags import Flag
from .review import ReviewResult, review, select_flags

DEFAULT_MIN_CONFIDENCE = 0.8


@dataclass
class Change:
    """One replacement: ``input[start:end]`` (== ``before``) becomes ``after``."""

    start: int
    end: int
    before: str
    after: str
    category: str
    confidence: float
    flag_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FixResult:
    text: str
    changes: list[Change]

    def log_lines(self) -> str:
        return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in self.changes)


def changes_from_flags(text: str, flags: Iterable[Flag]) -> list[Change]:
    """Non-overlapping changes (first wins, by start) for the flags that carry a suggestion."""
    changes: list[Change] = []
    last_end = -1
    for f in sorted(flags, key=lambda f: (f.start, -f.confidence)):
        if not f.suggestions or f.start < last_end:
            continue
        after = f.suggestions[0]
        if after == text[f.start:f.end]:
            continue
        changes.append(Change(f.start, f.end, text[f.start:f.end], after, f.category,
                              round(float(f.confidence), 4), f.id))
        last_end = f.end
    return changes


def apply_changes(text: str, changes: Iterable[Change | dict[str, Any]]) -> str:
    """Apply changes given in input offsets (any order, non-overlapping); checks each ``before``."""
    items = [c if isinstance(c, Change) else Change(**{k: c[k] for k in
             ("start", "end", "before", "after", "category", "confidence")}) for c in changes]
    items.sort(key=lambda c: c.start)
    out: list[str] = []
    pos = 0
    for c in items:
        if c.start < pos:
            raise ValueError(f"overlapping changes at {c.start}")
        if text[c.start:c.end] != c.before:
            raise ValueError(f"change at {c.start} expects {c.before!r}, text has {text[c.start:c.end]!r}")
        out.append(text[pos:c.start])
        out.append(c.after)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


def fix(text: str, result: ReviewResult | None = None, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        only: Iterable[str] | None = None, source: str | None = None, glossary: Any = None) -> FixResult:
    """Correct ``text`` with the suggestions of its flags above ``min_confidence`` (Python API)."""
    if result is None:
        result = review(text, source, glossary=glossary)
    chosen = select_flags(result.flags, min_confidence, only)
    changes = changes_from_flags(text, chosen)
    return FixResult(apply_changes(text, changes), changes)
