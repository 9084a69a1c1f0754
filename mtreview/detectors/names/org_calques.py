"""Organisation names the base does not know, calqued word by word from English: «Navigation des Eaux
Grises» (*Greywater Shipping*), «Capital du Pont de Pierre» (*Stonebridge Capital*). A sector word that
English names end with, then «de» and at least two capitalised French words of nature, colour or
material — French writes such names with one capital, a translated English title keeps them all. The
English name is read back by :mod:`mtreview.knowledge.org_calques`. A head or a part may be several
French words («Lignes aériennes de l'Étoile Polaire» → *Polar Star Airways*, «Prix de la Clé de Voûte» →
*Keystone Prize*, «Films du Cerf-Volant Rouge» → *Red Kite Pictures*). A brand with no sector word is read
only after a noun that introduces it and where the text shows the pivot («la marque américaine Foulée
d'Argent» → *Silverstride*)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.org_calques import (
    compound_first,
    english_of_parts,
    lemma_candidates,
    org_lexicon,
    phrase_key,
    translate,
)
from . import explain
from .confidence import ORG_CALQUE_PIVOT, ORG_CALQUE_WRITTEN, open_world
from .evidence import NAMING_KINDS
from .tokens import Word

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: lower-case words that may link the parts of a calqued name
LINK_WORDS = frozenset({"de", "du", "des", "la", "le", "les"})
#: what may stand between two parts: spaces, those words, elided «d'» and «l'»
_GAP = re.compile(r"(?:\s+|de|du|des|la|le|les|[dl]['’])*", re.IGNORECASE)
_DE = re.compile(r"\b(?:de|du|des)\b|\bd['’]", re.IGNORECASE)
#: the fewest content words after the sector word
MIN_PARTS = 2
#: the most
MAX_PARTS = 4
#: a brand with no sector word, introduced by «la marque», «la société» ... where the text shows the pivot
ORG_BRAND_PIVOT = 0.58
#: the most lower-case words between the introducing noun and the brand («la marque américaine X»)
MAX_INTRO_GAP = 3
#: a multi-word head or part: letters, spaces, apostrophes and hyphens only between its words
_PHRASE = re.compile(r"[\w\s'’-]+")


def _head(words: list[Word], i: int, text: str) -> tuple[int, tuple[str, ...]] | None:
    """(index of the head's last word, its English) when a sector word starts at ``words[i]``."""
    lex = org_lexicon()
    j = _phrase_end(words, i, text, lex.heads)
    return (j, lex.heads[phrase_key(text[words[i].start:words[j].end])]) if j >= 0 else None


def _phrase_end(words: list[Word], k: int, text: str, *tables: dict[str, tuple[str, ...]],
                lemmas: bool = False) -> int:
    """The index of the last word of the longest phrase of ``tables`` that starts at ``words[k]``
    («Lignes aériennes», «Clé de Voûte», «Fonds du Patrimoine»), or -1 when none does. With
    ``lemmas``, a plural or feminine form counts («Eaux» for «eau»)."""
    longest = org_lexicon().longest_phrase
    for j in range(min(len(words) - 1, k + longest - 1), k - 1, -1):
        if j > k and words[j].text.lower() in LINK_WORDS:
            continue
        span = text[words[k].start:words[j].end]
        if j > k and not _PHRASE.fullmatch(span):
            continue
        keys = lemma_candidates(span) if lemmas else [phrase_key(span)]
        if any(key in t for t in tables for key in keys):
            return j
    return -1


def _parts(words: list[Word], k: int, prev_end: int, text: str,
           groups: list[list[str]] | None = None, count: int = 0) -> tuple[list[list[str]], int, int]:
    """The content words after a head (``words[k:]``, the head ending at ``prev_end``), grouped where
    «de» links them, the index of the last one (-1 when none) and how many capitalised French words
    they hold («Clé de Voûte», one part, counts two). ``groups`` and ``count``: parts read already (a
    brand's first word), which the next may follow without «de»."""
    lex = org_lexicon()
    groups = [list(g) for g in groups] if groups else []
    last = -1
    while k < len(words) and count < MAX_PARTS:
        while k < len(words) and words[k].text.lower() in LINK_WORDS and not words[k].capitalised:
            k += 1
        if k >= len(words):
            break
        c = words[k]
        gap = text[prev_end:c.start]
        if not _GAP.fullmatch(gap) or not c.capitalised or c.sent_start:
            break
        j = _phrase_end(words, k, text, lex.nouns, lex.adjectives, lemmas=True)
        if j < 0:
            break
        unit = text[c.start:words[j].end]
        linked = bool(_DE.search(gap))
        if linked:
            groups.append([unit])
        elif groups and gap.strip() == "":
            groups[-1].append(unit)
        else:
            break  # the first part must be linked to the head by «de»
        count += sum(1 for x in words[k:j + 1] if x.capitalised)
        last = j
        prev_end = words[j].end
        k = j + 1
    return groups, last, count


def flag_org_calques(det: NamesDetector, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
    """Organisation names calqued word by word from English («Navigation des Eaux Grises» →
    Greywater Shipping). A suggestion unless the text shows the pivot or writes the English name
    elsewhere. Flagged spans join ``taken``."""
    flags = []
    i = 0
    while i < len(words):
        w = words[i]
        if not w.capitalised or w.start in taken:
            i += 1
            continue
        head = _head(words, i, text)
        brand = False
        if head is not None:  # «Navigation des Eaux Grises»: the sector word first, French order
            head_end, head_en = head
            groups, last, count = _parts(words, head_end + 1, words[head_end].end, text)
            if count < MIN_PARTS:
                last = -1
        else:  # «Pierre Blanche Capital»: the English order kept
            after = _head_after(words, i, text)
            last, head_en = after if after is not None else (-1, ())
            groups = [[x.text for x in words[i:last]]] if last >= 0 else []
            if last < 0:  # «la marque Foulée d'Argent»: a brand, no sector word
                groups, last = _brand(det, words, i, text)
                brand = last >= 0
        flag = _org_flag(det, text, words, i, last, groups, head_en, taken, brand) if last >= 0 else None
        if flag is None:
            i += 1
            continue
        flags.append(flag)
        i = last + 1
    return flags


def _head_after(words: list[Word], i: int, text: str) -> tuple[int, tuple[str, ...]] | None:
    """(index of the head, its English) when ``words[i:]`` are at least :data:`MIN_PARTS` capitalised
    content words of the lexicon written side by side and then a one-word sector word: the English
    order kept in French («Pierre Blanche Capital» for *Whitestone Capital*)."""
    heads = org_lexicon().heads
    k = i
    while (k < len(words) and k - i < MAX_PARTS and words[k].capitalised and not words[k].sent_start
           and translate(words[k].text) is not None and (k == i or text[words[k - 1].end:words[k].start] == " ")):
        k += 1
    if k - i < MIN_PARTS or k >= len(words):
        return None
    h = words[k]
    if not h.capitalised or text[words[k - 1].end:h.start] != " " or h.text.lower() not in heads:
        return None
    return k, heads[h.text.lower()]


def _intro_before(words: list[Word], i: int, text: str) -> bool:
    """Does a lower-case noun that introduces an organisation or brand («la marque», «la société»)
    stand before ``words[i]``, with at most :data:`MAX_INTRO_GAP` lower-case words between
    («la marque américaine»)?"""
    intros = org_lexicon().intros
    j = i - 1
    while j >= 0 and i - 1 - j <= MAX_INTRO_GAP:
        x = words[j]
        if not text[x.end:words[j + 1].start].isspace() or not x.text[:1].islower():
            return False
        if x.text.lower() in intros:
            return True
        j -= 1
    return False


def _brand(det: NamesDetector, words: list[Word], i: int, text: str) -> tuple[list[list[str]], int]:
    """(parts, index of the last word) of a brand named with no sector word at ``words[i]``: a noun
    of the lexicon, then at least one more part, after a noun that introduces it, where the text shows
    the pivot (French brands are words too: «Côte d'Or»); ([], -1) when it does not hold."""
    w = words[i]
    if w.sent_start or not _intro_before(words, i, text):
        return [], -1
    lex = org_lexicon()
    j = _phrase_end(words, i, text, lex.nouns, lemmas=True)
    if j < 0 or any(v.kind in NAMING_KINDS for v in det.kb.lookup(w.key)):
        return [], -1  # «la société Pierre ...»: a given name, not a brand of words
    first = sum(1 for x in words[i:j + 1] if x.capitalised)
    groups, last, count = _parts(words, j + 1, words[j].end, text, [[text[w.start:words[j].end]]], first)
    if count < MIN_PARTS or last < 0 or not det.ev.pivot_near(w.start, words[last].end):
        return [], -1
    return groups, last


def _org_flag(det: NamesDetector, text: str, words: list[Word], first: int, last: int,
              groups: list[list[str]], head_en: tuple[str, ...], taken: set[int],
              brand: bool = False) -> Flag | None:
    """The flag of a calqued organisation name spanning ``words[first..last]`` (``groups``: its content
    words, grouped where «de» links them; ``brand``: a name with no sector word), or None when the
    reading does not hold."""
    w = words[first]
    end = words[last].end
    after = words[last + 1] if last + 1 < len(words) else None
    if after is not None and after.capitalised and text[end:after.start] == " ":
        return None  # the name goes on with a word this reading does not know
    span = text[w.start:end]
    if det.kb.phrases.get(span.lower()) or any(p in taken for p in range(w.start, end)):
        return None
    english = english_of_parts(groups)
    if english is None:
        return None
    def shown(x: str) -> bool:
        return re.search(rf"\b{re.escape(x)}\b", text, re.IGNORECASE) is not None

    # the way the text writes the English name elsewhere first («Grey Wolf», «Jade River Power»)
    forms = sorted(compound_first(english, brand=brand), key=lambda f: not shown(f))
    written = shown(forms[0])
    if head_en:
        suggestions = [f"{f} {head_en[0]}" for f in forms] + [f"{forms[0]} {h}" for h in head_en[1:]]
        whole = [f"{f} {h}" for f in forms for h in head_en if shown(f"{f} {h}")]
        if whole:  # that sector word, not the likeliest one («Power», not «Energy»)
            suggestions = whole[:1] + [x for x in suggestions if x != whole[0]]
    else:
        suggestions = list(forms)
    if written:
        conf = ORG_CALQUE_WRITTEN
    elif det.ev.pivot_near(w.start, end):
        conf = ORG_BRAND_PIVOT if brand else ORG_CALQUE_PIVOT
    else:
        conf = open_world(ORG_CALQUE_PIVOT)
    parts = " + ".join(" ".join(g) for g in groups) + " → " + " + ".join(english)
    taken.update(range(w.start, end))
    return Flag(w.start, end, span, "name/translated", "major", round(conf, 3), suggestions,
                explain.org_calque(span, suggestions[0], parts, written), det.name,
                {"entity": suggestions[0], "type": "organisation",
                 "mechanism": "organisation name calqued word by word", "in_document": 0})
