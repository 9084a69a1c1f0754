"""Planning a normalise job: which files, in which format and encoding, cut into which chunks.

The plan is written to ``OUTDIR/.mtreview-work/manifest.json`` before any work starts: per input
file its size, mtime and sha256 (so that ``--resume`` knows it is the same file), its format and
encoding, its chunks (byte ranges of whole lines for line formats, the whole file for XML and PO)
and the tasks (consecutive chunks grouped to about ``chunk_bytes``). Files that cannot be
normalised (binary, wrong encoding, missing) are recorded with the reason and get no chunk.
Planning reads each file once, in blocks; it never decodes a whole file into memory.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..formats import SUPPORTED_EXTENSIONS, format_of
from ..formats.rewrite_base import LINE_FORMATS

MANIFEST_VERSION = 1
WORK_DIR = ".mtreview-work"
#: default size of a chunk and of a task (bytes)
DEFAULT_CHUNK_BYTES = 4 << 20
_BLOCK = 1 << 20
_HEAD = 1 << 16


@dataclass
class PlannedFile:
    index: int
    path: str  # absolute
    rel: str  # path under OUTDIR
    format: str
    size: int = 0
    mtime_ns: int = 0
    sha256: str = ""
    encoding: str = "utf-8"
    encoding_detected: bool = False
    chunks: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, first line)
    error: str | None = None


@dataclass
class Plan:
    fingerprint: str
    inputs: list[str]
    files: list[PlannedFile]
    tasks: list[list[tuple[int, int]]]  # per task: (file index, chunk index)

    def to_json(self) -> dict[str, Any]:
        return {"version": MANIFEST_VERSION, "fingerprint": self.fingerprint, "inputs": self.inputs,
                "files": [asdict(f) for f in self.files], "tasks": self.tasks}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Plan:
        if d.get("version") != MANIFEST_VERSION:
            raise ValueError("manifest version")
        files = [PlannedFile(**{**f, "chunks": [tuple(c) for c in f["chunks"]]}) for f in d["files"]]
        return cls(d["fingerprint"], list(d["inputs"]), files,
                   [[(int(a), int(b)) for a, b in t] for t in d["tasks"]])

    def task_bytes(self, t: int) -> int:
        return sum(self.files[f].chunks[c][1] - self.files[f].chunks[c][0] for f, c in self.tasks[t])


def _is_normalise_artefact(p: Path) -> bool:
    """``changes.jsonl`` or ``summary.json`` written by a previous normalise run."""
    if p.name not in ("changes.jsonl", "summary.json"):
        return False
    summary = p.with_name("summary.json")
    try:
        return json.loads(summary.read_text("utf-8")).get("tool") == "mtreview normalise"
    except (OSError, ValueError, AttributeError):
        return False


def discover(inputs: list[str], outdir: Path) -> list[tuple[str, str | None]]:
    """Input files in a stable order: ``(absolute path, error or None)``; folders are walked."""
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    outdir = outdir.resolve()

    def add(p: Path, err: str | None = None) -> None:
        key = str(p)
        if key not in seen:
            seen.add(key)
            out.append((key, err))

    for given in inputs:
        p = Path(given).absolute()
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                rp = Path(root)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (rp / d).resolve() != outdir)
                for name in sorted(files):
                    fp = rp / name
                    if name.startswith(".") or fp.suffix.lower() not in SUPPORTED_EXTENSIONS or _is_normalise_artefact(fp):
                        continue
                    add(fp)
        elif p.is_file():
            add(p)
        elif p.exists():
            add(p, "not a regular file")
        else:
            add(p, "no such file")
    return out


#: where ``normalise -`` keeps a copy of standard input (inside OUTDIR), and the output name it gets
STDIN_SPOOL_DIR = ".mtreview-stdin"
STDIN_NAME = "stdin.txt"


def spool_stdin(outdir: Path) -> Path:
    """Copy standard input (plain text) to ``OUTDIR/.mtreview-stdin/stdin.txt`` and return that path.

    The copy is streamed (any size) and replaces an earlier one only when the bytes differ, so that
    ``--resume`` with the same input continues the interrupted run."""
    import filecmp
    import shutil
    import tempfile

    from ..textio import stdin_binary

    stream = stdin_binary()  # a closed standard input is one line, before anything is made
    spool = outdir / STDIN_SPOOL_DIR
    spool.mkdir(parents=True, exist_ok=True)
    target = spool / STDIN_NAME
    fd, tmp = tempfile.mkstemp(dir=spool, prefix=".stdin-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            shutil.copyfileobj(stream, f, 1 << 20)
        if target.is_file() and filecmp.cmp(tmp, target, shallow=False):
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


def relative_paths(paths: list[str], inputs: list[str]) -> list[str]:
    """Output paths: relative to the current folder when every input lies inside it; else relative to
    the deepest folder that holds every INPUT as given (a folder INPUT keeps its own name). The copy
    of standard input (:func:`spool_stdin`) is written as ``stdin.txt``."""
    if len(paths) == 1 and Path(paths[0]).parent.name == STDIN_SPOOL_DIR:
        return [STDIN_NAME]
    cwd = Path.cwd().resolve()
    resolved = [Path(p).resolve() for p in paths]
    if all(cwd in r.parents for r in resolved):
        return [r.relative_to(cwd).as_posix() for r in resolved]
    base = Path(os.path.commonpath([str(Path(i).resolve().parent) for i in inputs]))
    return [r.relative_to(base).as_posix() for r in resolved]


def plan_file(pf: PlannedFile, chunk_bytes: int, detect_encoding: bool) -> None:
    """Fill in size, mtime, sha256, encoding and chunks of ``pf`` (or its ``error``)."""
    from ..formats.rewrite_po import detect_po_encoding
    from ..formats.rewrite_xml import detect_xml_encoding
    from ..textio import almost_utf8_message, bom_of, guess_legacy_encoding, looks_binary, scan_utf8

    try:
        st = os.stat(pf.path)
        pf.size, pf.mtime_ns = st.st_size, st.st_mtime_ns
        h = hashlib.sha256()
        line_format = pf.format in LINE_FORMATS
        with open(pf.path, "rb") as f:
            head = f.read(_HEAD)
            bom_bytes, bom_enc = bom_of(head)
            bom = len(bom_bytes) if bom_enc == "utf-8" else 0
            wide = bom_enc.startswith(("utf-16", "utf-32"))  # UTF-32 marks are checked before UTF-16's
            if wide and line_format:
                kind = bom_enc[:6].upper()
                raise InputError(f"{kind} text is not supported by normalise; convert it to UTF-8 "
                                 f"(`iconv -f {kind} -t UTF-8`)")
            if looks_binary(head) and not wide:
                raise InputError("this looks like a binary file, not text")
            if pf.format in ("xliff", "tmx", "xml"):
                pf.encoding = detect_xml_encoding(head)
            elif pf.format == "po":
                pf.encoding = detect_po_encoding(head)
            f.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")() if line_format else None
            chunk_start, chunk_line = bom, 1
            pos = 0
            newlines = 0
            bad_at = -1
            while True:
                block = f.read(_BLOCK)
                if not block:
                    break
                h.update(block)
                bstart = pos
                pos += len(block)
                if decoder is not None and bad_at < 0:
                    try:
                        decoder.decode(block)
                    except UnicodeDecodeError as e:
                        bad_at = bstart + e.start
                while line_format and chunk_start + chunk_bytes < pos:
                    nl = block.find(b"\n", max(chunk_start + chunk_bytes, bstart) - bstart)
                    if nl < 0:
                        break
                    end = bstart + nl + 1
                    pf.chunks.append((chunk_start, end, chunk_line))
                    chunk_line = 1 + newlines + block.count(b"\n", 0, nl + 1)
                    chunk_start = end
                newlines += block.count(b"\n")
            if decoder is not None and bad_at < 0:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    bad_at = pos
            if chunk_start < pos:
                pf.chunks.append((chunk_start, pos, chunk_line))
        pf.sha256 = h.hexdigest()
        if pos == 0 and pf.format in ("xliff", "tmx", "xml"):
            # an empty text file is an empty corpus; an empty .xlf/.tmx is not XML at all
            raise InputError(f"empty file: no XML, so not {pf.format.upper() if pf.format != 'xml' else 'XLIFF or TMX'}")
        if line_format and bad_at >= 0:
            # damaged UTF-8 (a truncated file, a stray byte) is refused even with --detect-encoding:
            # read as a legacy charset, its accents would be rewritten as mojibake
            with open(pf.path, "rb") as f:
                check = scan_utf8(iter(lambda: f.read(_BLOCK), b""))
            if check.almost:
                raise InputError(almost_utf8_message("", check))
            if bom:
                raise InputError(f"starts with a UTF-8 byte-order mark but is not valid UTF-8 at byte {bad_at}")
            guess = guess_legacy_encoding(head)
            if not detect_encoding or not guess:
                hint = f" (it looks like {guess})" if guess else ""
                extra = "; or pass --detect-encoding to rewrite it in its own encoding" if guess else ""
                raise InputError(f"not valid UTF-8 at byte {bad_at}{hint}; convert it with "
                                 f"`iconv -f ENCODING -t UTF-8`{extra}")
            _check_decodes(pf.path, guess)
            pf.encoding, pf.encoding_detected = guess, True
    except InputError as e:
        pf.error, pf.chunks = str(e), []
    except OSError as e:
        pf.error, pf.chunks = f"cannot be read ({e.strerror or e})", []


def _check_decodes(path: str, encoding: str) -> None:
    dec = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as f:
            while block := f.read(_BLOCK):
                dec.decode(block)
            dec.decode(b"", final=True)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"not valid UTF-8, and not valid {encoding} either") from None


def make_plan(inputs: list[str], outdir: Path, fingerprint: str, chunk_bytes: int = DEFAULT_CHUNK_BYTES,
              detect_encoding: bool = False) -> Plan:
    """Discover and plan every input; group chunks into tasks of about ``chunk_bytes``."""
    found = discover(inputs, outdir)
    if not found:
        raise UsageError("no input files (folders are searched for " + ", ".join(sorted(SUPPORTED_EXTENSIONS)) + ")")
    rels = relative_paths([p for p, _ in found], inputs)
    outdir = outdir.resolve()
    files: list[PlannedFile] = []
    for i, ((path, err), rel) in enumerate(zip(found, rels, strict=True)):
        if (outdir / rel).resolve() == Path(path).resolve():
            raise UsageError(f"{path}: the output would overwrite this input; choose another OUTDIR")
        pf = PlannedFile(i, path, rel, format_of(path), error=err)
        if err is None:
            plan_file(pf, chunk_bytes, detect_encoding)
        files.append(pf)
    tasks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    size = 0
    for pf in files:
        for c, (a, b, _) in enumerate(pf.chunks):
            current.append((pf.index, c))
            size += b - a
            if size >= chunk_bytes:
                tasks.append(current)
                current, size = [], 0
    if current:
        tasks.append(current)
    return Plan(fingerprint, list(inputs), files, tasks)


def unchanged(pf: PlannedFile) -> bool:
    """Is the file still the one planned (size and mtime, else its sha256)?"""
    try:
        st = os.stat(pf.path)
    except OSError:
        return False
    if st.st_size == pf.size and st.st_mtime_ns == pf.mtime_ns:
        return True
    if st.st_size != pf.size:
        return False
    h = hashlib.sha256()
    with open(pf.path, "rb") as f:
        while block := f.read(_BLOCK):
            h.update(block)
    return h.hexdigest() == pf.sha256
