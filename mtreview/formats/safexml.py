"""Vetting untrusted XML before any parser that builds a tree sees it.

Every XML reader in :mod:`mtreview.formats` passes the raw bytes through :func:`parse_xml_bytes`
first: defusedxml refuses entity declarations (billion laughs, external entities / XXE) and
external references, and nothing is ever fetched. A document type declaration without entities
(``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``, common in TMX) is accepted and not loaded. Errors become
:class:`~mtreview.errors.InputError` with the line and column; so does a declared encoding expat cannot
read (``encoding="UTF-32"`` on ASCII-compatible bytes: expat raises ``ValueError``; an unknown name:
``LookupError``).
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError


def local_name(tag: str) -> str:
    """``{namespace}name`` → ``name``."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_xml_bytes(data: bytes, name: str) -> Any:
    """Parse ``data`` safely with defusedxml and return the root element (xml.etree)."""
    import xml.etree.ElementTree as StdET

    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    if not data.strip():
        raise InputError(f"{name}: empty file, expected XML")
    try:
        return SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(f"{name}: refused: the XML declares entities or external references "
                         f"({type(e).__name__}); mtreview never expands them") from None
    except StdET.ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        raise InputError(f"{name}:{line}:{col}: malformed XML ({str(e).split(':')[0]})") from None
    except (ValueError, LookupError) as e:  # expat: a declared UTF-16/32 encoding ("multi-byte encodings
        # are not supported", a ValueError) or one Python does not know (LookupError: "unknown encoding")
        raise InputError(f"{name}: the XML declaration names an encoding that cannot be read here ({e}); "
                         "convert the file to UTF-8") from None
