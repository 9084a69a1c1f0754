"""Same input, same output, whatever the process: the string hash seed must not decide a tie.

Pool workers and Dask workers are separate processes with their own ``PYTHONHASHSEED``; a candidate
list built by iterating a set of strings would break ties differently in each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # subprocesses that load the names base

SCRIPT = """
import json
from mtreview.knowledge.names import get_kb
kb = get_kb()
words = ["Jayne", "Pooley", "Smitt", "Jonsen", "Mariya", "Kristofer", "Aleksandr", "Petersen", "Dzhon"]
print(json.dumps([[(v.entity, v.token, v.kind, v.form, round(s, 6)) for v, s in kb.fuzzy(w, 0.7)]
                  for w in words]))
"""


def _fuzzy_under(seed: str) -> list:
    env = dict(os.environ, PYTHONHASHSEED=seed, HF_HUB_OFFLINE="1")
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                         timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_fuzzy_name_lookup_does_not_depend_on_the_hash_seed() -> None:
    first = _fuzzy_under("1")
    assert any(len(c) > 1 for c in first)  # ties and near-ties to order
    for seed in ("2", "3"):
        assert _fuzzy_under(seed) == first
