"""Names engine on clean human French and on pivot-style text, in one run.

    python bench/names_precision.py [--sets wikineural-test,wmt22-ref,...] [--max-lines N]
                                    [--out bench/results/names_precision.json]

For every clean French set in ``../shared/data`` (WikiNEuRal test and val sentences, SemEval targets,
WMT21/WMT22 de-fr human references, XC-Translate references) and the project's own clean held-out
sentences, it prints

* ``normalise``: lines changed per 1,000 by ``mtreview normalise`` at its defaults (the real CLI, one
  process per set, the set written as one ``.txt`` file), and
* ``check``: ``name/*`` flags per 1,000 lines at confidence ≥ 0.5 from the names detector over the same
  file reviewed as one text (what ``mtreview check FILE --only name/`` raises),

with every change and flag listed in the JSON output so that a reader can judge each one. On the
pivot-style sets (the seed article with its gold, the synthetic in-base set, the hand-written held-out
articles) it prints recall (a ``name/*`` flag overlaps the gold span), fixed (its first suggestion is
the expected form) and false flags. A clean set's target is ≤ 1 changed line per 1,000 (normalise) and
≤ 5 flags per 1,000 lines (check).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def _conllu(path: Path) -> list[str]:
    """WikiNEuRal sentences, tokens joined by spaces (as the issue measured them)."""
    out, toks = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                out.append(" ".join(toks))
                toks = []
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            toks.append(parts[1])
    if toks:
        out.append(" ".join(toks))
    return out


def _jsonl(path: Path, get: Callable[[dict], list[str]]) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.extend(s for s in get(json.loads(line)) if s and s.strip())
    return out


def _lines(path: Path) -> list[str]:
    return [s for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]


CLEAN_SETS: dict[str, Callable[[], list[str]]] = {
    "wikineural-test": lambda: _conllu(DATA / "wikineural-fr" / "test.conllu"),
    "wikineural-val": lambda: _conllu(DATA / "wikineural-fr" / "val.conllu"),
    "semeval-targets": lambda: _jsonl(DATA / "semeval2025-eamt-en-fr" / "train.en-fr.jsonl",
                                      lambda d: [d.get("target", "")]),
    "wmt21-ref": lambda: _lines(DATA / "wmt21-news-de-fr" / "de-fr" / "newstest2021.de-fr.ref.A.fr"),
    "wmt22-ref": lambda: _lines(DATA / "wmt22-general-de-fr" / "de-fr" / "generaltest2022.de-fr.ref.A.fr"),
    "xc-translate-ref": lambda: _jsonl(DATA / "xc-translate-en-fr" / "references" / "fr_FR.all.jsonl",
                                       lambda d: [t["translation"] for t in d.get("targets", [])[:1]]),
    "heldout-clean-names": lambda: _lines(ROOT / "corpora" / "eval" / "names_heldout" / "clean_names.txt"),
}


def run_normalise(lines: list[str], work: Path, name: str) -> dict:
    """``mtreview normalise`` at its defaults over the set as one text file; the changed lines."""
    src = work / f"{name}.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = work / f"{name}.out"
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    t = time.time()
    p = subprocess.run([sys.executable, "-m", "mtreview", "normalise", str(src), "-o", str(out), "--workers", "1"],
                       capture_output=True, text=True, env=env, cwd=work)
    secs = time.time() - t
    if p.returncode != 0:
        return {"error": p.stderr.strip()[-500:], "seconds": round(secs, 1)}
    changes = []
    chg = out / "changes.jsonl"
    if chg.exists():
        for line in chg.read_text(encoding="utf-8").splitlines():
            if line.strip():
                changes.append(json.loads(line))
    changed_lines = {c.get("line") for c in changes}
    return {"changes": len(changes), "changed_lines": len(changed_lines),
            "per_1000": round(1000 * len(changed_lines) / max(1, len(lines)), 2), "seconds": round(secs, 1),
            "list": [{k: c.get(k) for k in ("line", "before", "after", "category", "confidence")}
                     for c in changes]}


def run_check(lines: list[str], reviewer) -> dict:
    """Names flags at confidence ≥ 0.5 over the set reviewed as one text."""
    text = "\n".join(lines) + "\n"
    t = time.time()
    res = reviewer.review(text)
    secs = time.time() - t
    every = [f.confidence for f in res.flags if f.category.startswith("name/")]
    flags = [f for f in res.flags if f.category.startswith("name/") and f.confidence >= 0.5]
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    import bisect

    listed = [{"line": bisect.bisect_right(starts, f.start), "text": f.text, "category": f.category,
               "suggestion": (f.suggestions or [""])[0], "confidence": f.confidence} for f in flags]
    return {"flags": len(flags), "per_1000": round(1000 * len(flags) / max(1, len(lines)), 2),
            "seconds": round(secs, 1), "list": listed, "confidences": every}


def pivot_sets() -> dict[str, list[tuple[str, list, list]]]:
    """Pivot-style documents with gold spans: name → [(text, gold, extra)]."""
    from mtreview.evaluation import GoldSpan, spans_from_patterns

    seed = (ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt").read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, list, list]]] = {
        "seed": [(seed, spans_from_patterns(seed, ROOT / "tests" / "data" / "seed_names_gold.tsv"),
                  spans_from_patterns(seed, ROOT / "tests" / "data" / "seed_names_extra.tsv"))]}
    synth = ROOT / "corpora" / "eval" / "names_eval_seed11.jsonl"
    docs = []
    for line in synth.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs.append((d["text"], [GoldSpan(g["start"], g["end"], g["expected"], g["mechanism"]) for g in d["gold"]], []))
    out["synthetic-in-base"] = docs
    dev = ROOT / "corpora" / "eval" / "names_dev" / "pivot_articles.jsonl"
    dev2 = ROOT / "corpora" / "eval" / "names_dev2" / "pivot_articles.jsonl"
    dev3 = ROOT / "corpora" / "eval" / "names_dev3" / "pivot_articles.jsonl"
    for key, path in (("dev", dev), ("dev2", dev2), ("dev3", dev3), ("heldout", ROOT / "corpora" / "eval" / "names_heldout" / "pivot_articles.jsonl")):
        if path.exists():
            out.update(_base_split(key, path))
    return out


def _base_split(key: str, held: Path) -> dict[str, list[tuple[str, list, list]]]:
    """A hand-written set of pivot articles split by whether the gold name is in the base:
    ``{key}-pivot-in-base`` and ``{key}-pivot-outside-base``, each document with the other half as extra
    (a flag on it is neither counted nor false)."""
    from mtreview.evaluation import GoldSpan

    out: dict[str, list[tuple[str, list, list]]] = {}
    if held.exists():
        docs_in, docs_out = [], []
        for line in held.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            gold_in = [GoldSpan(g["start"], g["end"], g["expected"], g["mechanism"]) for g in d["gold"] if g.get("in_base")]
            gold_out = [GoldSpan(g["start"], g["end"], g["expected"], g["mechanism"]) for g in d["gold"]
                        if not g.get("in_base")]
            docs_in.append((d["text"], gold_in, gold_out))
            docs_out.append((d["text"], gold_out, gold_in))
        out[f"{key}-pivot-in-base"] = docs_in
        out[f"{key}-pivot-outside-base"] = docs_out
    return out


def score_pivot(docs: list[tuple[str, list, list]], reviewer) -> dict:
    from mtreview.evaluation import score_names

    tot = {"gold": 0, "found": 0, "right": 0, "flags": 0, "real": 0}
    missed, false, wrong = [], [], []
    scored: list[tuple[float, bool]] = []
    for text, gold, extra in docs:
        res = reviewer.review(text)
        s = score_names(text, res.flags, gold, extra)
        for f in res.flags:
            if f.category.startswith("name/"):
                scored.append((f.confidence, any(f.start < g.end and g.start < f.end for g in gold + extra)))
        tot["gold"] += s.gold
        tot["found"] += s.found
        tot["right"] += s.right
        tot["flags"] += s.flags
        tot["real"] += s.real_flags
        missed += s.missed
        false += s.false_flags
        wrong += s.wrong
    return {"gold": tot["gold"], "recall": round(tot["found"] / max(1, tot["gold"]), 3),
            "fixed": round(tot["right"] / max(1, tot["gold"]), 3), "flags": tot["flags"],
            "false_flags": tot["flags"] - tot["real"], "missed": missed[:40], "wrong": wrong[:40], "false": false[:40],
            "scored": scored}


BINS = ((0.0, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def reliability(result: dict) -> list[dict]:
    """Flags by confidence bin over the pivot sets (right = overlaps a gold or extra span) and the
    clean sets (every flag counted wrong, typos in references included: a conservative figure)."""
    pts: list[tuple[float, bool]] = []
    for s in result["pivot"].values():
        pts.extend((c, r) for c, r in s.get("scored", []))
    for row in result["clean"].values():
        pts.extend((c, False) for c in row["check"].get("confidences", []))
    out = []
    for lo, hi in BINS:
        inb = [r for c, r in pts if lo <= c < hi]
        if inb:
            out.append({"confidence": f"{lo:.1f}–{min(hi, 1.0):.1f}", "flags": len(inb),
                        "right": round(sum(inb) / len(inb), 3)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", help="comma-separated clean sets (default: all that exist; 'none': no clean set)")
    ap.add_argument("--max-lines", type=int, default=0, help="first N lines of each clean set (0: all)")
    ap.add_argument("--no-normalise", action="store_true", help="skip the normalise runs")
    ap.add_argument("--no-pivot", action="store_true", help="skip the pivot-style sets")
    ap.add_argument("--pivot-sets", help="comma-separated name prefixes of the pivot sets to score "
                                         "(e.g. dev,seed; default: all)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "names_precision.json")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from mtreview.review import Reviewer

    reviewer = Reviewer(["names"])
    wanted = args.sets.split(",") if args.sets else list(CLEAN_SETS)
    result: dict = {"clean": {}, "pivot": {}}
    print(f"{'clean set':22} {'lines':>7} {'normalise /1000':>16} {'check≥0.5 /1000':>16}")
    with tempfile.TemporaryDirectory(prefix="names-precision-") as tmp:
        for name in wanted:
            if name not in CLEAN_SETS:
                continue
            try:
                lines = CLEAN_SETS[name]()
            except FileNotFoundError:
                continue
            if args.max_lines:
                lines = lines[:args.max_lines]
            row: dict = {"lines": len(lines)}
            if not args.no_normalise:
                row["normalise"] = run_normalise(lines, Path(tmp), name)
            row["check"] = run_check(lines, reviewer)
            result["clean"][name] = row
            norm = row.get("normalise", {}).get("per_1000", "-")
            print(f"{name:22} {len(lines):>7} {norm!s:>16} {row['check']['per_1000']!s:>16}", flush=True)
    if not args.no_pivot:
        print(f"\n{'pivot set':28} {'gold':>5} {'recall':>7} {'fixed':>7} {'false flags':>12}")
        keep = tuple(args.pivot_sets.split(",")) if args.pivot_sets else ("",)
        for name, docs in pivot_sets().items():
            if not name.startswith(keep):
                continue
            s = score_pivot(docs, reviewer)
            result["pivot"][name] = s
            print(f"{name:28} {s['gold']:>5} {s['recall']:>7} {s['fixed']:>7} {s['false_flags']:>12}", flush=True)
    if result["pivot"]:
        result["reliability"] = reliability(result)
        print(f"\n{'confidence':12} {'flags':>6} {'right':>6}   (pivot sets + clean sets, clean flags counted wrong)")
        for b in result["reliability"]:
            print(f"{b['confidence']:12} {b['flags']:>6} {b['right']:>6}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nevery change and flag: {args.out}")


if __name__ == "__main__":
    main()
