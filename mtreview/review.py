"""The Reviewer: runs the registered detectors over one shared parse and collects their flags.

``review(text)`` is the Python API behind ``mtreview check``. Long texts are reviewed in chunks of
whole lines (memory stays bounded); document-wide evidence (a name written correctly elsewhere) is
gathered in a first pass over the whole text by each detector's ``prepare`` (the contract of
:mod:`mtreview.detectors`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import detectors as registry
from .document import Document, count_words
from .flags import Flag, mqm_score, resolve_overlaps

#: chunk size (characters) for long texts; each chunk is one Document
CHUNK_CHARS = 200_000


@dataclass
class ReviewResult:
    """Flags over a text, with the summary of the contract's JSON."""

    text: str
    flags: list[Flag]
    words: int
    detectors: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        by_cat = Counter(f.category for f in self.flags)
        by_sev = Counter(f.severity for f in self.flags)
        return {
            "words": self.words,
            "flags": len(self.flags),
            "by_category": dict(sorted(by_cat.items())),
            "by_severity": {s: by_sev[s] for s in ("minor", "major", "critical") if by_sev[s]},
            "mqm_score": mqm_score(self.flags, self.words),
            "mqm_formula": "100 * (1 - sum(weights) / words), floored at 0; "
                           "weights minor 1, major 5, critical 25, fluency/typography minor 0.1",
            "detectors": self.detectors,
        }

    def to_dict(self) -> dict[str, Any]:
        return {"version": 1, "text": self.text, "flags": [f.to_dict() for f in self.flags],
                "summary": self.summary}


def select_flags(flags: Iterable[Flag], min_confidence: float = 0.0,
                 only: Iterable[str] | None = None) -> list[Flag]:
    """Flags at or above ``min_confidence`` whose category starts with one of ``only``."""
    prefixes = tuple(only) if only else None
    return [f for f in flags if f.confidence >= min_confidence
            and (prefixes is None or f.category.startswith(prefixes))]


def iter_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split ``text`` into chunks of whole lines of about ``size`` characters: ``(offset, chunk)``."""
    pos = 0
    n = len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            nl = text.rfind("\n", pos, end)
            if nl > pos:
                end = nl + 1
        yield pos, text[pos:end]
        pos = end


class Reviewer:
    """Runs detectors over documents. Build once, review many texts (models stay loaded)."""

    def __init__(self, detectors: Iterable[str] | None = None, glossary: Any = None,
                 detector_options: dict[str, dict[str, Any]] | None = None) -> None:
        names = list(detectors) if detectors is not None else list(registry.DEFAULT_ON)
        opts = detector_options or {}
        self.glossary = glossary
        self.detectors: list[registry.Detector] = []
        for name in names:
            cls = registry.detector_class(name)
            o = dict(opts.get(name, {}))
            if glossary is not None and registry.takes_glossary(cls):
                o.setdefault("glossary", glossary)
            self.detectors.append(cls(**o))

    def review_document(self, document: Document, evidence: dict[str, Any] | None = None,
                        offset: int = 0) -> list[Flag]:
        """Flags of every detector over ``document``; ``evidence`` holds what a detector's ``prepare``
        returned for the whole text, of which ``document`` starts at ``offset``."""
        evidence = evidence or {}
        flags: list[Flag] = []
        if any(det.parse == "all" for det in self.detectors):
            document.parsed  # noqa: B018 - one batched parse of every segment, before a lazy detector parses some one by one
        for det in self.detectors:
            ev = evidence.get(det.name)
            if ev is not None and hasattr(ev, "offset"):
                ev.offset = offset
            for f in det.detect(document, evidence=ev):
                if document.text[f.start:f.end] != f.text:
                    raise AssertionError(f"detector {det.name} produced a flag with wrong offsets: {f}")
                flags.append(f)
        return flags

    def review(self, text: str, source: str | None = None) -> ReviewResult:
        """Review ``text`` (with its ``source`` when given) and return non-overlapping flags by start."""
        # document-wide evidence, gathered once over the whole text and passed to every chunk as a
        # value: nothing of one text stays on a detector for the next
        evidence: dict[str, Any] = {}
        for det in self.detectors:
            ev = det.prepare(text)
            if ev is not None:
                evidence[det.name] = ev
        flags: list[Flag] = []
        if len(text) <= CHUNK_CHARS or source is not None:
            flags = self.review_document(Document.from_text(text, source), evidence)
        else:
            for offset, chunk in iter_chunks(text):
                for f in self.review_document(Document.from_text(chunk), evidence, offset):
                    flags.append(f.shifted(offset))
        for det in self.detectors:
            flags = list(det.finish(text, flags, evidence=evidence.get(det.name)))
        return ReviewResult(text=text, flags=resolve_overlaps(flags), words=count_words(text),
                            detectors=[d.name for d in self.detectors])


#: reviewers without a glossary, by detector set (``None``: the default set), built once per process
_DEFAULT: dict[tuple[str, ...] | None, Reviewer] = {}


def get_reviewer(detectors: Iterable[str] | None = None, glossary: Any = None) -> Reviewer:
    """A reviewer for the given detector set, built once per process (its models stay loaded).

    With a ``glossary`` the reviewer is built for the call and not kept: a glossary is a mutable
    collection of entities that the names detector indexes when it is built, so a cached reviewer could
    outlive, or miss changes to, the glossary it was built from. Building one is cheap (tens of ms):
    the models and the built-in knowledge base are cached on their own.
    """
    if glossary is not None:
        return Reviewer(detectors, glossary=glossary)
    key = tuple(detectors) if detectors is not None else None
    reviewer = _DEFAULT.get(key)
    if reviewer is None:
        reviewer = _DEFAULT[key] = Reviewer(detectors)
    return reviewer


def review(text: str, source: str | None = None, *, detectors: Iterable[str] | None = None,
           glossary: Any = None, min_confidence: float = 0.0,
           only: Iterable[str] | None = None) -> ReviewResult:
    """Review French MT output: the flags the engine raises on ``text`` (Python API).

    >>> result = review("Le masque a déclaré qu'il rachèterait Twitter.")  # doctest: +SKIP
    >>> result.flags[0].suggestions  # doctest: +SKIP
    ['Musk']
    """
    res = get_reviewer(detectors, glossary).review(text, source)
    if min_confidence or only:
        res.flags = select_flags(res.flags, min_confidence, only)
    return res
