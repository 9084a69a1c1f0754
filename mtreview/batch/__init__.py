"""Batch name normalisation (``mtreview normalise``): whole corpora, locally or on a Dask cluster.

* :mod:`.rules` — glossaries (CSV/TSV/TBX) as replacement rules;
* :mod:`.matcher` — the Aho-Corasick fast path (glossary variants, knowledge-base prefilter);
* :mod:`.plan` — input discovery, chunking, the manifest;
* :mod:`.worker` — what a worker does with a task (pure: bytes in, changes out);
* :mod:`.runner` — backends (inline, process pool, Dask), resume, assembly, ``summary.json``.

It detects nothing itself: the changes come from the glossary or from the review engine's detectors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .runner import NormaliseOptions, run_normalise

__all__ = ["NormaliseOptions", "run_normalise"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import runner

        return getattr(runner, name)
    raise AttributeError(name)
