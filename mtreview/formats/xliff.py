"""XLIFF 1.2 and 2.x reading through translate-toolkit's storage classes.

The bytes are vetted with defusedxml first (:mod:`mtreview.formats.safexml`); translate-toolkit
then parses them with its own safe lxml parser (no entity resolution, no network). XLIFF 1.x files
use ``translate.storage.xliff.xlifffile``, 2.x files ``translate.storage.xliff2.Xliff2File`` (a
multi-segment 2.x unit gives one unit per segment, id ``unit::segment``). Inline markup is
flattened to its text. ``doc`` is the ``<file>``'s ``original`` (1.2) or ``id`` (2.x); notes and
state go to ``meta``. Units of a file with several ``<file>`` elements get ids ``file/unit``.
"""

from __future__ import annotations

import io
import os
from typing import Any

from ..errors import InputError
from ..textio import read_bytes
from . import Unit
from .safexml import local_name, parse_xml_bytes


def _file_of(element: Any) -> Any | None:
    for anc in element.iterancestors():
        if local_name(anc.tag) == "file":
            return anc
    return None


def read_xliff_units(path: str | os.PathLike[str]) -> list[Unit]:
    """Units of an XLIFF 1.x or 2.x file."""
    name = str(path)
    data = read_bytes(path)
    root = parse_xml_bytes(data, name)
    if local_name(root.tag) != "xliff":
        raise InputError(f"{name}: root element is <{local_name(root.tag)}>, not <xliff>")
    version = (root.get("version") or "1.2").strip()
    try:
        if version.startswith("2"):
            from translate.storage.xliff2 import Xliff2File

            store: Any = Xliff2File(io.BytesIO(data))
        elif version.startswith("1"):
            from translate.storage.xliff import xlifffile

            store = xlifffile(io.BytesIO(data))
        else:
            raise InputError(f"{name}: unsupported XLIFF version {version!r} (1.x and 2.x are read)")
    except InputError:
        raise
    except Exception as e:  # translate-toolkit raises assorted lxml/ValueError/AssertionError types
        raise InputError(f"{name}: not a valid XLIFF {version} file ({type(e).__name__}: {e})") from None
    files = {id(f) for f in root.iter() if local_name(f.tag) == "file"}
    several_files = len(files) > 1
    units: list[Unit] = []
    for n, u in enumerate(store.units, 1):
        if getattr(u, "isheader", lambda: False)():
            continue
        file_el = _file_of(u.xmlelement)
        doc = None
        if file_el is not None:
            doc = file_el.get("original") or file_el.get("id")
        raw_id = u.getid() or ""
        if "\x04" in raw_id:  # translate-toolkit prefixes 1.2 ids with the file's original
            file_part, unit_part = raw_id.split("\x04", 1)
            raw_id = f"{file_part}/{unit_part}" if several_files else unit_part
        elif several_files and doc:
            raw_id = f"{doc}/{raw_id}"
        source = u.source
        target = u.target
        unit = Unit(id=raw_id or str(n), source=None if source is None else str(source),
                    target=None if target is None else str(target), doc=doc, positional=not raw_id)
        notes = u.getnotes() if hasattr(u, "getnotes") else ""
        if notes:
            unit.meta["notes"] = notes
        state = u.xmlelement.get("state")
        if state is None:
            t = next((c for c in u.xmlelement if local_name(c.tag) == "target"), None)
            state = t.get("state") if t is not None else None
        if state:
            unit.meta["state"] = state
        units.append(unit)
    return units
