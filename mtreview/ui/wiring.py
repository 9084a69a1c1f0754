"""The Gradio page: the layout of the four tabs and the events that call the controller.

Components are kept by name in :class:`Components` (``c["status"]``, ``c["highlight"]``…), and every
handler is a thin adapter: it reads the inputs, calls one :class:`~mtreview.ui.controller.ReviewController`
method and turns the view model it returns into ``{component: value}`` updates (components not named
are left as they are). :func:`guarded` turns a user error into a message in the tab's status line.
Gradio is imported only when the app is built, so importing :mod:`mtreview.ui` stays light.

:func:`launch_options` holds what makes the server safe and local (no share link, no analytics, no
monitoring, system fonts, a Content-Security-Policy); :mod:`mtreview.ui.server` passes it to ``launch``.
"""

from __future__ import annotations

import inspect
import logging
import os
import typing
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..errors import MtreviewError
from ..flags import CATEGORIES
from ..store import GLOSSARY_TYPES, ReviewStore
from .controller import FlagPanel, GlossaryView, ReviewController, ReviewView
from .decisions import DEFAULT_THRESHOLD
from .engine import ReviewEngine
from .grid import (
    GRID_CSS,
    GRID_JS,
    KEYS_JS,
    PROGRESS_JS,
    SEVERITY_CHOICES,
    STATUS_CHOICES,
    GridFilter,
    keys_html,
    progress_update,
)
from .jobs import MAX_JOBS
from .messages import user_message
from .uploads import DEFAULT_MAX_UPLOAD_BYTES, REVIEW_FILE_TYPES
from .views import APP_CSS, FLAG_TABLE_HEADERS, flag_detail_html, page_colours, skipped_html, status_html

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    import gradio as gr

log = logging.getLogger("mtreview.ui")

#: system fonts only: the page must not fetch fonts from anywhere
SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "DejaVu Sans", "sans-serif"]
SYSTEM_MONO_FONTS = ["ui-monospace", "DejaVu Sans Mono", "Consolas", "monospace"]

#: a Content-Security-Policy for the page: whatever runs in it may load and connect to this server only
CSP_META = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' 'unsafe-inline' "
            "'unsafe-eval' data: blob:; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
            "form-action 'self'; base-uri 'self'\">")

#: the components every redraw of the review view updates (see :func:`view_updates`); «saved» shows the
#: saved reviews with their live counts; the grid, its page and the selected segment, the progress of a
#: running review (with its Cancel button; the page polls the review while its progress bar says so) come
#: with every redraw too
VIEW_OUTPUTS = ("review_id", "summary", "highlight", "table", "flag", "detail", "suggestion", "edit", "diff",
                "bulk_category", "status", "saved", "grid", "page_info", "page", "segment", "seg_text", "seg_info",
                "progress", "cancel_btn", "view_key", "views")
#: the grid's filters and position, in the order handlers receive them (after the flag's inputs)
GRID_INPUTS = ("severity", "status_filter", "query", "only_flagged", "page", "segment")
#: what a tick of a running review updates when its page has not changed (the user may be typing, and the
#: status line keeps the message of the last action)
TICK_OUTPUTS = ("summary", "saved", "page_info", "progress", "cancel_btn", "bulk_category")
#: the components a flag selection updates (see :func:`panel_updates`)
PANEL_OUTPUTS = ("flag", "detail", "suggestion", "edit", "status")
#: the Glossary tab's components that show the glossary (see :func:`glossary_updates`)
GLOSSARY_OUTPUTS = ("g_table", "g_remove", "g_csv")
#: the filters of the review view, in the order handlers receive them
FILTERS = ("categories", "threshold")


#: the page's script: Enter in the number box of the confidence threshold applies it (Gradio applies
#: that box on blur only: Enter blurs it)
APP_JS = """() => {
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key === 'Enter' && t instanceof HTMLInputElement && t.type === 'number'
        && t.closest('#mtr-threshold')) {
      e.preventDefault();
      t.blur();
    }
  }, true);
}"""


def app_theme() -> Any:
    """Gradio's default theme with system fonts (nothing fetched from a font service)."""
    import gradio as gr

    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=SYSTEM_MONO_FONTS)


