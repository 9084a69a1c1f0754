"""The scoring run behind ``mtreview score``: load, align, score, resample, summarise.

What it is for: one function, :func:`run_scoring`, that turns a :class:`ScoreRequest` (paths and
options) into a :class:`ScoreReport` — the contract's JSON document (``report.data``) plus the
per-segment rows the reports draw from. It runs one function per step — :func:`check_request`,
:func:`load_inputs`, :func:`reference_metrics`, :func:`segment_rows`, :func:`reference_free_mqm`,
:func:`entity_accuracy`, :func:`significance_tests` — and each step delegates: :mod:`.corpus` (inputs and
alignment), :mod:`.metrics` (sacrebleu), :mod:`.significance` (bootstrap, paired tests),
:mod:`.mqm` (reference-free scores from the reviewer's flags), :mod:`.entities` (entity accuracy),
:mod:`.normalise` (French typography).

What it must not do: print or write files (the command does), or compute a metric itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputError, MtreviewError, UsageError
from . import corpus as corpus_mod
from .metrics import (
    HIGHER_IS_BETTER,
    MetricOptions,
    corpus_score,
    extract_statistics,
    segment_scores,
    signature,
)
from .normalise import FR_NORMALISATION_ID, RULES, get_normaliser
from .significance import (
    DEFAULT_AR_TRIALS,
    DEFAULT_BOOTSTRAP,
    StatSeries,
    approximate_randomisation_p,
    bootstrap_scores,
    default_seed,
    estimate_ci,
    paired_bootstrap_p,
)


@dataclass
class ScoreRequest:
    """Everything ``mtreview score`` was asked to do (paths and options)."""

    hyps: list[str]
    refs: list[str] = field(default_factory=list)
    src: str | None = None
    metrics: list[str] = field(default_factory=lambda: ["bleu", "chrf", "chrf++", "ter"])
    options: MetricOptions = field(default_factory=MetricOptions)
    normalise: str | None = None
    segments: bool = False
    segment_scores: bool = False          # compute them for reports even when not listed in JSON
    bootstrap: int | None = None          # None: 1000 with several systems, else none
    test: str = "bs"                      # "bs" paired bootstrap, "ar" approximate randomisation
    ar_trials: int = DEFAULT_AR_TRIALS
    all_pairs: bool = False
    seed: int | None = field(default_factory=default_seed)
    reference_free: bool = False
    detectors: list[str] | None = None
    min_confidence: float = 0.0
    entities: str | None = None
    allow_missing: bool = False
    workers: int = 0                      # 0: automatic
    progress: bool = True


@dataclass
class ScoreReport:
    """The result: ``data`` is the JSON document; ``segment_rows`` one dict per system × segment."""

    data: dict[str, Any]
    segment_rows: list[dict[str, Any]] = field(default_factory=list)


def _progress(enabled: bool, total: int, description: str) -> Any:
    """A rich progress bar on standard error (a no-op context when disabled)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=sys.stderr)
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=console, disable=not enabled, transient=False)
    return progress


def _make_reviewer(detectors: list[str] | None) -> Any:
    try:
        from ..review import get_reviewer

        return get_reviewer(detectors)  # cached: models load once per process
    except KeyError as e:
        raise UsageError(str(e.args[0])) from None
    except MtreviewError:
        raise
    except ImportError as e:
        raise MtreviewError(f"reference-free scoring needs the review engine, which cannot load here ({e}); "
                            "install everything with `bash scripts/install.sh`") from None


@dataclass
class ScoringInputs:
    """What :func:`load_inputs` read: the systems aligned on the master segment list, normalised."""

    systems: list[corpus_mod.SystemOutput]
    alignments: list[corpus_mod.Alignment]
    refs: corpus_mod.ReferenceSet | None
    entity_items: list[Any] | None
    #: the segment ids every system is aligned on (the references', the entity file's or the first system's)
    master_ids: list[str]
    n: int
    sources: list[str | None] | None
    docs: list[Any] | None
    #: hypotheses per system, aligned (empty for a missing one), normalised when asked
    hyps_text: list[list[str]]
    #: reference streams, normalised when asked (empty without references)
    ref_streams: list[list[str | None]]
    warnings: list[str]


