"""Start the mtreview review UI: ``python app.py`` serves it on http://127.0.0.1:7860.

Options: ``--host`` and ``--port`` (where to listen; loopback by default), ``--auth user:password`` (or
``$MTREVIEW_AUTH``, which keeps the password out of the process list), ``--db`` (the SQLite file of
reviews, decisions and the user glossary; default ``$MTREVIEW_DB`` or
``~/.local/share/mtreview/reviews.sqlite3``), ``--max-upload-mb`` and ``--detectors``. The review
engine is loaded before the server starts (``--no-warm-up`` to skip), so the first review is fast.

Nothing leaves the machine: no share link, no analytics, system fonts, models loaded offline.

``mtreview ui`` serves the same app with the same options; both are :mod:`mtreview.ui.server`.
"""

from __future__ import annotations

import argparse
import os
import sys

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_SSR_MODE", "False")

from mtreview.ui import server  # noqa: E402 - after the environment above
from mtreview.ui.server import is_loopback, parse_auth  # noqa: E402

__all__ = ["build_parser", "is_loopback", "main", "parse_auth"]


def build_parser() -> argparse.ArgumentParser:
    return server.build_parser(prog="python app.py")


def main(argv: list[str] | None = None) -> int:
    return server.serve(build_parser().parse_args(argv), name="app.py")


if __name__ == "__main__":
    sys.exit(main())
