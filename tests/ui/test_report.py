"""The analyst's view, in a real Chromium: the HTML report a refresh of ../shared/seeds writes
(map, timeline, casualty chart, evidence on click) and the mart previews in the Dagster UI.

Screenshots go to ``$SITREP_UI_ARTEFACTS`` (default: a folder under pytest's temp dir); the
test prints where.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pytest

from report.charts import CONTROLLER_COLOURS
from tests.ui.servers import CHROMIUM, dagster_webserver, launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def artefacts(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SITREP_UI_ARTEFACTS") or tmp_path_factory.mktemp("ui-artefacts"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def built(seeds_refresh) -> dict[str, Path]:
    """The session's one refresh of ../shared/seeds (tests/conftest.py): its warehouse, its
    DAGSTER_HOME (the run the UI shows) and the report it wrote."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it with apt-get)")
    assert seeds_refresh["report"].exists(), "the refresh did not write the report beside the warehouse"
    return seeds_refresh


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


def test_report_shows_map_timeline_casualties_and_evidence(built, browser, artefacts) -> None:
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(built["report"].as_uri())
    for chart in ("map-chart", "timeline-chart", "casualty-chart"):
        page.wait_for_selector(f"#{chart}[data-rendered] svg", timeout=60_000)
    assert not errors, errors
    assert all(url.startswith(("file:", "data:", "blob:")) for url in requests), requests  # no network

    # Hama on the map, in the HTS / opposition colour
    hama = page.locator('#map-chart path[aria-label="map place Hama held by hts"]')
    assert hama.count() == 1
    assert hama.get_attribute("fill") == CONTROLLER_COLOURS["hts"]
    page.locator("#map").screenshot(path=str(artefacts / "report-map.png"))

    timeline = page.inner_text("#timeline-chart")
    assert "Hama" in timeline and "Aleppo" in timeline
    casualties = page.inner_text("#casualty-chart")
    assert "605 (SOHR)" in casualties

    # a row of the control-event table: its evidence sentence, highlighted in the article
    with duckdb.connect(str(built["db"]), read_only=True) as conn:
        evidence = {r[0] for r in conn.execute(
            "select evidence_text from marts.claims_with_sources where fact_type = 'control_change' "
            "and place_name = 'Aleppo'").fetchall()}
    page.locator("#control-events tr", has_text="Aleppo").first.click()
    page.wait_for_selector("#evidence-body mark", timeout=10_000)
    marks = [m.inner_text() for m in page.locator("#evidence-body mark").all()]
    assert marks and set(marks) <= evidence, (marks, evidence)
    panel = page.inner_text("#evidence")
    assert "Militants Seize Control of Major Syrian City" in panel or "Babel (Ukraine)" in panel
    page.screenshot(path=str(artefacts / "report-evidence.png"))

    # the casualty table: SOHR's 605 and its sentence
    page.locator("#casualties-table tr", has_text="SOHR: 605").click()
    page.wait_for_selector("#evidence-body mark", timeout=10_000)
    assert "605" in page.inner_text("#evidence-body mark")
    page.locator("#casualty-chart").scroll_into_view_if_needed()
    page.screenshot(path=str(artefacts / "report-casualties.png"))
    page.close()


def test_report_escapes_article_text(built) -> None:
    html = built["report"].read_text()
    assert html.count("<script") == 3  # data, vega bundle, page script: nothing from the articles


@pytest.fixture(scope="module")
def webserver(built, repo):
    env = {**os.environ, "DAGSTER_HOME": str(built["home"]), "SITREP_DB": str(built["db"])}
    with dagster_webserver(repo, env, built["home"] / "webserver.log") as url:
        yield url


def test_dagster_shows_row_count_and_preview_of_territorial_control(built, webserver, browser, artefacts) -> None:
    with duckdb.connect(str(built["db"]), read_only=True) as conn:
        rows = conn.execute("select count(*) from marts.territorial_control").fetchone()[0]
    assert rows > 0
    page = browser.new_page(viewport={"width": 1500, "height": 1400})
    page.goto(f"{webserver}/assets/marts/territorial_control", wait_until="networkidle")
    page.wait_for_selector("text=Row count", timeout=90_000)
    assert page.get_by_role("button", name="Skip").count() == 0  # no community dialog (nux off)
    body = page.inner_text("body")  # the label and its value, whatever the layout between them
    assert re.search(rf"Row count\s*(?:\n[^\n]{{0,40}}){{0,2}}?\n?\s*(?<!\d){rows}\b", body), body[:3000]
    page.screenshot(path=str(artefacts / "dagster-overview.png"))

    page.goto(f"{webserver}/assets/marts/territorial_control?view=events", wait_until="networkidle")
    events = page.locator("text=/\\d+:\\d+ (AM|PM)/")
    events.first.wait_for(timeout=60_000)
    for index in range(events.count()):  # dbt's test observations sit beside the materialization
        events.nth(index).click()
        page.wait_for_timeout(500)
        if "Materialized in run" in page.inner_text("body"):
            break
    body = page.inner_text("body")
    assert "dagster/row_count" in body and "preview" in body
    preview = body[body.index("preview"):]
    assert f"{rows} rows; the first {min(rows, 10)}" in preview
    assert "place_name" in preview and "Hama\thts\t2024-12-05" in preview
    page.screenshot(path=str(artefacts / "dagster-territorial-control.png"))
    page.close()
