#!/usr/bin/env bash
# Installs everything (system packages included) and reviews the seed article.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
bash scripts/install.sh
mtreview check corpora/seed/musk-putin-wsj.fr-mt.txt --format text "$@"
