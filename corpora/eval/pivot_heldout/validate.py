"""Validate the held-out evaluation set for the non-name detectors and print its counts.

Usage (from the repository root)::

    python corpora/eval/pivot_heldout/validate.py

Checks ``articles.jsonl``: valid JSON per line, required keys, unique ids, at least 300 words per
article, every error and trap span inside the text with ``text[start:end] == span["text"]``, spans on
word boundaries and without surrounding spaces, no overlap between any two spans of an article, each
``kind`` one of the ten kinds, a non-empty ``correction`` that differs from the span, non-empty ``note``
and ``why``. It then prints the counts (articles, words per article, errors by kind, traps) and checks
the minimum sizes promised in the README (6 articles, 60 errors, 20 traps, every kind present).
Standard library only; it never imports or runs mtreview. Exits with status 1 on any error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
KINDS = (
    "duplicated-complement",
    "zero-copula-dash",
    "polysemy",
    "idiom-calque",
    "russian-preposition",
    "false-friend",
    "genitive-adjective",
    "english-leftover",
    "word-order",
    "other",
)
ARTICLE_KEYS = {"id", "topic", "text", "errors", "traps"}
ERROR_KEYS = {"start", "end", "text", "kind", "correction", "note"}
TRAP_KEYS = {"start", "end", "text", "why"}
MIN_WORDS = 300
MIN_ARTICLES, MIN_ERRORS, MIN_TRAPS = 6, 60, 20


def word_count(text: str) -> int:
    return len(text.split())


def _is_boundary(text: str, i: int) -> bool:
    """True when offset ``i`` does not cut through a word (letters or digits on both sides)."""
    if i <= 0 or i >= len(text):
        return True
    return not (text[i - 1].isalnum() and text[i].isalnum())


def _check_span(text: str, sp: dict, keys: set[str], loc: str, errors: list[str]) -> bool:
    miss = keys - sp.keys()
    if miss:
        errors.append(f"{loc}: missing keys {sorted(miss)}")
        return False
    s, e = sp["start"], sp["end"]
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        errors.append(f"{loc}: bad offsets {s!r}..{e!r} (text length {len(text)})")
        return False
    ok = True
    if text[s:e] != sp["text"]:
        errors.append(f"{loc}: text[{s}:{e}] == {text[s:e]!r}, expected {sp['text']!r}")
        ok = False
    if sp["text"] != sp["text"].strip():
        errors.append(f"{loc}: span {sp['text']!r} has surrounding spaces")
        ok = False
    if not (_is_boundary(text, s) and _is_boundary(text, e)):
        errors.append(f"{loc}: span {sp['text']!r} cuts through a word")
        ok = False
    return ok


def check_articles(errors: list[str]) -> list[dict]:
    docs: list[dict] = []
    seen_ids: set[str] = set()
    if not ARTICLES.exists():
        errors.append(f"{ARTICLES.name}: missing")
        return docs
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
        where = f"{where} ({doc['id']})"
        if doc["id"] in seen_ids:
            errors.append(f"{where}: duplicate id")
        seen_ids.add(doc["id"])
        text = doc["text"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
            continue
        if word_count(text) < MIN_WORDS:
            errors.append(f"{where}: {word_count(text)} words, fewer than {MIN_WORDS}")
        spans: list[tuple[int, int, str]] = []
        for j, sp in enumerate(doc["errors"]):
            loc = f"{where} errors[{j}] {sp.get('text')!r}"
            if not _check_span(text, sp, ERROR_KEYS, loc, errors):
                continue
            if sp["kind"] not in KINDS:
                errors.append(f"{loc}: unknown kind {sp['kind']!r}")
            if not str(sp["correction"]).strip() or sp["correction"] == sp["text"]:
                errors.append(f"{loc}: correction {sp['correction']!r} must be non-empty and differ from the span")
            if not str(sp["note"]).strip():
                errors.append(f"{loc}: empty note")
            spans.append((sp["start"], sp["end"], loc))
        for j, sp in enumerate(doc["traps"]):
            loc = f"{where} traps[{j}] {sp.get('text')!r}"
            if not _check_span(text, sp, TRAP_KEYS, loc, errors):
                continue
            if not str(sp["why"]).strip():
                errors.append(f"{loc}: empty why")
            spans.append((sp["start"], sp["end"], loc))
        spans.sort()
        for (_s1, e1, l1), (s2, _e2, l2) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                errors.append(f"{l1} overlaps {l2}")
        docs.append(doc)
    return docs


def main() -> int:
    errors: list[str] = []
    docs = check_articles(errors)
    gold = [g for d in docs for g in d["errors"]]
    traps = [t for d in docs for t in d["traps"]]
    by_kind = Counter(g["kind"] for g in gold)

    print(f"articles: {len(docs)}")
    for d in docs:
        print(f"  {d['id']:<32} {word_count(d['text']):>4} words  {len(d['errors']):>3} errors  "
              f"{len(d['traps']):>3} traps")
    words = [word_count(d["text"]) for d in docs]
    if words:
        print(f"words: {sum(words)} (per article {min(words)}-{max(words)})")
    print(f"errors: {len(gold)}")
    for kind in KINDS:
        print(f"  {kind:<22} {by_kind[kind]:>3}")
    print(f"traps: {len(traps)}")

    if len(docs) < MIN_ARTICLES:
        errors.append(f"only {len(docs)} articles (at least {MIN_ARTICLES})")
    if len(gold) < MIN_ERRORS:
        errors.append(f"only {len(gold)} errors (at least {MIN_ERRORS})")
    if len(traps) < MIN_TRAPS:
        errors.append(f"only {len(traps)} traps (at least {MIN_TRAPS})")
    for kind in KINDS:
        if not by_kind[kind]:
            errors.append(f"no error of kind {kind!r}")
    for e in errors:
        print(f"ERROR: {e}")
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
