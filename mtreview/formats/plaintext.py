"""Plain-text corpora: one segment per line, aligned by line number with other files.

Every line is a unit, blank lines included (an empty MT output is still a segment); only the
newline characters are removed (``\\n``, and a ``\\r`` before it). Lines are split on ``\\n`` alone,
never on the Unicode line separators that ``str.splitlines`` also honours, so a U+2028 inside a
segment does not shift the alignment.
"""

from __future__ import annotations

import os

from ..textio import read_text
from . import Unit


def split_lines(text: str) -> list[str]:
    """Lines of ``text`` without their ``\\n``/``\\r\\n``; a final newline does not add an empty line."""
    if not text:
        return []
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def read_text_lines(path: str | os.PathLike[str]) -> list[str]:
    """The lines of a UTF-8 (or detected-encoding) text file; ``-`` reads standard input."""
    return split_lines(read_text(path).text)


def read_text_units(path: str | os.PathLike[str]) -> list[Unit]:
    """One target-only unit per line, ids ``"1"``, ``"2"``… (positional)."""
    return [Unit(id=str(i), source=None, target=line, positional=True)
            for i, line in enumerate(read_text_lines(path), 1)]
