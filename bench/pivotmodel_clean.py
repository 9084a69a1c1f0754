"""The learned pivot-error detector on clean human text: false alarms and speed.

    python bench/pivotmodel_clean.py [--full] [--out bench/results/pivotmodel_clean.json]

Runs ``pivotmodel`` alone over the WMT22 general and WMT21 news German→French human references (one line a
segment) and counts its flags at confidence ≥ 0.5 per 1,000 lines (the DEFAULT_ON criterion: ≤ 2). With
``--full``, also times the whole default check with and without the detector (words/s, warm) on the WMT22
reference, to give the model's share of the time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REFS = {
    "wmt22": ROOT.parent / "shared/data/wmt22-general-de-fr/de-fr/generaltest2022.de-fr.ref.A.fr",
    "wmt21": ROOT.parent / "shared/data/wmt21-news-de-fr/de-fr/newstest2021.de-fr.ref.A.fr",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pivotmodel_clean.json")
    args = ap.parse_args()
    from mtreview import detectors as registry
    from mtreview.detectors.pivotmodel import PivotModelDetector, get_model
    from mtreview.document import Document, count_words
    from mtreview.review import Reviewer

    get_model()
    det = PivotModelDetector(threshold=0.5)
    res: dict = {"threshold": args.threshold}
    total_lines = total_flags = 0
    for name, path in REFS.items():
        text = path.read_text(encoding="utf-8")
        lines = sum(1 for x in text.splitlines() if x.strip())
        t0 = time.perf_counter()
        flags = [f for f in det.detect(Document.from_text(text)) if f.confidence >= args.threshold]
        dt = time.perf_counter() - t0
        total_lines += lines
        total_flags += len(flags)
        res[name] = {"lines": lines, "words": count_words(text), "flags": len(flags),
                     "flags_per_1000_lines": round(1000 * len(flags) / lines, 2),
                     "detector_words_per_s": round(count_words(text) / dt),
                     "examples": [f"{f.text} ({f.confidence}) | {text[max(0, f.start - 40):f.end + 40]!r}"
                                  for f in flags[:40]]}
        print(name, {k: v for k, v in res[name].items() if k != "examples"}, flush=True)
    res["both"] = {"lines": total_lines, "flags": total_flags,
                   "flags_per_1000_lines": round(1000 * total_flags / total_lines, 2)}
    print("both", res["both"])
    if args.full:
        text = REFS["wmt22"].read_text(encoding="utf-8")
        words = count_words(text)
        base = [d for d in registry.DEFAULT_ON if d != "pivotmodel"]
        for label, names in (("default", base), ("default+pivotmodel", base + ["pivotmodel"])):
            rv = Reviewer(names)
            rv.review(text[:3000])  # warm
            t0 = time.perf_counter()
            rv.review(text)
            dt = time.perf_counter() - t0
            res[label] = {"seconds": round(dt, 2), "words_per_s": round(words / dt)}
            print(label, res[label], flush=True)
        res["model_share_of_time"] = round(1 - res["default"]["seconds"] / res["default+pivotmodel"]["seconds"], 3)
        print("model share", res["model_share_of_time"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
