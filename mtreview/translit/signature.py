"""The pivot signature: how likely a Latin-script word is a name romanised back from Cyrillic.

A name that went through Russian comes back in Latin letters spelled the Russian way: «Dzhon
Uolsh» for John Walsh, «Khendriks» for Hendrix, «Shimanskiy» for Szymański, with Russian case endings
(«Tuska»). The original spellings of the world's names — «Raabe», «Redmayne», «Karolína», «Dvořák» —
do not look like that. This module holds a small learned model that tells the two apart from the
word's letters alone, so that the names detector can leave an unknown but real name alone and
still catch a corrupted name that its base has never seen.

Model: logistic regression over hashed character n-grams (1–5, with word boundaries), trained with
torch (an ``EmbeddingBag`` of one weight per hash bucket) and shipped as one float16 array
(``models/pivot-signature/weights.npy``, 1 MB). Training data (CC0 Wikidata name pairs and wordfreq):

* positive: the Cyrillic form of a Wikidata name token romanised as MT prints it (several schemes,
  Russian case forms, ad-hoc noise: :func:`mtreview.translit.data.noisy_romanisation`) whenever it
  differs from the original Latin spelling;
* negative: the original Latin spellings, and the frequent words (names included) of 12 Latin-script
  languages in wordfreq.

Train (CPU, a few minutes): ``python -m mtreview.translit.signature --out models/pivot-signature``.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import time
import unicodedata
import zlib
from pathlib import Path

import numpy as np

#: hash buckets (2^18): collisions are rare for the ~1 M n-grams the data holds
BUCKETS = 1 << 18
NGRAMS = (1, 2, 3, 4, 5)
#: wordfreq languages whose frequent words are negatives (original spellings)
NEGATIVE_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "cs", "hu", "tr", "sv")
#: how many of each language's most frequent words are taken
WORDS_PER_LANGUAGE = 30_000


#: the shipped model's folder name on the search path of :mod:`mtreview.resources`
MODEL_NAME = "pivot-signature"


def default_model_dir() -> Path | None:
    """The shipped model's folder (:func:`mtreview.resources.find_model_dir`), ``None`` when absent."""
    from ..resources import find_model_dir

    return find_model_dir(MODEL_NAME)


def _norm(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip().lower())


def features(word: str) -> list[int]:
    """Hash buckets of the word's character n-grams, with ``^``/``$`` marking its ends."""
    w = f"^{_norm(word)}$"
    out = []
    for n in NGRAMS:
        for i in range(len(w) - n + 1):
            out.append(zlib.crc32(f"{n}{w[i:i + n]}".encode()) & (BUCKETS - 1))
    return out


class PivotSignature:
    """The trained model: :meth:`score` gives P(romanised from Cyrillic) for a word."""

    def __init__(self, weights: np.ndarray, bias: float) -> None:
        self.weights = weights.astype(np.float32)
        self.bias = float(bias)

    @classmethod
    def load(cls, model_dir: Path | None = None) -> PivotSignature | None:
        d = model_dir or default_model_dir()
        if d is None:
            return None
        wfile, cfile = d / "weights.npy", d / "config.json"
        if not wfile.exists() or not cfile.exists():
            return None
        cfg = json.loads(cfile.read_text(encoding="utf-8"))
        return cls(np.load(wfile), cfg["bias"])

    def score(self, word: str) -> float:
        z = self.bias + float(self.weights[features(word)].sum())
        return 1.0 / (1.0 + np.exp(-z))


@functools.lru_cache(maxsize=1)
def get_signature() -> PivotSignature | None:
    """The shipped model, loaded once (``None`` when ``models/pivot-signature`` is missing)."""
    return PivotSignature.load()


@functools.lru_cache(maxsize=200_000)
def pivot_score(word: str) -> float:
    """P(``word`` is a name romanised back from Cyrillic rather than an original spelling); 0.0 when
    the model is not installed."""
    sig = get_signature()
    return sig.score(word) if sig is not None else 0.0


# ---------------------------------------------------------------------------- training
def _negatives() -> list[str]:
    from wordfreq import top_n_list

    out: list[str] = []
    for lang in NEGATIVE_LANGUAGES:
        out.extend(w for w in top_n_list(lang, WORDS_PER_LANGUAGE) if w.isalpha() and len(w) >= 3)
    return out


