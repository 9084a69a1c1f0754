"""Browser tests of the review workbench: the keyboard, the segment grid, whole-segment edits, the size limit.

Playwright drives Debian's Chromium against ``python app.py`` (the app and the page helpers of
tests/test_ui_browser.py; the upload limit is 1 MB there). The keyboard test presses keys only once the
page is loaded: it types the text, reviews it with Ctrl+Enter and goes through the flags and segments
with the shortcuts of the page's legend. The grid test reviews a bilingual TSV (the source beside the
target), edits a whole segment and checks the exported text, log and XLIFF. The paste test puts a text
over the limit on the clipboard and pastes it: the page refuses it before it reaches the text box.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from xml.etree import ElementTree as ET

import pytest
from conftest import SEED
from test_ui_browser import (
    MAX_UPLOAD_MB,
    AppProcess,
    Recorder,
    download_all,
    launched_browser,
    running_app,
    wait_status,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Iterator[AppProcess]:
    yield from running_app(tmp_path_factory, "ui-workbench")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    yield from launched_browser()


@pytest.fixture()
def page(browser, app) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app.url.rstrip("/"))
    rec = Recorder()
    pg = context.new_page()
    rec.attach(context, pg)
    pg.set_default_timeout(60_000)
    try:
        yield pg
    finally:
        context.close()
    assert rec.outside() == [], f"requests left the machine: {rec.outside()}"


def open_page(pg, app: AppProcess) -> None:
    pg.goto(app.url)
    pg.wait_for_selector("#mtr-review-btn")
    pg.wait_for_function("() => !!window.__mtrKeys")  # the page's keyboard script is in


def selected_flag(pg) -> str:
    return pg.get_attribute("#mtr-detail .mtr-detail", "data-flag") or ""


def selected_segment(pg) -> str:
    return pg.get_attribute("#mtr-seg-info .mtr-seg-info", "data-seg") or ""


def press_until(pg, key: str, js: str, arg: object = None) -> None:
    """Press ``key`` and wait until ``js`` (a predicate of ``arg``) holds in the page."""
    pg.keyboard.press(key)
    pg.wait_for_function(js, arg=arg, timeout=60_000)


FLAG_IS = "f => (document.querySelector('#mtr-detail .mtr-detail') || {dataset: {}}).dataset.flag === f"
FLAG_IS_NOT = "f => { const d = document.querySelector('#mtr-detail .mtr-detail'); return !!d && d.dataset.flag && d.dataset.flag !== f; }"
STATUS_HAS = "t => document.querySelector('#mtr-status').innerText.includes(t)"


def test_keyboard_only_review(app, page):
    """Review, move, accept, reject, undo, edit a flag, move by segment, edit a segment: keys only."""
    pg = page
    open_page(pg, app)
    text = "\n".join(SEED.read_text(encoding="utf-8").splitlines()[:6]) + "\n"
    pg.focus("#mtr-text-in textarea")  # focus, not a click: from here on, keys only
    pg.keyboard.insert_text(text)
    pg.keyboard.press("Control+Enter")
    pg.wait_for_function(STATUS_HAS, arg="Reviewed", timeout=120_000)
    assert pg.locator("#mtr-keys-legend kbd").count() >= 9, "the legend of the keys is in the page"
    pg.keyboard.press("Escape")
    first = selected_flag(pg)
    assert first == "f1"

    press_until(pg, "j", FLAG_IS_NOT, first)
    second = selected_flag(pg)
    press_until(pg, "k", FLAG_IS, first)
    press_until(pg, "j", FLAG_IS, second)

    # accept the selected flag when it has a suggestion (else edit it): the next pending one is selected
    has_suggestion = pg.locator("#mtr-suggestion input[type=radio]").count() > 0
    if has_suggestion:
        press_until(pg, "a", STATUS_HAS, " accepted → «")
        assert f"{second} «" in pg.inner_text("#mtr-status")
    else:
        press_until(pg, "r", STATUS_HAS, "» rejected.")
    third = selected_flag(pg)
    assert third not in ("", second)
    press_until(pg, "r", STATUS_HAS, f"{third} «")
    assert f"{third} «" in pg.inner_text("#mtr-status") and "rejected." in pg.inner_text("#mtr-status")
    # back to the rejected flag, undo it
    press_until(pg, "k", FLAG_IS, third)
    press_until(pg, "u", STATUS_HAS, f"{third}: back to pending.")
    assert pg.get_attribute("#mtr-detail .mtr-detail", "data-status") == "pending"
    # edit it: e focuses the Edit box, Enter saves
    pg.keyboard.press("e")
    pg.wait_for_function("() => document.activeElement && !!document.activeElement.closest('#mtr-edit-text')")
    pg.keyboard.insert_text("TEXTE CLAVIER")
    press_until(pg, "Enter", STATUS_HAS, "edited → «TEXTE CLAVIER»")
    pg.keyboard.press("Escape")
    pg.wait_for_function("() => !document.activeElement || !document.activeElement.closest('#mtr-edit-text')")

    # segments: n moves to the next one, s edits it as a whole, Ctrl+Enter saves
    seg = selected_segment(pg)
    press_until(pg, "n", "s => { const d = document.querySelector('#mtr-seg-info .mtr-seg-info'); "
                "return !!d && d.dataset.seg !== s; }", seg)
    seg = selected_segment(pg)
    assert seg.isdigit()
    pg.keyboard.press("s")
    pg.wait_for_function("() => document.activeElement && !!document.activeElement.closest('#mtr-seg-text')")
    pg.keyboard.press("Control+a")
    pg.keyboard.insert_text("Un segment réécrit au clavier.")
    press_until(pg, "Control+Enter", STATUS_HAS, f"Segment {int(seg) + 1} edited → «Un segment réécrit au clavier.»")
    pg.keyboard.press("Escape")
    # g shows the grid, where the edited segment and the selection are marked
    press_until(pg, "g", "() => !!document.querySelector('#mtr-grid-view') && "
                "document.querySelector('#mtr-grid-view').offsetParent !== null")
    assert pg.locator("#mtr-grid-view tr.mtr-seg-edited").count() == 1
    assert "Un segment réécrit au clavier." in pg.inner_text("#mtr-grid-view tr.mtr-seg-edited")
    assert pg.locator("#mtr-diff-view ins", has_text="TEXTE CLAVIER").count() == 1


def test_bilingual_grid_and_whole_segment_edit_exported(app, page, tmp_path):
    pg = page
    open_page(pg, app)
    pairs = [("Musk spoke with Putin last night.", "Le masque a parlé avec Poutine hier soir."),
             ("The weather is nice.", "Il fait beau."),
             ("Starlink works in Ukraine.", "Le lien d'étoile fonctionne en Ukraine.")]
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("".join(f"{s}\t{t}\n" for s, t in pairs), encoding="utf-8")
    pg.set_input_files("#mtr-file-in input[type=file]", str(tsv))
    pg.wait_for_selector("#mtr-file-in :text('pairs.tsv')")
    pg.click("#mtr-review-btn")
    wait_status(pg, "Reviewed", 120_000)
    # a bilingual file opens on the grid: the source beside the target, segment by segment
    pg.wait_for_selector("#mtr-grid-view td.src")
    rows = pg.locator("#mtr-grid-view tr.mtr-seg")
    assert rows.count() == 3
    for n, (src, tgt) in enumerate(pairs):
        assert rows.nth(n).locator("td.src").inner_text().strip() == src
        assert tgt in rows.nth(n).locator("td.tgt").inner_text()
    # click the second segment's number, edit it as a whole, save
    rows.nth(1).locator("td.ln").click()
    pg.wait_for_function("() => (document.querySelector('#mtr-seg-info .mtr-seg-info') || {dataset: {}}).dataset.seg === '1'")
    assert "The weather is nice." in pg.inner_text("#mtr-seg-info")
    pg.fill("#mtr-seg-text textarea", "Le temps est agréable.")
    pg.click("#mtr-seg-save")
    wait_status(pg, "Segment 2 edited → «Le temps est agréable.»")
    pg.wait_for_selector("#mtr-grid-view tr.mtr-seg-edited")
    # exported like any decision: the corrected text, the log (JSON, CSV) and the XLIFF carry it
    pg.click("#mtr-export-btn")
    wait_status(pg, "Exported 4 files")
    pg.wait_for_function("() => document.querySelectorAll('#mtr-exports a[download]').length === 4")
    files = download_all(pg, "#mtr-exports", tmp_path)
    by = {sfx: p for n, p in files.items() for sfx in ("corrected.txt", "review-log.json", "review-log.csv", "its.xlf")
          if n.endswith(sfx)}
    corrected = by["corrected.txt"].read_text(encoding="utf-8").splitlines()
    assert corrected[1] == "Le temps est agréable." and corrected[0] == pairs[0][1] and len(corrected) == 3
    log = json.loads(by["review-log.json"].read_text(encoding="utf-8"))
    assert [(e["line"], e["before"], e["after"]) for e in log["segment_edits"]] == [
        (2, "Il fait beau.", "Le temps est agréable.")]
    assert any(c["flag_id"] == log["segment_edits"][0]["id"] for c in log["changes"])
    assert "Le temps est agréable." in by["review-log.csv"].read_text(encoding="utf-8")
    xliff = ET.fromstring(by["its.xlf"].read_bytes())
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    units = xliff.findall(".//x:trans-unit", ns)
    assert units[1].find("x:source", ns).text == "The weather is nice."
    assert units[1].find("x:alt-trans/x:target", ns).text == "Le temps est agréable."


def test_a_paste_over_the_limit_is_refused_in_the_page(app, page):
    pg = page
    open_page(pg, app)
    label = pg.inner_text("#mtr-text-in")
    assert f"up to {MAX_UPLOAD_MB:g} MB" in label, label
    big = "Le masque a parlé avec Poutine. " * int(MAX_UPLOAD_MB * 1024 * 1024 / 32 + 4000)
    pg.evaluate("t => navigator.clipboard.writeText(t)", big)
    pg.focus("#mtr-text-in textarea")
    t0 = time.perf_counter()
    pg.keyboard.press("Control+v")
    pg.wait_for_function(STATUS_HAS, arg="Not pasted", timeout=30_000)
    seconds = time.perf_counter() - t0
    status = pg.inner_text("#mtr-status")
    assert "more than the limit of 1 MB" in status and "mtreview check" in status
    assert pg.evaluate("() => document.querySelector('#mtr-text-in textarea').value.length") == 0
    assert seconds < 10, f"the refusal took {seconds:.1f} s"
    # a paste under the limit goes in
    pg.evaluate("t => navigator.clipboard.writeText(t)", "Le masque a parlé.")
    pg.keyboard.press("Control+v")
    pg.wait_for_function("() => document.querySelector('#mtr-text-in textarea').value === 'Le masque a parlé.'")


def test_a_long_review_is_polled_in_place_and_cancelled(app, page, tmp_path):
    """A review that runs in the background: its page fills as the review goes (the progress bar's ``tick``
    event redraws the view), then the page polls it once a second with a plain request — no Gradio event
    while the page shown is full: the bar's value and text change in place, in the same element — and
    Cancel stops it."""
    pg = page
    open_page(pg, app)
    seed = SEED.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path = tmp_path / "long.txt"
    path.write_text(seed * int(0.85 * MAX_UPLOAD_MB * 2**20 / len(seed.encode("utf-8"))), encoding="utf-8")
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.set_input_files("#mtr-file-in input[type=file]", str(path))
    pg.wait_for_selector("#mtr-file-in :text('long.txt')")
    pg.click("#mtr-review-btn")
    pg.wait_for_selector("#mtr-progress-bar[data-key]", timeout=120_000)
    pg.wait_for_function("() => /segments 1–50 of/.test(document.querySelector('#mtr-page-info').innerText)",
                         timeout=120_000)
    time.sleep(3)  # a redraw asked for before the page was full may still come
    pg.evaluate("() => { document.querySelector('#mtr-progress-bar').mtrMarked = true; }")
    events = sum("/queue/join" in u for u in requests)
    polls = sum("/component_server" in u for u in requests)
    for _ in range(2):
        shown = pg.text_content("#mtr-progress-bar .mtr-progress-text")
        pg.wait_for_function("t => { const e = document.querySelector('#mtr-progress-bar .mtr-progress-text'); "
                             "return !!e && e.textContent !== t; }", arg=shown, timeout=30_000)
    assert pg.evaluate("() => !!(document.querySelector('#mtr-progress-bar') || {}).mtrMarked"), \
        "the bar is updated in place, not drawn again"
    assert sum("/queue/join" in u for u in requests) == events, "no Gradio event while the full page is polled"
    assert sum("/component_server" in u for u in requests) > polls
    assert "Reviewing: " in pg.inner_text("#mtr-progress")
    pg.click("#mtr-cancel")
    wait_status(pg, "Cancelled after", timeout=60_000)
    assert pg.locator("#mtr-progress-bar[data-key]").count() == 0, "a stopped review is not polled"
    assert "The review was stopped after" in pg.inner_text("#mtr-progress")
