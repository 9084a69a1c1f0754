"""The repetition detector (``fluency/repetition``): words a translation says twice.

* ``doubled``: the same word twice in a row («le le», «de de»), except where French doubles on purpose
  («nous nous», «vous vous», «très très» in speech, «l'un l'autre» …);
* ``noun_de_noun``: a noun complemented by itself («service de service»), except the superlative idiom
  with a plural («le roi des rois») and fixed expressions («de temps en temps» has no «de» between);
* ``complement_twice``: a complement with its article said twice («les habitants de la ville de la
  ville», «la directrice de la banque de la banque»), the pivot's doubled genitive: «de la X de la X»;
* ``cognate``: a verb and a noun of the same family in one clause («a déclaré dans une déclaration»):
  minor, offered with a synonym of the verb when one is known;
* ``near_verb``: the same lexical verb twice within a few words («il lui a dit qu'il lui avait dit»).

Names are never counted (a name repeated is not a fluency problem).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..flags import Flag
from . import BaseDetector
from .french import in_spans, protected_spans

#: words French may legitimately double
DOUBLING_OK = {"nous", "vous", "très", "si", "non", "oui", "bien", "plus", "tout", "cela", "ça", "là",
               "encore", "beaucoup", "ha", "ah", "oh", "hé", "bla", "bye", "pan", "toc", "vite", "long",
               "peu", "petit", "tant", "que", "qui", "pas", "the", "is", "that", "had"}
#: light verbs and auxiliaries never counted as repeated
LIGHT_VERBS = {"être", "avoir", "faire", "pouvoir", "devoir", "aller", "vouloir", "falloir", "venir",
               "savoir", "mettre", "prendre", "donner", "voir", "rester", "sembler", "paraître", "permettre",
               "laisser", "continuer", "commencer", "tenir"}
#: a synonym to offer for the verb of a verb–noun echo
VERB_SYNONYMS = {"déclarer": "indiqué", "annoncer": "indiqué", "expliquer": "précisé", "décider": "choisi",
                 "proposer": "suggéré", "répondre": "indiqué", "demander": "prié", "publier": "diffusé"}


class RepetitionDetector(BaseDetector):
    """Doubled words, a noun complemented by itself, verb–noun echoes, a verb said twice."""

    name = "repetition"
    categories = ("fluency/repetition",)

    def __init__(self, cognates: bool = True, near_verbs: bool = True, window: int = 6) -> None:
        self.cognates = cognates
        self.near_verbs = near_verbs
        self.window = window

    def detect(self, document: Document, evidence: object = None) -> Iterator[Flag]:
        text = document.text
        protected = protected_spans(text)
        for ps in document.parsed:
            for f in self._segment(text, ps.offset, ps.doc):
                if not in_spans(f.start, f.end, protected):
                    yield f

    def _flag(self, text: str, start: int, end: int, sugg: list[str], conf: float, severity: str,
              expl: str, rule: str) -> Flag:
        return Flag(start=start, end=end, text=text[start:end], category="fluency/repetition",
                    severity=severity, confidence=conf, suggestions=sugg, explanation=expl,
                    detector=self.name, evidence={"rule": rule})

    def _segment(self, text: str, off: int, doc: Any) -> Iterator[Flag]:
        n = len(doc)
        for t in doc:
            if not t.is_alpha or t.pos_ == "PROPN" or t.ent_type_:
                continue
            # doubled word
            if t.i + 1 < n:
                u = doc[t.i + 1]
                if u.lower_ == t.lower_ and t.lower_ not in DOUBLING_OK and t.whitespace_ and \
                        not t.text[:1].isupper() and not u.text[:1].isupper():
                    # (a capitalised second word opens a name or a title: «de De Niro», «le premier
                    # Premier ministre», «le résumé de De l'autre côté du miroir»)
                    a, b = off + t.idx, off + u.idx + len(u.text)
                    yield self._flag(text, a, b, [t.text], 0.85, "minor",
                                     f"Mot répété\u00a0: «\u00a0{t.text}\u00a0».", "doubled")
            # noun de noun
            if t.pos_ == "NOUN" and t.i + 2 < n:
                de, u = doc[t.i + 1], doc[t.i + 2]
                # with an article («le service du service») it is still the pivot's doubled genitive
                # most of the time, but may name another referent («le successeur du successeur»)
                if de.lower_ in {"de", "d'", "d’", "du"} and u.pos_ in {"NOUN", "ADJ", "VERB"} and \
                        u.lemma_.lower() == t.lemma_.lower() and u.lower_ == t.lower_:
                    a, b = off + t.idx, off + u.idx + len(u.text)
                    yield self._flag(text, a, b, [t.text], 0.85 if de.lower_ != "du" else 0.6, "major",
                                     f"«\u00a0{t.text}\u00a0» est répété\u00a0: le complément ne dit rien.",
                                     "noun_de_noun")
            # a complement with its article said twice («les habitants de la ville de la ville»)
            f = self._complement_twice(text, off, doc, t)
            if f is not None:
                yield f
            if t.pos_ == "VERB" and t.lemma_ not in LIGHT_VERBS:
                if self.cognates:
                    f = self._cognate(text, off, doc, t)
                    if f is not None:
                        yield f
                if self.near_verbs:
                    f = self._near_verb(text, off, doc, t)
                    if f is not None:
                        yield f

    def _complement_twice(self, text: str, off: int, doc: Any, t: Any) -> Flag | None:
        """«de la ville de la ville»: a complement «de la / de l'» + noun said twice in a row (the noun
        ``t`` is the first one's); the flag spans the first noun to the second, to be replaced by it."""
        if t.pos_ != "NOUN" or t.i < 2 or t.i + 3 >= len(doc) or doc[t.i + 1].lower_ != "de":
            return None
        det, u = doc[t.i + 2], doc[t.i + 3]
        if u.lower_ != t.lower_ or det.lower_ not in {"la", "l'", "l’"}:
            return None
        if doc[t.i - 2].lower_ != "de" or doc[t.i - 1].lower_ != det.lower_:
            return None
        a, b = off + t.idx, off + u.idx + len(u.text)
        said = f"de {det.text}{t.text}" if det.text.endswith(("'", "’")) else f"de {det.text} {t.text}"
        return self._flag(text, a, b, [t.text], 0.7, "major",
                          f"«\u00a0{said}\u00a0» est dit deux fois\u00a0: le complément est répété.",
                          "complement_twice")

    def _cognate(self, text: str, off: int, doc: Any, v: Any) -> Flag | None:
        """«déclarer … dans une déclaration»: a noun of the verb's family right after the verb."""
        stem = v.lemma_.lower()
        stem = stem[:-2] if stem.endswith(("er", "ir", "re")) else stem
        if len(stem) < 5:
            return None
        for u in doc[v.i + 1:min(len(doc), v.i + 5)]:
            if u.pos_ in {"VERB", "AUX"} or u.is_punct or u.lower_ == "comme":
                return None  # («travailler comme travailleur social»: a role, named as such)
            if u.pos_ == "NOUN" and u.lemma_.lower().startswith(stem) and u.head.i == v.i or \
                    u.pos_ == "NOUN" and u.lemma_.lower().startswith(stem) and u.head.head.i == v.i:
                syn = VERB_SYNONYMS.get(v.lemma_.lower())
                sugg = [syn] if syn and "Part" in v.morph.get("VerbForm") else []
                a = off + v.idx
                return self._flag(text, a, a + len(v.text), sugg, 0.6, "minor",
                                  f"«\u00a0{v.text} … {u.text}\u00a0»\u00a0: le verbe et le nom se répètent.",
                                  "cognate")
        return None

    def _near_verb(self, text: str, off: int, doc: Any, v: Any) -> Flag | None:
        """The same lexical verb twice within ``window`` words, the second one governed by the first."""
        for u in doc[v.i + 1:min(len(doc), v.i + 1 + self.window)]:
            if u.is_punct and u.text in ".;!?":
                return None
            if u.pos_ == "VERB" and u.lemma_ == v.lemma_ and u.head.i == v.i and u.dep_ != "conj":
                a = off + u.idx
                return self._flag(text, a, a + len(u.text), [], 0.5, "minor",
                                  f"«\u00a0{v.lemma_}\u00a0» deux fois à quelques mots d'intervalle.",
                                  "near_verb")
        return None
