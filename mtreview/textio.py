"""Reading user text safely and writing outputs atomically.

Input, in this order (:func:`decode_bytes`):

* a UTF-32 or UTF-16 byte-order mark (the UTF-32 marks are checked first: ``FF FE 00 00`` also
  starts with the UTF-16 mark) decodes the rest in that encoding, strictly;
* UTF-8, with or without its BOM (the BOM is remembered, so that a command that rewrites the file
  keeps it: :func:`encode_like`);
* text that is *almost* UTF-8 (valid multi-byte UTF-8 with a few bad bytes, or a final character cut
  short) is refused with the position of the first bad byte: it is a damaged UTF-8 file, and reading
  it as a legacy charset would turn every accent into mojibake («FÃĐdÃĐration»);
* otherwise a legacy charset, only when charset-normalizer's guess is confident (ties going to an
  encoding that reads the text as French), and the guess is reported on standard error;
* anything else, and binary files (NUL bytes, many control characters), are refused with a clear
  message. Newlines are preserved as read.

Output: every file is written to a temporary file in the target folder and renamed over the target
(:func:`atomic_writer`), so a reader never sees half a file and an interrupted run leaves no truncated
output; the target is first checked by :func:`mtreview.outputs.check_target` (never a device, pipe
or folder), a new file gets the permissions ``0o666 & ~umask`` (an existing one keeps its own), and
failures are one-line :class:`~mtreview.outputs.OutputError`. Commands check that no output is one of
their inputs with :class:`mtreview.outputs.OutputGuard`.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError
from .outputs import OutputError, check_target, new_file_mode

#: Refuse files larger than this unless the caller streams them (bytes).
MAX_TEXT_BYTES = 1 << 30

#: byte-order marks, UTF-32 before UTF-16 (``FF FE 00 00`` starts with ``FF FE``)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Western European encodings, preferred when the detector finds them as likely as another (French text)
WESTERN = ("cp1252", "latin_1", "iso8859_15")


@dataclass
class DecodedText:
    text: str
    encoding: str
    detected: bool  # True when the encoding was guessed (a legacy charset), not read from a BOM or UTF-8
    bom: bytes = b""  # the byte-order mark the bytes started with (kept when the file is rewritten)


def bom_of(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark ``data`` starts with and its encoding; ``(b"", "")`` when none."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return bom, enc
    return b"", ""


def encode_like(text: str, decoded: DecodedText) -> bytes:
    """``text`` encoded as the input was: its BOM and encoding for UTF-8/16/32, UTF-8 otherwise
    (a guessed legacy charset is not written back: UTF-8 can hold every character)."""
    if decoded.encoding.startswith(("utf-16", "utf-32")) or decoded.bom:
        return decoded.bom + text.encode(decoded.encoding)
    return text.encode("utf-8")


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


@dataclass
class Utf8Check:
    """How far some bytes are from UTF-8 (see :func:`scan_utf8`)."""

    first_bad: int = -1  # offset of the first byte that is not UTF-8; -1 when all are
    bad_bytes: int = 0  # bytes that are not part of a valid UTF-8 character
    multibyte: int = 0  # valid multi-byte UTF-8 characters
    truncated: bool = False  # the bytes end inside a multi-byte character
    tail_bytes: int = 0  # bytes of that cut character

    @property
    def valid(self) -> bool:
        return self.first_bad < 0

    @property
    def almost(self) -> bool:
        """Damaged UTF-8 rather than another encoding: the valid multi-byte characters are at least as
        many as the bad bytes (an isolated bad byte in French UTF-8), or the only fault is the last
        character cut short (a truncated file). Legacy French text has no valid multi-byte UTF-8."""
        if self.valid:
            return False
        return self.multibyte >= self.bad_bytes or (self.truncated and self.bad_bytes == self.tail_bytes)


_ESCAPED = re.compile("[\udc80-\udcff]")


def scan_utf8(blocks: Iterable[bytes]) -> Utf8Check:
    """Check bytes (given in blocks, so a file need not fit in memory) against UTF-8."""
    dec = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    out = Utf8Check()
    fed = emitted = 0
    pending = b""

    def take(text: str) -> None:
        nonlocal emitted
        if not text.isascii():
            escaped = len(_ESCAPED.findall(text))
            nonascii = len(text) - len(text.encode("ascii", "ignore"))
            if escaped and out.first_bad < 0:
                i = _ESCAPED.search(text).start()  # type: ignore[union-attr]
                out.first_bad = emitted + len(text[:i].encode("utf-8", "surrogateescape"))
            out.bad_bytes += escaped
            out.multibyte += nonascii - escaped
        emitted = fed - len(dec.getstate()[0])

    for block in blocks:
        fed += len(block)
        take(dec.decode(block))
    pending = dec.getstate()[0]
    if pending:
        out.truncated, out.tail_bytes = True, len(pending)
    take(dec.decode(b"", final=True))
    return out


def guess_legacy_encoding(sample: bytes) -> str:
    """The likeliest legacy encoding of non-UTF-8 text: charset-normalizer's guess among those with
    little chaos, ties going to an encoding that reads the sample as French (a Latin-1 French file is
    not Baltic cp775 or Croatian cp1250); '' when no guess is confident."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency of the package
        return ""
    matches = [m for m in from_bytes(sample[: 1 << 20]) if m.encoding and m.chaos < 0.2]
    matches = [m for m in matches if not m.encoding.startswith(("utf", "ascii"))]
    if not matches:
        return ""
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best + 0.01]
    french = [m for m in tied if m.language == "French" or m.encoding in WESTERN]
    western = [m for m in french if m.encoding in WESTERN]
    return (western or french or tied)[0].encoding


