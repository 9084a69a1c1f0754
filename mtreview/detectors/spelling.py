"""The spelling detector (``fluency/spelling``): non-words, with ranked suggestions.

A word is a non-word when Grammalecte's French lexicon (``graphspell``) rejects it, wordfreq does not
know it as French and human-written French does not attest it (three times or more in the fr-mono corpus,
:func:`mtreview.knowledge.lexicon.corpus_attests`). Names are left alone — they are the names detector's
business — so a word is skipped when it is (part of) a named entity in the spaCy parse, capitalised inside
a sentence, written with inner capitals, known to the names knowledge base, or a common word of another
language (the untranslated detector looks at those). Numbers, URLs, e-mails, placeholders, words with
digits and tokens without a vowel (codes) are skipped too.

Suggestions come from Grammalecte's speller and are re-ranked by similarity (Levenshtein over folded
forms) and by wordfreq frequency. Confidence: 0.85 for an elided article or a grammatical word glued to a
word («labbaye» → «l'abbaye», «unvaisseau» → «un vaisseau») and for a non-word with a fix one slip away
(two for long words; accents aside) that is at least ten times commoner («hangard» → «hangar»); 0.45 —
below the usual threshold — for a non-word without such a fix, a word wordfreq knows in English
(«exclave»), or a word next to another unknown or foreign-lettered word: measured on clean human
references, these are mostly rare correct words («silphie», «kabak tatlısı»), though on MT output many are
garbled words. A non-word wordfreq knows in French keeps 0.85 only when its fix is much commoner still or
fits the neighbouring words in the fr-mono n-grams (:data:`KNOWN_FIX_MARGIN`: «hangard» yes, «sauce saté»
→ «salé» no); an adjective made from a name of the text («ferengies» / «Ferengi») gets 0.4. Severity
minor for a one-letter slip, major otherwise.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge.lexicon import corpus_attests, zipf
from . import BaseDetector
from .french import (
    ELISION_RE,
    in_spans,
    is_french_word,
    looks_like_name,
    match_case,
    protected_spans,
    speller,
)

WORD_OK = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
#: productive French prefixes and suffixes: «réélectrification», «positionnables» are words
PREFIXES = ("ré", "re", "pré", "dé", "dés", "multi", "anti", "auto", "géo", "bio", "co", "in", "im", "non",
            "sur", "sous", "super", "hyper", "inter", "micro", "macro", "mini", "méga", "néo", "post", "pro",
            "semi", "télé", "trans", "ultra", "vidéo", "éco", "cyber", "euro", "mono", "poly", "para",
            "contre", "mi", "demi", "archi", "extra", "infra", "méta", "photo", "radio", "thermo", "hydro",
            "électro", "agro", "cardio", "neuro", "psycho", "socio", "narco", "pétro", "e-")
SUFFIXES = (("ables", ("er", "")), ("able", ("er", "")), ("ibles", ("ir", "re", "")), ("ible", ("ir", "re", "")),
            ("ements", ("er", "e", "")), ("ement", ("er", "e", "")), ("euses", ("er", "")), ("euse", ("er", "")),
            ("eurs", ("er", "")), ("eur", ("er", "")), ("ages", ("er", "")), ("age", ("er", "")),
            ("isations", ("iser",)), ("isation", ("iser",)), ("iser", ("", "e")), ("isme", ("", "e")),
            ("iste", ("", "e", "isme")), ("istes", ("", "e", "isme")), ("ité", ("", "e")), ("ités", ("", "e")),
            ("ique", ("", "e", "ie")), ("iques", ("", "e", "ie")), ("ée", ("é", "er")), ("ées", ("é", "er")),
            ("s", ("",)))


#: a garbled name is looked for among the capitalised words this many characters around the word
NAME_WINDOW = 3000
NAME_RE = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b")
#: elided words that lose their apostrophe («labbaye», «dœuvre», «quécrivain»)
ELIDED = ("jusqu", "lorsqu", "puisqu", "qu", "l", "d", "j", "m", "n", "s", "t", "c")
#: a Latin letter that French spelling never uses («ı», «ş», «ğ», «ø», «å», «ñ» …)
NON_FRENCH_LETTER = re.compile(r"[^a-zàâäçéèêëîïôöùûüÿœæ\W\d_]")
VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
VOWEL_START = re.compile(r"^[aeiouyhàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
#: how much commoner (Zipf units, ×10 each) a fix must be than the word it replaces
FIX_MARGIN = 1.0
#: a word wordfreq knows this well in English, the language French borrows most terms from, is a loan or
#: an international word («exclave», «neem»). (Spanish and Italian are left out: their inflected forms
#: coincide with French typos, «comuniqué», «dinastie».)
FOREIGN_KNOWN = 1.5
FOREIGN_LANGS = ("en",)
#: a non-word that wordfreq nevertheless finds in French text (a rare word, a loan, or a common misspelling)
#: is called a typo confidently only when its fix is this much commoner (Zipf units: ≥ 200×, as for
#: «matérieux» → «matériaux», 3.1) or when the fix forms, with a neighbouring word, a phrase the fr-mono
#: n-grams attest («d'un hangar», «hangar à» for «hangard»); rare correct words close to a common word
#: fail both («sauce saté» → «salé», 2.2, «préludes choraux» → «coraux», 1.6)
KNOWN_FIX_MARGIN = 2.3


def _folded(word: str) -> str:
    from unidecode import unidecode

    return unidecode(word.lower().replace("œ", "oe").replace("æ", "ae"))


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (one transposition counts one) between the accent-folded words."""
    from rapidfuzz.distance import OSA

    return OSA.distance(_folded(a), _folded(b))


