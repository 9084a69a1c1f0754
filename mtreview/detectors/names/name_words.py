"""Surnames translated as words, for any name: «Jacek Renard» (Fox), «Adam forgeron» (Smith), a
Russian spelling read as a Russian word («Кит» → *baleine*). The French word follows a given name and
is one that a real name becomes (:mod:`mtreview.knowledge.name_words`), where the text shows the
pivot (French has surnames that are words: Renard, Boulanger) and the parse reads it as a noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_fr
from ...knowledge.name_words import lookup as lookup_name_word
from ...knowledge.spellings import name_tokens
from . import explain
from .confidence import NAME_WORD_CAPITALISED, NAME_WORD_LOWER
from .evidence import NAMING_KINDS
from .slots import LazyTokens
from .tokens import Word, name_case

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: a name borne by at least this many people in the pairs (Smith, Fox, Keith: not «Ad», «Cheek»)
MIN_PEOPLE = 20
#: parts of speech of a surname read as a word («forgeron» NOUN, «Renard» PROPN)
NOUN_TAGS = frozenset({"NOUN", "PROPN", "X"})
#: a given name at least this long
GIVEN_MIN_LETTERS = 3
#: a word this frequent in French (Zipf) is a word («Le», «Pour»), not a given name ...
GIVEN_MAX_ZIPF_FR = 5.6
#: ... and, first in its sentence (capitalised anyway), from this frequency on
SENT_START_MAX_ZIPF_FR = 4.5


def _given_name(det: NamesDetector, w: Word, taken: set[int]) -> bool:
    """A capitalised word that is a real given name or surname token, or one a check already read as a
    corrupted name («Dzheims» flagged before)."""
    if w.start in taken:
        return True
    zipf = zipf_fr(w.key)
    if zipf >= (SENT_START_MAX_ZIPF_FR if w.sent_start else GIVEN_MAX_ZIPF_FR):
        return False
    return (w.capitalised and len(w.key) >= GIVEN_MIN_LETTERS and not w.text.isupper()
            and (w.key.lower() in name_tokens() or any(v.kind in NAMING_KINDS for v in det.kb.lookup(w.key))))


def flag_name_words(det: NamesDetector, words: list[Word], text: str, taken: set[int],
                    tok_at: LazyTokens) -> list[Flag]:
    """A word right after a given name that a real surname becomes when translated as a word
    («Adam forgeron», «Jacek Renard»), where the text shows the pivot and the parse (``tok_at``) reads
    the word as a noun or a name, not a verb («Marie annonce»). Written in lower case (French never
    writes a surname so) it weighs more. «Jules Renard» in a text without signs of the pivot is left
    alone. Flagged spans join ``taken``."""
    flags = []
    for k, (prev, w) in enumerate(zip(words, words[1:], strict=False), start=1):
        if w.start in taken or w.start - prev.end != 1 or text[prev.end] != " " or "-" in w.key:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if not w.text[:1].islower() and nxt is not None and nxt.capitalised and nxt.start - w.end == 1:
            continue  # «American Film Institute»: a capitalised word inside a longer name
        found = [x for x in lookup_name_word(w.key) if x.people >= MIN_PEOPLE]
        if not found or not _given_name(det, prev, taken) or det.kb.is_correct_token(w.text):
            continue
        before = words[k - 2] if k >= 2 else None
        if (before is not None and prev.start - before.end == 1 and text[before.end] == " "
                and _given_name(det, before, taken)):
            continue  # «Laura Weaver siège au conseil»: the name is whole before the word (a verb here)
        lower = w.text[:1].islower()
        if (not lower and w.sent_start) or not det.ev.pivot_near(w.start, w.end):
            continue
        tok = tok_at.get(w.start)
        if tok is None or tok.pos_ not in NOUN_TAGS:
            continue  # «Marie annonce», «joue»: a verb after a name, not a surname
        best = found[0]
        conf = NAME_WORD_LOWER if lower else NAME_WORD_CAPITALISED
        sugg = name_case(best.name)
        flags.append(Flag(w.start, w.end, w.text, "name/translated", "major", conf, [sugg],
                          explain.name_word(w.text, sugg, best.evidence, prev.text), det.name,
                          {"entity": sugg, "type": "unknown",
                           "mechanism": f"surname translated as a word ({best.evidence})",
                           "in_document": 0}))
        taken.update(range(w.start, w.end))
    return flags
