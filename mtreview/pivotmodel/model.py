"""The pivot-error tagger: tokenizer, token features and a small transformer (labels O / B-ERR / I-ERR).

Each token is embedded as the sum of a word embedding (lower-cased word, a vocabulary of the most frequent
corpus words), the mean of hashed character n-gram embeddings (n = 3–5, so unknown, English or misspelt
words still get a meaning), a shape embedding (lower, Capitalised, UPPER, digits, punctuation) and a
position embedding; two transformer encoder layers give each token its sentence context; a linear layer
gives the three label logits. The saved model is ``config.json`` + ``vocab.txt`` + ``model.safetensors``
(float16) in one folder.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import nn

from . import features as _features
from .features import (  # noqa: F401  (the featurizer's names, re-exported: they were defined here)
    AUX_IDS,
    LABELS,
    MAX_LEN,
    MAX_NGRAMS,
    PAD,
    TOKEN_RE,
    UNK,
    aux_id,
    chunks,
    ngram_ids,
    shape,
    spans_from_tokens,
    tokenize,
    zipf_bucket,
)


class PivotTagger(nn.Module):
    """Word + char-n-gram + shape + position embeddings → transformer encoder → 3 label logits."""

    def __init__(self, vocab_size: int, buckets: int = 32768, dim: int = 128, layers: int = 2, heads: int = 4,
                 ff: int = 256, dropout: float = 0.1, sparse: bool = False) -> None:
        super().__init__()
        self.word = nn.Embedding(vocab_size, dim, padding_idx=PAD, sparse=sparse)
        self.ngram = nn.Embedding(buckets, dim, padding_idx=0, sparse=sparse)
        self.shape = nn.Embedding(AUX_IDS, dim, padding_idx=0)
        self.pos = nn.Embedding(MAX_LEN, dim)
        self.norm = nn.LayerNorm(dim)
        self.drop = nn.Dropout(dropout)
        layer = nn.TransformerEncoderLayer(dim, heads, ff, dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.out = nn.Linear(dim, len(LABELS))

    def forward(self, words: torch.Tensor, ngrams: torch.Tensor, shapes: torch.Tensor) -> torch.Tensor:
        mask = words == PAD  # (B, T)
        ng = self.ngram(ngrams)  # (B, T, K, D)
        cnt = (ngrams != 0).sum(-1, keepdim=True).clamp(min=1)
        x = self.word(words) + ng.sum(2) / cnt + self.shape(shapes)
        x = x + self.pos(torch.arange(words.shape[1], device=words.device))[None]
        x = self.drop(self.norm(x))
        x = self.encoder(x, src_key_padding_mask=mask)
        return self.out(x)


class Featurizer(_features.Featurizer):
    """Turns texts into padded tensors (word ids, n-gram ids, shapes) with the token spans (the token
    features themselves: :class:`.features.Featurizer`, torch-free)."""

    @staticmethod
    def pad(rows: list[tuple[list[int], list[tuple[int, ...]], list[int]]]) -> tuple[torch.Tensor, torch.Tensor,
                                                                                     torch.Tensor]:
        t = max(1, max(len(r[0]) for r in rows))
        k = max([1] + [len(g) for r in rows for g in r[1]])
        w = torch.zeros(len(rows), t, dtype=torch.long)
        g = torch.zeros(len(rows), t, k, dtype=torch.long)
        s = torch.zeros(len(rows), t, dtype=torch.long)
        for i, (ws, gs, ss) in enumerate(rows):
            w[i, :len(ws)] = torch.tensor(ws, dtype=torch.long)
            s[i, :len(ss)] = torch.tensor(ss, dtype=torch.long)
            for j, gg in enumerate(gs):
                if gg:
                    g[i, j, :len(gg)] = torch.tensor(gg, dtype=torch.long)
        return w, g, s


def save(model: PivotTagger, feat: Featurizer, config: dict[str, Any], out: Path) -> None:
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to(torch.float16) if v.is_floating_point() else v
             for k, v in model.state_dict().items()}
    save_file(state, str(out / "model.safetensors"))
    (out / "vocab.txt").write_text("\n".join(feat.vocab) + "\n", encoding="utf-8")
    (out / "config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: Path) -> tuple[PivotTagger, Featurizer, dict[str, Any]]:
    from safetensors.torch import load_file

    config, vocab = _features.read_config(path)
    model = PivotTagger(config["vocab_size"], config["buckets"], config["dim"], config["layers"], config["heads"],
                        config["ff"], 0.0)
    state = {k: v.float() if v.is_floating_point() else v for k, v in load_file(str(path / "model.safetensors")).items()}
    model.load_state_dict(state)
    model.eval()
    return model, Featurizer(vocab, config["buckets"]), config


@torch.no_grad()
def predict(model: PivotTagger, feat: Featurizer, texts: Sequence[str], batch: int = 64
            ) -> list[list[tuple[int, int, float, float]]]:
    """For each text, its tokens as (start, end, P(error), P(B-ERR))."""
    return _features.predict_batches(feat, texts, lambda rows: torch.softmax(model(*feat.pad(rows)), -1), batch)
