"""Loading what ``mtreview score`` compares: system outputs, references, sources, aligned by segment.

What it is for: turning the paths given to ``--hyp``, ``--ref``, ``--src`` and ``--entities`` into
aligned lists. Accepted inputs:

- plain text, one segment per line (aligned by line number);
- bilingual and corpus files read by :func:`mtreview.formats.read_units` (TSV, JSONL, XLIFF, TMX,
  PO): the unit's target is the hypothesis (or reference); multi-reference JSONL (XC-Translate's
  ``targets``) gives several references per segment;
- WMT-style folders: ``--hyp`` a folder of system outputs (``*.hyp.<SYSTEM>.<lang>`` in it or in its
  ``system-outputs/``, else every file), ``--ref`` a folder's ``*.ref.*`` files (one reference each)
  and ``*.src.*`` source;
- WMT XML test sets (``*.all.xml``): ``--hyp`` gives every system in it, ``--ref`` every reference.

Alignment: when both sides carry identifiers (JSONL/XLIFF/TMX/PO ids, WMT document:segment) they are
matched by id — the references (else the entity file, else the first system) define the segment
set, extra hypotheses are ignored and reported, missing ones are an error unless ``allow_missing``
(then scored as empty output). Ids with a language-pair suffix (``Q42_0-en-fr``,
``Q42_0-eng_Latn-fra_Latn``, as in XC-Translate's KG-MT outputs) match the bare id. Otherwise
segments are matched by position and the counts must agree.

What it must not do: score anything, or silently drop or shift segments.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, UsageError


@dataclass
class SystemOutput:
    """One MT system's segments as read (before alignment)."""

    name: str
    path: str
    ids: list[str]
    hyps: list[str | None]
    keyed: bool
    sources: list[str | None] | None = None
    docs: list[str | None] | None = None


@dataclass
class ReferenceSet:
    """Reference streams (one list per reference slot, ``None`` where a segment has fewer)."""

    paths: list[str]
    ids: list[str]
    streams: list[list[str | None]]
    keyed: bool
    names: list[str] = field(default_factory=list)
    sources: list[str | None] | None = None
    docs: list[str | None] | None = None


@dataclass
class Alignment:
    """A system aligned to the segment set: hypotheses (None = missing) and what did not fit."""

    hyps: list[str | None]
    missing: int = 0
    extra: int = 0
    duplicates: int = 0
    missing_examples: list[str] = field(default_factory=list)


def _exists(path: str) -> Path:
    if path == "-":
        return Path(path)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file or folder")
    return p


def _is_wmt_xml(p: Path) -> bool:
    if p.suffix.lower() != ".xml" or not p.is_file():
        return False
    with open(p, "rb") as f:
        head = f.read(4096)
    return b"<dataset" in head


def _system_name(p: Path) -> str:
    from ..formats.wmt import wmt_system_name

    return wmt_system_name(p) or p.stem or p.name


def _from_units(name: str, path: str) -> SystemOutput:
    from ..formats import format_of, read_units

    if path == "-" or format_of(path) == "text":  # fast path: no Unit objects for plain text
        from ..formats.plaintext import read_text_lines

        lines: list[str | None] = list(read_text_lines(path))
        return SystemOutput(name=name, path=path, ids=[str(i) for i in range(1, len(lines) + 1)], hyps=lines,
                            keyed=False)
    units = read_units(path)
    keyed = bool(units) and not all(u.positional for u in units)
    srcs = [u.source for u in units]
    docs = [u.doc for u in units]
    return SystemOutput(name=name, path=path, ids=[u.id for u in units], hyps=[u.target for u in units],
                        keyed=keyed, sources=srcs if any(s is not None for s in srcs) else None,
                        docs=docs if any(d is not None for d in docs) else None)


