"""The Gradio wiring without a browser: every event's handler updates only the components it declares.

Builds the app (Gradio: the slow tier) over a controller with the stand-in engine of
tests/test_ui_controller.py, then calls the handlers Gradio would call and checks their updates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_ui_controller import TEXT, FixedEngine
from test_ui_jobs import LINE, PagedEngine

from mtreview.store import ReviewStore
from mtreview.ui import ReviewController, build_app
from mtreview.ui.wiring import STATUS_LINES, VIEW_OUTPUTS

pytestmark = pytest.mark.slow


class App:
    """The built app, its components by name, and its events by handler name."""

    def __init__(self, tmp_path: Path) -> None:
        store = ReviewStore(tmp_path / "reviews.sqlite3")
        self.ctl = ReviewController(store, FixedEngine(store), export_dir=tmp_path / "exports")  # type: ignore[arg-type]
        self.demo = build_app(controller=self.ctl)
        self.c = self.demo.mtreview_components
        self.events = {fn.name: fn for fn in self.demo.fns.values()}

    def call(self, name: str, *args: Any) -> dict[Any, Any]:
        """Run the handler ``name`` as Gradio would and check its updates against the event's outputs."""
        event = self.events[name]
        out = event.fn(*args)
        assert isinstance(out, dict), (name, out)
        import gradio as gr  # imported here: collecting the fast tier stays light

        if out == gr.update():  # nothing to change
            return {}
        ids = {o._id for o in event.outputs}
        assert all(k._id in ids for k in out), f"{name} updates a component it does not declare"
        return out


@pytest.fixture()
def app(tmp_path: Path) -> App:
    return App(tmp_path)


def test_components_are_named_and_every_event_has_a_handler(app: App):
    assert {"text", "review_btn", "highlight", "flag", "status", "g_table", "score_btn", "batch_btn"} <= set(app.c)
    assert {app.c[n].elem_id for n in ("highlight", "diff", "status", "exports")} == {
        "mtr-highlight", "mtr-diff", "mtr-status", "mtr-exports"}
    assert {"do_review", "do_filter", "do_open", "on_highlight_select", "on_table_select", "do_select", "do_accept",
            "do_reject", "do_edit", "do_undo", "do_bulk_category", "do_bulk_threshold", "do_export",
            "do_to_glossary", "do_add", "do_remove", "do_score", "do_batch", "on_load"} <= set(app.events)


def test_review_decide_export_through_the_handlers(app: App):
    c = app.c
    cats, thr = app.ctl.all_categories, 0.0
    out = app.call("do_review", TEXT, "", None, None, cats, thr)
    assert {c[n] for n in VIEW_OUTPUTS} | {c["saved"]} == set(out)
    rid = out[c["review_id"]]
    assert out[c["highlight"]]["value"][1] == ("masque", "name/translated")
    labels = {label for _, label in out[c["highlight"]]["value"] if label}
    assert set(out[c["highlight"]]["color_map"]) == labels, "the colours of the page's labels, no more"
    assert out[c["flag"]]["value"] == "f1" and out[c["saved"]]["value"] == rid
    assert "Reviewed" in out[c["status"]]

    out = app.call("do_accept", rid, cats, thr, "f1", "Musk")
    assert "f1 «masque» accepted → «Musk»." in out[c["status"]] and "<ins>Musk</ins>" in out[c["diff"]]
    out = app.call("do_select", rid, "f2")
    assert set(out) == {c["flag"], c["detail"], c["suggestion"], c["edit"], c["status"]}
    assert out[c["suggestion"]]["choices"] == ["Elon"] and out[c["edit"]] == "Elon"

    out = app.call("do_reject", rid, cats, thr, None)  # no flag selected: a message, nothing else
    assert set(out) == {c["status"]} and "select a flag first" in out[c["status"]] and "mtr-error" in out[c["status"]]

    out = app.call("do_export", rid)
    assert len(out[c["exports"]]) == 4 and "Exported 4 files (1 decision)." in out[c["status"]]
    out = app.call("do_to_glossary", rid)
    assert out[c["g_table"]][0][1] == "Elon Musk" and "Added to your glossary" in out[c["status"]]

    out = app.call("do_open", rid)
    assert out[c["categories"]]["value"] == cats and "(1 decision so far)" in out[c["status"]]


def test_page_load_opens_the_review_in_the_address(app: App):
    class Request:
        def __init__(self, query: dict[str, str]) -> None:
            self.query_params = query

    c = app.c
    rid = app.ctl.review(TEXT).review_id
    out = app.call("on_load", Request({"review": rid}))
    assert out[c["review_id"]] == rid and out[c["saved"]]["value"] == rid and "Opened" in out[c["status"]]
    out = app.call("on_load", Request({}))
    assert set(out) == {c["saved"], c["g_table"], c["g_remove"], c["g_csv"]}, "no review: the view is left alone"
    assert out[c["saved"]]["choices"][0][1] == rid


def test_glossary_tab_handlers_clear_the_form(app: App):
    c = app.c
    out = app.call("do_add", "Jair Bolsonaro", "", "", "Bolsonaro", "person")
    assert "Added «Jair Bolsonaro»." in out[c["g_status"]] and out[c["g_fr"]] == "" and out[c["g_aliases"]] == ""
    entry = out[c["g_table"]][0][0]
    out = app.call("do_remove", entry)
    assert "Removed." in out[c["g_status"]] and out[c["g_table"]] == []
    out = app.call("do_remove", None)
    assert set(out) == {c["g_status"]} and "choose the name" in out[c["g_status"]]


