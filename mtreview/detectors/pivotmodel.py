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

A *gate* (:func:`gate`) then keeps a span only with evidence independent of the tagger: a duplicated
complement, a lone copula dash after a short subject, a confident English word French does not write, a
table correction that fr-ngrams finds clearly more natural, a word that goes with neither neighbour in
fr-ngrams although chance predicts the pair, or a confident phrase fr-ngrams never saw. It takes the
model alone from ~39 to ≤ 2.5 flags per 1,000 clean lines (``bench/pivotmodel_gate.py``,
``bench/results/pivotmodel_gate.json``); ``PivotModelDetector(gated=False)`` gives every span.
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
#: a flag of the model is never surer than this: its probability is not calibrated on real text, and where
#: a rule of another detector flags the same words (a repeated complement, a copula dash) the rule's flag,
#: which knows the correction, wins the overlap
MAX_CONFIDENCE = 0.55
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
            from ..pivotmodel.numpy_infer import load

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
    from ..pivotmodel.features import zipf_bucket

    return zipf_bucket(word) >= 3


# --------------------------------------------------------------------------- the gate
#: an n-gram absent from fr-ngrams is evidence only when chance alone predicts it ≥ this many times
GATE_MIN_EXPECTED = 5.0
#: a table correction is kept when the corrected phrase scores ≥ this much better (log10 stupid backoff)
GATE_SUGGESTION_MARGIN = 1.0
#: a phrase the model marks with at least this probability is kept when fr-ngrams never saw it
GATE_PHRASE_CONFIDENCE = 0.95
#: an English leftover: English Zipf ≥ this, and ≥ GATE_ENGLISH_LEAD above its French Zipf
GATE_ENGLISH_ZIPF = 3.0
GATE_ENGLISH_LEAD = 1.2
#: … and the model at least this sure (borrowings such as «draft» get middling probabilities)
GATE_ENGLISH_CONFIDENCE = 0.9
#: a copula dash closes a short subject: at most this many words since the clause began
GATE_COPULA_WORDS = 6
_WORDS_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*['’]?")
_DASHES = "—–"


def _ng() -> Any:
    from ..knowledge.ngrams import get_ngrams

    return get_ngrams()


def _ng_tokens(s: str) -> list[str]:
    from ..knowledge.ngrams import tokenize

    return [t for seg in tokenize(s) for t in seg]


def _neighbours(text: str, a: int, b: int) -> tuple[list[str], list[str]]:
    """Up to two fr-ngrams tokens right before ``text[a:b]`` and right after it, within one n-gram run
    (only spaces between the words: punctuation or a digit ends the context, as in the counts)."""
    from ..knowledge.ngrams import tokenize

    head = text[max(0, a - 60):a]
    left: list[str] = []
    if re.search(r"[^\W\d_]['’]?[ \u00a0]*$", head):
        segs = tokenize(head)
        left = segs[-1][-2:] if segs else []
    tail = text[b:b + 60]
    right: list[str] = []
    if re.match(r"[ \u00a0]*[^\W\d_]", tail) and not re.match(r"[^\W\d_]", tail[:1] or " "):
        segs = tokenize(tail)
        right = segs[0][:2] if segs else []
    return left, right


def _unexpected_gap(left: list[str], words: list[str], right: list[str]) -> bool:
    """A flagged word goes with neither neighbour: fr-ngrams never saw it beside the word before nor beside
    the word after (both present in the same run of words), although chance alone (the product of the
    frequencies) predicts one of the two pairs ≥ GATE_MIN_EXPECTED times; or, for a flagged phrase of two
    words or more, a word triple of it (with its neighbours) is unseen although its two pairs predict it
    ≥ GATE_MIN_EXPECTED times (count(x y) · count(y z) / count(y)): «accepter des mesures»."""
    ng = _ng()
    seq = left[-1:] + words + right[:1]
    first = len(left[-1:])
    for i in range(first, first + len(words)):
        if i == 0 or i == len(seq) - 1:
            continue
        expected = 0.0
        for x, y in ((seq[i - 1], seq[i]), (seq[i], seq[i + 1])):
            if ng.count([x, y]):
                break
            cx, cy = ng.count([x]), ng.count([y])
            expected = max(expected, cx * cy / ng.total)
        else:
            if expected >= GATE_MIN_EXPECTED:
                return True
    if len(words) < 2:
        return False
    # a flagged phrase: one of its word triples is unseen although its two pairs predict it
    for k in range(len(seq) - 2):
        x, y, z = seq[k:k + 3]
        if k + 2 < first or k >= first + len(words) or ng.count([x, y, z]):
            continue
        cy = ng.count([y])
        if cy and ng.count([x, y]) * ng.count([y, z]) / cy >= GATE_MIN_EXPECTED:
            return True
    return False


def _unseen_phrase(words: list[str]) -> bool:
    """Two words or more, each known to fr-ngrams, and some pair or triple of them never seen there."""
    ng = _ng()
    if len(words) < 2 or not all(ng.count([w]) for w in words):
        return False
    n = min(3, len(words))
    return any(not ng.count(words[k:k + n]) for k in range(len(words) - n + 1))


#: the words that may stand between a complement and its duplicate («de la ville de la ville»)
_LINKS = frozenset({"de", "du", "des", "le", "la", "les", "l'"})


def _repeated_complement(left: list[str], words: list[str], text: str, a: int) -> bool:
    """A flagged content word repeats an earlier one with nothing but «de», «du», «des» or an article
    between them in the same run of words, and either nothing or a bare «de» between them, or the earlier
    one itself a complement (after «de», «du», «des»): «l'usine de usine», «télévisée télévisée», «du
    tournoi du tournoi» (not «jour et nuit», «petit à petit», «la peur, la peur», «à droite de la droite»,
    «le successeur du successeur»; nor a repeating set phrase fr-ngrams counts, «au jour le jour»)."""
    from ..knowledge.ngrams import tokenize

    head = text[max(0, a - 80):a]
    run = tokenize(head)[-1] if left and tokenize(head) else []
    seq = run + words
    for i in range(len(run), len(seq)):
        w = seq[i]
        if len(w) <= 2 or w in _LINKS:
            continue
        for j in range(i - 1, max(-1, i - 5), -1):
            if seq[j] == w:
                if all(x in _LINKS for x in seq[j + 1:i]) and (
                        seq[j + 1:i] in ([], ["de"]) or _complement(seq[:j])):
                    # a set phrase that repeats a word («au jour le jour») is counted in fr-ngrams
                    return not (i - j + 1 <= 3 and _ng().count(seq[j:i + 1]))
                break
            if seq[j] not in _LINKS and j < len(run):
                break
    return False


def _complement(before: list[str]) -> bool:
    """``before`` ends with «de», «du» or «des», maybe followed by an article."""
    rest = list(before)
    while rest and rest[-1] in {"le", "la", "les", "l'"}:
        rest.pop()
    return bool(rest) and rest[-1] in {"de", "du", "des"}


def _fit(left: list[str], words: list[str], right: list[str]) -> float:
    """log10 stupid-backoff score of ``words`` and the word after them, given the two words before."""
    toks = words + right[:1]
    return _ng().logprob(toks, left) if toks else 0.0


def _english(word: str, neighbours: list[str]) -> bool:
    """An English word French does not write (absent from fr-ngrams, far commoner in English), among French
    words (an English word beside another English word is a quotation or a title, not a leftover)."""
    from wordfreq import zipf_frequency

    def foreign(w: str) -> bool:
        en, fr = zipf_frequency(w, "en"), zipf_frequency(w, "fr")
        return not _ng().count([w]) and en >= GATE_ENGLISH_ZIPF and en - fr >= GATE_ENGLISH_LEAD

    return foreign(word) and not any(zipf_frequency(n, "en") > zipf_frequency(n, "fr") for n in neighbours)


def gate(text: str, a: int, b: int, suggestion: list[str] | None = None, probability: float = 1.0) -> str:
    """Why the model's flag on ``text[a:b]`` (``text``: its segment) is kept, or ``""`` to drop it.

    The model alone raises ~40 flags per 1,000 lines of clean human French, mostly common words in their
    ordinary use and modern or technical words rare in its training text. A flag is kept only with evidence
    the tagger does not have, independent of it:

    - ``repeat``: a flagged word repeats one of the three words before it (a duplicated complement);
    - ``copula``: a lone dash closing a short subject (≤ GATE_COPULA_WORDS words since the sentence, the
      quotation or the clause began) and followed by a word (the Russian zero copula); a dash with a
      second one in the sentence opens an aside;
    - ``english``: an English word French does not write (see :func:`_english`), the model ≥
      GATE_ENGLISH_CONFIDENCE sure;
    - ``table``: the tables' correction (:func:`suggest`) fits the neighbours clearly better in fr-ngrams
      (≥ GATE_SUGGESTION_MARGIN, log10) than the written words, all of which fr-ngrams knows (an unknown
      word's score says nothing);
    - ``unattested``: a flagged word goes with neither of its neighbours: fr-ngrams never saw either pair
      although their frequencies predict one ≥ GATE_MIN_EXPECTED times (see :func:`_unexpected_gap`);
    - ``confident``: a phrase of known words the model marks ≥ GATE_PHRASE_CONFIDENCE that fr-ngrams never
      saw (its words, or a triple of them: «accepter des mesures», «a pris place»).

    Anything else (an attested phrase, a rare or technical word wordfreq or the counts know, a number, a
    unit, punctuation) is dropped.
    """
    span = text[a:b]
    words = _ng_tokens(span)
    left, right = _neighbours(text, a, b)
    if not words:
        return _copula(text, a, b)
    if _repeated_complement(left, words, text, a):
        return "repeat"
    if len(words) == 1 and probability >= GATE_ENGLISH_CONFIDENCE and _english(words[0], left[-1:] + right[:1]):
        return "english"
    if suggestion and suggestion[0] and all(_ng().count([w]) for w in words):
        sugg = _ng_tokens(suggestion[0])
        if sugg and _fit(left, sugg, right) - _fit(left, words, right) >= GATE_SUGGESTION_MARGIN:
            return "table"
    if _unexpected_gap(left, words, right):
        return "unattested"
    if probability >= GATE_PHRASE_CONFIDENCE and _unseen_phrase(words):
        return "confident"
    return ""


def _copula(text: str, a: int, b: int) -> str:
    span = text[a:b].strip()
    if len(span) != 1 or span not in _DASHES:
        return ""
    start = max(text.rfind(c, 0, a) for c in ".!?«\"“:;,\n") + 1
    end = min([i for i in (text.find(c, b) for c in ".!?»\n") if i >= 0] or [len(text)])
    clause = text[start:a]
    if any(d in text[start:a] + text[b:end] for d in _DASHES):
        return ""
    n = len(_WORDS_RE.findall(clause))
    if not 1 <= n <= GATE_COPULA_WORDS or re.search(r"\d", clause):
        return ""
    return "copula" if re.match(r"[ \u00a0]*[^\W\d_]", text[b:]) else ""


class PivotModelDetector(BaseDetector):
    """Spans the learned pivot-error tagger marks, with a table correction where one is known."""

    name = "pivotmodel"
    categories = ("accuracy/mistranslation",)
    parse = "none"

    def __init__(self, threshold: float = 0.5, model_dir: str | Path | None = None, batch: int = 64,
                 gated: bool = True) -> None:
        self.threshold = threshold
        self.gated = gated  # False: every span the model marks (measurement only; see :func:`gate`)
        self.model_dir = Path(model_dir) if model_dir else None  # None: the shipped model
        self.batch = batch

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        for flag, why in self.judged(document):
            if why or not self.gated:
                yield flag

    def judged(self, document: Document) -> Iterator[tuple[Flag, str]]:
        """Every span the model marks (≥ ``threshold``) as a flag, with the gate's verdict (:func:`gate`:
        why it is kept, ``""`` when the gated detector drops it); ``evidence["gate"]`` holds the same."""
        text = document.text
        segs = document.segments
        if not segs:
            return
        model, feat, _ = get_model(self.model_dir)  # a missing model is a clear error before any inference
        from ..pivotmodel.numpy_infer import predict, spans_from_tokens

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
                why = gate(seg_text, a, b, sugg, p)
                p = round(min(1.0, max(0.0, p)), 3)
                orig = text[fa:fb]
                expl = (f"«\u00a0{text[sa:sb]}\u00a0»\u00a0: le modèle des erreurs de traduction par pivot y voit "
                        f"probablement une faute de sens ou un calque (probabilité {p:.2f})")
                expl += f"\u00a0; {what}." if what else "."
                yield Flag(start=fa, end=fb, text=orig, category="accuracy/mistranslation",
                           severity="major" if p >= 0.8 else "minor", confidence=min(p, MAX_CONFIDENCE),
                           suggestions=sugg,
                           explanation=expl, detector=self.name,
                           evidence={"model": "pivot-errors", "probability": p, "gate": why}), why

    @staticmethod
    def _is_name(seg_text: str, a: int, b: int) -> bool:
        """Every word of the span capitalised and not at the start of a sentence: a name, not ours."""
        words = re.findall(r"[^\W\d_]+", seg_text[a:b])
        if not words or not all(w[:1].isupper() for w in words):
            return False
        before = seg_text[:a].rstrip()
        return bool(before) and before[-1] not in ".!?«:—–\"“(["
