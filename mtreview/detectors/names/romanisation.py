"""Signs, in one word, that a name was romanised back from Cyrillic (the Russian pivot).

The digraphs of a romanisation («zh», «kh», «ya» …), the pivot signature of a spelling
(:func:`mtreview.translit.signature.pivot_score`), the Wikidata pivot forms of real names
(:mod:`mtreview.knowledge.pivot_forms`) and the base's own pivot variants decide whether a word is one
that only a Russian pivot writes (:func:`shows_pivot`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.names import NameKnowledgeBase
from ...knowledge.pivot_forms import lookup as lookup_pivot_form
from ...knowledge.spellings import is_real_spelling
from ...translit.signature import pivot_score

if TYPE_CHECKING:  # pragma: no cover
    from .mentions import Match

#: digraphs and endings that a romanisation from Cyrillic writes and Latin-script spellings of names
#: rarely do («Zhaiir», «Kharkov», «Mileya», «Dmitriy», «Yuriy»)
_CYRILLIC_DIGRAPHS = ("zh", "kh", "shch", "iy$", "yy", "ya", "yu", "ye", "yo", "ii", "iu", "ia$", "ej$", "ij$")
# The two patterns below share those digraphs and differ in three of them. They were weighed on
# different decisions and cannot be one pattern without changing flags: ROMANISATION_MARKERS also
# counts «sch» and «ts» anywhere (a spelling with them is less likely the right one of two, and a lone
# pivot match with them is a fingerprint); ROMANISED, which only opens the door to a pivot-signature
# test, takes «ts» at the end only and adds «aa». No two alternatives match at the same position, so
# the order in which they are listed changes nothing (not even findall's count).
#: romanisation markers: a lone word's Russian fingerprint (:func:`pivot_fingerprint`) and, counted,
#: what makes one of two spellings of a name in a document the less likely one
ROMANISATION_MARKERS = re.compile("|".join(_CYRILLIC_DIGRAPHS + ("sch", "ts")), re.IGNORECASE)
#: a word that may have been romanised from Cyrillic, to be confirmed by its pivot signature
#: (:func:`shows_pivot`, the open-vocabulary check)
ROMANISED = re.compile("|".join(_CYRILLIC_DIGRAPHS + ("ts$", "aa")), re.IGNORECASE)
#: letters of the French transcription of Russian («Souleïmenov», «Ianoukovitch»): the form the French
#: press writes, not one to correct
FRENCH_TRANSCRIPTION = re.compile(r"ï|tch", re.IGNORECASE)
#: pivot signature (mtreview.translit.signature) from which an unknown word is sent to the
#: transliteration model (with a romanisation digraph, a sign of the pivot)
SIGNATURE_OPEN = 0.6
#: pivot signature from which a word is a sign of the pivot on its own
SIGNATURE_STRONG = 0.85
#: a pivot form is trusted when its original occurs this many times more often than the form as a name
PIVOT_FORM_DOMINANCE = 10.0
#: ... and, for a word that is itself a real spelling, only beside signs of the pivot and this dominant
PIVOT_FORM_REAL_DOMINANCE = 50.0
#: countries whose names are written in Cyrillic: a Latin spelling of their people's names is a
#: transcription (English or French), never an original form to keep
CYRILLIC_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "MN", "ME"})
#: a word at least this frequent (Zipf, French or English) is no lone pivot fingerprint
FINGERPRINT_MAX_ZIPF = 2.0


def shows_pivot(kb: NameKnowledgeBase, word: str) -> bool:
    """A capitalised word that only a Russian pivot writes: no language writes it (not a real
    spelling) and it is an exact romanisation of a Russian form of a known name, or carries the
    digraphs of a romanisation from Cyrillic («Zhaiir», «Mileya», «Dzhon»)."""
    if zipf_fr(word) > 0.0 or zipf_en(word) >= 1.0 or is_real_spelling(word):
        return False
    if any(v.kind == "pivot" for v in kb.lookup(word)):
        return True
    pf = lookup_pivot_form(word)
    if pf is not None and pf.dominance >= PIVOT_FORM_DOMINANCE:
        return True
    return pivot_score(word) >= SIGNATURE_STRONG or (
        bool(ROMANISED.search(word)) and pivot_score(word) >= SIGNATURE_OPEN)


def pivot_fingerprint(x: Match, word: str) -> bool:
    """A lone word is taken for a re-romanised name only with a Russian fingerprint: an exact
    romanisation of a declined form, or of the nominative with digraphs no Latin-script
    spelling of the name has (zh, kh, ya …), and the word unknown to French and English."""
    v = x.variant
    if v.kind != "pivot" or x.similarity < 1.0 or v.detail.endswith("/french"):
        return False
    if max(zipf_en(word), zipf_fr(word)) >= FINGERPRINT_MAX_ZIPF:
        return False
    case = v.detail.split("/")[0]
    return case not in ("nom", "") or bool(ROMANISATION_MARKERS.search(word))


#: the romanisations a pivot translation writes Russian with, for :func:`written_by_pivot`
ROUND_TRIP_SCHEMES = ("bgn", "passport", "gost", "iso9")


def written_by_pivot(word: str) -> bool:
    """Is ``word`` exactly what a romanisation of Russian writes — read back into Cyrillic and romanised
    again, it comes out unchanged («Natan», «Eduard», «Kristian»)? A spelling no romanisation of Russian
    produces («Carl»: «Карл» gives «Karl»; «Chamath») did not come through the pivot and is left as written."""
    from ...knowledge.transliteration import bgn_to_cyrillic, romanise

    cyr = bgn_to_cyrillic(word)
    return bool(cyr) and any(romanise(cyr, s) == word for s in ROUND_TRIP_SCHEMES)
