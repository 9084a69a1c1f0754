"""A lazily compiled, equivalent stand-in for spaCy's French ``TOKEN_MATCH`` regex (a start-up speed fix).

spaCy's French tokenizer keeps hyphenated and elided words whole («faux-semblant», «entr'ouvert») with one
regular expression of 266 anchored alternatives, each repeating a Unicode letter class of about a thousand
characters, under ``(?iu)``: a 1.45 MB pattern that Python's ``re`` needs 3-5 s to compile. It is compiled
when ``spacy.lang.fr`` is imported and again when the pipeline's tokenizer is read from disk, which made
that compilation most of a cold ``mtreview check``.

:class:`LazyAlternation` answers ``match`` with exactly the same truth value without compiling it:

* each alternative gets a *gate*, the same alternative with every long character class replaced by
  ``(?s:.)`` (a superset of any class, so a string the gate rejects cannot match the alternative);
* all gates are joined into one small regex compiled at once (milliseconds); a string it rejects
  returns ``None`` at once, which is the case for nearly every token;
* otherwise each alternative whose own gate accepts the string is compiled on first use, with the global
  flags of the original pattern, and tried; the first match is returned.

So ``bool(lazy.match(s)) == bool(re.compile(pattern).match(s))`` for every ``s``, which is all spaCy's
tokenizer asks of ``token_match``. ``lazy.pattern`` is the original pattern, so a pipeline serialised
afterwards is unchanged. :func:`fast_token_match` installs it for the duration of a spaCy load; set
``MTREVIEW_FAST_TOKEN_MATCH=0`` to load spaCy untouched.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
import threading
from collections.abc import Iterator
from typing import Any

#: patterns shorter than this are compiled normally
MIN_PATTERN_CHARS = 100_000
#: a character class longer than this (in pattern characters) is replaced by ``(?s:.)`` in gates
LONG_CLASS_CHARS = 64
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_ANY = "(?s:.)"


# an escape (kept as is) or a whole character class; a ']' first in a class is literal, '[' inside is literal
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]", re.DOTALL)


def _gate_piece(m: re.Match[str]) -> str:
    piece = m.group(0)
    return _ANY if piece.startswith("[") and len(piece) > LONG_CLASS_CHARS else piece


def gate_of(alternative: str) -> str:
    """``alternative`` with each long character class replaced by ``(?s:.)``, a pattern matching a superset."""
    return _ESCAPE_OR_CLASS.sub(_gate_piece, alternative)


def split_alternation(pattern: str) -> tuple[str, list[str]] | None:
    """Split ``FLAGS(?:a1)|(?:a2)|...`` into its global flags and alternatives (None if not of that shape)."""
    m = _GLOBAL_FLAGS.match(pattern)
    flags = m.group(0) if m else ""
    body = pattern[len(flags) :]
    if not (body.startswith("(?:") and body.endswith(")")):
        return None
    alternatives = body[3:-1].split(")|(?:")
    if flags + "|".join(f"(?:{a})" for a in alternatives) != pattern:
        return None
    return flags, alternatives


class LazyAlternation:
    """Stands for ``re.compile(pattern)`` where only ``match``'s truth value is needed (see module doc)."""

    def __init__(self, pattern: str, flags: str, alternatives: list[str], gates: list[str]) -> None:
        self.pattern = pattern
        self.flags = 0
        self._prefix = flags
        self._alternatives = alternatives
        self._gate_sources = gates
        self._gate = re.compile(flags + "|".join(f"(?:{g})" for g in gates))
        self._gates: list[re.Pattern[str] | None] = [None] * len(gates)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(alternatives)
        self._lock = threading.Lock()

    @classmethod
    @functools.lru_cache(maxsize=4)
    def build(cls, pattern: str) -> LazyAlternation | None:
        """The lazy form of ``pattern``, or None when it is not an alternation this class can gate."""
        split = split_alternation(pattern)
        if split is None:
            return None
        flags, alternatives = split
        try:
            return cls(pattern, flags, alternatives, [gate_of(a) for a in alternatives])
        except re.error:
            return None

    def _compiled_at(self, cache: list[re.Pattern[str] | None], sources: list[str], i: int) -> re.Pattern[str]:
        """``sources[i]`` (with the global flags) compiled on first use and kept in ``cache[i]``."""
        pattern = cache[i]
        if pattern is None:
            with self._lock:
                pattern = cache[i] = cache[i] or re.compile(self._prefix + sources[i])
        return pattern

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """A match of one of the alternatives at ``pos``, or None (same truth value as the full regex)."""
        if self._gate.match(string, pos, endpos) is None:
            return None
        for i in range(len(self._alternatives)):
            if self._compiled_at(self._gates, self._gate_sources, i).match(string, pos, endpos) is not None:
                m = self._compiled_at(self._compiled, self._alternatives, i).match(string, pos, endpos)
                if m is not None:
                    return m
        return None

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (_rebuild, (self.pattern,))

    def __repr__(self) -> str:
        return f"LazyAlternation({len(self._alternatives)} alternatives, {len(self.pattern)} chars)"


def _rebuild(pattern: str) -> Any:
    return LazyAlternation.build(pattern) or re.compile(pattern)


_install_lock = threading.Lock()


@contextlib.contextmanager
def fast_token_match() -> Iterator[None]:
    """While active, ``re.compile`` of a huge alternation returns a :class:`LazyAlternation` instead.

    Every other pattern (and every call with flags) goes to the real ``re.compile``. Meant to wrap
    ``import spacy.lang.fr`` and ``spacy.load``; a no-op when ``MTREVIEW_FAST_TOKEN_MATCH=0``.
    """
    if os.environ.get("MTREVIEW_FAST_TOKEN_MATCH", "1") == "0":
        yield
        return
    with _install_lock:
        real = re.compile

        def compile_(pattern: Any, flags: int = 0) -> Any:
            if flags == 0 and isinstance(pattern, str) and len(pattern) >= MIN_PATTERN_CHARS:
                lazy = LazyAlternation.build(pattern)
                if lazy is not None:
                    return lazy
            return real(pattern, flags)

        re.compile = compile_  # type: ignore[assignment]
        try:
            yield
        finally:
            re.compile = real
