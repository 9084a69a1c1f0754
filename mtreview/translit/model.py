"""Model configuration and character vocabulary of the transliteration model.

The model is a tiny :class:`transformers.BartForConditionalGeneration` built from a
:class:`~transformers.BartConfig` (no pretrained download): a shared character embedding, a few encoder
and decoder layers. The vocabulary is a JSON list of characters (``vocab.json`` next to the weights);
ids 0-3 are ``<pad> <s> </s> <unk>``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>"]
VOCAB_FILE = "vocab.json"

#: longest source or target, in characters (longer inputs are truncated)
MAX_CHARS = 60

#: size of the shipped model (≈ 3.2 M parameters, ≈ 13 MB of float32) and its dropout
DEFAULT_DIMS: dict[str, float] = {"d_model": 192, "layers": 3, "heads": 4, "ffn": 768, "max_len": 64, "dropout": 0.1}
TINY_DIMS: dict[str, float] = {"d_model": 32, "layers": 1, "heads": 2, "ffn": 64, "max_len": 64, "dropout": 0.1}


class CharVocab:
    """Character ↔ id mapping shared by source (romanised) and target (Latin original) sides."""

    def __init__(self, chars: Sequence[str]) -> None:
        self.itos: list[str] = SPECIALS + [c for c in chars if c not in SPECIALS]
        self.stoi: dict[str, int] = {c: i for i, c in enumerate(self.itos)}

    def __len__(self) -> int:
        return len(self.itos)

    @classmethod
    def build(cls, texts: Iterable[str], min_count: int = 20) -> CharVocab:
        """Characters seen at least ``min_count`` times, most frequent first; a-z always in."""
        counts = Counter(ch for t in texts for ch in t)
        chars = [c for c, n in counts.most_common() if n >= min_count and c.strip()]
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c not in chars:
                chars.append(c)
        return cls(chars)

    def covers(self, text: str) -> bool:
        """True when every character of ``text`` is in the vocabulary."""
        return all(ch in self.stoi for ch in text)

    def encode(self, text: str, add_eos: bool = True) -> list[int]:
        ids = [self.stoi.get(ch, UNK) for ch in text[:MAX_CHARS]]
        return ids + [EOS] if add_eos else ids

    def decode(self, ids: Iterable[int]) -> str:
        out: list[str] = []
        for i in ids:
            i = int(i)
            if i == EOS:
                break
            if i in (PAD, BOS, UNK) or i >= len(self.itos):
                continue
            out.append(self.itos[i])
        return "".join(out)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        chars = self.itos[len(SPECIALS):]
        (directory / VOCAB_FILE).write_text(
            json.dumps({"specials": SPECIALS, "chars": chars}, ensure_ascii=False, indent=0), encoding="utf-8"
        )

    @classmethod
    def load(cls, directory: Path) -> CharVocab:
        data = json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8"))
        return cls(data["chars"])


def build_config(vocab_size: int, dims: dict[str, float] | None = None):  # -> BartConfig
    """A from-scratch :class:`~transformers.BartConfig` for a character model of size ``dims``."""
    from transformers import BartConfig

    d = {**DEFAULT_DIMS, **(dims or {})}
    return BartConfig(
        vocab_size=vocab_size,
        d_model=d["d_model"],
        encoder_layers=d["layers"],
        decoder_layers=d["layers"],
        encoder_attention_heads=d["heads"],
        decoder_attention_heads=d["heads"],
        encoder_ffn_dim=d["ffn"],
        decoder_ffn_dim=d["ffn"],
        max_position_embeddings=d["max_len"],
        dropout=d["dropout"],
        attention_dropout=0.0,
        activation_dropout=0.0,
        activation_function="gelu",
        scale_embedding=True,
        pad_token_id=PAD,
        bos_token_id=BOS,
        eos_token_id=EOS,
        decoder_start_token_id=BOS,
        forced_bos_token_id=None,
        forced_eos_token_id=None,
        tie_word_embeddings=True,
    )


def build_model(vocab_size: int, dims: dict[str, float] | None = None):  # -> BartForConditionalGeneration
    """A randomly initialised model (no download)."""
    from transformers import BartForConditionalGeneration

    return BartForConditionalGeneration(build_config(vocab_size, dims))


def generation_config(num_beams: int = 1, num_return_sequences: int = 1, max_new_tokens: int = 32):
    """Decoding settings: greedy, or beam search whose ``sequences_scores`` are summed log-probabilities.

    No n-gram blocking and ``length_penalty=0`` (a beam's score is then its log-probability).
    """
    from transformers import GenerationConfig

    kwargs: dict = {}
    if num_beams > 1:
        kwargs = {
            "num_beams": num_beams,
            "num_return_sequences": num_return_sequences,
            "length_penalty": 0.0,
            "early_stopping": True,
            "output_scores": True,
            "return_dict_in_generate": True,
        }
    return GenerationConfig(
        max_new_tokens=max_new_tokens,
        decoder_start_token_id=BOS,
        bos_token_id=BOS,
        eos_token_id=EOS,
        pad_token_id=PAD,
        do_sample=False,
        **kwargs,
    )
