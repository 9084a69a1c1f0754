"""Word frequencies (wordfreq) for French and English: is a word a common word, a known name, unknown?

Thin, cached wrappers so that detectors ask "how common is this word in French?" in one place.
Zipf scale: 0 unknown, 1 very rare, 3 common (once per million words), 6+ function words.
"""

from __future__ import annotations

import functools


@functools.cache
def _load_list(lang: str) -> None:
    """Load wordfreq's list for ``lang`` once, with garbage collection paused (see :mod:`mtreview.loading`)."""
    from wordfreq import get_frequency_dict

    from ..loading import gc_paused

    with gc_paused():
        get_frequency_dict(lang, "best")  # the positional key wordfreq itself uses (lru_cache)


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str = "fr") -> float:
    from wordfreq import zipf_frequency

    _load_list(lang)
    return zipf_frequency(word, lang)


def zipf_fr(word: str) -> float:
    return zipf(word.lower(), "fr")


def zipf_en(word: str) -> float:
    return zipf(word.lower(), "en")
