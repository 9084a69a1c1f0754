"""Russian words written in Latin letters: «vystavka» is выставка (*exhibition*) romanised, a word a
translation left untranslated. :func:`cyrillic_readings` turns a Latin word back into the Cyrillic
spellings the usual romanisations (BGN/PCGN, ISO 9-like, French-style) may have come from, and
:func:`russian_word` keeps the one pymorphy3's Russian dictionary knows as a common word."""

from __future__ import annotations

import functools
import itertools
import re

#: Latin sequences and the Cyrillic letters they may stand for, longest first
_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shch", ("щ",)), ("tch", ("ч",)), ("sch", ("щ", "ш")), ("zh", ("ж",)), ("kh", ("х",)), ("ts", ("ц", "тс")),
    ("ch", ("ч",)), ("sh", ("ш",)), ("yu", ("ю",)), ("iu", ("ю", "иу")), ("ya", ("я",)), ("ia", ("я", "иа")),
    ("yo", ("ё", "йо")), ("ye", ("е", "ье")), ("yi", ("ый", "ий")), ("iy", ("ий",)), ("ei", ("ей",)),
    ("ai", ("ай",)), ("oi", ("ой",)), ("ui", ("уй",)),
    ("a", ("а",)), ("b", ("б",)), ("v", ("в",)), ("g", ("г",)), ("d", ("д",)), ("e", ("е", "э")),
    ("z", ("з",)), ("i", ("и", "й")), ("y", ("ы", "й", "ь")), ("k", ("к",)), ("l", ("л", "ль")), ("m", ("м",)),
    ("n", ("н",)), ("o", ("о",)), ("p", ("п",)), ("r", ("р",)), ("s", ("с",)), ("t", ("т",)), ("u", ("у",)),
    ("f", ("ф",)), ("h", ("х",)), ("c", ("ц", "к")), ("w", ("в",)), ("x", ("кс",)), ("j", ("й", "дж")),
    ("q", ("к",)), ("'", ("ь",)),
)
#: the most Cyrillic spellings tried for one word
MAX_READINGS = 256
#: a Russian word rarer than this (wordfreq Zipf) is a term of its own («дацан», a Buryat monastery, is
#: «datsan» in French too), not a word the translation forgot
MIN_RUSSIAN_ZIPF = 2.5
#: parts of speech (OpenCorpora tags) of a word a translation should have translated
CONTENT_POS = frozenset({"NOUN", "ADJF", "VERB", "INFN", "ADVB", "PRTF"})
_LATIN_WORD = re.compile(r"[a-z']+")


def cyrillic_readings(word: str) -> list[str]:
    """The Cyrillic spellings a lower-case Latin word may romanise, at most :data:`MAX_READINGS`."""
    w = word.lower()
    if not _LATIN_WORD.fullmatch(w):
        return []
    parts: list[tuple[str, ...]] = []
    i = 0
    while i < len(w):
        for lat, cyr in _TABLE:
            if w.startswith(lat, i):
                parts.append(cyr)
                i += len(lat)
                break
        else:
            return []
    return ["".join(p) for p in itertools.islice(itertools.product(*parts), MAX_READINGS)]


@functools.lru_cache(maxsize=50_000)
def russian_word(word: str) -> str | None:
    """The Cyrillic word of pymorphy3's dictionary that ``word`` romanises — a common word (noun,
    adjective, verb, adverb, participle; Zipf ≥ :data:`MIN_RUSSIAN_ZIPF` in Russian), not a name or a
    place — or None."""
    from wordfreq import zipf_frequency

    from .homographs import russian_morph

    m = russian_morph()
    for cyr in cyrillic_readings(word):
        if not m.word_is_known(cyr) or zipf_frequency(cyr, "ru") < MIN_RUSSIAN_ZIPF:
            continue
        for p in m.parse(cyr)[:2]:
            tags = p.tag
            if tags.POS in CONTENT_POS and not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & tags.grammemes):
                return cyr
    return None