@dataclass
class MetricScores:
    """What :func:`reference_metrics` computed: one JSON dict per system, their statistics for resampling."""

    systems: list[dict[str, Any]]
    series: list[StatSeries]
    #: (system index, metric) → per-segment sufficient statistics
    stats: dict[tuple[int, str], Any]
    metric_names: list[str]


def check_request(req: ScoreRequest) -> None:
    """Refuse (:class:`UsageError`) a request that cannot be scored, before anything is read."""
    if not req.hyps:
        raise UsageError("give at least one --hyp")
    if not req.refs and not req.entities and not req.reference_free:
        raise UsageError("nothing to score against: give --ref (references), --entities (entity mentions) "
                         "or --reference-free (MQM from the review engine's flags)")
    if req.test not in ("bs", "ar"):
        raise UsageError(f"unknown significance test {req.test!r} (bs or ar)")
    if req.bootstrap is not None and req.bootstrap < 0:
        raise UsageError("--bootstrap must be 0 (off) or a number of resamples")
    if not 0.0 <= req.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")


def load_inputs(req: ScoreRequest, normaliser: Callable[[str], str] | None) -> ScoringInputs:
    """Read the systems, references and entity file; align every system on the master segment list
    (missing, extra and duplicate ids become warnings, or an :class:`InputError` without
    ``allow_missing``); find sources and document ids; normalise hypotheses and references."""
    warnings: list[str] = []
    systems: list[corpus_mod.SystemOutput] = []
    for path in req.hyps:
        systems.extend(corpus_mod.load_systems(path))
    corpus_mod.unique_names(systems)
    refs = corpus_mod.load_references(req.refs) if req.refs else None
    entity_items = None
    if req.entities:
        from .entities import load_entity_items

        entity_items = load_entity_items(req.entities)

    if refs is not None:
        master_ids, master_keyed, master_name = refs.ids, refs.keyed, refs.paths[0]
    elif entity_items is not None:
        master_ids, master_keyed, master_name = [e.id for e in entity_items], True, req.entities or ""
    else:
        master_ids, master_keyed, master_name = systems[0].ids, systems[0].keyed, systems[0].path
    n = len(master_ids)
    if n == 0:
        raise InputError(f"{master_name}: no segments to score")

    alignments = [corpus_mod.align(master_ids, master_keyed, s, master_name) for s in systems]
    for s, al in zip(systems, alignments, strict=True):
        if al.missing and not req.allow_missing:
            raise InputError(f"{s.path}: no hypothesis for {al.missing} of the {n} segments of {master_name} "
                             f"(e.g. {', '.join(al.missing_examples)}); use --allow-missing to score them as "
                             "empty output")
        if al.missing:
            warnings.append(f"{s.name}: {al.missing} of {n} segments have no hypothesis and are scored as empty output")
        if al.extra:
            warnings.append(f"{s.name}: {al.extra} hypotheses have ids outside the segment set and are ignored")
        if al.duplicates:
            warnings.append(f"{s.name}: {al.duplicates} duplicate ids; the last hypothesis of each id is used")

    sources: list[str | None] | None = None
    if req.src:
        sources = corpus_mod.read_sources(req.src, n, master_ids, master_keyed)
    elif refs is not None and refs.sources is not None:
        sources = refs.sources
    else:
        for s in systems:
            if s.sources is not None and s.ids == list(master_ids):
                sources = s.sources
                break
    docs = refs.docs if refs is not None and refs.docs is not None else next(
        (s.docs for s in systems if s.docs is not None and s.ids == list(master_ids)), None)

    hyps_text: list[list[str]] = []
    for al in alignments:
        h = ["" if x is None else x for x in al.hyps]
        hyps_text.append([normaliser(x) for x in h] if normaliser else h)
    ref_streams: list[list[str | None]] = []
    if refs is not None:
        ref_streams = [[None if r is None else (normaliser(r) if normaliser else r) for r in stream]
                       for stream in refs.streams]
        empty = [i for i in range(n) if all(stream[i] is None for stream in ref_streams)]
        if empty:
            raise InputError(f"{master_name}: {len(empty)} segments have no reference translation "
                             f"(e.g. {master_ids[empty[0]]})")
    return ScoringInputs(systems=systems, alignments=alignments, refs=refs, entity_items=entity_items,
                         master_ids=master_ids, n=n, sources=sources, docs=docs, hyps_text=hyps_text,
                         ref_streams=ref_streams, warnings=warnings)


