"""Aho-Corasick automata (pyahocorasick): the fast path of ``normalise``.

:class:`GlossaryMatcher` finds the glossary's variants in a text in one pass (exact, case as listed,
whole words only, leftmost-longest, canonical forms protected so that «Elon Musk» is never read as
containing the variant «Musk»). :class:`Prefilter` tells in one pass whether a segment holds any
surface string the names knowledge base knows (lower-cased), i.e. whether the full detectors must
look at it; most segments of a corpus hold none and cost only the scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

from .rules import RuleSet


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def bounded(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` does not cut a word at either edge."""
    if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        return False
    if end < len(text) and _is_word(text[end]) and _is_word(text[end - 1]):
        return False
    return True


class GlossaryMatcher:
    """Finds glossary variants: ``find(text)`` → ``[(start, end, rule index)]``, sorted, non-overlapping."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self.automaton = ahocorasick.Automaton()
        for i, r in enumerate(ruleset.rules):
            self.automaton.add_word(r.variant, (len(r.variant), i))
        for p in ruleset.protected:
            if p not in self.automaton:
                self.automaton.add_word(p, (len(p), -1))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def positions(self, text: str) -> Iterator[int]:
        """Where in ``text`` some variant or protected form ends (a screen: whole words not checked)."""
        if not self.empty:
            for end, _ in self.automaton.iter(text):
                yield end

    def find(self, text: str) -> list[tuple[int, int, int]]:
        if self.empty:
            return []
        cands = []
        for end, (n, i) in self.automaton.iter(text):
            s, e = end - n + 1, end + 1
            if bounded(text, s, e):
                cands.append((s, -e, i))
        if not cands:
            return []
        cands.sort()
        out = []
        last = -1
        for s, neg_e, i in cands:
            if s >= last:
                last = -neg_e
                if i >= 0:
                    out.append((s, -neg_e, i))
        return out


#: single words at least this frequent in French (wordfreq Zipf scale) are too common to be evidence
#: of a name on their own: «le», «monde», «gouvernement» do not select a segment; «masque» (4.3) does
PREFILTER_MAX_ZIPF = 4.5


def french_zipf(strings: Iterable[str]) -> dict[str, float]:
    """wordfreq's French Zipf frequency of each string (0.0 for the many it has never seen, cheaply)."""
    from wordfreq import get_frequency_dict, zipf_frequency

    known = get_frequency_dict("fr", "best")  # the list (and lru_cache key) zipf_frequency uses
    out: dict[str, float] = {}
    for s in strings:
        if s in out:
            continue
        if s.isalpha() and s.casefold() == s and s not in known:
            out[s] = 0.0  # a plain lower-case word wordfreq has never seen: no need to ask
        else:
            out[s] = zipf_frequency(s, "fr")
    return out


def without_common_words(strings: Iterable[str], max_zipf: float = PREFILTER_MAX_ZIPF) -> list[str]:
    """``strings`` less the words and phrases at least ``max_zipf`` frequent in French («le monde»)."""
    strings = [s.strip() for s in strings]
    z = french_zipf(strings)
    return [s for s in strings if z[s] < max_zipf]


_NON_WORD = re.compile(r"[^\w]")


def word_shape(text: str) -> str:
    """``text`` with every non-word character (not alphanumeric, not ``_``) replaced by a space:
    offsets are kept, and word edges become spaces the automaton can match."""
    return _NON_WORD.sub(" ", text)


