"""The review UI's behaviour without Gradio: every button is a method that returns a plain view model.

:class:`ReviewController` holds the store (reviews, decisions, the user glossary) and the review engine.
Each method does what one control of the page does — review a text or a file, filter, open a saved
review, select, accept, reject, edit or undo a flag, accept in bulk, export, add names to the glossary,
score, normalise — and returns a dataclass of plain values (strings, lists, paths) that
:mod:`mtreview.ui.wiring` copies into the components. A user error raises
:class:`~mtreview.errors.InputError` with the message to show; the wiring puts it in the status line.

Nothing here imports Gradio, so the handlers are tested by calling these methods (tests/test_ui_controller.py).
The UI keeps no state of its own between calls: the review id, the filters and the selected flag come
from the page with every call, and everything else is read from the store.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..flags import CATEGORIES, Flag
from ..store import PENDING, Decision, ReviewStore, StoredReview
from .decisions import DEFAULT_THRESHOLD, corrected_text, next_pending, review_scope, status_of, visible_flags
from .engine import ReviewEngine
from .exports import export_review
from .glossary import glossary_candidates
from .tabs import run_batch, run_score
from .uploads import DEFAULT_MAX_UPLOAD_BYTES, check_size, file_path, read_review_request
from .views import (
    bulk_category_choices,
    diff_html,
    flag_choice,
    flag_detail_html,
    flag_rows,
    highlight_segments,
    status_html,
    suggestion_options,
    summary_html,
)

#: the longest correction the Edit box accepts (characters)
MAX_EDIT_CHARS = 10_000


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
class ReviewView:
    """Everything the Review tab shows for one review under the current filters.

    ``segments`` is the HighlightedText value and ``segment_ids`` the flag id of each segment (None
    between flags); ``rows`` the flags table; ``flag_choices`` the flag selector's (label, id) pairs;
    ``bulk_choices`` the categories with pending flags; ``corrected`` the text with the decisions applied;
    ``counts`` the shown flags by status. ``saved`` is the new list of saved reviews when it changed
    (after a review), else None.
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
    """The Score tab: one row per system (``system`` and each metric), the plot's long rows, the reports."""

    rows: list[dict[str, Any]]
    metrics: list[str]
    plot_rows: list[dict[str, Any]]
    files: list[str]
    message: str
    kind: str = "ok"


