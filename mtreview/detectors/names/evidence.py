"""Document evidence: what a whole text says about its names, gathered once before it is reviewed.

«Musk» 26 times makes «le masque» suspect; re-romanised words that no language writes show that the
text came through a Russian pivot. Evidence counts only near the word it supports
(:data:`EVIDENCE_WINDOW`): a name in another part of a long file, or in an unrelated sentence of a
corpus, says nothing about this one.

:func:`names_entity` is the one rule for "this word names that entity": the detector counts
entities with it, and the batch prefilter (:mod:`mtreview.batch.worker`) asks the same question of
the strings it gates on.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from ...knowledge.homographs import get_homograph_index
from ...knowledge.lexicon import zipf_fr
from ...knowledge.names import NameKnowledgeBase, Variant
from ...knowledge.spellings import is_french_word
from ...knowledge.transliteration import pivot_key
from .romanisation import shows_pivot
from .tokens import Word, is_elided_name, iter_words

#: document evidence counts only this close (characters) to the word it supports: about a page
EVIDENCE_WINDOW = 1500
#: how many signs of a Russian pivot near a word make its locale and open-world corrections errors
PIVOT_SIGNALS = 2
#: the kinds of variant that are correct forms of an entity: its French name, an alias, its English name
NAMING_KINDS = ("fr", "alias", "en")
#: a capitalised word below this frequency in French (Zipf) and unknown to the base is a name of the
#: document (compared with the document's other names)
DOC_NAME_MAX_ZIPF = 3.0
#: ... unless it opens a sentence and is at least this frequent («Selon», «Pendant»)
DOC_NAME_SENTENCE_ZIPF = 1.0
#: a surname that opens a sentence and is this frequent a French word («Pierre», «Loup») names nobody
SENTENCE_WORD_ZIPF = 3.0


def near(offsets: list[int] | tuple[int, ...], start: int, end: int) -> int:
    """How many of the sorted ``offsets`` lie within :data:`EVIDENCE_WINDOW` of ``[start, end)`` and
    outside it (binary search: the evidence lists of a long document are long)."""
    lo = bisect.bisect_left(offsets, start - EVIDENCE_WINDOW)
    hi = bisect.bisect_right(offsets, end + EVIDENCE_WINDOW)
    inside = bisect.bisect_left(offsets, end, lo, hi) - bisect.bisect_left(offsets, start, lo, hi)
    return hi - lo - inside


def written_near(text: str, form: str, start: int, end: int) -> list[int]:
    """Offsets in ``text`` where ``form`` is written as a whole word («Musk», not «Musks» nor «Musk-X»)
    within :data:`EVIDENCE_WINDOW` characters of ``[start, end)`` and outside that span."""
    lo, hi = max(0, start - EVIDENCE_WINDOW), min(len(text), end + EVIDENCE_WINDOW)
    pat = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
    return [m.start() for m in pat.finditer(text, lo, hi) if not start <= m.start() < end]


def names_entity(kb: NameKnowledgeBase, v: Variant, word: str = "", *, sent_start: bool = False,
                 prev: str = "", nxt: str = "") -> bool:
    """Does a word that matches variant ``v`` name ``v``'s entity? A correct form (:data:`NAMING_KINDS`)
    that is the surname or a one-word name — unless ``word`` opens a sentence (``sent_start``) and is a
    frequent French word —, or any token of the name beside another token of it (``prev``, ``nxt``: the
    words around). Without a word and its neighbours (the batch prefilter, which has strings only), the
    first half alone: a correct surname or one-word name."""
    if v.kind not in NAMING_KINDS:
        return False
    e = kb.entities[v.entity]
    toks = e.fr_tokens if v.kind != "en" else e.en_tokens
    last = len(toks) - 1
    if v.token in (-1, last) and not (sent_start and zipf_fr(word) >= SENTENCE_WORD_ZIPF and is_french_word(word)):
        return True
    return any(nxt.lower() == t.lower() or prev.lower() == t.lower() for t in toks if t != word)


@dataclass
class NameEvidence:
    """What one document says about its names, gathered by :func:`gather_evidence`."""

    #: entity → number of correct mentions
    present: Counter[int] = field(default_factory=Counter)
    #: entity → offsets of its correct mentions (evidence must come from elsewhere, nearby)
    present_at: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: (entity, token) → correct surface forms met, with their spans (for name/inconsistent)
    seen: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=lambda: defaultdict(list))
    #: capitalised words the base does not know, with their counts
    doc_names: Counter[str] = field(default_factory=Counter)
    #: those words → their offsets
    doc_name_at: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: pivot key → those words
    doc_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: entity → offsets of its mentions written exactly as one of its correct forms
    exact_at: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: offsets of words that show a Russian pivot (see :func:`gather_evidence`)
    pivot_at: list[int] = field(default_factory=list)
    #: those words (lower-cased) → their offsets: one word repeated is one sign, not several
    pivot_word_at: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: where the document under review starts in the text this evidence was gathered from (chunks)
    offset: int = 0

    def named_near(self, ei: int, start: int, end: int, exact: bool = False) -> bool:
        """True when the text names entity ``ei`` correctly (``exact``: in one of its correct forms,
        case included) outside ``[start, end)`` and near it (within :data:`EVIDENCE_WINDOW`
        characters). ``start`` and ``end`` are offsets in the document under review (a chunk
        starts at :attr:`offset` of the text)."""
        return _named_at(self, ei, start + self.offset, end + self.offset, exact)

    def pivot_near(self, start: int, end: int, word: str | None = None) -> bool:
        """Does the text around ``[start, end)`` (offsets in the document under review) show the
        Russian pivot (re-romanised words that no language writes, exact romanisations of Russian
        case forms) at least :data:`PIVOT_SIGNALS` times, this span aside? With ``word``, its own
        other occurrences do not count (a word cannot vouch for itself)."""
        start, end = start + self.offset, end + self.offset
        n = near(self.pivot_at, start, end)
        if word is not None and n:
            n -= near(self.pivot_word_at.get(word.lower(), ()), start, end)
        return n >= PIVOT_SIGNALS


def _named_at(ev: NameEvidence, ei: int, start: int, end: int, exact: bool = False) -> bool:
    """:meth:`NameEvidence.named_near` with offsets in the whole text."""
    at = ev.exact_at if exact else ev.present_at
    return near(at.get(ei, ()), start, end) > 0


def gather_evidence(kb: NameKnowledgeBase, text: str, correct_forms: Callable[[int], set[str]]) -> NameEvidence:
    """The document evidence of ``text``: the entities it names correctly (or with wrong case only)
    and where (``correct_forms(entity)``: its correct spellings, case included), the capitalised words
    the base does not know (names it has never seen, compared with each other) and the words that
    show a Russian pivot."""
    ev = NameEvidence()
    words = list(iter_words(text, 0, functools.partial(is_elided_name, kb)))
    for w in words:
        if (w.capitalised and len(w.text) >= 3 and zipf_fr(w.text) < DOC_NAME_MAX_ZIPF and not kb.lookup(w.text)
                and not (w.sent_start and zipf_fr(w.text) >= DOC_NAME_SENTENCE_ZIPF)):
            ev.doc_names[w.text] += 1
            ev.doc_name_at[w.text].append(w.start)
        if w.capitalised and len(w.text) >= 4 and shows_pivot(kb, w.text):
            ev.pivot_at.append(w.start)
            ev.pivot_word_at[w.text.lower()].append(w.start)
    for name in ev.doc_names:
        ev.doc_keys[pivot_key(name)].append(name)
    for i, w in enumerate(words):
        if not w.capitalised:
            continue
        nxt = words[i + 1].text if i + 1 < len(words) else ""
        prv = words[i - 1].text if i > 0 else ""
        for v in kb.lookup(w.text):
            if names_entity(kb, v, w.text, sent_start=w.sent_start, prev=prv, nxt=nxt):
                ev.present[v.entity] += 1
                ev.present_at[v.entity].append(w.start)
                if w.text in correct_forms(v.entity):
                    ev.exact_at[v.entity].append(w.start)
    _pivot_pairs(kb, words, ev)
    ev.pivot_at.sort()
    return ev


def _pivot_pairs(kb: NameKnowledgeBase, words: list[Word], ev: NameEvidence) -> None:
    """Signs of a Russian pivot that need the entities present: a pivot form of one token of a
    name beside a right token of the same name («Ilon Musk»), and a word that a name's Russian
    form also means, near the name («le masque» a few lines from «Musk»)."""
    homographs = get_homograph_index(kb).words
    for i, w in enumerate(words):
        if w.capitalised and i + 1 < len(words) and words[i + 1].start - w.end <= 1:
            nxt = words[i + 1]
            pivots = {v.entity for v in kb.lookup(w.text) if v.kind == "pivot"}
            if pivots and not kb.is_correct_token(w.text):
                if any(v.entity in pivots and v.kind in NAMING_KINDS for v in kb.lookup(nxt.text)):
                    ev.pivot_at.append(w.start)
                    continue
        if not w.capitalised or not w.sent_start:
            hs = homographs.get(w.text.lower())
            if hs and not kb.is_correct_token(w.text) and any(
                    _named_at(ev, h.entity, w.start, w.end) for h in hs):
                ev.pivot_at.append(w.start)
