"""Train the transliteration model from scratch on CPU.

    python -m mtreview.translit.train --out models/translit-ru-latin [--minutes 45] [--max-steps N] [--tiny]

Plain torch loop: AdamW, linear warm-up then linear decay over the time (or step) budget, batches of a
few hundred names bucketed by length, fresh noise (:mod:`.data`) every epoch. Every ``--eval-every``
steps the greedy exact-match accuracy on a fixed dev sample is measured and the best checkpoint is
written to ``--out`` (``model.safetensors``, ``config.json``, ``vocab.json``, ``training.json``), so
an interrupted run still leaves usable weights. At the end the name-frequency re-ranking of
:mod:`.rerank` is fit on the dev split (``rerank.json``; about two minutes). ``--tiny`` trains a toy
model on a few hundred pairs (for tests).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# on a shared 2-core machine, spinning OpenMP workers make a step 5-10x slower; must precede `import torch`
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402

from mtreview.translit.data import Pair, eval_examples, load_split, training_examples  # noqa: E402
from mtreview.translit.model import (  # noqa: E402
    DEFAULT_DIMS,
    PAD,
    TINY_DIMS,
    CharVocab,
    build_model,
    generation_config,
)


def make_batches(
    examples: list[tuple[str, str]], vocab: CharVocab, batch_size: int, rng: random.Random
) -> list[tuple[torch.Tensor, torch.Tensor, torch.Tensor]]:
    """Shuffle, bucket by source length within chunks, and pad into ``(input_ids, mask, labels)``."""
    ex = examples[:]
    rng.shuffle(ex)
    chunk = batch_size * 50
    batches = []
    for start in range(0, len(ex), chunk):
        part = sorted(ex[start : start + chunk], key=lambda e: len(e[0]))
        for b in range(0, len(part), batch_size):
            batches.append(encode_batch(part[b : b + batch_size], vocab))
    rng.shuffle(batches)
    return batches


def encode_batch(
    examples: list[tuple[str, str]], vocab: CharVocab
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    src = [vocab.encode(s) for s, _ in examples]
    tgt = [vocab.encode(t) for _, t in examples]
    ls, lt = max(map(len, src)), max(map(len, tgt))
    x = torch.full((len(src), ls), PAD, dtype=torch.long)
    y = torch.full((len(tgt), lt), -100, dtype=torch.long)
    for i, (s, t) in enumerate(zip(src, tgt, strict=True)):
        x[i, : len(s)] = torch.tensor(s)
        y[i, : len(t)] = torch.tensor(t)
    return x, (x != PAD).long(), y


@torch.inference_mode()
def greedy_accuracy(model, vocab: CharVocab, examples: list[tuple[str, str]], batch_size: int = 500) -> float:
    """Exact-match accuracy of greedy decoding on ``(source, target)`` examples."""
    model.eval()
    gen = generation_config()
    hits = 0
    for b in range(0, len(examples), batch_size):
        part = examples[b : b + batch_size]
        x, mask, _ = encode_batch(part, vocab)
        out = model.generate(input_ids=x, attention_mask=mask, generation_config=gen)
        for row, (_, tgt) in zip(out, part, strict=True):
            hits += vocab.decode(row[1:]) == tgt
    model.train()
    return hits / max(1, len(examples))


def save_checkpoint(model, vocab: CharVocab, out: Path, meta: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    vocab.save(out)
    (out / "training.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")


def train(
    out: Path,
    minutes: float = 45.0,
    max_steps: int | None = None,
    tiny: bool = False,
    batch_size: int = 256,
    lr: float = 1e-3,
    warmup: int = 300,
    eval_every: int = 400,
    dev_size: int = 1000,
    seed: int = 13,
    threads: int = 2,
    init_from: Path | None = None,
    dropout: float | None = None,
    log=print,
) -> dict:
    """Train and save the best model by dev accuracy in ``out``; returns the training summary."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    t0 = time.time()
    if tiny:
        train_pairs, dev_pairs = load_split("train", limit=300), load_split("dev", limit=40)
        dims, batch_size, eval_every, warmup = TINY_DIMS, min(batch_size, 32), min(eval_every, 5), 2
        max_steps = max_steps or 10
    else:
        train_pairs, dev_pairs = load_split("train"), load_split("dev")
        dims = DEFAULT_DIMS
    if dropout is not None:
        dims = {**dims, "dropout": dropout}
    if init_from:
        vocab = CharVocab.load(init_from)
    else:
        vocab = CharVocab.build([p.latin for p in train_pairs] + [p.cyrillic for p in train_pairs], 1 if tiny else 20)
        # romanised sources only use a-z plus what romanise() prints; make sure they are covered
        probe = training_examples(train_pairs[:5000], random.Random(0))
        vocab = CharVocab(vocab.itos[4:] + sorted({c for s, _ in probe for c in s} - set(vocab.itos)))
    train_pairs = [p for p in train_pairs if vocab.covers(p.latin)]
    dev_pairs = [p for p in dev_pairs if vocab.covers(p.latin)]
    dev_sample: list[Pair] = random.Random(1).sample(dev_pairs, min(dev_size, len(dev_pairs)))
    half = len(dev_sample) // 2
    dev_ex = eval_examples(dev_sample[:half], seed=16) + eval_examples(dev_sample[half:], seed=17, noisy=True)

    if init_from:
        from transformers import BartForConditionalGeneration

        model = BartForConditionalGeneration.from_pretrained(init_from, local_files_only=True)
        log(f"continuing from {init_from}")
    else:
        model = build_model(len(vocab), dims)
    n_params = sum(p.numel() for p in model.parameters())
    log(f"pairs train={len(train_pairs)} dev={len(dev_pairs)} vocab={len(vocab)} params={n_params} dims={dims}")
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01, betas=(0.9, 0.98))
    budget_s = minutes * 60.0
    step, epoch, best, best_step = 0, 0, -1.0, 0
    ema_loss = math.nan
    model.train()
    meta: dict = {}

    def evaluate_and_save() -> None:
        nonlocal best, best_step, meta
        acc = greedy_accuracy(model, vocab, dev_ex)
        elapsed = time.time() - t0
        log(f"step {step} epoch {epoch} loss {ema_loss:.4f} dev_greedy_acc {acc:.4f} elapsed {elapsed / 60:.1f} min")
        if acc > best:
            best, best_step = acc, step
            meta = {
                "command": "python -m mtreview.translit.train " + " ".join(sys.argv[1:])
                if sys.argv and sys.argv[0].endswith("train.py") else "train()",
                "dims": dims, "params": n_params, "vocab_size": len(vocab), "batch_size": batch_size, "lr": lr,
                "train_pairs": len(train_pairs), "dev_pairs": len(dev_pairs), "best_step": best_step,
                "dev_greedy_acc": round(best, 4), "dev_examples": len(dev_ex), "elapsed_s": round(elapsed, 1),
                "threads": threads, "seed": seed, "tiny": tiny, "init_from": str(init_from) if init_from else None,
            }
            save_checkpoint(model, vocab, out, meta)

    done = False
    while not done:
        epoch += 1
        batches = make_batches(training_examples(train_pairs, rng), vocab, batch_size, rng)
        for x, mask, y in batches:
            elapsed = time.time() - t0
            frac = elapsed / budget_s
            if max_steps:
                frac = max(frac, step / max_steps)
            if frac >= 1.0:
                done = True
                break
            cur_lr = lr * min(1.0, (step + 1) / warmup) * max(0.02, 1.0 - frac)
            for g in opt.param_groups:
                g["lr"] = cur_lr
            loss = model(input_ids=x, attention_mask=mask, labels=y).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            ema_loss = loss.item() if math.isnan(ema_loss) else 0.98 * ema_loss + 0.02 * loss.item()
            if step % 50 == 0:
                log(f"step {step} epoch {epoch} loss {ema_loss:.4f} lr {cur_lr:.2e} elapsed {elapsed / 60:.1f} min")
            if step % eval_every == 0:
                evaluate_and_save()
    evaluate_and_save()
    total = time.time() - t0
    meta["total_train_s"] = round(total, 1)
    meta["steps"] = step
    meta["epochs"] = epoch
    (out / "training.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
    log(f"done: {step} steps in {total / 60:.1f} min; best dev greedy acc {best:.4f} at step {best_step}")
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mtreview.translit.train", description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="output folder (e.g. models/translit-ru-latin)")
    ap.add_argument("--minutes", type=float, default=45.0, help="wall-time budget of the training loop")
    ap.add_argument("--max-steps", type=int, default=None, help="stop after N optimiser steps")
    ap.add_argument("--tiny", action="store_true", help="toy model on a few hundred pairs (tests)")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--eval-every", type=int, default=400)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dropout", type=float, default=None,
                    help=f"dropout of the model (default {DEFAULT_DIMS['dropout']}, the shipped model; 0 makes a "
                         "CPU step about a quarter faster, without a dev gain in 54 minutes)")
    ap.add_argument("--init-from", type=Path, default=None, help="continue training the model in this folder")
    ap.add_argument("--rerank-limit", type=int, default=None,
                    help="dev pairs on which to fit the re-ranking prior afterwards (default 800; 0: no fit, "
                         "and none with --tiny unless given)")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, flush=True)

    train(args.out, minutes=args.minutes, max_steps=args.max_steps, tiny=args.tiny, batch_size=args.batch_size,
          lr=args.lr, eval_every=args.eval_every, seed=args.seed, threads=args.threads,
          init_from=args.init_from, dropout=args.dropout, log=log)
    from mtreview.translit.rerank import RERANK_FILE, fit

    (args.out / RERANK_FILE).unlink(missing_ok=True)  # fit for these weights, or none at all
    limit = args.rerank_limit if args.rerank_limit is not None else (0 if args.tiny else 800)
    if limit > 0:
        fit(args.out, limit=limit, say=log)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
