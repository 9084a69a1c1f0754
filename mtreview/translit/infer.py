"""Inference API of the transliteration model: n-best Latin spellings of romanised Russian names.

    >>> from mtreview.translit.infer import get_transliterator
    >>> get_transliterator().candidates(["Zhaiir", "Bolsonaru"], n=3)  # doctest: +SKIP
    [[('jair', -1.72), ...], [('bolsonar', -1.19), ...]]

The model is loaded once, lazily, on the first call (``get_transliterator`` is cached). When the weights
are missing every token gets an empty candidate list, so callers degrade gracefully.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import unicodedata
from pathlib import Path
from typing import Any

from mtreview.translit import MODEL_NAME

log = logging.getLogger(__name__)

WEIGHTS_FILE = "model.safetensors"


def _shipped_model_dir() -> Path | None:
    """The shipped model's folder (:mod:`mtreview.resources`); ``None``, said in the log, if absent."""
    from mtreview.resources import ModelNotFoundError, model_dir

    try:
        return model_dir(MODEL_NAME)
    except ModelNotFoundError as exc:
        log.warning("%s", exc)
        return None


class Transliterator:
    """n-best back-transliteration «zhaiir» → «jair» with log-probabilities (batched beam search)."""

    def __init__(self, model_dir: str | Path | None = None, batch_size: int = 64, rerank: bool = True) -> None:
        self.model_dir: Path | None = Path(model_dir) if model_dir else _shipped_model_dir()
        self.batch_size = batch_size
        self.use_rerank = rerank
        self._reranker: Any = None
        self._model = None
        self._vocab = None
        self._lock = threading.Lock()
        self._failed = False

    @property
    def available(self) -> bool:
        """True when the weights exist (and did not fail to load)."""
        return not self._failed and self.model_dir is not None and (self.model_dir / WEIGHTS_FILE).is_file()

    def _load(self) -> bool:
        if self._model is not None:
            return True
        if not self.available:
            return False
        with self._lock:
            if self._model is not None:
                return True
            try:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # only effective before torch is imported
                from transformers import BartForConditionalGeneration
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # no progress bars in a review's output

                from mtreview.translit.model import CharVocab
                from mtreview.translit.rerank import Reranker

                vocab = CharVocab.load(self.model_dir)
                self._reranker = Reranker.load(self.model_dir) if self.use_rerank else None
                model = BartForConditionalGeneration.from_pretrained(self.model_dir, local_files_only=True)
                model.eval()
            except Exception as exc:  # noqa: BLE001 - a broken model must not break the review
                log.warning("transliteration model in %s failed to load: %s", self.model_dir, exc)
                self._failed = True
                return False
            self._vocab, self._model = vocab, model
        return True

    @staticmethod
    def normalise_input(token: str) -> str:
        """Case-insensitive input: lower-cased NFC, surrounding spaces and punctuation stripped."""
        return unicodedata.normalize("NFC", token.strip().strip(".,;:!?«»\"()[]").lower())

    @property
    def reranker(self) -> Any:
        """The :class:`~mtreview.translit.rerank.Reranker` in use (None: plain model order)."""
        self._load()
        return self._reranker

    def candidates(self, tokens: list[str], n: int = 5) -> list[list[tuple[str, float]]]:
        """For each romanised token, up to ``n`` Latin spellings (lower-case) with their scores, best first.

        Scores are log-probabilities, plus the name-frequency prior of ``rerank.json`` when the model
        folder has one (then a wider beam is decoded and re-ranked, see :mod:`.rerank`). ``[]`` for an
        empty token, or for every token when the model is unavailable.
        """
        if not tokens or n < 1 or not self._load():
            return [[] for _ in tokens]
        rr = self._reranker
        if rr is None:
            return self.model_candidates(tokens, n)
        ranked = [rr.rerank(cs) for cs in self.model_candidates(tokens, max(n, rr.beams))]
        if rr.expand:
            ranked = rr.widen(tokens, ranked, self.score_pairs)
        return [r[:n] for r in ranked]

    def score_pairs(self, pairs: list[tuple[str, str]], batch_size: int = 256) -> list[float]:
        """The model's log-probability of each (romanised token, Latin spelling) pair, by forced
        decoding: the same figure beam search gives a candidate it finds."""
        if not pairs or not self._load():
            return [float("-inf")] * len(pairs)
        import torch

        from mtreview.translit.model import BOS, PAD

        assert self._model is not None and self._vocab is not None
        vocab = self._vocab
        out: list[float] = []
        with torch.inference_mode():
            for b in range(0, len(pairs), batch_size):
                batch = pairs[b : b + batch_size]
                # the encoder runs once per distinct token, the decoder once per spelling
                tokens = list(dict.fromkeys(t for t, _ in batch))
                row_of = {t: i for i, t in enumerate(tokens)}
                srcs = [vocab.encode(self.normalise_input(t)) for t in tokens]
                x = torch.full((len(tokens), max(map(len, srcs))), PAD, dtype=torch.long)
                for r, src in enumerate(srcs):
                    x[r, : len(src)] = torch.tensor(src)
                mask = (x != PAD).long()
                hidden = self._model.get_encoder()(input_ids=x, attention_mask=mask).last_hidden_state
                rows = torch.tensor([row_of[t] for t, _ in batch])
                labels = [vocab.encode(c) for _, c in batch]
                lab = torch.full((len(batch), max(map(len, labels))), PAD, dtype=torch.long)
                dec = torch.full_like(lab, PAD)
                for r, ids in enumerate(labels):
                    lab[r, : len(ids)] = torch.tensor(ids)
                    dec[r, 0] = BOS
                    dec[r, 1 : len(ids)] = torch.tensor(ids[:-1])
                logits = self._model(encoder_outputs=(hidden[rows],), attention_mask=mask[rows],
                                     decoder_input_ids=dec, decoder_attention_mask=(lab != PAD).long()).logits
                lp = torch.log_softmax(logits, -1).gather(-1, lab.unsqueeze(-1)).squeeze(-1)
                out.extend((lp * (lab != PAD)).sum(-1).tolist())
        return out

    def model_candidates(self, tokens: list[str], n: int = 5) -> list[list[tuple[str, float]]]:
        """The model's own n-best (beam search, log-probabilities), without re-ranking."""
        results: list[list[tuple[str, float]]] = [[] for _ in tokens]
        if not tokens or n < 1 or not self._load():
            return results
        import torch

        from mtreview.translit.model import PAD, generation_config

        assert self._model is not None and self._vocab is not None
        vocab, model = self._vocab, self._model
        norm = [self.normalise_input(t) for t in tokens]
        order = sorted((i for i, t in enumerate(norm) if t), key=lambda i: len(norm[i]))
        gen = generation_config(num_beams=max(n, 2), num_return_sequences=n)
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b : b + self.batch_size]
                enc = [vocab.encode(norm[i]) for i in idx]
                width = max(map(len, enc))
                x = torch.full((len(enc), width), PAD, dtype=torch.long)
                for r, ids in enumerate(enc):
                    x[r, : len(ids)] = torch.tensor(ids)
                gen.max_new_tokens = min(64, width + 12)
                out = model.generate(input_ids=x, attention_mask=(x != PAD).long(), generation_config=gen)
                seqs, scores = out.sequences, out.sequences_scores
                for r, i in enumerate(idx):
                    seen: set[str] = set()
                    cands: list[tuple[str, float]] = []
                    for k in range(n):
                        text = vocab.decode(seqs[r * n + k, 1:].tolist())
                        if text and text not in seen:
                            seen.add(text)
                            cands.append((text, float(scores[r * n + k])))
                    results[i] = cands
        return results

    def best(self, token: str) -> str | None:
        """The single most likely Latin spelling of ``token``, or None."""
        c = self.candidates([token], n=1)[0]
        return c[0][0] if c else None


@functools.lru_cache(maxsize=4)
def get_transliterator(model_dir: str | None = None) -> Transliterator:
    """The shared :class:`Transliterator` (weights loaded on its first use)."""
    return Transliterator(model_dir)
