"""Evidence from the parse: does a word stand where a person stands, or is it used as a common noun?

A pivot homograph («le masque» for «Musk») or a one-word calque is suspected where the parse makes the
word the subject of a verb of speech (*déclarer*), the object of a verb that takes a person
(*persuader*) or the possessor of a noun like *biographie*; a plural, an adjective or *porter un …*
weigh against. The verb and noun lists are data (``knowledge/data/lexicon/person_context_fr.tsv``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

from ...document import Document
from .confidence import COMMON_A_COMPLEMENT, COMMON_ADJECTIVE, COMMON_PLURAL, COMMON_WORN

#: roles (speech_verb, person_object_verb, possessed_noun, wear_verb, title) and their French lemmas
CONTEXT_FILE = Path(__file__).resolve().parent.parent.parent / "knowledge" / "data" / "lexicon" / "person_context_fr.tsv"


@functools.lru_cache(maxsize=1)
def person_context() -> dict[str, set[str]]:
    """Role → lemmas, from :data:`CONTEXT_FILE`."""
    out: dict[str, set[str]] = defaultdict(set)
    if CONTEXT_FILE.exists():
        for line in CONTEXT_FILE.read_text(encoding="utf-8").splitlines()[1:]:
            if "\t" in line:
                role, lemma = line.split("\t", 1)
                out[role.strip()].add(lemma.strip().lower())
    return out


class LazyTokens:
    """Token at a document offset, parsing the segment only when a check asks for it."""

    def __init__(self, document: Document, index: int) -> None:
        self.document = document
        self.index = index
        self._map: dict[int, Any] | None = None

    def get(self, offset: int) -> Any:
        if self._map is None:
            doc = self.document.segment_doc(self.index)
            base = self.document.segments[self.index].start
            self._map = {base + t.idx: t for t in doc}
        return self._map.get(offset)


def person_slot(ctx: dict[str, set[str]], tok: Any) -> list[str]:
    """Evidence from the parse that ``tok`` stands where a person (or organisation) does
    (``ctx``: :func:`person_context`)."""
    if tok is None:
        return []
    ev = []
    head = tok.head
    dep = tok.dep_
    if dep in ("nsubj", "nsubj:pass") and head.lemma_.lower() in ctx["speech_verb"]:
        ev.append(f"sujet de « {head.lemma_} »")
    if dep in ("obj", "iobj", "obl:arg", "obl") and head.lemma_.lower() in ctx["person_object_verb"]:
        ev.append(f"complément de « {head.lemma_} »")
    if dep == "nmod" and head.lemma_.lower() in ctx["possessed_noun"]:
        ev.append(f"possesseur de « {head.text} »")
    if tok.ent_type_ in ("PER", "ORG"):
        ev.append(f"entité {tok.ent_type_} selon l'analyse")
    return ev


def common_noun_use(ctx: dict[str, set[str]], tok: Any) -> list[tuple[str, float]]:
    """Evidence, with its weight, that ``tok`` is used as the ordinary noun (so not as a name)."""
    if tok is None:
        return []
    ev: list[tuple[str, float]] = []
    if tok.morph.get("Number") == ["Plur"] or tok.text.lower().endswith(("s", "x")) and tok.tag_ == "NOUN" \
            and tok.lemma_.lower() != tok.text.lower():
        ev.append(("pluriel", COMMON_PLURAL))
    for ch in tok.children:
        if ch.dep_ == "amod" and ch.pos_ == "ADJ":
            ev.append((f"qualifié par « {ch.text} »", COMMON_ADJECTIVE))
        if ch.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ == "à" for c in ch.children):
            ev.append((f"complément « à {ch.text} »", COMMON_A_COMPLEMENT))
    if tok.dep_ in ("obj", "obl:arg") and tok.head.lemma_.lower() in ctx["wear_verb"]:
        ev.append((f"objet de « {tok.head.lemma_} »", COMMON_WORN))
    return ev