class WordAutomaton:
    """Finds whole-word occurrences of strings, exactly as ``automaton.iter`` + :func:`bounded` would,
    without visiting the many hits inside longer words.

    Each string is stored in :func:`word_shape` with a space on each side that is a word character;
    the text is searched in its word shape, padded with a space at each end, so a stored string can only
    match from a word edge to a word edge. Hits are then checked against the string itself (the shape
    merges «jean-luc» and «jean luc»)."""

    def __init__(self, words: Iterable[str]) -> None:
        from ..loading import gc_paused

        with gc_paused():  # hundreds of thousands of small objects beside a large names base
            self._build(words)

    def _build(self, words: Iterable[str]) -> None:
        keys: dict[str, list[tuple[int, int, str]]] = {}
        for w in words:
            if not w:
                continue
            if w.isalpha():  # most names: no shape to compute
                keys.setdefault(f" {w} ", []).append((1, 1, w))
                continue
            lead = 1 if _is_word(w[0]) else 0
            trail = 1 if _is_word(w[-1]) else 0
            key = " " * lead + word_shape(w) + " " * trail  # «disney» and «disney+» share a key
            keys.setdefault(key, []).append((lead, trail, w))
        self.automaton = ahocorasick.Automaton()
        for key, entries in keys.items():
            self.automaton.add_word(key, (len(key), tuple(dict.fromkeys(entries))))
        self.size = len(self.automaton)
        if self.size:
            self.automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def spans(self, text: str, shape: str | None = None) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each whole-word occurrence in ``text`` (``shape``: its word shape, when
        the caller has it)."""
        if not self.size:
            return
        padded = " " + (word_shape(text) if shape is None else shape) + " "
        for end, (n, entries) in self.automaton.iter(padded):
            for lead, trail, original in entries:
                s = end - n + 1 + lead - 1  # back to text offsets (the padding adds 1)
                e = end + 1 - trail - 1
                if text[s:e] == original and bounded(text, s, e):
                    yield s, e


class Prefilter:
    """Does a segment hold a string of the names knowledge base that is not simply a name written right?

    ``strings`` are the base's lower-cased surface strings (:meth:`NameKnowledgeBase.prefilter_strings`):
    variants, calques, homograph words, correct forms. A segment is selected when one of them occurs as
    whole words and is not covered by a correct form written exactly (case included), e.g. «Ian Bremmer»
    alone does not select a segment, «Jan Bremmer» or «STARLINK» do. Single words more frequent than
    :data:`PREFILTER_MAX_ZIPF` in French are best left out (:func:`without_common_words`); strings in
    ``lowercase_ok`` select only when written with a capital (French words the names detector never
    reads as names in lower case, see :func:`lowercase_ok_strings`). With
    ``correct_forms`` empty every hit selects.

    ``gated`` maps strings that are evidence only together with their entity (homograph words such as
    «masque», words of translated names such as «pommes») to those entities; ``entity_of`` maps the
    strings that name an entity (variants, correct forms) to it. Given the entities ``present`` in the
    surrounding chunk (:meth:`present_entities`), a gated string selects only when one of its entities is
    present: the names detector cannot make a confident change of such a word otherwise.
    """

    def __init__(self, strings: Iterable[str], correct_forms: Iterable[str] = (),
                 lowercase_ok: Iterable[str] = (), gated: dict[str, frozenset[int]] | None = None,
                 entity_of: dict[str, frozenset[int]] | None = None, settled: Iterable[str] = ()) -> None:
        #: strings that do not select a segment when written with a lower-case first letter
        self.lowercase_ok = frozenset(s.strip().lower() for s in lowercase_ok)
        self.gated = gated or {}
        self.entity_of = entity_of or {}
        lowered = {s.strip().lower() for s in strings}
        self.words = WordAutomaton(lowered)
        self.size = len(self.words)
        #: the strings that name an entity, searched alone by :meth:`present_entities`
        self.naming = WordAutomaton(w for w in lowered if w in self.entity_of)
        self.correct = WordAutomaton(correct_forms)
        self.has_correct = len(self.correct) > 0
        #: single tokens that count as correct forms when no capitalised word touches them
        self.settled = WordAutomaton(settled)
        self.has_settled = len(self.settled) > 0

    def positions(self, text: str) -> Iterator[int]:
        """Where in ``text`` some string ends (a screen: the finer checks of ``__call__`` come later)."""
        if not self.size:
            return
        for _, end in self.words.spans(self._lower(text)):  # offsets kept even if a letter lowers to two
            yield end - 1

    @staticmethod
    def _name_next_to(text: str, start: int, end: int) -> bool:
        """Does a capitalised word touch ``text[start:end]``? Then the pair may be one name with a broken
        token («Jan Bremmer», «Mary Robinsen»), which only the detector can tell."""
        return any(w[:1].isupper() for w in neighbour_words(text, start, end))

    @staticmethod
    def _lower(text: str) -> str:
        """``text`` in lower case, character for character: a rare letter whose lower case is longer
        («İ» → «i̇») is kept as it is, so that offsets do not drift."""
        low = text.lower()
        if len(low) == len(text):
            return low
        odd = "".join(sorted(c for c in set(text) if len(c.lower()) != 1))
        parts = re.split(f"([{re.escape(odd)}])", text)
        return "".join(p if i % 2 else p.lower() for i, p in enumerate(parts))

    def present_entities(self, texts: Iterable[str]) -> set[int]:
        """The entities some string of ``entity_of`` names in ``texts`` (whole words, capitalised)."""
        present: set[int] = set()
        if not len(self.naming):
            return present
        for text in texts:
            low = self._lower(text)
            for s, e in self.naming.spans(low):
                if text[s].isupper():
                    present.update(self.entity_of[low[s:e]])
        return present

    def __call__(self, text: str, present: set[int] | None = None) -> bool:
        if not self.size:
            return False
        low = self._lower(text)
        hits = list(self.words.spans(low))
        if hits and self.lowercase_ok:
            hits = [(s, e) for s, e in hits if not (text[s].islower() and low[s:e] in self.lowercase_ok)]
        if hits and present is not None and self.gated:
            hits = [(s, e) for s, e in hits if not (low[s:e] in self.gated and not self.gated[low[s:e]] & present)]
        if not hits:
            return False
        if not self.has_correct and not self.has_settled:
            return True
        shape = word_shape(text)
        covered = list(self.correct.spans(text, shape)) if self.has_correct else []
        if self.has_settled:
            covered += [(s, e) for s, e in self.settled.spans(text, shape) if not self._name_next_to(text, s, e)]
        return any(not any(a <= s and e <= b for a, b in covered) for s, e in hits)


_WORD_BEFORE = re.compile(r"(?:^|[^\w'’])([^\W\d_][\w'’]*)[ \u00a0\-]+$")
_WORD_AFTER = re.compile(r"[ \u00a0\-]+([^\W\d_][\w'’]*)")


def neighbour_words(text: str, start: int, end: int) -> list[str]:
    """The words joined to ``text[start:end]`` by a space or a hyphen, before and after."""
    out = []
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m:
        out.append(m.group(1))
    m = _WORD_AFTER.match(text, end)
    if m:
        out.append(m.group(1))
    return out


def lowercase_ok_strings(kb: object, strings: Iterable[str], risky: Iterable[str] = ()) -> list[str]:
    """Single words that the names detector ignores when written in lower case, so the prefilter can too.

    It mirrors the detector's rule for a lower-case word (``MentionFinder.candidates`` in
    :mod:`mtreview.detectors.names.mentions`): a French word
    of Zipf ≥ 3 is never a broken name on its own, one of Zipf ≥ 1 only when it is a miscased correct
    form («starlink»). Homograph words, calques and glossary variants (``risky``) are left out: they
    are checked in lower case on purpose («le masque»)."""
    from ..detectors.names import LOWERCASE_RARE_ZIPF, LOWERCASE_WORD_ZIPF

    risky_set = {r.lower() for r in risky}
    single = [s.strip() for s in strings if s.strip() and " " not in s.strip() and s.strip() not in risky_set]
    z = french_zipf(single)
    out = []
    for s in single:
        if z[s] >= LOWERCASE_WORD_ZIPF:
            out.append(s)
        elif z[s] >= LOWERCASE_RARE_ZIPF and not any(v.kind in ("fr", "alias") for v in kb.lookup(s)):  # type: ignore[attr-defined]
            out.append(s)
    return out
