"""The document's own spelling of a name wins over the engine's guess.

A re-romanised surname the base lacks gets its suggestion from the real-spelling pairs or the
transliteration model, which pick the commonest original: «Uitkomb» → «Whitcomb», «Vestergor» →
«Westergaard». When the same text writes a spelling of that name that the pivot shares («Nathan
Whitcombe», «Henrik Vestergaard»: the same Russian form, «Уиткомб», «Вестергор»), that spelling is
the person's own and replaces the guess. The person's given name then follows the document too:
«Natan Uitkomb» beside «Nathan Whitcombe» reads «Nathan Whitcombe».

Only suggestions change, and flags are added only on the given name beside a surname that is
already flagged corrupted: clean text, where nothing is flagged, is never touched.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.transliteration import pivot_key
from .evidence import near
from .romanisation import written_by_pivot
from .tokens import capitalised_before, similarity

if TYPE_CHECKING:  # pragma: no cover
    from .evidence import NameEvidence

#: a spelling of the document and the engine's guess this similar (folded) may be one name ...
SAME_NAME_MIN_SIMILARITY = 0.8
#: ... and a written given name and the document's one, this similar
GIVEN_MIN_SIMILARITY = 0.7
def _document_form(ev: NameEvidence, guess: str, start: int, end: int, flagged: set[str]) -> str | None:
    """A spelling written near ``[start, end)`` that is the same name as ``guess`` through the pivot
    (same consonant key, folded similarity ≥ :data:`SAME_NAME_MIN_SIMILARITY`), not itself flagged."""
    best = None
    for other in ev.doc_keys.get(pivot_key(guess), ()):
        if other == guess or other in flagged or not near(ev.doc_name_at.get(other, ()), start, end):
            continue
        sim = similarity(other, guess)
        if sim >= SAME_NAME_MIN_SIMILARITY and (best is None or sim > best[0]):
            best = (sim, other)
    return best[1] if best else None


def prefer_document_spelling(detector: str, text: str, flags: list[Flag], ev: NameEvidence) -> list[Flag]:
    """``flags`` with each corrupted unknown name's first suggestion replaced by the document's own
    spelling of that name, where it writes one near; a given name standing before the corrected word and
    spelt otherwise than before the document's spelling («Natan» / «Nathan») is flagged with it."""
    if not ev.doc_names:
        return flags
    mine = [f for f in flags if f.detector == detector]
    flagged = {f.text for f in mine}
    taken = {(f.start, f.end) for f in mine}
    starts = {f.start: f for f in mine}
    out: list[Flag] = []
    added: list[Flag] = []
    for f in flags:
        if (f.detector != detector or f.category != "name/corrupted" or not f.suggestions
                or f.evidence.get("type") != "unknown" or " " in f.suggestions[0]):
            out.append(f)
            continue
        guess = f.suggestions[0]
        form = guess if near(ev.doc_name_at.get(guess, ()), f.start, f.end) else \
            _document_form(ev, guess, f.start, f.end, flagged)
        if form is None:
            out.append(f)
            continue
        if form != guess:
            f = dataclasses.replace(f, suggestions=[form] + [s for s in f.suggestions if s != form],
                                    explanation=f"{f.explanation} Le document écrit « {form} ».",
                                    evidence={**f.evidence, "entity": form, "in_document": len(
                                        ev.doc_name_at.get(form, ()))})
        out.append(f)
        given = capitalised_before(text, f.start)
        if given is None or given[1] in flagged and given[0] in starts:
            continue
        for at in ev.doc_name_at.get(form, ()):
            theirs = capitalised_before(text, at)
            if theirs is None or theirs[1] == given[1] or theirs[1] in flagged:
                continue
            if (similarity(theirs[1], given[1]) >= GIVEN_MIN_SIMILARITY and (given[0], f.start - 1) not in taken
                    and written_by_pivot(given[1])):  # «Carl» beside «Karl Bildt» did not come through Russian
                g0 = given[0]
                added.append(dataclasses.replace(
                    f, start=g0, end=g0 + len(given[1]), text=given[1], suggestions=[theirs[1]],
                    explanation=(f"« {given[1]} » précède « {f.text} », que le document écrit « {theirs[1]} "
                                 f"{form} » : même personne, même prénom."),
                    evidence={**f.evidence, "entity": f"{theirs[1]} {form}",
                              "mechanism": f"given name of the document's « {theirs[1]} {form} »"}))
                taken.add((g0, f.start - 1))
                break
    return sorted(out + added, key=lambda x: (x.start, x.end)) if added else out
