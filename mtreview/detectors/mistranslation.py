"""The mistranslation detector (``accuracy/mistranslation``, some ``fluency/grammar``): wrong senses and calques.

Four mechanisms, all driven by data (:mod:`mtreview.knowledge.confusions`, files in
``knowledge/data/confusions/`` with their sources):

1. **Pivot senses** (``pivot_senses.tsv``): a French word that renders the wrong sense of a polysemous
   pivot word (ru «мир» → «monde» for *peace*). It is flagged when one of the entry's cues holds in the
   parse (a context word, the head, the object …) and none of its counter-cues; the *context score* —
   how much better the other sense fits the sentence, from the project's co-occurrence model and the
   parse's word vectors — raises or lowers the confidence, and can veto a weak flag.
2. **Calque patterns** (``calques.jsonl``): spaCy ``Matcher`` patterns («la liste des Noirs», «faire une
   étape», «sur le Eve de») with suggestion templates that inflect the replacement like the words they
   replace (verb tense and person through Grammalecte's conjugator).
3. **Valence** (``valence.tsv``): the wrong preposition after a head word («participation dans»).
4. **Genitive calques**: a person noun used as an adjective («les conversations milliardaires» for *the
   billionaire's conversations*, a Russian genitive rendered as an adjective) when the document also uses
   that word as a noun for a person; and, for the nouns of person of ``genitive_persons.tsv`` («des plaintes
   patientes», «plusieurs pétitions locataires»), when ``models/fr-ngrams`` never writes that pair and reads
   the word as a person far more often than as an adjective (see ``_genitive_judge``).
5. **Preposition statistics** (``models/fr-ngrams``, :mod:`mtreview.knowledge.ngrams`): a head word
   followed by a preposition that human-written French never puts after it while it almost always puts
   another one there («dépend à», «participé en», «se plaint sur»): the general form of the valence table,
   driven by the counts of the fr-mono corpus (20M words), which the flag's evidence gives.
6. **Locative «sur»** (:mod:`.locative`): «sur la réunion», «sur le congrès» — the Russian «на» + an event
   noun — where French writes «à» or «lors de» (with the preposition statistics, same switch).
7. **Support-verb calques** (``support_verbs.tsv``): a light verb rendered word for word with its object
   noun («porter des pertes» for нести потери → «subir», «rendre une pression» → «exercer»), read on the
   parse (object or passive subject close to the verb); spans an earlier section flags are left to it.
   Beyond the table (``support_verbs_generic.tsv``): a verb that renders a Russian support verb word for word
   («accomplir», «produire», «commettre» …) with an object noun that models/fr-ngrams never writes with it,
   though it writes another support verb with that noun often and would expect the written one given its
   frequency («commettre une décision» → «prendre»); the suggestion is that verb conjugated alike.

Optionally (``auto_sets=True``) the dictionary-born pairs of ``pivot_auto.tsv`` are tried too, flagged
only when the context score alone prefers the other word by a wide margin; they are off by default
(see docs/detectors.md for the measurements).

Confidences are the entry's own (0.55–0.9) adjusted by ±0.05–0.1 by the context score; they stay below
the names detector's on names (a capitalised word inside a sentence is never a candidate).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge import ngrams as ngram_stats
from ..knowledge.confusions import (
    CalquePattern,
    Cue,
    SenseConfusion,
    auto_confusions,
    calque_patterns,
    get_cooc_model,
    sense_confusions,
    support_right_verbs,
    support_verbs,
    valence_rules,
)
from . import BaseDetector
from .french import (
    conjugate_like,
    contract,
    det_for,
    in_spans,
    is_french_word,
    is_sentence_initial,
    join_det,
    match_case,
    noun_gender,
    noun_like,
    plural_of,
    protected_spans,
    reflexive_before,
)
from .locative import locative_sur

#: weight of the co-occurrence delta (PMI units) against the vector delta (cosine units) in the
#: combined context score; chosen on wikineural sentences (bench_detectors.py context)
COOC_WEIGHT = 0.1
#: weight of the n-gram delta (log10 units, models/fr-ngrams, the words' own frequencies taken out) in the
#: same score; chosen on the same wikineural measurement (accuracy 0.794 → 0.875, bench_detectors.py context)
NGRAM_WEIGHT = 0.2
NGRAM_PRIOR_FREE = True
PRENOMINAL = {"haut", "grand", "petit", "bon", "mauvais", "nouveau", "vieux", "jeune", "beau", "gros"}
CONTENT_POS = {"NOUN", "VERB", "ADJ", "PROPN"}
_CONTRACTED = {"au": ("à", "le"), "aux": ("à", "les"), "du": ("de", "le"), "des": ("de", "les")}

# preposition statistics (mechanism 5); thresholds measured on the clean references (bench/clean_flags.py)
# and on synthetic preposition swaps in them, never on the held-out pivot articles
#: the head must be followed by some preposition this many times, and by the best one this many times …
PREP_MIN_TOTAL = 20
PREP_MIN_BEST = 20
#: … which takes this share of the head's prepositions (a head that governs one preposition)
PREP_MIN_SHARE = 0.8
#: prepositions any verb or adjective may take as an adjunct (purpose, company, agent): not judged there
PREP_ADJUNCTS = {"pour", "avec", "par"}
#: a preposition opening a phrase French uses this often on its own («en effet», «pour la première») is
#: read as an adjunct, not as the head's complement (see ``_prep_locution``)
PREP_LOCUTION = 30
PREP_LOCUTION_SHARE = 0.2
PREP_LOCUTION_ABS = 150
#: dependency labels of a complement governed by the head (an «obl:mod» adjunct, or a head that modifies a
#: noun, «personnes âgées sur le maniement», is reported at 0.45)
PREP_ARG_DEPS = {"obl:arg", "iobj", "nmod"}
_DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
                "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos",
                "votre", "vos"}


# --------------------------------------------------------------------------- inflection helpers
def adj_like(lemma: str, tok: Any) -> str:
    """The adjective ``lemma`` in the gender and number of ``tok``."""
    fem = "Fem" in tok.morph.get("Gender")
    plur = "Plur" in tok.morph.get("Number")
    form = lemma
    if fem and not lemma.endswith("e"):
        for cand in (lemma + "e", lemma + "le" if lemma.endswith("el") else "", lemma[:-1] + "ve"
                     if lemma.endswith("f") else ""):
            if cand and is_french_word(cand):
                form = cand
                break
    if plur:
        form = plural_of(form) if not form.endswith(("s", "x")) else form
    return form


#: hash → string of the spaCy string store (words and lemmas), shared by every review
_HASH_STRINGS: dict[int, str] = {}


@functools.lru_cache(maxsize=1)
def _calque_needs() -> tuple[list[list[tuple[str, frozenset[str]]]], dict[str, set[int]], dict[str, set[int]]]:
    """For each calque pattern, its tokens that must be one of given words: ``[(attr, words), …]``
    (``LOWER`` or ``LEMMA``; optional tokens and other constraints are left out); and, to find the
    patterns a segment may match, an index from the words of each pattern's first need to the pattern."""
    out: list[list[tuple[str, frozenset[str]]]] = []
    by_lower: dict[str, set[int]] = {}
    by_lemma: dict[str, set[int]] = {}
    for p in calque_patterns():
        needs = []
        for t in p.pattern:
            if t.get("OP") in {"?", "*"}:
                continue
            for attr in ("LOWER", "LEMMA"):
                v = t.get(attr)
                if isinstance(v, str):
                    needs.append((attr, frozenset([v])))
                elif isinstance(v, dict) and set(v) == {"IN"}:
                    needs.append((attr, frozenset(v["IN"])))
        if needs:
            attr, words = needs[0]
            for w in words:
                (by_lower if attr == "LOWER" else by_lemma).setdefault(w, set()).add(len(out))
        out.append(needs)
    return out, by_lower, by_lemma


@functools.lru_cache(maxsize=512)
def _matcher_for(vocab_id: int, vocab: Any, ids: frozenset[int]) -> tuple[Any, list[CalquePattern]]:
    """A ``Matcher`` of the calque patterns ``ids`` (those a segment's words make possible, see
    :meth:`MistranslationDetector._calque_candidates`): one matcher of every pattern would try each of
    them on every token, most of this detector's time once the tables grew past a few hundred."""
    from spacy.matcher import Matcher

    m = Matcher(vocab)
    pats = calque_patterns()
    for i in sorted(ids):
        m.add(str(i), [pats[i].pattern])
    return m, pats


