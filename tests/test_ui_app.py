"""``python app.py`` as a user starts it: loopback by default, a login with ``--auth``, clear usage errors."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow  # the Gradio app, started as a user starts it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def auth_app(tmp_path_factory) -> Iterator[str]:
    """The app with a login, started without loading the review engine (this test needs no review)."""
    tmp = tmp_path_factory.mktemp("ui-auth")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MTREVIEW_DB"}
    env.update({"MTREVIEW_AUTH": "ana:s3cret:x", "GRADIO_ANALYTICS_ENABLED": "False"})
    log = (tmp / "app.log").open("wb")
    proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port), "--db", str(tmp / "db.sqlite3"),
                             "--no-warm-up"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, (tmp / "app.log").read_text(errors="replace")
            try:
                urllib.request.urlopen(url + "/", timeout=5)
                break
            except urllib.error.HTTPError:
                break  # answering (with a login page or an error): it is up
            except (urllib.error.URLError, OSError):
                assert time.monotonic() < deadline, "app.py did not start"
                time.sleep(0.5)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def test_login_is_required_with_auth(auth_app):
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(auth_app + "/config", timeout=10)
    assert err.value.code in (401, 403)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    bad = urllib.parse.urlencode({"username": "ana", "password": "wrong"}).encode()
    with pytest.raises(urllib.error.HTTPError):
        opener.open(auth_app + "/login", bad, timeout=10)
    good = urllib.parse.urlencode({"username": "ana", "password": "s3cret:x"}).encode()
    assert opener.open(auth_app + "/login", good, timeout=10).status == 200
    config = json.loads(opener.open(auth_app + "/config", timeout=10).read())
    assert config["components"], "logged in, the app's configuration is served"
    assert not config.get("share_url")


def test_usage_errors_exit_2():
    for args in (["--auth", "nopassword"], ["--port", "70000"], ["--max-upload-mb", "0"]):
        r = subprocess.run([sys.executable, "app.py", *args], cwd=ROOT, capture_output=True, timeout=120)
        assert r.returncode == 2, (args, r.stderr)
        assert b"app.py:" in r.stderr and b"Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "app.py", "--help"], cwd=ROOT, capture_output=True, timeout=120)
    assert r.returncode == 0 and b"--max-upload-mb" in r.stdout and b"127.0.0.1" in r.stdout
