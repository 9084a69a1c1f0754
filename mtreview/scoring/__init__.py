"""Corpus scoring for QA teams: sacrebleu metrics, significance, MQM from flags, entity accuracy.

What it is for: the engine of ``mtreview score``. Modules, each with one job:

- :mod:`.corpus` — read system outputs, references and sources (text, TSV, JSONL, XLIFF, TMX, PO,
  WMT folders and XML) and align them by id or position;
- :mod:`.normalise` — optional French typographic normalisation, shown in every signature;
- :mod:`.metrics` — BLEU, chrF, chrF++, TER through sacrebleu, from per-segment statistics;
- :mod:`.significance` — sacrebleu's bootstrap CIs and paired tests, memory-bounded;
- :mod:`.mqm` — reference-free MQM-style scores from the review engine's flags;
- :mod:`.entities` — entity-name accuracy (XC-Translate's m-ETA) per system and entity type;
- :mod:`.engine` — the whole run (:func:`run_scoring`); :mod:`.report` — JSON, text, CSV, HTML.

Python API::

    from mtreview.scoring import ScoreRequest, run_scoring
    report = run_scoring(ScoreRequest(hyps=["sys1.txt", "sys2.txt"], refs=["ref.txt"]))
    report.data["systems"][0]["bleu"]

Importing this package is cheap; numpy and sacrebleu load when a run starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .engine import ScoreReport, ScoreRequest, run_scoring

__all__ = ["ScoreRequest", "ScoreReport", "run_scoring"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(name)
