"""Bootstrap confidence intervals and paired significance tests, the way sacrebleu computes them.

What it is for: 95% confidence intervals for every system score and p-values between systems
(paired bootstrap resampling, Koehn 2004, or approximate randomisation), over any statistic whose
corpus score is a function of summed segment statistics: sacrebleu's BLEU/chrF/TER statistics, and
mtreview's MQM (penalty, words) and entity accuracy (correct, total).

The procedure is sacrebleu 2.6's (``sacrebleu/significance.py``): the resample indices come from
``numpy.random.default_rng(seed).choice(N, size=(samples, N))`` with sacrebleu's seed (12345 unless
``SACREBLEU_SEED`` says otherwise); the same indices serve every system; the CI is half the span
between the 2.5th and 97.5th percentile samples (``estimate_ci``); the bootstrap p-value counts
the resamples whose centred absolute difference exceeds the observed one, ``(c + 1) / (S + 1)``.
Unlike sacrebleu, which materialises a ``samples × N × stats`` array (4 GB for BLEU on 100k
segments), the resamples are drawn and summed in chunks of rows (``counts @ stats``); the index
stream is identical, and so are the sums for integer statistics, hence the same scores and
p-values. The approximate-randomisation masks are identical too while ``samples × N`` fits in
memory (250 MB); beyond that they are drawn in chunks (statistically equivalent, not bit-equal).

What it must not do: decide which system is better. A small p-value says the difference is
unlikely to be chance, nothing more.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

#: resamples of the default paired bootstrap (sacrebleu --paired-bs-n) and AR trials (--paired-ar-n)
DEFAULT_BOOTSTRAP = 1000
DEFAULT_AR_TRIALS = 10000
#: largest AR mask drawn in one piece (bytes); above it the mask is drawn in chunks
AR_ONE_PIECE_LIMIT = 250_000_000


def default_seed() -> int | None:
    """sacrebleu's seed: ``SACREBLEU_SEED`` (``none`` for entropy from the OS), default 12345."""
    seed = os.environ.get("SACREBLEU_SEED", "12345")
    return None if seed.lower() == "none" else int(seed)


@dataclass
class StatSeries:
    """Segment statistics of one system for one metric, and how to score summed statistics."""

    system: str
    metric: str
    stats: np.ndarray                     # shape (N, k)
    compute: Callable[[np.ndarray], float]
    score: float                          # the actual corpus score


def _chunk_rows(n_segments: int, budget_bytes: int = 64_000_000) -> int:
    return max(1, min(1000, budget_bytes // max(1, 8 * n_segments)))


def bootstrap_index_chunks(n_segments: int, n_samples: int, seed: int | None) -> Iterator[np.ndarray]:
    """The rows of ``default_rng(seed).choice(N, (S, N))``, drawn a chunk of rows at a time.

    Drawing consecutive row blocks from one generator yields exactly the rows of the one-shot draw.
    """
    rng = np.random.default_rng(seed)
    step = _chunk_rows(n_segments)
    done = 0
    while done < n_samples:
        rows = min(step, n_samples - done)
        yield rng.choice(n_segments, size=(rows, n_segments), replace=True)
        done += rows


def bootstrap_scores(series: Sequence[StatSeries], n_samples: int, seed: int | None) -> list[np.ndarray]:
    """Scores of every series on the same ``n_samples`` bootstrap resamples (one array per series)."""
    if not series:
        return []
    n = series[0].stats.shape[0]
    widths = [s.stats.shape[1] for s in series]
    stacked = np.concatenate([s.stats.astype(np.float64) for s in series], axis=1)
    out = [np.empty(n_samples) for _ in series]
    done = 0
    for idx in bootstrap_index_chunks(n, n_samples, seed):
        counts = np.empty((idx.shape[0], n), dtype=np.float64)
        for r in range(idx.shape[0]):
            counts[r] = np.bincount(idx[r], minlength=n)
        sums = counts @ stacked
        col = 0
        for j, s in enumerate(series):
            block = sums[:, col:col + widths[j]]
            col += widths[j]
            for r in range(block.shape[0]):
                out[j][done + r] = s.compute(block[r])
        done += idx.shape[0]
    return out


def estimate_ci(scores: np.ndarray) -> tuple[float, float, float, float]:
    """sacrebleu's estimate: (mean, half-width of the 95% interval, lower bound, upper bound)."""
    ordered = np.sort(scores)
    n = len(ordered)
    lower_idx = n // 40
    upper_idx = n - lower_idx - 1
    lower, upper = float(ordered[lower_idx]), float(ordered[upper_idx])
    return float(ordered.mean()), 0.5 * (upper - lower), lower, upper


def paired_bootstrap_p(score_sys: float, score_base: float, samples_sys: np.ndarray,
                       samples_base: np.ndarray) -> float:
    """sacrebleu's paired bootstrap p-value (``_paired_bs_test`` / ``_compute_p_value``)."""
    diff = abs(score_base - score_sys)
    sample_diffs = np.abs(samples_sys - samples_base)
    centred = sample_diffs - sample_diffs.mean()
    return float((np.sum(centred > diff).item() + 1) / (len(centred) + 1))


def ar_masks(n_segments: int, n_trials: int, seed: int | None) -> Iterator[np.ndarray]:
    """The approximate-randomisation swap masks, as sacrebleu draws them (chunked when huge)."""
    rng = np.random.default_rng(seed)
    if n_segments * n_trials <= AR_ONE_PIECE_LIMIT:
        yield rng.integers(2, size=(n_trials, n_segments), dtype=bool)
        return
    step = _chunk_rows(n_segments)
    done = 0
    while done < n_trials:
        rows = min(step, n_trials - done)
        yield rng.integers(2, size=(rows, n_segments), dtype=bool)
        done += rows


def approximate_randomisation_p(system: StatSeries, baseline: StatSeries, n_trials: int,
                                seed: int | None) -> float:
    """sacrebleu's paired approximate randomisation p-value (``_paired_ar_test``)."""
    diff = abs(baseline.score - system.score)
    bl = baseline.stats.astype(np.float64)
    sy = system.stats.astype(np.float64)
    count = 0
    total = 0
    for mask in ar_masks(bl.shape[0], n_trials, seed):
        pos = mask.astype(np.float64)
        neg = 1.0 - pos
        shuf_a = pos @ bl + neg @ sy
        shuf_b = neg @ bl + pos @ sy
        a = np.array([baseline.compute(row) for row in shuf_a])
        b = np.array([baseline.compute(row) for row in shuf_b])
        count += int(np.sum(np.abs(a - b) > diff))
        total += mask.shape[0]
    return (count + 1) / (total + 1)
