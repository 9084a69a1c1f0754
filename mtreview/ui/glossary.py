"""The user glossary from a review: accepted and edited name corrections become glossary entries.

:func:`glossary_candidates` reads a review's decisions; the controller adds the candidates to the store
(:meth:`mtreview.store.ReviewStore.add_glossary_entry`), and the next review reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..store import GLOSSARY_TYPES, Decision, StoredReview

NAME_TYPES = set(GLOSSARY_TYPES)


_LEADING_PREPOSITION = re.compile(r"^(?:de|à|d['’])\s*(?=\w)", re.IGNORECASE)
_CONTRACTED_ARTICLE = re.compile(r"^(?:du|au|de\s+la|de\s+l['’]|à\s+la|à\s+l['’])\s", re.IGNORECASE)


def glossary_candidates(review: StoredReview, decisions: Mapping[str, Decision]) -> list[dict[str, Any]]:
    """Glossary entries from the accepted or edited ``name/*`` corrections of a review.

    An accepted suggestion adds the entity it names (``evidence.entity`` when the detector gave one,
    else the replacement); an edit adds the reviewer's own text. The wrong form is never added: aliases
    are correct forms.
    """
    out: dict[str, dict[str, Any]] = {}
    for f in review.flags:
        d = decisions.get(f.id)
        if d is None or d.status not in ("accepted", "edited") or not f.category.startswith("name/"):
            continue
        ev = f.evidence or {}
        # «du masque» → «de Musk»: the preposition that the correction carries is no part of the name
        repl = (d.replacement or "").strip()
        if _CONTRACTED_ARTICLE.match(f.text):
            repl = _LEADING_PREPOSITION.sub("", repl)
        entity = ev.get("entity") if isinstance(ev.get("entity"), str) else ""
        fr = entity if d.status == "accepted" and entity and repl and repl in entity else repl
        if not fr:
            continue
        etype = ev.get("type") if ev.get("type") in NAME_TYPES else "person"
        aliases = [repl] if repl and repl != fr and d.status == "accepted" else []
        key = fr.casefold()
        if key not in out:
            out[key] = {"fr": fr, "en": ev.get("en", "") if isinstance(ev.get("en"), str) else "",
                        "ru": ev.get("ru", "") if isinstance(ev.get("ru"), str) else "",
                        "aliases": aliases, "type": etype}
    return list(out.values())


__all__ = ["NAME_TYPES", "glossary_candidates"]