class MistranslationDetector(BaseDetector):
    """Wrong senses born in the pivot, calques, wrong prepositions, genitive calques."""

    name = "mistranslation"
    categories = ("accuracy/mistranslation", "accuracy/untranslated", "fluency/grammar")

    def __init__(self, senses: bool = True, calques: bool = True, valence: bool = True,
                 genitive: bool = True, auto_sets: bool = False, context_model: bool = True,
                 auto_margin: float = 0.25, prep_stats: bool = True, support: bool = True) -> None:
        self.senses = senses
        self.support = support
        self.prep_stats = prep_stats
        self.calques = calques
        self.valence = valence
        self.genitive = genitive
        self.auto_sets = auto_sets
        self.context_model = context_model
        self.auto_margin = auto_margin

    # ------------------------------------------------------------------ entry point
    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        protected = protected_spans(text)
        person_nouns = self._person_nouns(document) if self.genitive else set()
        for ps in document.parsed:
            doc = ps.doc
            # each mechanism looks only at the tokens whose words can concern it, read from one array
            # of the parse (spaCy makes a Token object at each access: most of this detector's time)
            lowers, lemmas = self._lexical(doc)
            flags: list[Flag] = []
            cands = self._calque_candidates(lowers, lemmas) if self.calques else frozenset()
            if cands:
                flags += self._calques(text, ps.offset, doc, cands)
            if self.senses or self.auto_sets:
                keys = (sense_confusions().keys() if self.senses else set()) | \
                    (auto_confusions().keys() if self.auto_sets else set())
                flags += self._senses(text, ps.offset, doc, self._where(doc, lemmas, keys))
            if self.valence:
                rules = valence_rules()
                stems = {lemma.rstrip("es") for lemma in rules}
                flags += self._valence(text, ps.offset, doc, [
                    doc[i] for i, (lo, le) in enumerate(zip(lowers, lemmas, strict=True))
                    if le.lower() in rules or lo.rstrip("es") in stems])
            if self.genitive:
                forms = _genitive_data()[0]
                flags += self._genitive(text, ps.offset, doc, person_nouns, [
                    doc[i] for i, (lo, le) in enumerate(zip(lowers, lemmas, strict=True))
                    if le.lower() in person_nouns or lo.rstrip("s") in person_nouns or lo in forms])
            if self.prep_stats:
                taken = [(f.start, f.end) for f in flags]
                preps = [doc[i] for i, lo in enumerate(lowers) if ngram_stats.preposition_of(lo)
                         in ngram_stats.PREPOSITIONS]
                flags += [f for f in self._prep_statistics(text, ps.offset, doc, preps)
                          if not any(f.start < b and a < f.end for a, b in taken)]
                surs = [doc[i] for i, lo in enumerate(lowers) if lo == "sur"]
                if surs:
                    taken = [(f.start, f.end) for f in flags]
                    flags += [f for f in locative_sur(text, ps.offset, doc, surs)
                              if not any(f.start < b and a < f.end for a, b in taken)]
            if self.support:
                table = support_verbs()
                nouns = [doc[i] for i, (lo, le) in enumerate(zip(lowers, lemmas, strict=True))
                         if le.lower() in table or lo in table or lo[:-1] in table]
                if nouns:
                    taken = [(f.start, f.end) for f in flags]
                    flags += [f for f in self._support_verbs(text, ps.offset, doc, nouns)
                              if not any(f.start < b and a < f.end for a, b in taken)]
                literal = _generic_support()[0]
                verbs = [doc[i] for i, le in enumerate(lemmas) if le.lower() in literal]
                if verbs:
                    taken = [(f.start, f.end) for f in flags]
                    flags += [f for f in self._support_generic(text, ps.offset, doc, verbs)
                              if not any(f.start < b and a < f.end for a, b in taken)]
            for f in flags:
                if not in_spans(f.start, f.end, protected):
                    yield f

    @staticmethod
    def _lexical(doc: Any) -> tuple[list[str], list[str]]:
        """The lower-case form and the lemma of every token of ``doc``, without making Token objects."""
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return [], []
        strings = doc.vocab.strings
        cache = _HASH_STRINGS
        if len(cache) > 200_000:
            cache.clear()
        lowers: list[str] = []
        lemmas: list[str] = []
        for lo, le in doc.to_array([LOWER, LEMMA]).tolist():
            a = cache.get(lo)
            if a is None:
                a = cache[lo] = strings[lo]
            b = cache.get(le)
            if b is None:
                b = cache[le] = strings[le]
            lowers.append(a)
            lemmas.append(b)
        return lowers, lemmas

    @staticmethod
    def _where(doc: Any, lemmas: list[str], keys: Any) -> list[Any]:
        return [doc[i] for i, le in enumerate(lemmas) if le.lower() in keys]

    @staticmethod
    def _calque_candidates(lowers: list[str], lemmas: list[str]) -> frozenset[int]:
        """The calque patterns a segment may match: each pattern's tokens that must be one of given
        words (its ``LOWER``/``LEMMA`` constraints) all find one in the segment; patterns without such
        a token are always candidates."""
        low, lem = set(lowers), set(lemmas)
        needs_of, by_lower, by_lemma = _calque_needs()
        cands = {i for w in low & by_lower.keys() for i in by_lower[w]} | \
            {i for w in lem & by_lemma.keys() for i in by_lemma[w]}
        out = {i for i in cands
               if all((low if attr == "LOWER" else lem) & values for attr, values in needs_of[i])}
        out.update(i for i, needs in enumerate(needs_of) if not needs)
        return frozenset(out)

    # ------------------------------------------------------------------ cues
    @staticmethod
    def _words(toks: Any) -> set[str]:
        out: set[str] = set()
        for t in toks:
            out.add(t.lower_)
            out.add(t.lemma_.lower())
        return out

    def cue_holds(self, cue: Cue, tok: Any) -> bool:
        sent = tok.sent
        v = cue.values
        k = cue.kind
        if k == "ctx":
            return bool(self._words(sent) & v)
        if k == "near":
            lo, hi = max(sent.start, tok.i - 5), min(sent.end, tok.i + 6)
            return bool(self._words(t for t in tok.doc[lo:hi] if t.i != tok.i) & v)
        if k == "head":
            return bool(self._words([tok.head]) & v) and tok.head.i != tok.i
        if k == "child":
            return bool(self._words(tok.children) & v)
        if k == "gen":  # a noun complement with «de» («les travaux des terminaux»)
            gens = [c for c in tok.children if c.dep_ == "nmod" and c.i > tok.i and any(
                x.dep_ == "case" and x.lower_ in {"de", "du", "des", "d'", "d’"} for x in c.children)]
            return bool(self._words(gens) & v)
        if k == "obj":
            objs = [c for c in tok.children if c.dep_ in {"obj", "iobj", "obl:arg", "nsubj:pass"}]
            return bool(self._words(objs) & v)
        if k == "subj":
            subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"}]
            if not subj and tok.dep_ in {"conj", "xcomp"}:
                subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubj:pass"}]
            return bool(self._words(subj) & v)
        if k == "noobj":
            return not any(c.dep_ == "obj" for c in tok.children)
        if k == "prev":
            return tok.i > 0 and tok.doc[tok.i - 1].lower_ in v
        if k == "prev2":
            return any(t.lower_ in v for t in tok.doc[max(0, tok.i - 2):tok.i])
        if k == "next":
            return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in v
        if k == "text":
            pat = next(iter(v))
            return re.search(pat, sent.text.lower()) is not None
        return False

    def cues_ok(self, cues: list[Cue], anti: list[Cue], tok: Any) -> bool:
        if any(self.cue_holds(c, tok) for c in anti):
            return False
        return not cues or any(self.cue_holds(c, tok) for c in cues)

    # ------------------------------------------------------------------ context score
    def context_score(self, tok: Any, wrong: str, right: str) -> dict[str, float]:
        """How much better ``right`` fits the sentence than ``wrong``: cooc and vector deltas."""
        out: dict[str, float] = {}
        if not self.context_model:
            return out
        sent = tok.sent
        ctx = [t for t in sent if t.i != tok.i and t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop]
        model = get_cooc_model()
        if model is not None and right in model and wrong in model:
            lem = [t.lemma_.lower() for t in ctx]
            out["cooc"] = round(model.fit(right, lem) - model.fit(wrong, lem), 3)
        vocab = tok.doc.vocab
        try:
            import numpy as np

            vecs = [t.vector for t in ctx if t.has_vector]
            if vecs and vocab.has_vector(right) and vocab.has_vector(wrong):
                c = np.mean(vecs, axis=0)
                nc = float(np.linalg.norm(c)) or 1.0

                def cos(w: str) -> float:
                    x = vocab.get_vector(w)
                    return float(x @ c) / ((float(np.linalg.norm(x)) or 1.0) * nc)

                out["vec"] = round(cos(right) - cos(wrong), 3)
        except Exception:  # noqa: BLE001 - vectors are optional evidence
            pass
        ngram = self.ngram_fit(tok, right)
        if ngram is not None:
            out["ngram"] = ngram
        if out:
            out["combined"] = round(out.get("vec", 0.0) + COOC_WEIGHT * out.get("cooc", 0.0)
                                    + NGRAM_WEIGHT * out.get("ngram", 0.0), 3)
        return out

    @staticmethod
    def ngram_fit(tok: Any, right: str, prior_free: bool = NGRAM_PRIOR_FREE) -> float | None:
        """How much likelier the fr-mono n-grams find the sentence with ``right`` (inflected like ``tok``,
        its determiner made to agree) in place of ``tok``: the log10 stupid-backoff probability of the word
        and the two after it, given the two before it, with ``right`` minus with ``tok`` (``None`` when the
        model is absent or ``right`` is not a single word)."""
        model = ngram_stats.get_ngrams()
        if model is None or " " in right or not tok.is_alpha:
            return None
        doc = tok.doc
        if tok.pos_ == "VERB":
            form = conjugate_like(right, tok) or right
        elif tok.pos_ == "ADJ":
            form = adj_like(right, tok)
        else:
            form = noun_like(right, tok)
        left = [t.text for t in doc[max(tok.sent.start, tok.i - 2):tok.i]]
        left_alt = list(left)
        if left and tok.pos_ == "NOUN" and doc[tok.i - 1].pos_ == "DET":
            left_alt[-1] = det_for(left[-1], noun_gender(right), form)
        right_ctx = [t.text for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 3)] if not t.is_punct]
        a = model.logprob([tok.text, *right_ctx], left)
        b = model.logprob([form, *right_ctx], left_alt)
        if prior_free:  # the fit to the context, without the words' own frequencies
            a -= math.log10(model.score(tok.text))
            b -= math.log10(model.score(form))
        return round(b - a, 3)

    # ------------------------------------------------------------------ 1. pivot senses
    def _senses(self, text: str, off: int, doc: Any, toks: Iterable[Any] | None = None) -> Iterator[Flag]:
        curated = sense_confusions() if self.senses else {}
        auto = auto_confusions() if self.auto_sets else {}
        for tok in doc if toks is None else toks:
            if not tok.text.replace("-", "").isalpha() or tok.pos_ not in {"NOUN", "VERB", "ADJ"}:
                continue
            if tok.text[:1].isupper() and not is_sentence_initial(tok):
                continue
            if self._in_title(tok):
                continue  # «La Guerre des mondes»: a title is quoted, not translated
            lemma = tok.lemma_.lower()
            done = False
            for c in curated.get(lemma, ()):
                if c.pos and c.pos != tok.pos_:
                    continue
                if not self.cues_ok(c.cues, c.anti, tok):
                    continue
                score = self.context_score(tok, c.wrong, c.right[0].split()[-1])
                conf = c.confidence
                delta = score.get("combined")
                if delta is not None:
                    if delta < -0.12:
                        conf -= 0.1  # the word itself fits the sentence better: less sure
                    elif delta > 0.05:
                        conf += 0.05
                f = self._sense_flag(text, off, tok, c, round(min(0.95, conf), 3), score)
                if f is not None:
                    yield f
                    done = True
                    break
            if done or not auto:
                continue
            for c in auto.get(lemma, ()):
                score = self.context_score(tok, c.wrong, c.right[0])
                if score.get("combined", 0.0) > self.auto_margin and score.get("cooc", 0.0) >= 0.0:
                    f = self._sense_flag(text, off, tok, c, 0.45, score)
                    if f is not None:
                        yield f
                        break

    @staticmethod
    def _in_title(tok: Any) -> bool:
        """True when ``tok`` lies in a named entity that opens with a capitalised word inside the sentence
        (a title or a name: «de La Guerre des mondes»)."""
        if not tok.ent_type_:
            return False
        first = tok.doc[tok.i]
        while first.i > 0 and first.ent_iob_ == "I":
            first = tok.doc[first.i - 1]
        if first.i < tok.i and first.text[:1].isupper() and not is_sentence_initial(first):
            return True
        return any(t.text[:1].isupper() and not is_sentence_initial(t) and t.i != tok.i
                   for t in tok.doc[first.i:tok.i])

    def _sense_flag(self, text: str, off: int, tok: Any, c: SenseConfusion, conf: float,
                    score: dict[str, float]) -> Flag | None:
        doc = tok.doc
        right = c.right[0]
        start_tok, end_tok = tok, tok
        if tok.pos_ == "VERB":
            if right.startswith("se "):
                base = right[3:]
                form = conjugate_like(base, tok) or base
                refl = "s'" if re.match(r"[aeiouyéèêh]", form) else "se "
                if tok.i > 0 and doc[tok.i - 1].lower_ in {"se", "s'", "s’"}:
                    start_tok = doc[tok.i - 1]
                sugg = refl + form if "Part" not in tok.morph.get("VerbForm") else form
            else:
                sugg = conjugate_like(right, tok) or right
        elif tok.pos_ == "ADJ":
            form = adj_like(right, tok)
            head = tok.head
            if right in PRENOMINAL and head.i < tok.i and head.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "amod":
                start_tok = head
                between = text[off + head.idx:off + tok.idx].rstrip()
                sugg = f"{form} {between}"
                if head.text[:1].isupper() and is_sentence_initial(head):
                    sugg = match_case(sugg, head.text)
            else:
                sugg = form
        else:  # NOUN
            det = doc[tok.i - 1] if tok.i > 0 and doc[tok.i - 1].pos_ == "DET" and \
                doc[tok.i - 1].head.i == tok.i else None
            gender = noun_gender(right)
            if c.det and det is not None:
                start_tok = det
                new_det = det_for(c.det, gender, right)
                sugg = match_case(join_det(new_det, right), det.text)
            elif det is not None:
                form = noun_like(right, tok)
                new_det = det_for(det.text, gender, form)
                start_tok = det
                sugg = match_case(join_det(new_det, form), det.text)
            else:
                sugg = noun_like(right, tok) if not c.det else right
        a = off + start_tok.idx
        b = off + end_tok.idx + len(end_tok.text)
        if a >= b:
            return None
        orig = text[a:b]
        if sugg.lower() == orig.lower():
            return None
        expl = (f"«\u00a0{tok.text}\u00a0» rend un autre sens du mot pivot ({c.pivot})\u00a0: ici, "
                f"«\u00a0{right}\u00a0».") if not c.auto else \
            (f"«\u00a0{tok.text}\u00a0» et «\u00a0{right}\u00a0» traduisent le même mot russe "
             f"({c.pivot})\u00a0; le contexte appelle plutôt «\u00a0{right}\u00a0».")
        return Flag(start=a, end=b, text=orig, category=c.category, severity=c.severity, confidence=conf,
                    suggestions=[sugg], explanation=expl, detector=self.name,
                    evidence={"mechanism": "pivot-sense" if not c.auto else "dictionary-pair", "entry": c.id,
                              "pivot": c.pivot, "context_score": score, "source": c.source})

    # ------------------------------------------------------------------ 2. calque patterns
    def _calques(self, text: str, off: int, doc: Any, ids: frozenset[int]) -> Iterator[Flag]:
        matcher, pats = _matcher_for(id(doc.vocab), doc.vocab, ids)
        seen: set[tuple[int, int]] = set()
        for match_id, s, e in matcher(doc):
            p = pats[int(doc.vocab.strings[match_id])]
            toks = list(doc[s:e])
            anchor = toks[0]
            if anchor.text[:1].isupper() and not is_sentence_initial(anchor) and anchor.pos_ == "PROPN":
                continue
            if not self.cues_ok(p.requires, p.anti, anchor):
                continue
            sugg, first = self._fill(p.suggest, toks, text, off)
            lo, hi = (p.span if p.span else (0, len(toks)))
            a_tok = toks[lo] if first is None else first
            a = off + min(a_tok.idx, toks[lo].idx)
            b = off + toks[hi - 1].idx + len(toks[hi - 1].text)
            if (a, b) in seen:
                continue
            seen.add((a, b))
            orig = text[a:b]
            if sugg is not None:
                sugg = match_case(sugg, orig)
            yield Flag(start=a, end=b, text=orig, category=p.category, severity=p.severity,
                       confidence=p.confidence, suggestions=[sugg] if sugg and sugg != orig else [],
                       explanation=p.explanation or f"Calque ({p.pivot}).", detector=self.name,
                       evidence={"mechanism": "calque", "entry": p.id, "pivot": p.pivot, "source": p.source})

    def _fill(self, template: str, toks: list[Any], text: str, off: int) -> tuple[str | None, Any]:
        """Fill a suggestion template; returns the text and the first token it rewrites (verb group)."""
        first = None
        failed = False

        def repl(m: re.Match) -> str:
            nonlocal first, failed
            spec = m.group(1)
            parts = spec.split(":")
            if parts[0] == "vg":
                verb = next((t for t in toks if t.pos_ in {"VERB", "AUX"}), None)
                if verb is None:
                    failed = True
                    return ""
                return self._verb_group(verb, parts[1], lambda t: None) or ""
            idx = int(parts[0])
            if idx >= len(toks):
                failed = True
                return ""
            t = toks[idx]
            if len(parts) == 1:
                return t.text
            op = parts[1]
            arg = parts[2] if len(parts) > 2 else ""
            if op == "verb":
                form = conjugate_like(arg, t)
                if form is None:
                    failed = True
                    return ""
                return form
            if op == "noun":
                return noun_like(arg, t)
            if op == "adj":
                return adj_like(arg, t)
            if op == "det":
                nxt = toks[idx + 1].text if idx + 1 < len(toks) else ""
                return det_for(t.text, arg or None, nxt).rstrip()
            if op == "de":
                return contract("de", t.text)
            return t.text

        out = re.sub(r"\{([^{}]+)\}", repl, template)
        if "{vg:" in template:
            verb = next((t for t in toks if t.pos_ in {"VERB", "AUX"}), None)
            if verb is not None:
                auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
                first = auxes[0] if auxes else None
        out = re.sub(r"\s+", " ", out).replace("' ", "'").strip()
        return (None if failed else out), first

    @staticmethod
    def _verb_group(verb: Any, lemma: str, _unused: Any) -> str | None:
        """``lemma`` conjugated like the verb group of ``verb`` (its auxiliaries included)."""
        auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
        if not auxes:
            return conjugate_like(lemma, verb)
        aux = auxes[0]
        from grammalecte.fr import conj

        new_aux = conjugate_like("avoir", aux) if aux.lemma_ == "être" and lemma not in {"aller", "venir"} \
            else aux.text
        part = conj.getConj(lemma, ":Q", ":m:s") if conj.isVerb(lemma) else None
        if not new_aux or not part:
            return None
        return f"{new_aux} {part}"

    # ------------------------------------------------------------------ 3. valence
    def _valence(self, text: str, off: int, doc: Any, toks: Iterable[Any] | None = None) -> Iterator[Flag]:
        rules = valence_rules()
        for tok in doc if toks is None else toks:
            key = tok.lemma_.lower()
            cands = rules.get(key, [])
            if not cands:
                low = tok.lower_.rstrip("es")
                cands = [r for lemma, rs in rules.items() if lemma.rstrip("es") == low for r in rs]
            for r in cands:
                for child in tok.children:
                    if child.dep_ not in {"nmod", "obl", "obl:arg", "obl:mod", "iobj", "obj"}:
                        continue
                    case = next((c for c in child.children if c.dep_ == "case" and c.i < child.i), None)
                    if case is None or not tok.i < case.i <= tok.i + 4:
                        continue
                    low = case.lower_
                    prep, det = _CONTRACTED.get(low, (low, ""))
                    if prep != r.wrong or child.lemma_.lower() in r.anti or child.lower_ in r.anti:
                        continue
                    if child.i - case.i > 4:
                        continue
                    if det:
                        sugg = contract(r.right, det) if r.right else det
                    else:
                        sugg = r.right
                    a = off + case.idx
                    b = a + len(case.text)
                    nxt = doc[case.i + 1] if case.i + 1 < len(doc) else None
                    if not sugg and nxt is not None:
                        b = off + nxt.idx  # delete the preposition and its space
                    if sugg and nxt is not None and not det and r.right in {"de", "à"} and \
                            nxt.lower_ in {"le", "les"}:
                        b = off + nxt.idx + len(nxt.text)
                        sugg = contract(r.right, nxt.text)
                    yield Flag(start=a, end=b, text=text[a:b], category="fluency/grammar", severity="minor",
                               confidence=r.confidence, suggestions=[sugg] if sugg else [""],
                               explanation=(f"«\u00a0{tok.text}\u00a0» se construit avec «\u00a0{r.right}\u00a0», "
                                            f"pas «\u00a0{r.wrong}\u00a0»." if r.right else
                                            f"«\u00a0{tok.text}\u00a0» est transitif direct\u00a0: pas de "
                                            f"«\u00a0{r.wrong}\u00a0»."),
                               detector=self.name,
                               evidence={"mechanism": "valence", "head": r.lemma, "source": r.source})
                    break

    # ------------------------------------------------------------------ 5. preposition statistics
    def _prep_statistics(self, text: str, off: int, doc: Any, toks: Iterable[Any] | None = None) -> Iterator[Flag]:
        """A preposition the corpus never writes after its head where it writes another one (see the
        module docstring, mechanism 5); ``toks``: the tokens to look at (default: all)."""
        model = ngram_stats.get_ngrams()
        if model is None:
            return
        for case in doc if toks is None else toks:
            written = ngram_stats.preposition_of(case.text)
            if written not in ngram_stats.PREPOSITIONS or case.i == 0 or not case.is_lower or case.dep_ != "case":
                continue
            head = doc[case.i - 1]
            if head.pos_ not in {"VERB", "NOUN", "ADJ"} or not head.is_alpha or not head.is_lower:
                continue
            obj = case.head
            if obj.head.i != head.i or obj.i <= case.i or obj.pos_ not in {"NOUN", "PRON"}:
                continue
            if head.pos_ != "NOUN" and written in PREP_ADJUNCTS:
                continue
            before = reflexive_before(head)
            choice = model.preposition_choice([head.text, head.lemma_], case.text, before)
            if choice.written_count or choice.best_count < PREP_MIN_BEST or choice.total < PREP_MIN_TOTAL \
                    or choice.best_count < PREP_MIN_SHARE * choice.total:
                continue
            if head.pos_ == "NOUN" and "de" in (choice.written, choice.best):
                continue  # any noun takes «de» (a genitive): no government to judge
            if self._prep_locution(model, case):
                continue
            if any(obj.lemma_.lower() in r.anti for r in valence_rules().get(head.lemma_.lower(), ())):
                continue  # an adjunct the valence table knows («accusé dans l'affaire»)
            # a complement, not an adjunct; and the head is not a participle or adjective modifying a noun,
            # whose following phrase the parser may have attached to it instead of to the noun or the verb
            governed = obj.dep_ in PREP_ARG_DEPS and head.dep_ not in {"amod", "acl"}
            yield self._prep_flag(text, off, doc, case, head, choice, governed)

    @staticmethod
    def _prep_locution(model: ngram_stats.NgramModel, case: Any) -> bool:
        """True when the preposition opens a phrase French often uses on its own: «en tout cas», «sous
        forme» (the preposition and the next word, 30 times or more), or a determiner and noun that this
        preposition often introduces («pour la première», «au début»: 30 times and a fifth of the uses of
        «la première», or 150 times)."""
        nxt = [t.text for t in case.doc[case.i + 1:case.i + 3]]
        if not nxt:
            return False
        if nxt[0].lower() not in _DETERMINERS:
            return model.count([case.text, nxt[0]]) >= PREP_LOCUTION
        if len(nxt) < 2:
            return False
        n = model.count([case.text, *nxt])
        return n >= PREP_LOCUTION and (n >= PREP_LOCUTION_SHARE * model.count(nxt) or n >= PREP_LOCUTION_ABS)

    def _prep_flag(self, text: str, off: int, doc: Any, case: Any, head: Any,
                   choice: ngram_stats.PrepositionChoice, governed: bool) -> Flag:
        a = off + case.idx
        b = a + len(case.text)
        best = choice.best
        nxt = doc[case.i + 1] if case.i + 1 < len(doc) else None
        det = _CONTRACTED.get(case.lower_, ("", ""))[1]
        sugg: str | None
        if det:  # «dépend au marché» → «du»
            sugg = contract(best, det)
        elif nxt is not None and nxt.lower_ in {"le", "les"} and best in {"de", "à"}:
            b = off + nxt.idx + len(nxt.text)
            sugg = contract(best, nxt.text)
        elif case.lower_ == "en" and best != "en" and (nxt is None or nxt.lower_ not in _DETERMINERS):
            sugg = None  # «en» takes no article: «participé en politique» needs one after «à»
        elif nxt is not None and best == "en" and nxt.lower_ in _DETERMINERS:
            sugg = None
        elif best == "de" and nxt is not None and re.match(r"[aeiouyéèêâîôû]", nxt.lower_):
            b = off + nxt.idx
            sugg = "d'"
        else:
            sugg = best
        conf = (0.7 if choice.best_count >= 100 else 0.6) if governed else 0.45
        head_txt = f"{'se ' if choice.head.startswith('se ') else ''}{head.text}"
        expl = (f"Après «\u00a0{head_txt}\u00a0», le français écrit «\u00a0{best}\u00a0» "
                f"({choice.best_count} fois dans 20 millions de mots de français écrit), jamais "
                f"«\u00a0{choice.written}\u00a0» (moins de 3 fois).")
        return Flag(start=a, end=b, text=text[a:b], category="fluency/grammar", severity="minor",
                    confidence=conf, suggestions=[sugg] if sugg else [], explanation=expl, detector=self.name,
                    evidence={"mechanism": "preposition-statistics", **choice.evidence(),
                              "complement": "governed" if governed else "adjunct?",
                              "source": "models/fr-ngrams (fr-mono corpus)"})

    # ------------------------------------------------------------------ 4. genitive calques
    @staticmethod
    def _person_nouns(document: Document) -> set[str]:
        """Noun-only lemmas (no adjective reading in the lexicon) the document uses with a determiner.

        «le milliardaire», «au milliardaire»: a word French uses only as a noun; when the same text puts it
        after another noun as if it were an adjective («les conversations milliardaires»), a genitive
        was rendered as an adjective.
        """
        from spacy.attrs import POS
        from spacy.symbols import NOUN

        out: set[str] = set()
        speech = _speech_verbs()
        for ps in document.parsed:
            if not len(ps.doc):
                continue
            nouns = (ps.doc[int(i)] for i in (ps.doc.to_array(POS) == NOUN).nonzero()[0])
            for t in nouns:
                if t.pos_ != "NOUN" or t.text[:1].isupper():
                    continue
                if not any(c.dep_ == "det" for c in t.children) and \
                        not (t.i > 0 and t.doc[t.i - 1].lower_ in {"du", "au", "des", "aux"}):
                    continue
                # a person: the one who speaks, or the one spoken to («a demandé au milliardaire»)
                head = t.head.lemma_.lower()
                said = t.dep_ == "nsubj" and head in speech["speaker"]
                told = t.dep_ in {"iobj", "obl:arg", "obl"} and head in speech["addressee"] and \
                    any(c.lower_ in {"à", "au", "aux"} for c in t.children) | (t.i > 0 and t.doc[t.i - 1].lower_ in
                                                                               {"au", "aux", "à"})
                if not (said or told):
                    continue
                lemma = t.lemma_.lower()
                tags = _morph(lemma)
                if tags and all(":N" in m and ":A" not in m for m in tags):
                    out.add(lemma)
        return out

    def _genitive(self, text: str, off: int, doc: Any, person_nouns: set[str],
                  toks: Iterable[Any] | None = None) -> Iterator[Flag]:
        for t in doc if toks is None else toks:
            # the parser reads a calqued «directrice» as a participle now and then: VERB is let through
            if t.pos_ not in {"ADJ", "NOUN", "VERB"} or t.text[:1].isupper() or t.i == 0 or \
                    "Fin" in t.morph.get("VerbForm"):
                continue
            head = doc[t.i - 1]
            if head.pos_ != "NOUN" or head.lemma_.lower() == t.lemma_.lower() or not head.whitespace_:
                continue
            hlemma = head.lemma_.lower()
            if hlemma in _speech_verbs()["collective"]:
                continue  # «entreprises partenaires», «pays membres»: a compound, not a genitive
            if hlemma in _speech_verbs()["person_head"]:
                continue  # «une femme vice-présidente», «un homme médecin»: a person named by two nouns
            lemma = t.lemma_.lower() if t.lemma_.lower() in person_nouns else t.lower_.rstrip("s")
            if lemma in person_nouns and t.pos_ != "VERB" and t.dep_ in {"amod", "nmod", "appos"} and \
                    t.head.i == head.i:
                # the document itself uses the word as a person (mechanism 4 as first written)
                yield self._genitive_flag(text, off, head, t, [contract("de", "le") + " " + lemma if not re.match(
                    r"[aeiouyéèêh]", lemma) else "de l'" + lemma], 0.65,
                    f"le texte parle «\u00a0du {lemma}\u00a0»", {"noun": lemma, "evidence": "document"})
                continue
            judged = _genitive_judge(head, t)
            if judged:
                conf, sugg, ev = judged
                yield self._genitive_flag(text, off, head, t, sugg, conf,
                                          "le français dit «\u00a0" + head.text + " " + sugg[0] + "\u00a0»", ev)

    def _genitive_flag(self, text: str, off: int, head: Any, t: Any, sugg: list[str], conf: float, why: str,
                       ev: dict[str, Any]) -> Flag:
        a = off + t.idx
        b = a + len(t.text)
        return Flag(start=a, end=b, text=text[a:b], category="accuracy/mistranslation", severity="major",
                    confidence=conf, suggestions=sugg,
                    explanation=(f"«\u00a0{head.text} {t.text}\u00a0»\u00a0: un complément du nom rendu par un "
                                 f"adjectif (génitif russe)\u00a0; {why}."),
                    detector=self.name, evidence={"mechanism": "genitive-adjective", **ev})

    # ------------------------------------------------------------------ 7. support-verb calques
    def _support_verbs(self, text: str, off: int, doc: Any, nouns: Iterable[Any]) -> Iterator[Flag]:
        """A support verb rendered word for word through the pivot («porter des pertes» for нести потери,
        «rendre une pression» for оказывать давление): a verb that ``support_verbs.tsv`` lists as wrong for
        its direct object (or the subject of its passive), close to it, and not also one of the noun's
        right verbs. The flag covers the verb (the noun phrase too when the suggestion rewrites it)."""
        table, rights = support_verbs(), support_right_verbs()
        for noun in nouns:
            key = next((k for k in (noun.lemma_.lower(), noun.lower_, noun.lower_[:-1]) if k in table), None)
            if key is None or noun.pos_ not in {"NOUN", "PROPN"} or not noun.text[:1].islower() \
                    or noun.dep_ not in {"obj", "nsubj:pass"}:
                continue
            verb = noun.head
            vl = verb.lemma_.lower()
            if verb.pos_ != "VERB" or vl in rights[key] or verb.i == noun.i:
                continue
            entries = [e for e in table[key] if vl in e.wrong]
            if not entries or not _support_close(verb, noun):
                continue
            det = next((c.lower_ for c in noun.children if c.dep_ == "det" and c.i < noun.i), "")
            for e in entries:
                if e.det == "det" and not det or e.det == "indef" and det in _DEFINITE_DETS:
                    continue
                if not self.cues_ok(e.requires, e.anti, verb):
                    continue
                yield self._support_flag(text, off, doc, verb, noun, e)
                break

    def _support_flag(self, text: str, off: int, doc: Any, verb: Any, noun: Any, e: Any) -> Flag:
        right = e.right[0]
        form = conjugate_like(right, verb)
        first, last = verb, verb
        between = doc[verb.i + 1:noun.i]
        if form and e.np and noun.i > verb.i and all(t.dep_ == "det" for t in between):
            form, last = f"{form} {e.np}", noun
        if form:  # elision before the verb: «n'appliquent» → «ne portent», «ne porte» → «n'apporte»
            first, form = _elide_before(doc, verb, form)
        a = off + first.idx
        b = off + last.idx + len(last.text)
        orig = text[a:b]
        sugg = match_case(form, orig) if form else None
        src = re.sub(r"\b(ru|en):", "", e.pivot).strip()
        alts = [r for r in e.right[1:3] if r != right]
        sep = "\u00a0», «\u00a0"
        alt = f" (ou «\u00a0{sep.join(alts)}\u00a0»)" if alts else ""
        expl = (f"Calque de «\u00a0{src}\u00a0»\u00a0: avec «\u00a0{e.noun}\u00a0», le verbe français est "
                f"«\u00a0{right}\u00a0»{alt}, non «\u00a0{verb.lemma_.lower()}\u00a0» (traduction mot à mot).")
        return Flag(start=a, end=b, text=orig, category="accuracy/mistranslation", severity=e.severity,
                    confidence=e.confidence, suggestions=[sugg] if sugg and sugg != orig else [],
                    explanation=expl, detector=self.name,
                    evidence={"mechanism": "support-verb", "entry": e.id, "noun": e.noun,
                              "verb": verb.lemma_.lower(), "pivot": e.pivot, "source": e.source})


    def _support_generic(self, text: str, off: int, doc: Any, verbs: Iterable[Any]) -> Iterator[Flag]:
        """The general form of the table: a verb that renders a Russian support verb word for word
        (``support_verbs_generic.tsv``, role literal: «accomplir», «produire», «accepter» …) with a direct
        object («a accompli un atterrissage», «produire le lancement»), when models/fr-ngrams never writes
        that verb with the noun (any form, any determiner) and writes another support verb with it often
        (:func:`_support_pair_counts`). The suggestion is that verb conjugated like the written one."""
        table, rights = support_verbs(), support_right_verbs()
        for verb in verbs:
            if verb.pos_ != "VERB":
                continue
            vl = verb.lemma_.lower()
            for noun in verb.children:
                if noun.dep_ != "obj" or noun.pos_ != "NOUN" or not noun.text.isalpha() or not noun.text.islower():
                    continue
                lemma = noun.lemma_.lower()
                if lemma in table and vl in rights.get(lemma, ()):
                    continue
                det = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
                if det is None or det.lower_.replace("’", "'") not in _SV_DETS or not det.text.islower() or \
                        not _support_close(verb, noun) or _compound_noun(noun):
                    continue
                if any(c.dep_ == "aux" and c.lemma_.lower() == "être" for c in verb.children):
                    continue  # «est sortie la nuit»: an intransitive verb, the noun its subject
                counts = _support_pair_counts(lemma, noun.lower_)
                if counts is None:
                    continue
                written = counts.get(vl, 0)
                best = max((v for v in counts if v != vl), key=lambda v: counts[v], default=None)
                if best is None or written > SV_MAX_WRITTEN or counts[best] < SV_MIN_BEST:
                    continue
                # the written verb's absence must be telling: as frequent as it is, it would be expected
                # this often with the noun if it were as good a support verb as the best one
                if counts[best] * _verb_frequency(vl) / max(_verb_frequency(best), 1) < SV_MIN_EXPECTED:
                    continue
                flag = self._support_generic_flag(text, off, doc, verb, noun, det, best, counts)
                if flag is not None:
                    yield flag
                break

    def _support_generic_flag(self, text: str, off: int, doc: Any, verb: Any, noun: Any, det: Any, best: str,
                              counts: dict[str, int]) -> Flag | None:
        prep = _generic_support()[1].get(best, "")
        form = conjugate_like(best, verb)
        if not form:
            return None
        first, last = verb, verb
        if prep:  # «produire le lancement» → «procéder au lancement»
            d = det.lower_.replace("’", "'")
            if det.i != verb.i + 1 or d not in {"le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses",
                                               "leur", "leurs", "ce", "cet", "cette", "ces"}:
                return None
            joined = contract(prep, d) if d in {"le", "la", "les", "l'"} else f"{prep} {det.text}"
            form = f"{form} {joined}" if not joined.endswith("'") else f"{form} {joined}"
            last = det
        first, form = _elide_before(doc, verb, form, first)
        a = off + first.idx
        b = off + last.idx + len(last.text)
        orig = text[a:b]
        if last is det and orig.endswith(("'", "’")):
            form = form if form.endswith("'") else form
        sugg = match_case(form, orig)
        vl = verb.lemma_.lower()
        pivot = _generic_support()[0].get(vl, "")
        top = dict(sorted(counts.items(), key=lambda kv: -kv[1])[:4])
        right = f"{best} {prep}".strip()
        expl = (f"Calque probable d'un verbe support russe ({pivot.replace('ru:', '')}) : avec « "
                f"{noun.lemma_.lower()} », le français écrit « {right} » ({counts[best]} fois dans "
                f"le corpus de référence), jamais « {vl} ».")
        return Flag(start=a, end=b, text=orig, category="accuracy/mistranslation", severity="minor",
                    confidence=SV_CONF, suggestions=[sugg] if sugg != orig else [], explanation=expl,
                    detector=self.name,
                    evidence={"mechanism": "support-verb-ngrams", "noun": noun.lemma_.lower(), "verb": vl,
                              "best": right, "counts": top, "pivot": pivot, "source": "models/fr-ngrams"})


