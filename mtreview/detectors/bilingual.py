"""The bilingual detector: checks that need the source (``--source``, TSV, XLIFF …).

Runs only on segments that carry a source (``Segment.source``); on monolingual input it finds nothing.

* **numbers** (``accuracy/mistranslation`` or ``accuracy/omission``): every number of the source must be
  in the target, whatever the separators («1.8» = «1,8», «15,000» = «15 000» = «15.000»), written as a
  French word («deux») or as a date/time part («19.15 Uhr» = «19 h 15»). When exactly one source number is
  missing and one target number of the same length is not in the source, that target number is flagged
  with the source's number as suggestion; otherwise the missing number is reported at the segment end.
  Target numbers absent from the source are not flagged (translators add years and totals; measured on
  WMT22 references).
* **names and entities** (``accuracy/omission``): proper names, acronyms and codes of the source (for a
  Cyrillic source, their romanisations) must appear in the target, exactly, folded, close (Levenshtein),
  or in the French form the names knowledge base gives.
* **untranslated segments** (``accuracy/untranslated``): the target repeats the source, or is mostly made
  of source words that are not French.
* **length-ratio outliers** (``accuracy/omission`` / ``accuracy/addition``): a segment whose
  target/source length ratio is far from the document's median ratio (below half or above double).

Missing items are reported by a zero-width flag at the end of the segment (nothing to replace, and it
never hides the flags inside the segment); segment-level flags carry a low confidence so that any more
precise flag on the same words wins.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

from ..document import Document
from ..flags import Flag
from ..knowledge.lexicon import zipf
from . import BaseDetector
from .french import CYRILLIC_RE, is_french_word, names_kb

NUM_RE = re.compile(r"(?<![\w.,:])\d+(?:[ \u00a0\u202f.,'’]\d{3})*(?:[.,]\d+)?(?::00\b)?"
                    r"(?:er|re|ère|e|ème|è|ᵉʳ|ᵉ|h(?:00)?)?(?![\w])")
_ORDINAL = re.compile(r"(?::00|er|re|ère|e|ème|è|ᵉʳ|ᵉ|h|h00)$")
#: French number words, so that «2 Stück» = «deux pièces»
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept "
    "dix-huit dix-neuf vingt".split())}
NUMBER_WORDS.update({"une": "1", "trente": "30", "quarante": "40", "cinquante": "50", "soixante": "60",
                     "cent": "100", "mille": "1000", "premier": "1", "première": "1", "second": "2",
                     "seconde": "2", "deuxième": "2", "troisième": "3", "quatrième": "4", "cinquième": "5",
                     "moitié": "50", "double": "2", "triple": "3", "million": "1000000", "milliard": "1000000000",
                     "douzaine": "12", "dizaine": "10", "centaine": "100", "quinzaine": "15", "vingtaine": "20"})
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: source languages that capitalise every noun
CAPITALISED_NOUNS = {"de", "lb"}
TOKEN_RE = re.compile(r"[\w\u0400-\u04FF]+(?:[-'’][\w\u0400-\u04FF]+)*")


def number_value(s: str) -> str:
    """A canonical form of a written number: «15 000» «15,000» «15.000» → «15000»; «1,8» «1.8» → «1.8».

    A separator followed by exactly three digits groups thousands; any other marks decimals.
    """
    t = _ORDINAL.sub("", re.sub(r"[ \u00a0\u202f'’]", "", s))
    m = _NUM_PARTS.fullmatch(t)
    if m:
        whole = m.group(1) + re.sub(r"[.,]", "", m.group(2))
        return whole + ("." + m.group(4) if m.group(4) else "")
    return t.replace(",", ".")


_NUM_PARTS = re.compile(r"(\d+)((?:[.,]\d{3})*)(?:([.,])(\d{1,2}|\d{4,}))?")


def numbers_of(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, written, value)`` for the numbers of ``text``."""
    out = []
    for m in NUM_RE.finditer(text):
        out.append((m.start(), m.end(), m.group(0), number_value(m.group(0))))
    return out


def french_number(written_source: str, value: str) -> str:
    """The source number written the French way («1.8» → «1,8»)."""
    if "." in value:
        return value.replace(".", ",")
    if len(value) > 4:
        return f"{int(value):,}".replace(",", "\u00a0")
    return value


def _fold(s: str) -> str:
    from unidecode import unidecode

    return unidecode(s).lower()


