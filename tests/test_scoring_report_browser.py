"""The HTML score report renders in headless Chromium and requests nothing outside the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import chromium

from mtreview.scoring import ScoreRequest, run_scoring
from mtreview.scoring.report import render_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
DATA = Path(__file__).parent / "data" / "scoring"
WMT = DATA / "wmt21-de-fr"
XC = DATA / "xc-translate"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hyps = [str(WMT / "system-outputs" / f"newstest2021.de-fr.hyp.{s}.fr") for s in ("LISN", "Online-A", "Online-W")]
    report = run_scoring(ScoreRequest(hyps=hyps, refs=[str(WMT / "newstest2021.de-fr.ref.A.fr")],
                                      metrics=["bleu", "chrf", "ter"], bootstrap=200, segment_scores=True))
    # a system name that tries to inject markup must come out as text
    report.data["systems"][2]["name"] = "<img src=https://example.org/x.png>"
    for row in report.segment_rows:
        if row["system"] == "Online-W":
            row["system"] = report.data["systems"][2]["name"]
    ent = run_scoring(ScoreRequest(hyps=[str(XC / "fr_FR.nllb.excerpt.json"), str(XC / "fr_FR.kgmt-nllb.excerpt.json")],
                                   entities=str(XC / "fr_FR.test.excerpt.jsonl"), bootstrap=100))
    out = tmp_path_factory.mktemp("html") / "report.html"
    page = render_html(report, title="WMT21 excerpt")
    # the entity section of a second report, rendered in the same page to exercise its plot too
    page = page.replace("</body></html>", render_html(ent, title="XC-Translate excerpt").split("<body>", 1)[1])
    out.write_text(page, encoding="utf-8")
    return out


def test_renders_offline_without_any_request_outside_the_file(report_file: Path) -> None:
    import playwright.sync_api as playwright

    chromium(CHROMIUM)
    requests: list[str] = []
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(report_file.as_uri(), wait_until="load")
            page.wait_for_timeout(300)
            assert page.title() == "WMT21 excerpt"
            assert page.locator("svg").count() >= 8  # 3 score plots + 3 distributions + entity plots
            circles = page.locator("svg circle").count()
            assert circles >= 9  # one dot per system per metric
            # the injected name is shown as text, not turned into an element
            assert page.locator("img").count() == 0
            assert "<img src=https://example.org/x.png>" in page.inner_text("table")
            assert page.locator("text=Entity accuracy by type").count() == 1
            box = page.locator("svg").first.bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 50
        finally:
            browser.close()
    outside = [u for u in requests if not u.startswith("file://")]
    assert outside == [], outside
    assert requests and requests[0] == report_file.as_uri()
    assert errors == []