def reference_metrics(req: ScoreRequest, inp: ScoringInputs, norm_id: str | None) -> MetricScores:
    """BLEU, chrF, chrF++, TER (those asked, none without references) of every system with sacrebleu:
    corpus scores and signatures in one JSON dict per system, statistics kept for resampling."""
    metric_names = list(req.metrics) if inp.refs is not None else []
    n = inp.n
    workers = req.workers
    if workers <= 0:
        from .metrics import default_workers

        workers = default_workers(n * len(inp.systems), metric_names)
    stats, metric_objs = extract_statistics(metric_names, inp.hyps_text, inp.ref_streams, req.options, workers)

    sys_dicts: list[dict[str, Any]] = []
    series: list[StatSeries] = []
    for si, s in enumerate(inp.systems):
        d: dict[str, Any] = {"name": s.name, "path": s.path, "segments": n}
        if inp.alignments[si].missing:
            d["missing"] = inp.alignments[si].missing
        sigs: dict[str, str] = {}
        for m in metric_names:
            score = corpus_score(metric_objs[m], stats[(si, m)])
            d[m] = score
            sigs[m] = signature(metric_objs[m], norm_id)
            metric = metric_objs[m]
            series.append(StatSeries(s.name, m, np.asarray(stats[(si, m)], dtype=np.float64),
                                     lambda row, _m=metric: float(_m._compute_score_from_stats(row).score), score))
        if sigs:
            d["signatures"] = sigs
        sys_dicts.append(d)
    return MetricScores(systems=sys_dicts, series=series, stats=stats, metric_names=metric_names)


def segment_rows(req: ScoreRequest, inp: ScoringInputs, scores: MetricScores) -> list[dict[str, Any]]:
    """One row per system × segment (system-major) with its segment-level metric scores; the later
    steps add their columns. Empty unless the request wants segments."""
    rows: list[dict[str, Any]] = []
    if not (req.segments or req.segment_scores):
        return rows
    for si, s in enumerate(inp.systems):
        per_metric = {m: segment_scores(m, scores.stats[(si, m)], req.options) for m in scores.metric_names}
        for i in range(inp.n):
            row: dict[str, Any] = {"system": s.name, "id": inp.master_ids[i]}
            if inp.docs is not None:
                row["doc"] = inp.docs[i]
            for m in scores.metric_names:
                row[m] = per_metric[m][i]
            rows.append(row)
    return rows


