"""Slots of line formats: plain text (each line), TSV (the target column), JSONL (the target value).

Each reader gets a run of whole lines (a chunk of a file) and yields one :class:`Slot` per line
that has a target, with exact byte offsets, so that rewriting touches only the changed characters.
Given a *screen* (the positions where an automaton run over the whole chunk found something), a
reader yields only the lines that hold such a position, so that lines without a name cost a share of
one automaton pass. A screen must never miss: JSONL lines with escapes are always read in full.
Every line is still checked (a TSV tab, valid JSON), screened or not: a malformed file is reported.
A line a format cannot read raises :class:`~mtreview.errors.InputError` naming the line. Readers
never decide what to change.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate

from ..errors import InputError
from .jsonlines import loads_checked
from .rewrite_base import JSON, PLAIN, Piece, Slot, SlotReader

#: JSONL keys that hold the translation, in order of preference (as ``mtreview check`` reads them),
#: then ``text`` for monolingual corpora
JSONL_TARGET_KEYS = ("target", "tgt", "translation", "hyp", "text")

#: TSV column (0-based) that holds the target: ``source<TAB>target``
TSV_TARGET_COLUMN = 1

_decoder = json.JSONDecoder()
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = " \t\n\r"


#: a screen: the character offsets in a chunk's text where something worth a look may be
Screen = Callable[[str], Iterable[int]]


def _marked(data: bytes, raw_lines: list[bytes], encoding: str, first_line: int, screen: Screen,
            keep_escaped: bool) -> set[int]:
    """Indexes of the lines the screen points into (and, with ``keep_escaped``, of lines with a backslash)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        n = first_line + data.count(b"\n", 0, e.start)
        raise InputError(f"line {n}: not valid {encoding}") from None
    starts = [0]
    starts.extend(accumulate(len(t) + 1 for t in text.split("\n")))
    marked = {bisect_right(starts, pos) - 1 for pos in screen(text)}
    if keep_escaped and "\\" in text:
        marked.update(i for i, raw in enumerate(raw_lines) if b"\\" in raw)
    return marked


def _split(data: bytes) -> list[bytes]:
    raw_lines = data.split(b"\n")
    if data.endswith(b"\n"):
        raw_lines.pop()
    return raw_lines


def _lines(data: bytes, encoding: str, byte_base: int, first_line: int, wanted: Iterable[int] | None = None,
           raw_lines: list[bytes] | None = None) -> Iterator[tuple[int, int, str]]:
    """(line number, byte offset, text without its line end) of the lines of ``data`` (or of the
    ``wanted`` ones, by index)."""
    raw_lines = _split(data) if raw_lines is None else raw_lines
    if wanted is None:
        wanted = range(len(raw_lines))
    offsets = [0]
    offsets.extend(accumulate(len(raw) + 1 for raw in raw_lines))
    for i in wanted:
        raw = raw_lines[i]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(f"line {first_line + i}: not valid {encoding} (byte {e.start} of the line)") from None
        yield first_line + i, byte_base + offsets[i], line


def _byte_len(text: str, encoding: str) -> int:
    return len(text) if text.isascii() else len(text.encode(encoding))


def read_txt(data: bytes, *, encoding: str, byte_base: int, first_line: int,
             target_lang: str = "fr", screen: Screen | None = None) -> Iterator[Slot]:
    raw_lines = _split(data)
    wanted = None if screen is None else sorted(_marked(data, raw_lines, encoding, first_line, screen, False))
    for n, off, text in _lines(data, encoding, byte_base, first_line, wanted, raw_lines):
        if text:
            yield Slot(str(n), n, [Piece(off, text, PLAIN, text)])


def read_tsv(data: bytes, *, encoding: str, byte_base: int, first_line: int,
             target_lang: str = "fr", screen: Screen | None = None) -> Iterator[Slot]:
    wanted = None
    raw_lines = _split(data)
    if screen is not None:
        bad = next((i for i, raw in enumerate(raw_lines) if b"\t" not in raw and raw.strip()), None)
        if bad is not None:
            raise InputError(f"line {first_line + bad}: expected 'source<TAB>target', found 1 column")
        wanted = sorted(_marked(data, raw_lines, encoding, first_line, screen, False))
    for n, off, text in _lines(data, encoding, byte_base, first_line, wanted, raw_lines):
        if not text.strip():
            continue
        cols = text.split("\t", TSV_TARGET_COLUMN + 1)
        if len(cols) <= TSV_TARGET_COLUMN:
            raise InputError(f"line {n}: expected 'source<TAB>target', found {len(cols)} column")
        skip = sum(_byte_len(c, encoding) + 1 for c in cols[:TSV_TARGET_COLUMN])
        tgt = cols[TSV_TARGET_COLUMN]
        yield Slot(str(n), n, [Piece(off + skip, tgt, PLAIN, tgt)])


def _string_value_span(line: str, key: str) -> tuple[int, int] | None:
    """Span (inside the quotes) of the last top-level string value of ``key`` in a JSON object line."""
    i = 0
    n = len(line)
    while i < n and line[i] in _WS:
        i += 1
    if i >= n or line[i] != "{":
        return None
    i += 1
    found = None
    while True:
        while i < n and line[i] in _WS + ",":
            i += 1
        if i >= n or line[i] == "}":
            return found
        k, i = _scanstring(line, i + 1)
        while line[i] in _WS:
            i += 1
        i += 1  # the colon
        while line[i] in _WS:
            i += 1
        if line[i] == '"':
            _, end = _scanstring(line, i + 1)
            if k == key:
                found = (i + 1, end - 1)
            i = end
        else:
            _, i = _decoder.raw_decode(line, i)


def read_jsonl(data: bytes, *, encoding: str, byte_base: int, first_line: int,
               target_lang: str = "fr", screen: Screen | None = None) -> Iterator[Slot]:
    raw_lines = _split(data)
    marked = None if screen is None else _marked(data, raw_lines, encoding, first_line, screen, True)
    for n, off, text in _lines(data, encoding, byte_base, first_line, None, raw_lines):
        if not text.strip():
            continue
        try:
            obj = loads_checked(text, f"line {n}")
        except json.JSONDecodeError as e:
            raise InputError(f"line {n}: not valid JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"line {n}: expected a JSON object")
        key = next((k for k in JSONL_TARGET_KEYS if isinstance(obj.get(k), str)), None)
        if key is None or (marked is not None and n - first_line not in marked):
            continue
        span = _string_value_span(text, key)
        if span is None:  # pragma: no cover - json.loads accepted it, so the scan finds it
            raise InputError(f"line {n}: cannot locate the {key!r} value")
        raw = text[span[0]:span[1]]
        uid = obj.get("id", n)
        yield Slot(str(uid) if not isinstance(uid, str) else uid, n,
                   [Piece(off + _byte_len(text[:span[0]], encoding), raw, JSON, obj[key])])


READERS: dict[str, SlotReader] = {"text": read_txt, "tsv": read_tsv, "jsonl": read_jsonl}
