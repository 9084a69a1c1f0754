"""The review UI's behaviour without Gradio: every button is a method that returns a plain view model.

:class:`ReviewController` holds the store (reviews, decisions, the user glossary) and the review engine.
Each method does what one control of the page does — review a text or a file, filter, open a saved
review, rename or delete a saved review, select, accept, reject, edit or undo a flag, accept in bulk,
export, add names to the glossary, score, normalise — and returns a dataclass of plain values (strings, lists, paths) that
:mod:`mtreview.ui.wiring` copies into the components. A user error raises
:class:`~mtreview.errors.InputError` with the message to show; the wiring puts it in the status line.

Nothing here imports Gradio, so the handlers are tested by calling these methods (tests/test_ui_controller.py).
The UI keeps no state of its own between calls: the review id, the filters, the page and the selected
flag come from the page with every call, and everything else is read from the store.

A review runs as a background job (:mod:`mtreview.ui.jobs`): :meth:`ReviewController.start_review`
returns as soon as the first page is ready (or after ``wait`` seconds), :meth:`ReviewController.poll`
says how far it is, :meth:`ReviewController.cancel` stops it; :meth:`ReviewController.review` waits for
the end. A view holds one page of the segment grid (:mod:`mtreview.ui.grid`) — the highlighted text, the
grid, the side by side and the flags table of at most :data:`~mtreview.ui.grid.PAGE_SEGMENTS` segments —
while its counts, bulk choices and corrected text cover the whole review. A review's segments and flags
are indexed once and kept (the last few reviews), so a decision on a long review costs its page.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, MtreviewError
from ..flags import CATEGORIES, Flag
from ..store import PENDING, Decision, ReviewStore, StoredReview
from .decisions import (
    DEFAULT_THRESHOLD,
    corrected_text,
    next_pending,
    review_scope,
    segment_decision_id,
    status_of,
    visible_flags,
)
from .engine import ReviewEngine
from .exports import export_review
from .glossary import glossary_candidates
from .grid import (
    PAGE_SEGMENTS,
    GridFilter,
    GridPage,
    ReviewIndex,
    grid_html,
    page_diff_html,
    page_highlight,
    page_info_html,
    page_of_row,
    paginate,
    progress_html,
    table_rows,
)
from .jobs import JobProgress, JobRunner, ReviewJob
from .messages import plural, user_message
from .tabs import run_batch, run_score, score_plots_html, score_table
from .uploads import DEFAULT_MAX_UPLOAD_BYTES, check_size, file_path, read_review_request
from .views import (
    bulk_category_choices,
    esc,
    flag_choice,
    flag_detail_html,
    status_html,
    suggestion_options,
    summary_html,
)

#: the longest correction the Edit box accepts (characters)
MAX_EDIT_CHARS = 10_000
#: reviews whose segments and flags stay indexed in memory (the most recently viewed)
INDEXED_REVIEWS = 6
#: how long :meth:`ReviewController.start_review` waits for a review to finish before it answers with
#: its first page and its progress (seconds)
START_WAIT = 1.5


# ------------------------------------------------------------------------------------ view models

@dataclass
class FlagPanel:
    """The selected flag's panel: the flag, its details, the suggestions to choose from, the Edit box."""

    flag_id: str | None
    detail_html: str
    suggestions: list[str] = field(default_factory=list)
    suggestion: str | None = None
    edit_text: str = ""

    @classmethod
    def of(cls, flag: Flag | None, decision: Decision | None, text: str = "") -> FlagPanel:
        choices, value, edit = suggestion_options(flag, decision)
        return cls(flag.id if flag else None, flag_detail_html(flag, decision, text), choices, value, edit)


@dataclass
class SegmentPanel:
    """The selected segment: its index, the text of the whole-segment Edit box (the segment as it is
    now), a line about it (number, line, its source) and whether it is edited as a whole."""

    index: int | None = None
    text: str = ""
    info_html: str = '<div class="mtr-seg-info">No segment selected.</div>'
    edited: bool = False

    @classmethod
    def of(cls, index: ReviewIndex | None, i: int | None, decisions: dict[str, Decision]) -> SegmentPanel:
        if index is None or i is None or not 0 <= i < len(index.starts):
            return cls()
        edited = segment_decision_id(index.starts[i], index.ends[i]) in decisions
        src = index.source_of(i)
        info = (f'<div class="mtr-seg-info" data-seg="{i}">Segment {i + 1} · line {index.lines[i]}'
                + (" · <b>edited as a whole</b>" if edited else "")
                + (f'<div class="mtr-seg-src"><b>Source:</b> {esc(src)}</div>' if src else "") + "</div>")
        return cls(i, index.corrected_segment(i, decisions), info, edited)