def same_letters(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only by accents or case («célébre» / «célèbre»)."""
    return a.lower() != b.lower() and _folded(a) == _folded(b)


def _known(word: str) -> bool:
    return is_french_word(word) or corpus_attests(word)


@functools.lru_cache(maxsize=20_000)
def split_elision(word: str, apostrophe: str = "'") -> str | None:
    """«labbaye» → «l'abbaye»: an elided article or pronoun glued to a known word, else None."""
    low = word.lower()
    if _known(low):
        return None
    for el in ELIDED:
        rest = low[len(el):]
        if low.startswith(el) and len(rest) >= 3 and VOWEL_START.match(rest) and \
                (_known(rest) or zipf(rest, "fr") >= 3.0):
            return word[:len(el)] + apostrophe + word[len(el):]
    return None


def _tags(word: str) -> str:
    from .french import morph_tags

    return " ".join(morph_tags(word))


@functools.lru_cache(maxsize=20_000)
def split_joined(word: str) -> str | None:
    """«unvaisseau» → «un vaisseau», «courantsde» → «courants de»: a word of four letters or more glued
    to a grammatical word where it stands in French (a determiner, preposition, pronoun or adverb before, a
    preposition or conjunction after), both common; else None."""
    low = word.lower()
    best, score = None, 0.0
    for i in range(2, len(low) - 1):
        a, b = low[:i], low[i:]
        if not (is_french_word(a) and is_french_word(b)):
            continue
        if len(b) >= 4 and zipf(a, "fr") >= 5.0 and any(t in _tags(a) for t in (":D", ":R", ":Os", ":Ov", ":W")):
            z = zipf(b, "fr")
        elif len(a) >= 4 and zipf(b, "fr") >= 5.0 and any(t in _tags(b) for t in (":R", ":G:C", ":Cc")):
            z = zipf(a, "fr")
        else:
            continue
        if z >= 3.0 and z > score:
            best, score = word[:i] + " " + word[i:], z
    return best


def credible_fix(word: str, suggestions: list[str]) -> str | None:
    """The first suggestion one slip away (two for words of ten letters or more; accents aside) that is
    at least :data:`FIX_MARGIN` Zipf units commoner than ``word``: what a typo of it would look like."""
    from rapidfuzz.distance import OSA

    limit = 2 if len(word) >= 10 else 1
    own = zipf(word.lower(), "fr")
    best, key = None, None
    for s in suggestions:
        if " " in s or s.lower() == word.lower():
            continue
        d = edit_distance(word, s)
        if d <= limit and (same_letters(word, s) or zipf(s.lower(), "fr") >= own + FIX_MARGIN):
            k = (d, OSA.distance(word.lower(), s.lower()), -zipf(s.lower(), "fr"))
            if key is None or k < key:  # nearest first, accents counted, then the commonest
                best, key = s, k
    return best


def fix_in_context(text: str, start: int, end: int, fix: str) -> bool:
    """True when ``fix``, put in place of the word at ``start:end``, forms a phrase with the word before
    or after it that the fr-mono n-grams attest."""
    from ..knowledge.ngrams import get_ngrams

    model = get_ngrams()
    if model is None:
        return True  # no statistics: judge by the word lists alone
    lo = max(text.rfind("\n", 0, start) + 1, start - 60)
    hi = text.find("\n", end)
    hi = min(end + 60, len(text) if hi < 0 else hi)
    before = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*['’]?", text[lo:start])[-1:]
    after = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text[end:hi])[:1]
    return bool(before) and model.count([*before, fix]) > 0 or bool(after) and model.count([fix, *after]) > 0


def credible_known_fix(word: str, fix: str, text: str, start: int, end: int) -> bool:
    """For a word wordfreq knows in French: is ``fix`` still the credible correction (see
    :data:`KNOWN_FIX_MARGIN`)? Always True for a word wordfreq does not know or an accent slip."""
    own = zipf(word.lower(), "fr")
    if own <= 0 or same_letters(word, fix):
        return True
    return zipf(fix.lower(), "fr") >= own + KNOWN_FIX_MARGIN or fix_in_context(text, start, end, fix)


#: inflections and derivations that make an adjective or a noun of a name («Ferengi» → «ferengies»,
#: «Marx» → «marxiste», «Paris» → «parisienne»)
NAME_SUFFIXES = ("", "s", "e", "es", "en", "ens", "enne", "ennes", "ien", "iens", "ienne", "iennes", "ain",
                 "ains", "aine", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "ite", "ites", "iste",
                 "istes", "isme", "ique", "iques")


def derived_from_name(word: str, name: str) -> bool:
    """True when ``word`` is ``name`` (lower case) followed by an inflection or a derivational suffix."""
    w, n = _folded(word), _folded(name)
    if len(n) < 4 or not w.startswith(n[:-1]):
        return False
    for stem in (n, n[:-1]):  # «Ferengi» → «ferengies»; «Bretagne» → «bretonne» is not covered
        if w.startswith(stem) and w[len(stem):] in NAME_SUFFIXES:
            return True
    return False


def foreign_known(word: str) -> bool:
    """True when wordfreq knows ``word`` in English («exclave», «neem»)."""
    low = word.lower()
    return max(zipf(low, lang) for lang in FOREIGN_LANGS) >= FOREIGN_KNOWN


@functools.lru_cache(maxsize=20_000)
def is_derivation(word: str) -> bool:
    """True when ``word`` is a known word with a productive prefix or suffix («réélectrification»)."""
    w = word.lower()
    for p in PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 4:
            rest = w[len(p):].lstrip("-")
            if is_french_word(rest) or is_derivation_suffix(rest):
                return True
    return is_derivation_suffix(w)


def is_derivation_suffix(w: str) -> bool:
    for suf, ends in SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[: -len(suf)]
            for e in ends:
                if is_french_word(stem + e) or stem.endswith("nn") and is_french_word(stem[:-1] + e):
                    return True
    return False


@functools.lru_cache(maxsize=1)
def _kb() -> Any:
    try:
        from ..knowledge.names import get_kb

        return get_kb()
    except Exception:  # noqa: BLE001 - the names data may be missing: names are then judged by form only
        return None


@functools.lru_cache(maxsize=20_000)
def rank_suggestions(word: str, limit: int = 5) -> tuple[tuple[str, float], ...]:
    """Speller suggestions for ``word``, best first, each with a score in [0, 1]."""
    from rapidfuzz.distance import Levenshtein
    from unidecode import unidecode

    try:
        raw = [s for group in speller().suggest(word) for s in (group if isinstance(group, list) else [group])]
    except Exception:  # noqa: BLE001
        raw = []
    fold = unidecode(word.lower())
    scored = []
    for s in dict.fromkeys(raw):
        if s[:1].isupper() and not word[:1].isupper():
            continue
        if " " in s:
            continue
        sim = Levenshtein.normalized_similarity(fold, unidecode(s.lower()))
        freq = zipf(s.lower(), "fr")
        scored.append((s, 0.7 * sim + 0.3 * min(freq, 6.0) / 6.0))
    scored.sort(key=lambda p: -p[1])
    return tuple(scored[:limit])


class SpellingDetector(BaseDetector):
    """Words that are not French (nor a name, nor a common foreign word): typos and garbled words."""

    name = "spelling"
    categories = ("fluency/spelling",)

    def __init__(self, min_length: int = 3, use_kb: bool = True) -> None:
        self.min_length = min_length
        self.use_kb = use_kb

    def candidates(self, document: Document) -> Iterator[tuple[int, int, str, Any]]:
        """Words (document offsets) that the lexicon rejects and that are not names."""
        text = document.text
        protected = protected_spans(text)
        kb = _kb() if self.use_kb else None
        for ps in document.parsed:
            doc = ps.doc
            for tok in doc:
                w = tok.text
                if len(w) < self.min_length or not WORD_OK.match(w) or tok.like_url or tok.like_email:
                    continue
                el = ELISION_RE.match(w)
                core = w[el.end():] if el else w
                if len(core) < self.min_length or not VOWELS.search(core):
                    continue  # too short, or no vowel: a code or an acronym («mfx»)
                start = ps.offset + tok.idx + (len(w) - len(core))
                end = ps.offset + tok.idx + len(w)
                if in_spans(start, end, protected):
                    continue
                if core.isupper() or core[:1].isupper() or looks_like_name(tok, kb):
                    continue  # capitalised: a name, the names detector's business
                # part of a hyphenated or joined compound spaCy split: judge the whole
                if tok.i + 1 < len(doc) and doc[tok.i + 1].text in {"-", "_"} and not doc[tok.i + 1].whitespace_:
                    continue
                if tok.i > 0 and doc[tok.i - 1].text in {"-", "_", "@", "#"} and not doc[tok.i - 1].whitespace_:
                    continue
                if is_french_word(core) or is_french_word(core.lower()) or corpus_attests(core):
                    continue  # the lexicon has it, or human-written French uses it (fr-mono corpus)
                low = core.lower()
                if zipf(low, "fr") >= 3.0:
                    continue
                if max(zipf(low, "en"), zipf(low, "de")) >= 3.0 or max(zipf(low, "es"), zipf(low, "it")) >= 3.5:
                    continue  # a foreign word: the untranslated detector's call
                if "-" in core and all(is_french_word(p) or zipf(p.lower(), "fr") >= 3 for p in core.split("-")):
                    continue
                if is_derivation(core):
                    continue
                yield start, end, core, tok

    @staticmethod
    def _close_name(word: str, names: set[str]) -> str | None:
        """A capitalised word of the document that ``word`` could be a garbled form of («bammer»)."""
        from rapidfuzz.distance import Levenshtein
        from unidecode import unidecode

        w = unidecode(word.lower())
        best, score = None, 0.0
        for n in names:
            sim = Levenshtein.normalized_similarity(w, unidecode(n.lower()))
            if sim > score:
                best, score = n, sim
        return best if score >= 0.6 else None

    @staticmethod
    def _names_near(text: str, start: int, end: int) -> set[str]:
        """Capitalised words within :data:`NAME_WINDOW` characters that are not French words (names)."""
        window = text[max(0, start - NAME_WINDOW):end + NAME_WINDOW]
        return {m.group(0) for m in NAME_RE.finditer(window)
                if not is_french_word(m.group(0).lower()) and not corpus_attests(m.group(0))}

    @staticmethod
    def _foreign_phrase(text: str, start: int, end: int) -> bool:
        """True when a neighbouring word is unknown too, or has letters French does not use: the word
        belongs to a phrase in another language («kabak tatlısı», «Boudte moim moujem»)."""
        before = re.findall(r"[^\W\d_]+", text[max(0, start - 40):start])[-1:]
        after = re.findall(r"[^\W\d_]+", text[end:end + 40])[:1]
        for w in before + after:
            if NON_FRENCH_LETTER.search(w.lower()):
                return True
            if len(w) >= 3 and not _known(w.lower()) and zipf(w.lower(), "fr") < 3.0 and \
                    not is_derivation(w.lower()):
                return True
        return False

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        apos = "’" if text.count("’") > text.count("'") else "'"
        for start, end, word, _tok in self.candidates(document):
            joined = split_elision(word, apos) or split_joined(word)
            if joined is not None:
                yield Flag(start=start, end=end, text=text[start:end], category="fluency/spelling",
                           severity="minor", confidence=0.85, suggestions=[match_case(joined, word)],
                           explanation=f"«\u00a0{word}\u00a0»\u00a0: deux mots soudés\u00a0; «\u00a0{joined}\u00a0».",
                           detector=self.name, evidence={"lexicon": "grammalecte graphspell", "rule": "joined"})
                continue
            name = self._close_name(word, self._names_near(text, start, end))
            if name is not None and name.lower() != word.lower() and derived_from_name(word, name):
                # an adjective or a noun made from a name of the text («les règles ferengies» / «Ferengi»)
                yield Flag(start=start, end=end, text=text[start:end], category="fluency/spelling",
                           severity="minor", confidence=0.4, suggestions=[],
                           explanation=f"«\u00a0{word}\u00a0» semble dérivé du nom «\u00a0{name}\u00a0».",
                           detector=self.name,
                           evidence={"lexicon": "grammalecte graphspell", "close_name": name, "rule": "name_derived"})
                continue
            if name is not None and name.lower() == word.lower():
                # the same word capitalised nearby: a name written in lower case, or a common word
                # capitalised in a title («krupuk» / «Krupuk»): not a misspelling
                yield Flag(start=start, end=end, text=text[start:end], category="fluency/spelling",
                           severity="minor", confidence=0.4, suggestions=[name],
                           explanation=f"«\u00a0{word}\u00a0» s'écrit ailleurs avec une majuscule "
                                       f"(«\u00a0{name}\u00a0»).", detector=self.name,
                           evidence={"lexicon": "grammalecte graphspell", "close_name": name, "rule": "case_only"})
                continue
            if name is not None:
                # a garbled name: the names detector has the last word (its flag must win the overlap)
                yield Flag(start=start, end=end, text=text[start:end], category="fluency/spelling",
                           severity="major", confidence=0.55, suggestions=[name],
                           explanation=f"«\u00a0{word}\u00a0» n'est pas un mot français\u00a0; peut-être le nom "
                                       f"«\u00a0{name}\u00a0» déformé.", detector=self.name,
                           evidence={"lexicon": "grammalecte graphspell", "close_name": name})
                continue
            ranked = rank_suggestions(word)
            good = [s for s, score in ranked if score >= 0.55]
            if len(word) <= 4 and not (ranked and ranked[0][1] >= 0.7):
                continue  # a short unknown token is more often an acronym or a code than a typo
            best = ranked[0][1] if ranked else 0.0
            fix = credible_fix(word, [s for s, _ in ranked])
            if fix is not None:
                good = [fix] + [s for s in good if s != fix]
            one_slip = bool(good) and edit_distance(word, good[0]) <= 1
            foreign = fix is not None and not same_letters(word, fix) and foreign_known(word)
            phrase = self._foreign_phrase(text, start, end)
            if fix is not None and not credible_known_fix(word, fix, text, start, end):
                conf, why = 0.45, "rare_word"  # a word French text uses, the fix not borne out by context
            elif fix is not None and not foreign and not phrase:
                conf, why = 0.85, "close_fix"
            else:
                # no fix one slip away (or the word exists in another language): a rare word, a foreign
                # term or a garbled word; on clean human French these are mostly correct words
                conf, why = 0.45, "foreign_word" if foreign else "foreign_phrase" if phrase else "no_close_fix"
            yield Flag(start=start, end=end, text=text[start:end], category="fluency/spelling",
                       severity="minor" if one_slip else "major", confidence=conf, suggestions=good[:3],
                       explanation=f"«\u00a0{word}\u00a0» n'est pas un mot français connu"
                                   + (f"\u00a0; peut-être «\u00a0{good[0]}\u00a0»." if good else "."),
                       detector=self.name,
                       evidence={"lexicon": "grammalecte graphspell", "best_score": round(best, 3), "rule": why})
