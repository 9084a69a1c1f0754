"""The spelling detector (``fluency/spelling``): non-words, with ranked suggestions.

A word is a non-word when Grammalecte's French lexicon (``graphspell``) rejects it and wordfreq does not
know it as French. Names are left alone — they are the names detector's business — so a word is skipped
when it is (part of) a named entity in the spaCy parse, capitalised inside a sentence, written with
inner capitals, known to the names knowledge base, or a common word of another language (the
untranslated detector looks at those). Numbers, URLs, e-mails, placeholders and words with digits are
skipped too.

Suggestions come from Grammalecte's speller and are re-ranked by similarity (Levenshtein over folded
forms) and by wordfreq frequency; a suggestion is offered only when it is close enough to be credible.
Confidence: 0.85 with a credible close suggestion, 0.75 otherwise (a garbled word with no obvious fix
is still a real problem); severity minor for a one-letter slip, major for a garbled word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge.lexicon import zipf
from .french import ELISION_RE, in_spans, is_french_word, looks_like_name, protected_spans, speller

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


class SpellingDetector:
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
                if len(core) < self.min_length:
                    continue
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
                if is_french_word(core) or is_french_word(core.lower()):
                    continue
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

    def detect(self, document: Document) -> Iterator[Flag]:
        text = document.text
        names = {m.group(0) for m in re.finditer(r"\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b", text)}
        for start, end, word, _tok in self.candidates(document):
            name = self._close_name(word, names)
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
            from rapidfuzz.distance import Levenshtein

            one_slip = bool(good) and Levenshtein.distance(word.lower(), good[0].lower()) <= 1
            conf = 0.85 if good else 0.75
            yield Flag(start=start, end=end, text=text[start:end], category="fluency/spelling",
                       severity="minor" if one_slip else "major", confidence=conf, suggestions=good[:3],
                       explanation=f"«\u00a0{word}\u00a0» n'est pas un mot français connu"
                                   + (f"\u00a0; peut-être «\u00a0{good[0]}\u00a0»." if good else "."),
                       detector=self.name,
                       evidence={"lexicon": "grammalecte graphspell", "best_score": round(best, 3)})
