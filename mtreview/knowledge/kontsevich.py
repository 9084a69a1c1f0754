"""Korean names through a Russian pivot: Kontsevich Cyrillic's romanisations ↔ Revised Romanisation.

Russian writes Korean names in the Kontsevich system (Choi → «Чхве», Park → «Пак», Min-seo → «Мин Со»),
and a pivot translation romanises that Cyrillic back («Chkhve», «Pak», «Min So»). Each Kontsevich
syllable is one hangul syllable, though the system merges some that Revised Romanisation (RR) tells
apart (ㅓ and ㅗ are both о, final ㄴ and ㅇ both н): the readings are ranked by how often Korean given
names use each syllable. Surnames are read to their usual passport spelling (Чхве → Choi, Пак → Park,
Ли → Lee), the commonest surname first.

:func:`rr_readings` turns a romanised word into its RR readings, :func:`korean_surname` a romanised
surname into its usual spellings, :func:`is_korean_surname` says whether a word is a usual spelling of a
Korean surname. Tables, surnames and given-name syllables: ``data/lexicon/kontsevich_syllables.tsv``
(with its sources).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .transliteration import romanise

DATA_FILE = Path(__file__).parent / "data" / "lexicon" / "kontsevich_syllables.tsv"
#: the romanisations of Cyrillic a pivot translation writes Kontsevich syllables with
SCHEMES = ("bgn", "adhoc", "passport")
#: the most hangul syllables read in one word (a given name has two, a surname one or two)
MAX_SYLLABLES = 3
#: the rank given to a syllable no common given name uses
RARE = 200


@dataclass(frozen=True)
class _Tables:
    initials: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # RR, word-initial forms, forms
    # after a voiced sound
    vowels: tuple[tuple[str, tuple[str, ...]], ...]
    finals: tuple[tuple[str, str], ...]
    surnames: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # RR, Cyrillic forms, spellings
    given: dict[str, int]  # RR syllable → rank in given names


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    initials, vowels, finals, surnames = [], [], [], []
    given: dict[str, int] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, key, *cols = (line.split("\t") + ["", "", ""])[:5]
        if kind == "initial":
            initials.append((key, tuple(cols[0].split(",")), tuple(cols[1].split(","))))
        elif kind == "vowel":
            vowels.append((key, tuple(cols[0].split(","))))
        elif kind == "final":
            finals.append((key, cols[0]))
        elif kind == "surname":
            surnames.append((cols[0], tuple(cols[1].split(",")), tuple(cols[2].split(","))))
        elif kind == "given":
            for syl in key.split():
                given.setdefault(syl, len(given))
    return _Tables(tuple(initials), tuple(vowels), tuple(finals), tuple(surnames), given)


def _latin(cyr: str, scheme: str, initial: bool) -> str:
    form, prefix = (cyr, "") if initial else ("а" + cyr, "a")
    return romanise(form, scheme).lower()[len(prefix):]


@functools.lru_cache(maxsize=1)
def _latin_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Romanised Kontsevich syllable → its RR syllables, at the start of a word and inside one."""
    t = _tables()
    first: dict[str, list[str]] = {}
    inside: dict[str, list[str]] = {}
    for ini_rr, ini_cyrs, mid_cyrs in t.initials:
        # a given name's syllables are often written apart, each its own word, in their medial form
        forms = [(first, c, True) for c in ini_cyrs + mid_cyrs] + [(inside, c, False) for c in ini_cyrs + mid_cyrs]
        for v_rr, v_cyrs in t.vowels:
            for f_rr, f_cyr in t.finals:
                rr = ini_rr + v_rr + f_rr
                _RR.add(rr)
                for v_cyr in v_cyrs:
                    if ini_rr and v_cyr.startswith("й"):
                        continue  # йе, йя only without an initial consonant
                    for scheme in SCHEMES:
                        for index, cyr, initial in forms:
                            lat = _latin(cyr + v_cyr + f_cyr, scheme, initial)
                            if lat.isalpha() and rr not in index.setdefault(lat, []):
                                index[lat].append(rr)
    return first, inside


#: every RR syllable the tables make (filled with the index)
_RR: set[str] = set()


