"""Train the pivot-error tagger on synthetic data, on CPU, within a time budget.

    python -m mtreview.pivotmodel.train --out models/pivot-errors --minutes 20

Reads the fr-mono corpus, builds the vocabulary, generates the synthetic examples (:mod:`.data`), trains
(one thread: the machine is shared), then measures on the held-out synthetic split (span precision and
recall, per mechanism) and the clean-text false alarms on the WMT21/WMT22 German→French human references,
and writes the model and ``metrics.json`` to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import torch

from ..resources import source_models_dir
from . import data as D
from .model import MAX_LEN, Featurizer, PivotTagger, predict, save, spans_from_tokens, tokenize

WMT_REFS = {
    "wmt22": D.SHARED_DATA / "wmt22-general-de-fr/de-fr/generaltest2022.de-fr.ref.A.fr",
    "wmt21": D.SHARED_DATA / "wmt21-news-de-fr",
}


def wmt_ref_files() -> dict[str, Path]:
    out = {}
    if WMT_REFS["wmt22"].exists():
        out["wmt22"] = WMT_REFS["wmt22"]
    d = WMT_REFS["wmt21"]
    if d.exists():
        cands = sorted(p for p in d.rglob("*") if p.is_file() and "ref" in p.name and p.name.endswith(".fr"))
        if cands:
            out["wmt21"] = cands[0]
    return out


def token_labels(ex: D.Example, spans: list[tuple[int, int]]) -> list[int]:
    labels = [0] * len(spans)
    for a, b in ex.spans:
        first = True
        for i, (s, e) in enumerate(spans):
            if s < b and e > a:
                labels[i] = 1 if first else 2
                first = False
    return labels


def encode(feat: Featurizer, exs: list[D.Example]) -> list[tuple[Any, ...]]:
    out = []
    for ex in exs:
        spans = tokenize(ex.text)[:MAX_LEN]
        if not spans:
            continue
        w, g, s = feat.token_features(ex.text, spans)
        out.append((w, g, s, token_labels(ex, spans)))
    return out


def evaluate_spans(model: PivotTagger, feat: Featurizer, exs: list[D.Example], threshold: float = 0.5
                   ) -> dict[str, Any]:
    """Span precision/recall (a predicted span counts when it overlaps a gold span), per mechanism recall,
    and the share of clean sentences with a flag."""
    toks = predict(model, feat, [e.text for e in exs])
    tp_pred = n_pred = tp_gold = n_gold = 0
    exact = 0
    by_mech: dict[str, list[int]] = {}
    clean_flagged = n_clean = 0
    for ex, tk in zip(exs, toks, strict=True):
        pred = spans_from_tokens(tk, threshold)
        n_pred += len(pred)
        tp_pred += sum(any(a < gb and b > ga for ga, gb in ex.spans) for a, b, _ in pred)
        if not ex.spans:
            n_clean += 1
            clean_flagged += bool(pred)
        for ga, gb in ex.spans:
            n_gold += 1
            hit = any(a < gb and b > ga for a, b, _ in pred)
            tp_gold += hit
            exact += any(a == ga and b == gb for a, b, _ in pred)
            by_mech.setdefault(ex.mechanism, [0, 0])
            by_mech[ex.mechanism][0] += hit
            by_mech[ex.mechanism][1] += 1
    return {
        "threshold": threshold, "sentences": len(exs), "gold_spans": n_gold, "predicted_spans": n_pred,
        "precision": round(tp_pred / max(1, n_pred), 4), "recall": round(tp_gold / max(1, n_gold), 4),
        "exact_span_recall": round(exact / max(1, n_gold), 4),
        "recall_by_mechanism": {m: {"recall": round(h / max(1, n), 4), "n": n} for m, (h, n) in sorted(by_mech.items())},
        "clean_sentences": n_clean, "clean_sentences_flagged": round(clean_flagged / max(1, n_clean), 4),
    }


def _shown(path: Path) -> str:
    """``path`` as the metrics file records it: relative to the folder above ``shared/data`` when inside."""
    try:
        return str(path.relative_to(D.SHARED_DATA.parent.parent))
    except ValueError:
        return str(path)


def false_alarms(model: PivotTagger, feat: Featurizer, threshold: float = 0.5) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, path in wmt_ref_files().items():
        lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        t0 = time.time()
        toks = predict(model, feat, lines)
        dt = time.time() - t0
        n = sum(len(spans_from_tokens(t, threshold)) for t in toks)
        words = sum(len(x.split()) for x in lines)
        out[name] = {"file": _shown(path), "lines": len(lines), "flags": n,
                     "flags_per_1000_lines": round(1000 * n / max(1, len(lines)), 2),
                     "model_words_per_s": round(words / max(dt, 1e-6))}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=source_models_dir() / "pivot-errors",
                    help="model folder (default: the source checkout's models/pivot-errors)")
    ap.add_argument("--minutes", type=float, default=20.0)
    ap.add_argument("--books", type=int, default=500_000)
    ap.add_argument("--vocab", type=int, default=20_000)
    ap.add_argument("--buckets", type=int, default=32768)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=96)
    ap.add_argument("--p-corrupt", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    t_start = time.time()
    budget = args.minutes * 60

    lines = D.load_corpus(books=args.books, seed=args.seed)
    test_lines = [x for x in lines if D.is_test(x)]
    train_lines = [x for x in lines if not D.is_test(x)]
    counts: Counter[str] = Counter()
    for x in train_lines:
        for a, b in tokenize(x):
            counts[x[a:b].lower()] += 1
    vocab = ["<pad>", "<unk>"] + [w for w, n in counts.most_common(args.vocab - 2) if n >= 3]
    french = {w for w, n in counts.items() if n >= 5}
    feat = Featurizer(vocab, args.buckets)
    test = D.make_examples(test_lines[:5000], random.Random(7), french, args.p_corrupt)
    print(f"corpus {len(lines)} lines, vocab {len(vocab)}, {time.time() - t_start:.0f}s", flush=True)

    model = PivotTagger(len(vocab), args.buckets, args.dim, args.layers, 4, args.dim * 2, 0.1, sparse=True)
    sparse_params = [model.word.weight, model.ngram.weight]
    dense_params = [p for n, p in model.named_parameters() if n not in {"word.weight", "ngram.weight"}]
    opt_d = torch.optim.AdamW(dense_params, lr=1e-3, weight_decay=0.01)
    opt_s = torch.optim.SparseAdam(sparse_params, lr=1e-3)
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-100)

    caps = D.Caps()
    for x in train_lines[:200_000]:  # natural counts before the first corruption
        caps.see(x)
    step = seen = 0
    chunk = 20_000
    pos = 0
    train_t0 = time.time()
    train_budget = budget - (train_t0 - t_start) - 60  # keep a minute for the evaluation
    done = False
    while not done:
        if pos >= len(train_lines):
            pos = 0
            rng.shuffle(train_lines)
        exs = D.make_examples(train_lines[pos:pos + chunk], rng, french, args.p_corrupt, caps)
        pos += chunk
        enc = encode(feat, exs)
        enc.sort(key=lambda r: len(r[0]))
        batches = [enc[i:i + args.batch] for i in range(0, len(enc), args.batch)]
        rng.shuffle(batches)
        model.train()
        for b in batches:
            frac = (time.time() - train_t0) / train_budget
            if frac >= 1.0:
                done = True
                break
            lr = 1e-3 * min(1.0, step / 300) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * frac)))
            for o in (opt_d, opt_s):
                for g in o.param_groups:
                    g["lr"] = lr
            w, g, s = feat.pad([(r[0], r[1], r[2]) for r in b])
            y = torch.full(w.shape, -100, dtype=torch.long)
            for i, r in enumerate(b):
                y[i, :len(r[3])] = torch.tensor(r[3])
            logits = model(w, g, s)
            loss = lossf(logits.reshape(-1, logits.shape[-1]), y.reshape(-1))
            opt_d.zero_grad()
            opt_s.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(dense_params, 1.0)
            opt_d.step()
            opt_s.step()
            step += 1
            seen += len(b)
            if step % 500 == 0:
                print(f"step {step} seen {seen} loss {loss.item():.4f} lr {lr:.2e} "
                      f"{time.time() - t_start:.0f}s", flush=True)
    train_s = time.time() - train_t0
    model.eval()
    config = {"vocab_size": len(vocab), "buckets": args.buckets, "dim": args.dim, "layers": args.layers, "heads": 4,
              "ff": args.dim * 2, "labels": ["O", "B-ERR", "I-ERR"], "max_len": MAX_LEN}
    save(model, feat, config, args.out)
    metrics = {"command": f"python -m mtreview.pivotmodel.train --out {args.out} --minutes {args.minutes:g}",
               "train_seconds": round(train_s), "steps": step, "sentences_seen": seen,
               "corpus_lines": len(lines), "train_lines": len(train_lines), "test_lines": len(test_lines),
               "args": {k: str(v) for k, v in vars(args).items()}}
    metrics["synthetic_test"] = evaluate_spans(model, feat, test)
    metrics["synthetic_test_p0.7"] = evaluate_spans(model, feat, test, 0.7)
    metrics["clean_false_alarms"] = false_alarms(model, feat)
    metrics["total_seconds"] = round(time.time() - t_start)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
