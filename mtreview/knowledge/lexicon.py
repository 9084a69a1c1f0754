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



# --------------------------------------------------------------------------- fr-mono corpus counts
#: lower-cased word → (count, count written in lower case) over 19.6M words of human-written French
#: (``data/lexicon/fr_mono_words.tsv.gz``, built by ``scripts/build_fr_mono_lexicon.py``; forms seen at
#: least twice)
FR_MONO_PATH = "data/lexicon/fr_mono_words.tsv.gz"
#: «the corpus attests the word several times»
ATTESTED_MIN = 3
#: an attested form is still a variant spelling when its accent-folded twin is this many times commoner
#: («célébre»: 6 times, mostly in 19th-century books, against 697 «célèbre»)
VARIANT_RATIO = 100


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@functools.cache
def fr_mono_counts() -> dict[str, tuple[int, int]]:
    """The fr-mono word counts: ``{form: (count, lower_count)}`` (empty when the file is missing)."""
    import gzip
    from pathlib import Path

    path = Path(__file__).resolve().parent / FR_MONO_PATH
    out: dict[str, tuple[int, int]] = {}
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, c, lo = line.rstrip("\n").split("\t")
            out[w] = (int(c), int(lo))
    return out


@functools.cache
def _fr_mono_folded() -> dict[str, int]:
    best: dict[str, int] = {}
    for w, (c, _lo) in fr_mono_counts().items():
        k = _fold(w)
        if c > best.get(k, 0):
            best[k] = c
    return best


def corpus_count(word: str) -> int:
    """How often the fr-mono corpus has ``word`` (case-folded; 0 when absent or seen once)."""
    return fr_mono_counts().get(word.lower().replace("’", "'"), (0, 0))[0]


def corpus_attests(word: str, min_count: int = ATTESTED_MIN) -> bool:
    """True when human-written French (the fr-mono corpus) has ``word`` at least ``min_count`` times and
    the word is not a rare accent variant of a much commoner form."""
    w = word.lower().replace("’", "'")
    c = corpus_count(w)
    if c < min_count:
        return False
    return c * VARIANT_RATIO >= _fr_mono_folded().get(_fold(w), c)
