"""Long reviews in the review UI, without Gradio or a browser: background jobs, pages, cancel, the grid.

A stand-in engine reviews a text in pages of a few lines (as :meth:`mtreview.ui.ReviewEngine.review_pages`
does, without models: the fast tier) and can be held between pages, so the tests see a review while it
runs: its first page, its progress, a decision taken on it, a cancel that stops it. Then the segment grid:
pages of segments, filters, keyboard navigation, whole-segment edits saved and exported, the source of a
bilingual file beside its target.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from test_ui_controller import RULES, FixedEngine

from mtreview.correct import Change, apply_changes
from mtreview.errors import InputError
from mtreview.flags import Flag
from mtreview.store import ReviewStore
from mtreview.ui import ReviewController
from mtreview.ui.engine import ReviewPage, pieces
from mtreview.ui.grid import PAGE_SEGMENTS, GridFilter, ReviewIndex, keys_html, page_bounds, paginate

LINE = "Le masque a parlé avec Ilon Musk hier, et le lien d'étoile marche bien.\n"


class PagedEngine(FixedEngine):
    """The stand-in engine of test_ui_controller, reviewing ``lines_per_page`` lines a page; while
    ``gate`` is cleared it waits before each page after the first."""

    def __init__(self, store: ReviewStore, lines_per_page: int = 10) -> None:
        super().__init__(store)
        self.lines_per_page = lines_per_page
        self.gate = threading.Event()
        self.gate.set()
        self.pages_done = 0

    def review_pages(self, text: str, source: str | None = None, *,
                     cancelled: Callable[[], bool] = lambda: False) -> Iterator[ReviewPage]:
        lines = text.splitlines(keepends=True)
        pos = 0
        for n in range(0, len(lines), self.lines_per_page):
            if n:
                while not self.gate.wait(0.01):
                    if cancelled():
                        return
            if cancelled():
                return
            chunk = "".join(lines[n:n + self.lines_per_page])
            flags = []
            at = pos
            for line in lines[n:n + self.lines_per_page]:
                flags += [f.shifted(at) for f in FixedEngine.review(self, line).flags]
                at += len(line)
            self.pages_done += 1
            yield ReviewPage(pos, pos + len(chunk), flags, final=n + self.lines_per_page >= len(lines))
            pos += len(chunk)


@pytest.fixture()
def paged(tmp_path: Path) -> tuple[ReviewController, PagedEngine]:
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    engine = PagedEngine(store)
    return ReviewController(store, engine, export_dir=tmp_path / "exports"), engine  # type: ignore[arg-type]


def wait_for(cond: Callable[[], bool], timeout: float = 10.0) -> None:
    t0 = time.monotonic()
    while not cond():
        assert time.monotonic() - t0 < timeout, "timed out"
        time.sleep(0.01)


# ------------------------------------------------------------------------------------ jobs and pages

def test_a_long_review_shows_its_first_page_while_it_runs(paged):
    ctl, engine = paged
    engine.gate.clear()  # the first page only, then wait
    text = LINE * 120
    v = ctl.start_review(text, wait=0.5)
    assert v.running and v.job is not None and 0 < v.job.fraction < 1
    assert "Reviewing" in v.message and v.job.done_chars == 10 * len(LINE)
    assert v.pages == 1 and len(v.grid_html.split('data-seg="')) - 1 == 10, "only the reviewed segments"
    assert v.rows and all(r[3] <= 10 for r in v.rows), "the flags of the first page"
    assert 'id="mtr-progress-bar"' in v.progress_html and "Reviewing" in v.progress_html
    assert "10 of 120 segments reviewed so far" in v.page_info_html
    # decided while the review runs: saved at once, kept when the review ends
    first = v.selected
    v = ctl.accept(v.review_id, first)
    assert v.status(first) == "accepted" and ctl.store.decisions(v.review_id)[first].status == "accepted"
    engine.gate.set()
    job = ctl.jobs.get(v.review_id)
    assert job.finished.wait(10)
    v = ctl.poll(v.review_id)
    assert not v.running and v.message.startswith(f"Reviewed {len(text.split())} words in ")
    assert v.job is None and v.progress_html == ""
    assert v.pages == -(-120 // PAGE_SEGMENTS) and v.page == 1 and len(v.segment_ids) > 0
    assert ctl.store.decisions(v.review_id)[first].status == "accepted", "the decision survived the saves"
    review = ctl.store.get_review(v.review_id)
    assert len(review.flags) == 120 * 4 and len({f.id for f in review.flags}) == 480
    assert "reviewed_to" not in review.settings
    assert ctl.poll(v.review_id).message == "", "the end is said once"


def test_a_full_page_is_not_redrawn_while_the_review_runs(paged):
    ctl, engine = paged
    engine.lines_per_page = 60
    engine.gate.clear()
    v = ctl.start_review(LINE * 130, wait=0.5)
    assert v.running and v.page_rows == 50 and v.pages == 2
    p = ctl.progress(v.review_id, v.render_key)
    assert p is not None and p.running and p.done_chars == 60 * len(LINE), "a full page: the progress only"
    assert ctl.progress(v.review_id, "someone else's|1|50|50|True") is None
    engine.gate.set()
    assert ctl.jobs.get(v.review_id).finished.wait(10)
    assert ctl.progress(v.review_id, v.render_key) is None, "the end: redraw, with the final message"
    assert ctl.poll(v.review_id).message.startswith("Reviewed ")


def test_cancel_stops_the_work_and_keeps_the_part_reviewed(paged):
    ctl, engine = paged
    engine.gate.clear()
    v = ctl.start_review(LINE * 200, wait=0.5)
    assert v.running
    v = ctl.cancel(v.review_id)
    assert not v.running and v.job is not None and v.job.state == "cancelled"
    assert v.message.startswith("Cancelled after ") and "5% of the text reviewed" in v.message
    done = engine.pages_done
    time.sleep(0.2)
    assert engine.pages_done == done == 1, "no page is reviewed after the cancel"
    review = ctl.store.get_review(v.review_id)
    assert review.settings["reviewed_to"] == 10 * len(LINE) and len(review.flags) == 40
    assert all(f.end <= 10 * len(LINE) for f in review.flags)
    # reopened later (after a restart too): the stopped review says so and shows the part reviewed
    fresh = ReviewController(ctl.store, engine)  # type: ignore[arg-type]
    v = fresh.open(v.review_id)
    assert "stopped after 5% of the text" in v.progress_html and v.job.state == "cancelled"
    assert len(v.grid_html.split('data-seg="')) - 1 == 10
    with pytest.raises(InputError, match="no review is running"):
        ctl.cancel(v.review_id)


def test_one_review_of_a_text_at_a_time_and_no_export_while_it_runs(paged):
    ctl, engine = paged
    engine.gate.clear()
    v = ctl.start_review(LINE * 30, wait=0.5)
    with pytest.raises(InputError, match="being reviewed already"):
        ctl.start_review(LINE * 30)
    with pytest.raises(InputError, match="still running"):
        ctl.export(v.review_id)
    other = ctl.review("Le masque parle.\n")  # another text is reviewed meanwhile
    assert not other.running and other.counts["pending"] == 1
    engine.gate.set()
    assert ctl.jobs.get(v.review_id).finished.wait(10)
    assert ctl.export(v.review_id).paths


def test_reviewing_a_long_text_again_keeps_its_decisions(paged):
    ctl, engine = paged
    text = LINE * 30
    v = ctl.review(text)
    ids = [r[0] for r in v.rows[:3]]
    ctl.reject(v.review_id, ids[0])
    ctl.edit_segment(v.review_id, 5, "Une phrase réécrite.")
    again = ctl.review(text)
    assert again.review_id == v.review_id and "2 decisions kept" in again.message
    decisions = ctl.store.decisions(v.review_id)
    assert sum(d.status == "rejected" for d in decisions.values()) == 1
    assert any(k.startswith("s") for k in decisions), "the segment edit is kept too"
    assert "Une phrase réécrite." in again.corrected


# ------------------------------------------------------------------------------------------- the grid

def test_pages_filters_and_navigation(paged):
    ctl, _ = paged
    text = "".join(LINE if i % 3 == 0 else "Une ligne sans rien.\n" for i in range(150))
    v = ctl.review(text)
    assert v.pages == 3 and v.page == 1 and v.segment == 0 and v.selected == "f1"
    assert "Page 1 of 3 · segments 1–50 of 150 shown" in v.page_info_html
    assert all(line <= 50 for *_, line, _, _, _ in [r[:4] + r[4:] for r in v.rows])
    # the text of page 1 is the text of its 50 lines, exactly
    assert "".join(t for t, _ in v.segments) == "".join(text.splitlines(keepends=True)[:50])
    # only segments with flags: 50 segments, one page
    only = GridFilter(only_flagged=True)
    v = ctl.view(v.review_id, grid=only)
    assert v.pages == 1 and v.grid_html.count('<tr class="mtr-seg') == 50
    # severity and status
    v = ctl.view(v.review_id, grid=GridFilter(severities=["critical"], only_flagged=True))
    assert {r[2] for r in v.rows} == {"name/translated"} and len(v.rows) == 50
    ctl.accept(v.review_id, "f1")
    v = ctl.view(v.review_id, grid=GridFilter(statuses=["accepted"], only_flagged=True))
    assert [r[0] for r in v.rows] == ["f1"]
    # free text: in the target, the source, or a flag (category, text, suggestion)
    v = ctl.view(v.review_id, grid=GridFilter(query="Starlink"))
    assert v.grid_html.count('<tr class="mtr-seg') == 50
    v = ctl.view(v.review_id, grid=GridFilter(query="sans rien"))
    assert v.grid_html.count('<tr class="mtr-seg') == 50 and v.rows == []
    # keyboard navigation: flags and segments cross pages; pages clamp
    v = ctl.view(v.review_id)
    last_on_page_1 = v.rows[-1][0]
    v = ctl.step_flag(v.review_id, last_on_page_1, 1)
    assert v.page == 2 and v.selected == v.rows[0][0]
    v = ctl.step_flag(v.review_id, v.selected, -1)
    assert v.page == 1 and v.selected == last_on_page_1
    v = ctl.step_segment(v.review_id, 49, 1)
    assert v.page == 2 and v.segment == 50 and 'data-seg="50"' in v.grid_html
    v = ctl.step_segment(v.review_id, 50, 1)
    assert v.segment == 51 and v.selected == v.rows[0][0], "a segment with flags: its first pending flag"
    v = ctl.step_segment(v.review_id, 51, 1)
    assert v.segment == 52 and v.selected is None and v.segment_panel.text == "Une ligne sans rien."
    v = ctl.goto_page(v.review_id, 99)
    assert v.page == 3
    v = ctl.goto_page(v.review_id, 0)
    assert v.page == 1
    v = ctl.select_in_grid(v.review_id, "seg:3")
    assert v.segment == 3 and v.selected == v.rows[4][0]


def test_whole_segment_edit_is_saved_and_exported(ctl_fixed):
    ctl = ctl_fixed
    text = "Le masque a parlé avec Ilon Musk hier.\nLe lien d'étoile marche bien.\n"
    v = ctl.review(text)
    ctl.accept(v.review_id, "f1")  # «masque» → Musk, in segment 0
    ctl.accept(v.review_id, "f3")  # «lien d'étoile» → Starlink, in segment 1
    v = ctl.edit_segment(v.review_id, 1, "Starlink fonctionne très bien.")
    assert v.message == "Segment 2 edited → «Starlink fonctionne très bien.»."
    assert v.corrected == "Musk a parlé avec Ilon Musk hier.\nStarlink fonctionne très bien.\n".replace(
        "Musk a", "Le Musk a")
    assert v.segment == 1 and v.segment_panel.edited and v.segment_panel.text == "Starlink fonctionne très bien."
    assert "mtr-seg-edited" in v.grid_html and "✎ Starlink fonctionne très bien." in v.grid_html
    assert "<ins>" in v.diff_html
    result = ctl.export(v.review_id)
    corrected = result.path("corrected.txt").read_text(encoding="utf-8")
    assert corrected == v.corrected
    log = json.loads(result.path("review-log.json").read_text(encoding="utf-8"))
    [edit] = log["segment_edits"]
    assert (edit["line"], edit["before"], edit["after"]) == (2, "Le lien d'étoile marche bien.",
                                                             "Starlink fonctionne très bien.")
    assert log["summary"]["segment_edits"] == 1 and "f3" in log["not_applied"], "the segment edit wins"
    assert apply_changes(text, [Change(**c) for c in log["changes"]]) == corrected
    rows = list(csv.DictReader(io.StringIO(result.path("review-log.csv").read_text(encoding="utf-8"))))
    assert rows[-1]["category"] == "segment" and rows[-1]["replacement"] == "Starlink fonctionne très bien."
    xliff = ET.fromstring(result.path("its.xlf").read_bytes())
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    alts = [t.text for t in xliff.findall(".//x:alt-trans/x:target", ns)]
    assert alts == ["Le Musk a parlé avec Ilon Musk hier.", "Starlink fonctionne très bien."]
    # errors, then undo
    with pytest.raises(InputError, match="one line"):
        ctl.edit_segment(v.review_id, 1, "deux\nlignes")
    with pytest.raises(InputError, match="select a segment"):
        ctl.edit_segment(v.review_id, None, "x")
    v = ctl.undo_segment(v.review_id, 1)
    assert v.corrected == "Le Musk a parlé avec Ilon Musk hier.\nLe Starlink marche bien.\n"
    v = ctl.edit_segment(v.review_id, 0, "Le masque a parlé avec Ilon Musk hier.")
    assert "no segment edit" in v.message and v.corrected.startswith("Le Musk")


def test_the_source_of_a_bilingual_file_is_shown_beside_its_target(ctl_fixed, tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("The Musk spoke <b>.\tLe masque a parlé.\nHello.\tBonjour.\n", encoding="utf-8")
    v = ctl_fixed.review_file(tsv)
    assert v.has_source and "<th>Source</th>" in v.grid_html
    assert '<td class="src">The Musk spoke &lt;b&gt;.</td>' in v.grid_html, "the source, escaped"
    assert "Source:</b> The Musk spoke &lt;b&gt;." in v.segment_panel.info_html
    plain = ctl_fixed.review("Le masque a parlé.\n")
    assert not plain.has_source and "<th>Source</th>" not in plain.grid_html
    aligned = ctl_fixed.review("Le masque a parlé.\n\nBonjour.\n", source="The Musk spoke.\nHello.\n")
    assert '<td class="src">Hello.</td>' in aligned.grid_html, "a pasted source aligned by its non-blank lines"


@pytest.fixture()
def ctl_fixed(tmp_path: Path) -> ReviewController:
    store = ReviewStore(tmp_path / "reviews.sqlite3")
    return ReviewController(store, FixedEngine(store), export_dir=tmp_path / "exports")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ pure parts

def test_pieces_end_at_lines_or_between_words():
    text = "a" * 5 + "\n" + "mot " * 10 + "\n"
    got = list(pieces(text, 12))
    assert "".join(p for _, p in got) == text and got[0] == (0, "aaaaa\n")
    assert all(p.endswith(("\n", " ")) for _, p in got)
    assert [off for off, _ in got] == [sum(len(p) for _, p in got[:i]) for i in range(len(got))]


def test_page_bounds_tile_the_text():
    text = "\nun\n\ndeux\ntrois\n\n"
    index = ReviewIndex(text, flags=[Flag(1, 3, "un", "fluency/spelling", id="f1")])
    rows, flags_of = index.select({}, None, 0.0, GridFilter())
    assert rows == [0, 1, 2]
    assert page_bounds(index, rows) == [(0, len(text))]
    assert page_bounds(index, [1, 2]) == [(text.index("deux"), len(text))]
    assert page_bounds(index, [0, 1]) == [(0, text.index("trois"))]
    assert page_bounds(index, [0, 2]) == [(1, 3), (text.index("trois"), text.index("trois") + 5)]
    page = paginate(rows, flags_of, 1)
    assert page.flags[0].id == "f1" and page.count == 1


def test_the_keyboard_legend_carries_the_size_limit():
    html = keys_html(5 * 1024 * 1024)
    assert 'data-max-bytes="5242880"' in html and "<kbd>j / k</kbd>" in html and "<kbd>a</kbd>" in html
    assert set(RULES)  # the stand-in engine's words are those of test_ui_controller
