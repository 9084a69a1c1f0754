"""Russian names missing from the base in the English convention: «Yevgeny Prigozhin» → «Evgueni
Prigojine» (the French transcription of the Russian)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.pivot_forms import lookup as lookup_pivot_form
from . import explain
from .confidence import RUSSIAN_LOCALE_PIVOT, RUSSIAN_LOCALE_PLAIN
from .romanisation import PIVOT_FORM_DOMINANCE
from .tokens import Word, keeps_original

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: a surname this frequent in French (Zipf) is a word, not a Russian surname
SURNAME_MAX_ZIPF = 2.0
#: East Slavic surname endings (-ov, -ev, -in, -sky, -enko, -uk, -ich and their feminine forms)
RUSSIAN_SURNAME = re.compile(r"(?:[oe]v|[oe]va|[iy]na?|sk(?:y|iy|ii|i|aya)|tsk(?:y|iy|aya)|enko|[cy]?uk|[vt]?ich|kaya)$",
                             re.IGNORECASE)
#: a given name or surname this frequent in English (Zipf) is international, not a mark of Russian
INTERNATIONAL_ZIPF_EN = 3.0


def slavic_surname(word: str) -> bool:
    """An East Slavic surname («Zhuravlyov», «Lavrentyeva»), not the pivot form of a Latin one that
    happens to end like one («Uestbruk» of Westbrook): when the pairs read it as a pivot form, the
    original must be Slavic too («Zhuravlev», the English spelling of the same Russian name)."""
    if not RUSSIAN_SURNAME.search(word):
        return False
    pf = lookup_pivot_form(word)
    return pf is None or pf.dominance < PIVOT_FORM_DOMINANCE or bool(RUSSIAN_SURNAME.search(pf.original))


def flag_russian_locale(det: NamesDetector, words: list[Word], text: str, taken: set[int],
                        slavic_only: bool = False) -> list[Flag]:
    """«Yevgeny Prigozhin» for a Russian not in the base: English convention → French transcription.
    A Russian given name in the English convention (:func:`~mtreview.knowledge.russian_names.given_name_fr`)
    followed by a capitalised surname the base does not know; the flagged span joins ``taken``.
    ``slavic_only``: only surnames with an East Slavic ending («Zhuravlyov», «Lavrentyeva»), read before
    the checks that take a word for the pivot form of a Latin name (the pairs hold Russians under their
    English spelling too, so «Zhuravlyov» would read as a pivot form of «Zhuravlev»)."""
    from ...knowledge.russian_names import given_name_fr, is_scheme_romanisation
    from ...knowledge.transliteration import french_form_of_english_russian

    flags = []
    for i in range(len(words) - 1):
        g, sname = words[i], words[i + 1]
        if g.start in taken or sname.start in taken or sname.start - g.end != 1 or not sname.capitalised:
            continue
        fr_given = given_name_fr(g.text)
        if fr_given is None or det.kb.lookup(sname.key):
            continue
        if zipf_fr(sname.key) >= SURNAME_MAX_ZIPF:
            continue
        if slavic_only and not slavic_surname(sname.key):
            continue
        # the person must be Russian: a Russian surname, or a given name that only a romanisation of
        # Russian writes («Yevgeny»); «Paul Robeson» or «Julia Görges» are nobody's English convention
        if not ((RUSSIAN_SURNAME.search(sname.key) and zipf_en(sname.key) < INTERNATIONAL_ZIPF_EN)
                or (is_scheme_romanisation(g.text) and zipf_en(g.text) < INTERNATIONAL_ZIPF_EN)):
            continue
        pf = lookup_pivot_form(sname.key)
        if pf is not None and pf.dominance >= PIVOT_FORM_DOMINANCE and not RUSSIAN_SURNAME.search(sname.key):
            continue  # «Eduard Uitmor»: the surname is the pivot form of a Latin one (Whitmore), not Russian
        fr_sur = french_form_of_english_russian(sname.text)
        if fr_given == g.text:
            continue  # the given name is already French (or the same in both): no evidence
        sugg = f"{fr_given} {fr_sur}"
        span = text[g.start:sname.end]
        if keeps_original(span, sugg):
            continue
        # the English transcription is the form most of the world writes: an error only where
        # the text shows it came through Russian
        conf = RUSSIAN_LOCALE_PIVOT if det.ev.pivot_near(g.start, sname.end) else RUSSIAN_LOCALE_PLAIN
        flags.append(Flag(g.start, sname.end, span, "name/locale", "minor", conf, [sugg],
                          explain.russian_locale(span, sugg), det.name,
                          {"entity": sugg, "type": "person", "mechanism": "English romanisation of a Russian name",
                           "in_document": 0}))
        taken.update(range(g.start, sname.end))
    return flags
