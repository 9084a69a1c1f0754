"""French typographic normalisation applied to hypotheses and references alike before scoring.

What it is for: MT outputs and human references often differ only in typographic conventions
(’ or ', « » or " ", non-breaking or plain spaces). Such differences cost BLEU, chrF and TER
points without being translation errors. With ``--normalise-fr`` both sides are rewritten by the
rules below before any metric sees them, and every signature says so (``norm:mtreview-fr1``), so a
normalised score is never mistaken for a plain sacrebleu score.

Rules (version ``fr1``), in order:

1. apostrophes: ’ ‘ ʼ ‛ ′ ´ ` → ``'``;
2. double quotes: “ ” „ ‟ ″ → ``"``; guillemets « » ‹ › → ``"``, with the spaces just inside them
   removed («\u00a0mot\u00a0» → ``"mot"``);
3. spaces: no-break, narrow no-break, thin, figure and other Unicode spaces → a plain space;
   zero-width characters removed; the space that French puts before ``; : ! ?`` removed (so
   «\u00a0Pourquoi ?\u00a0» and ``"Pourquoi?"`` agree); runs of spaces collapsed, ends stripped.

It must not do anything else (no case folding, no accent stripping, no tokenisation): those are
the metrics' own options.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: the id shown in signatures (bump when a rule changes)
FR_NORMALISATION_ID = "mtreview-fr1"

_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ‛′´`"})
_QUOTES = str.maketrans({c: '"' for c in "“”„‟″"})
_OPEN_GUILLEMET = re.compile(r"[«‹][\s\u200b]*")
_CLOSE_GUILLEMET = re.compile(r"[\s\u200b]*[»›]")
_SPACES = re.compile(r"[\u00a0\u202f\u2000-\u200a\u205f\u3000\t]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_BEFORE_HIGH_PUNCT = re.compile(r" +(?=[;:!?])")
_MULTI_SPACE = re.compile(r" {2,}")

RULES: tuple[str, ...] = (
    "apostrophes ’‘ʼ‛′´` -> '",
    "quotes “”„‟″ and guillemets «»‹› -> \" (inner spaces removed)",
    "no-break/narrow/thin/other Unicode spaces -> space; zero-width removed",
    "space before ; : ! ? removed; repeated spaces collapsed; ends stripped",
)


def normalise_fr(text: str) -> str:
    """Apply the French typographic normalisation (rules in the module docstring) to one segment."""
    if not text:
        return text
    t = text.translate(_APOSTROPHES).translate(_QUOTES)
    t = _ZERO_WIDTH.sub("", t)
    t = _SPACES.sub(" ", t)
    t = _OPEN_GUILLEMET.sub('"', t)
    t = _CLOSE_GUILLEMET.sub('"', t)
    t = _SPACE_BEFORE_HIGH_PUNCT.sub("", t)
    t = _MULTI_SPACE.sub(" ", t)
    return t.strip()


def normalise_all(texts: Sequence[str | None], fn: Callable[[str], str] = normalise_fr) -> list[str | None]:
    """``fn`` over a list of segments, keeping ``None`` (an absent reference) as it is."""
    return [None if t is None else fn(t) for t in texts]


def get_normaliser(name: str | None) -> Callable[[str], str] | None:
    """The normaliser for a name (``fr``), or None for no normalisation."""
    if not name:
        return None
    if name in ("fr", FR_NORMALISATION_ID):
        return normalise_fr
    raise ValueError(f"unknown normalisation {name!r} (known: fr)")
