"""Learned transliteration of re-romanised Russian names back to their Latin original.

A tiny character-level encoder-decoder (``transformers`` BART built from a config, trained here from
scratch) models the pivot channel Latin → Cyrillic → Latin backwards: «zhaiir» → «jair». The weights
ship in ``models/translit-ru-latin/`` (found through :mod:`mtreview.resources`);
:func:`mtreview.translit.infer.get_transliterator` loads them once, lazily, and returns n-best candidates
with log-probabilities.

Modules: :mod:`.data` (pair building and noise), :mod:`.model` (config and char vocabulary),
:mod:`.train` (CLI training loop), :mod:`.infer` (inference API), :mod:`.evaluate` (test figures
beside a rule-only baseline).
"""

from __future__ import annotations

__all__ = ["DEFAULT_MODEL_DIR", "MODEL_NAME"]

from pathlib import Path

#: the shipped model's folder name on the search path of :mod:`mtreview.resources`
MODEL_NAME = "translit-ru-latin"


def __getattr__(name: str) -> Path:
    """``DEFAULT_MODEL_DIR``: where the shipped weights are, resolved on access by
    :func:`mtreview.resources.model_dir` (:class:`~mtreview.resources.ModelNotFoundError` if nowhere)."""
    if name == "DEFAULT_MODEL_DIR":
        from ..resources import model_dir

        return model_dir(MODEL_NAME)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
