"""WMT test sets: the XML of the WMT shared tasks and the plain-text folder layout.

XML (``wmttest2022.de-fr.all.xml``): ``<dataset><collection><doc id origlang domain>`` holding a
``<src>``, one ``<ref translator=…>`` per human reference and one ``<hyp system=…>`` per MT system,
each with ``<p><seg id=…>`` segments. :func:`read_wmt_xml` returns the whole test set aligned on
the source segments (a reference or system without a segment gets ``None`` there).

Folder layout (``de-fr/`` of the wmt21/22 system repositories): ``*.src.<lang>``,
``*.ref.<X>.<lang>`` (one file per reference) and ``system-outputs/*.hyp.<SYSTEM>.<lang>``, all
aligned line by line. :func:`find_wmt_folder` tells what a folder holds.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..textio import read_bytes
from . import Unit
from .safexml import local_name, parse_xml_bytes


@dataclass
class WmtTestSet:
    """A WMT test set read from XML, aligned on its source segments."""

    path: str
    src_lang: str | None
    tgt_lang: str | None
    ids: list[str]                       # "doc-id:seg-id"
    docs: list[str]
    domains: list[str | None]
    sources: list[str]
    references: dict[str, list[str | None]] = field(default_factory=dict)  # translator -> segments
    systems: dict[str, list[str | None]] = field(default_factory=dict)     # system -> segments


def _segments(block) -> list[tuple[str, str]]:
    return [(seg.get("id") or str(i), seg.text or "")
            for i, seg in enumerate((e for e in block.iter() if local_name(e.tag) == "seg"), 1)]


def read_wmt_xml(path: str | os.PathLike[str]) -> WmtTestSet:
    """Read a WMT XML test set (source, references, system outputs)."""
    name = str(path)
    root = parse_xml_bytes(read_bytes(path), name)
    if local_name(root.tag) != "dataset":
        raise InputError(f"{name}: root element is <{local_name(root.tag)}>, not a WMT <dataset>")
    ts = WmtTestSet(path=name, src_lang=None, tgt_lang=None, ids=[], docs=[], domains=[], sources=[])
    ref_maps: dict[str, dict[str, str]] = {}
    sys_maps: dict[str, dict[str, str]] = {}
    for doc in (e for e in root.iter() if local_name(e.tag) == "doc"):
        doc_id = doc.get("id") or f"doc{len(set(ts.docs)) + 1}"
        domain = doc.get("domain")
        for block in doc:
            kind = local_name(block.tag)
            segs = _segments(block)
            if kind == "src":
                ts.src_lang = ts.src_lang or block.get("lang")
                for sid, text in segs:
                    ts.ids.append(f"{doc_id}:{sid}")
                    ts.docs.append(doc_id)
                    ts.domains.append(domain)
                    ts.sources.append(text)
            elif kind in ("ref", "hyp"):
                ts.tgt_lang = ts.tgt_lang or block.get("lang")
                label = block.get("translator") or block.get("system") or ("A" if kind == "ref" else "system")
                target = ref_maps if kind == "ref" else sys_maps
                m = target.setdefault(label, {})
                for sid, text in segs:
                    m[f"{doc_id}:{sid}"] = text
    if not ts.ids:
        raise InputError(f"{name}: no <src> segments found in this WMT test set")
    ts.references = {k: [m.get(i) for i in ts.ids] for k, m in ref_maps.items()}
    ts.systems = {k: [m.get(i) for i in ts.ids] for k, m in sys_maps.items()}
    return ts


def read_wmt_units(path: str | os.PathLike[str]) -> list[Unit]:
    """A WMT XML test set as units: source, first reference as target, all references."""
    ts = read_wmt_xml(path)
    units = []
    for i, uid in enumerate(ts.ids):
        refs = [r[i] for r in ts.references.values() if r[i] is not None]
        units.append(Unit(id=uid, source=ts.sources[i], target=refs[0] if refs else None, doc=ts.docs[i],
                          references=refs, meta={"domain": ts.domains[i]} if ts.domains[i] else {}))
    return units


_HYP_RE = re.compile(r"\.hyp\.(?P<system>.+)\.[A-Za-z_-]{2,8}$")
_REF_RE = re.compile(r"\.ref\.(?P<ref>[^.]+)\.[A-Za-z_-]{2,8}$")
_SRC_RE = re.compile(r"\.src\.[A-Za-z_-]{2,8}$")


def wmt_system_name(path: str | os.PathLike[str]) -> str | None:
    """``generaltest2022.de-fr.hyp.Online-B.fr`` → ``Online-B`` (None for other names)."""
    m = _HYP_RE.search(Path(path).name)
    return m.group("system") if m else None


@dataclass
class WmtFolder:
    """What a WMT-style folder holds (paths sorted by name)."""

    path: str
    sources: list[Path]
    references: list[Path]
    systems: list[Path]


def find_wmt_folder(path: str | os.PathLike[str]) -> WmtFolder:
    """Scan a folder (and its ``system-outputs/`` sub-folder) for WMT source, reference, system files.

    A folder with no ``*.hyp.*`` files but plain files is a folder of system outputs, one per
    file (each named by its file stem).
    """
    p = Path(path)
    if not p.is_dir():
        raise InputError(f"{p}: not a folder")
    files = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
    sub = p / "system-outputs"
    sys_files = sorted(f for f in sub.iterdir() if f.is_file()) if sub.is_dir() else []
    sources = [f for f in files if _SRC_RE.search(f.name)]
    refs = [f for f in files if _REF_RE.search(f.name)]
    hyps = [f for f in files + sys_files if _HYP_RE.search(f.name)]
    if not hyps and not sources and not refs:
        hyps = [f for f in files if f.suffix.lower() not in (".md", ".tsv", ".xml", ".json")]
    return WmtFolder(path=str(p), sources=sources, references=refs, systems=hyps)
