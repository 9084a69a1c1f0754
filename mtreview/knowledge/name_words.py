"""Name words: French words that a real name becomes when a translation reads it as a word.

Two channels turn a surname into a French common noun, for any name, known to the base or not:

* **English**: the name is also an English word (Fox, Smith, Falcon) and the English source is
  translated word for word («Jacek Fox» → «Jacek Renard», «Adam Smith» → «Adam forgeron»);
* **Russian pivot**: the name's Russian spelling, in some case form, is also a Russian word (Keith →
  «Кит», *whale*), translated into French («baleine»).

The table maps each such French word to the real names it may stand for, with how many people are
called that in the Wikidata name pairs (CC0). It is built from those pairs, FreeDict's eng-fra and
fra-rus dictionaries (GPL, read at build time only: the table keeps single words and counts) and
pymorphy3's Russian dictionary by :func:`build` (French stop words and words commoner than
:data:`MAX_FRENCH_ZIPF` left out) (``python -m mtreview.knowledge.name_words``); it knows
no particular name. The names check :mod:`mtreview.detectors.names.name_words` reads it.

:func:`lookup_any` also reads a plural the table lacks as the plural of a name («Rivières» → *Rivers*,
where *Rivers* is a name token), :func:`person_roles` lists the nouns of trade and office that stand
before a person's name («le producteur», «l'analyste», «M.»), and :func:`english_given_name` tells a
given name that English uses far more than French («Lucy», «Mark») from one French shares («Martin»).

Data file: ``data/lexicon/name_words_fr.tsv.gz`` — ``french word<TAB>name<TAB>channel<TAB>people
called so<TAB>evidence``.
"""

from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "lexicon" / "name_words_fr.tsv.gz"
#: English surnames that are English words, with their French word (curated; see the file's header)
CURATED_FILE = Path(__file__).resolve().parent / "data" / "lexicon" / "surname_words_en_fr.tsv"
#: nouns of trade and office before a person's name (curated; see the file's header)
ROLES_FILE = Path(__file__).resolve().parent / "data" / "lexicon" / "person_roles_fr.txt"
#: a given name is English rather than French where its English frequency (Zipf) passes its French one
#: by this much ...
ENGLISH_GIVEN_MARGIN = 0.25
#: ... and reaches this (a name English really uses)
ENGLISH_GIVEN_MIN_ZIPF = 3.0
#: a name counts when at least this many name pairs are of it (a name people really bear)
MIN_PEOPLE = 3
#: an English name token is read as an English word from this frequency (Zipf) on
ENGLISH_WORD_ZIPF = 3.0
#: French translations kept per word (dictionary order: the commonest sense first)
MAX_TRANSLATIONS = 2
#: a French word at least this long
MIN_LETTERS = 3
#: a French word this frequent (Zipf) is a grammatical word or a verb form («est», «que»), never kept
MAX_FRENCH_ZIPF = 5.5


@dataclass(frozen=True)
class NameWord:
    """The French ``word`` may be the translation of the name ``name`` (``channel``: "en" or "ru"),
    borne by ``people`` in the pairs; ``evidence`` says how («fox → renard», «Кит → кит → baleine»)."""

    word: str
    name: str
    channel: str
    people: int
    evidence: str


