"""Shared fixtures: the seed article, paths, and one reviewer per session (models load once)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def names_reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["names"])


@pytest.fixture(scope="session")
def seed_review(seed_text):
    from mtreview.review import get_reviewer

    return get_reviewer().review(seed_text)


def one_line_error(r: subprocess.CompletedProcess, code: int, *needles: str) -> str:
    """The run failed with ``code`` and one line on standard error (no traceback) holding ``needles``."""
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == code, (r.returncode, err)
    assert "Traceback" not in err, err
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    for n in needles:
        assert n in err, (n, err)
    return err
