"""Test-split figures of the transliteration model beside a rule-only baseline, in one run.

    python -m mtreview.translit.evaluate [--model models/translit-ru-latin] [--split test] [--limit N]

Inputs are deterministic (:func:`mtreview.translit.data.eval_examples`): each test pair's Cyrillic form,
romanised under one of the schemes BGN/PCGN, ISO 9, passport, ad hoc, GOST (the *clean* set), and a
*noisy* set with Russian case endings, all schemes and ad-hoc MT noise as in training. The task is to
recover the lower-cased Latin original exactly (diacritics included); top-1 and top-5 accuracy are
reported for the model alone (beam 5), for the model re-ranked by the name-frequency prior of
:mod:`.rerank` (when the model folder has ``rerank.json``), and for :func:`rule_candidates`, the best
hand-written inverse transliteration.
"""

from __future__ import annotations

import argparse
import heapq
import json
import os
import random
import time
import unicodedata
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# on a shared 2-core machine, spinning OpenMP workers make a step 5-10x slower; must precede `import torch`
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

# Hand-written inverse of the romanisation schemes (romanised-Russian unit → Latin spellings, most likely
# first; the k-th alternative costs k). Longest unit wins when segmenting.
RULES: dict[str, list[str]] = {
    "shch": ["shch", "sch", "sh"], "schtsch": ["sch"], "tsch": ["tsch", "ch"], "sch": ["sch", "sh"],
    "dzh": ["j", "dj", "g"], "dsch": ["j", "dj"], "zh": ["j", "zh", "g"], "kh": ["h", "kh", "ch"],
    "ch": ["ch", "tch", "c"], "sh": ["sh", "sch", "ch"], "ts": ["tz", "ts", "z", "c"], "tz": ["tz", "ts"],
    "ks": ["x", "ks", "cs"], "kv": ["qu", "kv"], "kk": ["ck", "kk", "k", "cc"], "ck": ["ck"],
    "yu": ["u", "yu", "iu", "ju"], "iu": ["iu", "u", "yu"], "ju": ["ju", "u", "yu"],
    "ya": ["ya", "ia", "ja", "a"], "ia": ["ia", "ya"], "ja": ["ja", "ya", "ia"],
    "ye": ["e", "ye", "ie"], "ie": ["ie", "ye", "e"], "yo": ["yo", "io", "o", "jo"], "jo": ["jo", "yo", "o"],
    "io": ["io", "yo"], "ay": ["ay", "ai", "i", "ey"], "ey": ["ey", "ei", "ay", "ai"], "oy": ["oy", "oi"],
    "uy": ["uy", "ui"], "iy": ["y", "i", "iy"], "ii": ["y", "ii", "i"], "ij": ["y", "i"], "yi": ["yi", "i"],
    "a": ["a", "e"], "b": ["b"], "c": ["c", "ch", "ts", "k"], "d": ["d"], "e": ["e", "a", "ea", "ai"],
    "f": ["f", "ph"], "g": ["g", "h", "gh"], "h": ["h", "ch"], "i": ["i", "y", "ee", "e"], "j": ["j", "y", "i"],
    "k": ["k", "c", "ck", "ch"], "l": ["l", "ll"], "m": ["m", "mm"], "n": ["n", "nn"], "o": ["o", "au", "oe"],
    "p": ["p", "pp"], "q": ["q"], "r": ["r", "rr"], "s": ["s", "ss", "c", "z"], "t": ["t", "th", "tt"],
    "u": ["u", "oo", "ou", "w", "ue"], "v": ["v", "w"], "w": ["w", "v"], "x": ["x"], "y": ["y", "i"],
    "z": ["z", "s"],
}
_MAX_UNIT = max(map(len, RULES))


def _segment(text: str) -> list[list[str]]:
    """Split a romanised token into units (longest match first), each with its Latin alternatives."""
    out: list[list[str]] = []
    i = 0
    while i < len(text):
        for k in range(min(_MAX_UNIT, len(text) - i), 0, -1):
            unit = text[i : i + k]
            if unit in RULES:
                alts = RULES[unit]
                # word-final -iy/-ii/-ij (Russian -ий) and -y: prefer "y"
                out.append(alts)
                i += k
                break
        else:
            out.append([text[i]])
            i += 1
    return out