# --------------------------------------------------------------------------- 7. support-verb calques: helpers
def _elide_before(doc: Any, verb: Any, form: str, first: Any = None) -> tuple[Any, str]:
    """The replacement ``form`` of ``verb`` with the word before it elided or restored as the new first
    letter needs («n'appliquent» → «ne portent», «ne porte» → «n'apporte»): (first token of the span, form).
    ``first`` defaults to the verb."""
    first = verb if first is None else first
    prev = doc[verb.i - 1] if verb.i > verb.sent.start else None
    vowel = form[:1].lower() in "aàâeéèêiîoôuûhy"
    if prev is not None and prev.lower_ in _ELIDED and not vowel:
        return prev, f"{_ELIDED[prev.lower_]} {form}"
    if prev is not None and prev.lower_ in _UNELIDED and vowel and prev.idx + len(prev.text) + 1 == verb.idx:
        return prev, f"{_UNELIDED[prev.lower_]}{form}"
    return first, form


_DEFINITE_DETS = {"le", "la", "les", "l'", "l’", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
                  "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos"}
#: what may stand between a support verb and its object (determiners, adjectives, adverbs, numbers)
_SUPPORT_BETWEEN = {"DET", "ADJ", "ADV", "NUM"}
#: a locution of the verb after its object («mettre des sanctions en place», «mettre la question aux voix»)
_SUPPORT_LOCUTION = re.compile(r"^\s*(en (place|œuvre|oeuvre|cause|avant|jeu|évidence|question|doute|valeur|danger|scène|"
                               r"vigueur|marche|service|lumière|exergue|garde|demeure|examen|relief|balance|péril|"
                               r"accusation|route|pratique|application|compte|considération|mesure|état|situation|"
                               r"forme|ordre|circulation|vente|ligne|liberté|commun|musique|pièces|échec|difficulté)\b|au point|à jour|de côté|sur pied|à disposition|à l'écart|à l’écart|"
                               r"à l'épreuve|à l’épreuve|aux voix|à l'ordre|à l’ordre|à profit|à part|à la disposition|"
                               r"sur la table|sur le tapis|hors )")