def test_saved_reviews_rename_and_delete_through_the_handlers(app: App):
    """Decisions redraw the saved list; Delete asks first (a confirmation row), and only «Yes» deletes."""
    c = app.c
    cats, thr = app.ctl.all_categories, 0.0
    rid = app.call("do_review", TEXT, "", None, None, cats, thr)[c["review_id"]]
    out = app.call("do_accept", rid, cats, thr, "f1", "Musk")
    assert out[c["saved"]]["choices"][0][0].endswith("1/4 decided") and out[c["saved"]]["value"] == rid

    out = app.call("do_rename", rid, "Mon article", rid, cats, thr, "f2")
    assert "Renamed to «Mon article»." in out[c["status"]] and out[c["rename_text"]] == ""
    assert out[c["saved"]]["choices"][0][0].startswith("Mon article · ") and "Mon article" in out[c["summary"]]

    out = app.call("ask_delete", rid)
    assert out[c["delete_confirm"]]["visible"] is True and out[c["delete_pending"]] == rid
    assert "Delete «Mon article» with its 4 flags and 1 decision?" in out[c["delete_question"]]
    out = app.call("cancel_delete")
    assert out[c["delete_confirm"]]["visible"] is False and "Nothing deleted." in out[c["status"]]
    assert app.ctl.store.list_reviews(), "asking and cancelling delete nothing"

    out = app.call("do_delete", rid, rid, cats, thr, "f2")
    assert "Deleted «Mon article»." in out[c["status"]] and out[c["review_id"]] is None
    assert out[c["saved"]]["choices"] == [] and out[c["delete_confirm"]]["visible"] is False
    assert app.ctl.store.list_reviews() == []
    out = app.call("ask_delete", None)
    assert set(out) == {c["status"]} and "choose the saved review to delete" in out[c["status"]]


def test_score_and_batch_handlers_show_intervals_and_skipped_files(app: App, tmp_path: Path):
    c = app.c
    ref = tmp_path / "ref.txt"
    ref.write_text("Elon Musk a parlé.\nLe chat dort.\n", encoding="utf-8")
    hyp = tmp_path / "sys.txt"
    hyp.write_text("Le masque a parlé.\nLe chat dort.\n", encoding="utf-8")
    out = app.call("do_score", [str(hyp)], [str(ref)], ["bleu", "ter"])
    assert list(out[c["score_table"]].columns) == ["system", "BLEU", "BLEU 95% CI", "TER", "TER 95% CI"]
    assert out[c["score_plot"]].count("<svg") == 2
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01" * 40)
    gloss = tmp_path / "names.csv"
    gloss.write_text("fr,variants,type\nElon Musk,Ilon Musk,person\n", encoding="utf-8")
    out = app.call("do_batch", [str(binary)], str(gloss), False, True, 0.8)
    assert "<b>binary.txt</b>: this looks like a binary file" in out[c["batch_status"]]
    assert str(tmp_path) not in out[c["batch_status"]]


def test_events_show_their_progress_on_their_status_line_only(app: App):
    """Gradio's page updates the loading state of every progress target of every event run so far at each
    status message of any event: an event's progress goes to its tab's status line, or nowhere."""
    lines = {app.c[n]._id for n in STATUS_LINES}
    for fn in app.demo.fns.values():
        assert fn.show_progress_on is not None and len(fn.show_progress_on) <= 1, fn.name
        assert {b._id for b in fn.show_progress_on} <= lines, fn.name
        if fn.show_progress == "hidden":
            assert fn.show_progress_on == [], fn.name
    assert app.c["highlight"].color_map == {}, "no colour map before a page (each page brings its own)"


def test_a_running_review_is_polled_by_a_request_not_an_event(tmp_path: Path):
    """The page polls a running review through the progress bar's server function (PROGRESS_JS): the bar's
    value and text while the page shown is full, else «refresh», and the progress bar's «tick» event
    redraws the view."""
    import html
    import re

    store = ReviewStore(tmp_path / "reviews.sqlite3")
    engine = PagedEngine(store, lines_per_page=60)
    ctl = ReviewController(store, engine, export_dir=tmp_path / "exports")  # type: ignore[arg-type]
    demo = build_app(controller=ctl)
    c = demo.mtreview_components
    assert "timer" not in VIEW_OUTPUTS and not any(b.get_block_name() == "timer" for b in demo.blocks.values())
    ticks = [fn for fn in demo.fns.values() if (c["progress"]._id, "tick") in fn.targets]
    assert [fn.name for fn in ticks] == ["do_poll"] and ticks[0].show_progress_on == []

    engine.gate.clear()  # the first page (60 lines: a full page of 50 segments), then wait
    v = ctl.start_review(LINE * 130, wait=0.5)
    assert v.running and v.page_rows == 50
    key = re.search(r'data-key="([^"]*)"', v.progress_html)
    assert key and html.unescape(key[1]) == v.render_key
    poll = c["progress"].poll_progress
    out = poll(v.render_key)
    assert out["value"] == round(60 / 130 * 1000) and out["done"] == f"{60 / 130:.4f}"
    assert out["text"].startswith("Reviewing: 46% of the text") and "flags so far" in out["text"]
    assert poll("someone else's|1|50|50|True") == {"refresh": True}
    assert poll(None) == {"refresh": True}
    engine.gate.set()
    assert ctl.jobs.get(v.review_id).finished.wait(10)
    assert poll(v.render_key) == {"refresh": True}, "the end: the view is redrawn"
