"""The scoring run behind ``mtreview score``: load, align, score, resample, summarise.

What it is for: one function, :func:`run_scoring`, that turns a :class:`ScoreRequest` (paths and
options) into a :class:`ScoreReport` — the contract's JSON document (``report.data``) plus the
per-segment rows the reports draw from. Each step is delegated: :mod:`.corpus` (inputs and
alignment), :mod:`.metrics` (sacrebleu), :mod:`.significance` (bootstrap, paired tests),
:mod:`.mqm` (reference-free scores from the reviewer's flags), :mod:`.entities` (entity accuracy),
:mod:`.normalise` (French typography).

What it must not do: print or write files (the command does), or compute a metric itself.
"""

from __future__ import annotations

import sys
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


def run_scoring(req: ScoreRequest) -> ScoreReport:
    """Score the request's systems (see the module docstring)."""
    from .. import __version__

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
    normaliser = get_normaliser(req.normalise)
    norm_id = FR_NORMALISATION_ID if normaliser else None
    warnings: list[str] = []

    # --- inputs -------------------------------------------------------------------------------
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

    # --- reference-based metrics ----------------------------------------------------------------
    metric_names = list(req.metrics) if refs is not None else []
    workers = req.workers
    if workers <= 0:
        from .metrics import default_workers

        workers = default_workers(n * len(systems), metric_names)
    stats, metric_objs = extract_statistics(metric_names, hyps_text, ref_streams, req.options, workers)

    sys_dicts: list[dict[str, Any]] = []
    series: list[StatSeries] = []
    for si, s in enumerate(systems):
        d: dict[str, Any] = {"name": s.name, "path": s.path, "segments": n}
        if alignments[si].missing:
            d["missing"] = alignments[si].missing
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

    # --- segment rows -----------------------------------------------------------------------------
    want_rows = req.segments or req.segment_scores
    rows: list[dict[str, Any]] = []
    if want_rows:
        for si, s in enumerate(systems):
            per_metric = {m: segment_scores(m, stats[(si, m)], req.options) for m in metric_names}
            for i in range(n):
                row: dict[str, Any] = {"system": s.name, "id": master_ids[i]}
                if docs is not None:
                    row["doc"] = docs[i]
                for m in metric_names:
                    row[m] = per_metric[m][i]
                rows.append(row)

    # --- reference-free MQM -----------------------------------------------------------------------
    if req.reference_free:
        from . import mqm

        reviewer = _make_reviewer(req.detectors)
        det_names = [d.name for d in reviewer.detectors]
        with _progress(req.progress, n * len(systems), "reviewing") as progress:
            for si, s in enumerate(systems):
                task = progress.add_task(f"MQM {s.name}", total=n)
                raw = ["" if x is None else x for x in alignments[si].hyps]
                reviewed = mqm.review_segments(raw, sources, reviewer=reviewer, docs=docs,
                                               min_confidence=req.min_confidence,
                                               advance=lambda k, _t=task: progress.advance(_t, k))
                summary = mqm.summarise(reviewed, docs)
                summary["signature"] = mqm.mqm_signature(det_names, req.min_confidence)
                summary["formula"] = mqm.MQM_FORMULA
                sys_dicts[si]["mqm"] = summary
                series.append(StatSeries(s.name, "mqm", mqm.stats_array(reviewed), mqm.mqm_compute,
                                         summary["score"]))
                if want_rows:
                    base = si * n
                    for i, seg in enumerate(reviewed):
                        rows[base + i]["mqm"] = seg.score
                        rows[base + i]["flags"] = len(seg.flags)
                        rows[base + i]["categories"] = sorted({f.category for f in seg.flags})

    # --- entity accuracy --------------------------------------------------------------------------
    entity_series: list[StatSeries] = []
    if entity_items is not None:
        from . import entities

        ent_ids = [e.id for e in entity_items]
        for si, s in enumerate(systems):
            al = corpus_mod.align(ent_ids, True, s, req.entities or "")
            if al.missing and not req.allow_missing:
                raise InputError(f"{s.path}: no hypothesis for {al.missing} of the {len(ent_ids)} entity segments "
                                 f"of {req.entities} (e.g. {', '.join(al.missing_examples)}); use --allow-missing "
                                 "to count them as wrong, as XC-Translate's evaluation does")
            hits = entities.entity_hits(al.hyps, entity_items, normaliser)
            summary = entities.summarise(hits, entity_items, [h is None for h in al.hyps], normaliser is not None)
            sys_dicts[si]["entity_accuracy"] = summary
            entity_series.append(StatSeries(s.name, "entity_accuracy", entities.stats_array(hits),
                                            entities.accuracy_compute, summary["accuracy"]))
            if want_rows:
                hit_by_id = dict(zip(ent_ids, hits, strict=True))
                for i in range(n):
                    if master_ids[i] in hit_by_id:
                        rows[si * n + i]["entity_correct"] = hit_by_id[master_ids[i]]

    # --- bootstrap CIs and paired tests -----------------------------------------------------------
    n_boot = req.bootstrap if req.bootstrap is not None else (DEFAULT_BOOTSTRAP if len(systems) > 1 else 0)
    significance: dict[str, Any] | None = None
    if n_boot > 0:
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
        if len(systems) > 1:
            names = [s.name for s in systems]
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
            significance = {
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

    data: dict[str, Any] = {
        "version": 1,
        "systems": sys_dicts,
        "references": None if refs is None else {
            "paths": refs.paths, "count": _ref_count(ref_streams), "segments": n},
        "entities": req.entities,
        "normalisation": None if not normaliser else {"name": "fr", "id": FR_NORMALISATION_ID, "rules": list(RULES),
                                                      "applied_to": "hypotheses, references and entity mentions"},
        "significance": significance,
        "warnings": warnings,
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
