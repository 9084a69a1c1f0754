"""False alarms on clean human French: flags per 1,000 lines on human references (and the seed beside them).

    python3 bench/clean_flags.py                      # every clean set + the seed, full files
    python3 bench/clean_flags.py --sets wmt21 seed    # some of them
    python3 bench/clean_flags.py --limit 500          # first 500 lines of each set (a quick look)
    python3 bench/clean_flags.py --with-names         # also run the names detector (name/* printed apart)

Clean sets (human-written French, read from ``../shared/data``; every set is read in full — the largest,
XC-Translate, has 11,207 lines, so no cap is needed):

* ``wmt21``: WMT21 news de→fr human reference A (``newstest2021.de-fr.ref.A.fr``), 1,000 lines;
* ``wmt22``: WMT22 general de→fr human reference A (``generaltest2022.de-fr.ref.A.fr``), 1,984 lines;
* ``xc``: XC-Translate en→fr, every French reference translation of ``references/fr_FR.all.jsonl`` (all
  splits; each row's one to four ``targets[].translation``), one per line;
* ``semeval``: SemEval-2025 EA-MT en→fr training targets (``train.en-fr.jsonl``, field ``target``).

The seed article (machine-translated, ``corpora/seed/musk-putin-wsj.fr-mt.txt``) is measured beside them:
there flags are mostly real errors, so its counts show what recall a change costs.

One ``Reviewer`` (``mtreview.review.Reviewer``) with every non-name detector (``spelling``, ``grammar``,
``repetition``, ``untranslated``, ``omission``, ``mistranslation``, ``bilingual`` — inert without a source —
and ``typography``, counted apart) reviews each set as one text, one sentence per line, exactly as
``mtreview check`` would review such a file (long texts are cut in chunks of whole lines by the reviewer).
Flags are per line, so each flag is reported with its line number.

Each set is also split in two halves by line number (1-based): the *dev* half (even lines), where false
alarms were read to decide changes, and the *test* half (odd lines), measured only; both are printed.

Counted: flags at confidence ≥ ``--min-confidence`` (0.5), typography and ``name/*`` excluded, per
1,000 lines, by detector and category. Every counted flag is listed (line, category, span, suggestion,
confidence, the line's text) in ``bench/results/clean_flags.txt`` and, with the counts, in
``bench/results/clean_flags.json`` (``--out`` changes the stem).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data"
SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
RESULTS = ROOT / "bench" / "results"

#: the non-name detectors of the registry (typography included: counted apart)
#: every default detector but the names engine (measured apart, bench/names_precision.py)
DETECTORS = [d for d in __import__("mtreview.detectors", fromlist=["DEFAULT_ON"]).DEFAULT_ON if d != "names"]
SETS = ["wmt21", "wmt22", "xc", "semeval", "seed"]


def _one_line(s: str) -> str:
    return " ".join(s.split())


def load_set(name: str) -> list[str]:
    """The lines of clean set ``name`` (blank lines dropped; each entry one line of text)."""
    if name == "wmt21":
        path = SHARED / "wmt21-news-de-fr" / "de-fr" / "newstest2021.de-fr.ref.A.fr"
        return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if name == "wmt22":
        path = SHARED / "wmt22-general-de-fr" / "de-fr" / "generaltest2022.de-fr.ref.A.fr"
        return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if name == "xc":
        path = SHARED / "xc-translate-en-fr" / "references" / "fr_FR.all.jsonl"
        out = []
        for row in path.read_text(encoding="utf-8").splitlines():
            if row.strip():
                for t in json.loads(row)["targets"]:
                    if t.get("translation", "").strip():
                        out.append(_one_line(t["translation"]))
        return out
    if name == "semeval":
        path = SHARED / "semeval2025-eamt-en-fr" / "train.en-fr.jsonl"
        return [_one_line(json.loads(r)["target"]) for r in path.read_text(encoding="utf-8").splitlines()
                if r.strip() and json.loads(r).get("target", "").strip()]
    if name == "seed":
        return [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    raise KeyError(name)


def kind(category: str) -> str:
    """``typography``, ``name`` or ``counted``."""
    if category == "fluency/typography":
        return "typography"
    if category.startswith("name/"):
        return "name"
    return "counted"


def measure(reviewer: Any, name: str, lines: list[str], min_conf: float) -> dict[str, Any]:
    text = "\n".join(lines) + "\n"
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    t0 = time.perf_counter()
    res = reviewer.review(text)
    secs = time.perf_counter() - t0
    per_k = 1000.0 / max(1, len(lines))
    by_det: Counter[str] = Counter()
    by_cat: Counter[str] = Counter()
    other: Counter[str] = Counter()
    listed = []
    for f in res.flags:
        if f.confidence < min_conf:
            continue
        k = kind(f.category)
        if k != "counted":
            other[k] += 1
            continue
        by_det[f.detector] += 1
        by_cat[f.category] += 1
        i = bisect.bisect_right(starts, f.start) - 1
        listed.append({"set": name, "line": i + 1, "col": f.start - starts[i] + 1, "category": f.category,
                       "detector": f.detector, "text": f.text, "suggestion": f.suggestions[:1],
                       "confidence": round(f.confidence, 3), "severity": f.severity,
                       "rule": f.evidence.get("rule") or f.evidence.get("option") or "",
                       "context": lines[i]})
    n = len(listed)
    halves = {}
    for half, parity in (("dev", 0), ("test", 1)):
        n_lines = sum(1 for i in range(1, len(lines) + 1) if i % 2 == parity)
        n_flags = sum(1 for f in listed if f["line"] % 2 == parity)
        halves[half] = {"lines": n_lines, "counted": n_flags,
                        "per_1000_lines": round(n_flags * 1000.0 / max(1, n_lines), 2)}
    return {"set": name, "lines": len(lines), "words": res.words, "seconds": round(secs, 1),
            "counted": n, "per_1000_lines": round(n * per_k, 2), "halves": halves,
            "by_detector": {k: round(v * per_k, 2) for k, v in sorted(by_det.items())},
            "by_detector_count": dict(sorted(by_det.items())),
            "by_category": {k: round(v * per_k, 2) for k, v in sorted(by_cat.items())},
            "typography_per_1000_lines": round(other["typography"] * per_k, 2),
            "names_per_1000_lines": round(other["name"] * per_k, 2),
            "flags": listed}


def table(results: list[dict[str, Any]], min_conf: float) -> str:
    dets = sorted({d for r in results for d in r["by_detector"]} | {d for d in DETECTORS
                                                                 if d not in {"typography", "bilingual"}})
    cats = sorted({c for r in results for c in r["by_category"]})
    head = f"{'flags / 1,000 lines, conf >= ' + format(min_conf, '.2f'):42s}" + "".join(
        f"{r['set']:>10s}" for r in results)
    rows = [head, f"{'lines':42s}" + "".join(f"{r['lines']:>10d}" for r in results),
            f"{'words':42s}" + "".join(f"{r['words']:>10d}" for r in results)]
    rows.append(f"{'ALL (typography, name/* excluded)':42s}" + "".join(
        f"{r['per_1000_lines']:>10.2f}" for r in results))
    rows.append(f"{'  flags counted':42s}" + "".join(f"{r['counted']:>10d}" for r in results))
    for half, what in (("dev", "even"), ("test", "odd")):
        rows.append(f"{'  ' + half + ' half (' + what + ' line numbers)':42s}" + "".join(
            f"{r['halves'][half]['per_1000_lines']:>10.2f}" for r in results))
    for d in dets:
        rows.append(f"{'  detector ' + d:42s}" + "".join(f"{r['by_detector'].get(d, 0.0):>10.2f}" for r in results))
    for c in cats:
        rows.append(f"{'  category ' + c:42s}" + "".join(f"{r['by_category'].get(c, 0.0):>10.2f}" for r in results))
    rows.append(f"{'(info) fluency/typography':42s}" + "".join(
        f"{r['typography_per_1000_lines']:>10.2f}" for r in results))
    rows.append(f"{'(info) name/*':42s}" + "".join(f"{r['names_per_1000_lines']:>10.2f}" for r in results))
    rows.append(f"{'seconds':42s}" + "".join(f"{r['seconds']:>10.1f}" for r in results))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sets", nargs="*", default=SETS, choices=SETS)
    ap.add_argument("--limit", type=int, default=0, help="first N lines of each set (0: all)")
    ap.add_argument("--min-confidence", type=float, default=0.5)
    ap.add_argument("--detectors", nargs="*", default=None,
                    help="only these detectors (default: every non-name detector)")
    ap.add_argument("--with-names", action="store_true", help="run the names detector too (name/* counted apart)")
    ap.add_argument("--out", default=str(RESULTS / "clean_flags"), help="output stem (.txt and .json)")
    args = ap.parse_args(argv)

    from mtreview.review import Reviewer

    dets = (["names"] if args.with_names else []) + (args.detectors or DETECTORS)
    reviewer = Reviewer(dets)
    results = []
    for name in args.sets:
        lines = load_set(name)
        if args.limit:
            lines = lines[:args.limit]
        r = measure(reviewer, name, lines, args.min_confidence)
        print(f"{name}: {r['lines']} lines, {r['counted']} flags ({r['per_1000_lines']:.2f} / 1,000 lines) "
              f"in {r['seconds']:.0f} s", file=sys.stderr, flush=True)
        results.append(r)
    tab = table(results, args.min_confidence)
    print(tab)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    listing = [f"# bench/clean_flags.py — detectors: {', '.join(dets)}; sets: {', '.join(args.sets)}"
               + (f"; first {args.limit} lines" if args.limit else "; full sets"), "", tab, ""]
    for r in results:
        listing.append(f"## {r['set']}: {r['counted']} flags at confidence >= {args.min_confidence} "
                       "(typography and name/* excluded)")
        for f in r["flags"]:
            sug = f" -> {f['suggestion'][0]!r}" if f["suggestion"] else ""
            rule = f" [{f['rule']}]" if f["rule"] else ""
            listing.append(f"{f['set']}:{f['line']}:{f['col']}\t{f['category']}\t{f['confidence']:.2f}\t"
                           f"{f['text']!r}{sug}\t{f['detector']}{rule}\t| {f['context']}")
        listing.append("")
    out.with_suffix(".txt").write_text("\n".join(listing), encoding="utf-8")
    summary = {"min_confidence": args.min_confidence, "detectors": dets, "limit": args.limit,
               "sets": results}
    out.with_suffix(".json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nevery counted flag: {out.with_suffix('.txt')} (and .json)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