_DEGREE = {"plus", "moins", "aussi", "si", "très", "trop", "davantage", "encore"}
#: adjectives that after «rendre / faire + object» are its predicate, not an epithet
_PREDICATIVE = {"possible", "possibles", "impossible", "impossibles", "public", "publique", "publics", "publiques",
                "accessible", "accessibles", "disponible", "disponibles", "visible", "visibles", "obligatoire",
                "obligatoires", "nécessaire", "nécessaires", "inutile", "inutiles", "caduc", "caduque", "caducs",
                "caduques", "effectif", "effective", "effectifs", "effectives", "compatible", "compatibles",
                "durable", "durables", "efficace", "efficaces", "difficile", "difficiles", "facile", "faciles"}
_ELIDED = {"n'": "ne", "n’": "ne", "j'": "je", "j’": "je", "s'": "se", "s’": "se", "m'": "me", "m’": "me",
           "t'": "te", "t’": "te", "qu'": "que", "qu’": "que"}
_UNELIDED = {"ne": "n'", "je": "j'", "se": "s'", "me": "m'", "te": "t'", "que": "qu'"}


def _support_close(verb: Any, noun: Any) -> bool:
    """The noun is the verb's object within a few words (only determiners, adjectives, adverbs, numbers
    between), or the subject of its passive just before it (auxiliaries, adverbs between); no locution
    or predicate («rendre l'aide plus efficace», «mettre en place») goes with the verb."""
    doc = verb.doc
    if noun.dep_ == "nsubj:pass":
        if not (0 < verb.i - noun.i <= 5) or not any(c.dep_ == "aux:pass" for c in verb.children):
            return False
        if any(t.pos_ not in {"AUX", "ADV", "ADJ"} for t in doc[noun.i + 1:verb.i]):
            return False
        after = verb
    else:
        if not (0 < noun.i - verb.i <= 5):
            return False
        if any(t.pos_ not in _SUPPORT_BETWEEN and t.lower_ not in {"de", "d'", "d’"} for t in doc[verb.i + 1:noun.i]):
            return False
        if doc[verb.i + 1].pos_ == "ADJ":  # a predicate before the object: «rendre publique sa décision»
            return False
        after = noun
        for t in doc[noun.i + 1:min(len(doc), noun.i + 4)]:
            if t.pos_ == "ADV" and t.lower_ in _DEGREE:
                return False  # «rendre l'aide plus efficace»
            if t.pos_ != "ADJ" or t.head.i != noun.i:
                break
            if t.lower_ in _PREDICATIVE:
                return False
            after = t
    if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return False
    rest = doc.text[after.idx + len(after.text):after.idx + len(after.text) + 40].lower()
    return not _SUPPORT_LOCUTION.match(rest)


