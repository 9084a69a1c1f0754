"""Confusion knowledge for the mistranslation detector: pivot senses, calque patterns, context model.

Three kinds of knowledge, all read from data files (``knowledge/data/confusions/``, sources in the
README there) and never from code:

* **pivot sense sets** (``pivot_senses.tsv``): a French word that a translation through a pivot language
  produces for the wrong sense of a polysemous pivot word (ru «мир» → «monde» where «paix» was meant),
  with the cues that say the other sense is wanted and the cues that say the word is right;
* **dictionary-born sets** (``pivot_auto.tsv``): French words that share a Russian translation in the
  FreeDict fra-rus dictionary and are far apart in meaning (built by ``build-sets`` below);
* **calque patterns** (``calques.jsonl``): spaCy ``Matcher`` token patterns for known calques, false
  friends and anglicisms, with their suggestion templates;
* **valence** (``valence.tsv``): the preposition a French head word governs and the one a calque puts
  instead («participation dans» → «participation à»).

The **context model** (:class:`CooccurrenceModel`) scores how well a French lemma fits the content lemmas
of a sentence (positive pointwise mutual information over sentence co-occurrences). It is trained by the
project on permissive French text from ``../shared/data`` (``$MTREVIEW_SHARED_DATA``; see
``models/cooc-fr/README.md``) and found through :mod:`mtreview.resources`. Rebuild it:

    python3 -m mtreview.knowledge.confusions build-model

This module only loads and scores; it does not flag anything (that is
:mod:`mtreview.detectors.mistranslation`) and it never mutates what it loaded.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data" / "confusions"
SENSES_FILE = DATA_DIR / "pivot_senses.tsv"
AUTO_FILE = DATA_DIR / "pivot_auto.tsv"
CALQUES_FILE = DATA_DIR / "calques.jsonl"
#: idioms rendered word for word through the pivot, read after ``calques.jsonl`` (same format)
IDIOM_CALQUES_FILE = DATA_DIR / "idiom_calques.jsonl"
#: general English false friends and anglicisms, read after ``calques.jsonl`` and before the idioms (same format)
FALSE_FRIEND_CALQUES_FILE = DATA_DIR / "false_friend_calques.jsonl"
VALENCE_FILE = DATA_DIR / "valence.tsv"
PERSON_FILE = DATA_DIR / "person_evidence.tsv"
#: support-verb calques («porter des pertes» → «subir»): noun, wrong verbs, right verbs (README.md)
SUPPORT_VERBS_FILE = DATA_DIR / "support_verbs.tsv"
#: the context model's folder on the search path of :mod:`mtreview.resources`, and its file there
MODEL_NAME = "cooc-fr"
MODEL_FILENAME = "cooc-fr.tsv.gz"

#: parts of speech whose lemmas carry content (context for the model)
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN", "ADV"}


# --------------------------------------------------------------------------- cues
@dataclass(frozen=True)
class Cue:
    """One piece of context evidence: ``kind`` is ctx | head | child | prev | next | subj | obj | text."""

    kind: str
    values: frozenset[str]


def parse_cues(spec: str) -> list[Cue]:
    """``"ctx:guerre|conflit, head:rétablir"`` → cues (an item without ``kind:`` is ``ctx``)."""
    cues: list[Cue] = []
    for item in (s.strip() for s in spec.split(",")):
        if not item or item == "-":
            continue
        kind, _, vals = item.partition(":") if ":" in item else ("ctx", "", item)
        kind = kind.strip()
        if kind == "text":
            cues.append(Cue(kind, frozenset([vals.strip()])))
        else:
            cues.append(Cue(kind, frozenset(v.strip().lower() for v in vals.split("|") if v.strip())))
    return cues


@dataclass
class SenseConfusion:
    """A French rendering of the wrong sense of a pivot word, with the right one(s) and the cues."""

    id: str
    pivot: str
    pos: str
    wrong: str
    right: list[str]
    cues: list[Cue]
    anti: list[Cue]
    det: str = ""
    category: str = "accuracy/mistranslation"
    severity: str = "major"
    confidence: float = 0.8
    source: str = ""
    note: str = ""
    auto: bool = False


def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t",
                                          quoting=csv.QUOTE_NONE)]
    return [{k: (v or "").strip() for k, v in r.items() if k} for r in rows]


@functools.lru_cache(maxsize=1)
def sense_confusions() -> dict[str, list[SenseConfusion]]:
    """Curated pivot sense confusions indexed by the lemma of the wrong French word."""
    out: dict[str, list[SenseConfusion]] = {}
    for r in _read_tsv(SENSES_FILE):
        if not r.get("wrong"):
            continue
        c = SenseConfusion(
            id=r["id"], pivot=r.get("pivot", ""), pos=r.get("pos", ""), wrong=r["wrong"].lower(),
            right=[x.strip() for x in r.get("right", "").split("|") if x.strip()],
            cues=parse_cues(r.get("cues", "")), anti=parse_cues(r.get("anti", "")), det=r.get("det", ""),
            category=r.get("category") or "accuracy/mistranslation",
            severity=r.get("severity") or "major", confidence=float(r.get("confidence") or 0.8),
            source=r.get("source", ""), note=r.get("note", ""))
        out.setdefault(c.wrong, []).append(c)
    return out


@functools.lru_cache(maxsize=1)
def auto_confusions() -> dict[str, list[SenseConfusion]]:
    """Dictionary-born confusion pairs (``pivot_auto.tsv``) indexed by the French lemma."""
    out: dict[str, list[SenseConfusion]] = {}
    for r in _read_tsv(AUTO_FILE):
        a, b = r.get("a", "").lower(), r.get("b", "").lower()
        if not a or not b:
            continue
        for wrong, right in ((a, b), (b, a)):
            out.setdefault(wrong, []).append(SenseConfusion(
                id=f"auto:{r.get('pivot', '')}:{wrong}", pivot=f"ru:{r.get('pivot', '')}", pos="",
                wrong=wrong, right=[right], cues=[], anti=[], confidence=0.5, auto=True,
                source="FreeDict fra-rus (shared Russian translation)"))
    return out


@dataclass
class CalquePattern:
    """A spaCy ``Matcher`` pattern for a known calque, with its suggestion template."""

    id: str
    pattern: list[dict[str, Any]]
    category: str
    severity: str
    confidence: float
    suggest: str = ""
    span: tuple[int, int] | None = None
    explanation: str = ""
    pivot: str = ""
    source: str = ""
    requires: list[Cue] = field(default_factory=list)
    anti: list[Cue] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def calque_patterns() -> list[CalquePattern]:
    """The calque, false-friend and preposition patterns of ``calques.jsonl``, then the literal idiom
    renderings of ``idiom_calques.jsonl``."""
    out: list[CalquePattern] = []
    lines = [ln for path in (CALQUES_FILE, FALSE_FRIEND_CALQUES_FILE, IDIOM_CALQUES_FILE)
             if path.exists()
             for ln in path.read_text(encoding="utf-8").splitlines()]
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        d = json.loads(line)
        span = tuple(d["span"]) if d.get("span") else None
        out.append(CalquePattern(
            id=d.get("id", f"calque{n}"), pattern=d["pattern"],
            category=d.get("category", "accuracy/mistranslation"), severity=d.get("severity", "major"),
            confidence=float(d.get("confidence", 0.75)), suggest=d.get("suggest", ""),
            span=span, explanation=d.get("explanation", ""), pivot=d.get("pivot", ""),
            source=d.get("source", ""), requires=parse_cues(d.get("requires", "")),
            anti=parse_cues(d.get("anti", ""))))
    return out


@dataclass(frozen=True)
class ValenceRule:
    """«``lemma`` + ``wrong``» should be «``lemma`` + ``right``» (``right`` empty: no preposition), unless the
    phrase's noun is one of ``anti`` (an adjunct: «accusé dans l'affaire», «se marier sur la plage»)."""

    lemma: str
    pos: str
    wrong: str
    right: str
    confidence: float
    source: str
    anti: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def valence_rules() -> dict[str, list[ValenceRule]]:
    """Valence rules indexed by head lemma."""
    out: dict[str, list[ValenceRule]] = {}
    for r in _read_tsv(VALENCE_FILE):
        if not r.get("lemma"):
            continue
        rule = ValenceRule(r["lemma"].lower(), r.get("pos", ""), r.get("wrong", "").lower(),
                           r.get("right", "").lower(), float(r.get("confidence") or 0.7), r.get("source", ""),
                           frozenset(w for w in (r.get("anti") or "").lower().split("|") if w))
        out.setdefault(rule.lemma, []).append(rule)
    return out


@dataclass(frozen=True)
class SupportVerb:
    """A support-verb calque: the ``wrong`` verbs a pivot writes with the noun ``noun`` where French uses
    the ``right`` ones (best first); ``det`` constrains the noun's determiner (any | det | indef), ``np`` is
    the noun phrase of the suggestion when it changes («l'accent», «fin»)."""

    id: str
    noun: str
    wrong: frozenset[str]
    right: tuple[str, ...]
    det: str
    np: str
    requires: list[Cue]
    anti: list[Cue]
    pivot: str
    severity: str
    confidence: float
    source: str


@functools.lru_cache(maxsize=1)
def support_verbs() -> dict[str, list[SupportVerb]]:
    """Support-verb calques indexed by noun lemma (``support_verbs.tsv``)."""
    out: dict[str, list[SupportVerb]] = {}
    for r in _read_tsv(SUPPORT_VERBS_FILE):
        noun = (r.get("noun") or "").lower()
        if not noun:
            continue
        opt = {k: ("" if (r.get(k) or "-") == "-" else r[k]) for k in ("np", "requires", "anti", "det")}
        out.setdefault(noun, []).append(SupportVerb(
            r["id"], noun, frozenset(w for w in r.get("wrong", "").lower().split("|") if w),
            tuple(w for w in r.get("right", "").lower().split("|") if w), opt["det"] or "any", opt["np"],
            parse_cues(opt["requires"]), parse_cues(opt["anti"]), r.get("pivot", ""),
            r.get("severity") or "minor", float(r.get("confidence") or 0.65), r.get("source", "")))
    return out


@functools.lru_cache(maxsize=1)
def support_right_verbs() -> dict[str, frozenset[str]]:
    """Every right support verb of each noun (all its rows): such a verb is never flagged with it."""
    return {n: frozenset(v for e in es for v in e.right) for n, es in support_verbs().items()}


@functools.lru_cache(maxsize=1)
def person_evidence() -> dict[str, frozenset[str]]:
    """Verbs whose subject (``speaker``) or «à» complement (``addressee``) is a person; ``collective``
    nouns (organisations, groups) that form legitimate noun–noun compounds with a noun of person;
    ``person_head`` nouns (femme, homme …) that take a noun of person in apposition («femme ministre»)."""
    out: dict[str, set[str]] = {"speaker": set(), "addressee": set(), "collective": set(), "person_head": set()}
    for r in _read_tsv(PERSON_FILE):
        if r.get("role") in out and r.get("lemma"):
            out[r["role"]].add(r["lemma"].lower())
    return {k: frozenset(v) for k, v in out.items()}


# --------------------------------------------------------------------------- context model
class CooccurrenceModel:
    """Sentence co-occurrence statistics of French lemmas: how well does a lemma fit a context?

    ``fit(word, context)`` is the mean of the ``k`` largest positive PMI values between ``word`` and the
    context lemmas (0 when nothing is known); pair counts are discounted (``c − 0.5``) and pairs seen
    once are not stored, so that rare pairs do not dominate.
    """

    def __init__(self, sentences: int, df: dict[str, int], pairs: dict[tuple[str, str], int],
                 discount: float = 0.5) -> None:
        self.n = max(1, sentences)
        self.df = df
        self.pairs = pairs
        self.discount = discount

    def __contains__(self, word: str) -> bool:
        return word in self.df

    def count(self, a: str, b: str) -> int:
        return self.pairs.get((a, b) if a <= b else (b, a), 0)

    def pmi(self, a: str, b: str) -> float:
        """Positive PMI of two lemmas over sentences, with absolute discounting of the pair count."""
        c = self.count(a, b)
        if c == 0 or a not in self.df or b not in self.df:
            return 0.0
        return max(0.0, math.log((c - self.discount) * self.n / (self.df[a] * self.df[b])))

    def fit(self, word: str, context: Iterable[str], k: int = 3) -> float:
        vals = sorted((self.pmi(word, c) for c in set(context) if c != word), reverse=True)
        top = [v for v in vals[:k] if v > 0]
        return sum(top) / k if top else 0.0

    @classmethod
    def load(cls, path: Path | None = None) -> CooccurrenceModel | None:
        """The model in ``path`` (default: the shipped one, found by :mod:`mtreview.resources`); ``None``
        when it is absent."""
        if path is None:
            from ..resources import find_model_dir

            folder = find_model_dir(MODEL_NAME)
            if folder is None:
                return None
            path = folder / MODEL_FILENAME
        if not path.exists():
            return None
        df: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        sentences = 0
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if parts[0] == "N":
                    sentences = int(parts[1])
                elif parts[0] == "u":
                    df[parts[1]] = int(parts[2])
                elif parts[0] == "p":
                    pairs[(parts[1], parts[2])] = int(parts[3])
        return cls(sentences, df, pairs)


@functools.lru_cache(maxsize=1)
def get_cooc_model() -> CooccurrenceModel | None:
    """The project's co-occurrence model (``models/cooc-fr``), or None when it is not built."""
    return CooccurrenceModel.load()


# --------------------------------------------------------------------------- building
def _tatoeba_french(path: Path) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1] not in seen:
                seen.add(parts[1])
                out.append(parts[1])
    return out


