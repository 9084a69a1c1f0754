"""The test tiers of ``tests/conftest.py``, checked on a small suite of their own in a fresh pytest process:
plain ``pytest`` runs the fast tier, ``--slow`` adds the slow one, ``-m slow`` runs it alone, ``-m fuzz``
the fuzz tier; a ``slow_fixture`` or a ``browser`` mark makes a test slow; a fast test that loads a heavy
resource fails, naming it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HEAVY_LOADERS

SUITE = '''
import pytest
from conftest import slow_fixture


@pytest.fixture
@slow_fixture
def heavy():
    return 1


@pytest.fixture
def uses_heavy(heavy):
    return heavy


def test_fast():
    pass


@pytest.mark.slow
def test_marked():
    pass


def test_through_a_fixture(uses_heavy):
    pass


@pytest.mark.browser
def test_browser():
    pass


@pytest.mark.fuzz
def test_fuzz():
    pass
'''

LOADS = '''
import sys
import types


def test_fast_that_starts_a_cluster():
    sys.modules["distributed"] = types.ModuleType("distributed")  # what importing Dask's client leaves
'''

INI = """[pytest]
addopts = -m 'not fuzz'
markers =
    slow: the slow tier
    browser: drives a browser
    fuzz: the fuzz tier
"""


@pytest.fixture(scope="module")
def suite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tiers")
    (root / "conftest.py").write_text((Path(__file__).parent / "conftest.py").read_text("utf-8"), "utf-8")
    (root / "pytest.ini").write_text(INI, "utf-8")
    (root / "test_suite.py").write_text(SUITE, "utf-8")
    (root / "test_loads.py").write_text(LOADS, "utf-8")
    return root


def outcomes(root: Path, *args: str) -> tuple[dict[str, str], str]:
    """test name → PASSED / FAILED of one pytest run in ``root``, and its output."""
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}  # no third-party plugin: a faster start
    r = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", *args], cwd=root,
                       capture_output=True, text=True, timeout=120, env=env)
    found = dict((name, outcome) for outcome, name in re.findall(r"^(PASSED|FAILED) \S+::(\w+)", r.stdout, re.M))
    return found, r.stdout


def test_plain_pytest_runs_the_fast_tier_and_fails_a_fast_test_that_loads_a_heavy_resource(suite: Path) -> None:
    got, out = outcomes(suite)
    assert got == {"test_fast": "PASSED", "test_fast_that_starts_a_cluster": "FAILED"}, out
    assert "a fast-tier test loaded a Dask cluster: mark it slow" in out
    assert "3 slow tests deselected" in out


def test_slow_option_adds_the_slow_tier_and_m_slow_runs_it_alone(suite: Path) -> None:
    slow = {"test_marked": "PASSED", "test_through_a_fixture": "PASSED", "test_browser": "PASSED"}
    got, out = outcomes(suite, "--slow", "test_suite.py")
    assert got == {"test_fast": "PASSED", **slow}, out
    got, out = outcomes(suite, "-m", "slow")
    assert got == slow, out
    got, out = outcomes(suite, "-m", "fuzz")
    assert got == {"test_fuzz": "PASSED"}, out


@pytest.mark.parametrize("module, attr", sorted(HEAVY_LOADERS))
def test_every_guarded_loader_is_a_cached_function(module: str, attr: str) -> None:
    """The guard reads these loaders' caches: a renamed or uncached loader would leave it blind."""
    import importlib

    fn = getattr(importlib.import_module(module), attr)
    assert callable(getattr(fn, "cache_info", None)), f"{module}.{attr} is no longer an lru_cache"