def load_systems(path: str) -> list[SystemOutput]:
    """The system output(s) in ``path``: a file, a WMT folder or a WMT XML test set."""
    p = _exists(path)
    if path == "-":
        return [_from_units("stdin", path)]
    if p.is_dir():
        from ..formats.wmt import find_wmt_folder

        folder = find_wmt_folder(p)
        if not folder.systems:
            raise InputError(f"{p}: no system outputs found (expected *.hyp.<SYSTEM>.<lang> files "
                             "here or in system-outputs/)")
        return [_from_units(_system_name(f), str(f)) for f in folder.systems]
    if _is_wmt_xml(p):
        from ..formats.wmt import read_wmt_xml

        ts = read_wmt_xml(p)
        if not ts.systems:
            raise InputError(f"{p}: this WMT test set holds no <hyp> system outputs")
        return [SystemOutput(name=name, path=str(p), ids=list(ts.ids), hyps=list(hyps), keyed=True,
                             sources=list(ts.sources), docs=list(ts.docs)) for name, hyps in ts.systems.items()]
    return [_from_units(_system_name(p), path)]


def unique_names(systems: Sequence[SystemOutput]) -> None:
    """Make system names unique in place (``name``, ``name-2``…), keeping the first as it is."""
    seen: dict[str, int] = {}
    for s in systems:
        if s.name in seen:
            seen[s.name] += 1
            parent = Path(s.path).parent.name
            candidate = f"{parent}/{s.name}" if parent and f"{parent}/{s.name}" not in seen else f"{s.name}-{seen[s.name]}"
            s.name = candidate
        seen.setdefault(s.name, 1)


def _refs_from_path(path: str) -> ReferenceSet:
    p = _exists(path)
    if p.is_dir():
        from ..formats.plaintext import read_text_lines
        from ..formats.wmt import find_wmt_folder

        folder = find_wmt_folder(p)
        if not folder.references:
            raise InputError(f"{p}: no reference files found (expected *.ref.<X>.<lang>)")
        streams = [list(read_text_lines(f)) for f in folder.references]
        n = len(streams[0])
        for f, s in zip(folder.references, streams, strict=True):
            if len(s) != n:
                raise InputError(f"{f}: {len(s)} lines, but {folder.references[0]} has {n}")
        sources = None
        if len(folder.sources) == 1:
            src = read_text_lines(folder.sources[0])
            if len(src) == n:
                sources = list(src)
        return ReferenceSet(paths=[str(f) for f in folder.references], ids=[str(i) for i in range(1, n + 1)],
                            streams=streams, keyed=False, names=[f.name for f in folder.references],
                            sources=sources)
    if _is_wmt_xml(p):
        from ..formats.wmt import read_wmt_xml

        ts = read_wmt_xml(p)
        if not ts.references:
            raise InputError(f"{p}: this WMT test set holds no <ref> reference")
        return ReferenceSet(paths=[str(p)], ids=list(ts.ids), streams=[list(r) for r in ts.references.values()],
                            keyed=True, names=list(ts.references), sources=list(ts.sources), docs=list(ts.docs))
    from ..formats import format_of, read_units

    if format_of(path) == "text":  # fast path: no Unit objects for plain text
        from ..formats.plaintext import read_text_lines

        lines: list[str | None] = list(read_text_lines(path))
        return ReferenceSet(paths=[path], ids=[str(i) for i in range(1, len(lines) + 1)], streams=[lines],
                            keyed=False, names=[Path(path).name])
    units = read_units(path)
    keyed = bool(units) and not all(u.positional for u in units)
    width = max((len(u.references) for u in units), default=0)
    if width:
        streams: list[list[str | None]] = [[u.references[k] if k < len(u.references) else None for u in units]
                                           for k in range(width)]
        for i, u in enumerate(units):
            if not u.references:
                streams[0][i] = u.target
    else:
        streams = [[u.target for u in units]]
    srcs = [u.source for u in units]
    docs = [u.doc for u in units]
    return ReferenceSet(paths=[path], ids=[u.id for u in units], streams=streams, keyed=keyed,
                        names=[Path(path).name] * len(streams),
                        sources=srcs if any(s is not None for s in srcs) else None,
                        docs=docs if any(d is not None for d in docs) else None)


