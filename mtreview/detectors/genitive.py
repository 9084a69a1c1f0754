"""Russian genitives turned into French adjectives, judged by noun-phrase collocation counts.

A translation through a Russian pivot renders a genitive complement as an adjective: «подсчёт голосов» →
«le décompte vocal» (for «le décompte des voix»), «голоса депутатов» → «les voix députées» (for «les voix
des députés»). For a noun N followed at once by a modifier M that is a *relational* adjective (its base
noun from ``models/noun-phrases``: suffix rules checked on the corpus plus ``relational_curated.tsv``) or
a noun used as an adjective (its own noun reading: «députées», «malade»), the detector compares, in the
fr-mono corpus (:mod:`mtreview.knowledge.noun_phrases`):

* the pair «N M» (lemmas; an established adjective use — «aide médicale», «revenus fiscaux» — is seen
  there, and so is left alone; the bigram in ``models/fr-ngrams`` is checked too), with
* «N de (det) B» for the base noun B.

Three tiers (the corpus is small: most pairs of a news text are expected less than once there, so their
absence alone says nothing):

* strong (0.5–0.7 by the margin): a relational adjective (not a homograph), «N M» seen fewer than
  :data:`PAIR_ESTABLISHED` times although :data:`MIN_EXPECTED` would be expected from how often N takes a
  modifier and M follows a noun, and «N de B» seen ≥ :data:`MIN_DE` times, :data:`MARGIN` times more than
  «N M» and :data:`MIN_ASSOC` times more than expected;
* thin (0.3–0.45): a few «N de B» (≥ :data:`MIN_DE_THIN`), the pair expected at least half a time;
* agreement (0.5, else 0.45): a feminine noun of person with no adjective reading agreeing with a feminine
  head like an adjective («les voix députées»), the pair never seen, the head well attested and the noun far
  more often a «de» complement than a modifier in the corpus.

Left alone: established pairs, gentilics («le roi français»), person or collective heads («une femme
présidente», «les pays membres»), nouns in apposition with no adjective reading and no feminine agreement
(«fin mai», «la ville frontière»), participles of live verbs («la viande fumée»), adjectives and agent
nouns with their own «de» complement («la société organisatrice du salon»), homographs the corpus writes
more often as modifiers than as complements («question parlementaire»). The suggestion replaces M by «de
(det) B», with the determiner and form the corpus uses most (or agreeing with M's number).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge import ngrams as ngram_stats
from ..knowledge.confusions import person_evidence
from ..knowledge.noun_phrases import NounPhrases, get_noun_phrases, modifier_key, noun_key
from . import BaseDetector
from .french import match_case, morph_tags, noun_gender, plural_of

#: «N M» seen this often (lemmas, models/noun-phrases) is an established use: never flagged
PAIR_ESTABLISHED = 2
#: «N M» bigram seen this often in models/fr-ngrams (surface forms) is established too
NGRAM_ESTABLISHED = 3
#: strong evidence (a relational adjective, not a homograph noun): «N de B» seen at least MIN_DE times and
#: MARGIN times more than «N M» (+1)
MIN_DE = 10
MARGIN = 8.0
#: thin evidence: «N de B» seen at least MIN_DE_THIN times and MARGIN_THIN times more than «N M» (+1)
MIN_DE_THIN = 2
MARGIN_THIN = 2.0
#: «N de B» must be seen this many times more than expected from how often N takes «de» and B follows it
MIN_ASSOC = 4.0
MIN_ASSOC_THIN = 3.0
#: strong evidence also needs «N M» to be expected at least this often (else its absence says nothing;
#: never seen where 3 are expected: p ≈ 0.05 under a Poisson law)
MIN_EXPECTED = 3.0
#: agreement (a feminine noun of person agreeing with its head, no «N de B» counts): the head must be seen
#: this often in either table, B as a complement this often, and RATIO_BACKOFF times more than as a
#: modifier of any noun for CONF_AGREE (else the top of CONF_THIN)
MIN_HEAD = 50
MIN_BASE_BACKOFF = 20
RATIO_BACKOFF = 2.0
CONF_AGREE = 0.5
#: a participle reading counts when its verb's infinitive is seen this often in models/fr-ngrams
MIN_VERB = 10
#: thin evidence needs «N M» to be expected at least this often
MIN_EXPECTED_THIN = 0.5
CONF_STRONG = (0.5, 0.7)
CONF_THIN = (0.3, 0.45)
_VOWEL = re.compile(r"[aeiouyàâéèêëîïôûœh]")
#: feminine endings of deverbal agent nouns, which govern a «de» complement of their own
_AGENT_ENDINGS = ("trice", "trices", "euse", "euses")
_DE_WORDS = frozenset({"de", "d'", "d’", "du", "des"})


@functools.lru_cache(maxsize=1)
def _profiles() -> tuple[Counter[str], Counter[str]]:
    """How often each modifier lemma follows any noun, and each noun lemma is a «de» complement."""
    np_ = get_noun_phrases()
    mods: Counter[str] = Counter()
    comps: Counter[str] = Counter()
    if np_ is not None:
        for (_, m), c in np_.adj.items():
            mods[m] += c
        for (_, b), v in np_.de.items():
            comps[b] += sum(x[0] for x in v)
    return mods, comps


def _has_adjective(form: str) -> bool:
    """Does the lexicon read ``form`` as an adjective (not only a participle or a noun)?"""
    return any(":A" in m and ":V" not in m for m in morph_tags(form))


def _live_participle(tags: tuple[str, ...]) -> bool:
    """Is one reading the participle of a verb French uses («fumée», «invitée»; not «députées»: «députer»
    is hardly ever written)? Seen at least MIN_VERB times as an infinitive in models/fr-ngrams."""
    model = ngram_stats.get_ngrams()
    verbs = {m.split("/", 1)[0].lstrip(">") for m in tags if ":Q" in m}
    return bool(verbs) and (model is None or any(model.count(v) >= MIN_VERB for v in verbs))


def _feminine(head: Any, lemma: str) -> bool:
    """Is the head noun feminine (its parse, else the lexicon)?"""
    g = head.morph.get("Gender")
    return "Fem" in g if g else noun_gender(lemma) == "f"


def _phrase(det: str, form: str) -> str:
    """«de» + determiner + noun, elided: («de», «ingénieurs») → «d'ingénieurs»."""
    if det == "de" and _VOWEL.match(form):
        return "d'" + form
    if det == "de l'":
        return "de l'" + form
    return f"{det} {form}"


