"""The omission detector (``accuracy/omission``): clauses that lost their verb, read from the parse.

Russian omits «быть» (to be) in the present, and a translation through Russian often drops it in French
too: «Poutine à un niveau différent», «convaincu que Musk un "homme intelligent"». Rules:

* ``verbless_sentence``: a declarative sentence (it ends with «.») of at least four words that opens with
  a noun phrase (a name, a noun with its determiner or a pronoun) and has no verb or auxiliary at all;
  headings, list items, lines without final punctuation, quotations and nominal sentences that French
  uses on purpose («Fini le bourdonnement.», «Merci beaucoup.») are left alone;
* ``verbless_que``: a clause opened by «que» whose subject is directly followed by a determiner or a
  preposition, with no verb before the next punctuation («que Musk un homme intelligent»);
* ``copula_name``: «ont été Poutine»: a plural subject, the copula «être» and a single proper name as
  predicate — the participle is missing («ont isolé Poutine»);
* ``copula_dash``: Russian writes the present-tense copula as a dash («Наша цель — рост»), and a
  translation keeps it: «Notre objectif — la croissance.» A sentence with one dash between a noun phrase
  opened by a determiner and its predicate, and no finite verb in either (a relative clause after the
  predicate aside), lost «est»; datelines («Londres – Le Premier ministre … souhaite»), incises between
  two dashes, ranges («1946 – 47») and dialogue lines are left alone.

Suggestions insert the copula where it can be placed («Musk était un», tense from the governing verb).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..flags import Flag
from . import BaseDetector
from .french import in_spans, is_sentence_initial, protected_spans, quoted_spans

VERBAL = {"VERB", "AUX"}
#: a dash that may stand for the copula (a hyphen, spaced or not, joins words and ranges in French)
DASHES = {"—", "–"}
#: words that open a clause with its own verb (a relative or subordinate clause after the predicate)
CLAUSE_OPENERS = {"qui", "que", "qu'", "qu’", "dont", "où", "lorsque", "quand", "si", "car", "mais", "et", "parce"}
#: words that make a following «que» the second term of a comparison, which needs no verb
COMPARATIVES = {"plus", "moins", "autant", "aussi", "davantage", "mieux", "pire", "pis", "meilleur", "meilleure",
                "meilleurs", "meilleures", "même", "mêmes", "autre", "autres", "tel", "telle", "tels", "telles",
                "plutôt", "tant", "si", "moindre", "supérieur", "supérieure", "inférieur", "inférieure"}
NOMINAL_OPENERS = {"merci", "bonjour", "bonsoir", "salut", "fini", "finie", "finis", "bravo", "attention",
                   "félicitations", "oui", "non", "adieu", "bienvenue", "dommage", "ok", "d'accord",
                   "voici", "voilà", "cordialement", "bien", "rien", "pas", "au", "à", "en", "pour",
                   "sans", "avec", "selon", "d'après", "photo", "source", "lire", "cf", "vidéo", "ps",
                   "nb", "exemple", "objet", "suite", "résultat", "conclusion"}


class OmissionDetector(BaseDetector):
    """Sentences and «que» clauses without a verb; a copula followed by a bare name."""

    name = "omission"
    categories = ("accuracy/omission",)

    def __init__(self, min_words: int = 4) -> None:
        self.min_words = min_words

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        protected = protected_spans(text)
        quotes = quoted_spans(text)
        for ps in document.parsed:
            seg_text = ps.doc.text
            if re.match(r"\s*(?:[-•*–—]|\d+[.)])\s", seg_text):
                continue  # a list item
            for sent in ps.doc.sents:
                for f in self._sentence(text, ps.offset, sent, quotes):
                    if not in_spans(f.start, f.end, protected):
                        yield f

    def _flag(self, text: str, a: int, b: int, sugg: list[str], conf: float, expl: str, rule: str,
              severity: str = "major") -> Flag:
        return Flag(start=a, end=b, text=text[a:b], category="accuracy/omission", severity=severity,
                    confidence=conf, suggestions=sugg, explanation=expl, detector=self.name,
                    evidence={"rule": rule})

    def _sentence(self, text: str, off: int, sent: Any, quotes: list[tuple[int, int]]) -> Iterator[Flag]:
        words = [t for t in sent if t.is_alpha]
        if not words:
            return
        a0 = off + sent.start_char
        b0 = off + sent.end_char
        if in_spans(a0, b0, quotes):
            return
        f = self._verbless_sentence(text, off, sent, words)
        if f is not None:
            yield f
        yield from self._verbless_que(text, off, sent)
        f = self._copula_name(text, off, sent)
        if f is not None:
            yield f
        f = self._copula_dash(text, off, sent)
        if f is not None:
            yield f

    def _verbless_sentence(self, text: str, off: int, sent: Any, words: list[Any]) -> Flag | None:
        if len(words) < self.min_words:
            return None
        toks = [t for t in sent if not t.is_space]
        if not toks or toks[-1].text != ".":
            return None
        if any(t.pos_ in VERBAL for t in sent):
            return None
        if any(t.text in {":", "«", "\"", "(", "»", "“", "”", "/", "|"} for t in sent):
            return None
        first = words[0]
        if first.lower_ in NOMINAL_OPENERS or not first.text[:1].isupper() or not is_sentence_initial(first):
            return None
        if not self._is_name(first):
            return None  # a name: «Poutine à un niveau différent.» («Stress à tous les étages.» is French)
        if any(self._may_be_verb(t) for t in words):
            return None
        # a name or a noun phrase, then a preposition or an adjective phrase: «Poutine à un niveau …»
        subj_end = first
        for t in words[1:]:
            if t.pos_ in {"PROPN", "NOUN", "ADJ"} and t.i == subj_end.i + 1:
                subj_end = t
            else:
                break
        nxt = sent.doc[subj_end.i + 1] if subj_end.i + 1 < sent.end else None
        if nxt is None or nxt.pos_ not in {"ADP", "DET", "ADV", "ADJ"}:
            return None
        a = off + sent.start_char
        b = off + toks[-1].idx
        insert = "sont" if "Plur" in subj_end.morph.get("Number") else "est"
        subj_txt = text[off + first.idx:off + subj_end.idx + len(subj_end.text)]
        sugg = text[a:off + subj_end.idx + len(subj_end.text)] + f" {insert}" + \
            text[off + subj_end.idx + len(subj_end.text):b]
        return self._flag(text, a, b, [sugg], 0.6,
                          f"Phrase sans verbe après «\u00a0{subj_txt}\u00a0»\u00a0: le verbe (souvent «\u00a0être\u00a0», "
                          "que le russe omet) manque.", "verbless_sentence")

    def _copula_dash(self, text: str, off: int, sent: Any) -> Flag | None:
        """«Notre objectif — la croissance.»: the Russian dash for the copula (see the module's rules).
        The clause may be a quotation inside the sentence («« Notre priorité — la réduction des coûts »,
        a déclaré …») or follow a fronted prepositional phrase and its comma («Pour les pays du Sud, la
        question clé — le financement.»); it ends at a closing quote or the sentence's end."""
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 5 or toks[-1].text not in {".", "!", "»", "”", "\""}:
            return None
        dashes = [t for t in toks if t.text in DASHES]
        if len(dashes) != 1:
            return None
        dash = dashes[0]
        k = toks.index(dash)
        lo = 0  # the clause's subject starts after an opening quote or the last comma before the dash
        for j in range(k - 1, -1, -1):
            if toks[j].text in {"«", "“", "\"", ","}:
                lo = j + 1
                break
            if toks[j].text in {"»", "”", "(", ")", ":", ";"}:
                return None
        hi = len(toks) - 1  # the clause ends at a closing quote or the sentence's end
        for j in range(k + 1, len(toks)):
            if toks[j].text in {"»", "”", "\"", ";", "."}:
                hi = j
                break
            if toks[j].text in {"(", ")", ":", "«", "“"}:
                return None
        before, after = toks[lo:k], toks[k + 1:hi]
        if len(before) < 2 or not after or before[0].pos_ != "DET":
            return None
        if lo > 0 and toks[lo - 1].text == "," and not any(t.text in {"«", "“", "\""} for t in toks[:lo]):
            # a subject after a comma: the words before it must be a fronted prepositional phrase
            # without a verb («Pour les pays du Sud, la question clé — le financement.»)
            if any(t.pos_ in VERBAL for t in toks[:lo - 1]) or toks[0].pos_ != "ADP":
                return None
        if text[:off + toks[0].idx].rstrip()[-1:] in DASHES:
            return None  # the parse cut the sentence at a dash («D'autres – le reste – impotents …»)
        if any(t.pos_ in VERBAL for t in before) or not any(t.pos_ == "NOUN" for t in before):
            return None
        for t in after:
            if t.lower_ in CLAUSE_OPENERS:
                break  # «… la croissance qui profite à tous»: the relative clause has its own verb
            if t.pos_ in VERBAL and "Inf" not in t.morph.get("VerbForm") and "Part" not in t.morph.get("VerbForm"):
                return None
        first = after[0]
        if first.pos_ not in {"DET", "NOUN", "PROPN", "ADJ", "NUM", "VERB", "PRON"}:
            return None
        head = next(t for t in before if t.pos_ == "NOUN")
        copula = "sont" if "Plur" in head.morph.get("Number") else "est"
        if first.pos_ == "VERB" and "Inf" in first.morph.get("VerbForm"):
            copula += " d'" if first.text[:1].lower() in "aeiouyéèêh" else " de"
        a = off + before[-1].idx + len(before[-1].text)
        b = off + first.idx
        sugg = f" {copula}" + ("" if copula.endswith("'") else " ")
        return self._flag(text, a, b, [sugg], 0.65,
                          "Le tiret tient lieu du verbe «\u00a0être\u00a0», comme en russe (copule omise au "
                          f"présent)\u00a0; le français l'écrit\u00a0: «\u00a0{copula}\u00a0».", "copula_dash")

    @staticmethod
    def _is_name(tok: Any) -> bool:
        """A proper name by the parse, the entity recogniser or Grammalecte's lexicon (``:M`` tags)."""
        from .french import morph_tags

        if tok.ent_type_ in {"MISC"} or not tok.text[:1].isupper():
            return False
        tags = morph_tags(tok.text)
        if any(":M" in m for m in tags):
            return True
        if tags:
            return False  # a French common noun («Air frais dans la chambre.»)
        return tok.pos_ == "PROPN" or tok.ent_type_ in {"PER", "ORG", "LOC"}

    @staticmethod
    def _may_be_verb(tok: Any) -> bool:
        """True when Grammalecte's lexicon has a finite-verb reading of the word («produit»)."""
        from .french import morph_tags

        if not tok.text[:1].islower():
            return False
        tags = morph_tags(tok.text)
        if not any(":V" in m and any(x in m for x in (":Ip", ":Iq", ":Is", ":If", ":K", ":Sp")) for m in tags):
            return False
        if tok.pos_ == "ADJ" and any(":A" in m for m in tags):
            return False  # «un niveau différent»: spaCy and the lexicon agree on an adjective
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return prev is None or prev.pos_ not in {"DET", "ADP"}

    def _verbless_que(self, text: str, off: int, sent: Any) -> Iterator[Flag]:
        doc = sent.doc
        for t in sent:
            if t.lower_ not in {"que", "qu'", "qu’"} or t.pos_ not in {"SCONJ", "PRON"}:
                continue
            if any(x.lower_ in COMPARATIVES for x in doc[max(sent.start, t.i - 8):t.i]):
                continue  # «plus de batailles qu'Alexandre le Grand»: a comparison needs no verb
            j = t.i + 1
            if j >= sent.end:
                continue
            subj = doc[j]
            if subj.pos_ not in {"PROPN", "NOUN"}:
                continue
            k = j
            while k + 1 < sent.end and doc[k + 1].pos_ == "PROPN" and subj.pos_ == "PROPN":
                k += 1
            if k + 1 >= sent.end:
                continue
            nxt = doc[k + 1]
            if nxt.pos_ != "DET" or nxt.lower_ not in {"un", "une", "le", "la", "les", "l'", "l’", "des"}:
                continue
            if subj.pos_ == "PROPN" and k + 2 < sent.end and doc[k + 2].text[:1].isupper():
                continue  # an epithet is part of the name: «Alexandre le Grand», «Jean le Bon»
            # no verb until the end of the clause
            end = k + 1
            while end < sent.end and not (doc[end].is_punct and doc[end].text in {",", ";", ".", ":", "!", "?"}) \
                    and doc[end].pos_ not in VERBAL:
                end += 1
            if end < sent.end and doc[end].pos_ in VERBAL:
                continue
            gov = t.head.head if t.head is not None else None
            past = gov is not None and any(x in gov.morph.get("Tense") for x in ("Past", "Imp")) or \
                gov is not None and any(c.dep_.startswith("aux") for c in gov.children)
            verb = "était" if past else "est"
            if "Plur" in doc[k].morph.get("Number"):
                verb = "étaient" if past else "sont"
            a = off + subj.idx
            b = off + nxt.idx + len(nxt.text)
            subj_text = text[a:off + doc[k].idx + len(doc[k].text)]
            yield self._flag(text, a, b, [f"{subj_text} {verb} {nxt.text}"], 0.7,
                             "La subordonnée n'a pas de verbe\u00a0: «\u00a0être\u00a0» manque (le russe l'omet au "
                             "présent).", "verbless_que")

    def _copula_name(self, text: str, off: int, sent: Any) -> Flag | None:
        """«ont été Poutine»: plural «avoir» + «été» + a single name as predicate (participle missing)."""
        for t in sent:
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ not in {"PER", ""}:
                continue
            kids = list(t.children)
            cop = [c for c in kids if c.dep_ in {"cop", "aux:pass"} and c.lemma_ == "être" and c.i < t.i]
            aux = [c for c in kids if c.dep_.startswith("aux") and c.lemma_ == "avoir" and c.i < t.i]
            if not cop or not aux or any(c.dep_ in {"conj", "det", "case"} for c in kids):
                continue
            if "Plur" not in aux[0].morph.get("Number") or cop[0].i != t.i - 1 or aux[0].i != t.i - 2:
                continue
            a = off + aux[0].idx
            b = off + t.idx + len(t.text)
            return self._flag(text, a, b, [], 0.55,
                              f"«\u00a0{text[a:b]}\u00a0»\u00a0: un participe manque entre l'auxiliaire et le nom "
                              "(«\u00a0ont isolé\u00a0», «\u00a0ont soutenu\u00a0»…).", "copula_name")
        return None
