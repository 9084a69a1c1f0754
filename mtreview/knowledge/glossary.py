"""User glossaries: the names a user adds, in CSV, TSV or TBX, merged over the built-in base.

CSV/TSV need a header; recognised columns (case-insensitive): ``fr`` (required: the form to write),
``en``, ``ru``, ``aliases`` (``|``-separated correct forms), ``variants`` (``|``-separated wrong forms
seen in MT output, always replaced by ``fr``), ``type`` (person, organisation, brand, place; default
person), ``id``, ``country``. Older two-column files ``variant,canonical`` (no header recognised) are
read as variants of a canonical form. Glossary entries win over built-in entries.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..textio import read_text
from .names import TYPES, Entity


@dataclass
class Glossary:
    """Entities from user files; ``variants`` maps a wrong form to the entity index that corrects it."""

    entities: list[Entity] = field(default_factory=list)
    variants: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    #: French form → entity index (kept by :func:`_add`; rebuilt when entities were added directly)
    by_fr: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __iter__(self):
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def __bool__(self) -> bool:
        return bool(self.entities)

    def variant_map(self) -> dict[str, str]:
        """Wrong form → French form, for exact replacement (batch glossary-only mode)."""
        return {v: self.entities[i].fr for v, i in self.variants.items()}


def _slug(s: str) -> str:
    from unidecode import unidecode

    return "user-" + re.sub(r"[^a-z0-9]+", "-", unidecode(s).lower()).strip("-")


def parse_glossary_text(text: str, name: str, delimiter: str | None = None) -> Glossary:
    g = Glossary(sources=[name])
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") >= first.count(",") and "\t" in first else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    rows = [r for r in rows if r and any(c.strip() for c in r) and not r[0].lstrip().startswith("#")]
    if not rows:
        return g
    header = [h.strip().lower() for h in rows[0]]
    if "fr" not in header:
        # headerless two-column file: variant, canonical
        for n, r in enumerate(rows, 1):
            if len(r) < 2:
                raise InputError(f"{name}:{n}: expected a header with a 'fr' column, or 'variant,canonical' rows")
            _add(g, Entity(_slug(r[1]), "person", r[1].strip(), r[1].strip(), user=True,
                           source=f"glossary:{name}"), [r[0].strip()])
        return g
    for n, r in enumerate(rows[1:], 2):
        d = {h: (r[i].strip() if i < len(r) else "") for i, h in enumerate(header)}
        if not d.get("fr"):
            raise InputError(f"{name}:{n}: the 'fr' column is empty")
        typ = (d.get("type") or "person").lower()
        if typ not in TYPES:
            raise InputError(f"{name}:{n}: type {typ!r} is not one of {', '.join(sorted(TYPES))}")
        e = Entity(d.get("id") or _slug(d["fr"]), typ, d["fr"], d.get("en") or d["fr"], d.get("ru", ""),
                   [a.strip() for a in d.get("aliases", "").split("|") if a.strip()],
                   d.get("country", ""), d.get("role", ""), f"glossary:{name}", user=True)
        _add(g, e, [v.strip() for v in d.get("variants", "").split("|") if v.strip()])
    return g


def _add(g: Glossary, e: Entity, variants: Iterable[str]) -> None:
    """Add ``e`` (or merge into the entity with the same French form) and map its variants to it."""
    index = g.by_fr
    if len(index) != len(g.entities):  # entities added directly: rebuild (first French form wins)
        index.clear()
        for i, old in enumerate(g.entities):
            index.setdefault(old.fr, i)
    idx = index.get(e.fr)
    if idx is None:
        idx = index[e.fr] = len(g.entities)
        g.entities.append(e)
    for v in variants:
        g.variants[v] = idx


def load_glossary(path: str | Path) -> Glossary:
    p = Path(path)
    if p.suffix.lower() in (".tbx", ".xml"):
        from .tbx import read_tbx

        return read_tbx(p)
    text = read_text(p).text
    return parse_glossary_text(text, str(p), "\t" if p.suffix.lower() == ".tsv" else None)


def load_glossaries(paths: Iterable[str | Path]) -> Glossary:
    """Several glossary files merged, later files winning."""
    out = Glossary()
    for p in paths:
        g = load_glossary(p)
        offset = len(out.entities)
        out.entities.extend(g.entities)
        out.variants.update({v: i + offset for v, i in g.variants.items()})
        out.sources.extend(g.sources)
    return out
