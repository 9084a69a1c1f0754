"""Noun-phrase collocations of written French (``models/noun-phrases``): «N ADJ» and «N de N2» counts.

Built by ``python3 scripts/build_noun_phrases.py`` from the fr-mono corpus (``shared/data/
fr-mono-commonvoice-eltec``: 19.6M words, Assemblée nationale debates 2013–2018 and public-domain books,
CC0/public domain; see ``models/noun-phrases/README.md``). Two pruned tables (count ≥ 2), keyed by lemma:

* ``noun_adj.tsv.gz``: ``head  modifier  count`` — a noun followed at once by an adjective or a noun used
  as its modifier («revenus fiscaux» → ``revenu  fiscal``);
* ``noun_de.tsv.gz``: ``head  det  n2_form  n2_lemma  count`` — a noun followed by «de / d' / du / des /
  de la / de l'» and a noun («décompte des voix» → ``décompte  des  voix  voix``);
* ``relational.tsv``: relational adjective → base noun, derived at build time by suffix rules checked
  against the corpus (the base must be a noun seen as N2 of «N de N2»), plus the hand-written
  ``relational_curated.tsv`` (irregular pairs: vocal → voix, médical → médecin).

Lemmas come from Grammalecte's lexicon (:func:`mtreview.detectors.french.morph_tags`), the same functions
at build and at query time (:func:`noun_key`, :func:`modifier_key`); tokens from
:func:`mtreview.knowledge.ngrams.tokenize` (lower case, no pair across punctuation). Used by the
``genitive`` detector (a Russian genitive rendered as an adjective through the pivot: «le décompte vocal»
for «le décompte des voix»). Loaded lazily, once (:func:`get_noun_phrases`; ``None`` when absent).
"""

from __future__ import annotations

import csv
import functools
import gzip
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DE_DETS", "MODEL_NAME", "NounPhrases", "get_noun_phrases", "modifier_key", "noun_key"]

#: the model folder on the models search path (:mod:`mtreview.resources`)
MODEL_NAME = "noun-phrases"
#: the forms of «de» (+ article) counted between two nouns, as :func:`ngrams.tokenize` writes them
DE_DETS = ("de", "du", "des", "de la", "de l'")


@functools.lru_cache(maxsize=200_000)
def _tags(form: str) -> tuple[str, ...]:
    from ..detectors.french import morph_tags

    return morph_tags(form)


@functools.lru_cache(maxsize=200_000)
def noun_key(form: str) -> str | None:
    """The noun lemma of a lower-case ``form`` («revenus» → «revenu», «députées» → «député»), or None
    when the lexicon knows no noun reading or the form is also a function word («la», «pas»)."""
    tags = _tags(form)
    if not tags or any(":G" in m or ":V0" in m or ":B" in m for m in tags):
        return None
    for m in tags:
        if ":N" in m:
            return m.split("/", 1)[0].lstrip(">")
    return None


@functools.lru_cache(maxsize=200_000)
def modifier_key(form: str) -> str | None:
    """The lemma of a word used after a noun as its modifier: an adjective's masculine singular
    («administratifs» → «administratif»), else a noun's lemma («ingénieure» → «ingénieur»); None for
    function words, verbs and participles with no adjective or noun reading."""
    tags = _tags(form)
    if not tags or any(":G" in m or ":V0" in m or ":B" in m for m in tags):
        return None
    for m in tags:
        if ":A" in m and ":V" not in m:
            return m.split("/", 1)[0].lstrip(">")
    for m in tags:
        if ":N" in m:
            return m.split("/", 1)[0].lstrip(">")
    return None


def _read_tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
        return [r for r in csv.reader((ln for ln in f if not ln.startswith("#")), delimiter="\t",
                                      quoting=csv.QUOTE_NONE) if r]


@dataclass
class NounPhrases:
    """The loaded tables (see the module docstring)."""

    adj: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (head, n2 lemma) → [(count, det, n2 form), …], most frequent first
    de: dict[tuple[str, str], list[tuple[int, str, str]]] = field(default_factory=dict)
    #: adjective lemma → [(base noun lemma, source), …]
    relational: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: how often each noun lemma heads a counted «N ADJ» pair / «N de N2» phrase
    head_adj: dict[str, int] = field(default_factory=dict)
    head_de: dict[str, int] = field(default_factory=dict)

    def adj_count(self, head: str, modifier: str) -> int:
        """How often «head modifier» (any forms) was seen."""
        return self.adj.get((head, modifier), 0)

    def de_count(self, head: str, n2: str) -> int:
        """How often «head de (det) n2» (any determiner, any forms) was seen."""
        return sum(c for c, _, _ in self.de.get((head, n2), ()))

    def de_variants(self, head: str, n2: str) -> list[tuple[int, str, str]]:
        """(count, det, n2 form) of «head de (det) n2», most frequent first."""
        return self.de.get((head, n2), [])

    def bases(self, modifier: str) -> list[tuple[str, str]]:
        """The base nouns of a relational adjective (curated first), each with its source."""
        return self.relational.get(modifier, [])


@functools.lru_cache(maxsize=1)
def get_noun_phrases(model_dir: Path | None = None) -> NounPhrases | None:
    """The tables of ``model_dir`` (default: ``noun-phrases`` on the models search path), loaded once; None
    when absent."""
    from ..resources import find_model_dir

    d = model_dir or find_model_dir(MODEL_NAME)
    if d is None or not (d / "noun_adj.tsv.gz").exists() or not (d / "noun_de.tsv.gz").exists():
        return None
    out = NounPhrases()
    head_adj: dict[str, int] = defaultdict(int)
    for h, m, c in _read_tsv(d / "noun_adj.tsv.gz"):
        n = int(c)
        out.adj[(h, m)] = n
        head_adj[h] += n
    de: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    head_de: dict[str, int] = defaultdict(int)
    for h, det, form, lemma, c in _read_tsv(d / "noun_de.tsv.gz"):
        n = int(c)
        de[(h, lemma)].append((n, det, form))
        head_de[h] += n
    for v in de.values():
        v.sort(reverse=True)
    out.de = dict(de)
    out.head_adj, out.head_de = dict(head_adj), dict(head_de)
    rel: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in ("relational_curated.tsv", "relational.tsv"):
        p = d / name
        if p.exists():
            for row in _read_tsv(p):
                if len(row) >= 2 and row[0] != "adjective" and (row[1], row[2] if len(row) > 2 else name) \
                        not in rel[row[0]] and all(b != row[1] for b, _ in rel[row[0]]):
                    rel[row[0]].append((row[1], row[2] if len(row) > 2 else name))
    out.relational = dict(rel)
    return out
