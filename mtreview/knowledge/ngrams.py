"""French n-gram statistics (``models/fr-ngrams``): is a phrase something human-written French says?

The model holds the counts of lower-cased word unigrams, bigrams and trigrams over the fr-mono corpus
(1.69M sentences, ≈ 20M words of human-written French: Assemblée nationale debates 2013–2018 and
public-domain books; see ``models/fr-ngrams/README.md``), pruned to the n-grams seen at least three
times, stored as a two-level trie of sorted numpy arrays that are memory-mapped, not read, at load time
(a query reads a few pages). Built by ``python3 scripts/build_fr_ngrams.py``.

API (one shared instance: :func:`get_ngrams`, ``None`` when the model is absent):

* :meth:`NgramModel.count` — how often a phrase of one to three words occurs (``count("dépend de")``);
* :meth:`NgramModel.logprob` — the stupid-backoff log10 probability of a phrase (Brants et al. 2007),
  for comparing a phrase with an alternative («la liste noire» vs «la liste des noirs»);
* :meth:`NgramModel.pmi` — the smoothed pointwise mutual information of two adjacent words
  (a collocation scores high: «prendre une décision»);
* :meth:`NgramModel.prepositions` / :meth:`NgramModel.preposition_choice` — which preposition a head word
  takes: the counts of ``head + prep`` for each preposition, contractions included («dépend du» counts
  for «de», «au» for «à»), and how the written one compares with the best alternative.

Tokens (the same at build time and at query time, :func:`tokenize`): NFC, lower case, ``’`` → ``'``;
words are runs of letters with inner hyphens or apostrophes; an elided function word is split off and
written in full («d'une» → «de une», «qu'il» → «que il», «s'il» → «si il»), except «l'» (le or la),
which stays «l'»; «aujourd'hui», «quelqu'un» stay whole. Anything but spaces between two words
(punctuation, digits, symbols) ends an n-gram: no n-gram spans a comma.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ELIDED", "MODEL_NAME", "PREPOSITIONS", "NgramModel", "PrepositionChoice", "get_ngrams", "norm",
           "preposition_of", "tokenize"]

#: the model's folder on the search path of :mod:`mtreview.resources`
MODEL_NAME = "fr-ngrams"
#: bits of a word id in a packed key (ids are frequency ranks, < 2**21)
ID_BITS = 21
#: stupid backoff's penalty for each order backed off (Brants et al. 2007)
BACKOFF = 0.4

#: elided function words and the full form they are counted as («l'» stays: le or la)
ELIDED = {"l'": "l'", "d'": "de", "j'": "je", "m'": "me", "t'": "te", "s'": "se", "n'": "ne", "c'": "ce",
          "qu'": "que", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque", "quoiqu'": "quoique"}
_ELISION_RE = re.compile(r"^(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu|quoiqu)'")
_WORD_RE = re.compile(r"(?<!\d)[^\W\d_]+(?:[-'][^\W\d_]+)*'?")

#: the prepositions compared by :meth:`NgramModel.prepositions`, with the contracted forms that count
#: for them («du», «des» for «de»; «au», «aux» for «à»)
PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "de": ("de", "du", "des"), "à": ("à", "au", "aux"), "en": ("en",), "dans": ("dans",), "sur": ("sur",),
    "pour": ("pour",), "par": ("par",), "avec": ("avec",), "contre": ("contre",), "vers": ("vers",),
    "chez": ("chez",), "entre": ("entre",), "sous": ("sous",), "parmi": ("parmi",), "envers": ("envers",),
}
_VARIANT_OF = {v: p for p, vs in PREPOSITIONS.items() for v in vs}
_ALL_VARIANTS = tuple(_VARIANT_OF)


def _split_elision(w: str) -> list[str]:
    out: list[str] = []
    while True:
        m = _ELISION_RE.match(w)
        if not m:
            break
        el = m.group(0)
        out.append(ELIDED[el])
        w = w[m.end():]
    if w:
        out.append(w)
    return out


@functools.lru_cache(maxsize=100_000)
def norm(word: str) -> str:
    """One word as the model counts it: lower case, ``’`` → ``'``, an elided function word in full
    («D’» → «de», «qu'» → «que»; «l'» stays)."""
    w = unicodedata.normalize("NFC", word).lower().replace("’", "'").replace("`", "'")
    return ELIDED.get(w, w)


def tokenize(text: str) -> list[list[str]]:
    """The segments of ``text`` (runs of words with only spaces between them), each a list of tokens."""
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    segments: list[list[str]] = []
    cur: list[str] = []
    last = 0
    for m in _WORD_RE.finditer(text):
        gap = text[last:m.start()]
        if gap and not gap.isspace() and cur:
            segments.append(cur)
            cur = []
        last = m.end()
        w = m.group(0)
        if "'" in w:
            parts = _split_elision(w)
            # «s'» before «il(s)» is «si»
            for i, p in enumerate(parts):
                if p == "se" and i + 1 < len(parts) and parts[i + 1] in {"il", "ils"}:
                    parts[i] = "si"
            cur.extend(p for p in parts if p)
        else:
            cur.append(w)
    if cur:
        segments.append(cur)
    return segments


def _phrase(tokens: Sequence[str] | str) -> list[str]:
    if isinstance(tokens, str):
        return [t for seg in tokenize(tokens) for t in seg]
    out: list[str] = []
    for t in tokens:
        out.extend(_word_tokens(t))
    return out


@functools.lru_cache(maxsize=65536)
def _word_tokens(word: str) -> tuple[str, ...]:
    return tuple(t for seg in tokenize(word) for t in seg)


@dataclass(frozen=True)
class PrepositionChoice:
    """How the preposition written after a head compares with the others French puts there."""

    head: str
    written: str
    written_count: int
    best: str
    best_count: int
    total: int  # head + any of PREPOSITIONS
    head_count: int
    counts: dict[str, int]

    @property
    def ratio(self) -> float:
        """best ÷ written (add-one smoothed): how much commoner the best alternative is."""
        return (self.best_count + 1) / (self.written_count + 1)

    def evidence(self) -> dict[str, Any]:
        top = dict(sorted(self.counts.items(), key=lambda kv: -kv[1])[:4])
        return {"head": self.head, "head_count": self.head_count, "written": self.written,
                "written_count": self.written_count, "best": self.best, "best_count": self.best_count,
                "prep_total": self.total, "counts": top}


class NgramModel:
    """Counts of French unigrams, bigrams and trigrams (see the module docstring)."""

    def __init__(self, folder: Path, mmap: bool = True) -> None:
        mode = "r" if mmap else None
        self.folder = folder
        self.meta: dict[str, Any] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with gzip.open(folder / "vocab.txt.gz", "rt", encoding="utf-8") as fh:
            words = fh.read().split("\n")
        if words and words[-1] == "":
            words.pop()
        self.ids: dict[str, int] = {w: i for i, w in enumerate(words)}
        self.words = words
        load = functools.partial(_load_array, folder, mode)
        self.uni = load("unigram_count")
        self.bi_off = load("bigram_offsets")
        self.bi_next = load("bigram_next")
        self.bi_count = load("bigram_count")
        self.tri_off = load("trigram_offsets")
        self.tri_next = load("trigram_next")
        self.tri_count = load("trigram_count")
        self.total = int(self.meta["tokens"])
        self._cache: dict[tuple[int, ...], int] = {}
        self._prep_cache: dict[tuple[tuple[str, ...], str], dict[str, int]] = {}
        self._choice_cache: dict[tuple[tuple[str, ...], str, str], PrepositionChoice] = {}

    # ------------------------------------------------------------------ counts
    def __contains__(self, word: str) -> bool:
        return norm(word) in self.ids

    def _bigram_index(self, a: int, b: int) -> int:
        lo, hi = int(self.bi_off[a]), int(self.bi_off[a + 1])
        if lo == hi:
            return -1
        row = self.bi_next[lo:hi]
        j = int(row.searchsorted(b))
        return lo + j if j < hi - lo and int(row[j]) == b else -1

    def _count_ids(self, ids: tuple[int, ...]) -> int:
        hit = self._cache.get(ids)
        if hit is not None:
            return hit
        n = len(ids)
        out = 0
        if n == 1:
            out = int(self.uni[ids[0]])
        elif n == 2:
            k = self._bigram_index(ids[0], ids[1])
            out = int(self.bi_count[k]) if k >= 0 else 0
        elif n == 3:
            k = self._bigram_index(ids[0], ids[1])
            if k >= 0:
                lo, hi = int(self.tri_off[k]), int(self.tri_off[k + 1])
                row = self.tri_next[lo:hi]
                j = int(row.searchsorted(ids[2]))
                if j < hi - lo and int(row[j]) == ids[2]:
                    out = int(self.tri_count[lo + j])
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[ids] = out
        return out

    def count(self, tokens: Sequence[str] | str) -> int:
        """How often the phrase (one to three words; a string is tokenized) occurs in the corpus; 0 when it
        is longer, unknown, or was pruned (seen fewer than ``meta["min_count"]`` times)."""
        toks = _phrase(tokens)
        if not 1 <= len(toks) <= 3:
            return 0
        ids = []
        for t in toks:
            i = self.ids.get(t)
            if i is None:
                return 0
            ids.append(i)
        return self._count_ids(tuple(ids))

    # ------------------------------------------------------------------ scores
    def score(self, word: str, context: Sequence[str] = ()) -> float:
        """Stupid-backoff score S(word | the last two words of ``context``) (not normalised: a relative
        frequency, times 0.4 per order backed off; an unknown word gets 0.4³ ÷ N)."""
        w = self.ids.get(norm(word))
        if w is None:
            return BACKOFF ** 3 / self.total
        ctx = [self.ids.get(norm(t)) for t in list(context)[-2:]]
        penalty = 1.0
        for k in range(len(ctx), 0, -1):
            hist = ctx[len(ctx) - k:]
            if None not in hist:
                hist_ids = tuple(i for i in hist if i is not None)
                c = self._count_ids((*hist_ids, w))
                if c > 0:
                    return penalty * c / self._count_ids(hist_ids)
            penalty *= BACKOFF
        return penalty * int(self.uni[w]) / self.total

    def logprob(self, tokens: Sequence[str] | str, context: Sequence[str] = ()) -> float:
        """log10 of the stupid-backoff score of the phrase, each word given the two before it (``context``
        gives the words before the phrase)."""
        toks = _phrase(tokens)
        hist = [norm(t) for t in context][-2:]
        total = 0.0
        for t in toks:
            total += math.log10(self.score(t, hist))
            hist = (hist + [t])[-2:]
        return total

    def pmi(self, a: str, b: str, discount: float = 0.5) -> float:
        """log2 of how much more often ``a b`` occurs than chance (count discounted by ``discount``; 0.0
        for a pair never seen or an unknown word)."""
        ca, cb, cab = self.count([a]), self.count([b]), self.count([a, b])
        if not (ca and cb and cab):
            return 0.0
        return math.log2(max(cab - discount, 0.1) * self.total / (ca * cb))

    def followers(self, prefix: Sequence[str], words: Sequence[str]) -> list[int]:
        """The counts of ``prefix + w`` for each ``w`` of ``words`` (``prefix``: one or two words), looked up
        in one pass over the prefix's row of the trie."""
        import numpy as np

        out = [0] * len(words)
        pid = [self.ids.get(norm(t)) for t in prefix]
        if not 1 <= len(pid) <= 2 or None in pid:
            return out
        if len(pid) == 1:
            a = int(pid[0])  # type: ignore[arg-type]
            lo, hi = int(self.bi_off[a]), int(self.bi_off[a + 1])
            row, counts = self.bi_next, self.bi_count
        else:
            k = self._bigram_index(int(pid[0]), int(pid[1]))  # type: ignore[arg-type]
            if k < 0:
                return out
            lo, hi = int(self.tri_off[k]), int(self.tri_off[k + 1])
            row, counts = self.tri_next, self.tri_count
        if lo == hi:
            return out
        wid = [self.ids.get(norm(w), -1) for w in words]
        seg = row[lo:hi]
        q = np.asarray(wid, dtype=np.int64)
        j = np.minimum(seg.searchsorted(q), hi - lo - 1)
        hit = (seg[j] == q) & (q >= 0)
        for i in np.flatnonzero(hit):
            out[int(i)] = int(counts[lo + int(j[i])])
        return out

    def prepositions(self, heads: Iterable[str], before: str = "") -> dict[str, int]:
        """``{preposition: count of head + it}`` summed over the forms in ``heads`` (a written form and its
        lemma, say) and over contractions («dépend du» counts for «de»); with ``before`` (one word, «se»
        for a pronominal verb), the counts of ``before + head + preposition``."""
        forms = tuple(sorted({norm(h) for h in heads if h}))
        key = (forms, norm(before) if before else "")
        hit = self._prep_cache.get(key)
        if hit is not None:
            return dict(hit)
        pre = [key[1]] if before else []
        out = dict.fromkeys(PREPOSITIONS, 0)
        for h in forms:
            for v, c in zip(_ALL_VARIANTS, self.followers([*pre, h], _ALL_VARIANTS), strict=True):
                out[_VARIANT_OF[v]] += c
        if len(self._prep_cache) > 50_000:
            self._prep_cache.clear()
        self._prep_cache[key] = out
        return dict(out)

    def preposition_choice(self, heads: Iterable[str], written: str, before: str = "") -> PrepositionChoice:
        """How often the heads (after ``before``, if given) are followed by ``written`` (a preposition or a
        contraction of one) and by the most frequent other preposition."""
        heads = [h for h in dict.fromkeys(norm(h) for h in heads if h)]
        prep = preposition_of(written)
        key = (tuple(heads), prep, before)
        hit = self._choice_cache.get(key)
        if hit is not None:
            return hit
        counts = self.prepositions(heads, before)
        others = {p: c for p, c in counts.items() if p != prep}
        best = max(others, key=lambda p: (others[p], p == "de")) if others else prep
        pre = [norm(before)] if before else []
        label = (pre[0] + " " if pre else "") + "/".join(heads)
        out = PrepositionChoice(head=label, written=prep, written_count=counts.get(prep, 0),
                                best=best, best_count=others.get(best, 0), total=sum(counts.values()),
                                head_count=sum(self.count([*pre, h]) for h in heads), counts=counts)
        if len(self._choice_cache) > 50_000:
            self._choice_cache.clear()
        self._choice_cache[key] = out
        return out


def preposition_of(word: str) -> str:
    """The preposition a word is or contains («du» → «de», «aux» → «à», «d'» → «de»); else the word."""
    w = norm(word)
    return _VARIANT_OF.get(w, w)


def _load_array(folder: Path, mode: str | None, name: str) -> Any:
    import numpy as np

    return np.load(folder / f"{name}.npy", mmap_mode=mode, allow_pickle=False)


@functools.lru_cache(maxsize=1)
def get_ngrams() -> NgramModel | None:
    """The shipped n-gram model (``fr-ngrams`` on the models search path), or ``None`` when absent."""
    from ..resources import find_model_dir

    folder = find_model_dir(MODEL_NAME)
    if folder is None or not (folder / "meta.json").exists():
        return None
    return NgramModel(folder)


def load(folder: Path | str) -> NgramModel:
    """The model in ``folder`` (a builder's output, say)."""
    return NgramModel(Path(folder))