def reference_free_mqm(req: ScoreRequest, inp: ScoringInputs, scores: MetricScores,
                       rows: list[dict[str, Any]]) -> None:
    """Review every system's (unnormalised) hypotheses and add its MQM summary to its JSON dict, its
    MQM statistics to ``scores.series`` and the MQM columns to ``rows`` (when there are rows)."""
    from . import mqm

    n = inp.n
    reviewer = _make_reviewer(req.detectors)
    det_names = [d.name for d in reviewer.detectors]
    with _progress(req.progress, n * len(inp.systems), "reviewing") as progress:
        for si, s in enumerate(inp.systems):
            task = progress.add_task(f"MQM {s.name}", total=n)
            raw = ["" if x is None else x for x in inp.alignments[si].hyps]
            reviewed = mqm.review_segments(raw, inp.sources, reviewer=reviewer, docs=inp.docs,
                                           min_confidence=req.min_confidence,
                                           advance=lambda k, _t=task: progress.advance(_t, k))
            summary = mqm.summarise(reviewed, inp.docs)
            summary["signature"] = mqm.mqm_signature(det_names, req.min_confidence)
            summary["formula"] = mqm.MQM_FORMULA
            scores.systems[si]["mqm"] = summary
            scores.series.append(StatSeries(s.name, "mqm", mqm.stats_array(reviewed), mqm.mqm_compute,
                                            summary["score"]))
            if rows:
                base = si * n
                for i, seg in enumerate(reviewed):
                    rows[base + i]["mqm"] = seg.score
                    rows[base + i]["flags"] = len(seg.flags)
                    rows[base + i]["categories"] = sorted({f.category for f in seg.flags})


def entity_accuracy(req: ScoreRequest, inp: ScoringInputs, scores: MetricScores, rows: list[dict[str, Any]],
                    normaliser: Callable[[str], str] | None) -> list[StatSeries]:
    """Entity accuracy of every system against the entity file (its own alignment, by entity id): the
    summary in each system's JSON dict, ``entity_correct`` in ``rows``; returns the statistics for
    resampling (a group of their own: the entity segments need not be the master segments)."""
    from . import entities

    assert inp.entity_items is not None
    entity_series: list[StatSeries] = []
    ent_ids = [e.id for e in inp.entity_items]
    for si, s in enumerate(inp.systems):
        al = corpus_mod.align(ent_ids, True, s, req.entities or "")
        if al.missing and not req.allow_missing:
            raise InputError(f"{s.path}: no hypothesis for {al.missing} of the {len(ent_ids)} entity segments "
                             f"of {req.entities} (e.g. {', '.join(al.missing_examples)}); use --allow-missing "
                             "to count them as wrong, as XC-Translate's evaluation does")
        hits = entities.entity_hits(al.hyps, inp.entity_items, normaliser)
        summary = entities.summarise(hits, inp.entity_items, [h is None for h in al.hyps], normaliser is not None)
        scores.systems[si]["entity_accuracy"] = summary
        entity_series.append(StatSeries(s.name, "entity_accuracy", entities.stats_array(hits),
                                        entities.accuracy_compute, summary["accuracy"]))
        if rows:
            hit_by_id = dict(zip(ent_ids, hits, strict=True))
            for i in range(inp.n):
                if inp.master_ids[i] in hit_by_id:
                    rows[si * inp.n + i]["entity_correct"] = hit_by_id[inp.master_ids[i]]
    return entity_series