def load_references(paths: Sequence[str]) -> ReferenceSet:
    """All ``--ref`` paths as one reference set (several files = several references per segment)."""
    sets = [_refs_from_path(p) for p in paths]
    base = sets[0]
    for other in sets[1:]:
        if base.keyed and other.keyed:
            index = {uid: i for i, uid in enumerate(other.ids)}
            for stream in other.streams:
                base.streams.append([stream[index[uid]] if uid in index else None for uid in base.ids])
        else:
            if len(other.ids) != len(base.ids):
                raise InputError(f"{other.paths[0]} has {len(other.ids)} segments but {base.paths[0]} has "
                                 f"{len(base.ids)}: references must be aligned with each other")
            base.streams.extend(other.streams)
        base.paths.extend(other.paths)
        base.names.extend(other.names)
        base.sources = base.sources or other.sources
        base.docs = base.docs or other.docs
    for stream in base.streams:  # an absent reference text (XLIFF unit without target) is no reference
        for i, r in enumerate(stream):
            if r is not None and not isinstance(r, str):  # pragma: no cover - readers give str
                stream[i] = str(r)
    if all(seg is None for seg in base.streams[0]) and len(base.streams) == 1 and base.ids:
        raise InputError(f"{base.paths[0]}: no reference translations found in it")
    return base


_PAIR_SUFFIX = re.compile(r"-[a-z]{2,3}(?:_[A-Za-z]{2,4})?-[a-z]{2,3}(?:_[A-Za-z]{2,4})?$")


def strip_pair_suffix(uid: str) -> str:
    """``Q42_0-en-fr`` / ``Q42_0-eng_Latn-fra_Latn`` / ``Q42_0-en_XX-fr_XX`` → ``Q42_0``."""
    return _PAIR_SUFFIX.sub("", uid)


def align(master_ids: Sequence[str], master_keyed: bool, system: SystemOutput, master_name: str) -> Alignment:
    """Align ``system`` to the segment set (see the module docstring for the rules)."""
    n = len(master_ids)
    if master_keyed and system.keyed:
        by_id: dict[str, str | None] = {}
        duplicates = 0
        wanted = set(master_ids)
        direct = sum(1 for uid in system.ids if uid in wanted)
        strip = direct < len(system.ids) and sum(1 for uid in system.ids if strip_pair_suffix(uid) in wanted) > direct
        for uid, hyp in zip(system.ids, system.hyps, strict=True):
            key = strip_pair_suffix(uid) if strip else uid
            if key in by_id:
                duplicates += 1
            by_id[key] = hyp  # the last one wins, as in XC-Translate's evaluate.py
        hyps = [by_id.get(uid) if uid in by_id else None for uid in master_ids]
        absent = [uid for uid in master_ids if uid not in by_id]
        extra = sum(1 for k in by_id if k not in wanted)
        if absent and len(absent) == n:
            raise InputError(f"{system.path}: none of its {len(system.ids)} segment ids matches an id of "
                             f"{master_name} (e.g. {system.ids[0]!r} vs {master_ids[0]!r})")
        return Alignment(hyps=hyps, missing=len(absent), extra=extra, duplicates=duplicates,
                         missing_examples=absent[:5])
    if len(system.hyps) != n:
        raise InputError(f"{system.path} has {len(system.hyps)} segments but {master_name} has {n}: "
                         "hypotheses and references must be aligned segment by segment "
                         "(one per line for plain text)")
    missing = [master_ids[i] for i, h in enumerate(system.hyps) if h is None]
    return Alignment(hyps=list(system.hyps), missing=len(missing), missing_examples=missing[:5])


def read_sources(path: str, n: int, master_ids: Sequence[str], master_keyed: bool) -> list[str | None]:
    """``--src``: source segments aligned to the segment set (by id when both are keyed)."""
    if Path(path).is_dir():
        raise UsageError(f"--src {path}: give a file (a WMT folder's source is found through --ref FOLDER)")
    out = load_systems(path)[0]
    out.hyps = list(out.sources) if out.sources is not None else list(out.hyps)
    al = align(master_ids, master_keyed, out, "the segment set")
    return al.hyps


def ensure_file_or_dir(path: str) -> None:
    """Raise a clear error for a path that does not exist."""
    if path != "-" and not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder")
