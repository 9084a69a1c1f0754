"""Reading what the user gives the Review tab: a pasted text or an uploaded file, its source, size limits.

:func:`read_review_request` returns a :class:`ReviewRequest` or raises
:class:`~mtreview.errors.InputError` with a message for the user (too large, unknown format, binary,
nothing to review, an empty file — refused as ``mtreview check`` refuses it). Files are read by
:func:`mtreview.inputs.load_review_input`; a message names the file, never the server's path to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .messages import user_message

#: default limit for an uploaded or pasted text (bytes); ``--max-upload-mb`` changes it
DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: upload formats of the Review tab
REVIEW_FILE_TYPES = [".txt", ".tsv", ".jsonl", ".xlf", ".xliff"]


@dataclass
class ReviewRequest:
    """What to review: the text, its source, unit ids of a bilingual file, the file name and a title."""

    text: str
    source: str | None
    units: list[str]
    input_name: str
    title: str


def file_path(value: Any) -> str | None:
    """The path of an uploaded file as Gradio gives it (a path, a file object, a one-item list)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return None
    return str(getattr(value, "path", None) or getattr(value, "name", None) or value)


def check_size(nbytes: int, what: str, limit: int) -> None:
    """Refuse an input of ``nbytes`` over ``limit`` with a message that says what to do instead."""
    if nbytes > limit:
        raise InputError(f"{what} is {nbytes / 1e6:.1f} MB, more than the limit of {limit / 1e6:.1f} MB "
                         "for the review UI; split it, or use `mtreview check` on the command line")


def read_review_request(text: str | None, source: str | None, file: Any, source_file: Any,
                        max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> ReviewRequest:
    """What to review, from the pasted text or the uploaded file (the file wins), with its source."""
    from ..inputs import load_review_input

    path = file_path(file)
    src_path = file_path(source_file)
    for p, what in ((path, "the uploaded text"), (src_path, "the uploaded source")):
        if p:
            check_size(os.path.getsize(p), f"{what} ({Path(p).name})", max_bytes)
    typed_source = source if source and source.strip() else None
    if path:
        ext = Path(path).suffix.lower()
        if ext not in REVIEW_FILE_TYPES:
            raise InputError(f"{Path(path).name}: the review UI reads {', '.join(REVIEW_FILE_TYPES)} files")
        name = Path(path).name
        try:
            item = load_review_input(path, src_path)
        except (InputError, ValueError, OSError, UnicodeError) as e:
            raise InputError(user_message(e)) from None
        if not item.text.strip():
            raise InputError(f"{name}: empty input, nothing to review")
        src = item.source if (item.source and item.source.strip()) else typed_source
        return ReviewRequest(item.text, src, list(item.units), name, name)
    if not text or not text.strip():
        raise InputError("paste a text or upload a file to review")
    check_size(len(text.encode("utf-8")), "the pasted text", max_bytes)
    if src_path:
        from ..textio import read_text

        try:
            typed_source = read_text(src_path).text
        except (InputError, ValueError, OSError, UnicodeError) as e:
            raise InputError(user_message(e)) from None
    if typed_source is not None:
        check_size(len(typed_source.encode("utf-8")), "the source text", max_bytes)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "pasted text")
    title = first if len(first) <= 70 else first[:69] + "…"
    return ReviewRequest(text, typed_source, [], "", title)


__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "REVIEW_FILE_TYPES", "ReviewRequest", "check_size", "file_path",
           "read_review_request"]