def content_lemmas(doc: Any) -> list[str]:
    """Lower-case lemmas of the content words of a spaCy ``Doc`` or span (no stop words, no digits)."""
    out = []
    for t in doc:
        if t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop and len(t.text) > 1:
            out.append(t.lemma_.lower())
    return out


def build_model(sources: Sequence[Path], out: Path | None = None, min_df: int = 3, min_pair: int = 2,
                limit: int | None = None) -> dict[str, Any]:
    """Count sentence co-occurrences of content lemmas in the French side of the training corpora.

    Training text: Tatoeba/ManyThings fra-eng (CC BY 2.0 FR), French side, de-duplicated. The parse is
    the project's spaCy pipeline (lemmas and parts of speech; the parser and NER are switched off).
    """
    from ..nlp import get_nlp

    nlp = get_nlp()
    texts: list[str] = []
    for src in sources:
        texts.extend(_tatoeba_french(src))
    if limit:
        texts = texts[:limit]
    df: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    with nlp.select_pipes(disable=[p for p in ("parser", "ner") if p in nlp.pipe_names]):
        for doc in nlp.pipe(texts, batch_size=512):
            lem = sorted(set(content_lemmas(doc)))
            df.update(lem)
            for i, a in enumerate(lem):
                for b in lem[i + 1:]:
                    pairs[(a, b)] += 1
    keep = {w for w, c in df.items() if c >= min_df}
    if out is None:
        from ..resources import source_models_dir

        out = source_models_dir() / MODEL_NAME / MODEL_FILENAME
    out.parent.mkdir(parents=True, exist_ok=True)
    n_pairs = 0
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"N\t{len(texts)}\n")
        for w in sorted(keep):
            f.write(f"u\t{w}\t{df[w]}\n")
        for (a, b), c in sorted(pairs.items()):
            if c >= min_pair and a in keep and b in keep:
                f.write(f"p\t{a}\t{b}\t{c}\n")
                n_pairs += 1
    return {"sentences": len(texts), "lemmas": len(keep), "pairs": n_pairs,
            "bytes": out.stat().st_size}