def rule_candidates(token: str, n: int = 5, beam: int = 64) -> list[tuple[str, float]]:
    """n-best Latin spellings of a romanised token by the hand-written rules (cost = sum of ranks)."""
    text = unicodedata.normalize("NFC", token.strip().lower())
    if not text:
        return []
    hyps: list[tuple[float, str]] = [(0.0, "")]
    for alts in _segment(text):
        nxt = [(c + k, s + a) for c, s in hyps for k, a in enumerate(alts)]
        hyps = heapq.nsmallest(beam, nxt)
    out: list[tuple[str, float]] = []
    seen: set[str] = set()
    for cost, s in sorted(hyps):
        if s not in seen:
            seen.add(s)
            out.append((s, -cost))
        if len(out) == n:
            break
    return out


def topk(cands: list[list[tuple[str, float]]], gold: list[str], k: int) -> float:
    return sum(g in [c for c, _ in cs[:k]] for cs, g in zip(cands, gold, strict=True)) / max(1, len(gold))


def evaluate(model_dir: Path | None = None, split: str = "test", limit: int | None = None,
             batch_size: int = 64, inputs: tuple[str, ...] = ("clean", "noisy")) -> dict:
    """Top-1/top-5 exact match for the model and the rule baseline on the clean and noisy sets."""
    from mtreview import resources
    from mtreview.translit import MODEL_NAME
    from mtreview.translit.data import eval_examples, load_split
    from mtreview.translit.infer import Transliterator

    pairs = load_split(split)
    total = len(pairs)
    if limit and limit < total:
        pairs = random.Random(20).sample(pairs, limit)  # a fixed, seeded sample of the split
    tr = Transliterator(model_dir or resources.model_dir(MODEL_NAME), batch_size=batch_size)
    if not tr.available:
        raise SystemExit(f"no weights in {tr.model_dir}")
    rr = tr.reranker
    report: dict = {"split": split, "pairs_in_split": total, "pairs": len(pairs), "model_dir": str(tr.model_dir),
                    "rerank": None if rr is None else {"zipf_weight": rr.zipf_weight,
                                                       "known_bonus": rr.known_bonus, "beams": rr.beams,
                                                       "expand": rr.expand}}
    for name, noisy in (("clean", False), ("noisy", True)):
        if name not in inputs:
            continue
        ex = eval_examples(pairs, seed=20, noisy=noisy)
        src, gold = [s for s, _ in ex], [t for _, t in ex]
        t0 = time.time()
        model_c = tr.model_candidates(src, n=5)
        dt = time.time() - t0
        rule_c = [rule_candidates(s, n=5) for s in src]
        report[name] = {
            "examples": len(ex),
            "model_top1": round(topk(model_c, gold, 1), 4),
            "model_top5": round(topk(model_c, gold, 5), 4),
            "rules_top1": round(topk(rule_c, gold, 1), 4),
            "rules_top5": round(topk(rule_c, gold, 5), 4),
            "model_ms_per_name": round(1000 * dt / max(1, len(ex)), 2),
        }
        if rr is not None:
            t0 = time.time()
            rr_c = tr.candidates(src, n=5)
            dt = time.time() - t0
            report[name].update({
                "reranked_top1": round(topk(rr_c, gold, 1), 4),
                "reranked_top5": round(topk(rr_c, gold, 5), 4),
                "reranked_ms_per_name": round(1000 * dt / max(1, len(ex)), 2),
            })
        print(name, json.dumps(report[name]), flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mtreview.translit.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None, help="a seeded random sample of N pairs")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    ap.add_argument("--inputs", default="clean,noisy", help="which input sets: clean, noisy or both (default)")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    inputs = tuple(x.strip() for x in args.inputs.split(",") if x.strip())
    if not inputs or set(inputs) - {"clean", "noisy"}:
        ap.error("--inputs takes clean, noisy or clean,noisy")
    report = evaluate(args.model, args.split, args.limit, inputs=inputs)
    if args.json:
        from mtreview.textio import write_text_atomic

        write_text_atomic(args.json, json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