@dataclass
class BatchView:
    """The Batch tab: the files to download, the first changes as table rows, and the summary."""

    files: list[str]
    rows: list[list[Any]]
    summary: dict[str, Any]
    message: str
    kind: str = "ok"


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
        """A saved review and its decisions; InputError when there is none."""
        if not review_id:
            raise InputError("no review yet: paste or upload a text and press Review")
        try:
            return self.store.get_review(review_id), self.store.decisions(review_id)
        except KeyError:
            raise InputError("this review is no longer in the database") from None

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
             kind: str = "ok") -> ReviewView:
        """The Review tab for ``review_id`` (an empty view without one); ``selected`` stays selected when
        it is shown, else the first pending flag is."""
        cats, thr = self._filters(categories, threshold)
        if not review_id:
            return ReviewView(None, message, kind, categories=cats, threshold=thr)
        review, decisions = self.load(review_id)
        shown = visible_flags(review.flags, cats, thr)
        segments, segment_ids = highlight_segments(review.text, shown, decisions)
        fixed = corrected_text(review.text, review_scope(review, decisions), decisions)
        if selected not in {f.id for f in shown}:
            selected = next((f.id for f in shown if f.id not in decisions), shown[0].id if shown else None)
        flag = review.flag(selected) if selected else None
        decision = decisions.get(selected) if selected else None
        counts = Counter(status_of(f, decisions) for f in shown)
        return ReviewView(
            review_id=review.id, message=message, kind=kind,
            summary_html=summary_html(review, shown, decisions),
            segments=segments, segment_ids=segment_ids,
            rows=flag_rows(review.text, shown, decisions),
            flag_choices=[flag_choice(f, decisions) for f in shown],
            panel=FlagPanel.of(flag, decision, review.text),
            diff_html=diff_html(review.text, fixed),
            bulk_choices=bulk_category_choices(shown, decisions),
            corrected=fixed,
            counts={s: counts.get(s, 0) for s in ("accepted", "edited", "rejected", PENDING)},
            categories=cats, threshold=thr)

    def review(self, text: str | None = None, source: str | None = None, file: Any = None,
               source_file: Any = None, *, categories: Iterable[str] | None = None,
               threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Review a pasted text or an uploaded file (the file wins) and save the review with the filters."""
        req = read_review_request(text, source, file, source_file, self.max_upload_bytes)
        cats, thr = self._filters(categories, threshold)
        t0 = time.perf_counter()
        result = self.engine.review(req.text, req.source)
        seconds = time.perf_counter() - t0
        review_id = self.store.create_review(
            title=req.title, text=result.text, flags=result.flags, source=req.source, input_name=req.input_name,
            units=req.units, words=result.words, detectors=result.detectors,
            settings={"categories": cats, "threshold": thr})
        note = f"; {self.engine.glossary_note}" if self.engine.glossary_note else ""
        msg = (f"Reviewed {result.words} words in {seconds:.1f} s: {len(result.flags)} flags{note}. "
               "Saved; reopen it any time from Saved reviews.")
        out = self.view(review_id, cats, thr, None, msg)
        out.saved = self.saved_choices()
        return out

    def review_file(self, path: str | os.PathLike[str], source_path: str | os.PathLike[str] | None = None, *,
                    categories: Iterable[str] | None = None,
                    threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Review a file (txt, tsv, jsonl, xliff), with an optional source file."""
        return self.review(None, None, str(path), str(source_path) if source_path else None,
                           categories=categories, threshold=threshold)

    def set_filters(self, review_id: str | None, categories: Iterable[str] | None,
                    threshold: float | None, selected: str | None = None) -> ReviewView:
        """Show other categories or another threshold; saved with the review (they set the export's scope)."""
        cats, thr = self._filters(categories, threshold)
        if review_id:
            self.store.update_settings(review_id, {"categories": cats, "threshold": thr})
        return self.view(review_id, cats, thr, selected)

    def open(self, review_id: str | None) -> ReviewView:
        """Reopen a saved review with its decisions and its filters (``view.categories``, ``view.threshold``)."""
        if not review_id:
            raise InputError("choose a saved review first")
        review, decisions = self.load(review_id)
        cats = review.settings.get("categories", self.all_categories)
        thr = float(review.settings.get("threshold", DEFAULT_THRESHOLD))
        return self.view(review_id, cats, thr, None,
                         f"Opened «{review.title}» ({len(decisions)} decisions so far).")

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
                       threshold: float | None = DEFAULT_THRESHOLD) -> FlagPanel | None:
        """The panel of the flag shown by the ``index``-th highlighted segment; None between flags."""
        review, decisions = self.load(review_id)
        cats, thr = self._filters(categories, threshold)
        _, ids = highlight_segments(review.text, visible_flags(review.flags, cats, thr), decisions)
        flag_id = ids[index] if isinstance(index, int) and 0 <= index < len(ids) else None
        return None if flag_id is None else self.select(review_id, flag_id)

    # ------------------------------------------------------------------------------ decisions
    def _decide(self, review_id: str | None, flag_id: str | None, status: str, replacement: str | None,
                categories: Iterable[str] | None, threshold: float | None) -> ReviewView:
        review, _ = self.load(review_id)
        flag = self._flag(review, flag_id)
        cats, thr = self._filters(categories, threshold)
        if status == "undo":
            self.store.clear_decision(review.id, flag.id)
            return self.view(review.id, cats, thr, flag.id, f"{flag.id}: back to pending.")
        self.store.set_decision(review.id, flag.id, status, replacement)
        decisions = self.store.decisions(review.id)
        nxt = next_pending(visible_flags(review.flags, cats, thr), decisions, flag.id) or flag.id
        repl = f" → «{replacement}»" if replacement is not None else ""
        return self.view(review.id, cats, thr, nxt, f"{flag.id} «{flag.text}» {status}{repl}.")

    def accept(self, review_id: str | None, flag_id: str | None, suggestion: str | None = None, *,
               categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Apply ``suggestion`` (when it is one of the flag's, else the best one); the next pending flag is selected."""
        review, _ = self.load(review_id)
        flag = self._flag(review, flag_id)
        repl = suggestion if suggestion in flag.suggestions else (flag.suggestions[0] if flag.suggestions else None)
        if repl is None:
            raise InputError(f"{flag.id} has no suggestion: type your correction in the Edit box and "
                             "press Save edit")
        return self._decide(review_id, flag_id, "accepted", repl, categories, threshold)

    def reject(self, review_id: str | None, flag_id: str | None, *, categories: Iterable[str] | None = None,
               threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Keep the text as it is."""
        return self._decide(review_id, flag_id, "rejected", None, categories, threshold)

    def edit(self, review_id: str | None, flag_id: str | None, text: str | None, *,
             categories: Iterable[str] | None = None, threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Apply the reviewer's own correction."""
        if text is None:
            raise InputError("type the correction in the Edit box first")
        if len(text) > MAX_EDIT_CHARS:
            raise InputError("an edit is limited to 10,000 characters")
        return self._decide(review_id, flag_id, "edited", text, categories, threshold)

    def undo(self, review_id: str | None, flag_id: str | None, *, categories: Iterable[str] | None = None,
             threshold: float | None = DEFAULT_THRESHOLD) -> ReviewView:
        """Make a flag pending again."""
        return self._decide(review_id, flag_id, "undo", None, categories, threshold)

    def _bulk(self, review_id: str | None, pick: Callable[[Flag], bool], label: str,
              categories: Iterable[str] | None, threshold: float | None, selected: str | None) -> ReviewView:
        review, decisions = self.load(review_id)
        cats, thr = self._filters(categories, threshold)
        chosen = [f for f in visible_flags(review.flags, cats, thr)
                  if f.id not in decisions and f.suggestions and pick(f)]
        n = self.store.set_decisions(review.id, [(f.id, "accepted", f.suggestions[0]) for f in chosen])
        return self.view(review.id, cats, thr, selected, f"Accepted {n} pending flags {label}.")

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
        out = Path(outdir) if outdir else Path(tempfile.mkdtemp(prefix="export-", dir=self.export_dir))
        paths = export_review(self.store, review.id, out)
        return ExportResult(paths, f"Exported {len(paths)} files ({len(decisions)} decisions).")

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
        _, created = self.store.add_glossary_entry(fr or "", en or "", ru or "", alias_list, entry_type or "person",
                                                   origin="glossary tab")
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
            rows, files, _ = run_score([p for p in hyp_paths if p], [p for p in ref_paths if p], list(metrics),
                                       tempfile.mkdtemp(prefix="score-", dir=self.export_dir))
        except ImportError as e:
            raise InputError(f"scoring is not available in this installation ({e})") from None
        plot = [{"label": f"{m} · {r['system']}", "metric": m, "system": r["system"], "score": r[m]}
                for r in rows for m in metrics if r.get(m) is not None]
        return ScoreView(rows, list(metrics), plot, [str(f) for f in files], f"Scored {len(rows)} system(s).")

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
            raise InputError(f"batch normalisation is not available in this installation ({e})") from None
        rows = [[c.get("file", ""), c.get("line", c.get("unit", "")), c.get("before", ""), c.get("after", ""),
                 c.get("category", c.get("rule", ""))] for c in changes[:1000]]
        skipped = f"; {len(summary['skipped'])} skipped" if summary["skipped"] else ""
        msg = (f"Normalised {summary['files_ok']}/{summary['files']} files: "
               f"{summary['changes']} changes in {summary['seconds']:.1f} s{skipped}.")
        return BatchView([str(p) for p in out_files], rows, summary, msg)


__all__ = ["BatchView", "ExportResult", "FlagPanel", "GlossaryView", "MAX_EDIT_CHARS", "ReviewController",
           "ReviewView", "ScoreView"]
