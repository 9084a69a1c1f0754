"""Tab-separated corpora: ``source<TAB>target`` per line, or named columns under a header line.

Without a header: one column is a target, two are ``source, target``, more are ``source, target``
followed by extras (kept in ``meta["columns"]``). A first line whose cells are all known column
names (``id``, ``source``/``src``, ``target``/``tgt``/``translation``/``hyp``/``mt``,
``reference``/``ref``, ``doc``) is a header and names the columns. Every line is a unit (a blank
line is an empty segment); there is no quoting: a tab always separates columns.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..textio import read_text
from . import Unit
from .plaintext import split_lines

ID_NAMES = {"id", "segid", "seg_id", "segment_id", "sid"}
SOURCE_NAMES = {"source", "src"}
TARGET_NAMES = {"target", "tgt", "translation", "hyp", "hypothesis", "mt", "prediction", "output"}
REFERENCE_NAMES = {"reference", "ref", "references"}
DOC_NAMES = {"doc", "doc_id", "docid", "document"}
KNOWN = ID_NAMES | SOURCE_NAMES | TARGET_NAMES | REFERENCE_NAMES | DOC_NAMES


def _header(cells: list[str]) -> dict[str, int] | None:
    names = [c.strip().lower() for c in cells]
    if not names or not all(n in KNOWN for n in names):
        return None
    if not any(n in TARGET_NAMES or n in REFERENCE_NAMES for n in names):
        return None
    cols: dict[str, int] = {}
    for i, n in enumerate(names):
        role = ("id" if n in ID_NAMES else "source" if n in SOURCE_NAMES else "target" if n in TARGET_NAMES
                else "reference" if n in REFERENCE_NAMES else "doc")
        if role == "reference":
            cols.setdefault(f"reference{i}", i)
        else:
            cols.setdefault(role, i)
    return cols


def read_tsv_units(path: str | os.PathLike[str]) -> list[Unit]:
    """Units of a TSV file (see the module docstring for the column rules)."""
    name = str(path)
    lines = split_lines(read_text(path).text)
    if not lines:
        return []
    header = _header(lines[0].split("\t"))
    units: list[Unit] = []
    if header is not None:
        width = len(lines[0].split("\t"))
        for n, line in enumerate(lines[1:], 2):
            cells = line.split("\t") if line else [""] * width
            if len(cells) != width:
                raise InputError(f"{name}:{n}: {len(cells)} columns where the header has {width}")
            refs = [cells[i] for k, i in sorted(header.items(), key=lambda kv: kv[1]) if k.startswith("reference")]
            uid = cells[header["id"]] if "id" in header else str(n - 1)
            units.append(Unit(
                id=uid,
                source=cells[header["source"]] if "source" in header else None,
                target=cells[header["target"]] if "target" in header else (refs[0] if refs else None),
                doc=cells[header["doc"]] if "doc" in header else None,
                references=refs,
                positional="id" not in header,
            ))
        return units
    width = max(len(line.split("\t")) for line in lines)
    for n, line in enumerate(lines, 1):
        if not line:
            units.append(Unit(id=str(n), source="" if width > 1 else None, target="", positional=True))
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise InputError(f"{name}:{n}: {len(cells)} tab-separated columns where other lines have {width} "
                             "(expected 'source<TAB>target' on every line)")
        if width == 1:
            units.append(Unit(id=str(n), source=None, target=cells[0], positional=True))
        else:
            unit = Unit(id=str(n), source=cells[0], target=cells[1], positional=True)
            if width > 2:
                unit.meta["columns"] = cells[2:]
            units.append(unit)
    return units
