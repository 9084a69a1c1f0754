#!/usr/bin/env bash
# Installs everything (system packages included) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
bash scripts/install.sh
python3 -m ruff check .   # the whole tree: a lint error anywhere fails the build
python3 -m pytest -q -p no:cacheprovider "$@"
# the long fuzz tier (deselected above by pyproject's addopts): a seeded mutation corpus through the CLI
python3 -m pytest -q -p no:cacheprovider -m fuzz
