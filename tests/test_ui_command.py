"""``mtreview ui``: the review UI as a CLI command, with the options of ``python app.py``.

The fast tests build the parser, read the help and start the command with a stand-in app (no server);
the test marked ``slow`` serves the real app on a free port and fetches the page.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, one_line_error

from mtreview.cli import build_parser


def mtreview(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtreview", *args], capture_output=True, cwd=ROOT, timeout=timeout)


def test_the_ui_command_parser_builds_with_safe_defaults():
    args = build_parser().parse_args(["ui"])
    assert args.command == "ui" and callable(args._run)
    assert (args.host, args.port, args.db, args.max_upload_mb, args.detectors, args.warm_up) == (
        "127.0.0.1", 7860, None, 5.0, None, True)
    args = build_parser().parse_args(["-q", "ui", "--host", "0.0.0.0", "--port", "8080", "--db", "r.sqlite3",
                                      "--detectors", "names,typography", "--no-warm-up", "--max-upload-mb", "2"])
    assert (args.quiet, args.host, args.port, args.db, args.detectors, args.warm_up, args.max_upload_mb) == (
        True, "0.0.0.0", 8080, "r.sqlite3", "names,typography", False, 2.0)
    assert not hasattr(args, "share"), "there is no option to share the app"


def test_ui_help_is_fast_and_imports_nothing_heavy():
    r = mtreview("ui", "--help")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "examples" in out and "127.0.0.1" in out and "--db" in out and "python app.py" in out
    assert b"ui " in mtreview("--help").stdout
    code = ("import sys; from mtreview.cli import build_parser; build_parser(); "
            "heavy = [m for m in sys.modules if m.split('.')[0] in ('gradio', 'spacy', 'torch', 'pandas') "
            "or m in ('mtreview.ui.wiring', 'mtreview.ui.controller', 'mtreview.store')]; "
            "assert not heavy, heavy")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()


def test_ui_usage_errors_exit_2_in_one_line():
    one_line_error(mtreview("ui", "--port", "0"), 2, "mtreview ui:", "--port")
    one_line_error(mtreview("ui", "--auth", "nopassword"), 2, "mtreview ui:", "user:password")
    one_line_error(mtreview("ui", "--max-upload-mb", "0"), 2, "mtreview ui:", "--max-upload-mb")


class FakeApp:
    """Records what the command does with the app instead of serving it."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def queue(self, **kw: Any) -> FakeApp:
        self.calls.append(("queue", kw))
        return self

    def launch(self, **kw: Any) -> None:
        self.calls.append(("launch", kw))


def test_the_command_launches_the_app_on_loopback_without_a_share_link(tmp_path: Path, monkeypatch, capsys):
    import mtreview.ui.wiring as wiring

    app = FakeApp()
    built: dict[str, Any] = {}

    def fake_build_app(store_path: Any, **kw: Any) -> FakeApp:
        built.update(kw, store_path=store_path)
        return app

    monkeypatch.setattr(wiring, "build_app", fake_build_app)
    monkeypatch.setattr(wiring, "launch_options", lambda max_bytes: {"max_file_size": max_bytes})
    monkeypatch.delenv("MTREVIEW_AUTH", raising=False)
    args = build_parser().parse_args(["ui", "--db", str(tmp_path / "r.sqlite3"), "--no-warm-up", "--port", "7999",
                                      "--max-upload-mb", "1"])
    assert args._run(args) == 0
    assert built["store_path"] == tmp_path / "r.sqlite3" and (tmp_path / "r.sqlite3").is_file()
    assert built["max_upload_bytes"] == 1024 * 1024
    [(_, launch)] = [c for c in app.calls if c[0] == "launch"]
    assert launch == {"server_name": "127.0.0.1", "server_port": 7999, "auth": None, "share": False,
                      "max_file_size": 1024 * 1024}
    assert app.calls[0] == ("queue", {"default_concurrency_limit": 1})
    assert "reviews are saved in" in capsys.readouterr().err
    # -q: no progress lines; a login from --auth
    args = build_parser().parse_args(["-q", "ui", "--db", str(tmp_path / "r.sqlite3"), "--no-warm-up",
                                      "--auth", "ana:s3:cret"])
    assert args._run(args) == 0
    assert app.calls[-1][1]["auth"] == ("ana", "s3:cret") and capsys.readouterr().err == ""


def test_app_py_and_the_command_share_their_options():
    from mtreview.ui.server import add_arguments

    def options(p: argparse.ArgumentParser) -> list[tuple[str, ...]]:
        return sorted(tuple(a.option_strings) for a in p._actions if a.option_strings and a.dest != "help")

    spec = importlib.util.spec_from_file_location("mtreview_app_cmd", ROOT / "app.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    sub = build_parser()._subparsers._group_actions[0].choices["ui"]
    assert options(mod.build_parser()) == options(sub) == options(add_arguments(argparse.ArgumentParser()))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_mtreview_ui_serves_the_review_page(tmp_path: Path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("MTREVIEW_DB", "MTREVIEW_AUTH")}
    env.update({"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "NO_PROXY": "127.0.0.1,localhost"})
    log = (tmp_path / "ui.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "mtreview", "ui", "--port", str(port), "--db",
                             str(tmp_path / "db.sqlite3"), "--no-warm-up"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240
        while True:
            assert proc.poll() is None, (tmp_path / "ui.log").read_text(errors="replace")
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    page = r.read().decode("utf-8", "replace")
                    break
            except (urllib.error.URLError, OSError):
                assert time.monotonic() < deadline, "mtreview ui did not answer"
                time.sleep(0.5)
        assert "mtreview — review machine-translated French" in page
        assert "Content-Security-Policy" in page
        with urllib.request.urlopen(url + "config", timeout=10) as r:
            config = r.read().decode("utf-8")
        assert "mtr-highlight" in config and "mtr-review-btn" in config
        assert (tmp_path / "db.sqlite3").is_file()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