# --------------------------------------------------------------------------- 4. genitive calques: data, judge
GENITIVE_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "confusions" / "genitive_persons.tsv"
#: a bigram «head person-word» seen this often in models/fr-ngrams (any number of either word) is French
GEN_ATTESTED = 3
#: the person word must follow a determiner this many times more often than a noun (noun reading dominant) …
GEN_NOUN_RATIO = 3
#: … and, when the lexicon also knows it as an adjective («patiente», «directrice»), its feminine forms must
#: follow a determiner at least this often (evidence that the feminine is read as a person)
GEN_MIN_DET = 5
#: confidences: a feminine person word agreeing with a feminine head (adjectival agreement), other cases
GEN_CONF_AGREE = 0.6
GEN_CONF_PLAIN = 0.55
#: words that mark a noun (the noun reading of the next word) in the n-gram counts
_GEN_NOUN_MARKERS = frozenset({
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "au", "aux", "ce", "cet", "cette", "ces", "son", "sa",
    "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "plusieurs", "certains",
    "certaines", "quelques", "chaque", "aucun", "aucune", "nombreux", "nombreuses", "par", "pour", "avec",
    "chez", "entre", "sans"})


@functools.lru_cache(maxsize=1)
def _genitive_data() -> tuple[dict[str, tuple[str, str, str]], dict[str, tuple[str, str, str, str]],
                              frozenset[str], frozenset[str]]:
    """``forms`` (form → lemma, gender m/f/e, number s/p), ``lemmas`` (lemma → its four forms), the
    apposition ``heads`` and the established ``terms`` of ``genitive_persons.tsv``."""
    import csv

    forms: dict[str, tuple[str, str, str]] = {}
    lemmas: dict[str, tuple[str, str, str, str]] = {}
    heads: set[str] = set()
    terms: set[str] = set()
    if GENITIVE_FILE.exists():
        with GENITIVE_FILE.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t",
                                    quoting=csv.QUOTE_NONE):
                role, word = (r.get("role") or "").strip(), (r.get("word") or "").strip().lower()
                if role == "head":
                    heads.add(word)
                elif role == "term":
                    terms.add(word)
                elif role == "person" and word:
                    pl, fem, fpl = ((r.get(k) or "").strip().lower() for k in ("plural", "feminine",
                                                                               "feminine_plural"))
                    g = "m" if fem else "e"
                    lemmas[word] = (word, pl or word, fem, fpl)
                    for form, gender, num in ((fem, "f", "s"), (fpl, "f", "p"), (word, g, "s"), (pl, g, "p")):
                        if form:
                            forms.setdefault(form, (word, gender, num))
    return forms, lemmas, frozenset(heads), frozenset(terms)


