"""Slots of gettext PO files: each ``msgstr`` (and ``msgstr[n]``) with its continuation strings.

The file is scanned line by line; every quoted string of a ``msgstr`` is a piece (C escapes mapped),
and a change may run across continuation strings of one ``msgstr`` (the strings are simply joined
there). The header entry (empty ``msgid``) and obsolete entries (``#~``) are never touched. A line
that is not valid PO raises :class:`~mtreview.errors.InputError` with its number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import InputError
from .rewrite_base import PO, Piece, Slot

_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s*(?=")')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


def detect_po_encoding(head: bytes) -> str:
    """The charset a PO header declares (UTF-8 when it declares none or the placeholder CHARSET)."""
    m = _CHARSET.search(head)
    if not m or m.group(1).upper() == b"CHARSET":
        return "utf-8"
    import codecs

    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        raise InputError(f"declares an unknown charset {m.group(1).decode('ascii', 'replace')!r}") from None


def read_slots(data: bytes, *, encoding: str, byte_base: int = 0, first_line: int = 1,
               target_lang: str = "fr") -> Iterator[Slot]:
    """The ``msgstr`` slots of a whole PO file."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"not valid {encoding} (byte {e.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
        byte_base += len("\ufeff".encode(encoding))
    entry: dict[str, list[str]] = {}
    current: str | None = None
    slot: Slot | None = None
    slots: list[Slot] = []
    pos_bytes = byte_base

    def finish() -> Iterator[Slot]:
        msgid = "".join(entry.get("msgid", []))
        if msgid:
            ctxt = "".join(entry.get("msgctxt", []))
            uid = f"{ctxt}\x04{msgid}" if ctxt else msgid
            for s in slots:
                s.unit = uid + s.unit
                if s.text:
                    yield s

    for n, line in enumerate(text.splitlines(keepends=True), first_line):
        size = len(line) if line.isascii() else len(line.encode(encoding))
        body = line.rstrip("\r\n")
        stripped = body.lstrip()
        indent = len(body) - len(stripped)
        if not stripped or stripped.startswith("#"):
            if stripped.startswith("#") and entry.get("msgstr_seen"):
                yield from finish()
                entry, slots, current = {}, [], None
            pos_bytes += size
            continue
        m = _KEYWORD.match(stripped)
        if m:
            key = m.group(1)
            if key in ("msgctxt", "msgid") and entry.get("msgstr_seen"):
                yield from finish()
                entry, slots = {}, []
            current = "msgstr" if key.startswith("msgstr") else key
            rest_at = indent + m.end()
            if current == "msgstr":
                entry["msgstr_seen"] = ["1"]
                slot = Slot("" if m.group(2) is None else f"[{m.group(2)}]", n, [], joinable=True)
                slots.append(slot)
        elif stripped.startswith('"') and current is not None:
            rest_at = indent
        else:
            raise InputError(f"line {n}: not valid PO: {body[:60]!r}")
        sm = _STRING.match(body, rest_at)
        if sm is None:
            raise InputError(f"line {n}: not a valid PO string: {body[:60]!r}")
        if current == "msgstr" and slot is not None:
            start = sm.start(1)
            head = body[:start]
            off = pos_bytes + (len(head) if head.isascii() else len(head.encode(encoding)))
            if slot.pieces:
                slot.separators.append("")
            slot.pieces.append(Piece(off, sm.group(1), PO))
        else:
            entry.setdefault(current or "", []).append(Piece(0, sm.group(1), PO).text)
        pos_bytes += size
    yield from finish()
