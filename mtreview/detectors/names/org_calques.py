"""Organisation names the base does not know, calqued word by word from English: «Navigation des Eaux
Grises» (*Greywater Shipping*), «Capital du Pont de Pierre» (*Stonebridge Capital*). A sector word that
English names end with, then «de» and at least two capitalised French words of nature, colour or
material — French writes such names with one capital, a translated English title keeps them all. The
English name is read back by :mod:`mtreview.knowledge.org_calques`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.org_calques import compound_first, english_of_parts, org_lexicon, translate
from . import explain
from .confidence import ORG_CALQUE_PIVOT, ORG_CALQUE_WRITTEN, open_world
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


def _head(words: list[Word], i: int, text: str) -> tuple[int, tuple[str, ...]] | None:
    """(index of the head's last word, its English) when a sector word starts at ``words[i]``."""
    heads = org_lexicon().heads
    w = words[i]
    if i + 1 < len(words):
        nxt = words[i + 1]
        two = f"{w.text.lower()} {nxt.text.lower()}"
        if text[w.end:nxt.start] == " " and two in heads:
            return i + 1, heads[two]
    one = w.text.lower()
    return (i, heads[one]) if one in heads else None


def _parts(words: list[Word], k: int, prev_end: int, text: str) -> tuple[list[list[str]], int]:
    """The content words after a head (``words[k:]``, the head ending at ``prev_end``), grouped where
    «de» links them, and the index of the last one (-1 when none)."""
    groups: list[list[str]] = []
    last = -1
    count = 0
    while k < len(words) and count < MAX_PARTS:
        while k < len(words) and words[k].text.lower() in LINK_WORDS and not words[k].capitalised:
            k += 1
        if k >= len(words):
            break
        c = words[k]
        gap = text[prev_end:c.start]
        if not _GAP.fullmatch(gap) or not c.capitalised or c.sent_start or translate(c.text) is None:
            break
        linked = bool(_DE.search(gap))
        if linked:
            groups.append([c.text])
        elif groups and gap.strip() == "":
            groups[-1].append(c.text)
        else:
            break  # the first part must be linked to the head by «de»
        count += 1
        last = k
        prev_end = c.end
        k += 1
    return groups, last


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
        if head is not None:  # «Navigation des Eaux Grises»: the sector word first, French order
            head_end, head_en = head
            groups, last = _parts(words, head_end + 1, words[head_end].end, text)
            if sum(len(g) for g in groups) < MIN_PARTS:
                last = -1
        else:  # «Pierre Blanche Capital»: the English order kept
            after = _head_after(words, i, text)
            last, head_en = after if after is not None else (-1, ())
            groups = [[x.text for x in words[i:last]]] if last >= 0 else []
        flag = _org_flag(det, text, words, i, last, groups, head_en, taken) if last >= 0 else None
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


def _org_flag(det: NamesDetector, text: str, words: list[Word], first: int, last: int,
              groups: list[list[str]], head_en: tuple[str, ...], taken: set[int]) -> Flag | None:
    """The flag of a calqued organisation name spanning ``words[first..last]`` (``groups``: its content
    words, grouped where «de» links them), or None when the reading does not hold."""
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
    forms = compound_first(english)
    suggestions = [f"{f} {head_en[0]}" for f in forms] + [f"{forms[0]} {h}" for h in head_en[1:]]
    written = any(re.search(rf"\b{re.escape(f)}\b", text, re.IGNORECASE) for f in forms)
    if written:
        conf = ORG_CALQUE_WRITTEN
    elif det.ev.pivot_near(w.start, end):
        conf = ORG_CALQUE_PIVOT
    else:
        conf = open_world(ORG_CALQUE_PIVOT)
    parts = " + ".join(" ".join(g) for g in groups) + " → " + " + ".join(english)
    taken.update(range(w.start, end))
    return Flag(w.start, end, span, "name/translated", "major", round(conf, 3), suggestions,
                explain.org_calque(span, suggestions[0], parts, written), det.name,
                {"entity": suggestions[0], "type": "organisation",
                 "mechanism": "organisation name calqued word by word", "in_document": 0})
