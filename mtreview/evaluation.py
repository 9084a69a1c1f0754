"""Scoring the names detector against gold annotations (seed article, synthetic evaluation sets).

Gold is a list of spans with the expected correction. An occurrence is *found* when a ``name/*``
flag overlaps it, and *right* when the flags' first suggestions, applied to the text, write the
expected form there (accents and case folded): one flag for the whole name, or one per corrupted
word of it («Khoakin» → Joaquín and «Errera» → Herrera for «Joaquín Herrera»). Precision counts a flag as real when it overlaps a gold span or an "extra" span
(a genuine error or part of one beyond the headline list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .flags import Flag


@dataclass
class GoldSpan:
    start: int
    end: int
    expected: str
    note: str = ""


@dataclass
class NameScores:
    gold: int
    found: int
    right: int
    flags: int
    real_flags: int
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    false_flags: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def top1(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.real_flags / self.flags if self.flags else 1.0

    def line(self) -> str:
        return (f"recall {self.recall:.3f} ({self.found}/{self.gold}), top-1 {self.top1:.3f}, "
                f"precision {self.precision:.3f} ({self.real_flags}/{self.flags})")


def fold(s: str) -> str:
    from unidecode import unidecode

    return re.sub(r"\s+", " ", unidecode(s).lower()).strip()


def corrected_span(text: str, g: GoldSpan, hits: list[Flag]) -> str:
    """The text of gold span ``g`` (widened to the flags that overlap it) once the first suggestion of
    each flag in ``hits`` is applied; of overlapping flags, the first (by start, then length) wins."""
    lo = min([g.start] + [f.start for f in hits])
    hi = max([g.end] + [f.end for f in hits])
    out, pos = [], lo
    for f in sorted(hits, key=lambda f: (f.start, -f.end)):
        if f.start < pos or not f.suggestions:
            continue
        out.append(text[pos:f.start])
        out.append(f.suggestions[0])
        pos = f.end
    out.append(text[pos:hi])
    return "".join(out)


def spans_from_patterns(text: str, tsv: Path) -> list[GoldSpan]:
    """Gold spans from a TSV of ``pattern<TAB>expected<TAB>note`` (regexes over the text)."""
    out = []
    for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        pat, exp, *rest = line.split("\t")
        for m in re.finditer(pat, text):
            out.append(GoldSpan(m.start(), m.end(), exp, rest[0] if rest else ""))
    return out


def score_names(text: str, flags: Iterable[Flag], gold: list[GoldSpan],
                extra: list[GoldSpan] | None = None) -> NameScores:
    nflags = [f for f in flags if f.category.startswith("name/")]
    extra = extra or []
    found = right = 0
    missed, wrong = [], []
    for g in gold:
        hits = [f for f in nflags if f.start < g.end and g.start < f.end]
        if not hits:
            missed.append(text[g.start:g.end])
            continue
        found += 1
        after = corrected_span(text, g, hits)
        if fold(g.expected) in fold(after):
            right += 1
        else:
            wrong.append(f"{text[g.start:g.end]} -> {after!r} (want {g.expected})")
    real = 0
    false_flags = []
    for f in nflags:
        if any(f.start < g.end and g.start < f.end for g in gold + extra):
            real += 1
        else:
            false_flags.append(f"{f.text} -> {f.suggestions[:1]} [{f.category} {f.confidence}]")
    return NameScores(len(gold), found, right, len(nflags), real, missed, wrong, false_flags)
