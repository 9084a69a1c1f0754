"""Reading user text safely and writing outputs atomically.

Input: bytes are decoded as UTF-8 (a BOM is removed); other encodings are detected with
charset-normalizer when the guess is confident, and refused with a clear message otherwise; binary
files (NUL bytes, many control characters) are refused. Newlines are preserved as read.
Output: every file is written to a temporary file in the target folder and renamed over the target,
so a reader never sees half a file and an interrupted run leaves no truncated output. Inputs are
never written.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

#: Refuse files larger than this unless the caller streams them (bytes).
MAX_TEXT_BYTES = 1 << 30


@dataclass
class DecodedText:
    text: str
    encoding: str
    detected: bool  # True when the encoding was guessed rather than UTF-8


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text: NUL bytes, or many C0 control characters."""
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        # UTF-16 text has NULs too; it is handled by the BOM check before this is called.
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl / len(sample) > 0.02


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """Decode user bytes to text, or raise :class:`InputError` with a message that says why not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16", True)
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({e})") from None
    if looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not text; mtreview reads UTF-8 text "
                         "(or TSV, JSONL, XLIFF, TMX, PO by extension)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency of the package
        best = None
    else:
        best = from_bytes(data[: 1 << 20]).best()
    if best is not None and best.encoding and best.chaos < 0.2:
        enc = best.encoding
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            return DecodedText(text, enc, True)
    raise InputError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 4]!r}) "
        "and no other encoding could be detected with confidence; convert it with "
        "`iconv -f ENCODING -t UTF-8`"
    )


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_TEXT_BYTES) -> bytes:
    """Read a file (``-`` is standard input) with clear errors for missing files, folders and huge files."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        name = str(p)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a folder, not a file")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(f"{p}: {size} bytes is more than the limit of {max_bytes} bytes for this command")
            data = p.read_bytes()
        except PermissionError:
            raise InputError(f"{p}: permission denied") from None
        except OSError as e:
            raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: more than the limit of {max_bytes} bytes for this command")
    return data


def read_text(path: str | os.PathLike[str], max_bytes: int = MAX_TEXT_BYTES) -> DecodedText:
    """Read and decode a text file (``-`` for standard input), newlines preserved."""
    name = "<stdin>" if str(path) == "-" else str(path)
    return decode_bytes(read_bytes(path, max_bytes), name)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                  newline: str | None = "") -> Iterator:
    """Open a temporary file beside ``path``; on success rename it over ``path``; on error remove it."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if "b" in mode:
            f = os.fdopen(fd, mode)
        else:
            f = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, newlines untouched) atomically; ``-`` writes to standard output."""
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with atomic_writer(path) as f:
        f.write(text)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path, "wb", encoding=None, newline=None) as f:
        f.write(data)
