"""Aho-Corasick automata (pyahocorasick): the fast path of ``normalise``.

:class:`GlossaryMatcher` finds the glossary's variants in a text in one pass (exact, case as listed,
whole words only, leftmost-longest, canonical forms protected so that «Elon Musk» is never read as
containing the variant «Musk»). :class:`Prefilter` tells in one pass whether a segment holds any
surface string the names knowledge base knows (lower-cased), i.e. whether the full detectors must
look at it; most segments of a corpus hold none and cost only the scan.
"""

from __future__ import annotations

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


def without_common_words(strings: Iterable[str], max_zipf: float = PREFILTER_MAX_ZIPF) -> list[str]:
    """``strings`` less the single words at least ``max_zipf`` frequent in French."""
    from wordfreq import get_frequency_dict, zipf_frequency

    known = get_frequency_dict("fr")  # the list zipf_frequency reads ("best")

    def common(s: str) -> bool:
        if s.isalpha() and s.casefold() == s and s not in known:
            return False  # a plain lower-case word wordfreq has never seen: Zipf 0, no need to ask
        return zipf_frequency(s, "fr") >= max_zipf

    return [s for s in strings if " " in s.strip() or not common(s)]


class Prefilter:
    """Does a segment hold a string of the names knowledge base that is not simply a name written right?

    ``strings`` are the base's lower-cased surface strings (:meth:`NameKnowledgeBase.prefilter_strings`):
    variants, calques, homograph words, correct forms. A segment is selected when one of them occurs as
    whole words and is not covered by a correct form written exactly (case included), e.g. «Ian Bremmer»
    alone does not select a segment, «Jan Bremmer» or «STARLINK» do. Single words more frequent than
    :data:`PREFILTER_MAX_ZIPF` in French are best left out (:func:`without_common_words`). With
    ``correct_forms`` empty every hit selects.
    """

    def __init__(self, strings: Iterable[str], correct_forms: Iterable[str] = ()) -> None:
        self.automaton = ahocorasick.Automaton()
        for s in strings:
            s = s.strip().lower()
            if s and s not in self.automaton:
                self.automaton.add_word(s, len(s))
        self.size = len(self.automaton)
        if self.size:
            self.automaton.make_automaton()
        self.correct = ahocorasick.Automaton()
        for f in correct_forms:
            if f and f not in self.correct:
                self.correct.add_word(f, len(f))
        self.has_correct = len(self.correct) > 0
        if self.has_correct:
            self.correct.make_automaton()

    def positions(self, text: str) -> Iterator[int]:
        """Where in ``text`` some string ends (a screen: the finer checks of ``__call__`` come later)."""
        if not self.size:
            return
        low = text.lower()
        if len(low) != len(text):
            yield from range(len(text))
            return
        for end, _ in self.automaton.iter(low):
            yield end

    def __call__(self, text: str) -> bool:
        if not self.size:
            return False
        low = text.lower()
        if len(low) != len(text):  # a rare character whose lower case is longer: offsets would drift
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        hits = [(end - n + 1, end + 1) for end, n in self.automaton.iter(low) if bounded(low, end - n + 1, end + 1)]
        if not hits:
            return False
        if not self.has_correct:
            return True
        covered = [(end - n + 1, end + 1) for end, n in self.correct.iter(text)
                   if bounded(text, end - n + 1, end + 1)]
        return any(not any(a <= s and e <= b for a, b in covered) for s, e in hits)
