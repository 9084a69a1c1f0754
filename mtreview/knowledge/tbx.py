"""Reading TBX termbases (ISO 30042: TBX-Basic / TBX 2008 ``martif`` and TBX v3 ``tbx``) as glossary entries.

Each concept entry gives one :class:`TermEntry`: the French preferred term (canonical form), the
French terms marked deprecated/superseded/not recommended (variants a normaliser replaces), and the
other French terms (admitted forms, left alone). Terms in other languages are kept for reference
only (the English one becomes the entity's English form). :func:`read_tbx` returns the user
:class:`~mtreview.knowledge.glossary.Glossary` that ``--glossary`` loads. Parsing goes through :mod:`defusedxml`: DTDs, entities and external references are refused,
nothing is fetched. This module reads; it never decides how a glossary is used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from .glossary import Glossary

#: ``administrativeStatus`` / ``normativeAuthorization`` values that make a term a variant to replace
DEPRECATED = ("deprecated", "superseded", "notrecommended", "rejected", "obsolete")
#: values that make a term the canonical form
PREFERRED = ("preferred", "normative")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class TermEntry:
    """One concept: ``canonical`` replaces each of ``variants``; ``admitted`` forms are correct too."""

    id: str
    canonical: str
    variants: list[str] = field(default_factory=list)
    admitted: list[str] = field(default_factory=list)
    other_languages: dict[str, list[str]] = field(default_factory=dict)
    note: str = ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: Element, *names: str) -> list[Element]:
    return [c for c in el if isinstance(c.tag, str) and _local(c.tag) in names]


def _status(term_group: Element) -> str:
    """The normalised administrative status of a term group (``tig``/``ntig``/``termSec``), or ''."""
    for el in term_group.iter():
        if not isinstance(el.tag, str):
            continue
        if _local(el.tag) in ("termNote", "termnote") and el.get("type") in (
                "administrativeStatus", "normativeAuthorization"):
            return (el.text or "").strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    return ""


def _term_groups(lang_set: Element) -> list[tuple[str, str]]:
    """(term, status) of each term group in a language section."""
    out = []
    for group in _children(lang_set, "tig", "ntig", "termSec"):
        terms = [t for t in group.iter() if isinstance(t.tag, str) and _local(t.tag) == "term"]
        if terms and (terms[0].text or "").strip():
            out.append((" ".join((terms[0].text or "").split()), _status(group)))
    return out


def parse_tbx(data: bytes, name: str = "<tbx>", target_lang: str = "fr") -> list[TermEntry]:
    """The entries of a TBX document; raises :class:`InputError` when it is not one or is refused."""
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        root = DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise InputError(f"{name}: refused ({type(e).__name__}: entities and external references are "
                         "not allowed in a termbase)") from None
    except Exception as e:  # ParseError and friends
        raise InputError(f"{name}: not well-formed XML ({e})") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(f"{name}: not a TBX termbase (root element <{_local(root.tag)}>)")
    entries: list[TermEntry] = []
    for n, concept in enumerate((e for e in root.iter() if isinstance(e.tag, str)
                                 and _local(e.tag) in ("termEntry", "conceptEntry")), 1):
        cid = concept.get("id") or f"entry{n}"
        canonical = ""
        variants: list[str] = []
        admitted: list[str] = []
        others: dict[str, list[str]] = {}
        for lang_set in _children(concept, "langSet", "langSec"):
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower()
            groups = _term_groups(lang_set)
            if not lang.startswith(target_lang.lower()):
                others.setdefault(lang, []).extend(t for t, _ in groups)
                continue
            for term, status in groups:
                if status.startswith(DEPRECATED):
                    variants.append(term)
                elif status.startswith(PREFERRED) and not canonical:
                    canonical = term
                else:
                    admitted.append(term)
        if not canonical and admitted:
            canonical = admitted.pop(0)
        if canonical:
            entries.append(TermEntry(cid, canonical, variants, admitted, others))
    return entries


def to_glossary(entries: list[TermEntry], name: str) -> Glossary:
    """The entries as a user :class:`~mtreview.knowledge.glossary.Glossary` (variants → canonical)."""
    from .glossary import Glossary
    from .names import Entity

    g = Glossary(sources=[name])
    for e in entries:
        en = next(iter(e.other_languages.get("en", [])), "") or next(
            (t[0] for lang, t in e.other_languages.items() if lang.startswith("en") and t), "")
        g.entities.append(Entity(f"user-tbx-{e.id}", "person", e.canonical, en or e.canonical,
                                 aliases=list(e.admitted), source=f"glossary:{name}", user=True))
        for v in e.variants:
            g.variants[v] = len(g.entities) - 1
    return g


def read_tbx(path: str | os.PathLike[str], target_lang: str = "fr") -> Glossary:
    """Read a TBX file as a user glossary (see :func:`parse_tbx` for what each term becomes)."""
    from ..textio import read_bytes

    return to_glossary(parse_tbx(read_bytes(path), str(path), target_lang), str(path))
