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
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from ..errors import InputError
from .rewrite_base import CDATA, CODE_SEPARATOR, XML, Piece, Slot

_TAG_REST = re.compile(rb"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_INLINE = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(.*?)\]\]>|<\?.*?\?>"
    r"""|<(/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""",
    re.S)
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
    bom = head.startswith(codecs.BOM_UTF8)
    m = _XML_DECL_ENCODING.match(head, 3 if bom else 0)
    name = m.group(1).decode("ascii").lower() if m else "utf-8"
    if bom:
        try:
            declared = codecs.lookup(name).name
        except LookupError:
            declared = name
        if declared != "utf-8":  # expat and the rewriter would read the bytes differently
            raise InputError(f"starts with a UTF-8 byte-order mark but declares encoding {name!r}; "
                             "remove one of them (convert the file to UTF-8)")
        return "utf-8"
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


def _safe_parser(namespaces: bool = False) -> expat.XMLParserType:
    """An expat parser that refuses entity declarations, external entities and external DTDs."""
    parser = expat.ParserCreate(namespace_separator=" ") if namespaces else expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _forbid_entity
    parser.UnparsedEntityDeclHandler = _forbid_unparsed
    parser.ExternalEntityRefHandler = _forbid_external
    return parser


def _parse(parser: expat.XMLParserType, data: bytes) -> None:
    """Run ``parser`` over the whole of ``data``; refusals and syntax errors are one-line InputErrors."""
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
    except (ValueError, LookupError) as e:  # a declared UTF-16/32 (or unknown) encoding after a UTF-8 BOM
        raise InputError(f"declares an encoding that cannot be read here ({e}); convert the file to UTF-8") from None


def check_xml(data: bytes) -> None:
    """Parse ``data`` once with expat, safely; raise :class:`InputError` when it is refused."""
    _parse(_safe_parser(), data)


#: the XLIFF 2 core namespace (XLIFF 2.0, 2.1 and 2.2 share it)
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
#: ``xml:lang`` as expat reports it with namespace processing
XML_LANG = "http://www.w3.org/XML/1998/namespace lang"


def lang_matches(lang: str, wanted: str) -> bool:
    """Does the language tag ``lang`` name ``wanted`` or one of its variants (``fr`` → ``fr``, ``fr-FR``,
    ``fr_CA``; not ``frr`` or ``fro``)? Case-insensitive; ``wanted`` must not be empty."""
    if not wanted.strip():
        raise ValueError("the target language must not be empty")
    lang = lang.strip().lower().replace("_", "-")
    wanted = wanted.strip().lower().replace("_", "-")
    return lang == wanted or lang.startswith(wanted + "-")


@dataclass(frozen=True)
class TargetElement:
    """A real target element found by :func:`scan_targets`: byte offsets of its start tag's ``<`` and
    of its end tag's ``</`` (equal to ``end_tag`` of an empty element's end), its unit id, and whether
    it is empty (``<target/>``)."""

    start_tag: int
    end_tag: int
    unit: str
    empty: bool


def scan_targets(data: bytes, target_lang: str = "fr") -> list[TargetElement]:
    """Parse ``data`` once, safely, with namespaces, and return the elements ``normalise`` may rewrite.

    * XLIFF 1.x: a ``<target>`` whose parent is a ``<trans-unit>``, both in the root ``<xliff>``'s
      namespace (so not a ``<target>`` of ``<alt-trans>``, nor a foreign ``<m:target>``);
    * XLIFF 2.x: a ``<target>`` whose parent is a ``<segment>``, both in the XLIFF 2 core namespace
      (not the translation-memory suggestions of ``<mtc:match>``, not an ``<ignorable>``'s target);
    * TMX: a ``<seg>`` whose parent ``<tuv>`` (in a ``<tu>``) has an ``xml:lang`` (TMX 1.1: ``lang``)
      that names ``target_lang`` (:func:`lang_matches`).

    Unit ids: the ``trans-unit``'s ``id``; ``unit-id/segment-id`` (segment position when it has none);
    the ``tu``'s ``tuid``, else ``tuN``. A root that is neither ``<xliff>`` nor ``<tmx>`` is refused."""
    if not target_lang or not target_lang.strip():
        raise ValueError("the target language must not be empty")
    parser = _safe_parser(namespaces=True)
    stack: list[tuple[str, str]] = []
    found: list[TargetElement] = []
    st: dict[str, Any] = {"root": None, "unit": "", "seg_count": 0, "seg_id": "", "tu_count": 0,
                          "tuv_lang": "", "open": None}

    def start(name: str, attrs: dict[str, str]) -> None:
        ns, _, local = name.rpartition(" ")
        parent = stack[-1] if stack else None
        stack.append((ns, local))
        root = st["root"]
        if root is None:
            st["root"] = root = (ns, local)
            if local not in ("xliff", "tmx"):
                raise InputError(f"the root element is <{local}>: not an XLIFF or TMX file")
            return
        if st["open"] is not None or ns != root[0]:
            return  # inside a target, or a foreign element: never a unit or a target
        index = parser.CurrentByteIndex
        if root[1] == "xliff" and root[0] != XLIFF2_NS:  # XLIFF 1.x
            if local == "trans-unit":
                st["unit"] = attrs.get("id", "")
            elif local == "target" and parent == (ns, "trans-unit"):
                st["open"] = (index, len(stack), st["unit"])
        elif root[1] == "xliff":  # XLIFF 2.x
            if local == "unit":
                st["unit"], st["seg_count"] = attrs.get("id", ""), 0
            elif local == "segment" and parent == (ns, "unit"):
                st["seg_count"] += 1
                st["seg_id"] = attrs.get("id") or str(st["seg_count"])
            elif local == "target" and parent == (ns, "segment"):
                st["open"] = (index, len(stack), f"{st['unit']}/{st['seg_id']}")
        elif local == "tu":  # TMX
            st["tu_count"] += 1
            st["unit"] = attrs.get("tuid") or f"tu{st['tu_count']}"
        elif local == "tuv" and parent == (ns, "tu"):
            st["tuv_lang"] = attrs.get(XML_LANG) or attrs.get("lang") or ""
        elif local == "seg" and parent == (ns, "tuv") and st["tuv_lang"] and lang_matches(st["tuv_lang"],
                                                                                           target_lang):
            st["open"] = (index, len(stack), st["unit"])

    def end(_name: str) -> None:
        opened = st["open"]
        if opened is not None and opened[1] == len(stack):
            index = parser.CurrentByteIndex
            empty = data.startswith(b"/>", index - 2) and not data.startswith(b"</", index)
            found.append(TargetElement(opened[0], index, opened[2], empty))
            st["open"] = None
        stack.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _parse(parser, data)
    return found


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
    """The target slots of a whole XLIFF or TMX file (:func:`scan_targets`: a safe, namespace-aware
    parse decides which elements are targets), in document order."""
    line = first_line
    counted = 0
    for t in scan_targets(data, target_lang):
        if t.empty:
            continue
        rest = _TAG_REST.match(data, t.start_tag)
        if rest is None:  # pragma: no cover - the document is well-formed
            raise InputError("unterminated tag")
        start = rest.end()
        line += data.count(b"\n", counted, start)
        counted = start
        try:
            content = data[start:t.end_tag].decode(encoding)
        except UnicodeDecodeError as e:  # expat read the bytes in another encoding than ``encoding``
            raise InputError(f"not valid {encoding} at byte {byte_base + start + e.start}") from None
        slot = _target_slot(content, byte_base + start, encoding, t.unit, line)
        if slot is not None:
            yield slot