def build(pairs_dir: Path, out: Path = DATA_FILE) -> int:
    """Build the table from the ``wd_russian_*.tsv`` pairs; returns the number of rows."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    from .dictionaries import get_dictionary
    from .homographs import common_word_lemmas, ru_to_fr
    from .lexicon import zipf_en, zipf_fr
    from .pivot_forms import read_pairs, write_table
    from .transliteration import case_forms

    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for en, ru, n in read_pairs(pairs_dir):
        pairs[(en, ru)] += n
    people: dict[str, int] = defaultdict(int)
    for (en, _ru), n in pairs.items():
        people[en] += n
    eng_fra = get_dictionary("eng-fra")
    ru_fr = ru_to_fr()
    rows: dict[tuple[str, str, str], tuple[int, str]] = {}

    def add(fr: str, name: str, channel: str, n: int, evidence: str) -> None:
        fr = fr.strip().lower()
        if " " in fr or "-" in fr or len(fr) < MIN_LETTERS or not fr.isalpha() or fr == name.lower():
            return
        if fr in STOP_WORDS or zipf_fr(fr) >= MAX_FRENCH_ZIPF:
            return  # «est» (east), «que»: a French word this common is not a translated surname
        key = (fr, name, channel)
        if key not in rows or rows[key][0] < n:
            rows[key] = (n, evidence)

    curated = curated_surname_words()
    for en, n in people.items():
        if n < MIN_PEOPLE or not en.isalpha():
            continue
        for fr in curated.get(en, ()):
            add(fr, en, "en", n, f"{en} → {fr}")
        if zipf_en(en) < ENGLISH_WORD_ZIPF:
            continue
        for fr in eng_fra.translations(en)[:MAX_TRANSLATIONS]:
            add(fr, en, "en", n, f"{en} → {fr}")
    for en, ru in pairs:
        if people[en] < MIN_PEOPLE or len(ru) < 3:
            continue
        for form, _case in case_forms(ru):
            for lemma in common_word_lemmas(form):
                for fr in ru_fr.get(lemma, [])[:MAX_TRANSLATIONS]:
                    add(fr, en, "ru", people[en], f"{form} → {lemma} → {fr}")
    lines = sorted(f"{fr}\t{name}\t{ch}\t{n}\t{ev}\n" for (fr, name, ch), (n, ev) in rows.items())
    return write_table(out, "# french word\tname\tchannel\tpeople\tevidence — built by python -m "
                            "mtreview.knowledge.name_words from the Wikidata en-ru name pairs (CC0), FreeDict "
                            "eng-fra/fra-rus, pymorphy3 and lexicon/surname_words_en_fr.tsv\n", lines)


def curated_surname_words() -> dict[str, tuple[str, ...]]:
    """English surname → French words, from :data:`CURATED_FILE` (trades and other English words
    that FreeDict eng-fra lacks: «weaver» → «tisserand»)."""
    out: dict[str, list[str]] = defaultdict(list)
    lines = [x for x in CURATED_FILE.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    for line in lines[1:]:
        en, fr = line.split("\t")
        out[en.strip().lower()].append(fr.strip())
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[NameWord, ...]]:
    table: dict[str, list[NameWord]] = defaultdict(list)
    if DATA_FILE.exists():
        with gzip.open(DATA_FILE, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                fr, name, ch, n, ev = line.rstrip("\n").split("\t")
                table[fr].append(NameWord(fr, name, ch, int(n), ev))
    return {k: tuple(sorted(v, key=lambda x: -x.people)) for k, v in table.items()}


def lookup(word: str) -> tuple[NameWord, ...]:
    """The names the French ``word`` (any case) may translate, most borne first."""
    return _table().get(word.lower(), ())


def lookup_any(word: str) -> tuple[NameWord, ...]:
    """:func:`lookup`, or, for a plural the table lacks («Champs», «Collines»), the names of its singular
    made plural where people bear that plural («Hill» → *Hills*); the plural keeps the singular's count."""
    found = lookup(word)
    low = word.lower()
    if found or len(low) < MIN_LETTERS + 1 or low[-1] not in "sx":
        return found
    from .spellings import name_tokens

    out = []
    for x in lookup(low[:-1]):
        plural = x.name + "s"
        if x.channel == "en" and plural.lower() in name_tokens():
            out.append(NameWord(low, plural, x.channel, x.people, f"{plural.lower()} → {low}"))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def person_roles() -> frozenset[str]:
    """Lower-case nouns of trade, office and address that stand before a person's name."""
    lines = ROLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def english_given_name(word: str) -> bool:
    """Is ``word`` a given name English uses much more than French (wordfreq): «Lucy», «Mark», «Fiona»
    and not «Martin», «Laura», «Jean»?"""
    from .lexicon import zipf_en, zipf_fr

    low = word.lower()
    en = zipf_en(low)
    return en >= ENGLISH_GIVEN_MIN_ZIPF and en - zipf_fr(low) >= ENGLISH_GIVEN_MARGIN


def main() -> None:
    from .pivot_forms import build_from_pairs_cli

    build_from_pairs_cli(build, DATA_FILE, "name words")


if __name__ == "__main__":
    main()
