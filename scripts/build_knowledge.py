"""Rebuild the derived knowledge shipped with mtreview (run after editing the names data files).

    python scripts/build_knowledge.py

Writes ``mtreview/knowledge/data/derived/homographs.tsv``: for every built-in entity whose Russian
form, in some case, is also a common Russian word, the French translations of that word (pymorphy3 +
FreeDict fra-rus). Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import time

from mtreview.knowledge.homographs import DERIVED, write_homographs
from mtreview.knowledge.names import get_kb


def main() -> None:
    t = time.time()
    kb = get_kb()
    n = write_homographs(kb)
    print(f"{len(kb)} entities -> {n} homograph rows in {DERIVED} ({time.time() - t:.1f} s)")


if __name__ == "__main__":
    main()