def significance_tests(req: ScoreRequest, system_names: list[str], sys_dicts: list[dict[str, Any]],
                 series: list[StatSeries], entity_series: list[StatSeries]) -> dict[str, Any] | None:
    """Bootstrap confidence intervals (added to each system's JSON dict as ``confidence``) and, with
    several systems, paired tests against the baseline (the first system, or every pair): the JSON's
    ``significance``, ``None`` when resampling is off."""
    n_boot = req.bootstrap if req.bootstrap is not None else (DEFAULT_BOOTSTRAP if len(system_names) > 1 else 0)
    if n_boot <= 0:
        return None
    groups = [g for g in (series, entity_series) if g]
    samples: dict[tuple[str, str], np.ndarray] = {}
    for group in groups:
        for ser, arr in zip(group, bootstrap_scores(group, n_boot, req.seed), strict=True):
            samples[(ser.system, ser.metric)] = arr
    by_key = {(s.system, s.metric): s for g in groups for s in g}
    for d in sys_dicts:
        conf = {}
        for (sysname, metric), arr in samples.items():
            if sysname == d["name"]:
                mean, ci, low, high = estimate_ci(arr)
                conf[metric] = {"mean": mean, "ci": ci, "low": low, "high": high}
        d["confidence"] = conf
    if len(system_names) <= 1:
        return None
    names = system_names
    pairs = [(names[0], b) for b in names[1:]]
    if req.all_pairs:
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    comparisons = []
    for base, other in pairs:
        for key in [k for k in by_key if k[0] == other]:
            metric = key[1]
            sb, so = by_key[(base, metric)], by_key[key]
            if req.test == "bs":
                p = paired_bootstrap_p(so.score, sb.score, samples[key], samples[(base, metric)])
            else:
                p = approximate_randomisation_p(so, sb, req.ar_trials, req.seed)
            delta = so.score - sb.score
            better = delta > 0 if HIGHER_IS_BETTER.get(metric, True) else delta < 0
            comparisons.append({"system": other, "baseline": base, "metric": metric,
                                "score": so.score, "baseline_score": sb.score, "delta": delta,
                                "p_value": p, "significant": p < 0.05,
                                "better": bool(better) if delta else None})
    return {
        "test": "paired-bs" if req.test == "bs" else "paired-ar",
        "samples": n_boot if req.test == "bs" else req.ar_trials,
        "bootstrap_samples": n_boot,
        "seed": req.seed,
        "alpha": 0.05,
        "baseline": names[0],
        "comparisons": comparisons,
        "note": "p-values as sacrebleu --paired-bs/--paired-ar compute them; confidence intervals "
                "are 95% bootstrap intervals (mean ± ci)",
    }


def run_scoring(req: ScoreRequest) -> ScoreReport:
    """Score the request's systems (see the module docstring): check the request, load and align the
    inputs, then reference metrics, segment rows, reference-free MQM, entity accuracy and significance,
    each a step of its own; assemble the contract's JSON."""
    from .. import __version__

    check_request(req)
    normaliser = get_normaliser(req.normalise)
    norm_id = FR_NORMALISATION_ID if normaliser else None
    inp = load_inputs(req, normaliser)
    scores = reference_metrics(req, inp, norm_id)
    rows = segment_rows(req, inp, scores)
    if req.reference_free:
        reference_free_mqm(req, inp, scores, rows)
    entity_series = entity_accuracy(req, inp, scores, rows, normaliser) if inp.entity_items is not None else []
    sig = significance_tests(req, [s.name for s in inp.systems], scores.systems, scores.series, entity_series)

    data: dict[str, Any] = {
        "version": 1,
        "systems": scores.systems,
        "references": None if inp.refs is None else {
            "paths": inp.refs.paths, "count": _ref_count(inp.ref_streams), "segments": inp.n},
        "entities": req.entities,
        "normalisation": None if not normaliser else {"name": "fr", "id": FR_NORMALISATION_ID, "rules": list(RULES),
                                                      "applied_to": "hypotheses, references and entity mentions"},
        "significance": sig,
        "warnings": inp.warnings,
        "tool": {"mtreview": __version__, "sacrebleu": _sacrebleu_version()},
    }
    if req.segments:
        data["segments"] = rows
    return ScoreReport(data=data, segment_rows=rows)


def _ref_count(streams: list[list[str | None]]) -> int | str:
    """References per segment, or ``"var"`` when it varies (sacrebleu's ``nrefs:var``)."""
    from .metrics import count_references

    k = count_references(streams) if streams else 0
    return "var" if k == -1 else k


def _sacrebleu_version() -> str:
    import sacrebleu

    return str(sacrebleu.__version__)


#: what the report renderers need to know about metrics (labels in report order)
LABELS: dict[str, str] = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER", "mqm": "MQM",
                          "entity_accuracy": "Entity acc."}

__all__: list[str] = ["ScoreRequest", "ScoreReport", "run_scoring", "LABELS"]
