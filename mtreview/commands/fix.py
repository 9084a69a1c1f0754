"""``mtreview fix``: write the text with the selected flags' best suggestions applied."""

from __future__ import annotations

import argparse

HELP = """\
Correct INPUT with the best suggestion of every flag whose confidence is at least --min-confidence
(default 0.8). With --log, write one JSON line per change (start, end, before, after, category,
confidence; offsets into the input): applying them to the input reproduces the output exactly.

examples:
  mtreview fix article.txt -o article.fixed.txt --log changes.jsonl
  mtreview fix article.txt --only name/ --min-confidence 0.9 > fixed.txt
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from .check import add_common_review_options

    p = sub.add_parser("fix", help="apply confident corrections and log each change", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_common_review_options(p)
    p.add_argument("-o", "--output", metavar="OUT", default="-", help="corrected text (default: standard output)")
    p.add_argument("--log", metavar="CHANGES.jsonl", help="write the change log here (JSON lines)")
    return p


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..correct import DEFAULT_MIN_CONFIDENCE, apply_changes, changes_from_flags
    from ..errors import UsageError
    from ..inputs import BILINGUAL_EXT
    from ..textio import DecodedText, encode_like, write_bytes_atomic, write_text_atomic
    from .check import review_guard, run_review

    guard = review_guard(args)
    guard.writes(args.output, "-o")
    guard.writes(args.log, "--log")
    if args.input != "-" and Path(args.input).suffix.lower() in BILINGUAL_EXT:
        raise UsageError(f"{args.input}: fix writes plain text; for TSV, JSONL, XLIFF, TMX and PO files use "
                         "`mtreview normalise`, which rewrites them in their own format")
    if args.min_confidence is None:
        args.min_confidence = DEFAULT_MIN_CONFIDENCE
    item, result = run_review(args)
    changes = changes_from_flags(item.text, result.flags)
    fixed = apply_changes(item.text, changes)
    if args.log:
        import json
        write_text_atomic(args.log, "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in changes))
    if item.bom or item.encoding.startswith(("utf-16", "utf-32")):  # written back as read: BOM and encoding
        write_bytes_atomic(args.output, encode_like(fixed, DecodedText(fixed, item.encoding, False, item.bom)))
    else:
        write_text_atomic(args.output, fixed)
    return 0
