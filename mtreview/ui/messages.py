"""The words the UI shows: counts with their plural, and error messages fit for the user.

:func:`plural` writes «1 flag», «2 flags». :func:`hide_paths` replaces every file path in a message with
the file's name (the server's upload folder, ``/tmp/gradio/…/binary.txt``, says nothing to the user and
tells a stranger how the server is laid out); :func:`user_message` turns an exception into what the
status line shows: what is wrong with the input, without the path and without Python's exception name.
Pure functions; no Gradio.
"""

from __future__ import annotations

import re
from typing import Any

#: nouns whose plural is not the noun + «s»
_IRREGULAR = {"entry": "entries", "category": "categories", "this": "these", "was": "were"}

#: an absolute file path (``/tmp/x/y.txt``, ``C:\\x\\y.txt``) or one in the home folder (``~/x``); its
#: last part is kept. Not «name/translated» nor «1/3» (no separator after a word character or a digit).
_PATH = re.compile(r"""(?:(?<![\w/\\.~:])(?:[A-Za-z]:)?|(?<![\w/\\.~])~)[/\\](?=[^\s/\\])
                       (?:[^\s/\\:'"«»,;()<>|]*[/\\])*
                       ([^\s/\\:'"«»,;()<>|]*)""", re.VERBOSE)


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """``n`` and the noun, in the plural unless ``n`` is 1: «1 flag», «0 flags», «2 entries»."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {plural_form or _IRREGULAR.get(noun) or noun + 's'}"


def hide_paths(message: str) -> str:
    """``message`` with every file path replaced by the file's name («/tmp/gradio/ab12/x.txt: …» →
    «x.txt: …»); a path to a folder becomes «the file»."""
    def name(m: re.Match[str]) -> str:
        return m.group(1) or "the file"

    return _PATH.sub(name, message)


def user_message(error: BaseException) -> str:
    """What to tell the user about ``error``: its message without paths and without the exception's
    class name (a ``KeyError``'s quotes are dropped too)."""
    args: Any = getattr(error, "args", ())
    if isinstance(error, KeyError) and len(args) == 1:
        text = str(args[0])
    elif isinstance(error, OSError) and getattr(error, "strerror", None):
        where = getattr(error, "filename", None)
        text = f"{where}: {error.strerror.lower()}" if where else str(error.strerror)
    else:
        text = str(error)
    text = hide_paths(text.strip())
    return text or "something went wrong with this input"


__all__ = ["hide_paths", "plural", "user_message"]
