"""JSON Lines corpora (``.jsonl``; ``.json`` holding JSON Lines or one array of objects).

One object per non-blank line. Recognised keys (first present wins):

- id: ``id``, ``segment_id``, ``seg_id``, ``segid``, ``sid`` (otherwise the unit is positional);
- source: ``source``, ``src``, ``text``, ``source_text``;
- target (the translation the file carries, an MT output first): ``prediction``, ``hypothesis``,
  ``hyp``, ``mt``, ``output``, ``translation``, ``target``, ``tgt``;
- references: ``targets`` (XC-Translate: a list of ``{"translation", "mention"}`` objects or of
  strings), ``references``/``refs`` (list of strings), ``reference``/``ref`` (string), or a
  ``target`` that is a list of strings;
- entity mentions (``targets[].mention`` or ``mention``) go to ``meta["mentions"]`` and
  ``entity_types`` to ``meta["entity_types"]``; ``doc``/``doc_id``/``document`` name the document.

Other keys are kept in ``meta["fields"]``.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from ..errors import InputError
from ..textio import read_text
from . import Unit

ID_KEYS = ("id", "segment_id", "seg_id", "segid", "sid")
SOURCE_KEYS = ("source", "src", "text", "source_text")
TARGET_KEYS = ("prediction", "hypothesis", "hyp", "mt", "output", "translation", "target", "tgt")
DOC_KEYS = ("doc", "doc_id", "docid", "document")
_USED = set(ID_KEYS) | set(SOURCE_KEYS) | set(TARGET_KEYS) | set(DOC_KEYS) | {
    "targets", "references", "refs", "reference", "ref", "mention", "mentions", "entity_types"}


def _first_str(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = obj.get(k)
        if isinstance(v, str):
            return v
    return None


def _references(obj: dict[str, Any], where: str) -> tuple[list[str], list[str]]:
    """(reference translations, entity mentions) carried by one JSON object."""
    refs: list[str] = []
    mentions: list[str] = []
    targets = obj.get("targets")
    if isinstance(targets, list):
        for t in targets:
            if isinstance(t, dict):
                tr = t.get("translation", t.get("target"))
                if not isinstance(tr, str):
                    raise InputError(f"{where}: an item of 'targets' has no 'translation' string")
                refs.append(tr)
                m = t.get("mention")
                if isinstance(m, str) and m:
                    mentions.append(m)
            elif isinstance(t, str):
                refs.append(t)
            else:
                raise InputError(f"{where}: 'targets' must hold strings or objects")
    else:
        for key in ("references", "refs"):
            v = obj.get(key)
            if isinstance(v, list):
                refs = [x for x in v if isinstance(x, str)]
                break
        else:
            single = _first_str(obj, ("reference", "ref"))
            if single is not None:
                refs = [single]
            elif isinstance(obj.get("target"), list):
                refs = [x for x in obj["target"] if isinstance(x, str)]
    if not mentions:
        m = obj.get("mentions", obj.get("mention"))
        if isinstance(m, str) and m:
            mentions = [m]
        elif isinstance(m, list):
            mentions = [x for x in m if isinstance(x, str) and x]
    return refs, mentions


def unit_from_object(obj: Any, position: int, where: str) -> Unit:
    """Build a :class:`Unit` from one decoded JSON object (``where`` names it in errors)."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object, found {type(obj).__name__}")
    raw_id = next((obj[k] for k in ID_KEYS if k in obj and isinstance(obj[k], (str, int))), None)
    refs, mentions = _references(obj, where)
    target = _first_str(obj, TARGET_KEYS)
    if target is None and refs:
        target = refs[0]
    if target is None:
        raise InputError(f"{where}: no translation: expected one of "
                         f"{', '.join(repr(k) for k in TARGET_KEYS)} or a 'targets' list")
    unit = Unit(
        id=str(raw_id) if raw_id is not None else str(position),
        source=_first_str(obj, SOURCE_KEYS),
        target=target,
        doc=_first_str(obj, DOC_KEYS),
        references=refs,
        positional=raw_id is None,
    )
    if mentions:
        unit.meta["mentions"] = mentions
    types = obj.get("entity_types")
    if isinstance(types, list):
        unit.meta["entity_types"] = [t for t in types if isinstance(t, str)]
    extra = {k: v for k, v in obj.items() if k not in _USED}
    if extra:
        unit.meta["fields"] = extra
    return unit


#: a ``\\uD800``–``\\uDFFF`` escape: the only way a JSON text can hold a lone surrogate
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def loads_checked(text: str, where: str) -> Any:
    """``json.loads`` for user data, with one-line :class:`InputError` (``where`` names the file and
    line) for what it lets through or dies on: nesting deeper than the interpreter's recursion limit
    (``RecursionError``), and a lone UTF-16 surrogate escape (``"\\ud800"``), which decodes to a string
    that no UTF-8 output can hold (it would fail after the review, when the report is written)."""
    try:
        obj = json.loads(text)
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply (more than a few hundred levels of [ or {{)"
                         ) from None
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as e:
            bad = e.object[e.start:e.end] if isinstance(e.object, str) else ""
            code = f"\\u{ord(bad[0]):04x} " if bad else ""
            raise InputError(f"{where}: a lone surrogate escape {code}in a JSON string (half of a UTF-16 pair) "
                             "is not a character; repair the line") from None
        except RecursionError:  # pragma: no cover - json.loads would have failed first
            raise InputError(f"{where}: JSON nested too deeply") from None
    return obj


def read_jsonl_units(path: str | os.PathLike[str]) -> list[Unit]:
    """Units of a JSON Lines file, or of a ``.json`` file holding one array of objects."""
    name = str(path)
    text = read_text(path).text
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = loads_checked(text, name)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{e.lineno}: not valid JSON ({e.msg})") from None
        if not isinstance(data, list):  # pragma: no cover - starts with '['
            raise InputError(f"{name}: expected a JSON array of objects")
        return [unit_from_object(obj, i, f"{name}: item {i}") for i, obj in enumerate(data, 1)]
    units: list[Unit] = []
    position = 0
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        position += 1
        try:
            obj = loads_checked(line, f"{name}:{n}")
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{n}: not valid JSON ({e.msg} at column {e.colno})") from None
        units.append(unit_from_object(obj, position, f"{name}:{n}"))
    return units