def build_examples(split: str, rng: random.Random, per_pair: int = 2,
                   with_words: bool = True) -> list[tuple[str, int]]:
    """``(word, label)`` examples from one split of the Wikidata pairs (and wordfreq negatives)."""
    from mtreview.knowledge.transliteration import normalise_latin

    from .data import load_split, noisy_romanisation

    pairs = load_split(split)
    pos: set[str] = set()
    neg: set[str] = {p.latin for p in pairs}
    for p in pairs:
        orig = normalise_latin(p.latin)
        for _ in range(per_pair):
            r = noisy_romanisation(p.cyrillic, rng, p_case=0.35, p_noise=0.15)
            if normalise_latin(r) != orig and len(r) >= 3:
                pos.add(r)
    if with_words:
        neg.update(_negatives())
    pos -= neg  # a romanisation that is also an original spelling or a word is no signature
    ex = [(w, 1) for w in sorted(pos)] + [(w, 0) for w in sorted(neg)]
    rng.shuffle(ex)
    return ex


def train(out: Path, epochs: int = 4, seed: int = 13, batch: int = 512, lr: float = 0.05) -> dict:
    """Train on the train split, measure on dev and test, write ``weights.npy``, ``config.json``."""
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    t0 = time.time()
    train_ex = build_examples("train", rng)
    dev_ex = build_examples("dev", random.Random(seed + 1), per_pair=1, with_words=False)
    test_ex = build_examples("test", random.Random(seed + 2), per_pair=1, with_words=False)
    print(f"examples: train {len(train_ex)}, dev {len(dev_ex)}, test {len(test_ex)} "
          f"({time.time() - t0:.0f} s)", file=sys.stderr)
    emb = torch.nn.EmbeddingBag(BUCKETS, 1, mode="sum")
    torch.nn.init.zeros_(emb.weight)
    bias = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adagrad([emb.weight, bias], lr=lr)
    feats = [features(w) for w, _ in train_ex]
    labels = torch.tensor([y for _, y in train_ex], dtype=torch.float32)
    order = list(range(len(train_ex)))
    for ep in range(epochs):
        rng.shuffle(order)
        total = 0.0
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            flat, offsets = [], []
            for i in idx:
                offsets.append(len(flat))
                flat.extend(feats[i])
            z = emb(torch.tensor(flat), torch.tensor(offsets)).squeeze(1) + bias
            loss = torch.nn.functional.binary_cross_entropy_with_logits(z, labels[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss) * len(idx)
        print(f"epoch {ep + 1}: loss {total / len(order):.4f} ({time.time() - t0:.0f} s)", file=sys.stderr)
    weights = emb.weight.detach().squeeze(1).numpy().astype(np.float16)
    model = PivotSignature(weights, float(bias.detach()))
    report = {"train_examples": len(train_ex), "epochs": epochs, "seconds": round(time.time() - t0),
              "dev": evaluate(model, dev_ex), "test": evaluate(model, test_ex)}
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "weights.npy", weights)
    (out / "config.json").write_text(json.dumps({"bias": float(bias.detach()), "buckets": BUCKETS,
                                                 "ngrams": list(NGRAMS)}, indent=1), encoding="utf-8")
    (out / "training.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return report


def evaluate(model: PivotSignature, examples: list[tuple[str, int]]) -> dict:
    """Accuracy, precision and recall of the romanised class at 0.5 and 0.9."""
    out = {}
    for thr in (0.5, 0.9):
        tp = fp = fn = tn = 0
        for w, y in examples:
            p = model.score(w) >= thr
            tp += p and y == 1
            fp += p and y == 0
            fn += (not p) and y == 1
            tn += (not p) and y == 0
        out[str(thr)] = {"accuracy": round((tp + tn) / max(1, len(examples)), 4),
                         "precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=None,
                    help="model folder (default: the source checkout's models/pivot-signature)")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    from ..resources import source_models_dir

    report = train(args.out or source_models_dir() / MODEL_NAME, epochs=args.epochs, seed=args.seed)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