_IPA = re.compile(r"\s*/[^/]*/\s*")


def build_auto_sets(out: Path = AUTO_FILE, max_similarity: float = 0.3, min_zipf: float = 3.0) -> int:
    """French word pairs that share a Russian translation in FreeDict fra-rus and differ in meaning.

    Two single-word French translations of one Russian headword form a pair when both are common French
    words (wordfreq Zipf ≥ ``min_zipf``) and far apart in meaning: cosine of their static word vectors
    (the spaCy pipeline's, trained on large French corpora) ≤ ``max_similarity``, or of their PPMI
    context vectors in the project's co-occurrence model when a word has no vector: «мир» → monde /
    paix (0.25). Synonyms (société / entreprise, 0.78) share contexts and are left out.
    """
    import numpy as np

    from ..nlp import get_nlp
    from .dictionaries import get_dictionary
    from .lexicon import zipf_fr

    model = get_cooc_model()
    if model is None:
        raise SystemExit("build the co-occurrence model first (build-model)")
    vectors = _ppmi_vectors(model)
    vocab = get_nlp().vocab

    def similarity(a: str, b: str) -> float:
        if vocab.has_vector(a) and vocab.has_vector(b):
            x, y = vocab.get_vector(a), vocab.get_vector(b)
            return float(x @ y / (np.linalg.norm(x) * np.linalg.norm(y)))
        return _cosine(vectors.get(a, {}), vectors.get(b, {}))

    inv = get_dictionary("fra-rus").inverted()
    rows: list[tuple[str, str, str, float]] = []
    seen: set[tuple[str, str]] = set()
    for ru, frs in sorted(inv.items()):
        words = []
        for w in frs:
            w = _IPA.sub("", w).strip().lower()
            if w and " " not in w and w.isalpha() and zipf_fr(w) >= min_zipf and \
                    (w in model or vocab.has_vector(w)):
                words.append(w)
        words = list(dict.fromkeys(words))
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                key = (a, b) if a < b else (b, a)
                if key in seen:
                    continue
                sim = similarity(a, b)
                if sim <= max_similarity:
                    seen.add(key)
                    rows.append((ru, key[0], key[1], sim))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write("# Built by `python3 -m mtreview.knowledge.confusions build-sets` from FreeDict fra-rus\n")
        f.write("# (Debian dict-freedict-fra-rus, CC BY-SA 3.0) and models/cooc-fr; do not edit by hand.\n")
        f.write("pivot\ta\tb\tsimilarity\n")
        for ru, a, b, sim in rows:
            f.write(f"{ru}\t{a}\t{b}\t{sim:.3f}\n")
    return len(rows)


