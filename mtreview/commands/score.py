"""``mtreview score``: corpus scores for QA teams (sacrebleu metrics, significance, MQM, entities).

This module only parses options and writes the report; the work is in :mod:`mtreview.scoring`.
Imports stay light until :func:`run` is called.
"""

from __future__ import annotations

import argparse

HELP = """\
Score one or more MT systems against references with sacrebleu (BLEU, chrF, chrF++, TER), with
95% bootstrap confidence intervals and paired significance tests between systems; optionally a
reference-free MQM-style score from the review engine's flags and the entity-name accuracy.

--hyp and --ref take plain text (one segment per line), bilingual files (TSV, JSONL, XLIFF, TMX,
PO: the unit's target), WMT folders (system-outputs/*.hyp.SYSTEM.LANG, *.ref.X.LANG, *.src.LANG)
or WMT XML test sets. Files with ids (JSONL, XLIFF, TMX, PO) are aligned by id, others by line.

examples:
  mtreview score --hyp system1.txt --hyp system2.txt --ref reference.txt
  mtreview score --hyp wmt22/de-fr/ --ref wmt22/de-fr/ --format html -o report.html
  mtreview score --hyp out.xlf --ref ref.xlf --normalise-fr --segments --format csv -o segments.csv
  mtreview score --hyp fr_FR.nllb.json --entities fr_FR.test.jsonl --ref fr_FR.test.jsonl --allow-missing
  mtreview score --hyp system1.txt --src source.en.txt --reference-free --format text
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("score", help="score MT systems: BLEU/chrF/TER, significance, MQM, entity accuracy",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = p.add_argument_group("inputs")
    g.add_argument("--hyp", action="append", metavar="HYP", required=True,
                   help="system output: file, WMT folder or WMT XML (repeat for several systems; the first "
                        "is the baseline of the significance tests)")
    g.add_argument("--ref", action="append", metavar="REF", default=[],
                   help="reference: file, WMT folder or WMT XML (repeat for several references)")
    g.add_argument("--src", metavar="SRC", help="source segments (for reports and the reviewer)")
    g.add_argument("--entities", metavar="REFS.jsonl",
                   help="entity mentions in XC-Translate JSONL format: report entity accuracy")
    g.add_argument("--allow-missing", action="store_true",
                   help="score segments without a hypothesis as empty output instead of stopping")
    m = p.add_argument_group("metrics")
    m.add_argument("--metrics", default="bleu,chrf,chrf++,ter", metavar="LIST",
                   help="comma-separated: bleu, chrf, chrf++, ter (default: all four)")
    m.add_argument("--tokenize", metavar="TOK", help="BLEU tokenizer (sacrebleu's: 13a, intl, char, none…)")
    m.add_argument("--lowercase", action="store_true", help="case-insensitive BLEU and chrF (TER is case-insensitive by default, as in sacrebleu)")
    m.add_argument("--normalise-fr", "--normalize-fr", action="store_true", dest="normalise_fr",
                   help="French typographic normalisation of hypotheses and references (apostrophes, "
                        "guillemets, no-break spaces); shown in the signatures")
    m.add_argument("--segments", action="store_true", help="include per-segment scores")
    s = p.add_argument_group("significance")
    s.add_argument("--bootstrap", type=int, metavar="N", default=None,
                   help="bootstrap resamples for confidence intervals and paired tests "
                        "(default 1000 with several systems, 0 with one; 0 turns them off)")
    s.add_argument("--paired", choices=["bs", "ar"], default="bs",
                   help="paired test: bootstrap resampling (bs, default) or approximate randomisation (ar)")
    s.add_argument("--ar-trials", type=int, default=10000, metavar="N", help="approximate randomisation trials")
    s.add_argument("--all-pairs", action="store_true", help="compare every pair of systems, not only with the first")
    s.add_argument("--seed", type=int, default=None, help="random seed (default: sacrebleu's, 12345)")
    r = p.add_argument_group("reference-free")
    r.add_argument("--reference-free", action="store_true",
                   help="MQM-style score per segment, document and system from the review engine's flags "
                        "(slow: reviews every segment)")
    r.add_argument("--detectors", metavar="LIST", help="comma-separated detectors for --reference-free")
    r.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="count only flags with confidence >= X in the MQM score")
    o = p.add_argument_group("output")
    o.add_argument("--format", choices=["json", "text", "html", "csv"], default="json")
    o.add_argument("-o", "--output", metavar="OUT", default="-", help="output file (default: standard output)")
    o.add_argument("--workers", type=int, default=0, metavar="N",
                   help="processes for metric statistics (default: automatic, 1 for small jobs)")
    return p


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import UsageError
    from ..outputs import OutputGuard
    from ..scoring.engine import ScoreRequest, run_scoring
    from ..scoring.metrics import MetricOptions, parse_metrics
    from ..scoring.report import render
    from ..scoring.significance import default_seed
    from ..textio import write_text_atomic

    metrics = parse_metrics(args.metrics)
    if not metrics and args.ref:
        raise UsageError("--metrics names no metric")
    if args.bootstrap is not None and args.bootstrap < 0:
        raise UsageError("--bootstrap must be 0 or more")
    if args.ar_trials <= 0:
        raise UsageError("--ar-trials must be positive")
    if args.seed is not None and not 0 <= args.seed < 2**32:
        raise UsageError(f"--seed must be between 0 and {2**32 - 1}, not {args.seed}")
    if args.workers < 0:
        raise UsageError(f"--workers must be 0 (automatic) or more, not {args.workers}")
    guard = OutputGuard()
    for path in args.hyp:
        guard.reads(path, "--hyp")
    for path in args.ref:
        guard.reads(path, "--ref")
    guard.reads(args.src, "--src")
    guard.reads(args.entities, "--entities")
    guard.writes(args.output, "-o")
    detectors = [d.strip() for d in args.detectors.split(",") if d.strip()] if args.detectors else None
    req = ScoreRequest(
        hyps=list(args.hyp), refs=list(args.ref), src=args.src, metrics=metrics,
        options=MetricOptions(tokenize=args.tokenize, lowercase=args.lowercase),
        normalise="fr" if args.normalise_fr else None,
        segments=args.segments, segment_scores=args.format == "html" or (args.format == "csv" and args.segments),
        bootstrap=args.bootstrap, test=args.paired, ar_trials=args.ar_trials, all_pairs=args.all_pairs,
        seed=args.seed if args.seed is not None else default_seed(),
        reference_free=args.reference_free, detectors=detectors, min_confidence=args.min_confidence,
        entities=args.entities, allow_missing=args.allow_missing, workers=args.workers,
        progress=not getattr(args, "quiet", False),
    )
    report = run_scoring(req)
    title = "mtreview score — " + ", ".join(Path(h).name or h for h in args.hyp)
    write_text_atomic(args.output, render(report, args.format, segments=args.segments, title=title))
    return 0