def _built(base: str, plural: bool) -> str:
    """«de (det) base» without corpus evidence: «des» + plural, or «du / de la / de l'» + singular."""
    if plural:
        return "des " + plural_of(base)
    if _VOWEL.match(base):
        return "de l'" + base
    return ("de la " if noun_gender(base) == "f" else "du ") + base


class GenitiveDetector(BaseDetector):
    """«N ADJ» for «N de (det) B»: a genitive rendered as an adjective, judged by corpus collocations."""

    name = "genitive"
    categories = ("accuracy/mistranslation",)

    def __init__(self, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence

    def detect(self, document: Document, evidence: Any = None) -> Iterator[Flag]:
        np_ = get_noun_phrases()
        if np_ is None:
            return
        text = document.text
        for ps in document.parsed:
            doc = ps.doc
            for t in doc:
                flag = self._judge(np_, text, ps.offset, doc, t)
                if flag is not None and flag.confidence >= self.min_confidence:
                    yield flag

    # ------------------------------------------------------------------ one «N M» pair
    def _judge(self, np_: NounPhrases, text: str, off: int, doc: Any, t: Any) -> Flag | None:
        if t.i == 0 or t.pos_ not in {"ADJ", "NOUN", "VERB"} or not t.text[:1].islower() or "'" in t.text:
            return None
        head = doc[t.i - 1]
        if head.pos_ != "NOUN" or not head.whitespace_ or not head.text[:1].islower() or t.head.i != head.i:
            return None
        if t.dep_ not in {"amod", "nmod", "appos", "acl"}:
            return None
        low = t.lower_
        mk = modifier_key(low)
        hk = noun_key(head.lower_) or head.lemma_.lower()
        if mk is None or mk == hk:
            return None
        tags = morph_tags(low)
        if any("#G" in m for m in tags):
            return None  # «le roi français»: a gentilic adjective, never a calqued genitive
        persons = person_evidence()
        if hk in persons["person_head"] or hk in persons["collective"]:
            return None  # «une femme présidente», «les pays membres»: an apposition
        adjective = _has_adjective(low)
        own = noun_key(low)
        inflected = bool(own) and own != low and any(":N" in m and ":f" in m for m in tags) and \
            _feminine(head, hk) and not _live_participle(tags)
        if not adjective and not inflected:
            return None  # «fin mai», «la ville frontière», «les pays membres»: a noun in apposition
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in _DE_WORDS and (adjective or low.endswith(_AGENT_ENDINGS)):
            return None  # «la famille propriétaire du château», «la société organisatrice du salon»: an
            # adjective or an agent noun with its own complement
        if nxt is not None and nxt.pos_ in {"DET", "PRON"} and \
                any(":V" in m and (":I" in m or ":S" in m) for m in tags):
            return None  # «l'équipe pilote le projet»: a verb and its object
        bases = list(np_.bases(mk))
        if own and all(b != own for b, _ in bases):
            bases.append((own, "noun reading"))
        if not bases:
            return None
        pair = np_.adj_count(hk, mk)
        if own and own != mk:
            pair = max(pair, np_.adj_count(hk, own))
        if pair >= PAIR_ESTABLISHED:
            return None
        model = ngram_stats.get_ngrams()
        if model is not None and model.count(f"{head.lower_} {low}") >= NGRAM_ESTABLISHED:
            return None
        mods, comps = _profiles()
        total_adj, total_de = max(1, sum(mods.values())), max(1, sum(comps.values()))
        # the pair «N M» expected if M modified N as often as any noun: a zero means something only when
        # it is expected at least once
        expected_adj = np_.head_adj.get(hk, 0) * mods[mk] / total_adj
        if own and adjective:
            # a homograph («parlementaire», «malade»): its noun reading is a candidate only when the corpus
            # writes the word as a complement at least as often as a modifier
            bases = [b for b in bases if b[1] not in {"homograph", "noun reading"} or comps[b[0]] >= mods[mk]]
            if not bases:
                return None
        base, source = max(bases, key=lambda b: np_.de_count(hk, b[0]))
        de = np_.de_count(hk, base)
        expected_de = np_.head_de.get(hk, 0) * comps[base] / total_de
        margin = de / (pair + 1)
        assoc = de / max(expected_de, 0.1)
        relational = source not in {"homograph", "noun reading"}
        if relational and de >= MIN_DE and margin >= MARGIN and assoc >= MIN_ASSOC and \
                expected_adj >= MIN_EXPECTED:
            lo, hi = CONF_STRONG
            conf = lo + (hi - lo) * min(1.0, math.log(margin / MARGIN) / math.log(8))
            tier = "strong"
        elif de >= MIN_DE_THIN and margin >= MARGIN_THIN and assoc >= MIN_ASSOC_THIN and \
                expected_adj >= MIN_EXPECTED_THIN:
            lo, hi = CONF_THIN
            conf = lo + (hi - lo) * min(1.0, (de - MIN_DE_THIN) / max(1, MIN_DE - MIN_DE_THIN))
            tier = "thin"
        elif inflected and not adjective and not pair:
            # a feminine noun of person agreeing with its head like an adjective («les voix députées»),
            # never seen after it, and far more often a complement («des députés») than a modifier
            base, source = own, "noun reading"
            comp = comps[base]
            head_seen = np_.head_adj.get(hk, 0) + np_.head_de.get(hk, 0)
            if head_seen < MIN_HEAD or comp < MIN_BASE_BACKOFF:
                return None
            conf = CONF_AGREE if comp >= RATIO_BACKOFF * mods[own] else CONF_THIN[1]
            tier = "agreement"
        else:
            return None
        number = t.morph.get("Number")
        plural = "Plur" in number or (low.endswith(("s", "x")) and "Sing" not in number)
        variants = np_.de_variants(hk, base)
        if source == "noun reading":
            same = [v for v in variants if (v[1] == "des" or v[2].endswith(("s", "x"))) == plural]
            variants = same or variants
        sugg = _phrase(variants[0][1], variants[0][2]) if variants else _built(base, plural)
        suggestions = [sugg]
        if tier == "agreement":  # the person may be a woman: «de la présidente», «des présidentes»
            fem = ("des " if plural else "de l'" if _VOWEL.match(low) else "de la ") + low
            suggestions += [fem] if fem != sugg else []
        conf = round(conf, 2)
        a = off + t.idx
        b = a + len(t.text)
        why = (f"«\u00a0{head.lower_} {sugg}\u00a0» ({hk} + de + {base}\u00a0: {de} fois) et «\u00a0{hk} {mk}\u00a0» "
               f"({pair} fois) dans 20 millions de mots de français écrit" if tier != "agreement" else
               f"«\u00a0{hk} {mk}\u00a0» jamais vu dans 20 millions de mots de français écrit, où «\u00a0{base}"
               f"\u00a0» est bien plus souvent complément («\u00a0de {base}\u00a0») qu'épithète")
        return Flag(start=a, end=b, text=text[a:b], category="accuracy/mistranslation", severity="major",
                    confidence=conf, suggestions=[match_case(x, t.text) for x in suggestions],
                    explanation=(f"«\u00a0{head.text} {t.text}\u00a0»\u00a0: un complément du nom rendu par un "
                                 f"adjectif (génitif russe)\u00a0? {why}."),
                    detector=self.name,
                    evidence={"mechanism": "genitive-adjective", "source": "models/noun-phrases (fr-mono corpus)",
                              "head": hk, "modifier": mk, "base": base, "base_source": source, "pair_count": pair,
                              "de_count": de, "expected_pair": round(expected_adj, 2),
                              "expected_de": round(expected_de, 2), "tier": tier})