class BilingualDetector(BaseDetector):
    """Numbers, names and entities of the source missing in the target; untranslated segments; length."""

    name = "bilingual"
    #: works on the text alone
    parse = "none"
    categories = ("accuracy/mistranslation", "accuracy/omission", "accuracy/addition", "accuracy/untranslated")

    def __init__(self, numbers: bool = True, names: bool = True, untranslated: bool = True,
                 length: bool = True, source_lang: str | None = None) -> None:
        self.numbers = numbers
        self.names = names
        self.untranslated = untranslated
        self.length = length
        self.source_lang = source_lang

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        segs = [s for s in document.segments if s.source]
        if not segs:
            return
        ratios = [len(text[s.start:s.end]) / max(1, len(s.source or "")) for s in segs
                  if len(s.source or "") >= 20]
        median = statistics.median(ratios) if len(ratios) >= 5 else 1.1
        lang = self.source_lang or self._guess_lang(" ".join((s.source or "") for s in segs[:50]))
        for seg in segs:
            yield from self._segment(text, seg.start, seg.end, seg.source or "", median, lang)

    @staticmethod
    def _guess_lang(sample: str) -> str:
        if CYRILLIC_RE.search(sample):
            return "ru"
        words = [w.lower() for w in WORD_RE.findall(sample)][:300]
        if not words:
            return "en"
        scores = {lg: sum(zipf(w, lg) for w in words) for lg in ("en", "de", "es", "it")}
        return max(scores, key=lambda k: scores[k])

    def _segment(self, text: str, a: int, b: int, source: str, median: float, lang: str) -> Iterator[Flag]:
        target = text[a:b]
        missing: list[str] = []
        untranslated = False
        if self.untranslated:
            f = self._untranslated(text, a, b, source)
            if f is not None:
                untranslated = True
                yield f
        if self.numbers and not untranslated:
            fl, miss = self._numbers(text, a, target, source)
            yield from fl
            missing += miss
        if self.names and not untranslated:
            missing += self._names(target, source, lang)
        if missing:
            yield Flag(start=b, end=b, text="", category="accuracy/omission", severity="major",
                       confidence=0.65, suggestions=[],
                       explanation="Absent de la traduction\u00a0: " + ", ".join(f"«\u00a0{m}\u00a0»" for m in missing)
                                   + ".", detector=self.name, evidence={"missing": missing})
        if self.length and not untranslated and len(source) >= 40 and median > 0:
            r = len(target) / len(source) / median
            if r < 0.45 or r > 2.2:
                cat = "accuracy/omission" if r < 0.5 else "accuracy/addition"
                yield Flag(start=a, end=b, text=target, category=cat, severity="major",
                           confidence=0.35 if 0.33 < r < 3.0 else 0.5, suggestions=[],
                           explanation=("Traduction bien plus courte que la source\u00a0: une partie manque "
                                        "peut-être." if r < 0.5 else
                                        "Traduction bien plus longue que la source\u00a0: ajout\u00a0?"),
                           detector=self.name, evidence={"length_ratio": round(r * median, 3),
                                                         "median_ratio": round(median, 3)})

    # ------------------------------------------------------------------ untranslated
    def _untranslated(self, text: str, a: int, b: int, source: str) -> Flag | None:
        target = text[a:b]
        tw = [w.lower() for w in WORD_RE.findall(target)]
        if len(tw) < 3:
            return None
        same = _fold(re.sub(r"\W+", " ", target)).strip() == _fold(re.sub(r"\W+", " ", source)).strip()
        sw = {w.lower() for w in WORD_RE.findall(source)}
        shared = sum(1 for w in tw if w in sw and not is_french_word(w))
        french = sum(1 for w in tw if is_french_word(w))
        if same or (shared / len(tw) >= 0.5 and french / len(tw) < 0.5):
            return Flag(start=a, end=b, text=target, category="accuracy/untranslated", severity="critical",
                        confidence=0.9 if same else 0.8, suggestions=[],
                        explanation="Segment non traduit\u00a0: il reprend la source.", detector=self.name,
                        evidence={"identical": same, "shared_words": shared, "words": len(tw)})
        return None

    # ------------------------------------------------------------------ numbers
    def _numbers(self, text: str, a: int, target: str, source: str) -> tuple[list[Flag], list[str]]:
        src = numbers_of(source)
        tgt = numbers_of(target)
        src_vals = [v for *_, v in src]
        tgt_vals = [v for *_, v in tgt] + [NUMBER_WORDS[w.lower()] for w in WORD_RE.findall(target)
                                           if w.lower() in NUMBER_WORDS]
        def present(v: str, pool: list[str]) -> bool:
            # «90er» = «1990» (a decade), «2» = «deux»
            if v in pool or any(len(v) == 2 and p.endswith(v) and len(p) == 4 for p in pool):
                return True
            parts = v.split(".")
            if len(parts) == 2 and all(0 < len(x) <= 2 for x in parts):
                # a date or a time written with a dot («12.12.», «19.15 Uhr»): day or hour suffices
                return str(int(parts[0])) in pool or parts[0] in pool
            return False

        missing = [(w, v) for _, _, w, v in src if not present(v, tgt_vals)]
        extra = [(s, e, w, v) for s, e, w, v in tgt if not present(v, src_vals) and
                 not any(len(x) == 2 and v.endswith(x) and len(v) == 4 for x in src_vals)]
        flags: list[Flag] = []
        if len(missing) == 1 and len(extra) == 1 and len(missing[0][1]) == len(extra[0][3]):
            s, e, w, _v = extra[0]
            sw, sv = missing[0]
            flags.append(Flag(start=a + s, end=a + e, text=text[a + s:a + e], category="accuracy/mistranslation",
                              severity="major", confidence=0.8, suggestions=[french_number(sw, sv)],
                              explanation=f"Le nombre diffère de la source («\u00a0{sw}\u00a0»).",
                              detector=self.name, evidence={"source_number": sw}))
            return flags, []
        return flags, [w for w, _ in missing]

    # ------------------------------------------------------------------ names
    def _names(self, target: str, source: str, lang: str) -> list[str]:
        toks = list(TOKEN_RE.finditer(source))
        tgt_fold = _fold(target)
        tgt_words = {_fold(w) for w in TOKEN_RE.findall(target)}
        out: list[str] = []
        for i, m in enumerate(toks):
            w = m.group(0)
            if not self._is_name(w, i, toks, source, lang):
                continue
            if self._present(w, tgt_fold, tgt_words, lang):
                continue
            out.append(w)
        return out

    @staticmethod
    def _is_name(w: str, i: int, toks: list[re.Match], source: str, lang: str) -> bool:
        if len(w) < 3 or not w[:1].isupper() or w.isdigit():
            return False

        def initial(k: int) -> bool:
            gap = source[toks[k - 1].end():toks[k].start()] if k > 0 else ""
            return k == 0 or re.search(r"[.!?:\"«»“„(\n-]\s*$", gap) is not None

        if initial(i):
            return False  # sentence-initial: no evidence
        if any(c.isdigit() for c in w):
            return sum(c.isalpha() for c in w) <= 4  # a code or a model («X-T2»), not «Formel-1-Finale»
        kb = names_kb()
        common_word = zipf(w.lower(), lang if lang in {"en", "de", "es", "it", "ru"} else "en") >= 3.0
        known = kb is not None and not common_word and any(v.kind in ("fr", "en", "alias") for v in kb.lookup(w))
        if lang in CAPITALISED_NOUNS:
            return known  # every noun is capitalised: only names the knowledge base knows
        if w.isupper():
            return known  # acronyms are translated too (MwSt → TVA, EU → UE)
        low = w.lower()
        if lang == "ru":
            return zipf(low, "ru") < 3.0
        return zipf(low, lang if lang in {"en", "es", "it"} else "en") < 3.0

    @staticmethod
    def _present(w: str, tgt_fold: str, tgt_words: set[str], lang: str) -> bool:
        from rapidfuzz.distance import Levenshtein

        cands = {_fold(w)}
        if CYRILLIC_RE.search(w):
            from ..knowledge.transliteration import french_transcription, romanise

            for scheme in ("bgn", "iso9", "passport"):
                try:
                    cands.add(_fold(romanise(w, scheme)))
                except Exception:  # noqa: BLE001
                    pass
            try:
                cands.add(_fold(french_transcription(w)))
            except Exception:  # noqa: BLE001
                pass
        kb = names_kb()
        if kb is not None:
            for v in kb.lookup(w)[:5]:
                e = kb.entities[v.entity]
                for form in e.correct_forms():
                    cands.update(_fold(t) for t in form.split())
        for c in cands:
            if len(c) >= 3 and c in tgt_fold:
                return True
            for tw in tgt_words:
                if len(tw) >= 3 and Levenshtein.normalized_similarity(c, tw) >= 0.75:
                    return True
                if len(c) >= 5 and tw.startswith(c[:5]):
                    return True
        return False
