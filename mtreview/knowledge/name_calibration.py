"""Calibration of the names detector's low-confidence suggestions.

The names detector scores a flag from its evidence (exact pivot form, document evidence, the model's
belief…). Above 0.5 those scores decide what ``normalise`` applies and they are about as often right as
they say (see docs/names.md, reliability table). Below 0.5 they are *suggestions* made without signs of a
pivot (a locale convention, a near miss, a name the base does not know): on a mixed set of pivot
articles and clean human French, far fewer of them are right than their raw score says. This module maps
a raw score below 0.5 to the share of such suggestions that were right on a development mix, by a
monotone piecewise-linear map through the knots of an isotonic (pool-adjacent-violators) fit.

The knots live in ``data/names/calibration.tsv`` (``raw<TAB>calibrated``), fitted by
``python bench/names_calibration.py`` on synthetic pivot documents and clean French sentences that are
not among the sets the project reports on. Scores at or above :data:`BAND` are left unchanged, so no
decision at 0.5 or above moves.
"""

from __future__ import annotations

import bisect
import functools
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parent / "data" / "names" / "calibration.tsv"
#: the calibrated band: raw scores below it are mapped, the rest are left as they are
BAND = 0.5


@functools.lru_cache(maxsize=1)
def knots() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The fitted ``(raw, calibrated)`` knots, raw ascending; empty when the file is absent."""
    if not CALIBRATION_FILE.exists():
        return (), ()
    xs, ys = [], []
    for line in CALIBRATION_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        raw, cal = line.split("\t")[:2]
        xs.append(float(raw))
        ys.append(float(cal))
    return tuple(xs), tuple(ys)


def calibrate(confidence: float) -> float:
    """The calibrated confidence of a names flag scored ``confidence`` (unchanged at :data:`BAND` or above)."""
    if confidence >= BAND:
        return confidence
    xs, ys = knots()
    if not xs:
        return confidence
    if confidence <= xs[0]:
        y = ys[0]
    elif confidence >= xs[-1]:
        y = ys[-1]
    else:
        i = bisect.bisect_right(xs, confidence)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        y = y0 if x1 == x0 else y0 + (y1 - y0) * (confidence - x0) / (x1 - x0)
    return round(min(y, BAND - 0.01), 3)


def fit_isotonic(points: list[tuple[float, bool]]) -> list[tuple[float, float]]:
    """Pool-adjacent-violators over ``(score, right)`` points: knots ``(mean score, share right)`` of the
    pooled blocks, non-decreasing in both."""
    blocks: list[list[float]] = []  # [sum score, sum right, n]
    for score, right in sorted(points):
        blocks.append([score, float(right), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            s, r, n = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += r
            blocks[-1][2] += n
    return [(round(s / n, 4), round(r / n, 4)) for s, r, n in blocks]
