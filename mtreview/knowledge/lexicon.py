"""Word frequencies (wordfreq) for French and English: is a word a common word, a known name, unknown?

Thin, cached wrappers so that detectors ask "how common is this word in French?" in one place.
Zipf scale: 0 unknown, 1 very rare, 3 common (once per million words), 6+ function words.
"""

from __future__ import annotations

import functools
import math
import unicodedata


@functools.cache
def _load_list(lang: str) -> None:
    """Load wordfreq's list for ``lang`` once, with garbage collection paused (see :mod:`mtreview.loading`)."""
    from wordfreq import get_frequency_dict

    from ..loading import gc_paused

    with gc_paused():
        get_frequency_dict(lang, "best")  # the positional key wordfreq itself uses (lru_cache)


@functools.cache
def frequency_dict(lang: str) -> dict[str, float]:
    """wordfreq's word → frequency table for ``lang`` (its "best" list)."""
    from wordfreq import get_frequency_dict

    _load_list(lang)
    return get_frequency_dict(lang, "best")


def zipf_of_frequency(freq: float) -> float:
    """wordfreq's own rounding: 3 significant digits of the frequency, then Zipf to 2 decimals."""
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


#: letters wordfreq may rewrite for some language (Romanian and Turkish s/t with comma or cedilla)
_REWRITTEN = frozenset("şșţț")


def _plain_letter(c: str) -> bool:
    return "a" <= c <= "z" or 0xDF <= ord(c) <= 0x24F and c not in _REWRITTEN


def is_plain_word(word: str) -> bool:
    """A lower-case (case-folded), NFC word of Latin letters only: wordfreq reads it as one token
    unchanged in every Latin-script language, so its frequency is a plain look-up in the list."""
    return (word.isalpha() and word == word.casefold() and all(map(_plain_letter, word))
            and unicodedata.is_normalized("NFC", word))


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "fr") -> float:
    """wordfreq's ``zipf_frequency(word, lang)`` (the same figure; plain words by direct look-up)."""
    if is_plain_word(word):
        f = frequency_dict(lang).get(word)
        return zipf_of_frequency(f) if f else 0.0
    from wordfreq import zipf_frequency

    _load_list(lang)
    return zipf_frequency(word, lang)


def zipf_fr(word: str) -> float:
    return zipf(word.lower(), "fr")


def zipf_en(word: str) -> float:
    return zipf(word.lower(), "en")
