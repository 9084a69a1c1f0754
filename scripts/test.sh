#!/usr/bin/env bash
# Installs everything (system packages included) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
bash scripts/install.sh
python3 -m ruff check mtreview tests bench scripts app.py 2>/dev/null || python3 -m ruff check mtreview tests
python3 -m pytest -q -p no:cacheprovider "$@"
# the long fuzz tier (deselected above by pyproject's addopts): a seeded mutation corpus through the CLI
python3 -m pytest -q -p no:cacheprovider -m fuzz
