"""The ``mtreview`` command line: one sub-command per module in :mod:`mtreview.commands`.

Each command module defines ``add_parser(subparsers)`` and ``run(args) -> int`` and imports nothing
heavy at module level, so ``mtreview --help`` answers at once. Errors the user can cause are reported
in one line on standard error with exit status 1 (input problems) or 2 (usage); never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

#: sub-command name -> module under mtreview.commands
COMMANDS = {
    "check": "check",
    "fix": "fix",
    "score": "score",
    "normalise": "normalise",
    "glossary": "glossary",
    "ui": "ui",
}

DESCRIPTION = """\
Review machine-translated French: find names the translation broke (Musk turned into «le masque»,
re-romanised «Ilon»), mistranslations born in a pivot language, and score whole corpora.

examples:
  mtreview check corpora/seed/musk-putin-wsj.fr-mt.txt --format text
  mtreview fix article.txt -o article.fixed.txt --log changes.jsonl
  mtreview score --hyp system1.txt --hyp system2.txt --ref reference.txt
  mtreview normalise corpus/*.xlf -o cleaned/
  mtreview ui                  # the review UI on http://127.0.0.1:7860
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with a short message, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(prog="mtreview", description=DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"mtreview {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress output on standard error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS.values():
        try:
            mod = importlib.import_module(f"mtreview.commands.{module}")
        except ModuleNotFoundError as e:
            if e.name == f"mtreview.commands.{module}":
                continue
            raise
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from .errors import MtreviewError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except MtreviewError as e:
        print(f"mtreview: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("mtreview: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 0
    except OSError as e:  # a read or write the command did not map itself (disk full...): one line
        where = f"{e.filename}: " if e.filename else ""
        print(f"mtreview: {where}{e.strerror or e}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
