"""Names the base does not know, written as an exact pivot form of a real name: «Stivenson»
(«Стивенсон» romanised, from «Stevenson»), «Kolvina» (the genitive of «Колвин»), found in the inverted
Wikidata name pairs (:mod:`mtreview.knowledge.pivot_forms`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.pivot_forms import PivotForm
from ...knowledge.pivot_forms import lookup as lookup_pivot_form
from ...knowledge.russian_names import given_name_fr
from ...knowledge.spellings import is_real_spelling
from ...knowledge.transliteration import normalise_latin
from . import explain
from .confidence import open_world, pivot_form_confidence
from .evidence import NAMING_KINDS, written_near
from .romanisation import FRENCH_TRANSCRIPTION, PIVOT_FORM_DOMINANCE, PIVOT_FORM_REAL_DOMINANCE, shows_pivot
from .russian_locale import slavic_surname
from .tokens import Word, keeps_original, name_case

if TYPE_CHECKING:  # pragma: no cover
    from ...knowledge.names import NameKnowledgeBase
    from .detector import NamesDetector

#: a word this frequent (Zipf) in French or English is a word, never read as a pivot form
PIVOT_FORM_COMMON_ZIPF = 2.5
#: a word at least this frequent in English (Zipf) is a real spelling
REAL_ZIPF_EN = 1.5
#: a pivot form rare in the pairs is read as one only from this length on ...
RARE_MIN_LETTERS = 5
#: ... and when English (names included) knows it less than this (Zipf)
RARE_MAX_ZIPF_EN = 1.0


def rare_pivot_form(pf: PivotForm, word: str) -> bool:
    """A pivot form of a name rare in the pairs (fewer than :data:`PIVOT_FORM_DOMINANCE` of them) is
    still read as one when nobody is called by the form itself (the pairs never write it as an original,
    no language lists it as a word or a name token) and it is at least :data:`RARE_MIN_LETTERS` long:
    «Babish» (of «Babiš») is written by a Russian pivot only. A form that differs from its original
    only by what Russian cannot write (a doubled letter: «Taneti» of «Taaneti»), or only by a case
    ending added to it («Blitta», a town, as a genitive of «Blitt»), may be a name's own spelling and is
    not read as one."""
    return (pf.own == 0 and len(word) >= RARE_MIN_LETTERS and not is_real_spelling(word)
            and not normalise_latin(word).startswith(normalise_latin(pf.original))
            and zipf_fr(word) == 0.0 and zipf_en(word) < RARE_MAX_ZIPF_EN)


def pivot_neighbour(kb: NameKnowledgeBase, w: Word) -> bool:
    """A capitalised word beside a name that shows the pivot: one only the pivot writes
    (:func:`.romanisation.shows_pivot`), or an exact pivot form of a real name that is far commoner than
    the form itself, and English and French do not know («Uilson» of «Wilson»)."""
    if not w.capitalised or len(w.key) < 4:
        return False
    if shows_pivot(kb, w.key):
        return True
    pf = lookup_pivot_form(w.key)
    return (pf is not None and pf.dominance >= PIVOT_FORM_REAL_DOMINANCE and zipf_fr(w.key) == 0.0
            and zipf_en(w.key) < REAL_ZIPF_EN and not FRENCH_TRANSCRIPTION.search(w.key))


def _russian_in_english(given: Word, surname: Word) -> bool:
    """«Kseniya Lavrentyeva», «Dmitry Zhuravlyov»: a Russian given name in the English convention before
    an East Slavic surname. The pairs hold Russians under their English spelling too («Zhuravlev» for
    «Журавлёв»), so the surname is another romanisation of the same Russian name, not the pivot form of
    a Latin one: its French form is :mod:`.russian_locale`'s to give («Jouravliov»), and the feminine
    «-eva» is no genitive to strip («Lavrentyeva» is not «Lavrentjev»)."""
    # the given name first: a dict lookup that rules out nearly every pair before the surname's pivot lookup
    return given.capitalised and given_name_fr(given.text) is not None and slavic_surname(surname.key)


def flag_pivot_forms(det: NamesDetector, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
    """Names the base does not know, written as an exact pivot form of a real name («Stivenson»:
    «Стивенсон» romanised, from «Stevenson»; «Kolvina»: the genitive of «Колвин»), found in the
    inverted Wikidata name pairs (:mod:`mtreview.knowledge.pivot_forms`). A word that is itself a
    real spelling («Pol», «Edvard») is suspected only where the text shows the pivot and the original
    is far commoner; without signs of the pivot nearby the correction is a suggestion. Flagged spans
    join ``taken``."""
    kb = det.kb
    flags = []
    for k, w in enumerate(words):
        if (w.start in taken or not w.capitalised or len(w.key) < 3 or FRENCH_TRANSCRIPTION.search(w.key)
                or any(v.kind in NAMING_KINDS for v in kb.lookup(w.key))):
            continue
        prev = words[k - 1] if k > 0 else None
        if prev is not None and w.start - prev.end <= 1 and _russian_in_english(prev, w):
            continue  # «Dmitry Zhuravlyov»: a Russian's name in the English convention (.russian_locale)
        parts = w.key.split("-")
        found: list[PivotForm | None] = []
        for part in parts:
            pf = lookup_pivot_form(part) if len(part) >= 3 else None
            if pf is not None and (len(parts) > 1 and is_real_spelling(part)):
                pf = None
            if pf is not None and pf.dominance < PIVOT_FORM_DOMINANCE and not rare_pivot_form(pf, part):
                pf = None
            found.append(pf)
        if not any(found):
            continue
        if zipf_fr(w.key) >= PIVOT_FORM_COMMON_ZIPF or zipf_en(w.key) >= PIVOT_FORM_COMMON_ZIPF:
            continue  # a common word («Sans», «Roi», «Men») is not read as a name's pivot form
        real = is_real_spelling(w.key) or zipf_fr(w.key) > 0.0 or zipf_en(w.key) >= REAL_ZIPF_EN
        sugg = "-".join(name_case(pf.original) if pf is not None else part
                        for part, pf in zip(parts, found, strict=True))
        if w.text[:1].isupper():
            sugg = sugg[:1].upper() + sugg[1:]
        if keeps_original(w.text, sugg):
            continue
        # the original written nearby («Stephen Colbert» … «Stiven Colbert»), or a name beside it that
        # only the pivot writes («Dzhek Dorsi», «Dzheims Uilson»), is evidence for this word
        written = bool(written_near(text, sugg, w.start, w.end))
        nxt = words[k + 1] if k + 1 < len(words) else None
        beside = ((nxt is not None and nxt.start - w.end <= 1 and pivot_neighbour(kb, nxt))
                  or (prev is not None and w.start - prev.end <= 1 and pivot_neighbour(kb, prev)))
        supported = det.ev.pivot_near(w.start, w.end, w.key) or beside or written
        dominance = min(pf.dominance for pf in found if pf is not None)
        if real and not ((written or beside) and dominance >= PIVOT_FORM_REAL_DOMINANCE):
            continue  # a real spelling is suspected only beside its own evidence
        conf = pivot_form_confidence(dominance, real)
        if not supported:
            conf = open_world(conf)
        conf = round(conf, 3)
        shown = ", ".join(f"« {pf.form} » ← « {pf.original} »" for pf in found if pf is not None)
        flags.append(Flag(w.start, w.end, text[w.start:w.end], "name/corrupted", "major", conf, [sugg],
                          explain.pivot_form(w.text, shown, sugg), det.name,
                          {"entity": sugg, "type": "unknown",
                           "mechanism": f"pivot form of a real name ({shown}; the original is "
                                        f"{dominance:.0f}× commoner)",
                           "in_document": 0}))
        taken.update(range(w.start, w.end))
    return flags
