"""Reference-free MQM-style scores from the review engine's flags: per segment, document, system.

What it is for: QA teams without references still want a number per system. Each hypothesis
segment is reviewed by :class:`mtreview.review.Reviewer`; each flag costs its MQM penalty
(:func:`mtreview.flags.penalty`: minor 1, major 5, critical 25, ``fluency/typography`` minor 0.1).
As with sacrebleu's metrics, the sufficient statistics are kept per segment — ``(penalty, words)``
— and every score is computed from summed statistics with the contract's formula
``100 × (1 − penalty ÷ words)``, floored at 0 (100 when there are no words;
:func:`mtreview.flags.mqm_from_totals`, which ``mqm_score`` of a review rounds). So a document or
system score is *not* the mean of segment scores, and bootstrap resampling works on MQM too.
Counts by category and severity come with every score.

Reviewing is much slower than computing BLEU (spaCy parses every segment), so it is opt-in
(``--reference-free``); segments go to the reviewer in batches of whole lines, with a rich progress
bar on standard error. Evidence the detectors gather across a text (a name written correctly
elsewhere) is shared within a batch (within a document when documents are known), not across the
whole corpus.

What it must not do: detect anything itself, or change the flags.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..categories import SEVERITY_WEIGHTS
from ..document import count_words
from ..flags import SEVERITIES, Flag, mqm_from_totals, penalty

MQM_FORMULA = ("100 * (1 - sum(penalties) / words), floored at 0 (100 without words); penalties "
               "minor 1, major 5, critical 25, fluency/typography minor 0.1")
#: characters of hypothesis text handed to the reviewer at once (whole segments)
BATCH_CHARS = 50_000


def mqm_compute(stats: np.ndarray) -> float:
    """Score function for resampling: ``stats = (penalty, words)``."""
    return mqm_from_totals(float(stats[0]), float(stats[1]))


def mqm_signature(detectors: Sequence[str], min_confidence: float) -> str:
    """How the MQM score was computed, in sacrebleu's signature style."""
    from .. import __version__

    w = SEVERITY_WEIGHTS
    return (f"mqm|weights:minor={w['minor']:g},major={w['major']:g},critical={w['critical']:g},"
            f"typography-minor=0.1|detectors:{'+'.join(detectors) or 'none'}|"
            f"min-conf:{min_confidence:g}|mtreview:{__version__}")


@dataclass
class SegmentReview:
    """The flags of one hypothesis segment (offsets local to the segment) and its word count."""

    flags: list[Flag]
    words: int

    @property
    def penalty(self) -> float:
        return sum(penalty(f) for f in self.flags)

    @property
    def score(self) -> float:
        return mqm_from_totals(self.penalty, self.words)


@dataclass
class MQMSummary:
    """MQM totals over a set of segments (a document or a whole system)."""

    penalty: float = 0.0
    words: int = 0
    flags: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)

    def add(self, seg: SegmentReview) -> None:
        self.penalty += seg.penalty
        self.words += seg.words
        self.flags += len(seg.flags)
        self.by_category.update(f.category for f in seg.flags)
        self.by_severity.update(f.severity for f in seg.flags)

    @property
    def score(self) -> float:
        return mqm_from_totals(self.penalty, self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "penalty": round(self.penalty, 4),
            "words": self.words,
            "flags": self.flags,
            "by_category": dict(sorted(self.by_category.items())),
            "by_severity": {s: self.by_severity[s] for s in SEVERITIES if self.by_severity[s]},
        }


def summarise(segments: Sequence[SegmentReview], docs: Sequence[str | None] | None = None) -> dict[str, Any]:
    """System summary (score, counts by category and severity) and, when known, per-document ones."""
    total = MQMSummary()
    per_doc: dict[str, MQMSummary] = {}
    for i, seg in enumerate(segments):
        total.add(seg)
        if docs is not None and docs[i] is not None:
            per_doc.setdefault(str(docs[i]), MQMSummary()).add(seg)
    out = total.to_dict()
    if per_doc:
        out["documents"] = [{"id": d, **s.to_dict()} for d, s in per_doc.items()]
    return out


def stats_array(segments: Sequence[SegmentReview]) -> np.ndarray:
    """Per-segment sufficient statistics ``(penalty, words)`` as an (N, 2) array."""
    return np.array([[s.penalty, s.words] for s in segments], dtype=np.float64).reshape(-1, 2)


def _batches(n: int, hyps: Sequence[str], docs: Sequence[str | None] | None) -> Iterable[tuple[int, int]]:
    """Index ranges of whole segments, about BATCH_CHARS long, never crossing a document boundary."""
    start = 0
    size = 0
    for i in range(n):
        boundary = docs is not None and i > start and docs[i] != docs[i - 1]
        if i > start and (size >= BATCH_CHARS or boundary):
            yield start, i
            start, size = i, 0
        size += len(hyps[i]) + 1
    if start < n:
        yield start, n


def _one_line(text: str) -> str:
    """A segment as one line of the batch text (same length, so offsets stay valid)."""
    return text.replace("\r", " ").replace("\n", " ").replace("\u2028", " ").replace("\u2029", " ")


def review_segments(hyps: Sequence[str], sources: Sequence[str | None] | None = None, *,
                    reviewer: Any, docs: Sequence[str | None] | None = None,
                    min_confidence: float = 0.0,
                    advance: Callable[[int], None] | None = None) -> list[SegmentReview]:
    """Review every hypothesis segment with ``reviewer`` and return its flags and word count.

    ``advance(k)`` is called after each batch of ``k`` segments (progress reporting).
    """
    from ..review import select_flags

    out: list[SegmentReview] = []
    for start, end in _batches(len(hyps), hyps, docs):
        lines = [_one_line(h) for h in hyps[start:end]]
        text = "\n".join(lines) + "\n"
        source = None
        if sources is not None and all(s is not None for s in sources[start:end]):
            source = "\n".join(_one_line(s or "") for s in sources[start:end]) + "\n"
        result = reviewer.review(text, source)
        flags = select_flags(result.flags, min_confidence)
        starts = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        per_seg: list[list[Flag]] = [[] for _ in lines]
        for f in flags:
            k = bisect.bisect_right(starts, f.start) - 1
            per_seg[k].append(f.shifted(-starts[k]))
        out.extend(SegmentReview(flags=fl, words=count_words(line)) for fl, line in zip(per_seg, lines, strict=True))
        if advance is not None:
            advance(end - start)
    return out
