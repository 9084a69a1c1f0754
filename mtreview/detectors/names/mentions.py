"""Mentions: runs of words that match successive tokens of one entity of the names base.

Each word is looked up in the base's variant indexes (exact, folded Latin, fuzzy by pivot key); a
word the base does not know may still be a garbled surname of a person named in the same segment,
or continue a name by resemblance («Bruce Sprinsteen»). Of the mentions that start at a word, the
longest wins, then the one whose entity the document names, then the one with most right tokens.
Each matched word gets a status: right (:data:`OK`), wrong case (:data:`CASE`), an English or
Russian convention (:data:`LOCALE`) or corrupted (:data:`CORRUPT`).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.names import Entity, NameKnowledgeBase, Variant
from ...knowledge.transliteration import normalise_latin
from .evidence import NAMING_KINDS
from .tokens import Word, similarity

#: how a token of a mention relates to the entity's correct form, worst last
OK, CASE, LOCALE, CORRUPT = 0, 1, 2, 3
#: the category of a mention by its worst status
STATUS_CATEGORY = {CASE: "name/spelling", LOCALE: "name/locale", CORRUPT: "name/corrupted"}

#: words whose candidates are remembered (the cache is emptied when full)
CANDIDATE_CACHE_SIZE = 100_000
#: a lower-case word at least this frequent in French (Zipf) is never read as a broken name on its own
LOWERCASE_WORD_ZIPF = 3.0
#: a lower-case word at least this frequent is read only as a miscased correct form («starlink»)
LOWERCASE_RARE_ZIPF = 1.0
#: a word this frequent in French («Il», «Pour») is not a broken name on its own (it may open one)
COMMON_WORD_ZIPF = 4.5
#: the similarity of a word that matches a variant once folded to plain Latin («Tokyo» / «Tôkyô»)
FOLDED_SIMILARITY = 0.95
#: the least similarity of a fuzzy look-up in the base (by pivot key)
FUZZY_MIN_SIMILARITY = 0.75
#: a word rarer than this in French (Zipf) may be a garbled name (fuzzy look-up)
FUZZY_MAX_ZIPF_FR = 2.5
#: ... and, lower-case, rarer than this in English
FUZZY_MAX_ZIPF_EN = 1.0
#: an unknown word rarer than this in English is compared with the names of its segment
SEGMENT_MAX_ZIPF_EN = 2.0
#: the least similarity of an unknown word to the surname of a person named in its segment
SEGMENT_MIN_SIMILARITY = 0.6
#: the least similarity of a word that continues a name by resemblance (:meth:`MentionFinder.anchored_next`)
ANCHOR_MIN_SIMILARITY = 0.7


@dataclass
class Match:
    """One word matched to one token of an entity."""

    word: Word
    variant: Variant
    status: int
    similarity: float = 1.0


@dataclass
class Mention:
    """Consecutive words matched to successive tokens of entity ``entity``."""

    entity: int
    matches: list[Match] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.matches[0].word.start

    @property
    def end(self) -> int:
        return self.matches[-1].word.end

    @property
    def status(self) -> int:
        return max(m.status for m in self.matches)


class EntityForms(NamedTuple):
    """An entity's spellings that decide a matched word's status."""

    #: correct forms and tokens, case included
    correct: set[str]
    #: the same, lower-case
    lower: set[str]
    #: English-only tokens and the English name (a locale convention in French)
    en_only: set[str]
    #: the French tokens
    fr_tokens: list[str]


def prior(e: Entity) -> float:
    """How likely a text is to name this entity: wordfreq frequency of its English name."""
    return _prior_cached(e.en or e.fr)


@functools.lru_cache(maxsize=50_000)
def _prior_cached(name: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "en")


class MentionFinder:
    """Finds the mentions of the base's entities in the words of a segment. Holds what depends on the
    base only (candidates of a word, forms and rank of an entity), never anything of a document."""

    def __init__(self, kb: NameKnowledgeBase) -> None:
        self.kb = kb
        self._form_cache: dict[int, EntityForms] = {}
        #: entity → the mention-independent end of its rank (see rank)
        self._rank_tail: dict[int, tuple[bool, float, int]] = {}
        #: (word, capitalised, strict) → (variants, compare with the segment's names?)
        self._cand_cache: dict[tuple[str, bool, bool], tuple[list[tuple[Variant, float]], bool]] = {}

    def forms(self, ei: int) -> EntityForms:
        """Cached per entity: correct forms and tokens, their lower-case forms, English-only tokens."""
        got = self._form_cache.get(ei)
        if got is None:
            e = self.kb.entities[ei]
            correct = set(e.correct_forms()) | set(e.fr_tokens)
            for a in e.correct_aliases:
                correct.update(a.split())
            correct.update({c.rstrip(".") for c in correct})  # «Inc.»: the word pattern stops before the dot
            got = EntityForms(correct, {c.lower() for c in correct}, e.english_only_tokens | {e.en}, e.fr_tokens)
            self._form_cache[ei] = got
        return got

    def status(self, w: Word, v: Variant) -> int:
        """How the word relates to the entity of ``v``: :data:`OK`, :data:`CASE`, :data:`LOCALE`, :data:`CORRUPT`."""
        text = w.text if w.key == w.text else w.key + " "  # a repaired word is never right as written
        correct, lower, en_only, _ = self.forms(v.entity)
        if text in correct:
            return OK
        if text.lower() in lower:
            return CASE
        if text in en_only:
            return LOCALE
        return CORRUPT

    def candidates(self, w: Word, segment_entities: set[int], strict: bool = True) -> list[tuple[Variant, float]]:
        """The variants ``w`` may be, with their similarity (``segment_entities``: the entities named
        in the word's segment, for a word the base does not know)."""
        key = (w.key, w.capitalised, strict)
        got = self._cand_cache.get(key)
        if got is None:
            if len(self._cand_cache) >= CANDIDATE_CACHE_SIZE:
                self._cand_cache.clear()
            got = self._cand_cache[key] = self._word_candidates(w.key, w.capitalised, strict)
        cands, near_present = got
        if near_present:
            return self._fuzzy_present(w.key, segment_entities)
        return cands

    def _word_candidates(self, text: str, capitalised: bool,
                         strict: bool) -> tuple[list[tuple[Variant, float]], bool]:
        """The base's variants a word may be, from the word alone (cached by :meth:`candidates`), and
        whether, failing those, it should be compared with the names of its segment."""
        kb = self.kb
        if text.endswith(("'s", "’s")):
            return [], False  # an English possessive left in the text is not a name form
        if strict and zipf_fr(text) >= COMMON_WORD_ZIPF and text.lower() not in kb.correct_tokens:
            return [], False  # a very common French word («Il», «Pour») is not a broken name on its own
        if not capitalised and zipf_fr(text) >= LOWERCASE_RARE_ZIPF:
            # a lower-case French word is not a name (homographs and calques are checked apart),
            # unless it is a rare word that a brand writes with capitals («starlink»)
            if zipf_fr(text) >= LOWERCASE_WORD_ZIPF:
                return [], False
            return [(v, 1.0) for v in kb.lookup(text) if v.kind in ("fr", "alias") and v.form != text], False
        exact = kb.lookup(text)
        seen = set(exact)
        folded = [v for v in kb.lookup_folded(text) if v not in seen]
        if exact or folded:
            return [(v, 1.0) for v in exact] + [(v, FOLDED_SIMILARITY) for v in folded], False
        out: list[tuple[Variant, float]] = []
        if len(text) >= 4 and zipf_fr(text) < FUZZY_MAX_ZIPF_FR and (capitalised or zipf_en(text) < FUZZY_MAX_ZIPF_EN):
            out = kb.fuzzy(text, FUZZY_MIN_SIMILARITY)
        if not out and len(text) >= 4 and zipf_fr(text) == 0.0 and zipf_en(text) < SEGMENT_MAX_ZIPF_EN:
            return [], True
        return out, False

    def _fuzzy_present(self, text: str, nearby: set[int]) -> list[tuple[Variant, float]]:
        """An unknown word close to the surname of a person named in the same segment: a garbled mention."""
        fold = normalise_latin(text)
        out = []
        for ei in nearby:
            e = self.kb.entities[ei]
            if e.type != "person":
                continue
            ti = len(e.fr_tokens) - 1
            for t in e.fr_tokens[-1:]:
                ft = normalise_latin(t)
                if len(ft) < 4 or ft[:1] != fold[:1]:
                    continue
                sim = similarity(text, t)
                if sim >= SEGMENT_MIN_SIMILARITY:
                    out.append((Variant(ei, ti, "fr", t, "document"), sim))
        out.sort(key=lambda p: -p[1])
        return out[:3]

    def segment_entities(self, words: list[Word]) -> set[int]:
        """The entities a segment's capitalised words are correct forms of."""
        return {v.entity for w in words if w.capitalised for v in self.kb.lookup(w.key) if v.kind in NAMING_KINDS}

    def mentions(self, words: list[Word], present: Counter[int]) -> list[Mention]:
        """The mentions in a segment's ``words``, left to right, none overlapping (``present``: the
        document's count of correct mentions per entity, which ranks rival readings)."""
        seg = self.segment_entities(words)
        cands = [self.candidates(w, seg) for w in words]
        # a common word («Si») may still open a multi-word name («Si Jinping»)
        weak = set()
        for i, w in enumerate(words[:-1]):
            nxt = words[i + 1]
            if not cands[i] and w.capitalised and nxt.capitalised and nxt.start - w.end == 1 and cands[i + 1]:
                cands[i] = self.candidates(w, seg, strict=False)
                weak.add(i)
        mentions: list[Mention] = []
        # words that may continue a name by resemblance alone (see anchored_next): decided once per word
        anchorable = [self._may_anchor(w) for w in words]
        i = 0
        n = len(words)
        while i < n:
            best: Mention | None = None
            best_rank: tuple = ()
            for v, sim in cands[i]:
                m = Mention(v.entity, [Match(words[i], v, self.status(words[i], v), sim)])
                j = i + 1
                last_tok = v.token
                while j < n and words[j].start - words[j - 1].end <= 2:
                    nxt = [(v2, s2) for v2, s2 in cands[j] if v2.entity == v.entity
                           and (v2.token == -1 or last_tok == -1 or v2.token == last_tok + 1)]
                    if not nxt and anchorable[j]:
                        nxt = self.anchored_next(v.entity, last_tok, words[j])
                    if not nxt:
                        break
                    v2, s2 = max(nxt, key=lambda p: (p[1], p[0].kind != "pivot"))
                    m.matches.append(Match(words[j], v2, self.status(words[j], v2), s2))
                    last_tok = v2.token
                    j += 1
                if best is not None and len(m.matches) < len(best.matches):
                    continue  # a shorter mention ranks lower whatever else (the rank starts with the length)
                rank = self.rank(m, present)
                if best is None or rank > best_rank:
                    best, best_rank = m, rank
            if best is not None and i in weak and len(best.matches) == 1:
                best = None
            if best is not None:
                mentions.append(best)
                i += len(best.matches)
            else:
                i += 1
        return mentions

    def _may_anchor(self, w: Word) -> bool:
        """Can ``w`` continue a name by resemblance (:meth:`anchored_next`)? Only a capitalised word
        that is not itself a real name token of someone else («Pham Binh» is not «Pham Minh»)."""
        if not w.capitalised and not w.key[:1].isupper():
            return False
        return not (w.key == w.text and self.kb.is_correct_token(w.text))

    def anchored_next(self, ei: int, last_tok: int, w: Word) -> list[tuple[Variant, float]]:
        """The word after a matched token, compared with the entity's next token directly (``w`` passed
        :meth:`_may_anchor`)."""
        e = self.kb.entities[ei]
        if last_tok < 0 or last_tok + 1 >= len(e.en_tokens) or len(e.en_tokens) != len(e.fr_tokens):
            return []
        nxt = last_tok + 1
        best = max(similarity(w.key, f) for f in {e.fr_tokens[nxt], e.en_tokens[nxt]})
        if best < ANCHOR_MIN_SIMILARITY:
            return []
        return [(Variant(ei, nxt, "fr", e.fr_tokens[nxt], "anchored"), best)]

    def rank(self, m: Mention, present: Counter[int]) -> tuple:
        """How a mention ranks against rival readings of the same words: longer, of an entity the
        document names, with more right tokens, more similar, then a user entity, then the likelier."""
        tail = self._rank_tail.get(m.entity)
        if tail is None:  # what does not depend on the mention: user entity first, then the likelier
            e = self.kb.entities[m.entity]
            tail = self._rank_tail[m.entity] = (e.user, prior(e), -m.entity)
        n_ok = sum(1 for x in m.matches if x.status == OK)
        return (len(m.matches), present[m.entity] > 0, n_ok, sum(x.similarity for x in m.matches), *tail)
