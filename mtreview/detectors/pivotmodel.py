"""The learned pivot-error detector (``accuracy/mistranslation``): spans a small neural tagger marks.

The model (``models/pivot-errors/``, found through :mod:`mtreview.resources`; code in
:mod:`mtreview.pivotmodel`) is a two-layer transformer over
words and character n-grams, trained from scratch on clean French sentences and copies corrupted by the
mechanisms of PIVOT-ERRORS.md (duplicated complements, the Russian zero copula as a dash, other senses of a
Russian word, Russian/English verb government, English leftovers and false friends, genitives turned
adjectives, idiom calques). It reads no parse (``parse = "none"``): each segment is tokenized by a regular
expression and all segments go through the model in batches. The model is loaded once per process
(module-level cache) on first use.

Each run of tokens whose error probability is ≥ ``threshold`` becomes a flag; the confidence is the
model's highest token probability in the run (not calibrated on real text: see the model card). A
correction is suggested only where the project's tables know one for the flagged words (curated pivot
senses, the false-friend table, valence rules, a duplicated «de X», an English word's FreeDict
translation); otherwise the flag has no suggestion. Capitalised words inside a sentence (names) are left to
the names detector.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..flags import Flag
from . import BaseDetector
from .french import in_spans, protected_spans

#: the shipped model's folder name on the search path of :mod:`mtreview.resources`
MODEL_NAME = "pivot-errors"
_LOCK = threading.Lock()
_CACHE: dict[str, tuple[Any, Any, dict[str, Any]]] = {}


def __getattr__(name: str) -> Path:
    """``MODEL_DIR``: the shipped model's folder, resolved on access by :func:`mtreview.resources.model_dir`
    (:class:`~mtreview.resources.ModelNotFoundError` naming the places searched if it is nowhere)."""
    if name == "MODEL_DIR":
        from ..resources import model_dir

        return model_dir(MODEL_NAME)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def get_model(path: Path | None = None) -> tuple[Any, Any, dict[str, Any]]:
    """The tagger, its featurizer and config (default: the shipped model), loaded once per process.

    :class:`~mtreview.resources.ModelNotFoundError` when the shipped model is on no folder of the search path.
    """
    if path is None:
        from ..resources import model_dir

        path = model_dir(MODEL_NAME)
    key = str(path)
    with _LOCK:
        if key not in _CACHE:
            import torch

            from ..pivotmodel.model import load

            if torch.get_num_threads() > 2:
                torch.set_num_threads(2)
            _CACHE[key] = load(path)
        return _CACHE[key]


# --------------------------------------------------------------------------- suggestions from tables
@functools.lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    from ..knowledge.confusions import sense_confusions
    from ..pivotmodel import data as D

    senses: dict[str, str] = {}
    for wrong, cs in sense_confusions().items():
        if cs and cs[0].right:
            senses[wrong] = cs[0].right[0]
    ff_rev: dict[str, str] = {}
    for right, (wrong, _id) in D.false_friends().items():
        ff_rev.setdefault(wrong.lower(), right)
    return {"senses": senses, "false_friends": ff_rev, "valence": D.valence_table()}


def _match_case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def suggest(text: str, a: int, b: int) -> tuple[int, int, list[str], str]:
    """A correction for ``text[a:b]`` from the tables: (start, end, suggestions, what it is); the span may
    grow (a duplicated complement is deleted with the space before it)."""
    span = text[a:b]
    low = span.lower()
    t = _tables()
    before = text[max(0, a - 40):a]
    prev = re.search(r"([^\W\d_]+)\W*$", before)
    prev_word = prev.group(1).lower() if prev else ""
    m = re.fullmatch(r"(?:de |d')([^\W\d_]+)", low)
    if m and prev_word == m.group(1) and a > 0 and text[a - 1] == " ":
        return a - 1, b, [""], "complément répété"
    if low in t["false_friends"]:
        return a, b, [_match_case(t["false_friends"][low], span)], "faux ami de l'anglais"
    if low in t["senses"]:
        return a, b, [_match_case(t["senses"][low], span)], "autre sens du mot pivot"
    for v in t["valence"]:
        head = re.sub(r"\((?!\?)", "(?:", v.head)
        if low.split(" ")[0] == v.wrong and re.fullmatch(head, prev_word):
            return a, b, [v.right], f"construction calquée ({v.pivot})"
    if span.isalpha() and span.isascii() and span.islower():
        from ..knowledge.dictionaries import get_dictionary

        trs = [x for x in get_dictionary("eng-fra").translations(low) if " " not in x]
        if trs and not _is_french(low):
            return a, b, [trs[0]], "mot anglais"
    return a, b, [], ""


def _is_french(word: str) -> bool:
    """A common French word (wordfreq Zipf ≥ 3), not an English leftover."""
    from ..pivotmodel.model import zipf_bucket

    return zipf_bucket(word) >= 3


class PivotModelDetector(BaseDetector):
    """Spans the learned pivot-error tagger marks, with a table correction where one is known."""

    name = "pivotmodel"
    categories = ("accuracy/mistranslation",)
    parse = "none"

    def __init__(self, threshold: float = 0.5, model_dir: str | Path | None = None, batch: int = 64) -> None:
        self.threshold = threshold
        self.model_dir = Path(model_dir) if model_dir else None  # None: the shipped model
        self.batch = batch

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        segs = document.segments
        if not segs:
            return
        model, feat, _ = get_model(self.model_dir)  # a missing model is a clear error before torch loads
        from ..pivotmodel.model import predict, spans_from_tokens

        toks = predict(model, feat, [text[s.start:s.end] for s in segs], self.batch)
        protected = protected_spans(text)
        for seg, tk in zip(segs, toks, strict=True):
            seg_text = text[seg.start:seg.end]
            for a, b, p in spans_from_tokens(tk, self.threshold):
                if self._is_name(seg_text, a, b):
                    continue
                sa, sb = seg.start + a, seg.start + b
                if in_spans(sa, sb, protected):
                    continue
                fa, fb, sugg, what = suggest(text, sa, sb)
                p = round(min(1.0, max(0.0, p)), 3)
                orig = text[fa:fb]
                expl = (f"«\u00a0{text[sa:sb]}\u00a0»\u00a0: le modèle des erreurs de traduction par pivot y voit "
                        f"probablement une faute de sens ou un calque (probabilité {p:.2f})")
                expl += f"\u00a0; {what}." if what else "."
                yield Flag(start=fa, end=fb, text=orig, category="accuracy/mistranslation",
                           severity="major" if p >= 0.8 else "minor", confidence=p, suggestions=sugg,
                           explanation=expl, detector=self.name,
                           evidence={"model": "pivot-errors", "probability": p})

    @staticmethod
    def _is_name(seg_text: str, a: int, b: int) -> bool:
        """Every word of the span capitalised and not at the start of a sentence: a name, not ours."""
        words = re.findall(r"[^\W\d_]+", seg_text[a:b])
        if not words or not all(w[:1].isupper() for w in words):
            return False
        before = seg_text[:a].rstrip()
        return bool(before) and before[-1] not in ".!?«:—–\"“(["
