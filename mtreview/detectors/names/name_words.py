"""Surnames translated as words, for any name: «Jacek Renard» (Fox), «Adam forgeron» (Smith), a
Russian spelling read as a Russian word («Кит» → *baleine*). The French word follows a given name and
is one that a real name becomes (:mod:`mtreview.knowledge.name_words`), where the text shows the
pivot (French has surnames that are words: Renard, Boulanger) and the parse reads it as a noun.

The given name may itself be the pivot's re-romanisation of an English one («Grem» for Graham, flagged
or not by another check) or one English uses far more than French («Lucy Potier»); with a re-romanised
given name or a role noun before it, a rarer name («Yan Boucher», *Butcher*) and a plural («la
climatologue Fiona Rivières», *Rivers*) count too; a word that is a
real French surname the base knows («Mark Berger») is flagged with a moderate confidence. A title or a
role noun with no given name («Mme Tisserand») is enough only where the English name is written
elsewhere in the text («Laura Weaver»)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_fr
from ...knowledge.name_words import english_given_name, person_roles
from ...knowledge.name_words import lookup_any as lookup_name_word
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
#: ... after a given name that is English (or the pivot's spelling of one): a rarer name (Butcher, Rivers)
MIN_PEOPLE_ENGLISH = 3
#: parts of speech of a surname read as a word («forgeron» NOUN, «Renard» PROPN)
NOUN_TAGS = frozenset({"NOUN", "PROPN", "X"})
#: a given name at least this long
GIVEN_MIN_LETTERS = 3
#: a word this frequent in French (Zipf) is a word («Le», «Pour»), not a given name ...
GIVEN_MAX_ZIPF_FR = 5.6
#: ... and, first in its sentence (capitalised anyway), from this frequency on
SENT_START_MAX_ZIPF_FR = 4.5
#: a pivot spelling of a given name («Grem», «Yan») below this French frequency (Zipf): not a French word
PIVOT_GIVEN_MAX_ZIPF_FR = 3.5
#: a capitalised word after a role noun («le producteur Xyz») below this French frequency is a given name
ROLE_GIVEN_MAX_ZIPF_FR = 2.5
#: a word that is a real French surname the base knows («Berger»), after an English given name
NAME_WORD_FRENCH_SURNAME = 0.5
#: the English name written elsewhere in the text («Laura Weaver» ... «Mme Tisserand»)
NAME_WORD_WRITTEN = 0.7
#: the English name counts as written within this many characters of the word
WRITTEN_WINDOW = 3000
#: a role noun this many words at most before a given name («la climatologue britannique Fiona»)
ROLE_WINDOW = 3
#: titles written with a full stop («M. Tisserand», «Dr. Berger»)
_TITLE_DOT = frozenset({"m", "dr", "pr", "me"})


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


def _pivot_given_name(det: NamesDetector, w: Word) -> bool:
    """Is ``w`` the pivot's re-romanisation of a known person's given name, spelt otherwise in English
    («Grem» for Graham, «Yan» for Ian), and no French word?"""
    if not w.capitalised or len(w.key) < GIVEN_MIN_LETTERS or zipf_fr(w.key) >= PIVOT_GIVEN_MAX_ZIPF_FR:
        return False
    for v in det.kb.lookup(w.key):
        if v.kind != "pivot" or v.token != 0:
            continue
        ent = det.kb.entities[v.entity]
        toks = (ent.en or "").split()
        if ent.type == "person" and toks and toks[0].lower() != w.key.lower():
            return True
    return False


def _role_before(words: list[Word], k: int, text: str) -> bool:
    """Does a role noun or title stand right before ``words[k]`` («le producteur X», «M. X»)?"""
    if k < 1:
        return False
    prev = words[k - 1]
    gap = text[prev.end:words[k].start]
    low = prev.text.lower()
    roles = person_roles()
    if gap == " ":
        return low in roles
    return gap == ". " and low in _TITLE_DOT


def _role_near(words: list[Word], k: int, text: str) -> bool:
    """Does a role noun or title stand among the :data:`ROLE_WINDOW` words before ``words[k]``
    («la climatologue britannique Fiona ...»), with no punctuation between?"""
    roles = person_roles()
    for j in range(k - 1, max(-1, k - 1 - ROLE_WINDOW), -1):
        if not text[words[j].end:words[j + 1].start].isspace():
            return False
        if words[j].text.lower() in roles:
            return True
    return False


def _english_given(det: NamesDetector, words: list[Word], k: int, text: str, taken: set[int]) -> bool:
    """Is ``words[k]`` a given name that is English or the pivot's spelling of one: read as a
    corrupted name by another check, English far more than French («Lucy»), a re-romanised given
    name («Grem»), or an unknown capitalised word after a role noun («le producteur Xyz»)?"""
    w = words[k]
    if w.start in taken:
        return True
    if not w.capitalised or w.text.isupper():
        return False
    if english_given_name(w.key) and w.key.lower() in name_tokens():
        return True
    if _pivot_given_name(det, w):
        return True
    return (not w.sent_start and zipf_fr(w.key) < ROLE_GIVEN_MAX_ZIPF_FR and len(w.key) >= GIVEN_MIN_LETTERS
            and _role_before(words, k, text))


def _written(name: str, text: str) -> bool:
    """Is the English name written in the text as a surname, after a capitalised word («Laura
    Weaver», «Mrs Weaver»), not as a word of a longer name («Grey Wolf Power»)?"""
    pattern = rf"\b[^\W\d_][\w'’-]* {re.escape(name_case(name))}\b(?! [^\W\d_]*[A-Z])"
    return any(m.group(0)[:1].isupper() for m in re.finditer(pattern, text))


def flag_name_words(det: NamesDetector, words: list[Word], text: str, taken: set[int],
                    tok_at: LazyTokens) -> list[Flag]:
    """A word right after a given name that a real surname becomes when translated as a word
    («Adam forgeron», «Jacek Renard»), where the text shows the pivot and the parse (``tok_at``) reads
    the word as a noun or a name, not a verb («Marie annonce»). Written in lower case (French never
    writes a surname so) it weighs more. «Jules Renard» in a text without signs of the pivot is left
    alone. Flagged spans join ``taken``."""
    flags = []
    for k, (prev, w) in enumerate(zip(words, words[1:], strict=False), start=1):
        if w.start in taken or "-" in w.key:
            continue
        gap = text[prev.end:w.start]
        titled = _role_before(words, k, text)
        if gap != " " and not titled:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else None
        if not w.text[:1].islower() and nxt is not None and nxt.capitalised and nxt.start - w.end == 1:
            continue  # «American Film Institute»: a capitalised word inside a longer name
        candidates = lookup_name_word(w.key)
        if not candidates:
            continue
        english = gap == " " and _english_given(det, words, k - 1, text, taken)
        given = english or (gap == " " and _given_name(det, prev, taken))
        rare_ok = english and (prev.start in taken or _pivot_given_name(det, prev)
                               or _role_near(words, k - 1, text))
        found = [x for x in candidates if x.people >= (MIN_PEOPLE_ENGLISH if rare_ok else MIN_PEOPLE)]
        if not found:
            continue
        near = text[max(0, w.start - WRITTEN_WINDOW):w.end + WRITTEN_WINDOW]
        written = [x for x in found if x.channel == "en" and x.name.lower() != w.key.lower()
                   and _written(x.name, near)]
        if not given and not (titled and written):
            continue  # «Mme Tisserand» only where «Weaver» is written elsewhere
        french_surname = det.kb.is_correct_token(w.text)
        if french_surname and not (english or written):
            continue  # «Jean Berger»: a French surname after a French given name
        before = words[k - 2] if k >= 2 else None
        if (given and before is not None and prev.start - before.end == 1 and text[before.end] == " "
                and _given_name(det, before, taken)):
            continue  # «Laura Weaver siège au conseil»: the name is whole before the word (a verb here)
        lower = w.text[:1].islower()
        if (not lower and w.sent_start and not titled) or not det.ev.pivot_near(w.start, w.end):
            continue
        tok = tok_at.get(w.start)
        if tok is None or tok.pos_ not in NOUN_TAGS:
            continue  # «Marie annonce», «joue»: a verb after a name, not a surname
        best = written[0] if written else found[0]
        if written:
            conf = NAME_WORD_WRITTEN
        elif french_surname:
            conf = NAME_WORD_FRENCH_SURNAME
        else:
            conf = NAME_WORD_LOWER if lower else NAME_WORD_CAPITALISED
        sugg = name_case(best.name)
        flags.append(Flag(w.start, w.end, w.text, "name/translated", "major", conf, [sugg],
                          explain.name_word(w.text, sugg, best.evidence, prev.text), det.name,
                          {"entity": sugg, "type": "unknown",
                           "mechanism": f"surname translated as a word ({best.evidence})",
                           "in_document": 0}))
        taken.update(range(w.start, w.end))
    return flags
