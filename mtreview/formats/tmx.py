"""TMX (translation memory) reading through translate-toolkit's ``tmxfile``.

Bytes are vetted with defusedxml first. The source language is the header's ``srclang``; the
target is the variant in ``target_lang`` when asked (``fr`` matches ``fr-FR``), else French when
present, else the first language that is not the source. ``id`` is the ``tuid``; units without one
are numbered by position.
"""

from __future__ import annotations

import io
import os
from typing import Any

from ..errors import InputError
from ..textio import read_bytes
from . import Unit
from .safexml import local_name, parse_xml_bytes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _lang(node: Any) -> str:
    return (node.get(XML_LANG) or node.get("lang") or "").lower()


def _matches(lang: str, wanted: str) -> bool:
    wanted = wanted.lower()
    return lang == wanted or lang.split("-")[0] == wanted.split("-")[0]


def read_tmx_units(path: str | os.PathLike[str], target_lang: str | None = None) -> list[Unit]:
    """Units of a TMX file (source in ``srclang``, target as described in the module docstring)."""
    name = str(path)
    data = read_bytes(path)
    root = parse_xml_bytes(data, name)
    if local_name(root.tag) != "tmx":
        raise InputError(f"{name}: root element is <{local_name(root.tag)}>, not <tmx>")
    try:
        from translate.storage.tmx import tmxfile

        store = tmxfile(io.BytesIO(data))
    except Exception as e:  # lxml / translate-toolkit errors
        raise InputError(f"{name}: not a valid TMX file ({type(e).__name__}: {e})") from None
    srclang = (store.sourcelanguage or "").lower()
    units: list[Unit] = []
    for n, u in enumerate(store.units, 1):
        variants = [(_lang(node), u.getNodeText(node)) for node in u.getlanguageNodes()]
        if not variants:
            continue
        src = next((t for lang, t in variants if srclang and _matches(lang, srclang)), None)
        if src is None:
            src = variants[0][1]
            src_lang = variants[0][0]
        else:
            src_lang = next(lang for lang, _ in variants if _matches(lang, srclang))
        others = [(lang, t) for lang, t in variants if lang != src_lang]
        tgt = None
        for wanted in ([target_lang] if target_lang else ["fr"]):
            tgt = next((t for lang, t in others if _matches(lang, wanted)), None)
        if tgt is None and not target_lang and others:
            tgt = others[0][1]
        tuid = u.xmlelement.get("tuid")
        unit = Unit(id=tuid or str(n), source=src, target=tgt, positional=not tuid)
        unit.meta["languages"] = [lang for lang, _ in variants]
        units.append(unit)
    return units
