"""Pivot homographs: names whose Russian spelling, in some case form, is also a common Russian word.

Маск (Musk) has the genitive Маска, which is also the noun маска, *mask*; an MT system translating
through Russian then prints «masque». For every entity token with a Russian form, every case form is
analysed with pymorphy3; when a form is a dictionary word that is not itself a name, its lemma is
translated into French with the FreeDict French–Russian dictionary (inverted). The index maps each
French word to the entities it may stand for, with the Russian evidence.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .transliteration import case_forms, has_cyrillic

if TYPE_CHECKING:  # pragma: no cover
    from .names import NameKnowledgeBase

_NAME_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}


@dataclass(frozen=True)
class Homograph:
    entity: int
    token: int
    ru_form: str  # the inflected name form, e.g. Маска
    ru_word: str  # the common word's lemma, e.g. маска
    case: str


@dataclass
class HomographIndex:
    #: French word (lower case) → homographs
    words: dict[str, list[Homograph]] = field(default_factory=lambda: defaultdict(list))


@functools.lru_cache(maxsize=1)
def russian_morph():  # noqa: ANN201 - pymorphy3's analyser, imported only here
    """pymorphy3's Russian analyser, loaded once per process and shared by every check that reads
    Russian (homographs, Cyrillic words left in the text, Russian words in Latin letters)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=1)
def ru_to_fr() -> dict[str, list[str]]:
    """Russian word → its French translations (FreeDict fra-rus read backwards), read once."""
    from .dictionaries import get_dictionary

    return get_dictionary("fra-rus").inverted()


@functools.lru_cache(maxsize=100_000)
def common_word_lemmas(form: str) -> tuple[str, ...]:
    """Lemmas of dictionary (non-name) readings of a Russian word form, most probable first."""
    out: list[str] = []
    for p in russian_morph().parse(form.lower()):
        if p.score < 0.05:
            continue
        stack = p.methods_stack
        if not stack or type(stack[0][0]).__name__ != "DictionaryAnalyzer":
            continue
        grams = set(str(p.tag).replace(" ", ",").split(","))
        if grams & _NAME_TAGS:
            continue
        if p.tag.POS != "NOUN":
            continue
        if p.normal_form not in out:
            out.append(p.normal_form)
    return tuple(out)


def build_homograph_index(kb: NameKnowledgeBase, only: set[int] | None = None) -> HomographIndex:
    idx = HomographIndex()
    ru_fr = ru_to_fr()
    for i, e in enumerate(kb.entities):
        if only is not None and i not in only:
            continue
        if not e.ru or not has_cyrillic(e.ru):
            continue
        ru_t = e.ru_tokens
        en_t = e.en_tokens
        if e.type == "place" or (e.type != "person" and len(ru_t) != 1):
            continue  # translated multi-word institution names are made of common words by design
        for ti, rt in enumerate(ru_t):
            tok = ti if len(ru_t) == len(en_t) else -1
            if len(rt) < 3 or common_word_lemmas(rt.lower()) and e.type != "person":
                continue
            for form, case in case_forms(rt):
                for lemma in common_word_lemmas(form):
                    for fr in ru_fr.get(lemma, [])[:3]:
                        if " " in fr or len(fr) < 3:
                            continue
                        h = Homograph(i, tok, form, lemma, case)
                        lst = idx.words[fr.lower()]
                        if h not in lst:
                            lst.append(h)
    return idx


DERIVED = Path(__file__).parent / "data" / "derived" / "homographs.tsv"
HEADER = "entity_id\ttoken\tru_form\tru_word\tcase\tfr\n"


def write_homographs(kb: NameKnowledgeBase, path: Path = DERIVED) -> int:
    """Build the index for ``kb`` and write it as TSV (``scripts/build_knowledge.py`` ships it)."""
    idx = build_homograph_index(kb)
    rows = sorted({(kb.entities[h.entity].id, h.token, h.ru_form, h.ru_word, h.case, fr)
                   for fr, hs in idx.words.items() for h in hs})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    return len(rows)


def load_homographs(kb: NameKnowledgeBase, path: Path = DERIVED) -> HomographIndex:
    """The shipped index for built-in entities, plus a fresh analysis of user (glossary) entities."""
    idx = HomographIndex()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            eid, tok, ru_form, ru_word, case, fr = line.split("\t")
            i = kb.by_id.get(eid)
            if i is None or kb.entities[i].user:
                continue
            idx.words[fr].append(Homograph(i, int(tok), ru_form, ru_word, case))
        user = [i for i, e in enumerate(kb.entities) if e.user]
        if user:
            extra = build_homograph_index(kb, only=set(user))
            for fr, hs in extra.words.items():
                idx.words[fr].extend(hs)
        return idx
    return build_homograph_index(kb)


def get_homograph_index(kb: NameKnowledgeBase) -> HomographIndex:
    """The homograph index of ``kb``, loaded on first use (:func:`load_homographs`) and kept on ``kb``
    itself (``kb.homographs``; an overlay builds on its base's)."""
    if kb.homographs is None:
        base = getattr(kb, "base", None)
        kb.homographs = load_homographs(kb) if base is None else _overlay_homograph_index(kb, base)
    return kb.homographs


def _overlay_homograph_index(kb: NameKnowledgeBase, base: NameKnowledgeBase) -> HomographIndex:
    """What :func:`load_homographs` gives an overlay, without reading the shipped file again: the base's
    homographs, less those of built-in entities a user entity with the same id hides, then a fresh
    analysis of the user entities."""
    idx = HomographIndex()
    hidden = {i for i, e in enumerate(base.entities) if kb.by_id.get(e.id) != i}
    for fr, hs in get_homograph_index(base).words.items():
        kept = [h for h in hs if h.entity not in hidden]
        if kept:
            idx.words[fr] = kept
    user = {i for i, e in enumerate(kb.entities) if e.user}
    if user:
        for fr, hs in build_homograph_index(kb, only=user).words.items():
            idx.words[fr].extend(hs)
    return idx
