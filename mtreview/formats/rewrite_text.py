"""Slots of line formats: plain text (each line), TSV (the target column), JSONL (the target value).

Each reader gets a run of whole lines (a chunk of a file) and yields one :class:`Slot` per line
that has a target, with exact byte offsets, so that rewriting touches only the changed characters.
A line a format cannot read raises :class:`~mtreview.errors.InputError` naming the line. Readers
never decide what to change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError
from .rewrite_base import JSON, PLAIN, Piece, Slot, SlotReader

#: JSONL keys that hold the translation, in order of preference (as ``mtreview check`` reads them),
#: then ``text`` for monolingual corpora
JSONL_TARGET_KEYS = ("target", "tgt", "translation", "hyp", "text")

#: TSV column (0-based) that holds the target: ``source<TAB>target``
TSV_TARGET_COLUMN = 1

_decoder = json.JSONDecoder()
_scanstring = json.decoder.scanstring  # type: ignore[attr-defined]
_WS = " \t\n\r"


def _lines(data: bytes, encoding: str, byte_base: int, first_line: int) -> Iterator[tuple[int, int, str]]:
    """(line number, byte offset, text without its line end) of every line of ``data``."""
    pos = 0
    n = first_line
    for raw in data.split(b"\n"):
        if pos >= len(data):
            break
        size = len(raw) + 1
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as e:
            raise InputError(f"line {n}: not valid {encoding} (byte {e.start} of the line)") from None
        yield n, byte_base + pos, text
        pos += size
        n += 1


def _byte_len(text: str, encoding: str) -> int:
    return len(text) if text.isascii() else len(text.encode(encoding))


def read_txt(data: bytes, *, encoding: str, byte_base: int, first_line: int,
             target_lang: str = "fr") -> Iterator[Slot]:
    for n, off, text in _lines(data, encoding, byte_base, first_line):
        if text:
            yield Slot(str(n), n, [Piece(off, text, PLAIN, text)])


def read_tsv(data: bytes, *, encoding: str, byte_base: int, first_line: int,
             target_lang: str = "fr") -> Iterator[Slot]:
    for n, off, text in _lines(data, encoding, byte_base, first_line):
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
               target_lang: str = "fr") -> Iterator[Slot]:
    for n, off, text in _lines(data, encoding, byte_base, first_line):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"line {n}: not valid JSON ({e.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"line {n}: expected a JSON object")
        key = next((k for k in JSONL_TARGET_KEYS if isinstance(obj.get(k), str)), None)
        if key is None:
            continue
        span = _string_value_span(text, key)
        if span is None:  # pragma: no cover - json.loads accepted it, so the scan finds it
            raise InputError(f"line {n}: cannot locate the {key!r} value")
        raw = text[span[0]:span[1]]
        uid = obj.get("id", n)
        yield Slot(str(uid) if not isinstance(uid, str) else uid, n,
                   [Piece(off + _byte_len(text[:span[0]], encoding), raw, JSON, obj[key])])


READERS: dict[str, SlotReader] = {"text": read_txt, "tsv": read_tsv, "jsonl": read_jsonl}
