"""Slots of XML localisation files: XLIFF 1.2 and 2.x ``<target>`` s, TMX French ``<seg>`` s.

The file is first parsed once with expat, safely: entity declarations (the "billion laughs" attack),
external entities and external DTDs are refused, nothing is fetched, and a file that is not
well-formed XML is refused with its line and column. Only then is it scanned for unit structure with
byte offsets (a well-formed document has no ``<`` outside markup, comments, CDATA and processing
instructions, so a regular scan is exact). Inside a target, text runs are pieces; inline elements
stay untouched: the content of native-code elements (``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``,
``<ut>``) is not text, placeholders (``<x/>``, ``<ph/>``, ``<sc/>``…) separate words, and containers
(``<g>``, ``<mrk>``, ``<pc>``, ``<hi>``) keep their text readable. Targets inside ``<alt-trans>`` are
suggestions, not the translation, and are left alone.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from ..errors import InputError
from .rewrite_base import CDATA, CODE_SEPARATOR, XML, Piece, Slot, unescape

_STRUCT = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    rb"|<(/?)(?:[A-Za-z_][\w.-]*:)?(xliff|tmx|trans-unit|alt-trans|unit|segment|target|tu|tuv|seg)(?=[\s/>])",
    re.S)
_TAG_REST = re.compile(rb"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_INLINE = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(.*?)\]\]>|<\?.*?\?>"
    r"""|<(/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""",
    re.S)
_ATTR_RE = {name: re.compile(rb"""(?<![\w.:-])""" + re.escape(name.encode()) + rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')""")
            for name in ("id", "tuid", "xml:lang", "lang")}
_XML_DECL_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")

#: inline elements whose content is native code, not translatable text
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut"})
#: inline elements that stand for code: a word boundary where they are
PLACEHOLDERS = CODE_ELEMENTS | {"x", "bx", "ex", "sc", "ec", "cp"}


def detect_xml_encoding(head: bytes) -> str:
    """The encoding an XML file declares (UTF-8 by default); refuses UTF-16/32 and unknown codecs."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"<\x00", b"\x00<")):
        raise InputError("UTF-16/32 XML is not supported by normalise; convert it to UTF-8 "
                         "(e.g. `iconv -f UTF-16 -t UTF-8`)")
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    m = _XML_DECL_ENCODING.match(head)
    name = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(f"declares an unknown encoding {name!r}") from None
    probe = "<>&\"' =\n"
    try:
        ascii_compatible = probe.encode(info.name) == probe.encode("ascii")
    except UnicodeEncodeError:  # pragma: no cover
        ascii_compatible = False
    if not ascii_compatible:
        raise InputError(f"declares encoding {name!r}, which normalise cannot rewrite in place; convert it to UTF-8")
    return "utf-8" if info.name == "utf-8" else info.name


def _forbid_entity(name: str, _is_param: bool, _value: object, _base: object, system_id: str | None,
                   public_id: str | None, _notation: object) -> None:
    if system_id or public_id:
        raise ExternalReferenceForbidden(None, system_id, public_id, None)
    raise EntitiesForbidden(name, None, None, None, None, None)


def _forbid_unparsed(*_args: object) -> None:
    raise EntitiesForbidden(None, None, None, None, None, None)


def _forbid_external(*_args: object) -> None:
    raise ExternalReferenceForbidden(None, None, None, None)


def check_xml(data: bytes) -> None:
    """Parse ``data`` once with expat, safely; raise :class:`InputError` when it is refused."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _forbid_entity
    parser.UnparsedEntityDeclHandler = _forbid_unparsed
    parser.ExternalEntityRefHandler = _forbid_external
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        raise InputError(f"not well-formed XML (line {e.lineno}, column {e.offset}: "
                         f"{expat.ErrorString(e.code)})") from None
    except EntitiesForbidden:
        raise InputError("declares XML entities; refused (entity expansion, e.g. 'billion laughs', "
                         "is an attack, and localisation files do not need it)") from None
    except (ExternalReferenceForbidden, DTDForbidden):
        raise InputError("declares an external entity (XXE); refused, nothing is fetched") from None


def _attr(tag: bytes, name: str, encoding: str) -> str | None:
    """The value of attribute ``name`` in a start tag (unescaped), or None."""
    m = _ATTR_RE[name].search(tag)
    if m is None:
        return None
    raw = (m.group(1) if m.group(1) is not None else m.group(2)).decode(encoding, "replace")
    return unescape(XML, raw)


