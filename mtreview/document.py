"""The Document: the text exactly as read, its segments, optional source, and the shared spaCy parse.

Every annotation is an offset into ``Document.text`` (Python code points), as in a spaCy ``Doc``.
Segments are lines (paragraphs) for plain text, or translation units for bilingual formats. The parse
is computed once, segment by segment with ``nlp.pipe`` (memory stays bounded by the segment size), and
shared by every detector; detectors must not parse again and must not modify the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .nlp import get_nlp

_WORD_RE = re.compile(r"\S+")
#: Longest segment handed to spaCy in one piece (characters); longer lines are split at sentence ends.
#: 5,000 rather than 20,000: spaCy parses a 200 KB line cut into 20,000-character pieces in twice the
#: time of the same text in sentences, in 5,000-character pieces in the same time (bench_long_lines).
MAX_SEGMENT_CHARS = 5_000


@dataclass
class Segment:
    """A stretch of the text reviewed as a unit: ``text[start:end]``, with its source when known."""

    start: int
    end: int
    source: str | None = None
    id: str = ""


@dataclass
class ParsedSegment:
    """A segment's spaCy ``Doc``; token offsets are local, add ``offset`` for document offsets."""

    offset: int
    doc: Any


def count_words(text: str) -> int:
    """Words as the contract counts them: runs of non-space characters."""
    return sum(1 for _ in _WORD_RE.finditer(text))


def _split_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces at most ``MAX_SEGMENT_CHARS`` long, at sentence ends."""
    while end - start > MAX_SEGMENT_CHARS:
        cut = -1
        for m in re.finditer(r"[.!?…]\s+", text[start:start + MAX_SEGMENT_CHARS]):
            cut = start + m.end()
        if cut <= start:
            ws = text.rfind(" ", start, start + MAX_SEGMENT_CHARS)
            cut = ws + 1 if ws > start else start + MAX_SEGMENT_CHARS
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def line_segments(text: str) -> list[Segment]:
    """Non-blank lines of ``text`` as segments (very long lines are cut at sentence ends)."""
    segs: list[Segment] = []
    pos = 0
    n = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        s, e = pos, pos + len(body)
        pos += len(line)
        stripped = body.strip()
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip())
        trail = len(body) - len(body.rstrip())
        for a, b in _split_long(text, s + lead, e - trail):
            n += 1
            segs.append(Segment(a, b, id=str(n)))
    return segs


@dataclass
class Document:
    """A text under review. Build it with :meth:`from_text`; read ``parsed`` for the spaCy parse."""

    text: str
    segments: list[Segment]
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    _parsed: list[ParsedSegment] | None = field(default=None, repr=False)
    _seg_docs: dict[int, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_text(cls, text: str, source: str | None = None) -> Document:
        """Segment ``text`` by lines; when ``source`` has as many non-blank lines, align them."""
        segs = line_segments(text)
        if source is not None:
            src_lines = [ln for ln in source.splitlines() if ln.strip()]
            if len(src_lines) == len(segs):
                for seg, src in zip(segs, src_lines, strict=True):
                    seg.source = src
        return cls(text=text, segments=segs, source=source)

    @property
    def words(self) -> int:
        return count_words(self.text)

    @property
    def parsed(self) -> list[ParsedSegment]:
        """The spaCy parse of every segment, computed on first access and cached."""
        if self._parsed is None:
            nlp = get_nlp()
            todo = [i for i in range(len(self.segments)) if i not in self._seg_docs]
            texts = (self.text[self.segments[i].start:self.segments[i].end] for i in todo)
            for i, doc in zip(todo, nlp.pipe(texts, batch_size=64), strict=True):
                self._seg_docs[i] = doc
            self._parsed = [ParsedSegment(seg.start, self._seg_docs[i]) for i, seg in enumerate(self.segments)]
        return self._parsed

    def segment_doc(self, index: int) -> Any:
        """The spaCy parse of one segment (parsed on demand, cached; shared with :attr:`parsed`)."""
        if self._parsed is not None:
            return self._parsed[index].doc
        if index not in self._seg_docs:
            seg = self.segments[index]
            self._seg_docs[index] = get_nlp()(self.text[seg.start:seg.end])
        return self._seg_docs[index]

    def tokens(self) -> Iterator[tuple[int, Any]]:
        """Every token with its document offset: ``(offset_of_token, token)``."""
        for ps in self.parsed:
            for tok in ps.doc:
                yield ps.offset + tok.idx, tok
