"""Calibration of the names detector's low-confidence suggestions.

The names detector scores a flag from its evidence (exact pivot form, document evidence, the model's
belief…). At 0.5 and above those scores decide what ``normalise`` applies and the reliability table of
docs/names.md shows how often they are right. Below 0.5 they are *suggestions* made without signs of a
pivot (a locale convention, a near miss, a name the base does not know, a word that a name's Russian
form also means), many of them capped at one value, so the raw score says little. This module replaces
the score of such a suggestion by the share of suggestions of its category that were right on a
development mix (synthetic pivot documents and clean French Wikipedia sentences), kept below 0.5 so that
no decision at 0.5 or above moves.

The table lives in ``data/calibration/names.tsv`` (``category<TAB>share right<TAB>flags``), fitted by
``python bench/names_calibration.py``.
"""

from __future__ import annotations

import functools
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parent / "data" / "calibration" / "names.tsv"
#: the calibrated band: raw scores below it are mapped, the rest are left as they are
BAND = 0.5
#: a calibrated suggestion keeps at least this confidence (a flag at 0 would say nothing)
MIN_CONFIDENCE = 0.05


@functools.lru_cache(maxsize=1)
def shares() -> dict[str, float]:
    """Category → measured share of right suggestions below :data:`BAND` (empty when the file is absent)."""
    if not CALIBRATION_FILE.exists():
        return {}
    out: dict[str, float] = {}
    for line in CALIBRATION_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, share = line.split("\t")[:2]
            out[category] = float(share)
    return out


def calibrate(confidence: float, category: str) -> float:
    """The calibrated confidence of a names flag of ``category`` scored ``confidence``: unchanged at
    :data:`BAND` or above, else the measured share of its category (never 0.5 or more)."""
    if confidence >= BAND:
        return confidence
    share = shares().get(category)
    if share is None:
        return confidence
    return round(min(max(share, MIN_CONFIDENCE), BAND - 0.01), 3)
