#!/usr/bin/env bash
# Installs everything mtreview needs on a fresh Debian machine with Python 3.11:
# system packages (Grammalecte, Hunspell, FreeDict dictionaries, Chromium) and the Python package
# with its dependencies into the current Python environment. Idempotent: re-running is cheap.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi

APT_PKGS="python3-grammalecte hunspell-fr dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-fra-rus chromium"
missing=""
for p in $APT_PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "[install] apt-get install:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# torch first and pinned: the CPU wheel; unpinned, pip would pull a CUDA build.
"$PY" -m pip install -q torch==2.13.0
"$PY" -m pip install -q -e ".[dev]"

# Grammalecte ships only as a Debian package: link its folder (and nothing else) into site-packages.
SITE=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
if [ -d /usr/lib/python3/dist-packages/grammalecte ] && [ ! -e "$SITE/grammalecte" ]; then
  ln -s /usr/lib/python3/dist-packages/grammalecte "$SITE/grammalecte"
fi
echo "[install] done"
