"""The Dagster UI, in a real Chromium: it lists the assets from inbox to marts and their checks."""
from __future__ import annotations

import os

import pytest

from tests.ui.servers import CHROMIUM, dagster_webserver, launch_chromium

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def webserver(tmp_path_factory, dbt_manifest, repo):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it with apt-get)")
    home = tmp_path_factory.mktemp("dagster_home")
    env = {**os.environ, "DAGSTER_HOME": str(home),
           "SITREP_DB": str(home / "w.duckdb"), "SITREP_INBOX": str(repo / "seeds" / "articles")}
    with dagster_webserver(repo, env, home / "webserver.log", timeout=120) as url:
        yield url


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        # tall enough that the catalog's virtualised list renders every asset row
        yield browser.new_page(viewport={"width": 1600, "height": 4000})
        browser.close()


def open_page(page, url: str) -> str:
    """Go to ``url``, dismiss Dagster's first-visit community dialog, return the page text."""
    page.goto(url, wait_until="networkidle")
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(timeout=5_000)
        skip.click()
    except Exception:  # the dialog shows only on a first visit
        pass
    return page.inner_text("body")


def test_asset_catalog_lists_inbox_to_marts(webserver, page, tmp_path_factory) -> None:
    open_page(page, f"{webserver}/assets?view=flat")
    page.wait_for_selector("text=marts / fct_control_changes", timeout=60_000)
    body = page.inner_text("body")
    for name in ("raw / articles", "raw / quarantine", "raw / casualty_claims",
                 "staging / stg_articles", "marts / fct_control_changes", "marts / fct_casualty_claims",
                 "marts / fct_displacement_figures", "marts / fct_equipment_losses",
                 "marts / dim_articles", "marts / control_events"):
        assert name in body, name
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / "assets.png"), full_page=True)


def test_asset_page_shows_its_checks(webserver, page) -> None:
    open_page(page, f"{webserver}/assets/raw/casualty_claims?view=checks")
    page.wait_for_selector("text=evidence_offsets_match", timeout=60_000)
    body = page.inner_text("body")
    for check in ("evidence_offsets_match", "claims_have_article", "counts_ordered_non_negative",
                  "not_after_publication", "unresolved_share"):
        assert check in body, check


def test_lineage_graph_shows_the_stages(webserver, page, tmp_path_factory) -> None:
    open_page(page, f"{webserver}/asset-groups")
    page.wait_for_selector("text=ingestion", timeout=60_000)
    body = page.inner_text("body")
    for group in ("ingestion", "extraction", "staging", "marts"):
        assert group in body, group
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / "lineage.png"), full_page=True)
