"""What ``check`` and ``fix`` read: a plain text, or a bilingual file flattened to reviewable text.

Plain text is reviewed as read. Bilingual files (TSV ``source<TAB>target``, JSONL with ``src``/``tgt``
or ``source``/``target`` keys, XLIFF, TMX, PO via :mod:`mtreview.formats`) become one target segment
per line, each aligned with its source, so flags keep offsets into the flattened text and ``units``
maps lines back to unit ids.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .textio import read_text

BILINGUAL_EXT = {".tsv", ".jsonl", ".xlf", ".xliff", ".tmx", ".po", ".pot"}


@dataclass
class ReviewInput:
    text: str
    source: str | None = None
    units: list[str] = field(default_factory=list)  # unit id per line when read from a bilingual file
    path: str = "-"
    encoding: str = "utf-8"


def _flatten(pairs: list[tuple[str, str, str]], path: str) -> ReviewInput:
    tgts = [t.replace("\r\n", " ").replace("\n", " ") for _, _, t in pairs]
    srcs = [s.replace("\r\n", " ").replace("\n", " ") for _, s, _ in pairs]
    return ReviewInput(text="\n".join(tgts) + ("\n" if tgts else ""),
                       source="\n".join(srcs) + ("\n" if srcs else ""),
                       units=[u for u, _, _ in pairs], path=path)


def read_tsv_pairs(text: str, name: str) -> list[tuple[str, str, str]]:
    pairs = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise InputError(f"{name}:{n}: expected 'source<TAB>target', found {len(cols)} column")
        pairs.append((str(n), cols[0], cols[1]))
    return pairs


def read_jsonl_pairs(text: str, name: str) -> list[tuple[str, str, str]]:
    pairs = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{n}: not valid JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{name}:{n}: expected a JSON object")
        src = obj.get("source", obj.get("src", ""))
        tgt = obj.get("target", obj.get("tgt", obj.get("translation", obj.get("hyp"))))
        if not isinstance(tgt, str):
            raise InputError(f"{name}:{n}: no 'target' (or 'tgt', 'translation') string")
        pairs.append((str(obj.get("id", n)), src if isinstance(src, str) else "", tgt))
    return pairs


def load_review_input(path: str, source_path: str | None = None) -> ReviewInput:
    """Read INPUT (and ``--source``) for review; bilingual formats are recognised by extension."""
    ext = Path(path).suffix.lower() if path != "-" else ""
    if ext in BILINGUAL_EXT:
        if ext in (".tsv", ".jsonl"):
            dec = read_text(path)
            reader = read_tsv_pairs if ext == ".tsv" else read_jsonl_pairs
            item = _flatten(reader(dec.text, path), path)
        else:
            from .formats import read_units

            item = _flatten([(u.id, u.source or "", u.target or "") for u in read_units(path)], path)
        if source_path:
            item.source = read_text(source_path).text
        return item
    dec = read_text(path)
    src = read_text(source_path).text if source_path else None
    return ReviewInput(text=dec.text, source=src, path=path, encoding=dec.encoding)
