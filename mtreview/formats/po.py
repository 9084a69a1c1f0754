"""Gettext PO/POT reading through translate-toolkit's ``pofile``.

The header entry and obsolete entries are skipped. ``id`` is translate-toolkit's unit id
(``msgctxt`` + ``msgid``); ``source`` the ``msgid``, ``target`` the ``msgstr`` (the first form of a
plural entry; all forms are kept in ``meta["plurals"]``). Fuzzy entries are kept with
``meta["fuzzy"] = True``.
"""

from __future__ import annotations

import io
import os

from ..errors import InputError
from ..textio import read_bytes
from . import Unit


def read_po_units(path: str | os.PathLike[str]) -> list[Unit]:
    """Units of a PO or POT file."""
    name = str(path)
    data = read_bytes(path)
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary data, not a PO file (a compiled .mo?)")
    try:
        from translate.storage.pypo import pofile

        store = pofile(io.BytesIO(data))
    except Exception as e:  # translate-toolkit raises ValueError and friends on bad syntax
        raise InputError(f"{name}: not a valid PO file ({type(e).__name__}: {e})") from None
    units: list[Unit] = []
    for u in store.units:
        if u.isheader() or u.isobsolete():
            continue
        target = u.target
        unit = Unit(id=u.getid(), source=str(u.source), target=str(target) if target else "")
        if u.hasplural():
            unit.meta["plurals"] = [str(s) for s in getattr(target, "strings", [target])]
        if u.isfuzzy():
            unit.meta["fuzzy"] = True
        notes = u.getnotes()
        if notes:
            unit.meta["notes"] = notes
        units.append(unit)
    if not units and data.strip() and b"msgid" not in data:
        raise InputError(f"{name}: no PO entries found (expected msgid/msgstr pairs)")
    return units
