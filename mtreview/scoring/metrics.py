"""Reference-based metrics through sacrebleu: BLEU, chrF, chrF++ and TER, corpus and segment level.

What it is for: one place that builds sacrebleu metric objects from mtreview's options and extracts
their *sufficient statistics* once per system and segment. Corpus scores, segment scores and
bootstrap resampling are all computed from those statistics, exactly as sacrebleu computes them
(``Metric._extract_corpus_statistics`` / ``_aggregate_and_compute`` / ``_compute_score_from_stats``;
sacrebleu is pinned to 2.6.x in pyproject, and the tests check the figures against sacrebleu's
public API and CLI). References are cached once per metric and shared by every system; with
``workers > 1`` the segments are split into chunks scored in forked worker processes and the
statistics concatenated in order, which gives the same sums and so the same scores.

What it must not do: compute any metric itself. Every number here comes out of sacrebleu.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError

#: metric names accepted by --metrics, in report order
METRIC_NAMES: tuple[str, ...] = ("bleu", "chrf", "chrf++", "ter")
#: direction of each metric (TER is an error rate)
HIGHER_IS_BETTER: dict[str, bool] = {"bleu": True, "chrf": True, "chrf++": True, "ter": False,
                                     "mqm": True, "entity_accuracy": True}
_ALIASES = {"chrfpp": "chrf++", "chrf2": "chrf++", "sacrebleu": "bleu"}


@dataclass(frozen=True)
class MetricOptions:
    """Options shared by the metrics (those of sacrebleu's CLI that mtreview exposes)."""

    tokenize: str | None = None     # BLEU tokenizer (sacrebleu default: 13a)
    lowercase: bool = False         # BLEU and chrF lowercase (TER is case-insensitive by sacrebleu default)


def parse_metrics(spec: str | Sequence[str]) -> list[str]:
    """``"bleu,chrf"`` → ``["bleu", "chrf"]``; unknown names are a usage error."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    out: list[str] = []
    for raw in items:
        name = raw.strip().lower()
        if not name:
            continue
        name = _ALIASES.get(name, name)
        if name not in METRIC_NAMES:
            raise UsageError(f"unknown metric {raw.strip()!r}; choose from {', '.join(METRIC_NAMES)}")
        if name not in out:
            out.append(name)
    return out


def make_metric(name: str, options: MetricOptions = MetricOptions(), *, sentence: bool = False) -> Any:
    """A sacrebleu metric object; ``sentence=True`` gives sentence-BLEU (effective order on)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        try:
            return BLEU(tokenize=options.tokenize, lowercase=options.lowercase, effective_order=sentence)
        except Exception as e:  # unknown tokenizer names raise from sacrebleu's registry
            raise UsageError(f"--tokenize {options.tokenize!r}: {e}") from None
    if name == "chrf":
        return CHRF(lowercase=options.lowercase)
    if name == "chrf++":
        return CHRF(word_order=2, lowercase=options.lowercase)
    if name == "ter":
        return TER()  # sacrebleu's default: case-insensitive, tercom tokenisation
    raise UsageError(f"unknown metric {name!r}")


def count_references(refs: Sequence[Sequence[str | None]]) -> int:
    """sacrebleu's ``num_refs``: references per segment, or -1 when the count varies."""
    counts = {sum(1 for r in seg if r is not None) for seg in zip(*refs, strict=True)}
    return counts.pop() if len(counts) == 1 else -1


def signature(metric: Any, normalisation: str | None = None) -> str:
    """sacrebleu's signature string, with ``norm:<id>`` before the version when normalised."""
    sig = metric.get_signature().format()
    if normalisation:
        head, sep, version = sig.rpartition("|version:")
        sig = f"{head}|norm:{normalisation}{sep}{version}" if sep else f"{sig}|norm:{normalisation}"
    return sig


# --- statistics extraction ---------------------------------------------------------------------

_SHARED: dict[str, Any] = {}


def _chunk_stats(bounds: tuple[int, int]) -> dict[tuple[int, str], list[list[float]]]:
    """Worker: statistics of segments ``[start, end)`` for every system and metric."""
    start, end = bounds
    names: list[str] = _SHARED["metrics"]
    options: MetricOptions = _SHARED["options"]
    systems: list[list[str]] = _SHARED["systems"]
    refs: list[list[str | None]] = _SHARED["refs"]
    out: dict[tuple[int, str], list[list[float]]] = {}
    ref_chunk = [stream[start:end] for stream in refs]
    for name in names:
        metric = make_metric(name, options)
        metric._ref_cache = metric._cache_references(ref_chunk)
        for s, hyps in enumerate(systems):
            out[(s, name)] = metric._extract_corpus_statistics(hyps[start:end], None)
    return out


def default_workers(n_segments: int, metrics: Sequence[str]) -> int:
    """Worker processes worth starting: one per core (at most 4) for large jobs, else 1."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    heavy = n_segments >= 20_000 or ("ter" in metrics and n_segments >= 2_000)
    return max(1, min(cores, 4)) if heavy else 1


def extract_statistics(metric_names: Sequence[str], systems: Sequence[Sequence[str]],
                       refs: Sequence[Sequence[str | None]], options: MetricOptions = MetricOptions(),
                       workers: int = 1) -> tuple[dict[tuple[int, str], list[list[float]]], dict[str, Any]]:
    """Sufficient statistics for every (system index, metric), and the metric objects used.

    ``refs`` is a list of reference streams (each as long as the systems; ``None`` where a segment
    has fewer references). The metric objects carry the reference count for their signatures.
    """
    n = len(refs[0]) if refs else 0
    metrics = {name: make_metric(name, options) for name in metric_names}
    stats: dict[tuple[int, str], list[list[float]]] = {}
    if n == 0 or not metric_names:
        for m in metrics.values():
            m.num_refs = len(refs)
        return stats, metrics
    if workers <= 1 or n < 2 * workers:
        import gc

        # The inputs (hundreds of thousands of strings) live for the whole run: freeze them out of the
        # cyclic garbage collector's sight while sacrebleu allocates its n-gram counters.
        gc.freeze()
        try:
            for name, metric in metrics.items():
                metric._ref_cache = metric._cache_references(refs)
                for s, hyps in enumerate(systems):
                    stats[(s, name)] = metric._extract_corpus_statistics(list(hyps), None)
                metric._ref_cache = None  # free memory; num_refs stays for the signature
        finally:
            gc.unfreeze()
        return stats, metrics
    import multiprocessing as mp

    n_chunks = min(n, workers * 4)
    size = -(-n // n_chunks)
    bounds = [(i, min(n, i + size)) for i in range(0, n, size)]
    _SHARED.update(metrics=list(metric_names), options=options,
                   systems=[list(h) for h in systems], refs=[list(r) for r in refs])
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for part in pool.imap(_chunk_stats, bounds):
                for key, rows in part.items():
                    stats.setdefault(key, []).extend(rows)
    finally:
        _SHARED.clear()
    num_refs = count_references(refs)
    for metric in metrics.values():
        metric.num_refs = num_refs
    return stats, metrics


def corpus_score(metric: Any, stats: list[list[float]]) -> float:
    """The corpus score from segment statistics (sacrebleu's own aggregation)."""
    return float(metric._aggregate_and_compute(stats).score)


def segment_scores(name: str, stats: list[list[float]], options: MetricOptions = MetricOptions()) -> list[float]:
    """Sentence-level scores from the same statistics (sentence-BLEU uses effective order)."""
    metric = make_metric(name, options, sentence=True)
    compute = metric._compute_score_from_stats
    return [float(compute(row).score) for row in stats]
