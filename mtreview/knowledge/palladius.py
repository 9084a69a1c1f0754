"""Chinese names through a Russian pivot: pinyin ↔ Palladius Cyrillic ↔ its romanisations.

Russian writes Chinese names in the Palladius system (Zhou Yiting → «Чжоу Итин», Huang → «Хуан»), and a
pivot translation romanises that Cyrillic back («Chzhou Itin», «Khuan»). The way back to pinyin is
regular: each Palladius syllable is one pinyin syllable, except that the romanisation drops the soft sign
that tells -n («Хуань», huan) from -ng («Хуан», huang); the literal reading (-ng) comes first.

:func:`pinyin_readings` turns a romanised word into its pinyin readings, :func:`is_pinyin` says whether a
word is written in pinyin, :func:`is_chinese_surname` whether it is one of the commonest surnames.
Syllables and surnames: ``data/lexicon/pinyin_syllables.tsv`` (with its sources); the Cyrillic of each
syllable is derived here by the Palladius rules.
"""

from __future__ import annotations

import functools
from pathlib import Path

from .transliteration import romanise

DATA_FILE = Path(__file__).parent / "data" / "lexicon" / "pinyin_syllables.tsv"
#: the romanisations of Cyrillic a pivot translation writes Palladius syllables with
SCHEMES = ("bgn", "passport", "adhoc")
#: a word of more letters is not read syllable by syllable (no Chinese name is that long)
MAX_LETTERS = 18

_INITIALS = {"zh": "чж", "ch": "ч", "sh": "ш", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т",
             "n": "н", "l": "л", "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "r": "ж",
             "z": "цз", "c": "ц", "s": "с"}
_ZERO = {"yi": "и", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
         "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у",
         "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
         "weng": "вэн", "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй",
         "en": "энь", "eng": "эн", "er": "эр", "o": "о", "ou": "оу"}
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
           "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо",
           "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа",
           "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "ue": "юэ",
           "v": "юй", "ve": "юэ"}


def palladius(syllable: str) -> str:
    """The Palladius Cyrillic of one pinyin syllable (ü written v): «zhou» → «чжоу», «hui» → «хуэй»."""
    if syllable in _ZERO:
        return _ZERO[syllable]
    if syllable == "hui":
        return "хуэй"
    ini = syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[:1]
    fin = syllable[len(ini):]
    cyr = _INITIALS[ini]
    if fin == "i" and ini in ("z", "c", "s"):
        return cyr + "ы"
    if ini in ("j", "q", "x") and fin in ("u", "ue", "uan", "un"):
        fin = {"u": "v", "ue": "ve", "uan": "van", "un": "vn"}[fin]
        return cyr + {"v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь"}[fin]
    return cyr + _FINALS[fin]


@functools.lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str]]:
    syllables: set[str] = set()
    surnames: set[str] = set()
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, items = line.split("\t", 1)
        (syllables if kind == "syllables" else surnames).update(items.split())
    return frozenset(syllables), frozenset(surnames)


def _written(syllable: str) -> str:
    """How pinyin writes a syllable in a name (ü as u after j, q, x and y; as ü after n and l)."""
    return syllable.replace("v", "ü")


@functools.lru_cache(maxsize=1)
def _latin_index() -> dict[str, list[tuple[str, bool]]]:
    """Romanised Palladius syllable → [(pinyin syllable, literal)]; ``literal`` is False for a reading
    that needs a soft sign the romanisation dropped («min» of «минь», min)."""
    index: dict[str, list[tuple[str, bool]]] = {}
    for syl in sorted(_data()[0]):
        cyr = palladius(syl)
        for scheme in SCHEMES:
            for form, prefix in ((cyr, ""), ("а" + cyr, "a")):  # word-initial and inside a word
                lat = romanise(form, scheme).lower().replace("'", "").replace("’", "")[len(prefix):]
                if not lat:
                    continue
                literal = not cyr.endswith("ь")
                entries = index.setdefault(lat, [])
                if (syl, literal) not in entries:
                    entries.append((syl, literal))
    return index


def pinyin_readings(word: str, limit: int = 4) -> list[str]:
    """The pinyin readings of a word romanised from Palladius Cyrillic, best first: «Khuan» → «huang»,
    «huan»; «Itin» → «yiting»; «Veimin» → «weiming», «weimin». The fewest syllables first, then the
    literal readings (no dropped soft sign). [] when the word is no sequence of Palladius syllables."""
    w = word.lower().replace("'", "").replace("’", "").replace("-", "")
    if not w.isalpha() or len(w) > MAX_LETTERS:
        return []
    index = _latin_index()
    longest = max(map(len, index))
    # best[i]: readings of w[i:] as (syllables, dropped soft signs, pinyin)
    best: list[list[tuple[int, int, str]]] = [[] for _ in range(len(w) + 1)]
    best[len(w)] = [(0, 0, "")]
    for i in range(len(w) - 1, -1, -1):
        out: list[tuple[int, int, str]] = []
        for j in range(i + 1, min(len(w), i + longest) + 1):
            for syl, literal in index.get(w[i:j], ()):
                for n, soft, rest in best[j]:
                    out.append((n + 1, soft + (not literal), _written(syl) + rest))
        best[i] = sorted(set(out))[: 4 * limit]
    seen: list[str] = []
    for _, _, reading in best[0]:
        if reading not in seen:
            seen.append(reading)
    return seen[:limit]


def is_pinyin(word: str) -> bool:
    """A word written as a sequence of pinyin syllables («Weiming», «Zhiqiang», «Xi'an»)."""
    w = word.lower().replace("'", "").replace("’", "").replace("-", "").replace("ü", "v")
    if not w.isalpha() or len(w) > MAX_LETTERS:
        return False
    syllables = _data()[0]
    ok = [False] * (len(w) + 1)
    ok[len(w)] = True
    for i in range(len(w) - 1, -1, -1):
        ok[i] = any(ok[j] and w[i:j] in syllables for j in range(i + 1, min(len(w), i + 6) + 1))
    return ok[0]


def is_chinese_surname(word: str) -> bool:
    """One of the commonest Chinese surnames, in pinyin («Zhang», «Huang», «Lü»)."""
    return word.lower().replace("ü", "v") in _data()[1]