@functools.lru_cache(maxsize=1)
def _bigram_firsts() -> Any:
    """The first word of every bigram of models/fr-ngrams (the model stores them by first word)."""
    import numpy as np

    m = ngram_stats.get_ngrams()
    if m is None:
        return None
    off = np.asarray(m.bi_off)
    return np.repeat(np.arange(len(off) - 1, dtype=np.int64), np.diff(off).astype(np.int64))


@functools.lru_cache(maxsize=4096)
def _pure_noun(word: str) -> bool:
    tags = _morph(word)
    return any(":N" in m for m in tags) and not any(":A" in m or ":V" in m or ":G" in m for m in tags)


@functools.lru_cache(maxsize=2048)
def _noun_contexts(form: str) -> tuple[int, int]:
    """How often ``form`` follows a determiner or preposition (its noun reading: «les patients») and how often
    it follows a plain noun (an adjective or apposition: «ligne directrice»), in models/fr-ngrams."""
    import numpy as np

    m = ngram_stats.get_ngrams()
    firsts = _bigram_firsts()
    i = m.ids.get(form) if m is not None else None
    if i is None or firsts is None:
        return 0, 0
    idx = np.nonzero(np.asarray(m.bi_next) == i)[0]
    det = adj = 0
    for a, c in zip(firsts[idx].tolist(), np.asarray(m.bi_count)[idx].tolist(), strict=True):
        w = m.words[a]
        if w in _GEN_NOUN_MARKERS:
            det += c
        elif _pure_noun(w):
            adj += c
    return det, adj


