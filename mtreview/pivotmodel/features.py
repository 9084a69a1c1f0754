"""The pivot-error tagger's tokenizer and token features, without torch.

Shared by the torch model (:mod:`.model`, which re-exports every name here) and the numpy inference path
(:mod:`.numpy_infer`): the regex tokenizer, the word / hashed character n-gram / shape × frequency ×
repetition ids of each token, the cutting of long segments into pieces the model takes, and the turning of
token probabilities into flagged spans. Importing this module imports neither torch nor numpy.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Sequence
from typing import Any

LABELS = ("O", "B-ERR", "I-ERR")
TOKEN_RE = re.compile(r"[^\W\d_]+['’]|\w+(?:-\w+)*|[^\w\s]", re.UNICODE)
MAX_LEN = 96
MAX_NGRAMS = 16
PAD, UNK = 0, 1
AUX_IDS = 160

#: one token's features: word ids, n-gram ids (one tuple a token), aux ids
Row = tuple[list[int], list[tuple[int, ...]], list[int]]


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token character spans of ``text`` (words, elided articles «l'», punctuation)."""
    return [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def shape(tok: str) -> int:
    if tok.isdigit():
        return 4
    if not tok[0].isalnum():
        return 5
    if tok.islower():
        return 1
    if tok.isupper() and len(tok) > 1:
        return 3
    if tok[0].isupper():
        return 2
    return 6


@functools.lru_cache(maxsize=200_000)
def zipf_bucket(word: str) -> int:
    """French word frequency (wordfreq Zipf scale, rounded, 0–8): modern vocabulary the corpus lacks."""
    from wordfreq import zipf_frequency

    return min(8, int(round(zipf_frequency(word, "fr"))))


def aux_id(tok: str, repeated: bool) -> int:
    """One id for the token's shape (1–6), French frequency bucket (0–8) and whether it repeats one of the
    three words before it (a duplicated complement): 1 … 179."""
    return shape(tok) + 8 * (zipf_bucket(tok.lower()) if tok[0].isalpha() else 9) + 80 * int(repeated)


@functools.lru_cache(maxsize=200_000)
def ngram_ids(word: str, buckets: int) -> tuple[int, ...]:
    """Hashed character n-grams (3–5) of ``<word>``, ids in 1 … buckets-1."""
    w = f"<{word.lower()}>"
    out: list[int] = []
    for n in (3, 4, 5):
        for i in range(len(w) - n + 1):
            out.append(1 + zlib.crc32(w[i:i + n].encode("utf-8")) % (buckets - 1))
    if len(out) > MAX_NGRAMS:  # keep the ends and a spread of the middle
        step = len(out) / MAX_NGRAMS
        out = [out[int(i * step)] for i in range(MAX_NGRAMS)]
    return tuple(out)


class Featurizer:
    """Turns a text's token spans into token features (word ids, n-gram ids, shapes); the torch model's
    :class:`.model.Featurizer` adds ``pad`` (→ tensors), :mod:`.numpy_infer` pads into numpy arrays."""

    def __init__(self, vocab: Sequence[str], buckets: int) -> None:
        self.vocab = list(vocab)
        self.index = {w: i for i, w in enumerate(self.vocab)}
        self.buckets = buckets

    def token_features(self, text: str, spans: list[tuple[int, int]]) -> Row:
        words: list[int] = []
        ngrams: list[tuple[int, ...]] = []
        shapes: list[int] = []
        lows: list[str] = []
        for a, b in spans:
            t = text[a:b]
            low = t.lower()
            words.append(self.index.get(low, UNK))
            ngrams.append(ngram_ids(t, self.buckets) if t[0].isalnum() else ())
            rep = len(low) >= 3 and t[0].isalpha() and low in lows[-3:]
            shapes.append(aux_id(t, rep))
            lows.append(low)
        return words, ngrams, shapes


def chunks(spans: list[tuple[int, int]], size: int = MAX_LEN) -> list[list[tuple[int, int]]]:
    """Token spans cut into pieces the model takes (overlap-free)."""
    return [spans[i:i + size] for i in range(0, len(spans), size)] or [[]]


def batch_items(texts: Sequence[str]) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """The model's inputs for ``texts``: (text index, text, token spans of one piece), empty pieces left out."""
    items: list[tuple[int, str, list[tuple[int, int]]]] = []
    for ti, text in enumerate(texts):
        for ch in chunks(tokenize(text)):
            if ch:
                items.append((ti, text, ch))
    return items


def read_config(path: Any) -> tuple[dict[str, Any], list[str]]:
    """A saved tagger's ``config.json`` and the words of its ``vocab.txt`` (the first ``vocab_size``)."""
    import json
    from pathlib import Path

    path = Path(path)
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    vocab = (path / "vocab.txt").read_text(encoding="utf-8").split("\n")[:config["vocab_size"]]
    return config, vocab


def predict_batches(feat: Featurizer, texts: Sequence[str], forward: Any, batch: int = 64
                    ) -> list[list[tuple[int, int, float, float]]]:
    """For each text, its tokens as (start, end, P(error), P(B-ERR)): the pieces of :func:`batch_items` in
    length-sorted batches, ``forward(rows)`` giving each batch's label probabilities (batch × tokens × 3,
    anything with ``[r, :n].tolist()``) — the torch and the numpy taggers differ only there."""
    items = batch_items(texts)
    out: list[list[tuple[int, int, float, float]]] = [[] for _ in texts]
    order = sorted(range(len(items)), key=lambda i: len(items[i][2]))
    for lo in range(0, len(order), batch):
        idx = order[lo:lo + batch]
        probs = forward([feat.token_features(items[i][1], items[i][2]) for i in idx])
        for r, i in enumerate(idx):
            ti, _, ch = items[i]
            p = probs[r, :len(ch)].tolist()
            out[ti].extend((a, b, 1.0 - pr[0], pr[1]) for (a, b), pr in zip(ch, p, strict=True))
    for o in out:
        o.sort()
    return out


def spans_from_tokens(toks: list[tuple[int, int, float, float]], threshold: float = 0.5
                      ) -> list[tuple[int, int, float]]:
    """Maximal runs of tokens with P(error) ≥ threshold (a B-ERR-dominant token starts a new run):
    (start, end, max probability)."""
    out: list[tuple[int, int, float]] = []
    cur: list[Any] | None = None
    for a, b, p, pb in toks:
        if p >= threshold:
            if cur is not None and pb < p - pb:
                cur[1] = b
                cur[2] = max(cur[2], p)
            else:
                if cur is not None:
                    out.append((cur[0], cur[1], cur[2]))
                cur = [a, b, p]
        elif cur is not None:
            out.append((cur[0], cur[1], cur[2]))
            cur = None
    if cur is not None:
        out.append((cur[0], cur[1], cur[2]))
    return out
