"""Transliteration through Russian: the channel that breaks names in pivot translations.

Three pieces, all rule-based and data-free:

* :func:`romanise` — Cyrillic → Latin by one of several published schemes (BGN/PCGN, ISO 9, the
  Russian passport scheme of 2013, GOST 16876-71 "ja/ju", an ad-hoc MT style, and the French
  press transcription). MT systems pick one of these when they print a Russian word in Latin script.
* :func:`case_forms` — the Russian case forms of a name token (genitive -а/-я, dative -у/-ю,
  instrumental -ом/-ем/-ой, prepositional -е …) that survive romanisation («Милея» → «Mileya»).
* :func:`french_transcription` — the French press form of a Russian name («Лукашенко» →
  «Loukachenko»), used for ``name/locale`` suggestions.

It must not know any particular name: names live in the knowledge base.
"""

from __future__ import annotations

import functools
import re

_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "з": "z", "и": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ъ": "", "ь": "",
}

SCHEMES: dict[str, dict[str, str]] = {
    # BGN/PCGN (simplified: no diaeresis, no separators)
    "bgn": {**_BASE, "е": "e", "ё": "yo", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ы": "y", "э": "e", "ю": "yu", "я": "ya"},
    # ISO 9:1995 with diacritics removed, as MT output often shows it
    "iso9": {**_BASE, "е": "e", "ё": "e", "ж": "z", "й": "j", "х": "h", "ц": "c", "ч": "c", "ш": "s",
             "щ": "s", "ы": "y", "э": "e", "ю": "u", "я": "a"},
    # Russian international passport (ICAO Doc 9303, 2013)
    "passport": {**_BASE, "е": "e", "ё": "e", "ж": "zh", "й": "i", "х": "kh", "ц": "ts", "ч": "ch",
                 "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ю": "iu", "я": "ia", "ъ": "ie"},
    # GOST 16876-71 / scientific without diacritics: ja, ju, j
    "gost": {**_BASE, "е": "e", "ё": "jo", "ж": "zh", "й": "j", "х": "kh", "ц": "c", "ч": "ch", "ш": "sh",
             "щ": "shh", "ы": "y", "э": "e", "ю": "ju", "я": "ja"},
    # ad-hoc style seen in MT output: h for х, ie/ye for е after vowels
    "adhoc": {**_BASE, "е": "e", "ё": "yo", "ж": "zh", "й": "i", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh",
              "щ": "sch", "ы": "y", "э": "e", "ю": "yu", "я": "ya"},
    # German-style Duden
    "german": {**_BASE, "е": "e", "ё": "jo", "ж": "sch", "й": "j", "х": "ch", "ц": "z", "ч": "tsch",
               "ш": "sch", "щ": "schtsch", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "в": "w", "з": "s"},
}

#: French press transcription (AFP / Le Monde usage)
_FRENCH = {**_BASE, "е": "e", "ё": "io", "ж": "j", "й": "ï", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
           "щ": "chtch", "ы": "y", "э": "e", "ю": "iou", "я": "ia", "у": "ou", "ъ": "", "ь": ""}

_VOWELS = set("аеёиоуыэюя")
_CYR_RE = re.compile(r"[а-яё]", re.IGNORECASE)


def has_cyrillic(s: str) -> bool:
    return bool(_CYR_RE.search(s))


def _apply_case(src: str, out: str) -> str:
    if src[:1].isupper():
        if len(src) > 1 and src.isupper():
            return out.upper()
        return out[:1].upper() + out[1:]
    return out


def romanise(text: str, scheme: str = "bgn") -> str:
    """Romanise Cyrillic ``text`` with ``scheme`` (one of :data:`SCHEMES`, or ``french``)."""
    if scheme == "french":
        return french_transcription(text)
    table = SCHEMES[scheme]
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in table:
            r = table[low]
            # BGN/adhoc: е at the start of a word or after a vowel/ь/ъ is "ye"
            if low == "е" and scheme in ("bgn", "adhoc") and (not prev or prev in _VOWELS or prev in "ьъ"
                                                              or not prev.isalpha()):
                r = "ye"
            out.append(_apply_case(ch, r) if r else "")
        else:
            out.append(ch)
        prev = low
    return "".join(out)


def french_transcription(text: str) -> str:
    """French press transcription of a Russian name: «Сергей Лукашенко» → «Sergueï Loukachenko»."""
    out: list[str] = []
    s = text
    n = len(s)
    for i, ch in enumerate(s):
        low = ch.lower()
        prev = s[i - 1].lower() if i > 0 else ""
        nxt = s[i + 1].lower() if i + 1 < n else ""
        if low not in _FRENCH:
            out.append(ch)
            continue
        r = _FRENCH[low]
        after = s[i + 2].lower() if i + 2 < n else ""
        if low == "с" and prev in _VOWELS and prev and (nxt in _VOWELS and nxt or nxt == "ь" and after in _VOWELS and after):
            r = "ss"  # intervocalic s is written ss in French (Афанасьев → Afanassiev)
        elif low == "г" and nxt in "еиэ" and nxt:
            r = "gu"  # Сергей → Sergueï
        elif low == "й" and prev == "и":
            r = ""  # -ий → -i (Дмитрий → Dmitri)
        elif low == "й" and prev not in _VOWELS:
            r = "ï"
        elif low == "е" and prev == "и":
            r = "e"  # Кириенко → Kirienko
        elif low == "я" and prev == "и":
            r = "a"  # Юлия → Ioulia
        elif low == "е" and prev == "ь":
            r = "e"  # Лаврентьева → Lavrentieva: the soft sign already wrote the «i»
        elif low == "е" and (not prev or prev in _VOWELS or prev in "ьъ" or not prev.isalpha()):
            r = "ie" if prev and prev.isalpha() else "e"
        elif low == "и" and prev in _VOWELS and prev:
            r = "ï"
        elif low == "ё":
            r = "io" if prev and prev not in "жчшщ" else "o"
        elif low == "ь" and nxt in _VOWELS and nxt:
            # Григорьев → Grigoriev; Дарья → Daria, Ильин → Iline: я, ю, ё, и write their own «i»
            r = "" if nxt in "яюёи" else "i"
        out.append(_apply_case(ch, r) if r else "")
    res = "".join(out)
    # -ский → -ski, -ий → -i already; -ей → -eï
    return res


# ---------------------------------------------------------------------------- Russian case forms

def case_forms(word: str) -> list[tuple[str, str]]:
    """Russian case forms of a name token, as ``(form, case)``; the nominative comes first.

    Rule-based on the ending, as Russian declines foreign names: consonant stems take -а -у -ом -е,
    -а/-я stems -ы/-и -е -у/-ю -ой/-ей, -ий/-ый adjectival surnames -ого -ому -им -ом, -ей/-ай -я -ю
    -ем -е. Indeclinable endings (-о, -е, -и, -у, -ю) give only the nominative.
    """
    w = word
    low = w.lower()
    forms: list[tuple[str, str]] = [(w, "nom")]
    if not low or not has_cyrillic(low):
        return forms

    def add(stem: str, ends: dict[str, str]) -> None:
        for case, e in ends.items():
            forms.append((stem + e, case))

    if low.endswith(("ский", "цкий")):
        add(w[:-2], {"gen": "ого", "dat": "ому", "ins": "им", "pre": "ом"})
    elif low.endswith(("ий", "ый")) and len(low) > 3:
        add(w[:-2], {"gen": "ого", "dat": "ому", "ins": "ым", "pre": "ом"})
        add(w[:-1], {"gen2": "я", "dat2": "ю", "ins2": "ем", "pre2": "и"})
    elif low.endswith(("ей", "ай", "ой", "уй", "яй")):
        add(w[:-1], {"gen": "я", "dat": "ю", "ins": "ем", "pre": "е"})
    elif low.endswith("ь"):
        add(w[:-1], {"gen": "я", "dat": "ю", "ins": "ем", "pre": "е"})
    elif low.endswith("а"):
        soft = len(low) > 1 and low[-2] in "гкхжчшщ"
        add(w[:-1], {"gen": "и" if soft else "ы", "dat": "е", "acc": "у", "ins": "ой"})
    elif low.endswith("я"):
        add(w[:-1], {"gen": "и", "dat": "е", "acc": "ю", "ins": "ей"})
    elif low[-1] in _VOWELS:
        pass  # -о, -е, -и, -у, -ю, -э: indeclinable foreign names
    else:
        soft = low[-1] in "жчшщц"
        add(w, {"gen": "а", "dat": "у", "ins": "ем" if soft else "ом", "pre": "е"})
        if low.endswith(("ов", "ев", "ин", "ын")):
            forms[-2] = (w + "ым", "ins")
    return forms


# ---------------------------------------------------------------------------- pivot keys

_DIGRAPHS: list[tuple[str, str]] = [
    ("shch", "sh"), ("sch", "sh"), ("tsch", "ch"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
    ("kh", "h"), ("ts", "c"), ("tz", "c"), ("ck", "k"), ("ph", "f"), ("x", "ks"), ("w", "v"), ("q", "k"),
]


@functools.lru_cache(maxsize=200_000)
def normalise_latin(token: str) -> str:
    """Lower-case ASCII letters with romanisation digraphs folded: «Zhaiir» → ``jaiir``."""
    from unidecode import unidecode

    s = re.sub(r"[^a-z]", "", unidecode(token).lower())
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = s.replace("y", "i")
    return re.sub(r"([a-z])\1+", r"\1", s)


@functools.lru_cache(maxsize=200_000)
def pivot_key(token: str) -> str:
    """A coarse key that most romanisations of one Cyrillic spelling share: first letter + consonants.

    «Zhaiir» and «Jair» → ``jr``; «Isaxon» and «Isaacson» → ``isksn``. It blocks fuzzy matching
    (candidates must share the key); it is never proof on its own.
    """
    s = normalise_latin(token).replace("c", "k")
    if not s:
        return ""
    return s[0] + re.sub(r"[aeiou]", "", s[1:])


# ---------------------------------------------------------------------------- English romanisation back to Cyrillic

_BGN_INVERSE: list[tuple[str, str]] = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
    ("yo", "ё"), ("iy", "ий"), ("yy", "ый"), ("ye", "е"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"),
    ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("x", "кс"),
    ("w", "в"), ("h", "х"), ("c", "к"), ("j", "дж"), ("q", "к"),
]


def bgn_to_cyrillic(token: str) -> str:
    """Undo an English (BGN-like) romanisation of a Russian name: «Prigozhin» → «Пригожин».

    Approximate (romanisation loses ь, ъ and some vowels), good enough to re-romanise the name in the
    French convention with :func:`french_transcription`.
    """
    s = token.lower()
    if s.endswith(("sky", "tsky")):
        s = s[:-1] + "iy"  # -sky is the English spelling of -ский
    out: list[str] = []
    i = 0
    vowels = "aeiouy"
    while i < len(s):
        if s[i] == "y":
            nxt = s[i + 1] if i + 1 < len(s) else ""
            prev = s[i - 1] if i > 0 else ""
            if nxt not in "aeiuo" or not nxt:
                if not nxt and prev and prev not in vowels and i > 2:
                    out.append("ий")  # Dmitry, Vasily: a final -y after a consonant is -ий
                else:
                    out.append("й" if prev and prev in vowels else "ы")
                i += 1
                continue
            if nxt in "ei" and prev and prev.isalpha() and prev not in vowels:
                out.append("ь")  # Lavrentyeva, Ilyin: «ye», «yi» after a consonant are «ье», «ьи»
                i += 1
                continue
        for a, b in _BGN_INVERSE:
            if s.startswith(a, i):
                out.append(b)
                i += len(a)
                break
        else:
            out.append(s[i])
            i += 1
    res = "".join(out)
    return res[:1].upper() + res[1:] if token[:1].isupper() else res


def french_form_of_english_russian(token: str) -> str:
    """The French press form of a Russian name written in the English convention («Prigozhin» → «Prigojine»)."""
    fr = french_transcription(bgn_to_cyrillic(token))
    if fr.endswith("in") and not fr.endswith(("ain", "ein", "oin")):
        fr += "e"  # Poutine, Prigojine: French writes the final -ин as -ine
    return fr
