"""Word order that a Russian or English source leaves in French, read on the spaCy parse:

* a nationality adjective between the determiner and its noun («les japonaises célèbres estampes» →
  «les célèbres estampes japonaises»): French puts it after the noun, always (list
  ``knowledge/data/lexicon/nationality_adjectives_fr.txt``);
* a superlative's place complement before its noun («la plus grande en Nouvelle-Angleterre banque» →
  «la plus grande banque en Nouvelle-Angleterre»): Russian «крупнейший в Европе производитель».

Each finding is ``(first token, last token, suggestion, rule)``; the grammar detector makes the flag.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "lexicon" / "nationality_adjectives_fr.txt"
#: nouns a language name may stand before («le français langue étrangère»)
LANGUAGE_NOUNS = frozenset({"langue", "langues", "mandarin", "cantonais"})
#: prepositions of a place complement
PLACE_PREPOSITIONS = frozenset({"en", "au", "aux", "dans"})
#: words inside a place name («Amérique du Nord», «Nouvelle-Angleterre»)
PLACE_LINKS = frozenset({"du", "de", "des", "la", "-", "d'", "d’"})


def _inflections(base: str) -> dict[str, set[tuple[str, str]]]:
    """Forms of a masculine singular adjective → {(gender, number)}."""
    if base.endswith("e"):
        fem = base
    elif base.endswith("ien") or base.endswith("éen"):
        fem = base + "ne"
    elif base.endswith("c"):
        fem = base[:-1] + "que"  # grec → grecque, turc → turque
    elif base.endswith("ou"):
        fem = base + "se"  # andalou → andalouse
    else:
        fem = base + "e"
    m_pl = base if base.endswith(("s", "x", "z")) else base + "s"
    out: dict[str, set[tuple[str, str]]] = {}
    for form, tag in ((base, ("Masc", "Sing")), (fem, ("Fem", "Sing")), (m_pl, ("Masc", "Plur")), (fem + "s", ("Fem", "Plur"))):
        out.setdefault(form, set()).add(tag)
    return out


@functools.lru_cache(maxsize=1)
def nationality_forms() -> dict[str, set[tuple[str, str]]]:
    """Every form of the nationality adjectives → its possible (gender, number)."""
    out: dict[str, set[tuple[str, str]]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and not w.startswith("#"):
            for form, tags in _inflections(w).items():
                out.setdefault(form, set()).update(tags)
    return out


def _agrees(tags: set[tuple[str, str]], noun: Any) -> bool:
    g, n = noun.morph.get("Gender"), noun.morph.get("Number")
    return any((not g or g[0] == tg) and (not n or n[0] == tn) for tg, tn in tags)


def nationality_before_noun(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«les japonaises célèbres estampes»: ``t``, a lower-case nationality adjective right after a
    determiner, then at most two adjectives and a common noun it agrees with."""
    tags = nationality_forms().get(t.lower_)
    if not tags or not t.text.islower() or t.i == 0 or doc[t.i - 1].pos_ != "DET":
        return None
    j = t.i + 1
    adjs = []
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].text.islower() and len(adjs) < 2:
        adjs.append(doc[j])
        j += 1
    if j >= len(doc):
        return None
    noun = doc[j]
    if noun.pos_ != "NOUN" or not noun.text.islower() or noun.lower_ in LANGUAGE_NOUNS or not _agrees(tags, noun):
        return None
    if noun.lower_ in nationality_forms():
        return None  # «les anglais catholiques»: two words of the same kind, a noun phrase of its own
    if not adjs and ("Masc", "Sing") in tags:
        return None  # «le grec menteur», «un français propriétaire»: a masculine singular form may be the noun
    words = [a.text for a in adjs] + [noun.text, t.text]
    return t, noun, " ".join(words), "adjectif_nationalite_avant_nom"


def superlative_place_before_noun(doc: Any, t: Any) -> tuple[Any, Any, str, str] | None:
    """«la plus grande en Nouvelle-Angleterre banque»: ``t`` is «plus» or «moins», then an adjective,
    a place complement («en», «au», «dans» + a name) and the noun the superlative qualifies."""
    if t.lower_ not in {"plus", "moins"} or t.i + 3 >= len(doc):
        return None
    adj, prep = doc[t.i + 1], doc[t.i + 2]
    if adj.pos_ != "ADJ" or prep.lower_ not in PLACE_PREPOSITIONS:
        return None
    j = t.i + 3
    place = []
    if prep.lower_ == "au" and doc[j].lower_ == "monde":  # «le plus grand au monde producteur»
        place.append(doc[j])
        j += 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].text[:1].isupper() or
                            (doc[j].lower_ in PLACE_LINKS and place)):
        place.append(doc[j])
        j += 1
    if not place or j >= len(doc) or not any(p.text[:1].isupper() or p.lower_ == "monde" for p in place):
        return None
    noun = doc[j]
    # the parse may read a noun with its complement as an adjective («producteur de cuivre»)
    with_de = j + 1 < len(doc) and doc[j + 1].lower_ in {"de", "du", "des", "d'", "d’"}
    if not noun.text.islower() or not (noun.pos_ == "NOUN" or (noun.pos_ == "ADJ" and with_de)):
        return None
    place_text = doc[place[0].i:place[-1].i + 1].text
    return t, noun, f"{t.text} {adj.text} {noun.text} {prep.text} {place_text}", "superlatif_lieu_avant_nom"