@dataclass
class ReviewView:
    """Everything the Review tab shows for one review under the current filters.

    ``segments`` is the HighlightedText value and ``segment_ids`` the flag id of each segment (None
    between flags); ``rows`` the flags table; ``flag_choices`` the flag selector's (label, id) pairs;
    ``bulk_choices`` the categories with pending flags; ``corrected`` the text with the decisions applied;
    ``counts`` the shown flags by status. ``saved`` is the list of saved reviews, (label, id) with
    their live counts («3/12 decided»), and ``saved_selected`` the one the *Saved reviews* selector
    shows (this review unless said otherwise); None leaves the selector as it is.

    The text, ``segments``, ``rows``, ``flag_choices``, ``grid_html`` and ``diff_html`` are one page
    (``page`` of ``pages``) of the segments the filters show; ``summary_html``, ``counts``,
    ``bulk_choices`` and ``corrected`` cover the whole review. ``segment`` is the selected segment
    (``segment_panel``: its whole-segment Edit box), ``job`` the progress of the review while it runs
    (or how it ended: cancelled, failed), ``has_source`` whether the grid shows a source column.
    """

    review_id: str | None
    message: str = ""
    kind: str = "ok"
    summary_html: str = ""
    segments: list[tuple[str, str | None]] = field(default_factory=list)
    segment_ids: list[str | None] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    flag_choices: list[tuple[str, str]] = field(default_factory=list)
    panel: FlagPanel = field(default_factory=lambda: FlagPanel.of(None, None))
    diff_html: str = ""
    bulk_choices: list[tuple[str, str]] = field(default_factory=list)
    corrected: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    categories: list[str] | None = None
    threshold: float = DEFAULT_THRESHOLD
    saved: list[tuple[str, str]] | None = None
    saved_selected: str | None = None
    grid_html: str = ""
    page: int = 1
    pages: int = 1
    page_info_html: str = ""
    segment: int | None = None
    segment_panel: SegmentPanel = field(default_factory=SegmentPanel)
    job: JobProgress | None = None
    has_source: bool = False
    page_rows: int = 0

    @property
    def running(self) -> bool:
        """Whether the review is still running (its pages are coming)."""
        return self.job is not None and self.job.running

    @property
    def progress_html(self) -> str:
        """The progress bar of a running review (with the view's :attr:`render_key`, which the page polls
        it with), or how it ended; empty otherwise."""
        return progress_html(self.job, self.render_key)

    @property
    def render_key(self) -> str:
        """What the page shows (review, page, the pieces of its text, whether running): while a review
        runs, the polling redraws the view when this changes, else only the progress and the counts."""
        return f"{self.review_id}|{self.page}|{self.page_rows}|{len(self.segments)}|{self.running}"

    @property
    def selected(self) -> str | None:
        """The id of the selected flag."""
        return self.panel.flag_id

    @property
    def status_html(self) -> str:
        return status_html(self.message, self.kind)

    @property
    def bulk_value(self) -> str | None:
        """The category the bulk selector shows first."""
        return self.bulk_choices[0][1] if self.bulk_choices else None

    @property
    def shown_ids(self) -> list[str]:
        """The ids of the flags shown, in order."""
        return [row[0] for row in self.rows]

    def status(self, flag_id: str) -> str | None:
        """The status of a shown flag (``accepted``, ``edited``, ``rejected``, ``pending``), or None."""
        return next((row[1] for row in self.rows if row[0] == flag_id), None)


@dataclass
class ExportResult:
    """The exported files (corrected text, log JSON, log CSV, ITS XLIFF) and the status message."""

    paths: list[Path]
    message: str
    kind: str = "ok"

    def path(self, suffix: str) -> Path:
        """The exported file whose name ends with ``suffix`` (``corrected.txt``, ``review-log.json``…)."""
        return next(p for p in self.paths if p.name.endswith(suffix))


@dataclass
class GlossaryView:
    """The Glossary tab: the entries as table rows, the (label, id) choices to remove, the CSV file."""

    rows: list[list[Any]]
    remove_choices: list[tuple[str, int]]
    csv_path: str | None
    message: str = ""
    kind: str = "ok"


@dataclass
class ScoreView:
    """The Score tab: the table (``columns``; one row per system: each metric's score, its 95% confidence
    interval and, with several systems, the significance test against the baseline), the plots (one per
    metric, each on its own axis, as HTML), the reports."""

    rows: list[dict[str, Any]]
    columns: list[str]
    metrics: list[str]
    plot_html: str
    files: list[str]
    message: str
    kind: str = "ok"


@dataclass
class BatchView:
    """The Batch tab: the files to download, the first changes as table rows, the summary, and the
    files skipped with the reason, (name, reason) each."""

    files: list[str]
    rows: list[list[Any]]
    summary: dict[str, Any]
    message: str
    kind: str = "ok"
    skipped: list[tuple[str, str]] = field(default_factory=list)


# ------------------------------------------------------------------------------------ controller

