"""Serving the review UI: the options and start-up shared by ``python app.py`` and ``mtreview ui``.

:func:`add_arguments` declares the options (``--host``, ``--port``, ``--auth``, ``--db``,
``--max-upload-mb``, ``--detectors``, ``--no-warm-up``); :func:`serve` checks them, opens the review
database, loads the review engine (unless ``--no-warm-up``) and launches the app built by
:func:`mtreview.ui.wiring.build_app` with :func:`~mtreview.ui.wiring.launch_options`: loopback by
default, never a share link, no analytics. Only the standard library is imported until :func:`serve`
runs, so ``mtreview --help`` stays fast.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import time

#: where the UI listens unless told otherwise
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860


def _offline_environment() -> None:
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
    """Whether ``host`` is this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Declare the UI server's options on ``p``."""
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
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


def build_parser(prog: str = "python app.py") -> argparse.ArgumentParser:
    """A stand-alone parser of the UI server's options (``python app.py``'s)."""
    return add_arguments(argparse.ArgumentParser(prog=prog, description="The mtreview review UI (Gradio)."))


def serve(args: argparse.Namespace, name: str = "app.py") -> int:
    """Check the options, open the database, warm the engine up and serve until interrupted.

    Usage errors print ``NAME: message`` and return 2; a database that cannot be opened returns 1.
    """
    def say(message: str) -> None:
        if not getattr(args, "quiet", False):
            print(message, file=sys.stderr, flush=True)

    try:
        auth = parse_auth(args.auth)
    except argparse.ArgumentTypeError as e:
        print(f"{name}: {e}", file=sys.stderr)
        return 2
    if not 1 <= args.port <= 65535:
        print(f"{name}: --port must be between 1 and 65535", file=sys.stderr)
        return 2
    if args.max_upload_mb <= 0:
        print(f"{name}: --max-upload-mb must be positive", file=sys.stderr)
        return 2
    if not is_loopback(args.host) and auth is None:
        print(f"{name}: warning: listening on {args.host} without --auth; anyone who can reach this "
              "machine can read and change the reviews", file=sys.stderr)

    _offline_environment()
    from ..store import ReviewStore, default_db_path
    from .engine import ReviewEngine
    from .wiring import build_app, launch_options

    db = args.db or str(default_db_path())
    try:
        store = ReviewStore(db)
    except (ValueError, OSError) as e:
        print(f"{name}: cannot open the database {db}: {e}", file=sys.stderr)
        return 1
    detectors = [d.strip() for d in args.detectors.split(",") if d.strip()] if args.detectors else None
    engine = ReviewEngine(store, detectors)
    if args.warm_up:
        say("mtreview: loading the review engine…")
        t0 = time.perf_counter()
        try:
            engine.warm_up()
        except Exception as e:  # noqa: BLE001 - the UI reports engine errors per review
            print(f"mtreview: warning: the review engine did not load ({type(e).__name__}: {e})",
                  file=sys.stderr)
        else:
            say(f"mtreview: review engine ready in {time.perf_counter() - t0:.1f} s")
    max_bytes = int(args.max_upload_mb * 1024 * 1024)
    demo = build_app(store.path, engine=engine, max_upload_bytes=max_bytes)
    say(f"mtreview: reviews are saved in {store.path}")
    demo.queue(default_concurrency_limit=1)
    demo.launch(server_name=args.host, server_port=args.port, auth=auth, share=False,
                **launch_options(max_bytes))
    return 0


def main(argv: list[str] | None = None, name: str = "app.py") -> int:
    """``python app.py [options]``."""
    return serve(build_parser().parse_args(argv), name)


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "add_arguments", "build_parser", "is_loopback", "main", "parse_auth",
           "serve"]
