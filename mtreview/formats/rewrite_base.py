"""Format-preserving rewriting: the translatable text of each unit, located in the file's bytes.

A :class:`Slot` is the target text of one unit (a line, a TSV target column, a JSONL ``target`` value,
an XLIFF ``<target>``, a TMX French ``<seg>``, a PO ``msgstr``) as a list of :class:`Piece` s: runs of
text that lie between markup, each with its byte offset in the file and its raw (escaped) form.
:func:`slot_edits` turns changes given in slot-text offsets into byte edits that touch only the
changed characters; everything else in the file stays byte for byte as it was.

The per-format modules (``rewrite_text``, ``rewrite_xml``, ``rewrite_po``) only find slots; this
module owns escaping and offset mapping. Nothing here decides what to change.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

#: Separator put in a slot's text where an inline code element (XLIFF ``<x/>``, ``<ph>``…) stood:
#: not a word character, so no match runs across it, and no change may cover it.
CODE_SEPARATOR = "\ufffc"

#: Piece kinds: how the raw text is escaped in the file.
PLAIN, XML, CDATA, JSON, PO = "plain", "xml", "cdata", "json", "po"

_ESCAPE_TOKEN = {
    XML: re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);|\r\n?|.", re.S),
    JSON: re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.|.", re.S),
    PO: re.compile(r"\\[0-7]{1,3}|\\x[0-9a-fA-F]{1,2}|\\.|.", re.S),
}
_XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_C_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
              '"': '"', "\\": "\\", "'": "'", "?": "?"}


def _unescape_token(kind: str, tok: str) -> str:
    if kind == XML:
        if tok[0] == "&":
            body = tok[1:-1]
            if body.startswith("#x"):
                return chr(int(body[2:], 16))
            if body.startswith("#"):
                return chr(int(body[1:]))
            return _XML_ENTITIES.get(body, tok)  # other entities are refused before we get here
        return "\n" if tok[0] == "\r" else tok
    if kind == JSON:
        return json.loads('"' + tok + '"') if tok[0] == "\\" else tok
    if kind == PO:
        if tok[0] != "\\" or len(tok) == 1:
            return tok
        if tok[1] in "01234567":
            return chr(int(tok[1:], 8))
        if tok[1] == "x":
            return chr(int(tok[2:], 16))
        return _C_ESCAPES.get(tok[1], tok[1])
    return tok


def decode_raw(kind: str, raw: str) -> tuple[str, list[int]]:
    """The text a raw run stands for, and for each text character its index in ``raw``.

    The index list has one more entry, ``len(raw)``, so that an end offset maps too.
    """
    if not _has_escapes(kind, raw):
        return raw, list(range(len(raw) + 1))
    chars: list[str] = []
    index: list[int] = []
    for m in _ESCAPE_TOKEN[kind].finditer(raw):
        chars.append(_unescape_token(kind, m.group()))
        index.append(m.start())
    index.append(len(raw))
    return "".join(chars), index


_FAST_UNESCAPE = {
    XML: re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);|\r\n?"),
    PO: re.compile(r"\\[0-7]{1,3}|\\x[0-9a-fA-F]{1,2}|\\.", re.S),
}


def _has_escapes(kind: str, raw: str) -> bool:
    if kind == XML:
        return "&" in raw or "\r" in raw
    return kind in (JSON, PO) and "\\" in raw


def unescape(kind: str, raw: str) -> str:
    """The text a raw run stands for; the same as ``decode_raw(kind, raw)[0]``, without the index."""
    if not _has_escapes(kind, raw):
        return raw
    if kind == JSON:
        return json.loads('"' + raw + '"')
    return _FAST_UNESCAPE[kind].sub(lambda m: _unescape_token(kind, m.group()), raw)


def escape(kind: str, text: str, raw_hint: str = "") -> str | None:
    """``text`` written the way a run of ``kind`` must be; None when it cannot be written there."""
    if kind == PLAIN:
        return None if any(c in text for c in "\r\n\t") else text
    if kind == XML:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if kind == CDATA:
        return None if "]]>" in text else text
    if kind == JSON:
        ascii_only = raw_hint.isascii() and "\\u" in raw_hint
        return json.dumps(text, ensure_ascii=ascii_only)[1:-1]
    if kind == PO:
        return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\t", "\\t").replace("\r", "\\r"))
    raise ValueError(f"unknown piece kind {kind!r}")


#: characters between two byte-offset checkpoints of a piece (:meth:`Piece.byte_offset`)
_CHECKPOINT = 4096


@dataclass(slots=True)
class Piece:
    """A run of text in the file: ``raw`` (as written, decoded with the file's encoding) at ``byte_start``.

    Offsets are mapped with indexes built once per piece, so that the changes of a long line (a
    5 MB line with thousands of changes) cost time linear in its length, not length × changes."""

    byte_start: int
    raw: str
    kind: str = PLAIN
    text: str = ""
    _index: list[int] | None = field(default=None, repr=False, compare=False)
    _escapes: bool | None = field(default=None, repr=False, compare=False)
    _checkpoints: tuple[str, list[int]] | None = field(default=None, repr=False, compare=False)
    _json_ascii: bool | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = unescape(self.kind, self.raw)

    def json_ascii_escapes(self) -> bool:
        """Does this JSON piece write non-ASCII characters as ``\\u`` escapes (all ASCII, some ``\\u``)?"""
        if self._json_ascii is None:
            self._json_ascii = self.raw.isascii() and "\\u" in self.raw
        return self._json_ascii

    def raw_index(self, text_pos: int) -> int:
        """The index in ``raw`` of text offset ``text_pos`` (``len(text)`` maps to ``len(raw)``)."""
        if self._escapes is None:
            self._escapes = _has_escapes(self.kind, self.raw)
        if not self._escapes:
            return text_pos
        if self._index is None:
            self._index = decode_raw(self.kind, self.raw)[1]
        return self._index[text_pos]

    def byte_offset(self, raw_index: int, encoding: str) -> int:
        """The file byte offset of ``raw[raw_index]`` (``raw`` encoded in ``encoding``)."""
        cp = self._checkpoints
        if cp is None or cp[0] != encoding:
            if encoding in ("utf-8", "utf_8", "utf8") and self.raw.isascii():
                marks = []  # one byte per character: no checkpoints needed
            else:
                marks = [0]
                for k in range(_CHECKPOINT, len(self.raw) + 1, _CHECKPOINT):
                    marks.append(marks[-1] + len(self.raw[k - _CHECKPOINT:k].encode(encoding)))
            cp = self._checkpoints = (encoding, marks)
        marks = cp[1]
        if not marks:
            return self.byte_start + raw_index
        k = min(raw_index // _CHECKPOINT, len(marks) - 1)
        return self.byte_start + marks[k] + len(self.raw[k * _CHECKPOINT:raw_index].encode(encoding))


@dataclass(slots=True)
class Slot:
    """The target text of one unit: pieces joined by ``separators`` (``""`` or :data:`CODE_SEPARATOR`)."""

    unit: str
    line: int
    pieces: list[Piece]
    separators: list[str] = field(default_factory=list)  # len(pieces) - 1 entries
    joinable: bool = False  # a change may span pieces (PO continuation strings)
    _bases: list[int] | None = field(default=None, repr=False, compare=False)  # text offset of each piece

    @property
    def text(self) -> str:
        if len(self.pieces) == 1:
            return self.pieces[0].text
        out = [self.pieces[0].text]
        for sep, p in zip(self.separators, self.pieces[1:], strict=True):
            out.append(sep)
            out.append(p.text)
        return "".join(out)


@dataclass(slots=True)
class ByteEdit:
    """Replace ``data[start:end]`` with ``raw`` encoded in the file's encoding."""

    start: int
    end: int
    raw: str


def _locate(slot: Slot, pos: int, is_end: bool) -> tuple[int, int] | None:
    """(piece index, offset in that piece's text) of slot-text offset ``pos``; None when off the pieces.

    A start belongs to the piece whose character it points at, an end to the piece whose character it
    follows; offsets at a piece's edge fall back to that edge.
    """
    bases = slot._bases
    if bases is None:  # built once per slot: many changes in one slot cost no rescan each
        bases = []
        base = 0
        for i, p in enumerate(slot.pieces):
            bases.append(base)
            base += len(p.text) + (len(slot.separators[i]) if i < len(slot.separators) else 0)
        slot._bases = bases
    i = bisect_right(bases, pos - 1 if is_end else pos) - 1
    if i >= 0:
        base, n = bases[i], len(slot.pieces[i].text)
        if (base <= pos < base + n) if not is_end else (base < pos <= base + n):
            return i, pos - base
    for i, p in enumerate(slot.pieces):
        if pos == bases[i] + (len(p.text) if not is_end else 0):
            return i, pos - bases[i]
    return None


def _byte_offset(piece: Piece, raw_index: int, encoding: str) -> int:
    return piece.byte_offset(raw_index, encoding)


def slot_edit(slot: Slot, start: int, end: int, after: str, encoding: str) -> tuple[ByteEdit | None, str]:
    """The byte edit that writes ``after`` over ``slot.text[start:end]``, or (None, why not)."""
    a = _locate(slot, start, is_end=False)
    b = _locate(slot, end, is_end=True)
    if a is None or b is None or b[0] < a[0]:
        return None, "the span crosses inline markup"
    if a[0] != b[0]:
        if not slot.joinable or any(slot.separators[a[0]:b[0]]):
            return None, "the span crosses inline markup"
    pa, pb = slot.pieces[a[0]], slot.pieces[b[0]]
    # the JSON hint only asks whether the piece writes \\u escapes (ASCII-only): a short stand-in
    # answers the same without rescanning a long piece for every change
    hint = pa.raw if pa.kind != JSON else ("\\u" if pa.json_ascii_escapes() else "")
    raw_after = escape(pa.kind, after, hint)
    if raw_after is None:
        return None, f"{after!r} cannot be written in this kind of text ({pa.kind})"
    if pa.kind == XML:
        raw_after = raw_after.encode(encoding, "xmlcharrefreplace").decode(encoding)
    else:
        try:
            raw_after.encode(encoding)
        except UnicodeEncodeError:
            return None, f"{after!r} cannot be encoded in {encoding}"
    return ByteEdit(pa.byte_offset(pa.raw_index(a[1]), encoding),
                    pb.byte_offset(pb.raw_index(b[1]), encoding), raw_after), ""


def apply_byte_edits(data: bytes, edits: Iterable[ByteEdit], encoding: str) -> bytes:
    """``data`` with the edits applied (sorted, non-overlapping)."""
    out: list[bytes] = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            raise ValueError(f"overlapping edits at byte {e.start}")
        out.append(data[pos:e.start])
        out.append(e.raw.encode(encoding))
        pos = e.end
    out.append(data[pos:])
    return b"".join(out)


class SlotReader(Protocol):
    """A format's slot finder: the slots of ``data`` (a whole file, or a chunk of whole lines).

    Line formats also take ``screen`` (see :mod:`mtreview.formats.rewrite_text`)."""

    def __call__(self, data: bytes, *, encoding: str, byte_base: int, first_line: int,
                 target_lang: str, **options: Any) -> Iterator[Slot]: ...


#: formats made of independent lines: a file may be cut into chunks of whole lines
LINE_FORMATS = frozenset({"text", "tsv", "jsonl"})


def slot_reader(fmt: str) -> SlotReader:
    """The slot finder for a format name of :func:`mtreview.formats.format_of`."""
    if fmt in LINE_FORMATS:
        from . import rewrite_text

        return rewrite_text.READERS[fmt]
    if fmt in ("xliff", "tmx", "xml"):
        from . import rewrite_xml

        return rewrite_xml.read_slots
    if fmt == "po":
        from . import rewrite_po

        return rewrite_po.read_slots
    raise ValueError(f"unknown format {fmt!r}")
