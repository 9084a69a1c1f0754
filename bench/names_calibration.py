"""Fit the names detector's calibration of low-confidence suggestions, on development data only.

    python bench/names_calibration.py [--docs 120] [--clean-lines 12000]

The development mix: synthetic pivot-style documents of ``bench/names_eval.py`` (seed 3 with the drawn
entities removed from the base — names outside the base — and seed 5 with the full base; the reported
synthetic set is seed 11) and clean human French, the WikiNEuRal *validation* split (name-dense French
Wikipedia sentences; the reliability table of docs/names.md says which figures include it). The
project's hand-written held-out sets are never used. A flag is right when it overlaps a gold span; every flag on clean text is wrong.
Raw scores (calibration off) below 0.5: the share right per category is written to
``mtreview/knowledge/data/calibration/names.tsv``; the reliability of the mix is printed before and after.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

#: a category needs this many suggestions on the mix to be calibrated
MIN_FLAGS = 20

BINS = ((0.0, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9),
        (0.9, 1.01))


def clean_lines(n: int) -> list[str]:
    """The first ``n`` sentences of the WikiNEuRal validation split (French Wikipedia, name-dense)."""
    from names_precision import CLEAN_SETS

    return CLEAN_SETS["wikineural-val"]()[:n]


def table(points: list[tuple[float, bool]]) -> str:
    rows = []
    for lo, hi in BINS:
        inb = [r for c, r in points if lo <= c < hi]
        if inb:
            rows.append(f"  {lo:.1f}–{min(hi, 1.0):.1f} {len(inb):>6} {sum(inb) / len(inb):>6.3f}")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--clean-lines", type=int, default=12600)
    ap.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    args = ap.parse_args()

    from names_eval import make_docs

    from mtreview.detectors.names import NamesDetector
    from mtreview.knowledge.name_calibration import BAND, CALIBRATION_FILE
    from mtreview.knowledge.names import NameKnowledgeBase, builtin_files, read_entities
    from mtreview.review import Reviewer

    t0 = time.time()
    ents = []
    for p in builtin_files():
        ents.extend(read_entities(p))
    places = [e for e in ents if e.type == "place" and " " not in e.fr]
    others = [e for e in ents if e.type in ("organisation", "brand")]
    points3: list[tuple[float, bool, str]] = []

    def run(docs, kb) -> None:
        rv = Reviewer(["names"])
        rv.detectors = [NamesDetector(kb=kb, calibrate=False)]
        for text, gold, _ in docs:
            for f in rv.review(text).flags:
                if f.category.startswith("name/"):
                    points3.append((f.confidence, any(f.start < g.end and g.start < f.end for g in gold), f.category))

    held = make_docs(ents, others, places, args.docs, 3)
    drawn = {d[2] for d in held}
    run(held, NameKnowledgeBase([e for e in ents if e.id not in drawn]))
    run(make_docs(ents, others, places, args.docs, 5), None)
    n_pivot = len(points3)
    lines = clean_lines(args.clean_lines)
    rv = Reviewer(["names"])
    rv.detectors = [NamesDetector(calibrate=False)]
    for i in range(0, len(lines), 2000):
        for f in rv.review("\n".join(lines[i:i + 2000]) + "\n").flags:
            if f.category.startswith("name/"):
                points3.append((f.confidence, False, f.category))
    print(f"development mix: {n_pivot} flags on {2 * args.docs}+ synthetic documents, "
          f"{len(points3) - n_pivot} on {len(lines)} clean lines ({time.time() - t0:.0f} s)")
    print("raw scores:        bin  flags  right\n" + table([(c, r) for c, r, _ in points3]))
    from collections import defaultdict

    from mtreview.knowledge import name_calibration

    low: dict[str, list[bool]] = defaultdict(list)
    for c, r, cat in points3:
        if c < BAND:
            low[cat].append(r)
    rows = {cat: (round(sum(rs) / len(rs), 3), len(rs)) for cat, rs in sorted(low.items()) if len(rs) >= MIN_FLAGS}
    if not args.dry_run:
        CALIBRATION_FILE.write_text(
            "# category\tshare right\tflags — names suggestions scored below 0.5 on the development mix "
            "(right = overlaps a gold span; clean-text flags wrong)\n# python bench/names_calibration.py "
            f"--docs {args.docs} --clean-lines {args.clean_lines}: synthetic seeds 3 (outside the base) and 5, "
            "wikineural-val\n" + "".join(f"{cat}\t{share}\t{n}\n" for cat, (share, n) in rows.items()),
            encoding="utf-8")
        name_calibration.shares.cache_clear()
    for cat, (share, n) in rows.items():
        print(f"  {cat:20} {n:>5} suggestions, right {share}")
    print(f"→ {CALIBRATION_FILE}")
    cal = [(name_calibration.calibrate(c, cat) if not args.dry_run else c, r) for c, r, cat in points3]
    print("calibrated:        bin  flags  right\n" + table(cal))


if __name__ == "__main__":
    main()
