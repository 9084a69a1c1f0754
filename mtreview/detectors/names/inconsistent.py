"""One entity written several correct ways in one document («Zelensky» … «Zelenskyy»): the less used
forms are flagged, as a house-style suggestion, with the most used one."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...flags import Flag
from . import explain
from .confidence import OPEN_WORLD_CAP
from .tokens import keeps_original, similarity

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: a form less similar than this to the main one is a short form or an acronym, not an inconsistency
INCONSISTENT_MIN_SIMILARITY = 0.6


def flag_inconsistent(det: NamesDetector, flags: list[Flag]) -> list[Flag]:
    """After the whole text is reviewed: the correct forms met for each token of an entity
    (:attr:`.evidence.NameEvidence.seen`); where there are several, every one that is not the most
    used, not already flagged and not only the original's diacritics."""
    out: list[Flag] = []
    flagged = [(f.start, f.end) for f in flags]
    for (ei, tok), spans in det.ev.seen.items():
        forms = Counter(form for _, _, form in spans)
        if len(forms) < 2:
            continue
        e = det.kb.entities[ei]
        preferred = e.fr_tokens[tok] if 0 <= tok < len(e.fr_tokens) else e.fr
        ranked = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0] != preferred))
        major = ranked[0][0]
        for start, end, form in spans:
            if form == major or similarity(form, major) < INCONSISTENT_MIN_SIMILARITY:
                continue  # a short form or acronym is not an inconsistency
            if any(start < b and a < end for a, b in flagged) or keeps_original(form, major):
                continue
            out.append(Flag(start, end, form, "name/inconsistent", "minor", OPEN_WORLD_CAP, [major],
                            explain.inconsistent(form, major, e.fr), det.name,
                            {"entity": e.fr, "entity_id": e.id, "type": e.type,
                             "mechanism": f"forms in document: {dict(forms)}"}))
    return out
