"""`sitrep bench` with several sizes: sizes parsed, each stage's growth from the smallest to
the largest size, and the targets checked at the largest (no refresh run here: the figures
are given)."""
from __future__ import annotations

import json

import pytest

from sitrep.bench import sizes_of, summary


def figures(n: int, full: float, ingestion: float, extraction: float, dbt: float, plus: float, same: float,
            rss: int) -> dict:
    return {"articles": n, "full_build_s": full, "ingestion_s": ingestion, "extraction_s": extraction,
            "dbt_s": dbt, "plus100_s": plus, "nothing_new_s": same, "peak_rss_mb": rss}


def test_sizes_are_sorted_distinct_and_positive() -> None:
    assert sizes_of("100000,10000,10_000") == [10_000, 100_000]
    assert sizes_of(5000) == [5000]
    with pytest.raises(SystemExit):
        sizes_of("0")


def test_growth_and_targets_at_the_largest_size(capsys) -> None:
    small = figures(10_000, 60, 5, 30, 20, 12, 8, 400)
    large = figures(100_000, 590, 40, 300, 260, 25, 19, 1500)
    result = summary({100_000: large, 10_000: small})
    assert result["ratios"]["ingestion_s"] == 8.0 and result["ratios"]["dbt_s"] == 13.0
    assert result["targets"] == {"full_build_s": True, "plus100_s": True, "nothing_new_s": True,
                                 "peak_rss_mb": True, "ingestion_growth": True, "extraction_growth": True,
                                 "dbt_growth": False}
    out = capsys.readouterr().out
    assert "target dbt_growth at 100,000: MISSED" in out and "target plus100_s <= 30 at 100,000: holds" in out
    json.dumps(result)  # the bench's last line


def test_one_size_checks_the_absolute_targets_only() -> None:
    result = summary({10_000: figures(10_000, 700, 50, 300, 300, 40, 10, 300)})
    assert "ratios" not in result
    assert result["targets"] == {"full_build_s": False, "plus100_s": False, "nothing_new_s": True, "peak_rss_mb": True}
