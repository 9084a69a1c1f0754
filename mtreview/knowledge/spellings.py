"""Real spellings: is a word written the way real names and words are written somewhere?

The open-world names check asks this before it "corrects" a name it does not know: «Brawn» (the
Formula 1 team), «Raabe», «Redmayne» or «Karolína» are correct spellings of other names, not
corruptions of the nearest entity of the base. Two sources, both general and offline:

* the Latin-script tokens of Wikidata person names (CC0, ``data/lexicon/wikidata_name_tokens.txt.gz``,
  164,640 given names and surnames of many languages, diacritics kept);
* wordfreq's word lists in 27 Latin-script languages (names included), through
  :func:`mtreview.translit.rerank.name_zipf`.

A re-romanised form («Zhaiir», «Mileya», «Sholts») is in neither.
"""

from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path

from ..loading import gc_paused

NAME_TOKENS_FILE = Path(__file__).resolve().parent / "data" / "lexicon" / "wikidata_name_tokens.txt.gz"

#: a word at least this frequent (Zipf) in some Latin-script language is a real spelling
REAL_SPELLING_ZIPF = 2.0


@functools.lru_cache(maxsize=1)
def name_tokens() -> frozenset[str]:
    """Lower-cased tokens of real person names (Wikidata, CC0)."""
    if not NAME_TOKENS_FILE.exists():
        return frozenset()
    with gc_paused(), gzip.open(NAME_TOKENS_FILE, "rt", encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip())


@functools.lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """The words at least as frequent as :data:`REAL_SPELLING_ZIPF` in some Latin-script wordfreq
    language (27 lists), built once and kept in the disk cache (a worker then starts in a fraction of
    a second instead of reading 27 lists)."""
    import wordfreq

    from ..loading import cache_root, load_cached, save_cached
    from ..translit.rerank import _languages
    from .lexicon import frequency_dict, zipf_of_frequency

    langs = _languages()
    tag = f"{getattr(wordfreq, '__version__', 'x')}-{REAL_SPELLING_ZIPF}-{'-'.join(langs)}"
    path = cache_root() / f"frequent-words-{tag}.pkl"
    got = load_cached(path, frozenset)
    if got is None:
        words: set[str] = set()
        with gc_paused():
            for lang in langs:
                words.update(w for w, f in frequency_dict(lang).items()
                             if zipf_of_frequency(f) >= REAL_SPELLING_ZIPF)
        got = frozenset(words)
        save_cached(path, got, "frequent-words-*.pkl")
    return got


@functools.lru_cache(maxsize=100_000)
def is_real_spelling(word: str) -> bool:
    """True when ``word`` (any case) is a token of a real person's name or a word of some
    Latin-script language at least as frequent as :data:`REAL_SPELLING_ZIPF`."""
    low = word.lower()
    if low in name_tokens():
        return True
    if low in frequent_words():
        return True
    parts = [x for x in re.split(r"[-'’]", low) if x]
    if len(parts) > 1:  # «jean-luc», «o'neal»: every part real
        return all(x in frequent_words() or x in name_tokens() for x in parts)
    return False


#: Hunspell's French dictionary (Debian package ``hunspell-fr``), first found wins
HUNSPELL_FR = (Path("/usr/share/hunspell/fr_FR.dic"), Path("/usr/share/hunspell/fr.dic"))


@functools.lru_cache(maxsize=1)
def french_dictionary_words() -> frozenset[str]:
    """Lower-case headwords of Hunspell's French dictionary: the common words of French, without
    the names that wordfreq's figures include («Musk», Zipf 3.1, is no French word; «pour» is).
    Empty when the dictionary is not installed."""
    for path in HUNSPELL_FR:
        if path.exists():
            with gc_paused(), path.open(encoding="utf-8", errors="replace") as f:
                next(f, None)  # the entry count
                return frozenset(w for line in f
                                 if (w := line.split("/", 1)[0].split(None, 1)[0] if line.strip() else "")
                                 and w[:1].islower())
    return frozenset()


def is_french_word(word: str) -> bool:
    """Is the lower-case form of ``word`` a French dictionary word? (Without the dictionary: by
    wordfreq's French frequency, Zipf ≥ 3.)"""
    words = french_dictionary_words()
    if words:
        return word.lower() in words
    from .lexicon import zipf_fr

    return zipf_fr(word) >= 3.0
