"""The pivot-error tagger's inference in numpy: the shipped model without torch.

The same computation as :class:`.model.PivotTagger` in eval mode (no dropout), on the float16 weights of
``model.safetensors`` upcast to float32, as :func:`.model.load` does:

* each token: word embedding + the **mean** of its hashed character n-gram embeddings (the sum over the
  batch's padded n-gram slots, pad id 0 included, divided by the number of non-zero ids, at least 1) +
  the shape × frequency × repetition embedding + the position embedding; then layer norm (``norm``);
* two pre-norm encoder layers (``nn.TransformerEncoderLayer(norm_first=True)``, activation ReLU, the
  default): ``x + SelfAttention(LN1(x))`` then ``x + Linear2(ReLU(Linear1(LN2(x))))``; 4 heads, scores
  scaled by 1/√(d/heads), keys whose word id is the pad id masked; no final encoder norm (none is saved);
* a linear layer to the 3 label logits and a softmax. Layer norms: biased variance, eps 1e-5.

:func:`load` and :func:`predict` take and give what :func:`.model.load` and :func:`.model.predict` do
(``(model, featurizer, config)``; for each text its tokens as ``(start, end, P(error), P(B-ERR))``), so the
detector can use either. Importing this module imports numpy and safetensors' numpy loader, never torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .features import (  # noqa: F401  (re-exported: the detector's names, torch-free)
    MAX_LEN,
    PAD,
    Featurizer,
    Row,
    batch_items,
    predict_batches,
    read_config,
    spans_from_tokens,
    tokenize,
)

LN_EPS = 1e-5


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    xc = x - mu
    var = np.mean(xc * xc, -1, keepdims=True)
    return xc / np.sqrt(var + LN_EPS) * w + b


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


class NumpyPivotTagger:
    """:class:`.model.PivotTagger` (eval mode) on float32 numpy weights: :meth:`forward` gives the logits."""

    def __init__(self, weights: dict[str, np.ndarray], config: dict[str, Any]) -> None:
        w = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.items()}
        self.dim = int(config["dim"])
        self.heads = int(config["heads"])
        self.n_layers = int(config["layers"])
        self.word, self.ngram, self.shape, self.pos = w["word.weight"], w["ngram.weight"], w["shape.weight"], \
            w["pos.weight"]
        self.ngram_pad = self.ngram[0]
        self.ngram_pad_zero = not self.ngram_pad.any()  # true of a trained model (padding_idx=0)
        self.norm = (w["norm.weight"], w["norm.bias"])
        self.layers = []
        for i in range(self.n_layers):
            p = f"encoder.layers.{i}."
            self.layers.append({
                "in_w": np.ascontiguousarray(w[p + "self_attn.in_proj_weight"].T), "in_b": w[p + "self_attn.in_proj_bias"],
                "out_w": np.ascontiguousarray(w[p + "self_attn.out_proj.weight"].T),
                "out_b": w[p + "self_attn.out_proj.bias"],
                "n1": (w[p + "norm1.weight"], w[p + "norm1.bias"]), "n2": (w[p + "norm2.weight"], w[p + "norm2.bias"]),
                "l1_w": np.ascontiguousarray(w[p + "linear1.weight"].T), "l1_b": w[p + "linear1.bias"],
                "l2_w": np.ascontiguousarray(w[p + "linear2.weight"].T), "l2_b": w[p + "linear2.bias"],
            })
        self.out_w = np.ascontiguousarray(w["out.weight"].T)
        self.out_b = w["out.bias"]

    # ------------------------------------------------------------------ embeddings
    def embed(self, rows: Sequence[Row]) -> tuple[np.ndarray, np.ndarray]:
        """Token features of a batch → (embedded input (B, T, D) before the encoder, key padding mask (B, T))."""
        b = len(rows)
        t = max(1, max(len(r[0]) for r in rows))
        k = max([1] + [len(g) for r in rows for g in r[1]])  # the padded n-gram slots of the torch batch
        words = np.zeros((b, t), dtype=np.int64)
        shapes = np.zeros((b, t), dtype=np.int64)
        flat: list[int] = []
        starts: list[int] = []
        where: list[int] = []
        counts = np.zeros(b * t, dtype=np.float32)
        for i, (ws, gs, ss) in enumerate(rows):
            words[i, :len(ws)] = ws
            shapes[i, :len(ss)] = ss
            for j, gg in enumerate(gs):
                if gg:
                    starts.append(len(flat))
                    where.append(i * t + j)
                    counts[i * t + j] = len(gg)
                    flat.extend(gg)
        ng = np.zeros((b * t, self.dim), dtype=np.float32)
        if flat:
            ng[where] = np.add.reduceat(self.ngram[flat], starts, axis=0)
        if not self.ngram_pad_zero:  # the pad slots add row 0 to the sum, as the torch module does
            ng += (k - counts)[:, None] * self.ngram_pad
        ng /= np.maximum(counts, 1.0)[:, None]
        x = self.word[words] + ng.reshape(b, t, self.dim) + self.shape[shapes] + self.pos[:t][None]
        return _layer_norm(x, *self.norm), words == PAD

    # ------------------------------------------------------------------ encoder
    def _attention(self, h: np.ndarray, mask_bias: np.ndarray, L: dict[str, Any]) -> np.ndarray:
        b, t, d = h.shape
        nh = self.heads
        dh = d // nh
        qkv = (h.reshape(b * t, d) @ L["in_w"] + L["in_b"]).reshape(b, t, 3, nh, dh)
        q = qkv[:, :, 0].transpose(0, 2, 1, 3)  # (B, H, T, dh)
        k = qkv[:, :, 1].transpose(0, 2, 3, 1)  # (B, H, dh, T)
        v = qkv[:, :, 2].transpose(0, 2, 1, 3)
        s = (q * np.float32(1.0 / np.sqrt(dh))) @ k + mask_bias  # (B, H, T, T)
        p = _softmax(s)
        o = (p @ v).transpose(0, 2, 1, 3).reshape(b * t, d)
        return (o @ L["out_w"] + L["out_b"]).reshape(b, t, d)

    def forward(self, rows: Sequence[Row]) -> np.ndarray:
        """Token features of a batch (:meth:`.features.Featurizer.token_features` of each piece) → the label
        logits (B, T, 3), float32."""
        x, mask = self.embed(rows)
        b, t, d = x.shape
        # padded keys get no attention weight (torch: -inf; a finite value keeps an all-pad row finite)
        mask_bias = np.where(mask, np.float32(-1e30), np.float32(0.0))[:, None, None, :].astype(np.float32)
        for L in self.layers:
            x = x + self._attention(_layer_norm(x, *L["n1"]), mask_bias, L)
            h = _layer_norm(x, *L["n2"]).reshape(b * t, d)
            f = np.maximum(h @ L["l1_w"] + L["l1_b"], 0.0) @ L["l2_w"] + L["l2_b"]
            x = x + f.reshape(b, t, d)
        return (x.reshape(b * t, d) @ self.out_w + self.out_b).reshape(b, t, -1)

    __call__ = forward


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file as numpy arrays (safetensors' numpy loader)."""
    from safetensors.numpy import load_file

    return load_file(str(path))


def load(path: Path) -> tuple[NumpyPivotTagger, Featurizer, dict[str, Any]]:
    """The saved tagger of folder ``path`` for numpy inference: (model, featurizer, config), as
    :func:`.model.load` gives them for torch."""
    path = Path(path)
    config, vocab = read_config(path)
    model = NumpyPivotTagger(read_safetensors(path / "model.safetensors"), config)
    return model, Featurizer(vocab, config["buckets"]), config


def predict(model: NumpyPivotTagger, feat: Featurizer, texts: Sequence[str], batch: int = 64
            ) -> list[list[tuple[int, int, float, float]]]:
    """For each text, its tokens as (start, end, P(error), P(B-ERR)) — :func:`.model.predict` in numpy
    (same pieces, same length-sorted batches)."""
    return predict_batches(feat, texts, lambda rows: _softmax(model(rows)), batch)
