"""The Flag: one suspected problem in a text, the one currency between the engine and every front end.

A flag is a span (Python code-point offsets into the reviewed text) with an MQM-style category, a
severity, a calibrated confidence, ranked suggestions (each replaces exactly ``text[start:end]``), an
explanation in French for the reviewer, and the evidence that led to it. This module holds no detection
logic: detectors create flags, front ends (CLI, UI, batch, reports) only read them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .categories import CATEGORY_TABLE

SEVERITIES = ("minor", "major", "critical")

#: Every category the engine may emit, with its short French label (read from :mod:`mtreview.categories`).
CATEGORIES: dict[str, str] = {name: c.label for name, c in CATEGORY_TABLE.items()}


@dataclass
class Flag:
    """A suspected error: where it is, what kind, how sure we are and what to write instead."""

    start: int
    end: int
    text: str
    category: str
    severity: str = "major"
    confidence: float = 0.5
    suggestions: list[str] = field(default_factory=list)
    explanation: str = ""
    detector: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence out of [0, 1]: {self.confidence}")
        if self.end < self.start:
            raise ValueError("flag end before start")

    @property
    def family(self) -> str:
        return self.category.split("/", 1)[0]

    def shifted(self, offset: int) -> Flag:
        """The same flag with offsets moved by ``offset`` (segment → document coordinates)."""
        d = asdict(self)
        d["start"] += offset
        d["end"] += offset
        return Flag(**d)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "severity": self.severity,
            "confidence": round(float(self.confidence), 4),
            "suggestions": list(self.suggestions),
            "explanation": self.explanation,
            "detector": self.detector,
            "evidence": self.evidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Flag:
        keys = {"start", "end", "text", "category", "severity", "confidence", "suggestions",
                "explanation", "detector", "evidence", "id"}
        return cls(**{k: v for k, v in d.items() if k in keys})


def penalty(flag: Flag) -> float:
    """MQM penalty points of one flag: minor 1, major 5, critical 25; typography minor 0.1."""
    return CATEGORY_TABLE[flag.category].penalty(flag.severity)


def mqm_from_totals(total_penalty: float, words: float) -> float:
    """The one MQM formula: ``100 × (1 − penalty ÷ words)``, floored at 0, 100 without words (unrounded:
    the scoring statistics sum penalties and words first, see :mod:`mtreview.scoring.mqm`)."""
    if words <= 0:
        return 100.0
    return max(0.0, 100.0 * (1.0 - total_penalty / words))


def mqm_score(flags: list[Flag], words: int) -> float:
    """MQM-style quality score of ``flags`` over ``words`` (:func:`mqm_from_totals`), rounded to 2 places."""
    return round(mqm_from_totals(sum(penalty(f) for f in flags), words), 2)


def resolve_overlaps(flags: list[Flag]) -> list[Flag]:
    """Sort flags by start and drop overlapping ones, keeping the more confident (then longer) flag.

    A flag lying strictly inside a kept flag of the same family is kept as a refinement only when it
    comes from another detector and carries another category; otherwise the contract's rule holds:
    flags do not overlap.
    """
    ranked = sorted(flags, key=lambda f: (-f.confidence, -(f.end - f.start), f.start))
    kept: list[Flag] = []
    for f in ranked:
        clash = False
        for k in kept:
            if f.start < k.end and k.start < f.end:
                clash = True
                break
            if f.start == f.end == k.start == k.end:
                clash = True
                break
        if not clash:
            kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    for i, f in enumerate(kept, 1):
        f.id = f"f{i}"
    return kept
