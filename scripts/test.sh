#!/usr/bin/env bash
# Installs everything (system packages included) and runs the whole test suite: lint, then the three
# tiers of tests/conftest.py, each test once: fast, slow, fuzz. Arguments (paths, -k …) narrow the fast
# and slow runs; a tier they leave empty is passed over.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
# install.sh installs Chromium: a browser test that finds none fails instead of skipping
export MTREVIEW_REQUIRE_BROWSER=1
bash scripts/install.sh
python3 -m ruff check .   # the whole tree: a lint error anywhere fails the build

NARROWED=$#
tier() {  # one pytest run; exit status 5 (no test selected) fails it unless arguments narrowed the run
  local rc=0
  python3 -m pytest -q -p no:cacheprovider -rs "$@" || rc=$?
  if [ "$rc" -ne 0 ] && ! { [ "$rc" -eq 5 ] && [ "$NARROWED" -gt 0 ]; }; then
    exit "$rc"
  fi
}
# the fast tier (plain `pytest`: pure functions and small fixtures, under a minute; a fast test that loads
# a heavy resource fails), then the slow tier alone (`-m slow`: spaCy, Grammalecte, the names base, the
# models, the UI and the browser, full CLI reviews, Dask, whole WMT test sets)
tier "$@"
tier -m slow "$@"
# the long fuzz tier (deselected above by pyproject's addopts): a seeded mutation corpus through the CLI
tier -m fuzz
