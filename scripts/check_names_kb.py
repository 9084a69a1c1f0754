"""Validate the built-in names knowledge base: columns, ids, types, Cyrillic, wordfreq coverage.

    python scripts/check_names_kb.py            # prints a report, exit 1 on structural errors

Every token of a name should be known to wordfreq in English or French (zipf > 0); a row whose
tokens are not must say why in its ``note`` column. Structural errors (wrong column count, duplicate
id within a file, unknown type, no Cyrillic in a filled ``ru``) fail the check.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtreview.knowledge.names import COLUMNS, TYPES, builtin_files  # noqa: E402
from mtreview.knowledge.transliteration import has_cyrillic  # noqa: E402


def check(paths: list[Path] | None = None) -> tuple[list[str], dict[str, int]]:
    from wordfreq import zipf_frequency

    errors: list[str] = []
    stats: Counter[str] = Counter()
    for path in paths or builtin_files():
        ids: set[str] = set()
        lines = path.read_text(encoding="utf-8").splitlines()
        if lines[0].split("\t") != COLUMNS:
            errors.append(f"{path.name}: header is not {COLUMNS}")
            continue
        for n, line in enumerate(lines[1:], 2):
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != len(COLUMNS):
                errors.append(f"{path.name}:{n}: {len(cols)} columns")
                continue
            row = dict(zip(COLUMNS, cols, strict=True))
            stats["entities"] += 1
            stats[f"type:{row['type']}"] += 1
            if row["id"] in ids:
                errors.append(f"{path.name}:{n}: duplicate id {row['id']}")
            ids.add(row["id"])
            if row["type"] not in TYPES:
                errors.append(f"{path.name}:{n}: type {row['type']!r}")
            if row["ru"] and not has_cyrillic(row["ru"]):
                errors.append(f"{path.name}:{n}: ru has no Cyrillic")
            if row["ru"]:
                stats["with_ru"] += 1
            tokens = {t.lower() for t in re.split(r"[\s\-'’.]+", f"{row['fr']} {row['en']}") if t.isalpha()}
            unknown = [t for t in tokens if zipf_frequency(t, "en") == 0 and zipf_frequency(t, "fr") == 0]
            if unknown:
                stats["unknown_token_rows"] += 1
                if row["note"].strip():
                    stats["unknown_explained"] += 1
                else:
                    stats["unknown_unexplained"] += 1
    return errors, dict(stats)


def main() -> int:
    errors, stats = check()
    for k, v in sorted(stats.items()):
        print(f"{k}: {v}")
    for e in errors[:50]:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