@functools.lru_cache(maxsize=1024)
def _adjective_reading(lemma: str) -> bool:
    """Does the lexicon also know a form of ``lemma`` as an adjective or a past participle?"""
    forms = _genitive_data()[1][lemma]
    return any((":A" in m or ":Q" in m) and m.startswith(">" + lemma + "/") or
               (":A" in m and m.split("/", 1)[0].lstrip(">") != lemma) for f in forms if f for m in _morph(f))


def _genitive_judge(head: Any, t: Any) -> tuple[float, list[str], dict[str, Any]] | None:
    """A NOUN followed by a noun of person used as an adjective («des plaintes patientes», «plusieurs
    pétitions locataires»), judged by models/fr-ngrams: (confidence, suggestions, evidence), or None.

    Flagged when (1) the pair is not an apposition French uses (the head names an organisation, a place or
    a person; an established term), (2) the bigram «head person-word» is unattested in the n-grams (any
    number of either word), and (3) the word's noun reading dominates: it follows a determiner far more
    often than a noun. A feminine form agreeing with a feminine head (adjectival agreement) is judged
    even when the lexicon knows an adjective («directrice», «patiente»), given enough evidence for its
    noun reading; other forms only when the word has no adjective or participle reading at all.
    """
    forms, lemmas, heads, terms = _genitive_data()
    hit = forms.get(t.lower_)
    if hit is None:
        return None
    lemma, gender, num = hit
    hlemma = head.lemma_.lower()
    h = head.lower_
    if hlemma in heads or h in heads or hlemma in forms or h in forms or hlemma in lemmas:
        return None  # «la puissance occupante», «les salariés actionnaires»: an apposition
    if f"{hlemma} {t.lower_}" in terms or f"{h} {t.lower_}" in terms or \
            any(f"{hv} {fv}" in terms for hv in (h, hlemma) for fv in lemmas[lemma] if fv):
        return None
    if t.lower_.endswith("ant") and any(":P" in m and ":V" in m for m in _morph(t.lower_)):
        return None  # «les familles habitant le quartier»: an invariable present participle
    if not any(":N" in m for m in _morph(h)):
        return None  # «quel éminent architecte»: the «head» is an adjective the parser took for a noun
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and nxt.lower_ in {"de", "d'", "d’", "du", "des"}:
        return None  # «la famille propriétaire du château»: the word governs a complement, an adjective
    if nxt is not None and (nxt.text[:1].isupper() or nxt.pos_ == "PROPN"):
        return None  # «l'irresponsable capitaine Tylor»: a title before a name
    if nxt is not None and nxt.pos_ in {"DET", "PRON"} and \
            any(":V" in m and (":I" in m or ":S" in m) for m in _morph(t.lower_)):
        return None  # «quel ensemble interprète la chanson»: a verb and its object
    model = ngram_stats.get_ngrams()
    if model is None:
        return None
    hforms = {h, hlemma, plural_of(hlemma)}
    seen = max(model.count(f"{hv} {fv}") for hv in hforms for fv in lemmas[lemma] if fv)
    if seen >= GEN_ATTESTED:
        return None
    masc, mpl, fem, fpl = lemmas[lemma]
    ctx = {f: _noun_contexts(f) for f in {masc, mpl, fem, fpl} if f}
    det_all, adj_all = sum(d for d, _ in ctx.values()), sum(a for _, a in ctx.values())
    if det_all < GEN_NOUN_RATIO * adj_all:
        return None  # the word is read as an adjective after nouns as often as a person
    adjective = _adjective_reading(lemma)
    head_fem = "Fem" in head.morph.get("Gender") or (not head.morph.get("Gender") and noun_gender(hlemma) == "f")
    agrees = gender == "f" and head_fem
    if agrees:
        if adjective:
            det_f = sum(ctx[f][0] for f in {fem, fpl} if f)
            adj_f = sum(ctx[f][1] for f in {fem, fpl} if f)
            unseen = sum(model.count(f) for f in {fem, fpl} if f) < GEN_MIN_DET
            if unseen and not (adj_all == 0 and det_all >= GEN_MIN_DET):
                return None  # a feminine French hardly writes, of a word never seen as an adjective: judged
            if not unseen and (det_f < GEN_MIN_DET or det_f < GEN_NOUN_RATIO * adj_f):
                return None
        conf = GEN_CONF_AGREE
    elif adjective:
        return None  # «taux directeur», «les données patients»: an adjective or a modern compound
    else:
        conf = GEN_CONF_PLAIN
    plural = num == "p"
    if plural:
        sugg = ["des " + mpl] + (["des " + fpl] if gender == "f" and fpl else [])
    else:
        noun = fem if gender == "f" else masc
        det = "la" if gender == "f" else "le"
        first = ("de l'" + noun) if re.match(r"[aeiouyàâéèêëîïôûh]", noun) else contract("de", det) + " " + noun
        sugg = [first] + ([(("de l'" + masc) if re.match(r"[aeiouyàâéèêëîïôûh]", masc) else "du " + masc)]
                          if gender == "f" else [])
    return conf, [match_case(s, t.text) for s in sugg], {
        "noun": lemma, "evidence": "models/fr-ngrams", "bigram_count": seen, "after_determiner": det_all,
        "after_noun": adj_all, "agreement": agrees}


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> dict[str, frozenset[str]]:
    """Verbs whose subject (``speaker``) or «à» complement (``addressee``) is a person (data file)."""
    from ..knowledge.confusions import person_evidence

    return person_evidence()


