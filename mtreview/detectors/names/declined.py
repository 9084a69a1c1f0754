"""A known name kept in its original spelling but declined as Russian declines it: «la concurrence de
Maerska» (genitive of «Maersk»), «remis à Scholzu». The pivot translation kept the Latin letters of the
original and added the Russian case ending; the French text must write the name undeclined.

The base's pivot variants come from the entities' Russian forms («Маска» → «Maska»); this check covers
the declined *original* spelling, which those variants miss when the original is not what the Russian
form romanises back to. Only an organisation's name or a person's surname is read this way (a given
name plus «-a» is often another real given name: «Paula», «Roberta»), only where the text shows the
pivot, and never a word that some language writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.spellings import is_real_spelling
from .confidence import open_world
from .evidence import NAMING_KINDS

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector
    from .tokens import Word

#: Russian case endings a foreign name takes (consonant stems: genitive, dative, instrumental,
#: prepositional; the -y/-oy of feminine and adjectival forms), longest first
CASE_ENDINGS = ("ogo", "omu", "om", "em", "oy", "ym", "a", "u", "e", "y")
#: the undeclined name has at least this many letters
MIN_STEM = 4
#: confidence of such a flag where the pivot is shown near
DECLINED_CONFIDENCE = 0.8


def _declined_of(det: NamesDetector, word: str) -> tuple[str, str] | None:
    """(undeclined form, ending) when ``word`` is a known organisation's name, or a person's surname,
    plus a Russian case ending."""
    low = word.lower()
    for ending in CASE_ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < MIN_STEM:
            continue
        stem = word[: len(word) - len(ending)]
        for v in det.kb.lookup(stem):
            if v.kind not in NAMING_KINDS:
                continue
            e = det.kb.entities[v.entity]
            if e.type in ("organisation", "brand") or (
                    e.type == "person" and len(e.fr_tokens) > 1 and stem.lower() == e.fr_tokens[-1].lower()):
                return stem, ending
    return None


def flag_declined_names(det: NamesDetector, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
    """Known organisation names and surnames in their original spelling with a Russian case ending
    («Maerska» → «Maersk»), where the text shows the pivot. Flagged spans join ``taken``."""
    flags = []
    for w in words:
        if (w.start in taken or not w.capitalised or w.key != w.text or len(w.text) < MIN_STEM + 1
                or det.kb.lookup(w.text) or zipf_fr(w.text) > 0.0 or zipf_en(w.text) > 0.0
                or is_real_spelling(w.text)):
            continue
        got = _declined_of(det, w.text)
        if got is None:
            continue
        stem, ending = got
        conf = DECLINED_CONFIDENCE if det.ev.pivot_near(w.start, w.end, w.key) else open_world(DECLINED_CONFIDENCE)
        flags.append(Flag(w.start, w.end, w.text, "name/corrupted", "major", conf, [stem],
                          (f"« {w.text} » est « {stem} » avec la terminaison casuelle russe « -{ending} » : "
                           f"un nom étranger ne se décline pas en français."),
                          det.name, {"entity": stem, "type": "known",
                                     "mechanism": f"declined original: {stem} + -{ending}", "in_document": 0}))
        taken.update(range(w.start, w.end))
    return flags
