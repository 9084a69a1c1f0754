"""Learned transliteration of re-romanised Russian names back to their Latin original.

A tiny character-level encoder-decoder (``transformers`` BART built from a config, trained here from
scratch) models the pivot channel Latin → Cyrillic → Latin backwards: «zhaiir» → «jair». The weights
ship in ``models/translit-ru-latin/``; :func:`mtreview.translit.infer.get_transliterator` loads them
once, lazily, and returns n-best candidates with log-probabilities.

Modules: :mod:`.data` (pair building and noise), :mod:`.model` (config and char vocabulary),
:mod:`.train` (CLI training loop), :mod:`.infer` (inference API), :mod:`.evaluate` (test figures
beside a rule-only baseline).
"""

from __future__ import annotations

__all__ = ["DEFAULT_MODEL_DIR"]

from pathlib import Path

#: where the shipped weights live (repository root / models / translit-ru-latin)
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "translit-ru-latin"
