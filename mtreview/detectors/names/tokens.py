"""Words of a text as the names detector reads them, and the string tests it applies to names.

A :class:`Word` carries its document offsets and the form that is looked up in the names base
(«Jong -in» is looked up as «Jong-in»). The helpers compare spellings (:func:`similarity`,
:func:`same_letters`), say whether a correction would only take away what the writer had right
(:func:`keeps_original`) and write a correction the French way (:func:`with_article`, :func:`name_case`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.names import NameKnowledgeBase
from ...knowledge.spellings import REAL_SPELLING_ZIPF, is_real_spelling
from ...knowledge.transliteration import normalise_latin

#: a word: letters, with inner hyphens or apostrophes («Jean-Luc», «O'Neil»)
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: a French elided article or conjunction at the start of a word («l'», «d'», «qu'», «lorsqu'»)
_ELISION = re.compile(r"^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]")
#: what ends a sentence (or opens a new start) between two words
_SENTENCE_GAP = re.compile(r"[.!?…:«\"\n]\s*$")
#: the gap of a hyphenated name split by stray spaces («Jong -in», «Jong- in», «Jong - in»)
_SPACED_HYPHEN = re.compile(r"^(?: -|- | - )$")
#: a roman numeral or French ordinal («II», «XIV», «IVe», «Ier»)
ROMAN_RE = re.compile(r"^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?:er|re|e|ème)?$")
#: typographic apostrophes, all read as «'» when two spellings are compared
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})
#: an article or contracted article right before a word: «le », «l'», «du », «au », «un »
_ARTICLE = re.compile(r"(?:(?<=[\s(«\"'’])|^)(le|la|l['’]|un|une|du|au|de\s+la|de\s+l['’]|à\s+la|à\s+l['’])\s*$",
                      re.IGNORECASE)
_VOWEL_START = re.compile(r"^[AEIOUYÀÂÉÈÊËÎÏÔÛÙÜaeiouyàâéèêëîïôûùü]")


@dataclass
class Word:
    """One word of the text under review."""

    start: int  # document offset
    end: int
    text: str
    sent_start: bool = False  # first word of a sentence or line
    key: str = ""  # the form looked up: «Jong -in» is looked up as «Jong-in»

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.text

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def iter_words(text: str, offset: int = 0, keep: Callable[[str], bool] | None = None) -> Iterator[Word]:
    """Words with document offsets; a French elided article («l'», «d'») is split off unless
    ``keep(word)`` says the whole word is a name («D'Alema»)."""
    prev_end = 0
    for m in WORD_RE.finditer(text):
        s, w = m.start(), m.group(0)
        el = _ELISION.match(w)
        if el and len(w) > el.end() and not (keep and keep(w)):
            s += el.end()
            w = w[el.end():]
        # the first word, or one after a sentence end, a colon, an opening quote or a line break
        sent_start = prev_end == 0 or _SENTENCE_GAP.search(text, prev_end, s) is not None
        yield Word(offset + s, offset + s + len(w), w, sent_start)
        prev_end = m.end()


def merge_spaced_hyphens(words: list[Word], text: str, offset: int = 0) -> list[Word]:
    """Join «Jong -in» (a hyphenated name split by stray spaces) into one word looked up as «Jong-in»."""
    out: list[Word] = []
    for w in words:
        if out and w.text[:1].islower() and len(w.text) <= 4:
            p = out[-1]
            gap = text[p.end - offset:w.start - offset]
            if _SPACED_HYPHEN.match(gap) and p.capitalised:
                out[-1] = Word(p.start, w.end, text[p.start - offset:w.end - offset], p.sent_start,
                               f"{p.key}-{w.text}")
                continue
        out.append(w)
    return out


def is_elided_name(kb: NameKnowledgeBase, word: str) -> bool:
    """Is ``word``, elided article included, a name of the base («D'Alema»)? Then :func:`iter_words`
    keeps it whole."""
    return bool(kb.lookup(word)) and word[:1].isupper() and word.split("'")[-1][:1].isupper()


def index_at(words: list[Word], start: int) -> int | None:
    """The index of the word that starts at ``start`` (None when no word does)."""
    return next((i for i, w in enumerate(words) if w.start == start), None)


def is_real_word(w: Word) -> bool:
    """Is the word as written a real spelling? A capitalised word: of a name or a word of some
    Latin-script language (:func:`is_real_spelling`); a lower-case one: of French or English; a word
    repaired from pieces («Jong -in») never."""
    if w.key != w.text:
        return False
    if w.text[:1].islower():
        return max(zipf_fr(w.text), zipf_en(w.text)) >= REAL_SPELLING_ZIPF
    return is_real_spelling(w.text)


def with_article(text: str, start: int, name: str) -> tuple[int, str]:
    """Where a correction of the word at ``start`` to the person's ``name`` must start, and its
    text, so that the result is French: «le masque» → «Musk», «du masque» → «de Musk» (or
    «d'Elon»), «au masque» → «à Musk», «de la …» → «de …». A person's name takes no article."""
    m = _ARTICLE.search(text, max(0, start - 12), start)
    if m is None or m.end() != start:
        return start, name
    art = m.group(1)
    low = re.sub(r"\s+", " ", art.lower())
    cap = art[:1].isupper()
    if low in ("le", "la", "l'", "l’", "un", "une"):
        return m.start(1), name
    if low == "au" or low.startswith("à"):
        prep = "à "
    else:  # du, de la, de l'
        apostrophe = "’" if text.count("’") > text.count("'") else "'"
        prep = ("d" + apostrophe) if _VOWEL_START.match(name) else "de "
    if cap:
        prep = prep[:1].upper() + prep[1:]
    return m.start(1), prep + name


def name_case(name: str) -> str:
    """A lower-case name spelled with its capitals: «mccartney» → «McCartney», «o'neil» → «O'Neil»,
    «jean-luc» → «Jean-Luc»."""
    out = re.sub(r"(^|[-'’ ])(\w)", lambda m: m.group(1) + m.group(2).upper(), name)
    return re.sub(r"^Mc(\w)", lambda m: "Mc" + m.group(1).upper(), out)


def keeps_original(span: str, suggestion: str) -> bool:
    """True when a suggestion would only take away what the writer had right: typographic
    apostrophes («O’Neal» = «O'Neal»), the original language's diacritics («Poznań» → «Poznan»,
    «São Paulo» → «Sao Paulo»), an acronym or its expansion («National Football League» / «NFL»),
    words of a longer or shorter form of the same name («Jean Jaurès» / «Fondation Jean-Jaurès»), or a
    plural «-s» («Rolling Stones» is not a corrupted «Rolling Stone»)."""
    from unidecode import unidecode

    a, b = span.translate(_APOSTROPHES), suggestion.translate(_APOSTROPHES)
    if a == b:
        return True
    if a.lower() != b.lower() and unidecode(a).lower() == unidecode(b).lower() and sum(
            not c.isascii() for c in a) >= sum(not c.isascii() for c in b):
        return True  # only diacritics differ, and the text has at least as many
    ta = [t for t in re.split(r"[\s\-'.]+", unidecode(a).lower()) if t]
    tb = [t for t in re.split(r"[\s\-'.]+", unidecode(b).lower()) if t]
    if len(ta) != len(tb) and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return True
    for long_, short in ((a, b), (b, a)):
        words = [w for w in re.split(r"[\s\-]+", long_) if w]
        caps = "".join(w[0] for w in words if w[:1].isupper())
        if short.isupper() and len(words) > 1 and caps.upper() == short.replace(".", ""):
            return True
    if len(ta) == len(tb) and ta != tb and all(x == y or x in (y + "s", y + "es") for x, y in zip(ta, tb, strict=True)):
        return True  # an English plural or a name in the plural («les Rolling Stones»): no pivot writes «-s»
    return False


def same_letters(a: str, b: str) -> bool:
    """True when two spellings differ only by diacritics."""
    from unidecode import unidecode

    return a != b and unidecode(a).lower() == unidecode(b).lower()


def similarity(a: str, b: str) -> float:
    """Normalised Levenshtein similarity of two spellings, folded to plain Latin (:func:`fold`)."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(fold(a), fold(b))


@functools.lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """:func:`normalise_latin`, remembered: the same names and words are compared again and again."""
    return normalise_latin(word)


#: a capitalised word (a name's part) ending right before a space
_CAPITALISED_BEFORE = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][\w’'-]+) $")
#: a capitalised word starting here
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'-]+")


def capitalised_before(text: str, pos: int) -> tuple[int, str] | None:
    """The whole capitalised word that ends one space before ``pos`` (the given name before a surname, the
    other part of a name): (its start, the word), or None."""
    m = _CAPITALISED_BEFORE.search(text, max(0, pos - 40), pos)
    return (m.start(1), m.group(1)) if m else None


def capitalised_after(text: str, pos: int) -> tuple[int, str] | None:
    """The capitalised word that starts one space after ``pos``: (its start, the word), or None."""
    if text[pos:pos + 1] != " ":
        return None
    m = _CAPITALISED.match(text, pos + 1)
    return (m.start(), m.group(0)) if m else None
