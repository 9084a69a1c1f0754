"""``mtreview check``: review a text and report the flags (json, text, html, xliff)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..outputs import OutputGuard

HELP = """\
Review INPUT (plain UTF-8 text, '-' for standard input, or a bilingual TSV/XLIFF/TMX/PO file) and
report every suspected error with its category, severity, confidence, explanation and suggestions.

examples:
  mtreview check article.txt --format text
  mtreview check article.txt --source original.en.txt --format json -o flags.json
  mtreview check article.txt --only name/ --min-confidence 0.8
"""


def add_common_review_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="INPUT", help="text to review; '-' reads standard input")
    p.add_argument("--source", metavar="SRC", help="the source text (plain text aligned by line)")
    p.add_argument("--glossary", metavar="G", action="append", default=[],
                   help="user names glossary (CSV/TSV/TBX); may be repeated")
    p.add_argument("--min-confidence", type=float, metavar="X", default=None,
                   help="report only flags with confidence >= X (0..1)")
    p.add_argument("--only", nargs="+", metavar="CATEGORY-PREFIX",
                   help="report only these category prefixes, e.g. name/ accuracy/mistranslation")
    p.add_argument("--detectors", metavar="LIST",
                   help="comma-separated detectors to run (default: all that are on by default)")


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="flag likely errors in French MT output", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_review_options(p)
    p.add_argument("--format", choices=["json", "text", "html", "xliff"], default="json")
    p.add_argument("-o", "--output", metavar="OUT", default="-", help="output file (default: standard output)")
    return p


def run_review(args: argparse.Namespace):
    """Shared by check and fix: read the input, run the reviewer, return (text, result)."""
    from ..errors import UsageError
    from ..glossary_files import load_user_glossaries
    from ..inputs import load_review_input
    from ..review import Reviewer, select_flags

    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    item = load_review_input(args.input, args.source)
    if not item.text.strip():
        from ..errors import InputError

        raise InputError(f"{args.input}: empty input, nothing to review")
    # a guessed legacy encoding is reported on standard error by mtreview.textio.decode_bytes
    glossary = load_user_glossaries(args.glossary) if args.glossary else None
    detectors = [d.strip() for d in args.detectors.split(",") if d.strip()] if args.detectors else None
    try:
        reviewer = Reviewer(detectors, glossary=glossary)
    except KeyError as e:
        raise UsageError(str(e.args[0])) from None
    result = reviewer.review(item.text, item.source)
    result.flags = select_flags(result.flags, args.min_confidence or 0.0, args.only)
    return item, result


def review_guard(args: argparse.Namespace) -> OutputGuard:
    """An output guard that knows what check and fix read: INPUT, --source and the glossaries."""
    from ..outputs import OutputGuard

    guard = OutputGuard()
    guard.reads(args.input, "the input")
    guard.reads(args.source, "--source")
    for g in args.glossary:
        guard.reads(g, "--glossary")
    return guard


def run(args: argparse.Namespace) -> int:
    from ..report import render_result
    from ..textio import write_text_atomic

    review_guard(args).writes(args.output, "-o")
    item, result = run_review(args)
    write_text_atomic(args.output, render_result(result, args.format, item=item))
    return 0
