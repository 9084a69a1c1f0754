"""The review engine behind the UI: one :class:`~mtreview.review.Reviewer`, kept in step with the user glossary.

The UI never detects anything itself: every flag comes from the reviewer held here. It is rebuilt when the
glossary in the store changes (the glossary is exported beside the database as ``<db>.glossary.csv``, the
file the reviewer and batch runs read) and reviews run one at a time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError, MtreviewError
from ..store import ReviewStore

if TYPE_CHECKING:  # pragma: no cover
    from ..review import Reviewer, ReviewResult

log = logging.getLogger("mtreview.ui")


class ReviewEngine:
    """The review engine behind the UI: one :class:`~mtreview.review.Reviewer`, rebuilt when the user
    glossary changes (exported beside the database as ``<db>.glossary.csv``); reviews run one at a time."""

    def __init__(self, store: ReviewStore, detectors: Sequence[str] | None = None) -> None:
        self.store = store
        self.detectors = list(detectors) if detectors is not None else None
        self.glossary_path = store.path.with_name(store.path.stem + ".glossary.csv")
        self._lock = threading.Lock()
        self._key: str | None = None
        self._reviewer: Reviewer | None = None
        self.glossary_note = ""

    def reviewer(self) -> Reviewer:
        """The reviewer for the current glossary (built on first use and after glossary changes)."""
        from ..review import Reviewer

        csv_text = self.store.glossary_csv()
        has_entries = csv_text.count("\n") > 1
        key = csv_text if has_entries else ""
        with self._lock:
            if self._reviewer is None or key != self._key:
                glossary = None
                self.glossary_note = ""
                if has_entries:
                    self.store.export_glossary_csv(self.glossary_path)
                    try:
                        from ..knowledge.glossary import load_glossaries
                    except ImportError:  # the glossary module is optional for the UI
                        self.glossary_note = "user glossary not used: mtreview.knowledge.glossary is missing"
                    else:
                        glossary = load_glossaries([self.glossary_path])
                try:
                    self._reviewer = Reviewer(self.detectors, glossary=glossary)
                except KeyError as e:
                    raise InputError(str(e.args[0])) from None
                self._key = key
            return self._reviewer

    def review(self, text: str, source: str | None = None) -> ReviewResult:
        """Review ``text`` (with its ``source``, if any) with the current reviewer, one review at a time."""
        reviewer = self.reviewer()
        with self._lock:
            return reviewer.review(text, source)

    def warm_up(self) -> float:
        """Load the models and indexes once (a short review); returns the seconds it took."""
        t0 = time.perf_counter()
        sample = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin.\n"
        try:  # detectors parse lazily; load the shared spaCy pipeline now so no click waits for it
            from ..nlp import get_nlp

            get_nlp()(sample)
        except MtreviewError:
            pass  # reported by the review itself
        self.review(sample)
        return time.perf_counter() - t0

    def refresh_in_background(self) -> None:
        """Rebuild the reviewer for a changed glossary without making the next click wait for it."""
        threading.Thread(target=self._safe_refresh, name="mtreview-glossary-refresh", daemon=True).start()

    def _safe_refresh(self) -> None:
        try:
            self.reviewer()
        except Exception:  # noqa: BLE001 - logged; the next review reports it to the user
            log.exception("rebuilding the reviewer failed")


__all__ = ["ReviewEngine"]
