"""What ``check`` and ``fix`` read: a plain text, or a bilingual file flattened to reviewable text.

Plain text is reviewed as read. Bilingual files (TSV ``source<TAB>target``, JSONL with ``src``/``tgt``
or ``source``/``target`` keys, XLIFF, TMX, PO via :mod:`mtreview.formats`) become one target segment
per line, each aligned with its source, so flags keep offsets into the flattened text and ``units``
maps lines back to unit ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .textio import read_text

BILINGUAL_EXT = {".tsv", ".jsonl", ".xlf", ".xliff", ".tmx", ".po", ".pot"}


@dataclass
class ReviewInput:
    text: str
    source: str | None = None
    units: list[str] = field(default_factory=list)  # unit id per line when read from a bilingual file
    path: str = "-"
    encoding: str = "utf-8"
    bom: bytes = b""  # the byte-order mark of a plain-text input (``fix`` writes it back)


def _flatten(pairs: list[tuple[str, str, str]], path: str) -> ReviewInput:
    tgts = [t.replace("\r\n", " ").replace("\n", " ") for _, _, t in pairs]
    srcs = [s.replace("\r\n", " ").replace("\n", " ") for _, s, _ in pairs]
    return ReviewInput(text="\n".join(tgts) + ("\n" if tgts else ""),
                       source="\n".join(srcs) + ("\n" if srcs else ""),
                       units=[u for u, _, _ in pairs], path=path)


def load_review_input(path: str, source_path: str | None = None) -> ReviewInput:
    """Read INPUT (and ``--source``) for review; bilingual formats are recognised by extension."""
    ext = Path(path).suffix.lower() if path != "-" else ""
    if ext in BILINGUAL_EXT:
        from .formats import read_units

        item = _flatten([(u.id, u.source or "", u.target or "") for u in read_units(path)], path)
        if source_path:
            item.source = read_text(source_path).text
        return item
    dec = read_text(path)
    src = read_text(source_path).text if source_path else None
    return ReviewInput(text=dec.text, source=src, path=path, encoding=dec.encoding, bom=dec.bom)
