"""Bilingual dictionaries (FreeDict, Debian packages ``dict-freedict-*``) read from dictd files.

``get_dictionary("eng-fra").translations("link")`` → ``["lien", ...]``. The ``.index`` file gives
each headword's offset and length (base64) in the gzip-compressed ``.dict.dz``; entries are a
headword line (``word /ipa/ <pos>``) followed by translation lines. Missing dictionaries give an
empty dictionary (the checks that need them then find nothing), never an error.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
from collections import defaultdict
from pathlib import Path

DICT_DIR = os.environ.get("MTREVIEW_DICTD_DIR", "/usr/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 64 + _B64.index(ch)
    return n


_HEAD_RE = re.compile(r"^(.*?)(?:\s+/[^/]*/)?(?:\s+<([^>]*)>)?\s*$")


class BilingualDictionary:
    """Headword → translations, lower-cased headwords, translations in dictionary order."""

    def __init__(self, name: str, entries: dict[str, list[str]], pos: dict[str, str]) -> None:
        self.name = name
        self.entries = entries
        self.pos = pos

    def translations(self, word: str) -> list[str]:
        return self.entries.get(word.lower(), [])

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def inverted(self) -> dict[str, list[str]]:
        """Translation → headwords (e.g. Russian → French from fra-rus)."""
        inv: dict[str, list[str]] = defaultdict(list)
        for head, trs in self.entries.items():
            for t in trs:
                if head not in inv[t.lower()]:
                    inv[t.lower()].append(head)
        return dict(inv)


def _parse(name: str) -> BilingualDictionary:
    index = os.path.join(DICT_DIR, f"freedict-{name}.index")
    data_path = os.path.join(DICT_DIR, f"freedict-{name}.dict.dz")
    entries: dict[str, list[str]] = {}
    pos: dict[str, str] = {}
    if not (os.path.exists(index) and os.path.exists(data_path)):
        return BilingualDictionary(name, entries, pos)
    with gzip.open(data_path, "rb") as f:
        data = f.read()
    with open(index, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00-database") or parts[0].startswith("00database"):
                continue
            off, ln = _b64(parts[1]), _b64(parts[2])
            block = data[off:off + ln].decode("utf-8", errors="replace").strip().splitlines()
            if not block:
                continue
            m = _HEAD_RE.match(block[0].strip())
            head = (m.group(1) if m else block[0]).strip().lower()
            trs: list[str] = []
            for tl in block[1:]:
                tl = tl.strip()
                if not tl or tl.startswith(("1.", "2.", "3.")) and len(tl) < 3:
                    continue
                for t in re.split(r"[,;]\s*", tl):
                    t = re.sub(r"^\d+\.\s*", "", t).strip()
                    if t and len(t) < 60 and t not in trs:
                        trs.append(t)
                break  # the first line after the headword holds the translations
            if head:
                entries.setdefault(head, [])
                for t in trs:
                    if t not in entries[head]:
                        entries[head].append(t)
                if m and m.group(2):
                    pos.setdefault(head, m.group(2))
    return BilingualDictionary(name, entries, pos)


def _cache_path(name: str) -> Path | None:
    """Where the parsed dictionary is cached: keyed by the dictd files (size, mtime) and this parser."""
    import hashlib

    files = [Path(DICT_DIR) / f"freedict-{name}.index", Path(DICT_DIR) / f"freedict-{name}.dict.dz"]
    try:
        stats = [f.stat() for f in files]
    except OSError:
        return None
    h = hashlib.sha256(Path(__file__).read_bytes())
    for f, st in zip(files, stats, strict=True):
        h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}".encode())
    from ..loading import cache_root

    return cache_root() / f"dict-{name}-{h.hexdigest()[:16]}.pickle"


@functools.lru_cache(maxsize=8)
def get_dictionary(name: str) -> BilingualDictionary:
    """``eng-fra``, ``fra-eng`` or ``fra-rus`` (parsed once, then cached in memory and on disk)."""
    from ..loading import gc_paused, load_cached, save_cached

    path = _cache_path(name)
    d = load_cached(path, BilingualDictionary) if path is not None else None
    if d is not None:
        return d
    with gc_paused():
        d = _parse(name)
    if path is not None and d.entries:
        save_cached(path, d, f"dict-{name}-*.pickle")
    return d
