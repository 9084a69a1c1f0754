"""Calques of names: what a name made of English words becomes when each word is translated.

«Starlink» (star + link) → «lien d'étoile»; «General Motors» → «Moteurs généraux»; «Shell» → «coquille».
For every entity whose English form is made of English words (or a compound of two, split with
wordfreq), the index stores the *set of stems* of the French translations of its parts. A French
phrase whose content words have exactly that stem set (in any order, with any articles and
prepositions between them) is a calque candidate. Translations come from
``data/lexicon/name_parts_en_fr.tsv`` and the FreeDict dictionaries.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import product
from typing import TYPE_CHECKING

from .lexicon import zipf_en

if TYPE_CHECKING:  # pragma: no cover
    from .names import NameKnowledgeBase

LEXICON = __import__("pathlib").Path(__file__).parent / "data" / "lexicon" / "name_parts_en_fr.tsv"
#: French words that may stand between the parts of a calque and carry no content
FUNCTION_WORDS = {"de", "d", "du", "des", "la", "le", "les", "l", "à", "au", "aux", "en", "et", "un", "une"}


@functools.lru_cache(maxsize=100_000)
def stem_fr(word: str) -> str:
    """A crude French stem for matching translations: lower case, plural and feminine endings off."""
    w = word.lower().replace("’", "'")
    if "'" in w:
        w = w.split("'", 1)[1]
    for suf, rep in (("eaux", "eau"), ("aux", "al"), ("s", ""), ("x", "")):
        if len(w) > 3 and w.endswith(suf):
            w = w[: -len(suf)] + rep
            break
    if len(w) > 4 and w.endswith("e") and not w.endswith(("ée", "ie")):
        w = w[:-1]
    return w


@functools.lru_cache(maxsize=1)
def name_parts_lexicon() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if LEXICON.exists():
        for line in LEXICON.read_text(encoding="utf-8").splitlines()[1:]:
            if "\t" in line:
                en, fr = line.split("\t", 1)
                out[en.strip().lower()] = [x.strip() for x in fr.split("|") if x.strip()]
    return out


def translate_part(word: str) -> list[str]:
    """French translations of an English name part (curated lexicon first, then FreeDict)."""
    from .dictionaries import get_dictionary

    w = word.lower()
    trs = list(name_parts_lexicon().get(w, []))
    if not trs:
        trs += get_dictionary("eng-fra").translations(w)[:3]
        inv = _fra_eng_inverted()
        trs += [t for t in inv.get(w, [])[:3] if t not in trs]
    return [t for t in trs if t and " " not in t and t.lower() != w][:4]


@functools.lru_cache(maxsize=1)
def _fra_eng_inverted() -> dict[str, list[str]]:
    from .dictionaries import get_dictionary

    return get_dictionary("fra-eng").inverted()


def split_compound(word: str) -> list[str] | None:
    """Split a one-word name into two common English words («Starlink» → star, link), or None."""
    w = word.lower()
    if not w.isalpha() or len(w) < 6:
        return None
    best = None
    for i in range(3, len(w) - 2):
        a, b = w[:i], w[i:]
        if zipf_en(a) >= 3.5 and zipf_en(b) >= 3.5:
            score = min(zipf_en(a), zipf_en(b))
            if best is None or score > best[0]:
                best = (score, [a, b])
    return best[1] if best else None


@dataclass
class CalqueIndex:
    #: frozenset of French stems → entity indexes
    keys: dict[frozenset[str], set[int]] = field(default_factory=lambda: defaultdict(set))
    #: example phrases (lower case) for prefiltering
    phrases: set[str] = field(default_factory=set)
    #: entity index → English parts
    parts: dict[int, list[str]] = field(default_factory=dict)
    #: every stem that occurs in a key (a window must start on one of these)
    stems: set[str] = field(default_factory=set)
    max_parts: int = 3


def _name_parts(en: str) -> list[str] | None:
    words = [w for w in re.split(r"[\s\-]+", en) if w]
    if not words or len(words) > 3:
        return None
    if len(words) == 1:
        if zipf_en(words[0]) >= 3.0 and words[0].isalpha():
            return [words[0].lower()]
        return split_compound(words[0])
    if all(w.isalpha() and zipf_en(w) >= 3.0 for w in words):
        return [w.lower() for w in words]
    return None


def build_calque_index(kb: NameKnowledgeBase) -> CalqueIndex:
    idx = CalqueIndex()
    for i, e in enumerate(kb.entities):
        if e.type == "place":
            continue
        parts = _name_parts(e.en or e.fr)
        if not parts:
            continue
        trans = [translate_part(p) for p in parts]
        if not all(trans):
            continue
        idx.parts[i] = parts
        for combo in product(*trans):
            stems = frozenset(stem_fr(t) for t in combo)
            if len(stems) != len(combo):
                continue
            idx.keys[stems].add(i)
            idx.stems.update(stems)
            for t in combo:
                idx.phrases.add(t.lower())
    return idx


def get_calque_index(kb: NameKnowledgeBase) -> CalqueIndex:
    """The calque index of ``kb``, built on first use and kept on ``kb`` itself (``kb.calques``: the
    built-in base is pickled with it, an overlay reuses its base's)."""
    if kb.calques is None:
        base = getattr(kb, "base", None)
        kb.calques = build_calque_index(kb) if base is None else _overlay_calque_index(kb, base)
    return kb.calques


def _overlay_calque_index(kb: NameKnowledgeBase, base: NameKnowledgeBase) -> CalqueIndex:
    """An overlay's index: its base's calques plus those of the user entities (after ``kb.user_offset``)."""
    merged = CalqueIndex()
    bidx = get_calque_index(base)
    for k, v in bidx.keys.items():
        merged.keys[k] = set(v)
    merged.phrases = set(bidx.phrases)
    merged.parts = dict(bidx.parts)
    merged.stems = set(bidx.stems)
    from .names import NameKnowledgeBase as _KB

    user = _KB()
    user.entities = kb.entities[kb.user_offset:]
    uidx = build_calque_index(user)
    for k, v in uidx.keys.items():
        merged.keys[k].update(i + kb.user_offset for i in v)
    merged.phrases |= uidx.phrases
    merged.stems |= uidx.stems
    merged.parts.update({i + kb.user_offset: p for i, p in uidx.parts.items()})
    return merged
