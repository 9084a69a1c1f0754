"""The ``pivotmodel`` detector with and without its gate: clean false alarms and pivot dev-set gain, one run.

    python bench/pivotmodel_gate.py                    # every clean set + the dev articles
    python bench/pivotmodel_gate.py --limit 500        # first 500 lines of each clean set (a quick look)

The model runs once per text (:meth:`PivotModelDetector.judged` gives every span it marks with the gate's
verdict), so *ungated* (every span ≥ 0.5) and *gated* (what the detector yields) come from the same pass.

* Clean human French (the sets of ``bench/clean_flags.py``: wmt21, wmt22, xc, semeval, each one text, one
  line per sentence): model flags per 1,000 lines, and those that overlap no flag of the default detectors
  (every ``DEFAULT_ON`` detector but names, typography and name/* not counted, confidence ≥ 0.5: what the
  model *adds*).
* ``corpora/eval/pivot_dev/articles.jsonl`` (development set), scored by ``bench/pivot_heldout.py``'s
  :func:`score`: the default detectors alone, + the ungated model, + the gated model (flags merged as a
  review merges them, :func:`mtreview.flags.resolve_overlaps`).

Writes ``bench/results/pivotmodel_gate.json`` (``--out``), every kept clean flag listed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CLEAN_SETS = ["wmt21", "wmt22", "xc", "semeval"]


def _counted(flags: list, min_conf: float) -> list:
    return [f for f in flags if not f.category.startswith(("name/", "fluency/typography"))
            and f.confidence >= min_conf]


def _overlaps(f: Any, others: list) -> bool:
    return any(f.start < g.end and g.start < f.end for g in others)


def clean(sets: list[str], limit: int, det: Any, default_names: list[str], min_conf: float) -> list[dict]:
    from clean_flags import load_set

    from mtreview.document import Document
    from mtreview.review import Reviewer

    reviewer = Reviewer(default_names)
    out = []
    for name in sets:
        lines = load_set(name)[:limit or None]
        text = "\n".join(lines) + "\n"
        t0 = time.perf_counter()
        judged = [(f, why) for f, why in det.judged(Document.from_text(text)) if f.confidence >= min_conf]
        t_model = time.perf_counter() - t0
        defaults = _counted(reviewer.review(text).flags, min_conf)
        starts = [0]
        for ln in lines[:-1]:
            starts.append(starts[-1] + len(ln) + 1)
        per_k = 1000.0 / max(1, len(lines))
        ungated = [f for f, _ in judged]
        gated = [(f, why) for f, why in judged if why]
        added_u = [f for f in ungated if not _overlaps(f, defaults)]
        added_g = [(f, why) for f, why in gated if not _overlaps(f, defaults)]
        kept = []
        for f, why in gated:
            i = max(j for j, s in enumerate(starts) if s <= f.start)
            kept.append({"line": i + 1, "text": f.text, "confidence": f.confidence, "gate": why,
                         "suggestion": f.suggestions[:1], "adds": not _overlaps(f, defaults),
                         "context": lines[i]})
        r = {"set": name, "lines": len(lines), "model_seconds": round(t_model, 1),
             "ungated": len(ungated), "gated": len(gated), "ungated_added": len(added_u),
             "gated_added": len(added_g),
             "per_1000": {k: round(v * per_k, 2) for k, v in (
                 ("ungated", len(ungated)), ("gated", len(gated)), ("ungated_added", len(added_u)),
                 ("gated_added", len(added_g)))},
             "kept": kept}
        print(f"{name}: {len(lines)} lines, ungated {len(ungated)}, gated {len(gated)} "
              f"({len(added_g)} not raised by the defaults)", file=sys.stderr, flush=True)
        out.append(r)
    return out


class _Merged:
    """A reviewer stand-in for :func:`pivot_heldout.score`: the default review's flags plus the model's."""

    def __init__(self, reviewer: Any, det: Any, mode: str) -> None:
        self.reviewer, self.det, self.mode = reviewer, det, mode

    def review(self, text: str) -> Any:
        from mtreview.document import Document
        from mtreview.flags import resolve_overlaps

        res = self.reviewer.review(text)
        if self.mode != "default":
            extra = [f for f, why in self.det.judged(Document.from_text(text)) if self.mode == "ungated" or why]
            res.flags = resolve_overlaps(list(res.flags) + extra)
        return res


def dev(det: Any, default_names: list[str], min_conf: float) -> dict[str, Any]:
    from pivot_heldout import DEV, score

    from mtreview.review import Reviewer

    reviewer = Reviewer(default_names)
    docs = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    out = {}
    for mode in ("default", "ungated", "gated"):
        r = score(docs, _Merged(reviewer, det, mode), min_conf)
        out[mode] = {k: r[k] for k in ("errors", "recall", "precision", "flags", "traps", "traps_hit",
                                       "recall_by_kind", "false")}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sets", nargs="*", default=CLEAN_SETS, choices=CLEAN_SETS)
    ap.add_argument("--limit", type=int, default=0, help="first N lines of each clean set (0: all)")
    ap.add_argument("--min-confidence", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "pivotmodel_gate.json")
    args = ap.parse_args(argv)

    from mtreview import detectors as registry
    from mtreview.detectors.pivotmodel import PivotModelDetector

    default_names = [d for d in registry.DEFAULT_ON if d != "names"]
    det = PivotModelDetector()
    res_clean = clean(args.sets, args.limit, det, default_names, args.min_confidence)
    res_dev = dev(det, default_names, args.min_confidence)

    print(f"\nclean human French, model flags per 1,000 lines (conf >= {args.min_confidence}); "
          "'added': overlapping no default flag")
    print(f"{'set':10}{'lines':>7}{'ungated':>10}{'gated':>8}{'ratio':>8}{'ungated added':>15}"
          f"{'gated added':>13}{'ratio':>8}")
    for r in res_clean:
        pk = r["per_1000"]
        ratio = pk["gated"] / pk["ungated"] if pk["ungated"] else 0.0
        ratio_a = pk["gated_added"] / pk["ungated_added"] if pk["ungated_added"] else 0.0
        print(f"{r['set']:10}{r['lines']:>7}{pk['ungated']:>10.2f}{pk['gated']:>8.2f}{ratio:>8.3f}"
              f"{pk['ungated_added']:>15.2f}{pk['gated_added']:>13.2f}{ratio_a:>8.3f}")
    print("\npivot dev articles (default detectors, + model ungated, + model gated)")
    print(f"{'':10}{'recall':>8}{'precision':>11}{'flags':>7}{'traps hit':>11}")
    for mode, r in res_dev.items():
        print(f"{mode:10}{r['recall']:>8.3f}{r['precision']:>11.3f}{r['flags']:>7}"
              f"{str(r['traps_hit']) + '/' + str(r['traps']):>11}")
    base = res_dev["default"]
    for mode in ("ungated", "gated"):
        r = res_dev[mode]
        print(f"  model {mode}: recall {r['recall'] - base['recall']:+.3f}, "
              f"{r['flags'] - base['flags']:+d} flags, traps {r['traps_hit'] - base['traps_hit']:+d}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"min_confidence": args.min_confidence, "limit": args.limit,
                                    "default_detectors": default_names, "clean": res_clean, "dev": res_dev},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n{args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