def launch_options(max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch`` beyond host, port and auth: safe, local, offline."""
    return {
        "theme": app_theme(),
        "css": APP_CSS + GRID_CSS,
        "head": CSP_META,
        "js": APP_JS,
        "max_file_size": int(max_upload_bytes),
        "footer_links": ["settings"],
        "run_history": False,
        "enable_monitoring": False,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "show_error": False,
        "strict_cors": True,
    }


class Components(dict[str, Any]):
    """The page's components by name."""

    def pick(self, names: Iterable[str]) -> list[Any]:
        """The components called ``names``, in that order (the inputs or outputs of an event)."""
        return [self[n] for n in names]


# ------------------------------------------------------------------------- view models to updates

def view_updates(gr: Any, c: Components, v: ReviewView) -> dict[Any, Any]:
    """The updates of :data:`VIEW_OUTPUTS` for a review view."""
    return {
        c["review_id"]: v.review_id,
        c["summary"]: v.summary_html,
        c["highlight"]: gr.update(color_map=page_colours(v.segments), value=v.segments),
        c["table"]: v.rows,
        c["flag"]: gr.update(choices=v.flag_choices, value=v.selected),
        c["detail"]: v.panel.detail_html,
        c["suggestion"]: gr.update(choices=v.panel.suggestions, value=v.panel.suggestion),
        c["edit"]: v.panel.edit_text,
        c["diff"]: v.diff_html,
        c["bulk_category"]: gr.update(choices=v.bulk_choices, value=v.bulk_value),
        c["status"]: v.status_html,
        c["saved"]: gr.update() if v.saved is None else gr.update(
            choices=v.saved, value=v.saved_selected if v.saved_selected is not None else v.review_id),
        c["grid"]: v.grid_html,
        c["page_info"]: v.page_info_html,
        c["page"]: v.page,
        c["segment"]: v.segment,
        c["seg_text"]: v.segment_panel.text,
        c["seg_info"]: v.segment_panel.info_html,
        c["progress"]: v.progress_html,
        c["cancel_btn"]: gr.update(visible=v.running),
        c["view_key"]: v.render_key,
        c["views"]: gr.update(),
    }


def panel_updates(gr: Any, c: Components, p: FlagPanel) -> dict[Any, Any]:
    """The updates of :data:`PANEL_OUTPUTS` for a selected flag (the status line is cleared)."""
    return {
        c["flag"]: gr.update(value=p.flag_id),
        c["detail"]: p.detail_html,
        c["suggestion"]: gr.update(choices=p.suggestions, value=p.suggestion),
        c["edit"]: p.edit_text,
        c["status"]: status_html(""),
    }


def glossary_updates(gr: Any, c: Components, g: GlossaryView) -> dict[Any, Any]:
    """The updates of :data:`GLOSSARY_OUTPUTS`."""
    return {c["g_table"]: g.rows, c["g_remove"]: gr.update(choices=g.remove_choices, value=None),
            c["g_csv"]: g.csv_path}


def guarded(gr: Any, fn: Callable[..., dict[Any, Any]], status: Any) -> Callable[..., dict[Any, Any]]:
    """Run a handler; a user error becomes a message in the ``status`` component, never a traceback, a
    server path or an exception's class name (:func:`~mtreview.ui.messages.user_message`)."""
    def wrapper(*args: Any) -> dict[Any, Any]:
        try:
            return fn(*args)
        except (MtreviewError, ValueError, OSError, UnicodeError) as e:
            msg, kind = user_message(e), "error"
        except Exception:  # noqa: BLE001 - reported, logged, the app stays up
            log.exception("handler %s failed", getattr(fn, "__name__", fn))
            msg, kind = "internal error; see the server log", "error"
        return {status: status_html(msg, kind)}
    # Gradio injects gr.Request, gr.SelectData and gr.Progress by signature and type hints: keep them
    wrapper.__name__ = getattr(fn, "__name__", "handler")
    wrapper.__signature__ = inspect.signature(fn)  # type: ignore[attr-defined]
    wrapper.__annotations__ = typing.get_type_hints(fn, localns={"gr": gr})
    return wrapper


# ------------------------------------------------------------------------------------------ layout

def _review_tab(gr: Any, c: Components, ctl: ReviewController) -> None:
    def poll_progress(key: Any) -> dict[str, Any]:
        """The page's poll of a running review (:data:`~mtreview.ui.grid.PROGRESS_JS`): the progress bar when
        the page shown (``key``, its view's render key) is full, else ``refresh`` (its page may grow, or
        the review has ended: the page then redraws the view, :func:`do_poll`)."""
        shown = str(key or "")
        p = ctl.progress(shown.split("|", 1)[0], shown)
        return {"refresh": True} if p is None else progress_update(p)

    cat_choices = [(f"{cat} — {label}", cat) for cat, label in CATEGORIES.items()]
    with gr.Tab("Review", id="review", elem_id="tab-review"):
        with gr.Row():
            with gr.Column(scale=3):
                c["text"] = gr.Textbox(label="Text to review (French MT output)", lines=6, max_lines=14,
                                       elem_id="mtr-text-in",
                                       placeholder="Paste the text here, or upload a file (reviewed instead)")
                c["source"] = gr.Textbox(label="Source text (optional, aligned by line)", lines=2,
                                         max_lines=8, elem_id="mtr-source-in")
            with gr.Column(scale=2):
                c["file"] = gr.File(label="…or upload a file (txt, tsv, jsonl, xliff)",
                                    file_types=REVIEW_FILE_TYPES, elem_id="mtr-file-in", height=150)
                c["source_file"] = gr.File(label="Source file (optional)", file_types=[".txt"],
                                           elem_id="mtr-source-file-in", height=150)
        with gr.Row():
            with gr.Accordion("Categories to show (all by default)", open=False):
                c["categories"] = gr.CheckboxGroup(cat_choices, value=list(CATEGORIES), label="Categories",
                                                   elem_id="mtr-categories", show_select_all=True)
            with gr.Column(scale=1, min_width=220):
                c["threshold"] = gr.Slider(0.0, 1.0, value=DEFAULT_THRESHOLD, step=0.05,
                                           label="Confidence threshold", elem_id="mtr-threshold")
                c["review_btn"] = gr.Button("Review", variant="primary", elem_id="mtr-review-btn")
        with gr.Row():
            c["saved"] = gr.Dropdown(choices=[], value=None, label="Saved reviews", elem_id="mtr-saved",
                                     scale=4, interactive=True)
            c["open_btn"] = gr.Button("Open saved review", elem_id="mtr-open-btn", scale=1)
        with gr.Accordion("Rename or delete the chosen saved review", open=False, elem_id="mtr-manage"):
            with gr.Row():
                c["rename_text"] = gr.Textbox(label="New name", elem_id="mtr-rename-text", scale=4,
                                              placeholder="a new name for the review chosen in Saved reviews")
                c["rename_btn"] = gr.Button("Rename", elem_id="mtr-rename-btn", scale=1)
                c["delete_btn"] = gr.Button("Delete…", variant="stop", elem_id="mtr-delete-btn", scale=1)
            with gr.Row(visible=False, elem_id="mtr-delete-confirm") as confirm:
                c["delete_question"] = gr.HTML("", elem_id="mtr-delete-question", js_on_load=None)
                c["delete_yes"] = gr.Button("Yes, delete it", variant="stop", elem_id="mtr-delete-yes")
                c["delete_no"] = gr.Button("Cancel", elem_id="mtr-delete-no")
            c["delete_confirm"] = confirm
            c["delete_pending"] = gr.State(None)
        c["status"] = gr.HTML(status_html(""), elem_id="mtr-status", js_on_load=None)
        with gr.Row(equal_height=True):
            c["progress"] = gr.HTML("", elem_id="mtr-progress", js_on_load=PROGRESS_JS,
                                    server_functions=[poll_progress])
            c["cancel_btn"] = gr.Button("Cancel the review", variant="stop", visible=False, elem_id="mtr-cancel",
                                        scale=0, min_width=160)
        c["summary"] = gr.HTML("", elem_id="mtr-summary", js_on_load=None)
        with gr.Row(equal_height=True, elem_id="mtr-grid-filters"):
            c["severity"] = gr.CheckboxGroup(list(SEVERITY_CHOICES), value=list(SEVERITY_CHOICES), label="Severity",
                                             elem_id="mtr-severity", scale=2)
            c["status_filter"] = gr.CheckboxGroup(list(STATUS_CHOICES), value=list(STATUS_CHOICES), label="Status",
                                                  elem_id="mtr-status-filter", scale=3)
            c["query"] = gr.Textbox(label="Find (in target, source or flag; Enter)", elem_id="mtr-query", scale=2)
            c["only_flagged"] = gr.Checkbox(value=False, label="Only segments with flags", elem_id="mtr-only-flagged",
                                            scale=1)
        with gr.Row(equal_height=True, elem_id="mtr-nav"):
            c["prev_page_btn"] = gr.Button("◀ Page", elem_id="mtr-prev-page", size="sm", scale=0, min_width=80)
            c["page_info"] = gr.HTML("", elem_id="mtr-page-info", js_on_load=None)
            c["next_page_btn"] = gr.Button("Page ▶", elem_id="mtr-next-page", size="sm", scale=0, min_width=80)
            c["prev_seg_btn"] = gr.Button("◀ Segment (p)", elem_id="mtr-prev-seg", size="sm", scale=0, min_width=110)
            c["next_seg_btn"] = gr.Button("Segment ▶ (n)", elem_id="mtr-next-seg", size="sm", scale=0, min_width=110)
            c["prev_flag_btn"] = gr.Button("◀ Flag (k)", elem_id="mtr-prev-flag", size="sm", scale=0, min_width=100)
            c["next_flag_btn"] = gr.Button("Flag ▶ (j)", elem_id="mtr-next-flag", size="sm", scale=0, min_width=100)
        c["page"] = gr.State(1)
        c["segment"] = gr.State(None)
        c["view_key"] = gr.State("")
        with gr.Row():
            with gr.Column(scale=3):
                with gr.Tabs(elem_id="mtr-views") as views:
                    with gr.Tab("Text", id="text"):
                        # the colours come with each page: those of its labels only (views.page_colours)
                        c["highlight"] = gr.HighlightedText(label="Flags in the text (this page; click a span)",
                                                            color_map={}, show_legend=False,
                                                            combine_adjacent=False, elem_id="mtr-highlight")
                    with gr.Tab("Segments", id="segments"):
                        c["grid"] = gr.HTML("", elem_id="mtr-grid", js_on_load=GRID_JS)
                c["views"] = views
            with gr.Column(scale=2):
                c["flag"] = gr.Dropdown(choices=[], value=None, label="Flag", elem_id="mtr-flag-select",
                                        interactive=True)
                c["detail"] = gr.HTML(flag_detail_html(None, None), elem_id="mtr-detail", js_on_load=None)
                c["suggestion"] = gr.Radio(choices=[], label="Suggestion to apply", elem_id="mtr-suggestion")
                with gr.Row():
                    c["accept_btn"] = gr.Button("Accept", variant="primary", elem_id="mtr-accept")
                    c["reject_btn"] = gr.Button("Reject", variant="stop", elem_id="mtr-reject")
                    c["undo_btn"] = gr.Button("Undo", elem_id="mtr-undo")
                c["edit"] = gr.Textbox(label="Edit: your own correction (Enter saves)", elem_id="mtr-edit-text")
                c["edit_btn"] = gr.Button("Save edit", elem_id="mtr-edit")
                c["seg_info"] = gr.HTML("", elem_id="mtr-seg-info", js_on_load=None)
                c["seg_text"] = gr.Textbox(label="Whole segment: your own text (Ctrl+Enter saves)", lines=2,
                                           max_lines=8, elem_id="mtr-seg-text")
                with gr.Row():
                    c["seg_save_btn"] = gr.Button("Save segment", elem_id="mtr-seg-save")
                    c["seg_undo_btn"] = gr.Button("Undo segment edit", elem_id="mtr-seg-undo")
                with gr.Accordion("Accept in bulk", open=False):
                    # one control a line: the category labels («name/translated (12 pending)») need the width
                    c["bulk_category"] = gr.Dropdown(choices=[], label="Category", elem_id="mtr-bulk-cat")
                    c["bulk_category_btn"] = gr.Button("Accept all pending in this category",
                                                       elem_id="mtr-bulk-cat-btn")
                    c["bulk_threshold"] = gr.Slider(0.0, 1.0, value=0.9, step=0.05, label="Confidence at least",
                                                    elem_id="mtr-bulk-thr")
                    c["bulk_threshold_btn"] = gr.Button("Accept all pending above", elem_id="mtr-bulk-thr-btn")
        c["keys"] = gr.HTML(keys_html(DEFAULT_MAX_UPLOAD_BYTES), elem_id="mtr-keys", js_on_load=KEYS_JS)
        with gr.Tabs():
            with gr.Tab("Side by side", id="diff"):
                c["diff"] = gr.HTML("", elem_id="mtr-diff", js_on_load=None)
            with gr.Tab("Flags table", id="table"):
                c["table"] = gr.Dataframe(headers=FLAG_TABLE_HEADERS, value=[], interactive=False,
                                          elem_id="mtr-flag-table", wrap=True, max_height=420)
        with gr.Row():
            c["export_btn"] = gr.Button("Export corrected text, log and XLIFF", elem_id="mtr-export-btn")
            c["to_glossary_btn"] = gr.Button("Add accepted name corrections to my glossary",
                                             elem_id="mtr-to-glossary")
        c["exports"] = gr.File(label="Exports", file_count="multiple", interactive=False, elem_id="mtr-exports")


def _score_tab(gr: Any, c: Components) -> None:
    with gr.Tab("Score", id="score", elem_id="tab-score"):
        gr.Markdown("System outputs (one file per system) and references, aligned by line or id "
                    "(txt, tsv, jsonl, xliff, tmx, po). Scores are sacrebleu's.")
        with gr.Row():
            c["score_hyps"] = gr.File(label="Hypotheses", file_count="multiple", elem_id="mtr-score-hyps")
            c["score_refs"] = gr.File(label="References", file_count="multiple", elem_id="mtr-score-refs")
        c["score_metrics"] = gr.CheckboxGroup(["bleu", "chrf", "chrf++", "ter"], value=["bleu", "chrf", "ter"],
                                              label="Metrics", elem_id="mtr-score-metrics")
        c["score_btn"] = gr.Button("Score", variant="primary", elem_id="mtr-score-btn")
        c["score_status"] = gr.HTML(status_html(""), elem_id="mtr-score-status", js_on_load=None)
        c["score_table"] = gr.Dataframe(value=[], label="Scores (95% confidence intervals; significance against "
                                        "the first system)", interactive=False, elem_id="mtr-score-table",
                                        wrap=True)
        c["score_plot"] = gr.HTML("", elem_id="mtr-score-plot", js_on_load=None)
        c["score_files"] = gr.File(label="Reports", file_count="multiple", interactive=False,
                                   elem_id="mtr-score-files")


def _batch_tab(gr: Any, c: Components) -> None:
    with gr.Tab("Batch", id="batch", elem_id="tab-batch"):
        gr.Markdown("Normalise names in whole files (txt, tsv, jsonl, xliff, tmx, po) with a glossary "
                    "and the names engine; formats are kept.")
        with gr.Row():
            c["batch_files"] = gr.File(label="Files", file_count="multiple", elem_id="mtr-batch-files")
            c["batch_glossary"] = gr.File(label="Glossary (CSV, TSV or TBX; optional)",
                                          file_types=[".csv", ".tsv", ".tbx"], elem_id="mtr-batch-glossary")
        with gr.Row():
            c["batch_use_user"] = gr.Checkbox(value=True, label="Also use my glossary")
            c["batch_glossary_only"] = gr.Checkbox(value=False, label="Glossary only (no detection; fast)")
            c["batch_confidence"] = gr.Slider(0.0, 1.0, value=0.8, step=0.05, label="Minimum confidence")
        c["batch_btn"] = gr.Button("Normalise", variant="primary", elem_id="mtr-batch-btn")
        c["batch_status"] = gr.HTML(status_html(""), elem_id="mtr-batch-status", js_on_load=None)
        c["batch_out"] = gr.File(label="Downloads", file_count="multiple", interactive=False,
                                 elem_id="mtr-batch-out")
        c["batch_changes"] = gr.Dataframe(value=[], headers=["file", "line", "before", "after", "category"],
                                          label="Changes (first 1,000)", interactive=False,
                                          elem_id="mtr-batch-changes")


def _glossary_tab(gr: Any, c: Components) -> None:
    with gr.Tab("Glossary", id="glossary", elem_id="tab-glossary"):
        gr.Markdown("Your names: the next review and batch run use them (user entries win over the "
                    "built-in knowledge base). `aliases`: other correct forms, separated by `|`.")
        c["g_table"] = gr.Dataframe(value=[], headers=["id", "fr", "en", "ru", "aliases", "type", "origin"],
                                    interactive=False, elem_id="mtr-glossary-table")
        with gr.Row():
            c["g_fr"] = gr.Textbox(label="fr (the form to write)", elem_id="mtr-g-fr")
            c["g_en"] = gr.Textbox(label="en", elem_id="mtr-g-en")
            c["g_ru"] = gr.Textbox(label="ru", elem_id="mtr-g-ru")
            c["g_aliases"] = gr.Textbox(label="aliases", elem_id="mtr-g-aliases")
            c["g_type"] = gr.Dropdown(list(GLOSSARY_TYPES), value="person", label="type", elem_id="mtr-g-type")
        c["g_add_btn"] = gr.Button("Add name", variant="primary", elem_id="mtr-g-add")
        with gr.Row():
            c["g_remove"] = gr.Dropdown(choices=[], label="Name to remove", elem_id="mtr-g-remove-select")
            c["g_remove_btn"] = gr.Button("Remove", variant="stop", elem_id="mtr-g-remove")
        c["g_status"] = gr.HTML(status_html(""), elem_id="mtr-glossary-status", js_on_load=None)
        c["g_csv"] = gr.File(label="Glossary CSV", interactive=False, elem_id="mtr-glossary-csv")


# ------------------------------------------------------------------------------------------ events

def _wire_review(gr: Any, c: Components, ctl: ReviewController) -> None:
    view_out = c.pick(VIEW_OUTPUTS)
    panel_out = c.pick(PANEL_OUTPUTS)
    filters = c.pick(FILTERS)
    base = [c["review_id"], *filters, c["flag"]]  # review, filters, selected flag

    def ok(fn: Callable[..., dict[Any, Any]]) -> Callable[..., dict[Any, Any]]:
        return guarded(gr, fn, c["status"])

    def show(v: ReviewView) -> dict[Any, Any]:
        return view_updates(gr, c, v)

    grid_in = c.pick(GRID_INPUTS)

    def grid_filter(*values: Any, place: bool = True) -> GridFilter:
        """The grid's filters from the :data:`GRID_INPUTS` values; ``place=False`` drops the page and the
        segment (the view then shows the selected flag's page)."""
        g = GridFilter.of(*values)
        return g if place else GridFilter(g.severities, g.statuses, g.query, g.only_flagged)

    def first_view(v: ReviewView) -> dict[Any, Any]:
        """A new or reopened review: the grid first when it has a source to show beside the target."""
        return {**show(v), c["views"]: gr.update(selected="segments" if v.has_source else "text")}

    def do_review(text: str, source: str, file: Any, source_file: Any, categories: list[str],
                  threshold: float,
                  *grid: Any) -> dict[Any, Any]:
        g = grid_filter(*grid, place=False)
        return first_view(ctl.start_review(text, source, file, source_file, categories=categories,
                                           threshold=threshold, grid=g))

    # a review runs in the background (mtreview.ui.jobs): the click answers within seconds, so reviews
    # of several users run at once (their chunks take turns on the engine); the page polls it (PROGRESS_JS)
    c["review_btn"].click(ok(do_review), c.pick(["text", "source", "file", "source_file", *FILTERS, *GRID_INPUTS]),
                          view_out, concurrency_limit=MAX_JOBS, concurrency_id="review")

    def do_poll(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                shown_key: str | None,
                *grid: Any) -> dict[Any, Any]:
        """The view of a running review when the page's poll asks for it: its page may grow, or it ended."""
        if not review_id:
            return {c["progress"]: "", c["cancel_btn"]: gr.update(visible=False)}
        try:
            v = ctl.poll(review_id, categories, threshold, selected,
                         grid=grid_filter(*grid))
        except MtreviewError as e:  # deleted meanwhile: say it once, stop polling
            return {c["progress"]: "", c["cancel_btn"]: gr.update(visible=False),
                    c["status"]: status_html(user_message(e), "error")}
        out = show(v)
        if v.render_key == shown_key and v.running:  # same page: progress only (the user may be typing)
            return {k: out[k] for k in c.pick(TICK_OUTPUTS)}
        if v.running or not v.message:  # keep the status line's message (a tick has none to give)
            out.pop(c["status"])
        if v.selected == selected:  # keep what is typed in the Edit boxes
            for name in ("edit", "seg_text", "suggestion"):
                out.pop(c[name])
        return out

    c["progress"].tick(ok(do_poll), [*base, c["view_key"], *grid_in], view_out, concurrency_limit=None,
                       show_progress="hidden", trigger_mode="once")

    def do_cancel(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                  *grid: Any) -> dict[Any, Any]:
        return show(ctl.cancel(review_id, categories, threshold, selected, grid=grid_filter(*grid)))

    c["cancel_btn"].click(ok(do_cancel), [*base, *grid_in], view_out, concurrency_limit=None)

    def do_filter(review_id: str | None, categories: list[str], threshold: float,
                  selected: str | None,
                  *grid: Any) -> dict[Any, Any]:
        g = grid_filter(*grid, place=False)
        return show(ctl.set_filters(review_id, categories, threshold, selected, grid=g))

    c["categories"].input(ok(do_filter), [*base, *grid_in], view_out)
    c["threshold"].release(ok(do_filter), [*base, *grid_in], view_out)

    def do_grid_filter(review_id: str | None, categories: list[str], threshold: float,
                       selected: str | None,
                       *grid: Any) -> dict[Any, Any]:
        g = grid_filter(*grid, place=False)
        return show(ctl.view(review_id, categories, threshold, selected, grid=g)) if review_id else {}

    for name in ("severity", "status_filter", "only_flagged"):
        c[name].input(ok(do_grid_filter), [*base, *grid_in], view_out, show_progress="hidden")
    c["query"].submit(ok(do_grid_filter), [*base, *grid_in], view_out, show_progress="hidden")

    def nav(method: str, step: int) -> Callable[..., dict[Any, Any]]:
        def handler(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                    *grid: Any) -> dict[Any, Any]:
            g = grid_filter(*grid)
            if method == "flag":
                v = ctl.step_flag(review_id, selected, step, categories=categories, threshold=threshold, grid=g)
            elif method == "segment":
                v = ctl.step_segment(review_id, g.segment, step, categories=categories, threshold=threshold,
                                     selected=selected, grid=g)
            else:
                v = ctl.goto_page(review_id, (g.page or 1) + step, categories=categories, threshold=threshold,
                                  selected=selected, grid=g)
            return show(v)

        handler.__name__ = f"do_{'next' if step > 0 else 'prev'}_{method}"
        return handler

    for btn, method, step in (("next_flag_btn", "flag", 1), ("prev_flag_btn", "flag", -1),
                              ("next_seg_btn", "segment", 1), ("prev_seg_btn", "segment", -1),
                              ("next_page_btn", "page", 1), ("prev_page_btn", "page", -1)):
        c[btn].click(ok(nav(method, step)), [*base, *grid_in], view_out, show_progress="hidden")

    def on_grid_select(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                       sev: Any = None, sts: Any = None, query: Any = "", only: Any = False, page: Any = None,
                       seg: Any = None, evt: gr.SelectData = None) -> dict[Any, Any]:
        return show(ctl.select_in_grid(review_id, str(evt.value or ""), categories=categories, threshold=threshold,
                                       selected=selected, grid=grid_filter(sev, sts, query, only, page, seg)))

    c["grid"].select(ok(on_grid_select), [*base, *grid_in], view_out, show_progress="hidden")

    def do_sync(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                *grid: Any) -> dict[Any, Any]:
        """After a flag is chosen in the text, the table or the Flag list: the grid and the segment follow."""
        if not review_id or not selected:
            return {}
        g = grid_filter(*grid, place=False)
        out = show(ctl.view(review_id, categories, threshold, selected, grid=g))
        return {k: out[k] for k in c.pick(("grid", "page_info", "page", "segment", "seg_text", "seg_info",
                                           "view_key"))}

    def do_save_segment(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                        text: str | None,
                        *grid: Any) -> dict[Any, Any]:
        g = grid_filter(*grid)
        return show(ctl.edit_segment(review_id, g.segment, text, categories=categories, threshold=threshold,
                                     selected=selected, grid=g))

    def do_undo_segment(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                        *grid: Any) -> dict[Any, Any]:
        g = grid_filter(*grid)
        return show(ctl.undo_segment(review_id, g.segment, categories=categories, threshold=threshold,
                                     selected=selected, grid=g))

    c["seg_save_btn"].click(ok(do_save_segment), [*base, c["seg_text"], *grid_in], view_out)
    c["seg_undo_btn"].click(ok(do_undo_segment), [*base, *grid_in], view_out)

    def do_open(saved_id: str | None) -> dict[Any, Any]:
        v = ctl.open(saved_id)
        return {**first_view(v), c["categories"]: gr.update(value=v.categories),
                c["threshold"]: gr.update(value=v.threshold)}

    c["open_btn"].click(ok(do_open), [c["saved"]], [*view_out, *filters])

    def do_rename(saved_id: str | None, title: str | None, review_id: str | None, categories: list[str],
                  threshold: float, selected: str | None) -> dict[Any, Any]:
        v = ctl.rename(saved_id, title, current=review_id, categories=categories, threshold=threshold,
                       selected=selected)
        return {**show(v), c["rename_text"]: ""}

    c["rename_btn"].click(ok(do_rename), [c["saved"], c["rename_text"], *base], [*view_out, c["rename_text"]])

    def ask_delete(saved_id: str | None) -> dict[Any, Any]:
        question = ctl.delete_prompt(saved_id)
        return {c["delete_question"]: status_html(question, "info"), c["delete_confirm"]: gr.update(visible=True),
                c["delete_pending"]: saved_id, c["status"]: status_html("")}

    c["delete_btn"].click(ok(ask_delete), [c["saved"]],
                          c.pick(["delete_question", "delete_confirm", "delete_pending", "status"]))

    def do_delete(pending: str | None, review_id: str | None, categories: list[str], threshold: float,
                  selected: str | None) -> dict[Any, Any]:
        v = ctl.delete(pending, current=review_id, categories=categories, threshold=threshold, selected=selected)
        return {**show(v), c["delete_confirm"]: gr.update(visible=False), c["delete_pending"]: None}

    c["delete_yes"].click(ok(do_delete), [c["delete_pending"], *base],
                          [*view_out, c["delete_confirm"], c["delete_pending"]])

    def cancel_delete() -> dict[Any, Any]:
        return {c["delete_confirm"]: gr.update(visible=False), c["delete_pending"]: None,
                c["status"]: status_html("Nothing deleted.")}

    c["delete_no"].click(ok(cancel_delete), None, c.pick(["delete_confirm", "delete_pending", "status"]))

    def on_highlight_select(review_id: str | None, categories: list[str], threshold: float,
                      sev: Any = None, sts: Any = None, query: Any = "", only: Any = False, page: Any = None,
                      seg: Any = None,
                            evt: gr.SelectData = None) -> dict[Any, Any]:
        idx = evt.index if isinstance(evt.index, int) else (evt.index[0] if evt.index else None)
        panel = ctl.select_segment(review_id, idx, categories=categories, threshold=threshold, grid=grid_filter(sev, sts, query, only, page, seg))
        return gr.update() if panel is None else panel_updates(gr, c, panel)

    sync_out = c.pick(("grid", "page_info", "page", "segment", "seg_text", "seg_info", "view_key"))
    c["highlight"].select(ok(on_highlight_select), [c["review_id"], *filters, *grid_in], panel_out).then(
        ok(do_sync), [*base, *grid_in], sync_out, show_progress="hidden")

    def on_table_select(review_id: str | None, evt: gr.SelectData) -> dict[Any, Any]:
        row = evt.row_value if getattr(evt, "row_value", None) else None
        flag_id = row[0] if row else None
        if not flag_id:
            return gr.update()
        return panel_updates(gr, c, ctl.select(review_id, str(flag_id)))

    c["table"].select(ok(on_table_select), [c["review_id"]], panel_out).then(
        ok(do_sync), [*base, *grid_in], sync_out, show_progress="hidden")

    def do_select(review_id: str | None, flag_id: str | None) -> dict[Any, Any]:
        return panel_updates(gr, c, ctl.select(review_id, flag_id))

    c["flag"].input(ok(do_select), [c["review_id"], c["flag"]], panel_out).then(
        ok(do_sync), [*base, *grid_in], sync_out, show_progress="hidden")

    def do_accept(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                  suggestion: str | None,
                  *grid: Any) -> dict[Any, Any]:
        return show(ctl.accept(review_id, flag_id, suggestion, categories=categories, threshold=threshold,
                               grid=grid_filter(*grid)))

    def do_reject(review_id: str | None, categories: list[str], threshold: float,
                  flag_id: str | None,
                  *grid: Any) -> dict[Any, Any]:
        return show(ctl.reject(review_id, flag_id, categories=categories, threshold=threshold, grid=grid_filter(*grid)))

    def do_edit(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                text: str | None,
                *grid: Any) -> dict[Any, Any]:
        return show(ctl.edit(review_id, flag_id, text, categories=categories, threshold=threshold,
                             grid=grid_filter(*grid)))

    def do_undo(review_id: str | None, categories: list[str], threshold: float,
                flag_id: str | None,
                *grid: Any) -> dict[Any, Any]:
        return show(ctl.undo(review_id, flag_id, categories=categories, threshold=threshold, grid=grid_filter(*grid)))

    c["accept_btn"].click(ok(do_accept), [*base, c["suggestion"], *grid_in], view_out)
    c["reject_btn"].click(ok(do_reject), [*base, *grid_in], view_out)
    c["edit_btn"].click(ok(do_edit), [*base, c["edit"], *grid_in], view_out)
    c["edit"].submit(ok(do_edit), [*base, c["edit"], *grid_in], view_out)
    c["undo_btn"].click(ok(do_undo), [*base, *grid_in], view_out)

    def do_bulk_category(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                         category: str | None) -> dict[Any, Any]:
        return show(ctl.accept_category(review_id, category, categories=categories, threshold=threshold,
                                        selected=selected))

    def do_bulk_threshold(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                          minimum: float) -> dict[Any, Any]:
        return show(ctl.accept_above(review_id, minimum, categories=categories, threshold=threshold,
                                     selected=selected))

    c["bulk_category_btn"].click(ok(do_bulk_category), [*base, c["bulk_category"]], view_out)
    c["bulk_threshold_btn"].click(ok(do_bulk_threshold), [*base, c["bulk_threshold"]], view_out)

    def do_export(review_id: str | None) -> dict[Any, Any]:
        result = ctl.export(review_id)
        return {c["exports"]: [str(p) for p in result.paths], c["status"]: status_html(result.message)}

    c["export_btn"].click(ok(do_export), [c["review_id"]], [c["exports"], c["status"]])

    def do_to_glossary(review_id: str | None) -> dict[Any, Any]:
        g = ctl.add_to_glossary(review_id)
        return {c["status"]: status_html(g.message, g.kind), **glossary_updates(gr, c, g)}

    c["to_glossary_btn"].click(ok(do_to_glossary), [c["review_id"]], [c["status"], *c.pick(GLOSSARY_OUTPUTS)])


def _wire_glossary(gr: Any, c: Components, ctl: ReviewController) -> None:
    outputs = [c["g_status"], *c.pick(GLOSSARY_OUTPUTS)]
    fields = ("g_fr", "g_en", "g_ru", "g_aliases")

    def show(g: GlossaryView) -> dict[Any, Any]:
        return {c["g_status"]: status_html(g.message, g.kind), **glossary_updates(gr, c, g)}

    def do_add(fr: str, en: str, ru: str, aliases: str, entry_type: str) -> dict[Any, Any]:
        return {**show(ctl.glossary_add(fr, en, ru, aliases, entry_type)), **{c[f]: "" for f in fields}}

    c["g_add_btn"].click(guarded(gr, do_add, c["g_status"]), c.pick([*fields, "g_type"]),
                         [*outputs, *c.pick(fields)])

    def do_remove(entry_id: Any) -> dict[Any, Any]:
        return show(ctl.glossary_remove(entry_id))

    c["g_remove_btn"].click(guarded(gr, do_remove, c["g_status"]), [c["g_remove"]], outputs)


def _wire_score(gr: Any, c: Components, ctl: ReviewController) -> None:
    def do_score(hyps: Any, refs: Any, metrics: list[str]) -> dict[Any, Any]:
        s = ctl.score(hyps, refs, metrics)
        import pandas as pd

        return {c["score_status"]: status_html(s.message, s.kind),
                c["score_table"]: pd.DataFrame(s.rows, columns=s.columns),
                c["score_plot"]: s.plot_html, c["score_files"]: s.files}

    c["score_btn"].click(guarded(gr, do_score, c["score_status"]), c.pick(["score_hyps", "score_refs", "score_metrics"]),
                         c.pick(["score_status", "score_table", "score_plot", "score_files"]))


def _wire_batch(gr: Any, c: Components, ctl: ReviewController) -> None:
    def do_batch(files: Any, glossary: Any, use_user: bool, gloss_only: bool, min_conf: float,
                 progress: gr.Progress = gr.Progress()) -> dict[Any, Any]:  # noqa: B008 - Gradio's progress idiom
        b = ctl.batch(files, glossary, use_user_glossary=use_user, glossary_only=gloss_only,
                      min_confidence=min_conf, progress=progress)
        return {c["batch_status"]: status_html(b.message, b.kind) + skipped_html(b.skipped), c["batch_out"]: b.files,
                c["batch_changes"]: b.rows}

    c["batch_btn"].click(guarded(gr, do_batch, c["batch_status"]),
                         c.pick(["batch_files", "batch_glossary", "batch_use_user", "batch_glossary_only",
                                 "batch_confidence"]),
                         c.pick(["batch_status", "batch_out", "batch_changes"]))


def _wire_page_load(gr: Any, demo: Any, c: Components, ctl: ReviewController) -> None:
    """On page load: the saved reviews, the glossary, and the review of ``?review=ID`` if there is one."""
    def on_load(request: gr.Request) -> dict[Any, Any]:
        review_id = None
        try:
            review_id = request.query_params.get("review") if request is not None else None
        except AttributeError:
            review_id = None
        out = glossary_updates(gr, c, ctl.glossary())
        if review_id:
            try:
                v = ctl.open(review_id)
            except MtreviewError:
                pass
            else:
                return {**out, **view_updates(gr, c, v), c["categories"]: gr.update(value=v.categories),
                        c["threshold"]: gr.update(value=v.threshold)}
        return {**out, c["saved"]: gr.update(choices=ctl.saved_choices())}

    demo.load(guarded(gr, on_load, c["status"]), None,
              [*c.pick(VIEW_OUTPUTS), *c.pick(FILTERS), *c.pick(GLOSSARY_OUTPUTS)])


# ----------------------------------------------------------------------------------------- the app

#: the status lines, one a tab: an event that updates one shows its progress there, and only there
STATUS_LINES = ("status", "score_status", "batch_status", "g_status")


def _progress_on_status_lines(demo: Any, c: Components) -> None:
    """Every event shows its progress on its tab's status line only (``show_progress_on``); an event
    whose progress is hidden (the poll of a running review, the page's navigation) on none.

    Why: at every status message of any event (pending, started, done…), Gradio's page updates the
    loading state of every component that has ever been a progress target — by default every output (and
    input) of every event run so far — searching the component tree for each and copying its value. The
    review view has 23 outputs: while a long review ran, a poll every second made megabytes of garbage in
    the page a second, and Chromium's JS heap grew to 75 MB for 15 MB of live objects.
    """
    lines = {c[n]._id: c[n] for n in STATUS_LINES}
    for fn in demo.fns.values():
        if fn.show_progress_on is not None:
            continue
        if fn.show_progress == "hidden":
            fn.show_progress_on = []
            continue
        fn.show_progress_on = [lines[o._id] for o in fn.outputs if o._id in lines][:1]


def build_app(store_path: str | os.PathLike[str] | None = None, *, detectors: Sequence[str] | None = None,
              max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, engine: ReviewEngine | None = None,
              export_dir: str | os.PathLike[str] | None = None,
              controller: ReviewController | None = None) -> gr.Blocks:
    """The Gradio app over the review database at ``store_path`` (or ``engine``'s, or ``controller``'s).

    Exports go to ``export_dir``, by default a temporary folder removed when the process ends.
    """
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    if controller is None:
        store = engine.store if engine is not None else ReviewStore(store_path)
        controller = ReviewController(store, engine, detectors=detectors, max_upload_bytes=max_upload_bytes,
                                      export_dir=export_dir)
    c = Components()
    limit = controller.max_upload_bytes
    # uploads and downloads in Gradio's cache are deleted after a day (checked every hour)
    with gr.Blocks(title="mtreview — review machine-translated French", analytics_enabled=False,
                   delete_cache=(3600, 86400)) as demo:
        c["review_id"] = gr.State(None)
        gr.HTML('<h2 style="margin:4px 0">mtreview — review machine-translated French</h2>', js_on_load=None)
        with gr.Tabs():
            _review_tab(gr, c, controller)
            # the size limit, said in the page and checked there: a longer paste is refused before it stalls
            # the browser (the paste check of KEYS_JS reads the legend's data-max-bytes)
            c["text"].label = f"Text to review (French MT output; up to {limit / 2**20:g} MB; Ctrl+Enter reviews)"
            c["text"].max_length = limit
            c["keys"].value = keys_html(limit)
            _score_tab(gr, c)
            _batch_tab(gr, c)
            _glossary_tab(gr, c)
        _wire_review(gr, c, controller)
        _wire_glossary(gr, c, controller)
        _wire_score(gr, c, controller)
        _wire_batch(gr, c, controller)
        _wire_page_load(gr, demo, c, controller)
        _progress_on_status_lines(demo, c)
    demo.mtreview_components = c  # type: ignore[attr-defined]  # for tests and embedding
    return demo


__all__ = ["APP_JS", "CSP_META", "Components", "GLOSSARY_OUTPUTS", "GRID_INPUTS", "PANEL_OUTPUTS", "STATUS_LINES",
           "SYSTEM_FONTS", "SYSTEM_MONO_FONTS", "TICK_OUTPUTS", "VIEW_OUTPUTS", "app_theme", "build_app",
           "glossary_updates", "guarded", "launch_options", "panel_updates", "view_updates"]