def _morph(word: str) -> tuple[str, ...]:
    from .french import morph_tags

    return morph_tags(word)


# --------------------------------------------------------------------------- 7b. support verbs from the n-grams
GENERIC_SUPPORT_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "confusions" / \
    "support_verbs_generic.tsv"
#: the written (verb, noun) pair is flagged when models/fr-ngrams holds it at most this often …
SV_MAX_WRITTEN = 0
#: … and another support verb with the noun at least this often (all forms, determiners, noun numbers)
SV_MIN_BEST = 100
SV_CONF = 0.55
#: … and the written verb, given its own frequency, would be expected with the noun at least this often
SV_MIN_EXPECTED = 3.0
#: determiners counted between a support verb and its noun
_SV_DETS = ("le", "la", "les", "l'", "un", "une", "des", "du", "de", "son", "sa", "ses", "leur", "leurs", "ce",
            "cette", "ces", "cet")
#: the verb forms counted (Grammalecte codes): third persons, «nous», participles, infinitive
_SV_CODES = ((":Ip", ":3s"), (":Ip", ":3p"), (":Ip", ":1p"), (":Iq", ":3s"), (":Iq", ":3p"), (":If", ":3s"),
             (":If", ":3p"), (":Is", ":3s"), (":Is", ":3p"), (":K", ":3s"), (":K", ":3p"), (":Sp", ":3s"),
             (":Sp", ":3p"), (":Q", ":m:s"), (":Q", ":f:s"), (":Q", ":m:p"), (":Q", ":f:p"), (":P", ":P"))


@functools.lru_cache(maxsize=1)
def _generic_support() -> tuple[dict[str, str], dict[str, str]]:
    """``literal`` verbs (→ the Russian verbs they render) and ``support`` verbs (→ their preposition, «»
    for a direct object) of ``support_verbs_generic.tsv``."""
    import csv

    literal: dict[str, str] = {}
    support: dict[str, str] = {}
    if GENERIC_SUPPORT_FILE.exists():
        with GENERIC_SUPPORT_FILE.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t",
                                    quoting=csv.QUOTE_NONE):
                verb = (r.get("verb") or "").strip().lower()
                prep = (r.get("prep") or "-").strip()
                if r.get("role") == "literal" and verb:
                    literal[verb] = (r.get("pivot") or "").strip()
                elif r.get("role") == "support" and verb:
                    support[verb] = "" if prep == "-" else prep
    return literal, support


@functools.lru_cache(maxsize=64)
def _verb_forms(verb: str) -> tuple[str, ...]:
    from grammalecte.fr import conj

    if not conj.isVerb(verb):
        return (verb,)
    out = {verb}
    for code, who in _SV_CODES:
        form = conj.getConj(verb, code, who)
        if form:
            out.add(form)
    return tuple(sorted(out))


@functools.lru_cache(maxsize=4096)
def _support_pair_counts(lemma: str, form: str) -> dict[str, int] | None:
    """How often models/fr-ngrams writes each support or literal verb (any form) + a determiner (or, for
    a verb taking «à», «au»/«aux») + the noun (lemma, plural, written form); None without the model."""
    model = ngram_stats.get_ngrams()
    if model is None:
        return None
    nouns = sorted({lemma, form, plural_of(lemma)})
    literal, support = _generic_support()
    out: dict[str, int] = {}
    for verb in sorted(set(literal) | set(support)):
        prep = support.get(verb, "")
        dets = ("au", "aux") if prep == "à" else _SV_DETS
        total = 0
        for vf in _verb_forms(verb):
            if not model.count([vf]):
                continue
            for d in dets:
                total += sum(model.followers([vf, d], nouns))
        out[verb] = total
    return out


def _compound_noun(noun: Any) -> bool:
    """«un coup de pinceau», «un tour de table»: the noun takes a complement «de» + a bare noun, a compound
    whose support verb is not the bare noun's."""
    for c in noun.children:
        if c.dep_ == "nmod" and c.i > noun.i and not any(g.dep_ == "det" for g in c.children) and \
                any(g.dep_ == "case" and g.lower_ in {"de", "d'", "d’"} for g in c.children):
            return True
    return False


@functools.lru_cache(maxsize=256)
def _verb_frequency(verb: str) -> int:
    """How often models/fr-ngrams holds any of the counted forms of ``verb``."""
    model = ngram_stats.get_ngrams()
    return sum(model.count([f]) for f in _verb_forms(verb)) if model is not None else 0
