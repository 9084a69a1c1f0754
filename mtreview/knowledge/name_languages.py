"""How common a spelling is in each of the Latin-script languages that names reach French news from.

The names engine asks whether a proposed original spelling is real somewhere («Wierzbicki» is Polish,
«Kjærgaard» Danish) and which language a surname is at home in. wordfreq answers, but loading its
lists for 14 languages takes about 2 s, too much for a cold ``mtreview check``. This module keeps
what the engine needs — every word at least :data:`MIN_ZIPF` frequent in one of the languages, with
its frequency in each — in one table compiled once from wordfreq into the user's cache (hashes and
Zipf values as memory-mapped numpy arrays, about 30 MB, a few seconds to build) and read in
microseconds. A word missing from the table is below :data:`MIN_ZIPF` in every language.
"""

from __future__ import annotations

import functools
import hashlib
import math
import unicodedata
from pathlib import Path
from typing import Any

#: Latin-script languages whose wordfreq lists (names included) say whether a spelling is a real name
#: somewhere: the languages of most people and companies that reach French news through a pivot
NAME_LANGUAGES = ("en", "de", "nl", "da", "sv", "nb", "fi", "es", "it", "pt", "pl", "cs", "hu", "tr")
#: the table holds the words at least this frequent (Zipf) in one language
MIN_ZIPF = 2.0
#: Zipf values are stored in steps of 1/SCALE
SCALE = 30
_VERSION = 1


def _key(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _cache_dir() -> Path:
    import wordfreq

    from ..loading import cache_root

    tag = f"{_VERSION}-{wordfreq.__version__ if hasattr(wordfreq, '__version__') else ''}-" \
          f"{'.'.join(NAME_LANGUAGES)}-{MIN_ZIPF}-{SCALE}"
    return cache_root() / f"name-languages-{hashlib.sha256(tag.encode()).hexdigest()[:12]}"


def build(folder: Path) -> None:
    """Compile the table from wordfreq into ``folder`` (written to a temporary folder, then renamed)."""
    import numpy as np

    from ..loading import save_cached_folder
    from .lexicon import frequency_dict

    floor = 10 ** (MIN_ZIPF - 9)
    index: dict[str, int] = {}
    lists = [frequency_dict(lang) for lang in NAME_LANGUAGES]
    for d in lists:
        for w, f in d.items():
            if f >= floor and w not in index:
                index[w] = len(index)
    zipfs = np.zeros((len(index), len(NAME_LANGUAGES)), dtype=np.uint8)
    for j, d in enumerate(lists):
        for w, f in d.items():
            i = index.get(w)
            if i is not None and f > 0:
                zipfs[i, j] = min(255, max(0, round((math.log10(f) + 9) * SCALE)))
    keys = np.fromiter((_key(w) for w in index), dtype=np.uint64, count=len(index))
    order = np.argsort(keys, kind="stable")

    def write(tmp: Path) -> None:
        np.save(tmp / "keys.npy", keys[order])
        np.save(tmp / "zipfs.npy", zipfs[order])

    save_cached_folder(folder, write)


@functools.lru_cache(maxsize=1)
def _table() -> tuple[Any, Any]:
    import numpy as np

    folder = _cache_dir()
    if not (folder / "zipfs.npy").exists():
        import logging

        logging.getLogger("mtreview").info("compiling the name-language frequency table (once)")
        build(folder)
    return np.load(folder / "keys.npy", mmap_mode="r"), np.load(folder / "zipfs.npy", mmap_mode="r")


@functools.lru_cache(maxsize=100_000)
def language_zipfs(word: str) -> tuple[float, ...] | None:
    """The Zipf frequency of ``word`` (lower-cased) in each of :data:`NAME_LANGUAGES`, or None when it is
    below :data:`MIN_ZIPF` in all of them."""
    w = unicodedata.normalize("NFC", word.casefold())  # as wordfreq keys its lists («Strauß» → strauss)
    if not w:
        return None
    import numpy as np

    keys, zipfs = _table()
    k = np.uint64(_key(w))
    i = int(np.searchsorted(keys, k))
    if i >= len(keys) or keys[i] != k:
        return None
    return tuple(round(int(z) / SCALE, 2) for z in zipfs[i])


def zipf_in(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` in ``lang`` (one of :data:`NAME_LANGUAGES`); 0.0 for a word below
    :data:`MIN_ZIPF` in every one of them."""
    row = language_zipfs(word)
    return row[NAME_LANGUAGES.index(lang)] if row else 0.0


def zipf_any(word: str) -> tuple[float, str]:
    """The highest Zipf frequency of ``word`` over :data:`NAME_LANGUAGES`, and that language: «Wierzbicki»
    (2.65, "pl"), «Kjærgaard» (3.15, "da"); (0.0, "") below :data:`MIN_ZIPF` in all of them."""
    row = language_zipfs(word)
    if not row:
        return 0.0, ""
    j = max(range(len(row)), key=row.__getitem__)
    return row[j], NAME_LANGUAGES[j]