def rr_score(word: str) -> int | None:
    """How usual a word already written in RR is as a given name (the lowest sum of the ranks of its
    syllables, :func:`rr_syllables`' scale), or None when it is no sequence of RR syllables."""
    _latin_index()
    w = word.lower().replace("-", "").replace("'", "").replace("’", "")
    if not w.isalpha() or len(w) > 6 * MAX_SYLLABLES:
        return None
    best: list[int | None] = [None] * (len(w) + 1)
    best[len(w)] = 0
    for i in range(len(w) - 1, -1, -1):
        for j in range(i + 1, min(len(w), i + 7) + 1):
            rest = best[j]
            if rest is not None and w[i:j] in _RR:
                score = rest + _score((w[i:j],))
                if best[i] is None or score < best[i]:  # type: ignore[operator]
                    best[i] = score
    return best[0]


def _score(syllables: tuple[str, ...]) -> int:
    given = _tables().given
    return sum(given.get(s, RARE) for s in syllables)


def rr_syllables(word: str, limit: int = 4) -> list[tuple[str, ...]]:
    """The readings of a romanised Kontsevich word as RR syllables, best first: «So» → («seo»,), …;
    «Minso» → («min», «seo»), … The fewest syllables first, then the syllables given names use most.
    [] when the word is no sequence of Kontsevich syllables."""
    w = word.lower().replace("’", "").replace("'", "").replace("-", "")
    if not w.isalpha() or len(w) > 6 * MAX_SYLLABLES:
        return []
    first, inside = _latin_index()
    longest = max(map(len, first))
    found: list[tuple[str, ...]] = []

    def walk(i: int, done: tuple[str, ...]) -> None:
        if i == len(w):
            found.append(done)
            return
        if len(done) == MAX_SYLLABLES:
            return
        index = first if i == 0 else inside
        for j in range(i + 1, min(len(w), i + longest) + 1):
            for rr in index.get(w[i:j], ()):
                walk(j, done + (rr,))

    walk(0, ())
    found = sorted(set(found), key=lambda s: (len(s), _score(s), s))
    return found[:limit]


def reading_score(word: str) -> int | None:
    """How usual a given name the best reading of a romanised Kontsevich word is (lower is commoner, on
    :func:`rr_score`'s scale); None when it is no sequence of Kontsevich syllables."""
    found = rr_syllables(word, limit=1)
    return _score(found[0]) if found else None


def rr_readings(word: str, limit: int = 4) -> list[str]:
    """The RR readings of a romanised Kontsevich word, syllables joined, best first (lower case):
    «So» → «seo»; «Dzhi» → «ji»; «Minso» → «minseo»."""
    out: list[str] = []
    for syls in rr_syllables(word, limit=4 * limit):
        reading = "".join(syls)
        if reading not in out:
            out.append(reading)
    return out[:limit]


@functools.lru_cache(maxsize=1)
def _surname_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Romanised Kontsevich surname → its usual spellings; usual spelling or RR → all usual spellings."""
    by_pivot: dict[str, list[str]] = {}
    by_spelling: dict[str, list[str]] = {}
    for rr, cyrs, spellings in _tables().surnames:
        for cyr in cyrs:
            for scheme in SCHEMES:
                lat = romanise(cyr, scheme).lower()
                entries = by_pivot.setdefault(lat, [])
                entries.extend(s for s in spellings if s not in entries)
        for s in (*spellings, rr):
            entries = by_spelling.setdefault(s.lower(), [])
            entries.extend(x for x in spellings if x not in entries)
    return by_pivot, by_spelling


def korean_surname(word: str) -> list[str]:
    """The usual spellings of a Korean surname romanised from Kontsevich Cyrillic, commonest surname
    first: «Chkhve» → [«Choi», «Choe»]; «Pak» → [«Park», «Bak»]; «Li» → [«Lee», «Yi», «Rhee»]. []
    when the word is no Korean surname."""
    return list(_surname_index()[0].get(word.lower().replace("'", ""), []))


def is_korean_surname(word: str) -> bool:
    """A usual (or RR) spelling of a Korean surname as written: «Choi», «Park», «Jeong»."""
    return word.lower() in _surname_index()[1]


def surname_spellings(word: str) -> list[str]:
    """All the usual spellings of the surname a usual or RR spelling writes: «Choe» → [«Choi», «Choe»]."""
    return list(_surname_index()[1].get(word.lower(), []))
