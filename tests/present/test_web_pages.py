"""The web UI and the report in a real headless Chromium, over a real uvicorn server.

Screenshots land in artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from palmyra.present.report import write_report
from palmyra.store.db import Store

from . import fixtures as fx
from .conftest import LiveServer, Tab

pytestmark = pytest.mark.browser

DOCS = {f.document.sources[0].name: f.document.id for f in fx.corpus()}
MONITOR = DOCS["monitor-palmyra.txt"]
GAZETTE = DOCS["gazette-palmyra.txt"]
STRIKE = ("an air strike on a market in Maarat al-Numan in Idlib province killed 12 civilians"
          " on Saturday")

PAGES = [
    ("overview", "/"),
    ("documents", "/documents"),
    ("document", f"/doc/{MONITOR}"),
    ("events", "/events"),
    ("clusters", "/clusters"),
    ("cluster", "/cluster/palmyra-2016"),
    ("cluster-single", f"/cluster/{MONITOR}.2"),
    ("naming", "/naming"),
    ("citations", "/citations"),
    ("search", "/search?q=Palmyra+killed"),
    ("not-found", "/doc/0000000000000000"),
]


def wait_events(tab: Tab) -> None:
    tab.page.wait_for_selector("#events-app[data-ready]")
    tab.page.wait_for_selector(".map-box .place")


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[n for n, _ in PAGES])
def test_web_page_loads_without_console_errors(
    live_server: LiveServer, tab: Tab, name: str, path: str
) -> None:
    response = tab.page.goto(live_server.url + path)
    assert response is not None
    assert response.status == (404 if name == "not-found" else 200)
    if name == "events":
        wait_events(tab)
    tab.shot(f"web-{name}")
    expected = ["404 (Not Found)"] if name == "not-found" else []
    assert [e for e in tab.errors if not any(x in e for x in expected)] == []
    assert tab.page.locator("header.top nav a").count() == 6


def test_web_timeline_click_opens_evidence_in_document(live_server: LiveServer, tab: Tab) -> None:
    tab.page.goto(live_server.url + "/events")
    wait_events(tab)
    tab.page.click(f'.timeline-box .ev[data-key="{MONITOR}.1"]')
    detail = tab.page.locator('[data-role="detail"]')
    assert detail.locator("mark").inner_text() == STRIKE
    assert tab.page.locator(f'.timeline-box .ev.sel[data-key="{MONITOR}.1"]').count() == 1
    tab.shot("web-events-selected")
    detail.locator("a.open-doc").click()
    tab.page.wait_for_url(f"**/doc/{MONITOR}#event-1")
    tab.page.wait_for_selector(".doctext .r.sel")
    selected = "".join(tab.page.locator(".doctext .r.sel").all_inner_texts())
    assert selected == STRIKE
    assert "sel" in (tab.page.locator("#card-event-1").get_attribute("class") or "")
    assert tab.page.locator(".doctext .r.sel").first.is_visible()
    tab.shot("web-document-evidence")
    assert tab.errors == []


def test_web_map_click_lists_every_report_of_a_place(live_server: LiveServer, tab: Tab) -> None:
    tab.page.goto(live_server.url + "/events")
    wait_events(tab)
    tab.page.locator(".map-box .place", has=tab.page.locator("title", has_text="Maarat")).click()
    cards = tab.page.locator('[data-role="detail"] .evcard')
    assert cards.count() == 2
    assert sorted(cards.locator("mark").all_inner_texts()) == sorted([
        STRIKE, "accused regime jets of bombing a market in Maarat al-Numan on Saturday, "
        "killing nine people"])
    tab.shot("web-map-selected")
    cards.locator("a.open-cluster").first.click()
    tab.page.wait_for_url("**/cluster/maarat-strike")
    assert tab.page.locator("table.compare td.odd").count() >= 2  # 12 vs 9 killed
    assert tab.errors == []


def test_web_timeline_zooms_by_year_month_day(live_server: LiveServer, tab: Tab) -> None:
    tab.page.goto(live_server.url + "/events")
    wait_events(tab)
    label = tab.page.locator('[data-role="range"]')
    tab.page.click(f'.timeline-box .ev[data-key="{GAZETTE}.0"]')
    spans = {}
    for zoom in ("all", "year", "month", "day"):
        tab.page.click(f'button[data-zoom="{zoom}"]')
        spans[zoom] = label.inner_text()
        assert tab.page.locator(f'.timeline-box .ev[data-key="{GAZETTE}.0"]').count() == 1
    assert len(set(spans.values())) == 4
    assert "27 Mar 2016" not in spans["all"]
    tab.page.click('button[data-pan="1"]')
    assert label.inner_text() != spans["day"]
    box = tab.page.locator(".timeline-box svg").bounding_box()
    assert box is not None
    tab.page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + 60)
    before = label.inner_text()
    tab.page.mouse.wheel(0, 400)
    tab.page.wait_for_function(
        "b => document.querySelector('[data-role=range]').textContent !== b", arg=before)
    tab.shot("web-timeline-zoomed")
    assert tab.errors == []


def test_web_document_regions_and_fact_clicks(live_server: LiveServer, tab: Tab) -> None:
    tab.page.goto(live_server.url + f"/doc/{MONITOR}")
    removed = tab.page.locator(".doctext .r.removed")
    assert "Share on Facebook" in " ".join(removed.all_inner_texts())
    assert tab.page.locator(".comments .comment").count() == 2
    assert "Abu Karim" not in tab.page.locator(".doctext").inner_text()
    tab.page.locator(".doctext .k-quote").first.click()
    assert "sel" in (tab.page.locator("#card-quote-0").get_attribute("class") or "")
    tab.page.locator("#card-citation-0").click()
    assert "".join(tab.page.locator(".doctext .r.sel").all_inner_texts()) == (
        "according to the Syrian Observatory for Human Rights")
    tab.page.check('.toggles input[data-kind="mention"]')
    assert tab.page.locator(".factgroup.mentions").is_visible()
    tab.shot("web-document-mentions")
    assert tab.errors == []


REPORT_VIEWS = ["#overview", "#documents", "#events", "#clusters", "#naming", "#citations",
                f"#doc/{GAZETTE}/quote-0", "#cluster/palmyra-2016"]


def test_report_views_work_offline(
    corpus_store: Path, browser, tmp_path: Path  # noqa: ANN001 -- playwright context
) -> None:
    out = tmp_path / "report.html"
    with Store(corpus_store, read_only=True) as st:
        summary = write_report(st, out)
    assert summary.documents == 4 and summary.clusters == 2
    requests: list[str] = []
    page = browser.new_page()
    tab = Tab(page)
    page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    for view in REPORT_VIEWS:
        page.evaluate("h => { location.hash = h; }", view)
        page.wait_for_timeout(150)
        visible = page.locator("section.view.on")
        assert visible.count() == 1
        if view == "#events":
            page.wait_for_selector("#events-app[data-ready]")
            page.wait_for_selector(".map-box .place")
        tab.shot("report-" + view.strip("#").split("/")[0])
    page.evaluate("h => { location.hash = h; }", f"#doc/{GAZETTE}/quote-0")
    page.wait_for_selector("section.view.on .doctext .r.sel")
    selected = page.locator("section.view.on .doctext .k-quote.sel").all_inner_texts()
    assert "".join(selected) == "We have liberated Palmyra from the terrorists"
    assert [u for u in requests if not u.startswith("file://")] == []
    assert tab.errors == []
    page.close()
