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
from .uploads import DEFAULT_MAX_UPLOAD_BYTES, REVIEW_FILE_TYPES
from .views import APP_CSS, FLAG_TABLE_HEADERS, colour_map, flag_detail_html, status_html

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

#: the components every redraw of the review view updates (see :func:`view_updates`)
VIEW_OUTPUTS = ("review_id", "summary", "highlight", "table", "flag", "detail", "suggestion", "edit", "diff",
                "bulk_category", "status")
#: the components a flag selection updates (see :func:`panel_updates`)
PANEL_OUTPUTS = ("flag", "detail", "suggestion", "edit", "status")
#: the Glossary tab's components that show the glossary (see :func:`glossary_updates`)
GLOSSARY_OUTPUTS = ("g_table", "g_remove", "g_csv")
#: the filters of the review view, in the order handlers receive them
FILTERS = ("categories", "threshold")


def app_theme() -> Any:
    """Gradio's default theme with system fonts (nothing fetched from a font service)."""
    import gradio as gr

    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=SYSTEM_MONO_FONTS)


def launch_options(max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch`` beyond host, port and auth: safe, local, offline."""
    return {
        "theme": app_theme(),
        "css": APP_CSS,
        "head": CSP_META,
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
        c["highlight"]: gr.update(value=v.segments),
        c["table"]: v.rows,
        c["flag"]: gr.update(choices=v.flag_choices, value=v.selected),
        c["detail"]: v.panel.detail_html,
        c["suggestion"]: gr.update(choices=v.panel.suggestions, value=v.panel.suggestion),
        c["edit"]: v.panel.edit_text,
        c["diff"]: v.diff_html,
        c["bulk_category"]: gr.update(choices=v.bulk_choices, value=v.bulk_value),
        c["status"]: v.status_html,
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
    """Run a handler; a user error becomes a message in the ``status`` component, never a traceback."""
    def wrapper(*args: Any) -> dict[Any, Any]:
        try:
            return fn(*args)
        except MtreviewError as e:
            msg, kind = str(e), "error"
        except (ValueError, OSError, UnicodeError) as e:
            msg, kind = f"{type(e).__name__}: {e}", "error"
        except Exception as e:  # noqa: BLE001 - reported, logged, the app stays up
            log.exception("handler %s failed", getattr(fn, "__name__", fn))
            msg, kind = f"internal error ({type(e).__name__}); see the server log", "error"
        return {status: status_html(msg, kind)}
    # Gradio injects gr.Request, gr.SelectData and gr.Progress by signature and type hints: keep them
    wrapper.__name__ = getattr(fn, "__name__", "handler")
    wrapper.__signature__ = inspect.signature(fn)  # type: ignore[attr-defined]
    wrapper.__annotations__ = typing.get_type_hints(fn, localns={"gr": gr})
    return wrapper


# ------------------------------------------------------------------------------------------ layout

def _review_tab(gr: Any, c: Components) -> None:
    cat_choices = [(f"{cat} — {label}", cat) for cat, label in CATEGORIES.items()]
    with gr.Tab("Review", id="review", elem_id="tab-review"):
        with gr.Row():
            with gr.Column(scale=3):
                c["text"] = gr.Textbox(label="Text to review (French MT output)", lines=6, max_lines=14,
                                       elem_id="mtr-text-in", placeholder="Paste the text here, or upload a file")
                c["source"] = gr.Textbox(label="Source text (optional, aligned by line)", lines=2,
                                         max_lines=8, elem_id="mtr-source-in")
            with gr.Column(scale=2):
                c["file"] = gr.File(label="…or upload a text (txt, tsv, jsonl, xliff; used instead of the pasted text)",
                                    file_types=REVIEW_FILE_TYPES, elem_id="mtr-file-in", height=120)
                c["source_file"] = gr.File(label="Source file (optional)", file_types=[".txt"],
                                           elem_id="mtr-source-file-in", height=120)
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
        c["status"] = gr.HTML(status_html(""), elem_id="mtr-status", js_on_load=None)
        c["summary"] = gr.HTML("", elem_id="mtr-summary", js_on_load=None)
        with gr.Row():
            with gr.Column(scale=3):
                c["highlight"] = gr.HighlightedText(label="Flags in the text (click a span)",
                                                    color_map=colour_map(), show_legend=False,
                                                    combine_adjacent=False, elem_id="mtr-highlight")
            with gr.Column(scale=2):
                c["flag"] = gr.Dropdown(choices=[], value=None, label="Flag", elem_id="mtr-flag-select",
                                        interactive=True)
                c["detail"] = gr.HTML(flag_detail_html(None, None), elem_id="mtr-detail", js_on_load=None)
                c["suggestion"] = gr.Radio(choices=[], label="Suggestion to apply", elem_id="mtr-suggestion")
                with gr.Row():
                    c["accept_btn"] = gr.Button("Accept", variant="primary", elem_id="mtr-accept")
                    c["reject_btn"] = gr.Button("Reject", variant="stop", elem_id="mtr-reject")
                    c["undo_btn"] = gr.Button("Undo", elem_id="mtr-undo")
                c["edit"] = gr.Textbox(label="Edit: your own correction", elem_id="mtr-edit-text")
                c["edit_btn"] = gr.Button("Save edit", elem_id="mtr-edit")
                with gr.Accordion("Accept in bulk", open=False):
                    with gr.Row():
                        c["bulk_category"] = gr.Dropdown(choices=[], label="Category", elem_id="mtr-bulk-cat")
                        c["bulk_category_btn"] = gr.Button("Accept all pending in this category",
                                                           elem_id="mtr-bulk-cat-btn")
                    with gr.Row():
                        c["bulk_threshold"] = gr.Slider(0.0, 1.0, value=0.9, step=0.05, label="Confidence at least",
                                                        elem_id="mtr-bulk-thr")
                        c["bulk_threshold_btn"] = gr.Button("Accept all pending above", elem_id="mtr-bulk-thr-btn")
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
        c["score_table"] = gr.Dataframe(value=[], label="Scores", interactive=False, elem_id="mtr-score-table")
        c["score_plot"] = gr.BarPlot(None, x="label", y="score", color="system", label="Scores by metric",
                                     x_title="metric · system", y_title="score", elem_id="mtr-score-plot")
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

    def do_review(text: str, source: str, file: Any, source_file: Any, categories: list[str],
                  threshold: float) -> dict[Any, Any]:
        v = ctl.review(text, source, file, source_file, categories=categories, threshold=threshold)
        return {**show(v), c["saved"]: gr.update(choices=v.saved, value=v.review_id)}

    c["review_btn"].click(ok(do_review), c.pick(["text", "source", "file", "source_file", *FILTERS]),
                          [*view_out, c["saved"]], concurrency_limit=1)

    def do_filter(review_id: str | None, categories: list[str], threshold: float,
                  selected: str | None) -> dict[Any, Any]:
        return show(ctl.set_filters(review_id, categories, threshold, selected))

    c["categories"].input(ok(do_filter), base, view_out)
    c["threshold"].release(ok(do_filter), base, view_out)

    def do_open(saved_id: str | None) -> dict[Any, Any]:
        v = ctl.open(saved_id)
        return {**show(v), c["categories"]: gr.update(value=v.categories), c["threshold"]: gr.update(value=v.threshold)}

    c["open_btn"].click(ok(do_open), [c["saved"]], [*view_out, *filters])

    def on_highlight_select(review_id: str | None, categories: list[str], threshold: float,
                            evt: gr.SelectData) -> dict[Any, Any]:
        idx = evt.index if isinstance(evt.index, int) else (evt.index[0] if evt.index else None)
        panel = ctl.select_segment(review_id, idx, categories=categories, threshold=threshold)
        return gr.update() if panel is None else panel_updates(gr, c, panel)

    c["highlight"].select(ok(on_highlight_select), [c["review_id"], *filters], panel_out)

    def on_table_select(review_id: str | None, evt: gr.SelectData) -> dict[Any, Any]:
        row = evt.row_value if getattr(evt, "row_value", None) else None
        flag_id = row[0] if row else None
        if not flag_id:
            return gr.update()
        return panel_updates(gr, c, ctl.select(review_id, str(flag_id)))

    c["table"].select(ok(on_table_select), [c["review_id"]], panel_out)

    def do_select(review_id: str | None, flag_id: str | None) -> dict[Any, Any]:
        return panel_updates(gr, c, ctl.select(review_id, flag_id))

    c["flag"].input(ok(do_select), [c["review_id"], c["flag"]], panel_out)

    def do_accept(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                  suggestion: str | None) -> dict[Any, Any]:
        return show(ctl.accept(review_id, flag_id, suggestion, categories=categories, threshold=threshold))

    def do_reject(review_id: str | None, categories: list[str], threshold: float,
                  flag_id: str | None) -> dict[Any, Any]:
        return show(ctl.reject(review_id, flag_id, categories=categories, threshold=threshold))

    def do_edit(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                text: str | None) -> dict[Any, Any]:
        return show(ctl.edit(review_id, flag_id, text, categories=categories, threshold=threshold))

    def do_undo(review_id: str | None, categories: list[str], threshold: float,
                flag_id: str | None) -> dict[Any, Any]:
        return show(ctl.undo(review_id, flag_id, categories=categories, threshold=threshold))

    c["accept_btn"].click(ok(do_accept), [*base, c["suggestion"]], view_out)
    c["reject_btn"].click(ok(do_reject), base, view_out)
    c["edit_btn"].click(ok(do_edit), [*base, c["edit"]], view_out)
    c["undo_btn"].click(ok(do_undo), base, view_out)

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
                c["score_table"]: pd.DataFrame(s.rows, columns=["system", *s.metrics]),
                c["score_plot"]: pd.DataFrame(s.plot_rows), c["score_files"]: s.files}

    c["score_btn"].click(guarded(gr, do_score, c["score_status"]), c.pick(["score_hyps", "score_refs", "score_metrics"]),
                         c.pick(["score_status", "score_table", "score_plot", "score_files"]))


def _wire_batch(gr: Any, c: Components, ctl: ReviewController) -> None:
    def do_batch(files: Any, glossary: Any, use_user: bool, gloss_only: bool, min_conf: float,
                 progress: gr.Progress = gr.Progress()) -> dict[Any, Any]:  # noqa: B008 - Gradio's progress idiom
        b = ctl.batch(files, glossary, use_user_glossary=use_user, glossary_only=gloss_only,
                      min_confidence=min_conf, progress=progress)
        return {c["batch_status"]: status_html(b.message, b.kind), c["batch_out"]: b.files,
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
                return {**out, c["saved"]: gr.update(choices=ctl.saved_choices(), value=review_id),
                        **view_updates(gr, c, v), c["categories"]: gr.update(value=v.categories),
                        c["threshold"]: gr.update(value=v.threshold)}
        return {**out, c["saved"]: gr.update(choices=ctl.saved_choices())}

    demo.load(guarded(gr, on_load, c["status"]), None,
              [c["saved"], *c.pick(VIEW_OUTPUTS), *c.pick(FILTERS), *c.pick(GLOSSARY_OUTPUTS)])


# ----------------------------------------------------------------------------------------- the app

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
    # uploads and downloads in Gradio's cache are deleted after a day (checked every hour)
    with gr.Blocks(title="mtreview — review machine-translated French", analytics_enabled=False,
                   delete_cache=(3600, 86400)) as demo:
        c["review_id"] = gr.State(None)
        gr.HTML('<h2 style="margin:4px 0">mtreview — review machine-translated French</h2>', js_on_load=None)
        with gr.Tabs():
            _review_tab(gr, c)
            _score_tab(gr, c)
            _batch_tab(gr, c)
            _glossary_tab(gr, c)
        _wire_review(gr, c, controller)
        _wire_glossary(gr, c, controller)
        _wire_score(gr, c, controller)
        _wire_batch(gr, c, controller)
        _wire_page_load(gr, demo, c, controller)
    demo.mtreview_components = c  # type: ignore[attr-defined]  # for tests and embedding
    return demo


__all__ = ["CSP_META", "Components", "GLOSSARY_OUTPUTS", "PANEL_OUTPUTS", "SYSTEM_FONTS", "SYSTEM_MONO_FONTS",
           "VIEW_OUTPUTS", "app_theme", "build_app", "glossary_updates", "guarded", "launch_options",
           "panel_updates", "view_updates"]
