"""The mistranslation detector's preposition statistics (models/fr-ngrams) on clean and on damaged text.

    python3 bench/prep_stats.py [--sets wmt21 wmt22 semeval xc] [--seed 7] [-v]

* **Clean**: the human references of ``bench/clean_flags.py`` (one sentence per line): every flag of the
  mechanism at confidence ≥ 0.5 is a false alarm (or an error of the reference).
* **Synthetic errors**: in the same references (XC-Translate left out: evaluation only), every
  preposition that the parse attaches to the word just before it and that the corpus gives as that word's
  usual one (≥ 30 times and ≥ 40 % of its prepositions) is swapped for another, the way a pivot
  translation swaps them (à → sur, dans, en, de; de → sur, à, par, dans; …; contractions and elisions
  redone); recall = damaged sentences where the mechanism flags the swapped preposition (confidence ≥ 0.5).
  Some swaps are still French («située dans»), so the recall is a lower bound.

Results go to ``bench/results/prep_stats.json``. Nothing here was tuned on the held-out pivot articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ALT = {"à": ["sur", "dans", "en", "de"], "de": ["sur", "à", "par", "dans"], "sur": ["à", "dans", "de"],
       "contre": ["sur", "avec"], "avec": ["à", "sur"], "en": ["dans", "sur", "à"], "pour": ["de", "à", "sur"],
       "dans": ["à", "sur", "en"], "par": ["de", "avec"], "vers": ["à", "sur"], "chez": ["à", "dans"]}
CONTRACT = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}


def swaps(docs: list, model, rng: random.Random) -> list[tuple[str, int]]:
    """Damaged sentences and the offset of the swapped preposition."""
    out = []
    for d in docs:
        for case in d:
            low = case.text.lower()
            if low not in ALT or case.i == 0 or case.dep_ != "case":
                continue
            h = d[case.i - 1]
            if h.pos_ not in {"VERB", "ADJ", "NOUN"} or not h.is_alpha or not h.is_lower:
                continue
            obj = case.head
            if obj.head.i != h.i or obj.pos_ not in {"NOUN", "PRON"} or (h.pos_ == "NOUN" and low == "de"):
                continue
            ch = model.preposition_choice([h.text, h.lemma_], low)
            if max(ch.counts, key=ch.counts.get) != low or ch.written_count < max(30, 0.4 * ch.total):
                continue
            alt = rng.choice(ALT[low])
            nxt = d[case.i + 1] if case.i + 1 < len(d) else None
            a, b, rep = case.idx, case.idx + len(case.text), alt
            if nxt is not None and (alt, nxt.lower_) in CONTRACT:
                rep, b = CONTRACT[(alt, nxt.lower_)], nxt.idx + len(nxt.text)
            elif alt == "de" and nxt is not None and nxt.text[:1].lower() in "aeiouéèêh":
                rep, b = "d'", nxt.idx
            out.append((d.text[:a] + rep + d.text[b:], a))
    return out


def mechanism_flags(det, doc) -> list:
    return [f for f in det._prep_statistics(doc.text, 0, doc) if f.confidence >= 0.5]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sets", nargs="*", default=["wmt21", "wmt22", "semeval", "xc"])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "prep_stats.json")
    args = ap.parse_args(argv)
    from clean_flags import load_set

    from mtreview.detectors.mistranslation import MistranslationDetector
    from mtreview.knowledge.ngrams import get_ngrams
    from mtreview.nlp import get_nlp

    nlp, model, det = get_nlp(), get_ngrams(), MistranslationDetector()
    rng = random.Random(args.seed)
    res: dict = {"clean": {}, "synthetic": {}}
    damaged: list[tuple[str, int]] = []
    for name in args.sets:
        lines = load_set(name)
        docs = list(nlp.pipe(lines, batch_size=128))
        fl = [(i, f) for i, d in enumerate(docs) for f in mechanism_flags(det, d)]
        res["clean"][name] = {"lines": len(lines), "flags": len(fl),
                              "per_1000_lines": round(1000 * len(fl) / len(lines), 2),
                              "listed": [f"{name}:{i + 1} {f.text!r} -> {f.suggestions[:1]} ({f.confidence}) | "
                                         f"{lines[i][:140]}" for i, f in fl]}
        print(f"{name}: {len(lines)} lines, {len(fl)} flags", file=sys.stderr)
        if name != "xc":
            damaged += swaps(docs, model, rng)
    found = 0
    for (text, a), d in zip(damaged, nlp.pipe([t for t, _ in damaged], batch_size=128), strict=True):
        hit = any(f.start <= a < f.end for f in mechanism_flags(det, d))
        found += hit
        if args.verbose and not hit:
            print("missed:", text[:140], file=sys.stderr)
    res["synthetic"] = {"errors": len(damaged), "found": found,
                        "recall": round(found / len(damaged), 3) if damaged else None}
    print(json.dumps({"clean": {k: {x: v[x] for x in ("lines", "flags", "per_1000_lines")}
                                for k, v in res["clean"].items()}, "synthetic": res["synthetic"]}, indent=1))
    for v in res["clean"].values():
        for line in v["listed"]:
            print(" ", line)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
