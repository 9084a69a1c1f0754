"""Start the mtreview review UI: ``python app.py`` serves it on http://127.0.0.1:7860.

Options: ``--host`` and ``--port`` (where to listen; loopback by default), ``--auth user:password`` (or
``$MTREVIEW_AUTH``, which keeps the password out of the process list), ``--db`` (the SQLite file of
reviews, decisions and the user glossary; default ``$MTREVIEW_DB`` or
``~/.local/share/mtreview/reviews.sqlite3``), ``--max-upload-mb`` and ``--detectors``. The review
engine is loaded before the server starts (``--no-warm-up`` to skip), so the first review is fast.

Nothing leaves the machine: no share link, no analytics, system fonts, models loaded offline.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import time

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_SSR_MODE", "False")


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """``user:password`` -> ``(user, password)``; the password may contain ':'."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise argparse.ArgumentTypeError("--auth expects user:password (both non-empty)")
    return user, password


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python app.py", description="The mtreview review UI (Gradio).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--auth", metavar="USER:PASSWORD", default=os.environ.get("MTREVIEW_AUTH"),
                   help="require this login (default: $MTREVIEW_AUTH; none when unset)")
    p.add_argument("--db", metavar="PATH", default=None,
                   help="SQLite file for reviews and the glossary (default: $MTREVIEW_DB or "
                        "~/.local/share/mtreview/reviews.sqlite3)")
    p.add_argument("--max-upload-mb", type=float, default=5.0, metavar="MB",
                   help="largest text or file accepted (default 5 MB)")
    p.add_argument("--detectors", metavar="LIST", default=None,
                   help="comma-separated detectors to run (default: those on by default)")
    p.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                   help="start serving before the review engine is loaded")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        auth = parse_auth(args.auth)
    except argparse.ArgumentTypeError as e:
        print(f"app.py: {e}", file=sys.stderr)
        return 2
    if not 1 <= args.port <= 65535:
        print("app.py: --port must be between 1 and 65535", file=sys.stderr)
        return 2
    if args.max_upload_mb <= 0:
        print("app.py: --max-upload-mb must be positive", file=sys.stderr)
        return 2
    if not is_loopback(args.host) and auth is None:
        print(f"app.py: warning: listening on {args.host} without --auth; anyone who can reach this "
              "machine can read and change the reviews", file=sys.stderr)

    from mtreview.store import ReviewStore, default_db_path
    from mtreview.ui import ReviewEngine, build_app, launch_options

    db = args.db or str(default_db_path())
    try:
        store = ReviewStore(db)
    except (ValueError, OSError) as e:
        print(f"app.py: cannot open the database {db}: {e}", file=sys.stderr)
        return 1
    detectors = [d.strip() for d in args.detectors.split(",") if d.strip()] if args.detectors else None
    engine = ReviewEngine(store, detectors)
    if args.warm_up:
        print("mtreview: loading the review engine…", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            engine.warm_up()
        except Exception as e:  # noqa: BLE001 - the UI reports engine errors per review
            print(f"mtreview: warning: the review engine did not load ({type(e).__name__}: {e})",
                  file=sys.stderr)
        else:
            print(f"mtreview: review engine ready in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    max_bytes = int(args.max_upload_mb * 1024 * 1024)
    demo = build_app(store.path, engine=engine, max_upload_bytes=max_bytes)
    print(f"mtreview: reviews are saved in {store.path}", file=sys.stderr, flush=True)
    demo.queue(default_concurrency_limit=1)
    demo.launch(server_name=args.host, server_port=args.port, auth=auth, share=False,
                **launch_options(max_bytes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
