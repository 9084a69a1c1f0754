"""Reading translation corpora: one :class:`Unit` per segment, whatever the file format.

What it is for: every command that reads bilingual or corpus files (``check``, ``score``,
``normalise``) gets the same list of units from :func:`read_units`, with the format recognised by
extension: ``.txt`` (one segment per line), ``.tsv``, ``.jsonl``/``.json``, ``.xlf``/``.xliff``
(XLIFF 1.2 and 2.x), ``.tmx``, ``.po``/``.pot`` and WMT test-set ``.xml``. Each reader lives in its
own module (``plaintext``, ``tabular``, ``jsonlines``, ``xliff``, ``tmx``, ``po``, ``wmt``) so that
format-preserving writers can sit beside them.

What it must not do: modify the input, fetch anything (XML is vetted with defusedxml first: no
entity declarations, no external references, no network), or let a parser traceback reach the user:
a malformed file raises :class:`mtreview.errors.InputError` that names the file and, where known,
the line.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["Unit", "read_units", "SUPPORTED_EXTENSIONS", "format_of"]


@dataclass
class Unit:
    """One segment of a corpus file: an id, the source and the translation (target).

    ``id`` is the identifier the file gives the unit (XLIFF/TMX/PO/JSONL id) or, when the format
    has none, its 1-based position; ``positional`` tells which. ``references`` holds reference
    translations carried by the unit itself (multi-reference JSONL such as XC-Translate's
    ``targets``, WMT XML ``ref`` elements); ``doc`` the document the unit belongs to (XLIFF
    ``<file original>``, WMT ``<doc id>``, a JSONL ``doc`` field). ``meta`` keeps format-specific
    extras (notes, state, entity mentions and types, other JSON fields).
    """

    id: str
    source: str | None
    target: str | None
    doc: str | None = None
    references: list[str] = field(default_factory=list)
    positional: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


#: extension -> format name
SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
    ".xml": "xml",
}


def format_of(path: str | os.PathLike[str]) -> str:
    """The format name of ``path`` by extension; anything unknown is read as plain text."""
    return SUPPORTED_EXTENSIONS.get(Path(path).suffix.lower(), "text")


def read_units(path: str | os.PathLike[str], *, target_lang: str | None = None) -> list[Unit]:
    """Read every unit of ``path`` (``-`` is standard input, read as plain text).

    ``target_lang`` picks the target language in multilingual TMX files (default: French when
    present, else the first language that is not the source language).
    """
    fmt = "text" if str(path) == "-" else format_of(path)
    if fmt == "text":
        from .plaintext import read_text_units

        return read_text_units(path)
    if fmt == "tsv":
        from .tabular import read_tsv_units

        return read_tsv_units(path)
    if fmt == "jsonl":
        from .jsonlines import read_jsonl_units

        return read_jsonl_units(path)
    if fmt == "xliff":
        from .xliff import read_xliff_units

        return read_xliff_units(path)
    if fmt == "tmx":
        from .tmx import read_tmx_units

        return read_tmx_units(path, target_lang=target_lang)
    if fmt == "po":
        from .po import read_po_units

        return read_po_units(path)
    if fmt == "xml":
        return _read_xml_units(path, target_lang)
    raise InputError(f"{path}: unsupported format")  # pragma: no cover - format_of covers all


def _read_xml_units(path: str | os.PathLike[str], target_lang: str | None) -> list[Unit]:
    """A ``.xml`` file: XLIFF, TMX or a WMT test set, told apart by its root element."""
    from ..textio import read_bytes
    from .safexml import local_name, parse_xml_bytes

    root = parse_xml_bytes(read_bytes(path), str(path))
    name = local_name(root.tag)
    if name == "xliff":
        from .xliff import read_xliff_units

        return read_xliff_units(path)
    if name == "tmx":
        from .tmx import read_tmx_units

        return read_tmx_units(path, target_lang=target_lang)
    if name == "dataset":
        from .wmt import read_wmt_units

        return read_wmt_units(path)
    raise InputError(f"{path}: XML root <{name}> is not XLIFF, TMX or a WMT test set (<dataset>)")
