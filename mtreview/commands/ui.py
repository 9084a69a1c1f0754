"""``mtreview ui``: serve the review UI in the browser (the same app as ``python app.py``).

The options and the start-up are :mod:`mtreview.ui.server`'s, which imports only the standard library
until the command runs: Gradio, the store and the review engine are loaded by :func:`run`.
"""

from __future__ import annotations

import argparse

HELP = """\
Serve the review UI (Gradio) on http://127.0.0.1:7860: paste or upload a machine-translated French
text, accept, reject or edit each flag, see the corrected text side by side, export the corrected text,
the review log and an ITS 2.0 XLIFF. Also Score, Batch and Glossary tabs. Reviews, decisions and your
glossary are saved in SQLite (--db). It listens on loopback unless --host says otherwise (then use
--auth), never creates a share link and sends nothing anywhere. `python app.py` is the same app.

examples:
  mtreview ui                                   # http://127.0.0.1:7860
  mtreview ui --port 8080 --db reviews.sqlite3  # another port, another database file
  MTREVIEW_AUTH=ana:secret mtreview ui --host 0.0.0.0   # on the network: always with a login
"""


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from ..ui.server import add_arguments

    p = sub.add_parser("ui", help="serve the review UI in the browser (loopback by default)", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    return add_arguments(p)


def run(args: argparse.Namespace) -> int:
    from ..ui.server import serve

    return serve(args, name="mtreview ui")