class ReviewController:
    """The review UI's actions over a :class:`~mtreview.store.ReviewStore` and a :class:`ReviewEngine`.

    ``categories`` and ``threshold`` are the page's filters (``None``: every category); ``selected`` is
    the flag the page shows. Every review and decision is saved in the store as soon as it is made.
    """

    def __init__(self, store: ReviewStore | None = None, engine: ReviewEngine | None = None, *,
                 detectors: Sequence[str] | None = None, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
                 export_dir: str | os.PathLike[str] | None = None) -> None:
        if store is None and engine is None:
            raise ValueError("a ReviewController needs a store or an engine")
        self.store: ReviewStore = store if store is not None else engine.store  # type: ignore[union-attr]
        self.engine = engine if engine is not None else ReviewEngine(self.store, detectors)
        self.max_upload_bytes = int(max_upload_bytes)
        self._export_dir = Path(export_dir) if export_dir else None
        self.jobs = JobRunner()
        self._indexes: OrderedDict[str, tuple[tuple[Any, ...], ReviewIndex]] = OrderedDict()
        self._index_lock = threading.Lock()

    # ------------------------------------------------------------------------------- helpers
    @property
    def all_categories(self) -> list[str]:
        return list(CATEGORIES)

    @property
    def export_dir(self) -> Path:
        """Where exports and Score and Batch results go; by default a temporary folder removed at exit
        (exports hold the users' texts)."""
        if self._export_dir is None:
            self._export_dir = Path(tempfile.mkdtemp(prefix="mtreview-ui-"))
            atexit.register(shutil.rmtree, self._export_dir, ignore_errors=True)
        self._export_dir.mkdir(parents=True, exist_ok=True)
        return self._export_dir

    def saved_choices(self) -> list[tuple[str, str]]:
        """(label, id) of the saved reviews, most recent first."""
        out = []
        for r in self.store.list_reviews():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.updated))
            out.append((f"{r.title} · {when} · {r.decided}/{r.flags} decided", r.id))
        return out

    def load(self, review_id: str | None) -> tuple[StoredReview, dict[str, Decision]]:
        """A saved review and its decisions; InputError when there is none. While the review runs, its
        flags are those found so far."""
        review, decisions, _ = self._load(review_id)
        return review, decisions

    def _load(self, review_id: str | None) -> tuple[StoredReview, dict[str, Decision], ReviewIndex]:
        """A review, its decisions and its index (segments and flags, kept in memory: a running review's
        is its job's; a saved one's is built once and kept while its flags stay the same)."""
        if not review_id:
            raise InputError("no review yet: paste or upload a text and press Review")
        try:
            meta = self.store.review_meta(review_id)
            decisions = self.store.decisions(review_id)
        except KeyError:
            raise InputError("this review is no longer in the database") from None
        job = self.jobs.get(review_id)
        key = (meta["n_flags"], meta["text_chars"], meta["settings"].get("reviewed_to"))
        if job is not None and job.running:
            index = job.index
            with job.lock:
                flags = list(index.flags)
        else:
            with self._index_lock:
                cached = self._indexes.get(review_id)
                if cached is not None and cached[0] == key:
                    self._indexes.move_to_end(review_id)
            if job is not None and cached is None and job.last_save is not None and not job.old_flags \
                    and (len(job.index.flags), len(job.text)) == key[:2]:
                cached = (key, job.index)  # the finished job's index is the saved review's
            if cached is None or cached[0] != key:
                try:
                    stored = self.store.get_review(review_id)
                except KeyError:
                    raise InputError("this review is no longer in the database") from None
                index = ReviewIndex(stored.text, stored.source, stored.units, stored.flags,
                                    reviewed_to=stored.settings.get("reviewed_to"))
                cached = (key, index)
            with self._index_lock:
                self._indexes[review_id] = cached
                self._indexes.move_to_end(review_id)
                while len(self._indexes) > INDEXED_REVIEWS:
                    self._indexes.popitem(last=False)
            index = cached[1]
            flags = index.flags
        review = StoredReview(
            id=meta["id"], title=meta["title"], created=meta["created"], updated=meta["updated"],
            input_name=meta["input_name"], text=index.text, source=index.source, units=index.units, flags=flags, words=meta["words"], detectors=meta["detectors"],
            settings=meta["settings"])
        return review, decisions, index

    def _filters(self, categories: Iterable[str] | None, threshold: float | None) -> tuple[list[str], float]:
        return (self.all_categories if categories is None else list(categories)), float(threshold or 0.0)

    def _flag(self, review: StoredReview, flag_id: str | None) -> Flag:
        flag = review.flag(flag_id) if flag_id else None
        if flag is None:
            raise InputError("select a flag first (click a highlighted span)")
        return flag

    # ---------------------------------------------------------------------------------- views
    def view(self, review_id: str | None, categories: Iterable[str] | None = None,
             threshold: float | None = DEFAULT_THRESHOLD, selected: str | None = None, message: str = "",
             kind: str = "ok", *, grid: GridFilter | None = None) -> ReviewView:
        """The Review tab for ``review_id`` (an empty view without one) under the filters, one page of it.

        ``selected`` stays selected when the filters show it (its page is shown), else the first pending
        flag is; ``grid.page`` shows that page (its first pending flag selected unless ``selected`` is on
        it), ``grid.segment`` that segment (when no flag is selected)."""
        cats, thr = self._filters(categories, threshold)
        grid = grid or GridFilter()
        if not review_id:
            return ReviewView(None, message, kind, categories=cats, threshold=thr, saved=self.saved_choices())
        review, decisions, index = self._load(review_id)
        shown = visible_flags(review.flags, cats, thr)
        rows, flags_of = index.select(decisions, cats, thr, grid)
        page, selected, segment = self._place(index, rows, flags_of, decisions, grid, selected)
        segments, segment_ids = page_highlight(index, page, decisions)
        fixed = corrected_text(review.text, review_scope(review, decisions), decisions)
        flag = index.by_id.get(selected) if selected else None
        decision = decisions.get(selected) if selected else None
        counts = Counter(status_of(f, decisions) for f in shown)
        job = self.jobs.get(review.id)
        progress = job.progress() if job is not None else None
        if progress is not None and progress.state == "done":
            progress = None
        if progress is None and review.settings.get("reviewed_to") is not None:  # stopped earlier
            progress = JobProgress(review.id, "cancelled", int(review.settings["reviewed_to"]), len(review.text),
                                   len(review.flags), 0.0)
        return ReviewView(
            review_id=review.id, message=message, kind=kind,
            summary_html=summary_html(review, shown, decisions),
            segments=segments, segment_ids=segment_ids,
            rows=table_rows(index, page.flags, decisions),
            flag_choices=[flag_choice(f, decisions) for f in page.flags],
            panel=FlagPanel.of(flag, decision, review.text),
            diff_html=page_diff_html(index, page, decisions),
            bulk_choices=bulk_category_choices(shown, decisions),
            corrected=fixed,
            counts={s: counts.get(s, 0) for s in ("accepted", "edited", "rejected", PENDING)},
            categories=cats, threshold=thr, saved=self.saved_choices(),
            grid_html=grid_html(index, page, decisions, selected, segment), page=page.number, pages=page.count,
            page_info_html=page_info_html(index, page), segment=segment,
            segment_panel=SegmentPanel.of(index, segment, decisions), job=progress, has_source=index.has_source,
            page_rows=len(page.rows))

    @staticmethod
    def _place(index: ReviewIndex, rows: list[int], flags_of: dict[int, list[Flag]],
               decisions: dict[str, Decision], grid: GridFilter, selected: str | None
               ) -> tuple[GridPage, str | None, int | None]:
        """The page to show, the flag selected on it and the segment selected."""
        def shown_seg(flag_id: str | None) -> int | None:
            f = index.by_id.get(flag_id or "")
            if f is None:
                return None
            i = index.segment_of(f.start)
            return i if any(g.id == f.id for g in flags_of.get(i, ())) else None

        def first(flags: Iterable[Flag]) -> str | None:
            flags = list(flags)
            return next((f.id for f in flags if f.id not in decisions), flags[0].id if flags else None)

        seg = shown_seg(selected)
        if grid.page is not None:
            page = paginate(rows, flags_of, grid.page)
            if selected is None and grid.segment is not None and grid.segment in page.rows:
                return page, None, grid.segment  # a segment selected, no flag: it stays so
            if seg is None or seg not in page.rows:
                selected = first(page.flags)
                seg = shown_seg(selected)
            segment = seg if seg is not None else (
                grid.segment if grid.segment in page.rows else (page.rows[0] if page.rows else None))
            return page, selected, segment
        if seg is None and grid.segment is not None and page_of_row(rows, grid.segment) is not None:
            page = paginate(rows, flags_of, page_of_row(rows, grid.segment) or 1)
            return page, first(flags_of.get(grid.segment, ())), grid.segment
        if seg is None:
            selected = first(f for i in rows for f in flags_of.get(i, ()))
            seg = shown_seg(selected)
        page = paginate(rows, flags_of, page_of_row(rows, seg) or 1 if seg is not None else 1)
        return page, selected, seg if seg is not None else (page.rows[0] if page.rows else None)

    # --------------------------------------------------------------------------- reviewing
    def start_review(self, text: str | None = None, source: str | None = None, file: Any = None,
                     source_file: Any = None, *, categories: Iterable[str] | None = None,
                     threshold: float | None = DEFAULT_THRESHOLD, grid: GridFilter | None = None,
                     wait: float | None = START_WAIT) -> ReviewView:
        """Start reviewing a pasted text or an uploaded file (the file wins) in the background and return
        its view once it is done, or after ``wait`` seconds (None: until it is done) with its first page
        and its progress (``view.job``); :meth:`poll` follows it, :meth:`cancel` stops it.

        One review per document: reviewing the same text with the same source again updates its saved
        review (decisions on the flags found again are kept) instead of saving a copy."""
        req = read_review_request(text, source, file, source_file, self.max_upload_bytes)
        cats, thr = self._filters(categories, threshold)
        running = self.jobs.running(self.store.find_document(req.text, req.source))
        if running is not None:
            p = running.progress()
            raise InputError(f"this text is being reviewed already ({p.fraction:.0%} done): wait for it, or "
                             "open it from Saved reviews and cancel it")
        job = ReviewJob(self.store, self.engine, title=req.title, text=req.text, source=req.source, units=req.units,
                        input_name=req.input_name, settings={"categories": cats, "threshold": thr})
        with self._index_lock:
            self._indexes.pop(job.review_id, None)
        self.jobs.start(job)
        job.finished.wait(wait)
        if not job.running:
            job.reported = True
            return self.view(job.review_id, cats, thr, None, self._job_message(job), self._job_kind(job),
                             grid=grid)
        return self.view(job.review_id, cats, thr, None, f"Reviewing «{req.title}» in the background: the pages "
                         "come as they are reviewed (the bar below), and you can review them meanwhile.",
                         "info", grid=grid)

    def review(self, text: str | None = None, source: str | None = None, file: Any = None,
               source_file: Any = None, *, categories: Iterable[str] | None = None,
               threshold: float | None = DEFAULT_THRESHOLD, grid: GridFilter | None = None) -> ReviewView:
        """Review a pasted text or an uploaded file (the file wins), wait for the end, and return its view
        (see :meth:`start_review`)."""
        return self.start_review(text, source, file, source_file, categories=categories, threshold=threshold,
                                 grid=grid, wait=None)

    def _job_message(self, job: ReviewJob) -> str:
        """What the status line says when a review ends: done, cancelled or failed, and how it was saved."""
        p = job.progress()
        if p.state == "failed":
            return (f"The review stopped: {p.error}. The part reviewed ({p.fraction:.0%}, "
                    f"{plural(p.flags, 'flag')}) is saved.")
        if p.state == "cancelled":
            return (f"Cancelled after {p.seconds:.1f} s: {p.fraction:.0%} of the text reviewed "
                    f"({p.done_chars:,} of {p.total_chars:,} characters), {plural(p.flags, 'flag')}. The part "
                    "reviewed is saved; the rest of the text is not reviewed.")
        note = f"; {self.engine.glossary_note}" if getattr(self.engine, "glossary_note", "") else ""
        msg = f"Reviewed {plural(job.words, 'word')} in {p.seconds:.1f} s: {plural(p.flags, 'flag')}{note}. "
        first, saved = job.first_save, job.last_save
        if first is None or saved is None or first.created:
            msg += "Saved; reopen it any time from Saved reviews."
        else:
            msg += (f"Same text as the saved review «{saved.title}»: updated it, "
                    f"{plural(saved.kept, 'decision')} kept")
            msg += (f", {plural(saved.dropped, 'decision')} dropped (flag no longer found)." if saved.dropped
                    else ".")
        return msg

    @staticmethod
    def _job_kind(job: ReviewJob) -> str:
        return {"failed": "error", "cancelled": "info"}.get(job.state, "ok")

    def poll(self, review_id: str | None, categories: Iterable[str] | None = None,
             threshold: float | None = DEFAULT_THRESHOLD, selected: str | None = None, *,
             grid: GridFilter | None = None) -> ReviewView:
        """The view of a review that may be running (the page, its progress); when its job has just
        ended, with the message it ended with."""
        job = self.jobs.get(review_id)
        if job is not None and not job.running and not job.reported:
            job.reported = True
            return self.view(review_id, categories, threshold, selected, self._job_message(job),
                             self._job_kind(job), grid=grid)
        p = job.progress() if job is not None and job.running else None
        message = (f"Reviewing: {p.fraction:.0%} done, {plural(p.flags, 'flag')} so far." if p else "")
        return self.view(review_id, categories, threshold, selected, message, "info" if p else "ok", grid=grid)

    def progress(self, review_id: str | None, shown_key: str | None = None) -> JobProgress | None:
        """The progress of a running review when the page shown (``shown_key``, a view's ``render_key``)
        is full, so that only the progress needs redrawing; None when the view should be redrawn (its
        page may grow, or the review has ended)."""
        job = self.jobs.running(review_id)
        parts = (shown_key or "").split("|")
        if job is None or len(parts) != 5 or parts[0] != review_id or parts[4] != "True":
            return None
        return job.progress() if parts[2] == str(PAGE_SEGMENTS) else None

    def cancel(self, review_id: str | None, categories: Iterable[str] | None = None,
               threshold: float | None = DEFAULT_THRESHOLD, selected: str | None = None, *,
               grid: GridFilter | None = None, wait: float = 30.0) -> ReviewView:
        """Stop the running review at its next chunk (waits up to ``wait`` seconds for it to stop); the part
        reviewed is kept and saved."""
        job = self.jobs.running(review_id)
        if job is None:
            raise InputError("no review is running here")
        job.cancel()
        job.finished.wait(wait)
        if job.running:  # pragma: no cover - a chunk longer than ``wait``
            return self.view(review_id, categories, threshold, selected, "Cancelling: the review stops after the "
                             "chunk it is on.", "info", grid=grid)
        job.reported = True
        return self.view(review_id, categories, threshold, selected, self._job_message(job), self._job_kind(job),
                         grid=grid)

    def review_file(self, path: str | os.PathLike[str], source_path: str | os.PathLike[str] | None = None, *,
                    categories: Iterable[str] | None = None,
                    threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Review a file (txt, tsv, jsonl, xliff), with an optional source file."""
        return self.review(None, None, str(path), str(source_path) if source_path else None,
                           categories=categories, threshold=threshold)

    def set_filters(self, review_id: str | None, categories: Iterable[str] | None,
                    threshold: float | None, selected: str | None = None, *,
                    grid: GridFilter | None = None) -> ReviewView:
        """Show other categories or another threshold; saved with the review (they set the export's scope).
        The grid's own filters (``grid``: severity, status, text) are the page's, not saved."""
        cats, thr = self._filters(categories, threshold)
        if review_id:
            try:
                settings = dict(self.store.review_meta(review_id)["settings"])
            except KeyError:
                raise InputError("this review is no longer in the database") from None
            settings.update(categories=cats, threshold=thr)
            self.store.update_settings(review_id, settings)
        return self.view(review_id, cats, thr, selected, grid=grid)

    def open(self, review_id: str | None) -> ReviewView:
        """Reopen a saved review with its decisions and its filters (``view.categories``, ``view.threshold``)."""
        if not review_id:
            raise InputError("choose a saved review first")
        review, decisions = self.load(review_id)
        cats = review.settings.get("categories", self.all_categories)
        thr = float(review.settings.get("threshold", DEFAULT_THRESHOLD))
        job = self.jobs.running(review_id)
        still = f"; still reviewing ({job.progress().fraction:.0%} done)" if job is not None else ""
        return self.view(review_id, cats, thr, None,
                         f"Opened «{review.title}» ({plural(len(decisions), 'decision')} so far{still}).")

    # --------------------------------------------------------------------------- saved reviews
    def rename(self, review_id: str | None, title: str | None, *, current: str | None = None,
               categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
               selected: str | None = None) -> ReviewView:
        """Give the saved review ``review_id`` another title; returns the view of the review on the page
        (``current``, which may be another one) with the saved list updated and the renamed one chosen."""
        if not review_id:
            raise InputError("choose the saved review to rename")
        try:
            new = self.store.rename_review(review_id, title or "")
        except ValueError:
            raise InputError("type the new name first") from None
        except KeyError:
            raise InputError("this review is no longer in the database") from None
        out = self.view(current, categories, threshold, selected, f"Renamed to «{new}».")
        out.saved_selected = review_id
        return out

    def delete_prompt(self, review_id: str | None) -> str:
        """The question to confirm before :meth:`delete`: which review, and what is lost with it."""
        if not review_id:
            raise InputError("choose the saved review to delete")
        review, decisions = self.load(review_id)
        return (f"Delete «{review.title}» with its {plural(len(review.flags), 'flag')} and "
                f"{plural(len(decisions), 'decision')}? This cannot be undone.")

    def delete(self, review_id: str | None, *, current: str | None = None,
               categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
               selected: str | None = None) -> ReviewView:
        """Delete a saved review and its decisions (the page asks first: :meth:`delete_prompt`); returns
        the view of the review on the page, or an empty view when that was the one deleted."""
        if not review_id:
            raise InputError("choose the saved review to delete")
        review, _ = self.load(review_id)
        job = self.jobs.running(review_id)
        if job is not None:  # a review being reviewed: stop it first, so nothing saves it again
            job.cancel()
            job.finished.wait(30.0)
        self.store.delete_review(review_id)
        if current == review_id:
            current = None
        out = self.view(current, categories, threshold, selected, f"Deleted «{review.title}».")
        out.saved_selected = current
        return out

    # ------------------------------------------------------------------------------ selection
    def select(self, review_id: str | None, flag_id: str | None) -> FlagPanel:
        """The panel of one flag (details, suggestions, Edit box)."""
        review, decisions = self.load(review_id)
        flag = review.flag(flag_id) if flag_id else None
        decision = decisions.get(flag_id) if flag_id else None
        panel = FlagPanel.of(flag, decision, review.text)
        panel.flag_id = flag_id
        return panel

    def select_segment(self, review_id: str | None, index: int | None, *,
                       categories: Iterable[str] | None = None,
                       threshold: float | None = DEFAULT_THRESHOLD, selected: str | None = None,
                       grid: GridFilter | None = None) -> FlagPanel | None:
        """The panel of the flag shown by the ``index``-th highlighted piece of the page (the page the view
        with these filters, ``selected`` and ``grid`` shows); None between flags."""
        v = self.view(review_id, categories, threshold, selected, grid=grid)
        ids = v.segment_ids
        flag_id = ids[index] if isinstance(index, int) and 0 <= index < len(ids) else None
        return None if flag_id is None else self.select(review_id, flag_id)

    # ------------------------------------------------------------------- the grid, the keyboard
    def _shown_flags(self, review_id: str | None, categories: Iterable[str] | None, threshold: float | None,
                     grid: GridFilter) -> tuple[ReviewIndex, list[int], list[Flag]]:
        review, decisions, index = self._load(review_id)
        cats, thr = self._filters(categories, threshold)
        rows, flags_of = index.select(decisions, cats, thr, grid)
        return index, rows, [f for i in rows for f in flags_of.get(i, ())]

    def step_flag(self, review_id: str | None, selected: str | None, step: int = 1, *,
                  categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
                  grid: GridFilter | None = None) -> ReviewView:
        """Select the next (``step`` 1) or previous (-1) flag the filters show, on whatever page it is."""
        grid = grid or GridFilter()
        index, _, flags = self._shown_flags(review_id, categories, threshold, grid)
        if not flags:
            return self.view(review_id, categories, threshold, None, "No flag to go to.", "info", grid=grid)
        pos = next((n for n, f in enumerate(flags) if f.id == selected), None)
        if pos is None:  # none selected: from the selected segment, else from the start
            seg = grid.segment if grid.segment is not None else -1
            after = [n for n, f in enumerate(flags) if index.segment_of(f.start) >= seg] if step > 0 else \
                [n for n, f in enumerate(flags) if index.segment_of(f.start) < max(seg, 0)]
            pos = (after[0] if step > 0 else after[-1]) if after else (0 if step > 0 else len(flags) - 1)
            nxt, note = flags[pos], ""
        else:
            target = pos + (1 if step > 0 else -1)
            note = "" if 0 <= target < len(flags) else (" (back to the first flag)" if step > 0 else
                                                       " (on to the last flag)")
            nxt = flags[target % len(flags)]
        grid = GridFilter(grid.severities, grid.statuses, grid.query, grid.only_flagged)
        return self.view(review_id, categories, threshold, nxt.id, f"{nxt.id} «{nxt.text}»{note}.", grid=grid)

    def step_segment(self, review_id: str | None, segment: int | None, step: int = 1, *,
                     categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
                     selected: str | None = None, grid: GridFilter | None = None) -> ReviewView:
        """Select the next (``step`` 1) or previous (-1) segment the filters show (its first pending flag,
        if it has one); ``segment`` is the selected one (else the selected flag's)."""
        grid = grid or GridFilter()
        index, rows, _ = self._shown_flags(review_id, categories, threshold, grid)
        if not rows:
            return self.view(review_id, categories, threshold, None, "No segment to go to.", "info", grid=grid)
        current = segment
        if current is None and selected in index.by_id:
            current = index.segment_of(index.by_id[selected].start)
        if current is None:
            target = rows[0] if step > 0 else rows[-1]
        elif step > 0:
            later = [i for i in rows if i > current]
            target = later[0] if later else rows[-1]
        else:
            earlier = [i for i in rows if i < current]
            target = earlier[-1] if earlier else rows[0]
        moved = GridFilter(grid.severities, grid.statuses, grid.query, grid.only_flagged, None, target)
        edge = "" if target != current else (" (the last one)" if step > 0 else " (the first one)")
        return self.view(review_id, categories, threshold, None, f"Segment {target + 1}{edge}.", grid=moved)

    def goto_page(self, review_id: str | None, page: int | None, *, categories: Iterable[str] | None = None,
                  threshold: float | None = DEFAULT_THRESHOLD, selected: str | None = None,
                  grid: GridFilter | None = None) -> ReviewView:
        """Show page ``page`` of the segments (clamped to the pages there are)."""
        grid = grid or GridFilter()
        moved = GridFilter(grid.severities, grid.statuses, grid.query, grid.only_flagged, int(page or 1), None)
        return self.view(review_id, categories, threshold, selected, grid=moved)

    def select_in_grid(self, review_id: str | None, value: str | None, *, categories: Iterable[str] | None = None,
                       threshold: float | None = DEFAULT_THRESHOLD, selected: str | None = None,
                       grid: GridFilter | None = None) -> ReviewView:
        """A click (or Enter) in the grid: ``flag:<id>`` selects a flag, ``seg:<n>`` a segment."""
        grid = grid or GridFilter()
        kind, _, what = (value or "").partition(":")
        if kind == "flag" and what:
            return self.view(review_id, categories, threshold, what,
                             grid=GridFilter(grid.severities, grid.statuses, grid.query, grid.only_flagged))
        if kind == "seg" and what.isdigit():
            return self.view(review_id, categories, threshold, None, grid=GridFilter(
                grid.severities, grid.statuses, grid.query, grid.only_flagged, None, int(what)))
        return self.view(review_id, categories, threshold, selected, grid=grid)

    def edit_segment(self, review_id: str | None, segment: int | None, text: str | None, *,
                     categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
                     selected: str | None = None, grid: GridFilter | None = None) -> ReviewView:
        """Replace a whole segment with the reviewer's text (a decision ``edited`` on the segment, saved and
        exported like any other; the decisions on its flags are kept but the segment edit wins). The
        segment's own text back means no edit."""
        review, _, index = self._load(review_id)
        if segment is None or not 0 <= int(segment) < index.reviewed_segments():
            raise InputError("select a segment first (click its number in the grid, or press n)")
        if text is None:
            raise InputError("type the segment's new text in the Segment box first")
        i = int(segment)
        if "\n" in text or "\r" in text:
            raise InputError("a segment is one line: remove the line breaks (each line of the text is a segment)")
        if len(text) > MAX_EDIT_CHARS + len(index.segment_text(i)):
            raise InputError("a segment edit is limited to the segment plus 10,000 characters")
        key = segment_decision_id(index.starts[i], index.ends[i])
        job = self.jobs.running(review.id)
        if job is not None:
            job.ensure_saved([])
        grid = GridFilter.of(grid.severities, grid.statuses, grid.query, grid.only_flagged, None, i) if grid else \
            GridFilter(segment=i)
        if text == index.segment_text(i):
            self.store.clear_decision(review.id, key)
            return self.view(review.id, categories, threshold, selected, f"Segment {i + 1}: its own text again "
                             "(no segment edit).", grid=grid)
        self.store.set_decision(review.id, key, "edited", text)
        return self.view(review.id, categories, threshold, selected, f"Segment {i + 1} edited → «{text}».",
                         grid=grid)

    def undo_segment(self, review_id: str | None, segment: int | None, *,
                     categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
                     selected: str | None = None, grid: GridFilter | None = None) -> ReviewView:
        """Drop a segment's whole-segment edit (its flags' decisions apply again)."""
        review, _, index = self._load(review_id)
        if segment is None or not 0 <= int(segment) < len(index.starts):
            raise InputError("select a segment first (click its number in the grid, or press n)")
        i = int(segment)
        self.store.clear_decision(review.id, segment_decision_id(index.starts[i], index.ends[i]))
        grid = GridFilter.of(grid.severities, grid.statuses, grid.query, grid.only_flagged, None, i) if grid else \
            GridFilter(segment=i)
        return self.view(review.id, categories, threshold, selected, f"Segment {i + 1}: segment edit undone.",
                         grid=grid)

    # ------------------------------------------------------------------------------ decisions
    def _flag_of(self, review_id: str | None, flag_id: str | None) -> tuple[StoredReview, ReviewIndex, Flag]:
        review, _, index = self._load(review_id)
        flag = index.by_id.get(flag_id) if flag_id else None
        if flag is None:
            raise InputError("select a flag first (click a highlighted span)")
        return review, index, flag

    def _decide(self, review_id: str | None, flag_id: str | None, status: str, replacement: str | None,
                categories: Iterable[str] | None, threshold: float | None,
                grid: GridFilter | None = None) -> ReviewView:
        review, index, flag = self._flag_of(review_id, flag_id)
        cats, thr = self._filters(categories, threshold)
        grid = GridFilter(grid.severities, grid.statuses, grid.query, grid.only_flagged) if grid else None
        job = self.jobs.running(review.id)
        if job is not None:
            job.ensure_saved([flag.id])
        if status == "undo":
            self.store.clear_decision(review.id, flag.id)
            return self.view(review.id, cats, thr, flag.id, f"{flag.id}: back to pending.", grid=grid)
        self.store.set_decision(review.id, flag.id, status, replacement)
        decisions = self.store.decisions(review.id)
        if grid is not None:
            _, rows, shown = self._shown_flags(review.id, cats, thr, grid)
        else:
            shown = visible_flags(review.flags, cats, thr)
        nxt = next_pending(shown, decisions, flag.id) or flag.id
        repl = f" → «{replacement}»" if replacement is not None else ""
        return self.view(review.id, cats, thr, nxt, f"{flag.id} «{flag.text}» {status}{repl}.", grid=grid)

    def accept(self, review_id: str | None, flag_id: str | None, suggestion: str | None = None, *,
               categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
               grid: GridFilter | None = None) -> ReviewView:
        """Apply ``suggestion`` (when it is one of the flag's, else the best one); the next pending flag is selected."""
        _, _, flag = self._flag_of(review_id, flag_id)
        repl = suggestion if suggestion in flag.suggestions else (flag.suggestions[0] if flag.suggestions else None)
        if repl is None:
            raise InputError(f"{flag.id} has no suggestion: type your correction in the Edit box and "
                             "press Save edit")
        return self._decide(review_id, flag_id, "accepted", repl, categories, threshold, grid)

    def reject(self, review_id: str | None, flag_id: str | None, *, categories: Iterable[str] | None = None,
               threshold: float | None = DEFAULT_THRESHOLD, grid: GridFilter | None = None) -> ReviewView:
        """Keep the text as it is."""
        return self._decide(review_id, flag_id, "rejected", None, categories, threshold, grid)

    def edit(self, review_id: str | None, flag_id: str | None, text: str | None, *,
             categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
             grid: GridFilter | None = None) -> ReviewView:
        """Apply the reviewer's own correction."""
        if text is None:
            raise InputError("type the correction in the Edit box first")
        if len(text) > MAX_EDIT_CHARS:
            raise InputError("an edit is limited to 10,000 characters")
        return self._decide(review_id, flag_id, "edited", text, categories, threshold, grid)

    def undo(self, review_id: str | None, flag_id: str | None, *, categories: Iterable[str] | None = None,
             threshold: float | None = DEFAULT_THRESHOLD, grid: GridFilter | None = None) -> ReviewView:
        """Make a flag pending again."""
        return self._decide(review_id, flag_id, "undo", None, categories, threshold, grid)

    def _bulk(self, review_id: str | None, pick: Callable[[Flag], bool], label: str,
              categories: Iterable[str] | None, threshold: float | None, selected: str | None) -> ReviewView:
        review, decisions = self.load(review_id)
        cats, thr = self._filters(categories, threshold)
        chosen = [f for f in visible_flags(review.flags, cats, thr)
                  if f.id not in decisions and f.suggestions and pick(f)]
        job = self.jobs.running(review.id)
        if job is not None:
            job.ensure_saved([f.id for f in chosen])
        n = self.store.set_decisions(review.id, [(f.id, "accepted", f.suggestions[0]) for f in chosen])
        return self.view(review.id, cats, thr, selected, f"Accepted {plural(n, 'pending flag')} {label}.")

    def accept_category(self, review_id: str | None, category: str | None, *,
                        categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
                        selected: str | None = None) -> ReviewView:
        """Accept the best suggestion of every pending shown flag of ``category``."""
        if not category:
            raise InputError("choose a category with pending flags")
        return self._bulk(review_id, lambda f: f.category == category, f"in {category}", categories, threshold,
                          selected)

    def accept_above(self, review_id: str | None, minimum: float | None, *,
                     categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD,
                     selected: str | None = None) -> ReviewView:
        """Accept the best suggestion of every pending shown flag with confidence at least ``minimum``."""
        m = float(minimum or 0.0)
        return self._bulk(review_id, lambda f: f.confidence >= m, f"with confidence ≥ {m:.2f}", categories,
                          threshold, selected)

    # -------------------------------------------------------------------------------- exports
    def export(self, review_id: str | None, outdir: str | os.PathLike[str] | None = None) -> ExportResult:
        """Write the corrected text, the review log (JSON, CSV) and the ITS XLIFF (see :mod:`.exports`)."""
        review, decisions = self.load(review_id)
        job = self.jobs.running(review.id)
        if job is not None:
            raise InputError(f"the review is still running ({job.progress().fraction:.0%} done): export it when "
                             "it is done, or cancel it to export the part reviewed")
        out = Path(outdir) if outdir else Path(tempfile.mkdtemp(prefix="export-", dir=self.export_dir))
        paths = export_review(self.store, review.id, out)
        return ExportResult(paths, f"Exported {plural(len(paths), 'file')} ({plural(len(decisions), 'decision')}).")

    # ------------------------------------------------------------------------------- glossary
    def glossary(self, message: str = "", kind: str = "ok") -> GlossaryView:
        """The user glossary as the Glossary tab shows it (the CSV beside the database is rewritten)."""
        entries = self.store.glossary_entries()
        rows = [[e.id, e.fr, e.en, e.ru, "|".join(e.aliases), e.type, e.origin] for e in entries]
        choices = [(f"{e.fr} ({e.type})", e.id) for e in entries]
        path = self.engine.glossary_path
        self.store.export_glossary_csv(path)
        return GlossaryView(rows, choices, str(path), message, kind)

    def add_to_glossary(self, review_id: str | None) -> GlossaryView:
        """Add the accepted and edited name corrections of a review to the user glossary."""
        review, decisions = self.load(review_id)
        cands = glossary_candidates(review, decisions)
        if not cands:
            raise InputError("no accepted or edited name corrections in this review yet")
        added, known = [], []
        for c in cands:
            _, created = self.store.add_glossary_entry(c["fr"], c["en"], c["ru"], c["aliases"], c["type"],
                                                       origin=f"review {review.id}")
            (added if created else known).append(c["fr"])
        self.engine.refresh_in_background()
        msg = f"Added to your glossary: {', '.join(added) or 'nothing new'}"
        if known:
            msg += f" (already there: {', '.join(known)})"
        return self.glossary(msg + ". The next review uses it.")

    def glossary_add(self, fr: str | None, en: str | None = "", ru: str | None = "", aliases: str | None = "",
                     entry_type: str | None = "person") -> GlossaryView:
        """Add one name (``aliases`` separated by ``|``), or complete the entry already there."""
        alias_list = [a.strip() for a in (aliases or "").split("|") if a.strip()]
        if not (fr or "").strip():
            raise InputError("type the name's French form (fr) first: it is the form the review writes")
        try:
            _, created = self.store.add_glossary_entry(fr or "", en or "", ru or "", alias_list,
                                                       entry_type or "person", origin="glossary tab")
        except ValueError as e:
            raise InputError(user_message(e)) from None
        self.engine.refresh_in_background()
        name = (fr or "").strip()
        return self.glossary(f"Added «{name}»." if created else f"«{name}» was already there; completed it.")

    def glossary_remove(self, entry_id: Any) -> GlossaryView:
        """Remove the entry with this id."""
        if entry_id in (None, ""):
            raise InputError("choose the name to remove")
        ok = self.store.remove_glossary_entry(int(entry_id))
        self.engine.refresh_in_background()
        return self.glossary("Removed." if ok else "That name was already removed.")

    # ---------------------------------------------------------------------------- score, batch
    def score(self, hyps: Any, refs: Any, metrics: Sequence[str] | None) -> ScoreView:
        """Score uploaded system outputs against references (one row per system)."""
        hyp_paths = [file_path(h) for h in (hyps or [])]
        ref_paths = [file_path(r) for r in (refs or [])]
        if not hyp_paths or not ref_paths:
            raise InputError("upload at least one hypothesis file and one reference file")
        if not metrics:
            raise InputError("choose at least one metric")
        for p in [*hyp_paths, *ref_paths]:
            check_size(os.path.getsize(p or ""), Path(p or "").name, self.max_upload_bytes)
        try:
            _, files, data = run_score([p for p in hyp_paths if p], [p for p in ref_paths if p], list(metrics),
                                       tempfile.mkdtemp(prefix="score-", dir=self.export_dir))
        except ImportError as e:
            raise InputError(f"scoring is not available in this installation ({user_message(e)})") from None
        except (MtreviewError, ValueError, OSError, UnicodeError) as e:
            raise InputError(user_message(e)) from None
        columns, rows = score_table(data, metrics)
        msg = f"Scored {plural(len(rows), 'system')}: scores with their 95% confidence intervals"
        sig = data.get("significance")
        if sig:
            msg += (f"; each system against the baseline «{sig['baseline']}» by a paired "
                    f"{'bootstrap' if sig['test'] == 'paired-bs' else 'approximate randomisation'} test "
                    f"(significant when p < {sig['alpha']})")
        return ScoreView(rows, columns, list(metrics), score_plots_html(data, metrics), [str(f) for f in files],
                         msg + ".")

    def batch(self, files: Any, glossary: Any = None, *, use_user_glossary: bool = True,
              glossary_only: bool = False, min_confidence: float = 0.8,
              progress: Callable[..., Any] | None = None) -> BatchView:
        """Normalise uploaded files with an optional glossary (and the user's), file by file."""
        paths = [p for p in (file_path(f) for f in (files or [])) if p]
        if not paths:
            raise InputError("upload the files to normalise")
        for p in paths:
            check_size(os.path.getsize(p), Path(p).name, self.max_upload_bytes)
        glossaries = []
        gpath = file_path(glossary)
        if gpath:
            glossaries.append(gpath)
        if use_user_glossary and self.store.glossary_entries():
            glossaries.append(str(self.store.export_glossary_csv(self.engine.glossary_path)))
        if glossary_only and not glossaries:
            raise InputError("'glossary only' needs a glossary: upload one or add names to yours")
        try:
            summary, changes, out_files = run_batch(paths, glossaries,
                                                    tempfile.mkdtemp(prefix="batch-", dir=self.export_dir),
                                                    glossary_only=glossary_only,
                                                    min_confidence=float(min_confidence), progress=progress)
        except ImportError as e:
            raise InputError(f"batch normalisation is not available in this installation ({user_message(e)})"
                             ) from None
        except (MtreviewError, ValueError, OSError, UnicodeError) as e:
            raise InputError(user_message(e)) from None
        rows = [[c.get("file", ""), c.get("line", c.get("unit", "")), c.get("before", ""), c.get("after", ""),
                 c.get("category", c.get("rule", ""))] for c in changes[:1000]]
        skipped = [(Path(str(s.get("path", ""))).name, user_message(ValueError(s.get("error") or "skipped")))
                   for s in summary["skipped"]]
        msg = (f"Normalised {summary['files_ok']}/{plural(summary['files'], 'file')}: "
               f"{plural(summary['changes'], 'change')} in {summary['seconds']:.1f} s")
        msg += f"; {plural(len(skipped), 'file')} skipped (below, with the reason)." if skipped else "."
        return BatchView([str(p) for p in out_files], rows, summary, msg, "error" if skipped and not
                         summary["files_ok"] else "ok", skipped)


__all__ = ["BatchView", "ExportResult", "FlagPanel", "GlossaryView", "MAX_EDIT_CHARS", "ReviewController",
           "ReviewView", "ScoreView"]
