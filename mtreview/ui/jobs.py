"""Reviews as background jobs: a review runs in a worker thread, page by page, and can be cancelled.

:class:`ReviewJob` reviews one text with :meth:`mtreview.ui.engine.ReviewEngine.review_pages` in a
thread of :class:`JobRunner`'s pool: every page of flags goes into the job's
:class:`~mtreview.ui.grid.ReviewIndex` as it comes, so the page can show the first segments while the
rest is reviewed, and :meth:`ReviewJob.progress` says how far it is. :meth:`ReviewJob.cancel` stops the
review at the next chunk (the engine asks between chunks): the part reviewed is kept.

The review is saved in the store (:meth:`mtreview.store.ReviewStore.save_review`, one review per
document) when the job starts, whenever a decision is about to be taken on a flag not saved yet, every
:data:`CHECKPOINT_SECONDS`, and when it ends. While it runs, the saved review keeps the document's
previous flags (if it had a review) beyond the part reviewed, so no decision is lost; new flags get ids
after the previous review's, so the two never mix. A review that is stopped (cancelled, or the server
went down) keeps ``reviewed_to`` in its settings: the offset up to which its text was reviewed.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..document import count_words
from ..flags import Flag
from ..store import ReviewStore, SaveResult
from .grid import ReviewIndex
from .messages import user_message

log = logging.getLogger("mtreview.ui")

#: a running review is saved at least this often (seconds)
CHECKPOINT_SECONDS = 20.0
#: reviews that run at the same time (their chunks take turns on the one reviewer)
MAX_JOBS = 4
RUNNING, DONE, CANCELLED, FAILED = "running", "done", "cancelled", "failed"


@dataclass
class JobProgress:
    """How far a review is: ``state`` (running, done, cancelled, failed), characters reviewed of the
    total, flags found, seconds, and the error of a failed one."""

    review_id: str
    state: str
    done_chars: int
    total_chars: int
    flags: int
    seconds: float
    error: str = ""

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    @property
    def fraction(self) -> float:
        return 1.0 if not self.total_chars else min(1.0, self.done_chars / self.total_chars)


def _number(flag_id: str) -> int:
    m = re.fullmatch(r"f(\d+)", flag_id or "")
    return int(m[1]) if m else 0


def _one_page(engine: Any, text: str, source: str | None) -> Iterator[Any]:
    """The pages of an engine without ``review_pages`` (a stand-in): one, the whole review."""
    from .engine import ReviewPage

    result = engine.review(text, source)
    yield ReviewPage(0, len(text), list(result.flags), final=True)


class ReviewJob:
    """One review running in the background (see the module's docstring)."""

    def __init__(self, store: ReviewStore, engine: Any, *, title: str, text: str, source: str | None,
                 units: list[str], input_name: str, settings: dict[str, Any]) -> None:
        self.store = store
        self.engine = engine
        self.title, self.text, self.source, self.units = title, text, source, list(units)
        self.input_name = input_name
        self.settings = dict(settings)
        self.words = count_words(text)
        self.detectors = self._detectors()
        self.index = ReviewIndex(text, source, units, reviewed_to=0)
        self.lock = threading.RLock()
        self._save_lock = threading.Lock()
        self._cancel = threading.Event()
        self.finished = threading.Event()
        self.state = RUNNING
        self.error = ""
        self.started = time.monotonic()
        self.seconds = 0.0
        self.version = 0
        self.reported = False  # whether the page was told how it ended
        self.first_save: SaveResult | None = None
        self.last_save: SaveResult | None = None
        self._saved_ids: set[str] = set()
        self._saved_at = 0.0
        # the document's review before this one: its flags stay beyond the part reviewed
        previous = store.find_document(text, source)
        self.old_flags: list[Flag] = store.get_review(previous).flags if previous else []
        self._base = max((_number(f.id) for f in self.old_flags), default=0)
        self._count = 0
        self.review_id = self.save()

    def _detectors(self) -> list[str]:
        names = getattr(self.engine, "detectors", None)
        if names:
            return list(names)
        try:
            from ..detectors import DEFAULT_ON

            return list(DEFAULT_ON)
        except ImportError:  # pragma: no cover
            return []

    # ------------------------------------------------------------------------------ running
    def run(self) -> None:
        """Review the text page by page (in the pool's thread), then save the review."""
        review_pages: Callable[..., Iterator[Any]] | None = getattr(self.engine, "review_pages", None)
        try:
            pages = (review_pages(self.text, self.source, cancelled=self._cancel.is_set) if review_pages
                     else _one_page(self.engine, self.text, self.source))
            for n, page in enumerate(pages):
                flags = sorted(page.flags, key=lambda f: (f.start, f.end))
                with self.lock:
                    if not (n == 0 and page.final):  # a review in pages: ids after the previous review's
                        for f in flags:
                            self._count += 1
                            f.id = f"f{self._base + self._count}"
                    self.index.add(flags)
                    self.index.reviewed_to = max(self.index.reviewed_to, page.end)
                    self.version += 1
                if time.monotonic() - self._saved_at > CHECKPOINT_SECONDS:
                    self.save()
            with self.lock:
                self.state = CANCELLED if self._cancel.is_set() and self.index.reviewed_to < len(self.text) else DONE
                if self.state == DONE:
                    self.index.reviewed_to = len(self.text)
        except Exception as e:  # noqa: BLE001 - reported in the page; the part reviewed is kept
            log.exception("review %s failed", getattr(self, "review_id", "?"))
            with self.lock:
                self.state, self.error = FAILED, user_message(e)
        finally:
            self.seconds = time.monotonic() - self.started
            try:
                self.save()
            except Exception as e:  # noqa: BLE001
                log.exception("saving review %s failed", getattr(self, "review_id", "?"))
                with self.lock:
                    self.state, self.error = FAILED, self.error or user_message(e)
            with self.lock:
                self.version += 1
            self.finished.set()

    def cancel(self) -> None:
        """Stop at the next chunk; the part reviewed is kept."""
        self._cancel.set()

    @property
    def running(self) -> bool:
        return self.state == RUNNING

    def progress(self) -> JobProgress:
        with self.lock:
            return JobProgress(getattr(self, "review_id", ""), self.state, self.index.reviewed_to, len(self.text),
                               len(self.index.flags),
                               self.seconds if not self.running else time.monotonic() - self.started, self.error)

    # ------------------------------------------------------------------------------- saving
    def save(self) -> str:
        """Save the review as it is now (see the module's docstring); returns its id."""
        with self._save_lock:
            with self.lock:
                flags = list(self.index.flags)
                reviewed_to = self.index.reviewed_to
                complete = self.state == DONE
            settings = dict(self.settings)
            review_id = getattr(self, "review_id", None)
            if review_id:
                try:
                    settings = dict(self.store.review_meta(review_id)["settings"])
                except KeyError:  # deleted while it was being reviewed: stop, save nothing more
                    self._cancel.set()
                    return review_id
            settings.pop("reviewed_to", None)
            tail = []
            if not complete:
                settings["reviewed_to"] = reviewed_to
                tail = [f for f in self.old_flags if f.start >= reviewed_to]
            result = self.store.save_review(
                title=self.title, text=self.text, flags=flags + tail, source=self.source,
                input_name=self.input_name, units=self.units, words=self.words, detectors=self.detectors,
                settings=settings)
            self._saved_ids = {f.id for f in flags}
            self._saved_at = time.monotonic()
            self.last_save = result
            if self.first_save is None:
                self.first_save = result
            return result.id

    def ensure_saved(self, flag_ids: Iterable[str]) -> None:
        """Save now if a decision is about to be taken on a flag the saved review does not hold yet."""
        if self.running and any(fid not in self._saved_ids for fid in flag_ids):
            self.save()


class JobRunner:
    """The review jobs of one app: a thread pool (:data:`MAX_JOBS` at a time) and the jobs by review id."""

    def __init__(self, max_workers: int = MAX_JOBS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="mtreview-review")
        self._jobs: dict[str, ReviewJob] = {}
        self._lock = threading.Lock()
        # when the server stops, running reviews stop at their next chunk (their part reviewed is saved)
        # instead of keeping the process alive until they end: this runs before the pool's threads are joined
        register = getattr(threading, "_register_atexit", None)
        if register is not None:
            register(self.cancel_all)

    def start(self, job: ReviewJob) -> ReviewJob:
        with self._lock:
            self._jobs[job.review_id] = job
            done = [k for k, j in self._jobs.items() if not j.running and k != job.review_id]
            for k in done[:-16]:  # keep the last finished ones (their final message), forget older ones
                del self._jobs[k]
        self._pool.submit(job.run)
        return job

    def get(self, review_id: str | None) -> ReviewJob | None:
        with self._lock:
            return self._jobs.get(review_id or "")

    def running(self, review_id: str | None) -> ReviewJob | None:
        job = self.get(review_id)
        return job if job is not None and job.running else None

    def cancel_all(self) -> None:
        """Stop every running review at its next chunk."""
        with self._lock:
            jobs = list(self._jobs.values())
        for j in jobs:
            j.cancel()

    def shutdown(self) -> None:
        self.cancel_all()
        self._pool.shutdown(wait=False, cancel_futures=True)


__all__ = ["CANCELLED", "CHECKPOINT_SECONDS", "DONE", "FAILED", "JobProgress", "JobRunner", "MAX_JOBS", "RUNNING",
           "ReviewJob"]
