"""Validate the held-out names evaluation set and print its counts.

Usage (from the repository root)::

    python corpora/eval/names_heldout/validate.py            # format and offsets only, no imports
    python corpora/eval/names_heldout/validate.py --kb       # also re-check ``in_base`` against the names base

Checks, for ``pivot_articles.jsonl``: required keys, unique ids, every gold and trap span inside the text
with ``text[start:end] == span["text"]``, spans on token boundaries, no overlap between spans, known
``mechanism`` values, boolean ``in_base``. For ``clean_names.txt``: no empty or duplicate lines.
``--kb`` only *looks up* names in the knowledge base (``kb.lookup``); it never runs a detector on the texts.
Exits with status 1 on any error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "pivot_articles.jsonl"
CLEAN = HERE / "clean_names.txt"
MECHANISMS = {"translit", "case-ending", "homograph", "calque", "locale", "mixed"}
ARTICLE_KEYS = {"id", "topic", "text", "gold", "traps"}
GOLD_KEYS = {"start", "end", "text", "expected", "mechanism", "in_base"}
TRAP_KEYS = {"start", "end", "text", "why"}
MIN_WORDS, MAX_WORDS = 150, 300


def _word_count(text: str) -> int:
    return len(text.split())


def _is_boundary(text: str, i: int) -> bool:
    """True when offset ``i`` does not cut through a word (letters or digits on both sides)."""
    if i <= 0 or i >= len(text):
        return True
    return not (text[i - 1].isalnum() and text[i].isalnum())


def check_articles(errors: list[str], warnings: list[str]) -> list[dict]:
    docs = []
    seen_ids: set[str] = set()
    for n, line in enumerate(ARTICLES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{ARTICLES.name}:{n}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON ({exc})")
            continue
        missing = ARTICLE_KEYS - doc.keys()
        if missing:
            errors.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if doc["id"] in seen_ids:
            errors.append(f"{where}: duplicate id {doc['id']!r}")
        seen_ids.add(doc["id"])
        text = doc["text"]
        words = _word_count(text)
        if not MIN_WORDS <= words <= MAX_WORDS:
            warnings.append(f"{where} ({doc['id']}): {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
        spans = []
        for kind, items, keys in (("gold", doc["gold"], GOLD_KEYS), ("trap", doc["traps"], TRAP_KEYS)):
            for j, sp in enumerate(items):
                loc = f"{where} ({doc['id']}) {kind}[{j}]"
                miss = keys - sp.keys()
                if miss:
                    errors.append(f"{loc}: missing keys {sorted(miss)}")
                    continue
                s, e = sp["start"], sp["end"]
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    errors.append(f"{loc}: bad offsets {s}..{e} (text length {len(text)})")
                    continue
                if text[s:e] != sp["text"]:
                    errors.append(f"{loc}: text[{s}:{e}] == {text[s:e]!r}, expected {sp['text']!r}")
                if sp["text"] != sp["text"].strip():
                    errors.append(f"{loc}: span {sp['text']!r} has surrounding spaces")
                if not (_is_boundary(text, s) and _is_boundary(text, e)):
                    errors.append(f"{loc}: span {sp['text']!r} cuts through a word")
                if kind == "gold":
                    if sp["mechanism"] not in MECHANISMS:
                        errors.append(f"{loc}: unknown mechanism {sp['mechanism']!r}")
                    if not isinstance(sp["in_base"], bool):
                        errors.append(f"{loc}: in_base must be true or false")
                    if not sp["expected"].strip() or sp["expected"] == sp["text"]:
                        errors.append(f"{loc}: expected {sp['expected']!r} must differ from the span")
                elif not sp["why"].strip():
                    errors.append(f"{loc}: empty 'why'")
                spans.append((s, e, loc))
        spans.sort()
        for (_s1, e1, l1), (s2, _e2, l2) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                errors.append(f"{l1} overlaps {l2}")
        docs.append(doc)
    return docs


def check_clean(errors: list[str]) -> list[str]:
    lines = CLEAN.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            errors.append(f"{CLEAN.name}:{n}: empty line")
        elif line != line.strip():
            errors.append(f"{CLEAN.name}:{n}: leading or trailing spaces")
        if line in seen:
            errors.append(f"{CLEAN.name}:{n}: duplicate line")
        seen.add(line)
    return lines


def check_kb(docs: list[dict], warnings: list[str]) -> None:
    """Compare each gold ``in_base`` with a plain look-up of its expected form in the names base."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.path.insert(0, str(HERE.parents[2]))
    from mtreview.knowledge.names import get_kb
    from mtreview.knowledge.transliteration import normalise_latin

    kb = get_kb()
    full: dict[str, set[int]] = {}  # folded full form (fr, en, alias) -> entity indexes
    for i, e in enumerate(kb.entities):
        for form in [e.fr, e.en, *e.aliases]:
            if form:
                full.setdefault(normalise_latin(form), set()).add(i)
    for doc in docs:
        for g in doc["gold"]:
            exp = g["expected"]
            whole = bool(full.get(normalise_latin(exp)))
            found = whole or all(any(v.kind in ("fr", "alias") for v in kb.lookup_folded(t))
                                 for t in exp.split())
            if g["in_base"] and not found:
                warnings.append(f"--kb: {doc['id']}: {exp!r} marked in_base but not found as a correct form")
            if not g["in_base"] and whole:
                warnings.append(f"--kb: {doc['id']}: {exp!r} marked not in_base but is an entity form")


def main(argv: list[str]) -> int:
    errors: list[str] = []
    warnings: list[str] = []
    docs = check_articles(errors, warnings)
    lines = check_clean(errors)
    if "--kb" in argv:
        check_kb(docs, warnings)

    gold = [g for d in docs for g in d["gold"]]
    traps = [t for d in docs for t in d["traps"]]
    words = [_word_count(d["text"]) for d in docs]
    print(f"articles: {len(docs)}")
    print(f"words: {sum(words)} (per article {min(words)}-{max(words)})" if words else "words: 0")
    print(f"gold mentions: {len(gold)}")
    print(f"  in_base: {sum(g['in_base'] for g in gold)}  not in_base: {sum(not g['in_base'] for g in gold)}")
    by_mech = Counter(g["mechanism"] for g in gold)
    by_mech_base = Counter((g["mechanism"], g["in_base"]) for g in gold)
    for mech in sorted(MECHANISMS):
        print(f"  {mech:<12} {by_mech[mech]:>3}  (in_base {by_mech_base[(mech, True)]}, "
              f"not {by_mech_base[(mech, False)]})")
    print(f"traps: {len(traps)}")
    print(f"clean lines: {len(lines)}")
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"ERROR: {e}")
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
