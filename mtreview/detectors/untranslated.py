"""The untranslated detector (``accuracy/untranslated``): foreign words and scripts left in a French text.

* **Cyrillic**: a word in Cyrillic letters (the pivot showing through), suggested in French through the
  FreeDict fra-rus dictionary (lemmatised with pymorphy3); a Latin word hiding Cyrillic look-alike letters
  («Poutinе» with a Cyrillic «е») is flagged with its all-Latin spelling.
* **Russian in Latin letters**: a lower-case word no French, English, German, Spanish, Italian or
  Portuguese writer uses that romanises a common Russian word of pymorphy3's dictionary («vystavka» —
  выставка, *exposition*; «zavod» — завод), suggested in French through FreeDict fra-rus (0.7,
  :mod:`mtreview.knowledge.russian_latin`).
* **Foreign words**: a word Grammalecte's lexicon rejects that wordfreq knows as a common English or
  German word, more common there than in French («the», «Schrank»). Capitalised words inside a sentence
  are names, except a common foreign word right after a French article when the names knowledge base
  does not know it («sur le Eve de» — *on the eve of*). Consecutive foreign words form one flag.
  A rarer lower-case English word (Zipf 2.5–3) counts when French has no trace of it (not in the lexicon,
  never in the fr-mono corpus: «walkout», «rebranding»), and so does an English word the French lexicon
  lists but human-written French does not use (never in fr-mono, Zipf < 2.5 in French, ≥ 4 in English:
  «feelings», «retirement»; not «meeting», «parking», «week-end»).
* **Russian loans of English -er nouns**: «diler» (дилер), «bloger» (блогер) — romanised Russian words rarer
  than the common words above but still in wordfreq's Russian list, that no other language writes so.

Below the usual threshold (0.45): a lone lower-case English word that human-written French uses at
least 10 times in the fr-mono corpus and wordfreq's French list has (Zipf ≥ 2.5; an anglicism: «meeting»,
«business»; 0.6 when the source has it; «salvage», seen in English quotations only, is not one),
a single capitalised word opening a sentence (a name, mostly) and a title-cased run («Judas and the
Black Messiah»), and a lone English word next to another English word that is no French word — a term
borrowed whole («heavy metal», «hard bass»). A lone English word French writers do not use («board»,
«awareness») is a word the translation left (0.6). The English twin of a French word («role», «princess») keeps 0.7, with the
French word as suggestion.

Not flagged: words in quotations that are entirely foreign (a title or a slogan quoted as such),
URLs, hashtags and placeholders, acronyms, names known to the names knowledge base, accepted anglicisms
(the French lexicon has them: «week-end», «e-mail», «post»).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge.lexicon import corpus_count, zipf
from . import BaseDetector
from .french import (
    CYRILLIC_RE,
    in_spans,
    is_french_word,
    is_sentence_initial,
    names_kb,
    protected_spans,
    quoted_spans,
)

CYR_WORD_RE = re.compile(r"[\w\u0400-\u04FF]*[\u0400-\u04FF][\w\u0400-\u04FF\-]*")
#: Cyrillic letters that look like Latin ones
HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсухіјѕԁЅІЈ", "ABEKMHOPCTXaeopcyxijsdSIJ")
FRENCH_ARTICLES = {"le", "la", "les", "un", "une", "du", "des", "au", "aux"}
#: a capitalised foreign word after a plural article names a team, a band, a family («les Bears»)
PLURAL_ARTICLES = {"les", "des", "aux"}
#: a lone English word that human-written French has this often (fr-mono corpus) is an anglicism
#: French writers use («meeting» 48, «business» 26); rarer ones («board», «deal», «awareness») were left
#: by the translation
ANGLICISM_MIN_COUNT = 10
#: English words this common (Zipf) are function words: «the», «and», «of», «when», «how»
FUNCTION_ZIPF = 6.0
#: an ambiguous word at the edge of a foreign run this common in French stays French («a», «on»)
EDGE_FRENCH_ZIPF = 5.0
EDGE_FRENCH_POS = frozenset({"AUX", "DET", "ADP", "PRON", "SCONJ", "CCONJ"})
LANGS = ("en", "de")
#: a Russian word in Latin letters: at least this long, seen fewer times than this in the fr-mono
#: corpus, rarer than this (Zipf) in each of these languages, and flagged at this confidence
ROMANISED_MIN_LETTERS = 5
ROMANISED_MAX_CORPUS = 3
ROMANISED_OTHER_LANGS = ("fr", "en", "de", "es", "it", "pt", "nl")
ROMANISED_MAX_ZIPF = 1.0
ROMANISED_CONFIDENCE = 0.7
#: a lower-case ASCII word of at least ROMANISED_MIN_LETTERS letters, standing alone (not part of an
#: elision, a hyphenated word or a word with accents)
_LATIN_LOWER_WORD = re.compile(rf"(?<![\w'’\-])[a-z]{{{ROMANISED_MIN_LETTERS},}}(?![\w'’\-])")
LANG_FR = {"en": "anglais", "de": "allemand", "ru": "russe"}
#: a lone English word counts as an anglicism French writers use only when wordfreq's French list has it
#: this often too: «salvage» (Zipf 1.9 in French) is in the fr-mono corpus through English quotations in
#: books, «meeting» (3.9) and «business» (4.4) are French usage
ANGLICISM_MIN_FR_ZIPF = 2.5
#: a rarer English word (Zipf below 3 in English: «walkout», «greening») is English left in the text
#: when French does not know it at all: not in the French lexicon, never in the fr-mono corpus, and this
#: many Zipf units more common in English than in French
RARE_EN_MIN_ZIPF = 2.5
RARE_EN_MARGIN = 1.0
#: ... unless it is a plural whose singular is this much commoner in English (see :func:`_unenglish_plural`)
UNENGLISH_PLURAL_GAP = 2.0
#: an English word the French lexicon lists («screening», «awareness» is not listed) but that human
#: French does not use: never in the fr-mono corpus, rarer than this in wordfreq's French, this common in
#: English and this far ahead of French; flagged as left untranslated
LEXICON_ANGLICISM_MAX_FR_ZIPF = 2.5
LEXICON_ANGLICISM_MIN_EN_ZIPF = 4.0
LEXICON_ANGLICISM_MARGIN = 1.5
#: Russian borrowings of English agent nouns in -er («балкер» bulk carrier, «спикер», «трейдер») are
#: rarer in Russian than the common words :func:`mtreview.knowledge.russian_latin.russian_word` accepts:
#: a romanised -er noun qualifies with a Russian Zipf this high, when no other language has it this often
LOAN_ER_MIN_RU_ZIPF = 1.5
LOAN_ER_MAX_OTHER_ZIPF = 1.5


@functools.lru_cache(maxsize=1)
def _morph_ru() -> Any:
    """The shared Russian analyser (:func:`mtreview.knowledge.homographs.russian_morph`), or None when
    pymorphy3 cannot be loaded."""
    from ..knowledge.homographs import russian_morph

    try:
        return russian_morph()
    except Exception:  # noqa: BLE001
        return None


def _ru_fr() -> dict[str, list[str]]:
    """Russian word → French translations: the FreeDict fra-rus inversion the names checks read too
    (:func:`mtreview.knowledge.homographs.ru_to_fr`), built once per process."""
    from ..knowledge.homographs import ru_to_fr

    return ru_to_fr()


def russian_to_french(word: str) -> list[str]:
    """French translations of a Russian word (its lemma looked up in FreeDict fra-rus)."""
    table = _ru_fr()
    cands = [word.lower()]
    m = _morph_ru()
    if m is not None:
        cands += [p.normal_form for p in m.parse(word.lower())[:3]]
    out: list[str] = []
    for c in dict.fromkeys(cands):
        for t in table.get(c, []):
            t = re.sub(r"\s*/[^/]*/\s*", "", t).strip()
            if t and t not in out:
                out.append(t)
    return out[:5]


@functools.lru_cache(maxsize=20_000)
def french_cognate(word: str) -> str | None:
    """The French word ``word`` is the English spelling of: the same letters with accents («role» →
    «rôle», «region» → «région») or with a final «e» («princess» → «princesse»); else None."""
    from .spelling import rank_suggestions, same_letters

    low = word.lower()
    cand = low + "e"
    if is_french_word(cand) and zipf(cand, "fr") >= 3.0:
        return cand
    for s, _ in rank_suggestions(low):
        if same_letters(low, s) and zipf(s.lower(), "fr") >= 3.0:
            return s
    return None


def english_to_french(word: str) -> list[str]:
    from ..knowledge.dictionaries import get_dictionary

    trs = [t for t in get_dictionary("eng-fra").translations(word.lower()) if " " not in t or len(t) < 20]
    return trs[:3]


def foreign_language(word: str, margin: float = 1.0, rare: bool = False) -> tuple[str, float] | None:
    """``(lang, zipf)`` when ``word`` is a common English/German word and not a French one.

    wordfreq's French list contains the anglicisms French writers use («email», «shopping»), so a word
    counts as foreign only when it is at least ``margin`` Zipf units more common in the other language.
    With ``rare`` (a lower-case word inside French), a rarer English word counts too when French has no
    trace of it (:data:`RARE_EN_MIN_ZIPF`: «walkout», «greening»).
    """
    low = word.lower()
    if len(low) < 3 or is_french_word(low):
        return None
    fr = zipf(low, "fr")
    best = max(((lang, zipf(low, lang)) for lang in LANGS), key=lambda p: p[1])
    if best[1] >= 3.0 and best[1] >= fr + margin:
        return best
    if rare and low.isascii():
        en = zipf(low, "en")
        if en >= RARE_EN_MIN_ZIPF and en >= fr + RARE_EN_MARGIN and en >= zipf(low, "de") \
                and corpus_count(low) == 0 and not _unenglish_plural(low, en):
            return "en", en
    return None


def _unenglish_plural(low: str, en: float) -> bool:
    """True for a plural English does not write, its singular :data:`UNENGLISH_PLURAL_GAP` Zipf units
    commoner: «womans», «advices», «equipments» — a French writer's plural (or a pun), not English left by
    a translation."""
    return low.endswith("s") and zipf(low[:-1], "en") >= en + UNENGLISH_PLURAL_GAP


def lexicon_anglicism(word: str) -> tuple[str, float] | None:
    """``("en", zipf)`` for an English word the French lexicon lists but human-written French does not
    use (see :data:`LEXICON_ANGLICISM_MAX_FR_ZIPF`): «screening»; not «meeting», «parking», «week-end»."""
    low = word.lower()
    if len(low) < 4 or not low.isascii() or not low.isalpha() or corpus_count(low) > 0:
        return None
    fr = zipf(low, "fr")
    if fr >= LEXICON_ANGLICISM_MAX_FR_ZIPF:
        return None
    en = zipf(low, "en")
    if en >= LEXICON_ANGLICISM_MIN_EN_ZIPF and en >= fr + LEXICON_ANGLICISM_MARGIN and is_french_word(low):
        return "en", en
    return None


def russian_er_loan(word: str) -> str | None:
    """The Russian borrowing of an English agent noun in -er that ``word`` romanises («balker» →
    «балкер», bulk carrier), or None: a Russian noun (pymorphy3's first reading) with a Russian Zipf of at
    least :data:`LOAN_ER_MIN_RU_ZIPF` that no other language writes as ``word``."""
    from wordfreq import zipf_frequency

    from ..knowledge.russian_latin import cyrillic_readings

    if not word.endswith("er") or max(zipf(word, lang) for lang in ROMANISED_OTHER_LANGS) >= LOAN_ER_MAX_OTHER_ZIPF:
        return None
    m = _morph_ru()
    if m is None:
        return None
    for cyr in cyrillic_readings(word):
        if zipf_frequency(cyr, "ru") < LOAN_ER_MIN_RU_ZIPF:
            continue  # (wordfreq's Russian list: a recent loan may be missing from pymorphy3's dictionary)
        p = m.parse(cyr)[0]
        if p.tag.POS == "NOUN" and not ({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"} & p.tag.grammemes):
            return cyr
    return None


class UntranslatedDetector(BaseDetector):
    """Cyrillic words, Latin words with Cyrillic letters, English or German words left in French."""

    name = "untranslated"
    categories = ("accuracy/untranslated",)

    def __init__(self, foreign_words: bool = True, use_kb: bool = True) -> None:
        self.foreign_words = foreign_words
        self.use_kb = use_kb

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        protected = protected_spans(text)
        yield from self._cyrillic(text, protected)
        if self.foreign_words:
            quotes = quoted_spans(text)
            for ps in document.parsed:
                yield from self._foreign(text, ps.offset, ps.doc, protected, quotes, document)
                yield from self._romanised_russian(text, ps.offset, ps.doc, protected)

    # ------------------------------------------------------------------ scripts
    def _cyrillic(self, text: str, protected: list[tuple[int, int]]) -> Iterator[Flag]:
        if not CYRILLIC_RE.search(text):
            return
        for m in CYR_WORD_RE.finditer(text):
            a, b, w = m.start(), m.end(), m.group(0)
            if in_spans(a, b, protected):
                continue
            latin = sum(1 for c in w if c.isalpha() and not CYRILLIC_RE.match(c))
            if latin:
                fixed = w.translate(HOMOGLYPHS)
                if not CYRILLIC_RE.search(fixed):
                    yield Flag(start=a, end=b, text=w, category="accuracy/untranslated", severity="major",
                               confidence=0.95, suggestions=[fixed],
                               explanation="Ce mot mêle des lettres cyrilliques et latines (lettres sosies).",
                               detector=self.name, evidence={"script": "mixed", "homoglyphs": True})
                    continue
            sugg = russian_to_french(w)
            yield Flag(start=a, end=b, text=w, category="accuracy/untranslated", severity="major",
                       confidence=0.95, suggestions=sugg,
                       explanation="Mot en cyrillique laissé dans le texte français"
                                   + (f"\u00a0; en français\u00a0: «\u00a0{sugg[0]}\u00a0»." if sugg else "."),
                       detector=self.name, evidence={"script": "cyrillic", "lang": "ru"})

    def _romanised_russian(self, text: str, off: int, doc: Any,
                           protected: list[tuple[int, int]]) -> Iterator[Flag]:
        """Russian words left in Latin letters («vystavka»): see the module's rules."""
        from ..knowledge.russian_latin import russian_word

        for m in _LATIN_LOWER_WORD.finditer(doc.text):  # the text, not the tokens: no Token objects made
            low = m.group(0)
            if is_french_word(low) or corpus_count(low) >= ROMANISED_MAX_CORPUS:
                continue
            a, b = off + m.start(), off + m.end()
            if in_spans(a, b, protected):
                continue
            cyr = russian_word(low)  # before the other languages' word lists, which load only if needed
            if cyr is None or max(zipf(low, lang) for lang in ROMANISED_OTHER_LANGS) >= ROMANISED_MAX_ZIPF:
                cyr = russian_er_loan(low)  # «balker»: a Russian loan from English, rarer in Russian
                if cyr is None:
                    continue
            sugg = russian_to_french(cyr)
            yield Flag(start=a, end=b, text=low, category="accuracy/untranslated", severity="major",
                       confidence=ROMANISED_CONFIDENCE, suggestions=sugg[:3],
                       explanation=f"Mot russe laissé en lettres latines («\u00a0{cyr}\u00a0»)"
                                   + (f"\u00a0; en français\u00a0: «\u00a0{sugg[0]}\u00a0»." if sugg else "."),
                       detector=self.name, evidence={"script": "latin", "lang": "ru", "russian": cyr,
                                                     "rule": "romanised_russian"})

    # ------------------------------------------------------------------ foreign words
    def _foreign(self, text: str, off: int, doc: Any, protected: list[tuple[int, int]],
                 quotes: list[tuple[int, int]], document: Document) -> Iterator[Flag]:
        """Runs of foreign words: strong ones (not French) and the ambiguous ones between them."""
        kb = names_kb() if self.use_kb else None
        source = (document.source or "").lower()
        status: list[tuple[int, str, float]] = []
        for tok in doc:
            hit = self._foreign_token(tok, off, protected, kb)
            if hit is not None:
                status.append((2, *hit))
            else:
                status.append((self._weak(tok, status[-1][0] if status else 0), "", 0.0))
        i = 0
        n = len(doc)
        while i < n:
            if status[i][0] == 0:
                i += 1
                continue
            j = i
            while j + 1 < n and (status[j + 1][0] > 0 or doc[j + 1].text in {"'", "’", "-"} and j + 2 < n
                                 and status[j + 2][0] > 0):
                j += 1
            run = [(doc[k], status[k][1], status[k][2]) for k in range(i, j + 1) if status[k][0] == 2]
            if run:
                strong = len(run)
                toks = [doc[k] for k in range(i, j + 1) if doc[k].is_alpha]
                if strong < 2:  # one foreign word: its ambiguous neighbours stay French
                    toks = [t for t, _, _ in run]
                strong_at = {t.i for t, _, _ in run}
                # an ambiguous word at an edge of the run that is a common French word is French
                # («the board of directors a approuvé»: «a» is the French verb)
                while toks and self._french_edge(toks[-1], strong_at):
                    toks.pop()
                while toks and self._french_edge(toks[0], strong_at):
                    toks.pop(0)
                yield from self._emit(text, off, toks, run[0][1], run[0][2], quotes, source)
            i = j + 1

    @staticmethod
    def _french_edge(tok: Any, strong_at: set[int]) -> bool:
        """An ambiguous word at the edge of a foreign run that the parse reads as a French function word
        and French uses a lot: «a» (the auxiliary) in «the board of directors a approuvé»; not «but» or
        «important» closing an English clause."""
        return (tok.i not in strong_at and tok.pos_ in EDGE_FRENCH_POS
                and zipf(tok.lower_, "fr") >= EDGE_FRENCH_ZIPF)

    @staticmethod
    def _weak(tok: Any, prev_status: int) -> int:
        """1 for a word that is French but commoner in English or German («but», «meeting», «der»)."""
        w = tok.text
        if not tok.is_alpha or w.isupper():
            return 0
        low = w.lower()
        fr = zipf(low, "fr")
        other = max(zipf(low, lang) for lang in LANGS)
        return 1 if other >= 4.0 and other > fr + 0.3 else 0

    def _foreign_token(self, tok: Any, off: int, protected: list[tuple[int, int]],
                       kb: Any) -> tuple[str, float] | None:
        """``(lang, zipf)`` when ``tok`` is a foreign word (not French, not a name), else None."""
        w = tok.text
        if not tok.is_alpha or len(w) < 3 or w.isupper() or tok.like_url or tok.like_email:
            return None
        a = off + tok.idx
        if in_spans(a, a + len(w), protected):
            return None
        if any(c.isupper() for c in w[1:]):
            return None
        compound = self._compound(tok)
        if compound != w:
            if is_french_word(compound) or is_french_word(compound.lower()):
                return None  # «week-end», «talk-show», «e-mail»: the compound is French
            parts = [x for x in re.split(r"[-‑]", compound) if x and x.lower() != w.lower()]
            if any(is_french_word(x.lower()) and not foreign_language(x) for x in parts):
                return None  # «bass-reflex»: a term half French
        capital_inside = w[:1].isupper() and not is_sentence_initial(tok)
        found = foreign_language(w, 0.5 if capital_inside else 1.0, rare=w.islower())
        if found is None and w.islower():
            found = lexicon_anglicism(w)
        if found is None:
            return None
        lang, z = found
        if w[:1].isupper() and kb is not None and (kb.is_correct_token(w) or any(
                v.kind in ("fr", "alias", "en") for v in kb.lookup(w))):
            return None  # a known name («The Times» has «the» only capitalised)
        if capital_inside:
            # a capitalised word inside a sentence is a name, unless a common foreign word follows an
            # article and is itself followed by a lower-case word («sur le Eve de l'élection»)
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if prev is None or prev.lower_ not in FRENCH_ARTICLES or z < 4.0:
                return None
            if prev.lower_ in PLURAL_ARTICLES or tok.ent_type_ in {"PER", "LOC", "ORG"}:
                return None  # «les Giants de San Francisco», «le Dakota du Sud»: a team, a place
            if nxt is None or not nxt.text[:1].islower():
                return None
            if lang != "en" and foreign_language(nxt.text) is None:
                return None  # German capitalises every noun: «les Riesen ont gagné» is a team's name
            return lang, z
        if w[:1].isupper():
            # sentence-initial: the lower-case form must be unknown in French
            return (lang, z) if zipf(w.lower(), "fr") < 2.0 else None
        return lang, z

    @staticmethod
    def _compound(tok: Any) -> str:
        """The hyphenated word ``tok`` belongs to («week» → «week-end»), or ``tok``'s text."""
        doc = tok.doc
        i = j = tok.i
        while i >= 2 and doc[i - 1].text in {"-", "‑"} and not doc[i - 2].whitespace_ and \
                not doc[i - 1].whitespace_:
            i -= 2
        while j + 2 < len(doc) and doc[j + 1].text in {"-", "‑"} and not doc[j].whitespace_ and \
                not doc[j + 1].whitespace_:
            j += 2
        if i == j:
            # spaCy may keep the hyphen on the next token («week» «-end»)
            if j + 1 < len(doc) and doc[j + 1].text.startswith("-") and not doc[j].whitespace_:
                return tok.text + doc[j + 1].text
            if i >= 1 and tok.text.startswith("-") and not doc[i - 1].whitespace_:
                return doc[i - 1].text + tok.text
            return tok.text
        return doc[i:j + 1].text

    def _emit(self, text: str, off: int, words: list[Any], lang: str, z: float,
              quotes: list[tuple[int, int]], source: str) -> Iterator[Flag]:
        first, last = words[0], words[-1]
        a, b = off + first.idx, off + last.idx + len(last.text)
        # a short quotation (a title, a slogan, a term) is quoted as such, in its language
        for qs, qe in quotes:
            if qs <= a and b <= qe and (len(re.findall(r"[^\W\d_]+", text[qs:qe])) <= 12 or
                                        not text[qs + 1:a].strip()):
                return  # (or a quotation that opens with the foreign words: a title and its gloss)
        # a lone short word («the», «dpa») in the middle of French is rarely an error
        if len(words) == 1 and len(first.text) <= 3 and not (first.text[:1].isupper() and
                                                              not is_sentence_initial(first)):
            return
        in_source = bool(source) and all(t.lower_ in source for t in words)
        conf = 0.8 if len(words) > 1 else 0.7
        if first.text[:1].isupper() and not is_sentence_initial(first) and len(words) == 1:
            conf = 0.6
        rule = "foreign_words"
        cognate = None
        if len(words) == 1 and first.text[:1].isupper() and is_sentence_initial(first) and z < FUNCTION_ZIPF:
            # one capitalised word opening a sentence, followed by French: a name far more often than
            # an untranslated word («Seehofer demande…», «Kindred : Le Clan des maudits»)
            conf, rule = 0.45, "lone_initial"
        elif len(words) == 1 and first.text[:1].islower():
            cognate = french_cognate(first.text) if lang == "en" else None
            if self._english_compound(first):
                # with an English neighbour that is no French word, a borrowed English term («heavy metal»,
                # «hard bass», «grammy award»): a genre, a name, a term of art that French keeps
                conf, rule = 0.45, "english_term"
            elif cognate is None and corpus_count(first.text) >= ANGLICISM_MIN_COUNT and \
                    zipf(first.lower_, "fr") >= ANGLICISM_MIN_FR_ZIPF:
                # one lower-case word in French that French writers use («meeting», «business»): an
                # anglicism; the source decides (in the source: untranslated)
                conf, rule = 0.45, "lone_word"
            elif cognate is None:
                # an English word that human-written French (fr-mono) does not use: left by the translation
                conf, rule = 0.6, "lone_word_unattested"
            else:
                rule = "english_spelling"  # «role», «region», «princess»: the French word's English twin
        elif self._title(words):
            conf, rule = 0.45, "title"  # «Judas and the Black Messiah»: a title left in its language
        if in_source:
            conf = min(0.95, conf + 0.15)
        sugg = english_to_french(text[a:b]) if lang == "en" and len(words) == 1 else []
        if cognate is not None:
            sugg = [cognate] + [x for x in sugg if x != cognate]
        yield Flag(start=a, end=b, text=text[a:b], category="accuracy/untranslated", severity="major",
                   confidence=round(conf, 3), suggestions=sugg,
                   explanation=f"Mot {LANG_FR.get(lang, lang)} laissé tel quel dans le texte français.",
                   detector=self.name, evidence={"lang": lang, "zipf": round(z, 2), "in_source": in_source,
                                                 "rule": rule})

    @staticmethod
    def _english_compound(tok: Any) -> bool:
        """True when a word right next to ``tok`` (no punctuation between) is English rather than French:
        not in the French lexicon, or a French word a Zipf point commoner in English («hard»), and commoner
        in English than in French («metal», «grammy»). The two make an English term French borrowed whole."""
        doc = tok.doc
        for j in (tok.i - 1, tok.i + 1):
            if not 0 <= j < len(doc):
                continue
            n = doc[j]
            if not n.is_alpha or len(n.text) < 3 or n.text.isupper():
                continue
            low = n.lower_
            en, fr = zipf(low, "en"), zipf(low, "fr")
            if en >= 3.0 and en >= fr + 0.3 and (not is_french_word(low) or en >= fr + 1.0):
                return True
        return False

    @staticmethod
    def _title(words: list[Any]) -> bool:
        """True when every content word of the run is capitalised and one of them is not sentence-initial
        (English title case: «and the Black», «Terror from the Deep»)."""
        content = [t for t in words if t.is_alpha and zipf(t.lower_, "en") < FUNCTION_ZIPF]
        return bool(content) and all(t.text[:1].isupper() for t in content) and \
            any(not is_sentence_initial(t) for t in content)
