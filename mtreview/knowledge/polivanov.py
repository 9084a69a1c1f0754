"""Japanese names through a Russian pivot: Polivanov Cyrillic's romanisations ↔ Hepburn.

Russian writes Japanese names in the Polivanov system (Yoshida → «Ёсида», Tsuchiya → «Цутия», Jun →
«Дзюн»), and a pivot translation romanises that Cyrillic back («Yosida», «Tsutiya», «Dzyun»). Each
Polivanov syllable is one kana, so the way back to Hepburn is regular: «si» is shi, «ti» chi, «dzi» ji,
«sya» sha; い after a vowel is й («Keyko», Keiko); ん before a vowel is нъ («Sin'iti», Shin'ichi) and
before б/п/м it is м; a sokuon doubles the next consonant («Hokkaido», «Hattori»; тти → tchi).

:func:`hepburn_readings` turns a romanised word into its Hepburn readings, :func:`is_japanese_name`
says whether a word is one of the commonest Japanese surnames or given names in Hepburn. Kana table:
``data/lexicon/polivanov_syllables.tsv``; names: ``data/lexicon/japanese_names.tsv`` (both with their
sources).
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from .transliteration import romanise

DATA_DIR = Path(__file__).parent / "data" / "lexicon"
SYLLABLES_FILE = DATA_DIR / "polivanov_syllables.tsv"
NAMES_FILE = DATA_DIR / "japanese_names.tsv"
#: the romanisations of Cyrillic a pivot translation writes Polivanov syllables with; the first two are
#: the usual ones, a reading that needs a form only the others write ranks after
SCHEMES = ("bgn", "adhoc", "passport")
#: a word of more letters is not read syllable by syllable
MAX_LETTERS = 20
_VOWELS = set("aeiou")


def _fold(word: str) -> str:
    """Lower case without diacritics or apostrophes: «Itō» → «ito», «Sin'iti» → «siniti»."""
    w = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in w if c.isalpha() and not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def kana_table() -> tuple[tuple[str, str, str], ...]:
    """The rows of the kana table: (kana, Hepburn, Polivanov Cyrillic)."""
    rows = []
    for line in SYLLABLES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kana\t"):
            continue
        kana, hep, cyr = line.split("\t")
        rows.append((kana, hep, cyr))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Hepburn name (lower case) → «surname» or «given»."""
    names: dict[str, str] = {}
    for line in NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, items = line.split("\t", 1)
        for item in items.split():
            names.setdefault(item, kind)
    return names


def is_japanese_name(word: str) -> bool:
    """One of the commonest Japanese surnames or given names, in Hepburn («Yoshida», «Itō», «Keiko»)."""
    return _fold(word) in _names()


@functools.lru_cache(maxsize=1)
def _latin_index() -> dict[str, list[tuple[str, int]]]:
    """Romanised Polivanov syllable → [(Hepburn, penalty)]; the penalty is 1 for a form only the
    passport scheme writes («ia» for я)."""
    index: dict[str, list[tuple[str, int]]] = {}
    for _, hep, cyr in kana_table():
        for rank, scheme in enumerate(SCHEMES):
            for form, prefix in ((cyr, ""), ("а" + cyr, "a")):  # word-initial and inside a word
                lat = romanise(form, scheme).lower()[len(prefix):]
                if not lat or not lat.isalpha():
                    continue
                entry = (hep, int(rank >= 2))
                entries = index.setdefault(lat, [])
                if (hep, 0) not in entries and entry not in entries:
                    entries.append(entry)
    return index


def _readings(w: str) -> list[tuple[int, int, str]]:
    """(units, penalty, Hepburn) readings of the lower-case romanised word ``w``, best first."""
    index = _latin_index()
    longest = max(map(len, index))
    n = len(w)
    # best[i]: readings of w[i:] as (units, penalty, Hepburn); ``after_vowel`` variants are not needed
    # because й (i after a vowel) is checked against the letter before it
    best: list[list[tuple[int, int, str]]] = [[] for _ in range(n + 1)]
    best[n] = [(0, 0, "")]
    for i in range(n - 1, -1, -1):
        out: list[tuple[int, int, str]] = []
        prev = w[i - 1] if i else ""
        for j in range(i + 1, min(n, i + longest) + 1):
            for hep, pen in index.get(w[i:j], ()):
                for k, p, rest in best[j]:
                    out.append((k + 1, p + pen, hep + rest))
        c = w[i]
        # ん before a vowel, written нъ / н'
        if c == "n" and i + 1 < n and w[i + 1] in "'’":
            out.extend((k + 1, p, "n'" + rest) for k, p, rest in best[i + 2])
        # ん as м before б, п, м
        if c == "m" and i and i + 1 < n and w[i + 1] in "bpm":
            out.extend((k + 1, p, "m" + rest) for k, p, rest in best[i + 1])
        # い after a vowel, written й (bgn «y»; passport and ad hoc «i» is и already)
        if c == "y" and prev in _VOWELS and (i + 1 == n or w[i + 1] not in _VOWELS):
            out.extend((k + 1, p, "i" + rest) for k, p, rest in best[i + 1])
        # a sokuon: the next syllable's consonant doubled
        if i + 1 < n and c == w[i + 1] and c in "kstp" and prev in _VOWELS:
            for k, p, rest in best[i + 1]:
                if rest[:1] == c or (c == "t" and rest[:2] == "ch") or (c == "s" and rest[:2] == "sh"):
                    out.append((k + 1, p, ("t" if rest[:2] == "ch" else rest[0]) + rest))
        best[i] = sorted(set(out))[:16]
    return best[0]


def hepburn_readings(word: str, limit: int = 4) -> list[str]:
    """The Hepburn readings of a word romanised from Polivanov Cyrillic, best first (lower case):
    «Yosida» → «yoshida»; «Tsutiya» → «tsuchiya»; «Dzyun» → «jun»; «Sin'iti» → «shin'ichi». A reading
    that is a common Japanese name comes first, then the fewest syllables, then those written with the
    usual schemes. [] when the word is no sequence of Polivanov syllables."""
    w = word.lower().replace("’", "'")
    if len(w) > MAX_LETTERS or not w.replace("'", "").isalpha() or not w[:1].isalpha():
        return []
    names = _names()
    found = _readings(w)
    found.sort(key=lambda r: (_fold(r[2]) not in names, r[1], r[0]))
    seen: list[str] = []
    for _, _, reading in found:
        if reading not in seen:
            seen.append(reading)
    return seen[:limit]


def is_polivanov(word: str) -> bool:
    """Whether a word reads wholly as romanised Polivanov syllables."""
    return bool(hepburn_readings(word, limit=1))