def _ppmi_vectors(model: CooccurrenceModel) -> dict[str, dict[str, float]]:
    vec: dict[str, dict[str, float]] = {}
    for (a, b) in model.pairs:
        v = model.pmi(a, b)
        if v > 0:
            vec.setdefault(a, {})[b] = v
            vec.setdefault(b, {})[a] = v
    return vec


def _cosine(x: dict[str, float], y: dict[str, float]) -> float:
    if not x or not y:
        return 0.0
    dot = sum(v * y.get(k, 0.0) for k, v in x.items())
    nx = math.sqrt(sum(v * v for v in x.values()))
    ny = math.sqrt(sum(v * v for v in y.values()))
    return dot / (nx * ny) if nx and ny else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m mtreview.knowledge.confusions",
                                description="Build the confusion knowledge (context model, dictionary sets).")
    sub = p.add_subparsers(dest="cmd", required=True)
    bm = sub.add_parser("build-model", help="train models/cooc-fr from ../shared/data")
    bm.add_argument("--source", type=Path, action="append",
                    help="Tatoeba-format TSV (English<TAB>French); default: shared tatoeba fra.txt")
    bm.add_argument("--out", type=Path, default=None,
                    help="model file (default: the source checkout's models/cooc-fr/cooc-fr.tsv.gz)")
    bm.add_argument("--min-df", type=int, default=3)
    bm.add_argument("--min-pair", type=int, default=2)
    bm.add_argument("--limit", type=int, default=None)
    bs = sub.add_parser("build-sets", help="derive pivot_auto.tsv from FreeDict fra-rus and the model")
    bs.add_argument("--out", type=Path, default=AUTO_FILE)
    args = p.parse_args(argv)
    if args.cmd == "build-model":
        from ..resources import shared_data_dir

        sources = args.source or [shared_data_dir() / "tatoeba-manythings-fra-eng" / "fra.txt"]
        print(json.dumps(build_model(sources, args.out, args.min_df, args.min_pair, args.limit)))
    else:
        print(f"{build_auto_sets(args.out)} pairs written to {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
