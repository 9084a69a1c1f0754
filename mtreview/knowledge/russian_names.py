"""Russian, Ukrainian and Belarusian given names: English romanisations and the French press form.

From ``data/given_names_ru.tsv`` (columns ru, en, fr, en_variants, source). ``given_name_fr("Yevgeny")``
→ ``"Evgueni"``; ``None`` for a word that is not such a given name in an English or ISO romanisation.
"""

from __future__ import annotations

import functools
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "given_names_ru.tsv"


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    """The table's rows (columns ru, en, fr, en_variants, source), header left out; none without the file."""
    if not TABLE.exists():
        return ()
    return tuple(tuple(line.split("\t")) for line in TABLE.read_text(encoding="utf-8").splitlines()[1:])


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for cols in _rows():
        if len(cols) < 3:
            continue
        en, fr = cols[1], cols[2]
        variants = cols[3].split("|") if len(cols) > 3 else []
        for form in [en, *variants]:
            form = form.strip()
            if form and form.lower() not in out:
                out[form.lower()] = fr.strip()
    return out


def given_name_fr(word: str) -> str | None:
    """The French form of a Russian given name written in an English/ISO romanisation, or None."""
    fr = _table().get(word.lower())
    if fr is None:
        return None
    return fr


@functools.lru_cache(maxsize=1)
def _romanisations() -> frozenset[str]:
    from .transliteration import SCHEMES, romanise

    out: set[str] = set()
    for cols in _rows():
        ru = cols[0].strip()
        if ru:
            out.update(romanise(ru, scheme).lower() for scheme in SCHEMES)
    return frozenset(out)


def is_scheme_romanisation(word: str) -> bool:
    """Is ``word`` a Russian given name of the table romanised by a published scheme («Yevgeny»,
    «Larisa», «Aleksandr»), rather than an international form of it («Paul» for «Павел», «Julia»)?"""
    return word.lower() in _romanisations()
