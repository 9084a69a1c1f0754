"""``mtreview normalise``: replace broken names by their canonical French form across whole corpora."""

from __future__ import annotations

import argparse

HELP = """\
Normalise names in every INPUT (files, or folders searched for .txt .tsv .jsonl .xlf/.xliff .tmx .po;
'-' reads plain text from standard input and writes OUTDIR/stdin.txt) and write each one under OUTDIR with the same relative path and format: only the changed characters
differ, everything else is kept byte for byte. OUTDIR/changes.jsonl records every replacement (file,
unit, line, offsets, before, after, category, confidence, rule or evidence, byte offsets);
OUTDIR/summary.json records files, bytes, skipped files with the reason, changes by category and time.

By default the names detectors run on the segments that an Aho-Corasick prefilter (the names
knowledge base's variants plus the glossary's) selects, and their name/* suggestions at or above
--min-confidence are applied. With --glossary-only, exactly the glossary's variants are replaced,
word-bounded and case as listed (the fast path).

Files that cannot be read (broken or hostile XML, binary, wrong encoding) are reported and skipped;
the run goes on and exits with status 1. An interrupted run continues with --resume.

examples:
  mtreview normalise corpus/ -o cleaned/
  mtreview normalise a.xlf b.tmx c.po -o cleaned/ --glossary names.tsv --glossary terms.tbx
  mtreview normalise corpus/ -o cleaned/ --glossary names.tsv --glossary-only --workers 2
  mtreview normalise corpus/ -o cleaned/ --scheduler tcp://10.0.0.5:8786
  mtreview normalise corpus/ -o cleaned/ --resume
  zcat dump.txt.gz | mtreview normalise - -o cleaned/      # writes cleaned/stdin.txt
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("normalise", help="normalise names in whole corpora (local pool or Dask)",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    p.add_argument("-o", "--output", metavar="OUTDIR", required=True, help="output folder")
    p.add_argument("--glossary", metavar="G", action="append", default=[],
                   help="glossary (CSV/TSV with canonical and variants columns, or TBX); may be repeated")
    p.add_argument("--glossary-only", action="store_true",
                   help="replace only the glossary's listed variants (no detectors)")
    p.add_argument("--min-confidence", type=float, metavar="X", default=None,
                   help="apply flags with confidence >= X (default 0.8)")
    p.add_argument("--only", nargs="+", metavar="CATEGORY-PREFIX", default=None,
                   help="categories to apply (default: name/)")
    p.add_argument("--workers", type=int, metavar="N", default=0, help="local processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://HOST:8786")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run into the same OUTDIR")
    p.add_argument("--target-lang", default="fr", metavar="LANG",
                   help="language of the text to normalise in TMX/TBX (default: fr)")
    p.add_argument("--detect-encoding", action="store_true",
                   help="accept text files in another encoding when it can be detected, and write them back in it")
    p.add_argument("--chunk-mb", type=float, default=4.0, metavar="MB",
                   help="size of a unit of work (default 4 MB)")
    p.add_argument("--keep-work", action="store_true", help="keep OUTDIR/.mtreview-work after the run")
    p.add_argument("--throttle", type=float, default=0.0, help=argparse.SUPPRESS)
    return p


#: the largest --chunk-mb: a unit of work is held in memory by one worker
MAX_CHUNK_MB = 1024.0

#: transports a Dask ``Client`` address may name
SCHEDULER_SCHEMES = ("tcp", "tls", "ucx", "ws", "wss", "inproc")


def check_scheduler_address(address: str) -> None:
    """Refuse (:class:`~mtreview.errors.UsageError`, exit status 2) a ``--scheduler`` that is not a Dask
    scheduler address, ``[tcp://]HOST:PORT`` (or tls://, ucx://, ws://, wss://, inproc://)."""
    from urllib.parse import urlsplit

    from ..errors import UsageError

    bad = UsageError(f"--scheduler {address!r} is not a Dask scheduler address; expected tcp://HOST:PORT "
                     "(e.g. tcp://10.0.0.5:8786)")
    if not address or any(c.isspace() for c in address):
        raise bad
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme not in SCHEDULER_SCHEMES:
        raise bad
    if parts.scheme == "inproc":
        return
    try:
        port = parts.port
    except ValueError:
        raise bad from None
    if not parts.hostname or port is None or not 0 < port < 65536 or parts.path not in ("", "/") \
            or parts.query or parts.fragment:
        raise bad


def run(args: argparse.Namespace) -> int:
    import math
    import sys

    from ..batch.runner import NormaliseOptions, run_normalise
    from ..correct import DEFAULT_MIN_CONFIDENCE
    from ..errors import UsageError

    inputs = list(args.inputs)
    stdin = "-" in inputs  # copied into OUTDIR by run_normalise, under the job's lock
    if stdin and len(inputs) > 1:
        raise UsageError("'-' (standard input) must be the only INPUT of normalise")
    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    if args.workers < 0:
        raise UsageError("--workers must be 1 or more")
    if not math.isfinite(args.chunk_mb) or args.chunk_mb <= 0 or args.chunk_mb > MAX_CHUNK_MB:
        raise UsageError(f"--chunk-mb must be a number of megabytes above 0 and at most {MAX_CHUNK_MB:g}, "
                         f"not {args.chunk_mb:g}")
    if args.scheduler is not None:
        check_scheduler_address(args.scheduler)
    if args.target_lang is not None and not args.target_lang.strip():
        raise UsageError("--target-lang must name a language (e.g. fr); it selects the TMX <tuv> to normalise")
    if stdin:
        from ..textio import stdin_binary

        stdin_binary()  # a closed standard input (`<&-`) is one line, before OUTDIR is touched
    if args.glossary_only and (args.min_confidence is not None or args.only):
        raise UsageError("--min-confidence and --only select detector flags; --glossary-only runs no detector")
    if args.scheduler and args.workers:
        raise UsageError("--workers is for the local pool; with --scheduler the cluster's workers run the job")
    quiet = bool(getattr(args, "quiet", False))
    opts = NormaliseOptions(
        inputs=inputs, outdir=args.output, glossaries=list(args.glossary),
        glossary_only=args.glossary_only,
        min_confidence=DEFAULT_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence,
        only=tuple(args.only) if args.only else ("name/",), target_lang=args.target_lang,
        workers=args.workers, scheduler=args.scheduler, resume=args.resume,
        detect_encoding=args.detect_encoding, chunk_bytes=max(1, int(args.chunk_mb * 1_000_000)),
        keep_work=args.keep_work, progress=not quiet, throttle=args.throttle, stdin=stdin)
    summary = run_normalise(opts, say=None if not quiet else (lambda _msg: None))
    if not quiet:
        print(f"mtreview: normalised {summary['files_ok']} of {summary['files_total']} files, "
              f"{summary['bytes'] / 1e6:.1f} MB, {summary['changes']} changes in {summary['seconds']:.1f} s "
              f"({summary['backend']}); see {args.output}/summary.json and changes.jsonl", file=sys.stderr)
    for s in summary["skipped"]:
        print(f"mtreview: skipped {s['path']}: {s['error']}", file=sys.stderr)
        if "old_output" in s:
            print(f"mtreview: its output from an earlier run in {args.output}: {s['old_output']}", file=sys.stderr)
    return 1 if summary["skipped"] else 0
