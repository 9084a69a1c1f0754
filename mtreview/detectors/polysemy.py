"""The polysemy detector (``accuracy/mistranslation``): a Russian pivot word rendered in the wrong sense.

Confusion sets + a language model, in the manner of context-sensitive spelling correction (Golding & Roth,
"A Winnow-based approach to context-sensitive spelling correction", 1999): a translation through Russian
may render a polysemous word (ставка: *taux*, *pari*, *mise*) by any of its senses, so each French word
whose lemma is a sense in some set of ``knowledge/data/confusions/russian_sense_sets.tsv`` is a candidate,
and every other single-word sense of the set is tried in its place (inflected like the written word, its
determiner made to agree). The French n-gram model (``models/fr-ngrams``, :mod:`mtreview.knowledge.ngrams`)
scores both sentences: the log10 stupid-backoff probability of the word and the two words after it given
the two before it, each word's own frequency taken out (the *prior-free fit*, as
:meth:`MistranslationDetector.ngram_fit`).

A flag needs all three kinds of evidence (thresholds chosen on clean human French, see docs and
``bench/clean_flags.py``):

1. the partner fits far better: a prior-free fit at least ``MIN_DELTA`` log10 units above the written
   word's;
2. the partner is attested in this context: its n-gram with a neighbour (a trigram through a function
   word: «taux d'intérêt») was seen at least ``MIN_SUPPORT`` times;
3. the written word is not: its n-grams with each neighbour were never seen, or at most
   ``1/MIN_RATIO`` as often as the partner's.

The confidence is 0.5–0.8 when the written word is unattested on both sides and the evidence is wide,
lower (0.3–0.45) otherwise. Capitalised words inside a sentence (names, titles) are left alone.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge import ngrams as ngram_stats
from . import BaseDetector
from .french import (
    conjugate_like,
    det_for,
    in_spans,
    is_sentence_initial,
    join_det,
    match_case,
    noun_gender,
    noun_like,
    protected_spans,
)
from .mistranslation import MistranslationDetector, adj_like

SETS_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "confusions" / "russian_sense_sets.tsv"

#: the partner's prior-free fit must exceed the written word's by this many log10 units …
MIN_DELTA = 3.0
#: … its n-gram with a neighbour must have been seen this often …
MIN_SUPPORT = 10
#: … and the written word's n-grams with its neighbours at most this many times less often
MIN_RATIO = 20
#: … and the written word, were it as much at home there as the partner, would have been seen this often
MIN_EXPECTED = 10.0
#: two senses whose word vectors (spaCy fr_core_news_md) are closer than this are one sense, not tried
MAX_SIMILARITY = 0.45
#: below these, a weaker flag (under 0.5) is still reported
WEAK_DELTA = 1.5
WEAK_SUPPORT = 3
WEAK_EXPECTED = 3.0
POS = {"NOUN", "VERB", "ADJ"}
#: function words: an n-gram through one of them is read with the next word (a trigram)
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}
_WORD_RE = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?$")


@functools.lru_cache(maxsize=100_000)
def _cosine(vocab: Any, a: str, b: str) -> float:
    """Cosine of the word vectors of ``a`` and ``b`` in ``vocab`` (0.0 when either has none); kept per
    process, not on the detector (a detector holds no state between documents)."""
    if not (vocab.has_vector(a) and vocab.has_vector(b)):
        return 0.0
    import numpy as np

    x, y = vocab.get_vector(a), vocab.get_vector(b)
    den = float(np.linalg.norm(x) * np.linalg.norm(y)) or 1.0
    return float(x @ y) / den


@dataclass(frozen=True)
class SenseSet:
    """One row of the table: a Russian word and the French lemmas of its senses."""

    russian: str
    pos: str
    senses: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def sense_sets(path: Path = SETS_FILE) -> tuple[SenseSet, ...]:
    """The rows of ``russian_sense_sets.tsv`` (``#`` lines are comments)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ru, pos, senses = line.split("\t")[:3]
        out.append(SenseSet(ru.strip(), pos.strip(), tuple(s.strip() for s in senses.split("|") if s.strip())))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def sense_index(path: Path = SETS_FILE) -> dict[tuple[str, str], list[SenseSet]]:
    """``(French single-word lemma, POS) -> the sets it belongs to``."""
    out: dict[tuple[str, str], list[SenseSet]] = {}
    for s in sense_sets(path):
        for lemma in s.senses:
            if " " not in lemma:
                out.setdefault((lemma, s.pos), []).append(s)
    return out


@functools.lru_cache(maxsize=4)
def _lemma_keys(path: Path = SETS_FILE) -> frozenset[str]:
    return frozenset(k for k, _ in sense_index(path))


def _content(tok: Any) -> bool:
    return tok.pos_ in _CONTENT_POS and not tok.is_stop


def _pos(tok: Any) -> str:
    """The token's part of speech; a lower-case «proper noun» is a noun («les paris d'intérêt»)."""
    pos = tok.pos_
    return "NOUN" if pos == "PROPN" and tok.text.islower() else pos


class PolysemyDetector(BaseDetector):
    """A French word that renders another sense of its Russian pivot word than the context calls for."""

    name = "polysemy"
    categories = ("accuracy/mistranslation",)

    def __init__(self, min_delta: float = MIN_DELTA, min_support: int = MIN_SUPPORT,
                 min_ratio: float = MIN_RATIO, max_similarity: float = MAX_SIMILARITY,
                 path: Path = SETS_FILE) -> None:
        self.max_similarity = max_similarity
        self.min_delta = min_delta
        self.min_support = min_support
        self.min_ratio = min_ratio
        self.path = path

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        model = ngram_stats.get_ngrams()
        if model is None:
            return
        text = document.text
        protected = protected_spans(text)
        keys = _lemma_keys(self.path)
        index = sense_index(self.path)
        for ps in document.parsed:
            doc = ps.doc
            lowers, lemmas = MistranslationDetector._lexical(doc)
            for i, (lo, le) in enumerate(zip(lowers, lemmas, strict=True)):
                le = le.lower()
                if le not in keys and lo not in keys:
                    continue
                tok = doc[i]
                pos = _pos(tok)
                if pos not in POS:
                    continue
                sets = index.get((le, pos)) or index.get((lo, pos))
                if not sets or not self._candidate(tok):
                    continue
                f = self._judge(model, text, ps.offset, tok, le if (le, pos) in index else lo, sets)
                if f is not None and not in_spans(f.start, f.end, protected):
                    yield f

    @staticmethod
    def _candidate(tok: Any) -> bool:
        if not _WORD_RE.match(tok.text):
            return False
        if tok.text[:1].isupper() and not is_sentence_initial(tok):
            return False  # a name or a title («la Nouvelle Lumière» is left to the names detector)
        return not MistranslationDetector._in_title(tok)

    # ------------------------------------------------------------------ context
    @staticmethod
    def _context(tok: Any) -> tuple[list[Any], list[Any]]:
        """Up to two word tokens on each side of ``tok`` inside its sentence, stopping at punctuation,
        numbers and symbols (the n-grams do not cross them)."""
        doc, sent = tok.doc, tok.sent
        left: list[Any] = []
        j = tok.i - 1
        while j >= sent.start and len(left) < 2 and _WORD_RE.match(doc[j].text):
            left.insert(0, doc[j])
            j -= 1
        right: list[Any] = []
        j = tok.i + 1
        while j < sent.end and len(right) < 2 and _WORD_RE.match(doc[j].text):
            right.append(doc[j])
            j += 1
        return left, right

    @staticmethod
    def _sides(ltoks: list[Any], rtoks: list[Any]) -> list[tuple[str, int]]:
        """The n-grams that join the word to a content word beside it: ``(side, order)`` with side ``"l"``
        or ``"r"`` and order 2 (a content neighbour: «taux directeur») or 3 (through one function word:
        «taux d'intérêt», «les paris d'intérêt»). An n-gram of function words only («il a gagné») says
        nothing about the word's sense and is not read."""
        out: list[tuple[str, int]] = []
        for side, toks in (("l", ltoks[::-1]), ("r", rtoks)):
            if not toks:
                continue
            if _content(toks[0]):
                out.append((side, 2))
            elif len(toks) == 2 and _content(toks[1]):
                out.append((side, 3))
        return out

    @staticmethod
    def _count(model: ngram_stats.NgramModel, form: str, left: list[str], right: list[str],
               side: str, order: int) -> int:
        if side == "l":
            return model.count([*left[-(order - 1):], form])
        return model.count([form, *right[:order - 1]])

    def _evidence(self, model: ngram_stats.NgramModel, sides: list[tuple[str, int]], written: str,
                  left: list[str], form: str, left_alt: list[str], right: list[str]
                  ) -> tuple[int, list[int]] | None:
        """The partner's support (its best count on a side where the written word is far rarer) and the
        written word's counts on the sides read; ``None`` when some side attests the written word about
        as well as the partner (the most specific n-gram seen for either decides each side)."""
        support = 0
        w_counts: list[int] = []
        for side in ("l", "r"):
            orders = sorted((o for s, o in sides if s == side), reverse=True)
            for order in orders:
                w = self._count(model, written, left, right, side, order)
                p = self._count(model, form, left_alt, right, side, order)
                if not w and not p:
                    continue
                w_counts.append(w)
                if w * self.min_ratio > p:
                    return None
                support = max(support, p)
                break
        return support, w_counts

    def _similar(self, vocab: Any, a: str, b: str) -> bool:
        """True when the parse's word vectors put ``a`` and ``b`` closer than ``max_similarity`` (cosine):
        then they are one sense, not two."""
        return _cosine(vocab, *((a, b) if a < b else (b, a))) > self.max_similarity

    @staticmethod
    def _fit(model: ngram_stats.NgramModel, form: str, left: list[str], right: list[str]) -> float:
        """Prior-free log10 fit of ``form`` between ``left`` and ``right``."""
        return model.logprob([form, *right], left) - math.log10(model.score(form))

    @staticmethod
    def _inflect(lemma: str, tok: Any) -> str | None:
        if _pos(tok) == "VERB":
            return conjugate_like(lemma, tok)
        if _pos(tok) == "ADJ":
            return adj_like(lemma, tok)
        return noun_like(lemma, tok)

    # ------------------------------------------------------------------ judgement
    def _judge(self, model: ngram_stats.NgramModel, text: str, off: int, tok: Any, lemma: str,
               sets: list[SenseSet]) -> Flag | None:
        ltoks, rtoks = self._context(tok)
        if not ltoks and not rtoks:
            return None
        left = [t.text for t in ltoks]
        right = [t.text for t in rtoks]
        sides = self._sides(ltoks, rtoks)
        written = tok.text
        base = None
        has_det = bool(ltoks) and _pos(tok) == "NOUN" and ltoks[-1].pos_ == "DET"
        best: tuple[float, dict[str, Any]] | None = None
        tried: set[str] = set()
        for s in sets:
            for partner in s.senses:
                if partner == lemma or " " in partner or partner in tried:
                    continue
                tried.add(partner)
                if self._similar(tok.doc.vocab, lemma, partner):
                    continue  # two words of one sense (near-synonyms differ by collocation, not meaning)
                form = self._inflect(partner, tok)
                if not form or form.lower() == written.lower() or form not in model:
                    continue
                left_alt = list(left)
                if has_det:
                    left_alt[-1] = det_for(left[-1], noun_gender(partner), form)
                ev = self._evidence(model, sides, written, left, form, left_alt, right)
                if ev is None or ev[0] < WEAK_SUPPORT:
                    continue
                # how often the written word would have been seen there, were it as much at home in the
                # context as the partner: its absence means something only when that is large
                expected = ev[0] * model.count([written]) / max(1, model.count([form]))
                if expected < WEAK_EXPECTED:
                    continue
                if base is None:
                    base = self._fit(model, written, left, right)
                delta = self._fit(model, form, left_alt, right) - base
                if delta < WEAK_DELTA:
                    continue
                if best is None or delta > best[0]:
                    best = (delta, {"partner": partner, "form": form, "set": s, "support": ev[0],
                                    "written_counts": ev[1], "expected": round(expected, 1)})
        if best is None:
            return None
        delta, info = best
        w_best = max(info["written_counts"], default=0)
        strong = delta >= self.min_delta and info["support"] >= self.min_support and w_best == 0 \
            and info["expected"] >= MIN_EXPECTED
        if strong:
            conf = 0.5 + min(0.15, 0.05 * (delta - self.min_delta)) + \
                min(0.15, 0.05 * math.log10(info["support"] / self.min_support))
        else:
            conf = 0.3 + min(0.15, 0.05 * max(0.0, delta - WEAK_DELTA)) + (0.05 if w_best == 0 else 0.0)
            conf = min(conf, 0.45)
        return self._flag(text, off, tok, lemma, info, round(min(conf, 0.8), 3), round(delta, 3))

    def _flag(self, text: str, off: int, tok: Any, lemma: str, info: dict[str, Any], conf: float,
              delta: float) -> Flag | None:
        doc = tok.doc
        partner, form, s = info["partner"], info["form"], info["set"]
        start_tok = tok
        sugg = form
        if _pos(tok) == "NOUN" and tok.i > 0 and doc[tok.i - 1].pos_ == "DET" and doc[tok.i - 1].head.i == tok.i:
            det = doc[tok.i - 1]
            new_det = det_for(det.text, noun_gender(partner), form)
            start_tok = det
            sugg = match_case(join_det(new_det, form), det.text)
        elif tok.text[:1].isupper():
            sugg = match_case(form, tok.text)
        a = off + start_tok.idx
        b = off + tok.idx + len(tok.text)
        orig = text[a:b]
        if a >= b or sugg.lower() == orig.lower():
            return None
        others = [x for x in s.senses if x not in {lemma, partner}]
        expl = (f"Le mot russe «\u00a0{s.russian}\u00a0» a plusieurs sens, dont «\u00a0{lemma}\u00a0» et "
                f"«\u00a0{partner}\u00a0»\u00a0; ici, le contexte appelle «\u00a0{partner}\u00a0» "
                f"(«\u00a0{tok.text}\u00a0» rend sans doute le mauvais sens du mot pivot).")
        ev = {"mechanism": "sense-set+ngram", "pivot": f"ru:{s.russian}", "written_sense": lemma,
              "partner": partner, "other_senses": others, "ngram_delta": delta,
              "partner_support": info["support"], "written_counts": info["written_counts"],
              "written_expected": info["expected"],
              "source": "russian_sense_sets.tsv (Wiktionary, CC BY-SA, Russian entries); models/fr-ngrams"}
        return Flag(start=a, end=b, text=orig, category="accuracy/mistranslation",
                    severity="major" if conf >= 0.5 else "minor", confidence=conf, suggestions=[sugg],
                    explanation=expl, detector=self.name, evidence=ev)
