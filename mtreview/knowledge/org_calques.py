"""Organisation names calqued word by word from English, for any organisation: «Navigation des Eaux
Grises» for *Greywater Shipping*, «Capital du Pont de Pierre» for *Stonebridge Capital*. The lexicon
(``data/lexicon/org_calques_fr_en.tsv``) lists the sector words English names end with (*Capital*,
*Shipping*, *Therapeutics*) and the nature, colour and material words they are made of; this module
reads a French phrase back into the English name it translates. A noun or adjective may be several French
words («Clé de Voûte» → *Keystone*, «Cerf-Volant» → *Kite*); the lexicon also lists the lower-case nouns
that introduce a brand named with no sector word («la marque Foulée d'Argent» → *Silverstride*)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

LEXICON = Path(__file__).parent / "data" / "lexicon" / "org_calques_fr_en.tsv"


@dataclass(frozen=True)
class OrgLexicon:
    #: French sector word or phrase (lower case) → English words, best first
    heads: dict[str, tuple[str, ...]]
    #: French adjective lemma → English
    adjectives: dict[str, tuple[str, ...]]
    #: French noun lemma → English
    nouns: dict[str, tuple[str, ...]]
    #: lower-case French nouns that introduce an organisation or brand name («société», «marque»)
    intros: frozenset[str] = frozenset()

    @functools.cached_property
    def longest_phrase(self) -> int:
        """The most words (space- or «de»-separated) a head, noun or adjective of the lexicon has (computed
        once: it is asked at every capitalised word)."""
        return max(len(k.replace("'", "' ").split()) for t in (self.heads, self.nouns, self.adjectives) for k in t)


@functools.lru_cache(maxsize=1)
def org_lexicon() -> OrgLexicon:
    heads: dict[str, tuple[str, ...]] = {}
    adjs: dict[str, tuple[str, ...]] = {}
    nouns: dict[str, tuple[str, ...]] = {}
    intros: set[str] = set()
    table = {"head": heads, "adj": adjs, "noun": nouns}
    lines = [x for x in LEXICON.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    for line in lines[1:]:
        kind, fr, en = line.split("\t")
        if kind == "intro":
            intros.add(fr)
        else:
            table[kind][fr] = tuple(en.split("|"))
    return OrgLexicon(heads, adjs, nouns, frozenset(intros))


def phrase_key(phrase: str) -> str:
    """A French phrase as the lexicon writes it: lower case, single spaces, straight apostrophes
    («Clé  de Voûte» → «clé de voûte», «Bois d’Œuvre» → «bois d'œuvre»)."""
    return " ".join(phrase.lower().replace("’", "'").split())


def lemma_candidates(word: str) -> list[str]:
    """The word, lower-cased, and the masculine singular forms it may be of («Grises» → gris,
    «Eaux» → eau, «Frênes» → frêne)."""
    w = phrase_key(word)
    out = [w]
    for suf, rep in (("eaux", "eau"), ("aux", "al"), ("x", ""), ("s", "")):
        if w.endswith(suf) and len(w) > len(suf) + 1:
            out.append(w[: -len(suf)] + rep)
            break
    for base in list(out):
        for suf, rep in (("ée", "é"), ("euse", "eux"), ("ière", "ier"), ("che", "c"), ("ve", "f"), ("e", "")):
            if base.endswith(suf) and len(base) > len(suf) + 2:
                out.append(base[: -len(suf)] + rep)
                break
    return out


def translate(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(``"adj"`` or ``"noun"``, English words) for a content word of a calqued name, or None."""
    lex = org_lexicon()
    for lem in lemma_candidates(word):
        if lem in lex.nouns:
            return "noun", lex.nouns[lem]
        if lem in lex.adjectives:
            return "adj", lex.adjectives[lem]
    return None


def english_of_parts(groups: list[list[str]]) -> list[str] | None:
    """The English words of a name's French parts. ``groups``: the content words, split where a
    preposition («de», «du», «d'») links them. English puts the complement of «de» first and an
    adjective before its noun: [[Pont], [Pierre]] → Stone Bridge, [[Eaux, Grises]] → Grey Water,
    [[Lumière], [Nord]] → North Light. None when a word is not in the lexicon."""
    english: list[str] = []
    for group in reversed(groups):
        adjs, nouns = [], []
        for w in group:
            tr = translate(w)
            if tr is None:
                return None
            (adjs if tr[0] == "adj" else nouns).append(tr[1][0])
        english.extend(adjs + nouns)
    return english


def compound_first(words: list[str], brand: bool = False) -> list[str]:
    """Ways English writes two name parts, likeliest first: one word where English or the names of
    people know it («Stonebridge», «Greywater», «Ironbark»), else two («Silver Birch»). A ``brand``
    (a name with no sector word after it) is one word first even where English does not know the
    compound («Silverstride»): a bare brand name of two parts is usually written so."""
    from .lexicon import zipf_en
    from .spellings import is_real_spelling, name_tokens

    spaced = " ".join(words)
    if len(words) != 2:
        return [spaced]
    joined = (words[0] + words[1].lower())
    low = joined.lower()
    if brand or zipf_en(low) > 0.0 or low in name_tokens() or is_real_spelling(joined):
        return [joined, spaced]
    return [spaced, joined]