def _target_slot(content: str, byte_start: int, encoding: str, unit: str, line: int) -> Slot | None:
    """The slot of a target's content (``content`` decoded, starting at byte ``byte_start``)."""
    if "<" not in content:  # plain text, the common case
        piece = Piece(byte_start, content, XML)
        return Slot(unit, line, [piece]) if piece.text.strip() else None
    pieces: list[Piece] = []
    seps: list[str] = []
    pending = ""
    code_depth = 0
    pos = 0
    done_chars = 0
    done_bytes = byte_start

    def add(start: int, raw: str, kind: str) -> None:
        nonlocal pending, done_chars, done_bytes
        if not raw:
            return
        done_bytes += len(content[done_chars:start].encode(encoding))
        done_chars = start
        if pieces:
            seps.append(pending)
        pieces.append(Piece(done_bytes, raw, kind))
        pending = ""

    for m in _INLINE.finditer(content):
        if code_depth == 0:
            add(pos, content[pos:m.start()], XML)
        pos = m.end()
        if m.group(1) is not None:  # CDATA section
            if code_depth == 0:
                add(m.start(1), m.group(1), CDATA)
            continue
        name = m.group(3)
        if name is None:  # comment or processing instruction
            continue
        closing = m.group(2) == "/"
        empty = m.group().endswith("/>")
        if name in PLACEHOLDERS and not closing and code_depth == 0:
            pending = CODE_SEPARATOR
        if name in CODE_ELEMENTS and not empty:
            code_depth += -1 if closing else 1
    if code_depth == 0:
        add(pos, content[pos:], XML)
    if not pieces:
        return None
    slot = Slot(unit, line, pieces, seps)
    return slot if slot.text.strip() else None


def read_slots(data: bytes, *, encoding: str, byte_base: int = 0, first_line: int = 1,
               target_lang: str = "fr") -> Iterator[Slot]:
    """The target slots of a whole XLIFF or TMX file, after a safe well-formedness check."""
    check_xml(data)
    lang_prefix = target_lang.lower()
    line = first_line
    counted = 0
    root_seen = False
    alt_depth = 0
    in_unit = False
    unit_id = ""
    seg_id = ""
    seg_count = 0
    tu_count = 0
    tuv_lang = ""
    open_slot: tuple[int, str, str] | None = None  # (content byte start, element, unit id) of an open target
    for m in _STRUCT.finditer(data):
        name = m.group(2)
        if name is None:
            continue
        name = name.decode("ascii")
        closing = m.group(1) == b"/"
        if closing:
            if open_slot is not None and name == open_slot[1]:
                start, _, slot_unit = open_slot
                open_slot = None
                line += data.count(b"\n", counted, start)
                counted = start
                content = data[start:m.start()].decode(encoding)
                slot = _target_slot(content, byte_base + start, encoding, slot_unit, line)
                if slot is not None:
                    yield slot
            elif name == "alt-trans":
                alt_depth -= 1
            elif name in ("trans-unit", "unit", "tu"):
                in_unit = False
            elif name == "tuv":
                tuv_lang = ""
            continue
        if open_slot is not None:
            continue  # no structural element lies inside a target
        rest = _TAG_REST.match(data, m.end())
        if rest is None:  # pragma: no cover - the document is well-formed
            raise InputError("unterminated tag")
        tag = data[m.start():rest.end()]
        empty = tag.endswith(b"/>")
        if name in ("xliff", "tmx"):
            root_seen = True
        elif name == "alt-trans" and not empty:
            alt_depth += 1
        elif name == "trans-unit":
            in_unit = not empty
            unit_id = _attr(tag, "id", encoding) or ""
        elif name == "unit":
            in_unit = not empty
            unit_id = _attr(tag, "id", encoding) or ""
            seg_count = 0
        elif name == "segment":
            seg_count += 1
            seg_id = _attr(tag, "id", encoding) or str(seg_count)
        elif name == "tu":
            tu_count += 1
            in_unit = not empty
            unit_id = _attr(tag, "tuid", encoding) or f"tu{tu_count}"
        elif name == "tuv":
            tuv_lang = (_attr(tag, "xml:lang", encoding) or _attr(tag, "lang", encoding) or "").lower()
        elif name == "target" and not empty and in_unit and alt_depth == 0:
            open_slot = (rest.end(), "target", unit_id if seg_count == 0 else f"{unit_id}/{seg_id}")
        elif name == "seg" and not empty and tuv_lang.startswith(lang_prefix) and in_unit:
            open_slot = (rest.end(), "seg", unit_id)
    if not root_seen:
        raise InputError("no <xliff> or <tmx> element: not an XLIFF or TMX file")
