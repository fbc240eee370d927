"""``sitrep place``, ``sitrep article`` and ``sitrep search`` on the seeds' warehouse."""
from __future__ import annotations

import duckdb
import pytest

from tests.sitrep.run import sitrep

pytestmark = pytest.mark.slow


def test_place_timeline_has_claimants_and_outlets(seeds_db) -> None:
    run = sitrep("place", "Hama", db=seeds_db)
    assert run.returncode == 0, run.stderr
    assert "held by hts since 2024-12-05" in run.stdout
    for text in ("withdrawal", "Syrian military", "RT (via TROIB News)", "Babel (Ukraine)"):
        assert text in run.stdout, text
    unknown = sitrep("place", "Atlantis", db=seeds_db)
    assert unknown.returncode == 2 and "no claims about 'Atlantis'" in unknown.stderr


def test_article_shows_text_and_each_claim(seeds_db) -> None:
    with duckdb.connect(str(seeds_db), read_only=True) as conn:
        article_id, evidence = conn.execute(
            "select article_id, evidence_text from marts.claims_with_sources "
            "where summary = 'all killed: 605'").fetchone()
    run = sitrep("article", article_id[:8], db=seeds_db)
    assert run.returncode == 0, run.stderr
    flat = " ".join(run.stdout.split())
    assert " ".join(evidence.split()) in " ".join(flat.replace("[", " [").split()) or evidence.split()[0] in flat
    assert "all killed: 605" in flat and "SOHR" in flat and "Shafaq News" in flat


def test_search_finds_articles_and_evidence(seeds_db) -> None:
    run = sitrep("search", "withdrawal Hama", db=seeds_db)
    assert run.returncode == 0, run.stderr
    assert "control_change" in run.stdout and "Hama" in run.stdout
    only_articles = sitrep("search", "Observatory", "--kind", "article", db=seeds_db)
    assert only_articles.returncode == 0 and "article" in only_articles.stdout
    assert "control_change" not in only_articles.stdout
    none = sitrep("search", "zeppelin", db=seeds_db)
    assert none.returncode == 0 and "no article or evidence matches" in none.stdout