def almost_utf8_message(name: str, check: Utf8Check, data_head: bytes = b"", offset: int = 0) -> str:
    """One line: where damaged UTF-8 is damaged, and why it is not read as another encoding
    (``name`` '' leaves the file name out)."""
    pos = check.first_bad + offset
    what = ("ends in the middle of a UTF-8 character (a truncated file?)"
            if check.truncated and check.bad_bytes == check.tail_bytes
            else "the rest is UTF-8 (a damaged file?)")
    shown = f" {data_head!r}" if data_head else ""
    prefix = f"{name}: " if name else ""
    return (f"{prefix}not valid UTF-8 at byte {pos}{shown}; {what}, so it is not read as another encoding; "
            "repair or re-export the file")


def _note(message: str) -> None:
    print(f"mtreview: {message}", file=sys.stderr)


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """Decode user bytes to text, or raise :class:`InputError` with a message that says why not.

    A guessed legacy charset is reported on standard error (``NAME: not UTF-8; read as ENC``)."""
    bom, enc = bom_of(data)
    if bom and enc != "utf-8":
        body = data[len(bom):]
        try:
            return DecodedText(body.decode(enc), enc, False, bom)
        except UnicodeDecodeError as e:
            kind = enc.upper().replace("-LE", "").replace("-BE", "")
            raise InputError(f"{name}: starts with a {kind} byte-order mark but is not valid {kind} "
                             f"(byte {e.start + len(bom)})") from None
    body = data[len(bom):]
    if looks_binary(body):
        raise InputError(f"{name}: this looks like a binary file, not text; mtreview reads UTF-8 text "
                         "(or TSV, JSONL, XLIFF, TMX, PO by extension)")
    try:
        return DecodedText(body.decode("utf-8"), "utf-8", False, bom)
    except UnicodeDecodeError as err:
        utf8_error = err
    check = scan_utf8([body])
    at = utf8_error.start
    if check.almost:
        raise InputError(almost_utf8_message(name, check, body[at:at + 4], len(bom)))
    if bom:
        raise InputError(f"{name}: starts with a UTF-8 byte-order mark but is not valid UTF-8 at byte "
                         f"{at + len(bom)} {body[at:at + 4]!r}; repair or re-export the file")
    enc = guess_legacy_encoding(body)
    if enc:
        try:
            text = body.decode(enc)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            _note(f"{name}: not UTF-8; read as {enc} (detected)")
            return DecodedText(text, enc, True)
    raise InputError(
        f"{name}: not valid UTF-8 (byte {at}: {body[at:at + 4]!r}) "
        "and no other encoding could be detected with confidence; convert it with "
        "`iconv -f ENCODING -t UTF-8`"
    )


def stdin_binary() -> BinaryIO:
    """Standard input as bytes; a closed standard input (``cmd <&-``: Python then has no
    ``sys.stdin``) is a one-line :class:`InputError` instead of an ``AttributeError``."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("<stdin>: standard input is closed; give a file name instead of '-', "
                         "or pipe the text in")
    return stream


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_TEXT_BYTES) -> bytes:
    """Read a file (``-`` is standard input) with clear errors for missing files, folders and huge files."""
    if str(path) == "-":
        stream = stdin_binary()
        try:
            data = stream.read(max_bytes + 1)
        except OSError as e:
            raise InputError(f"<stdin>: standard input cannot be read ({e.strerror or e})") from None
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


def _write_failed(target: str | os.PathLike[str], e: OSError) -> OutputError:
    return OutputError(f"{target}: cannot be written ({e.strerror or e})")


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                  newline: str | None = "") -> Iterator:
    """Open a temporary file beside ``path``; on success rename it over ``path``; on error remove it.

    ``path`` must be (or become) a regular file: a folder, device, pipe or socket is refused
    (:func:`mtreview.outputs.check_target`); a symbolic link to a regular file is written through.
    A new file gets the permissions ``0o666 & ~umask``, a replaced one keeps its own. Failing to
    create, flush or rename the file raises :class:`~mtreview.outputs.OutputError` (one line)."""
    target = Path(check_target(path, "the output"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise _write_failed(path, e) from None
    try:
        try:
            os.fchmod(fd, new_file_mode(target))
        except OSError:  # pragma: no cover - a file system without permissions
            pass
        if "b" in mode:
            f = os.fdopen(fd, mode)
        else:
            f = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with f:
            yield f
            try:
                f.flush()
                os.fsync(f.fileno())
            except OSError as e:
                raise _write_failed(path, e) from None
        try:
            os.replace(tmp, target)
        except OSError as e:
            raise _write_failed(path, e) from None
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
    """Write ``data`` atomically; ``-`` writes to standard output."""
    if str(path) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with atomic_writer(path, "wb", encoding=None, newline=None) as f:
        f.write(data)
