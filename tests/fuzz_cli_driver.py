"""Run many ``mtreview`` command lines in one process, the way the ``mtreview`` script runs one.

Usage: ``python tests/fuzz_cli_driver.py JOBS.json RESULTS.jsonl``. ``JOBS.json`` is a list of argv
lists; for each, :func:`mtreview.cli.main` is called exactly as the console script calls it
(``sys.exit(main())``), with standard output and error captured. One JSON line per job goes to
``RESULTS.jsonl``: exit status, captured standard error, seconds, and ``traceback`` — the traceback a
user would have seen when anything other than ``SystemExit`` escaped ``main`` (that is a bug).

Used by ``tests/test_fuzz_corpus.py`` so that thousands of small CLI runs (one mutated glossary
each, or ``check`` on one mutated file each) cost one interpreter start-up, not thousands.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import time
import traceback


def main() -> int:
    jobs = json.loads(open(sys.argv[1], encoding="utf-8").read())
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from mtreview.cli import main as cli_main

    with open(sys.argv[2], "w", encoding="utf-8") as results:
        for argv in jobs:
            err, out = io.StringIO(), io.StringIO()
            tb = ""
            t0 = time.perf_counter()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                try:
                    rc = cli_main(argv)
                except SystemExit as e:  # argparse, or a command that exits itself
                    rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
                except BaseException:  # noqa: BLE001 - what the user would see as a traceback
                    tb = traceback.format_exc()
                    rc = 1
            results.write(json.dumps({"argv": argv, "rc": rc, "stderr": err.getvalue()[-2000:],
                                      "traceback": tb, "seconds": round(time.perf_counter() - t0, 3)})
                          + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
