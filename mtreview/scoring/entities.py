"""Entity accuracy: does the output contain a correct French mention of the entity?

What it is for: references that mark the entity mention (XC-Translate JSONL: ``targets`` with
``translation`` and ``mention``, and ``entity_types``) let us measure how often a system renders
the entity name correctly, per system and per entity type. The test is XC-Translate's m-ETA
(Conia et al., EMNLP 2024, ``src/evaluation/evaluate.py``): a segment is correct when one of its
reference mentions, case-folded, is a substring of the case-folded output; a segment without an
output counts as wrong. With ``--normalise-fr`` mentions and outputs are normalised first (so
``l’Émir`` matches ``l'Émir``), which is reported as a different measure (``normalised: true``).

What it must not do: fuzzy-match names (that is the detectors' job) or train on anything.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError

NO_TYPE = "(no type)"


@dataclass
class EntityItem:
    """One evaluation segment: its id, the accepted mentions and the entity's types."""

    id: str
    mentions: list[str]
    types: list[str] = field(default_factory=list)


def load_entity_items(path: str | os.PathLike[str]) -> list[EntityItem]:
    """Entity mentions from a JSONL file in XC-Translate's format (rows without mentions skipped)."""
    from ..formats import read_units

    items: list[EntityItem] = []
    for u in read_units(path):
        mentions = u.meta.get("mentions") or []
        if not mentions:
            continue
        items.append(EntityItem(id=u.id, mentions=list(dict.fromkeys(mentions)),
                                types=list(u.meta.get("entity_types") or [])))
    if not items:
        raise InputError(f"{path}: no entity mentions found (expected XC-Translate JSONL rows with "
                         "'targets': [{'translation': …, 'mention': …}])")
    return items


def entity_hits(hyps: Sequence[str | None], items: Sequence[EntityItem],
                normaliser: Callable[[str], str] | None = None) -> list[bool]:
    """For each item, whether its hypothesis contains one of the mentions (m-ETA's test)."""
    hits: list[bool] = []
    for hyp, item in zip(hyps, items, strict=True):
        if hyp is None:
            hits.append(False)
            continue
        h = (normaliser(hyp) if normaliser else hyp).casefold()
        hits.append(any((normaliser(m) if normaliser else m).casefold() in h for m in item.mentions))
    return hits


def summarise(hits: Sequence[bool], items: Sequence[EntityItem], missing: Sequence[bool],
              normalised: bool = False) -> dict[str, Any]:
    """Accuracy (percent), counts and the breakdown by entity type."""
    by_type: dict[str, list[int]] = {}
    for hit, item in zip(hits, items, strict=True):
        for t in item.types or [NO_TYPE]:
            c = by_type.setdefault(t, [0, 0])
            c[0] += int(hit)
            c[1] += 1
    total = len(items)
    correct = int(sum(hits))
    n_missing = int(sum(missing))
    covered = total - n_missing
    return {
        "accuracy": 100.0 * correct / total if total else 0.0,
        "correct": correct,
        "total": total,
        "missing": n_missing,
        "accuracy_with_output": 100.0 * correct / covered if covered else 0.0,
        "normalised": normalised,
        "test": "m-ETA: a reference mention, case-folded, is a substring of the case-folded output",
        "by_type": {t: {"accuracy": 100.0 * c / n if n else 0.0, "correct": c, "total": n}
                    for t, (c, n) in sorted(by_type.items(), key=lambda kv: (-kv[1][1], kv[0]))},
    }


def stats_array(hits: Sequence[bool]) -> np.ndarray:
    """Per-segment sufficient statistics ``(correct, 1)`` for resampling."""
    return np.array([[float(h), 1.0] for h in hits], dtype=np.float64).reshape(-1, 2)


def accuracy_compute(stats: np.ndarray) -> float:
    return 100.0 * float(stats[0]) / float(stats[1]) if stats[1] else 0.0
