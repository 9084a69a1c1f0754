"""Checking user glossary files before the review engine's loader reads them.

What it is for: :func:`mtreview.knowledge.glossary.load_glossaries` is lenient — a first row without
an ``fr`` column makes the whole file a headerless ``variant,canonical`` list, so a glossary with a
wrong header (``nom,variantes``) silently turns its header into a rule («Le nom de Musk.» → «Le
variantes de Musk.»), a header column it does not know (``variantes``) is silently ignored, and an
unclosed quote swallows the rest of the file into one cell (0 rules, no error) or, past 128 KB, ends
in a ``csv`` traceback. Every command that reads ``--glossary`` files (``check``, ``fix``,
``normalise``, ``glossary import``, the UI's batch) goes through :func:`load_user_glossaries`, which
refuses those files with one line naming the file, the line and what is wrong
(:class:`~mtreview.errors.InputError`, exit status 1), then calls the engine's loader.

What it must not do: change how a valid file is read — the delimiter, comment and blank-row rules
are the loader's own; TBX files are left to :mod:`mtreview.knowledge.tbx`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import InputError
from .textio import read_text

#: the columns the loader reads (``fr`` required); the documented header is the first six
DOCUMENTED_COLUMNS = ("fr", "en", "ru", "aliases", "variants", "type")
KNOWN_COLUMNS = frozenset(DOCUMENTED_COLUMNS) | {"id", "country", "role"}
EXPECTED = (f"expected the header {','.join(DOCUMENTED_COLUMNS)} ('fr' required; 'id', 'country', 'role' "
            "also read), or headerless 'variant,canonical' rows")

#: a first row made of lower-case single words (``nom,variantes``, ``variant,canonical``) is a header,
#: not a ``variant,canonical`` row: a canonical name is not written all in lower case
_HEADER_WORD = re.compile(r"[^\W\d_]+(?:[_-][^\W\d_]+)*")
#: words that name a column, whatever their case (``Nom,Variantes`` is a header too)
HEADER_WORDS = frozenset({
    "nom", "noms", "name", "names", "variant", "variante", "variantes", "canonical", "canonique", "correct",
    "correction", "wrong", "incorrect", "forme", "formes", "form", "forms", "terme", "termes", "term",
    "terms", "alias", "source", "target", "cible", "french", "français", "francais", "english", "anglais",
    "russian", "russe", "fr-fr", "fr_fr", "en-us", "en_us", "ru-ru", "ru_ru", "type", "types"})


def _delimiter(text: str, path: Path) -> str:
    """The loader's choice: a tab for ``.tsv``; else a tab when the first line has at least as many
    tabs as commas, else a comma."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    first = text.split("\n", 1)[0]
    return "\t" if first.count("\t") >= first.count(",") and "\t" in first else ","


def _rows(text: str, name: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The CSV records with the line each starts on; an unclosed quote or a giant cell is refused."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    out: list[tuple[int, list[str]]] = []
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return out
        except csv.Error as e:
            msg = str(e)
            if "unexpected end of data" in msg:
                raise InputError(f"{name}: line {start}: a quote (\") opened here is never closed; "
                                 "close it or remove it (a cell holding a quote is written \"like \"\"this\"\"\")"
                                 ) from None
            if "field larger than field limit" in msg:
                raise InputError(f"{name}: line {start}: a cell longer than {csv.field_size_limit()} characters "
                                 "(an unclosed quote?); a glossary cell holds one name") from None
            # anything else strict mode refuses (a quote inside a quoted cell...) is read as the
            # loader reads it
            return _lenient_rows(text, name, delimiter)
        out.append((start, row))
        start = reader.line_num + 1


def _lenient_rows(text: str, name: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
    except csv.Error as e:
        raise InputError(f"{name}: line {start}: not valid CSV ({e})") from None
    return out


def check_glossary_text(text: str, name: str, path: Path | None = None) -> None:
    """Refuse (``InputError``, one line) a CSV/TSV glossary the loader would misread; see the module."""
    delimiter = _delimiter(text, path or Path(name))
    rows = [(n, r) for n, r in _rows(text, name, delimiter)
            if r and any(c.strip() for c in r) and not r[0].lstrip().startswith("#")]
    if not rows:
        return
    line, first = rows[0]
    header = [h.strip().lower() for h in first]
    shown = delimiter.join(c.strip() for c in first)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if "fr" in header:
        unknown = [h for h in header if h and h not in KNOWN_COLUMNS]
        if unknown:
            raise InputError(f"{name}: line {line}: unknown header column{'s' if len(unknown) > 1 else ''} "
                             f"{', '.join(repr(u) for u in unknown)}; {EXPECTED}")
        return
    known = [h for h in header if h in KNOWN_COLUMNS or h in HEADER_WORDS]
    cells = [h for h in header if h]
    if known or (len(cells) >= 2 and all(_HEADER_WORD.fullmatch(c) for c in cells)
                 and all(c == c.lower() for c in (x.strip() for x in first if x.strip()))):
        raise InputError(f"{name}: line {line}: the header {shown!r} has no 'fr' column; {EXPECTED}")
    for n, r in rows:
        if len(r) < 2:
            raise InputError(f"{name}: line {n}: one cell where a headerless glossary has 'variant,canonical'; "
                             f"{EXPECTED}")


def check_glossary_file(path: str | os.PathLike[str]) -> None:
    """Check one glossary file (CSV/TSV; TBX is left to its own reader)."""
    p = Path(path)
    if p.suffix.lower() in (".tbx", ".xml"):
        return
    check_glossary_text(read_text(p).text, str(p), p)


def load_user_glossaries(paths: Iterable[str | os.PathLike[str]]) -> Any:
    """Check every file (:func:`check_glossary_file`), then load them with the engine's loader
    (:func:`mtreview.knowledge.glossary.load_glossaries`: later files win)."""
    from .knowledge.glossary import load_glossaries

    paths = list(paths)
    for p in paths:
        check_glossary_file(p)
    return load_glossaries(paths)
