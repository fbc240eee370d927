"""A part keeps its total when an article-level pass renames the total's victims (and so its
claim id): "55 wounded including nine women" in an article whose named victims are all
civilians, "Fifteen of the dead, among them four children" after an earlier toll. A dangling
``part_of`` fails the warehouse's blocking relationship check. Sentences written by us."""
from __future__ import annotations

import pytest

from extractors.pipeline import extract_article

ARTICLES = [
    "Shelling killed 12 civilians in the market on Monday. Three children were killed in a second strike. "
    "Five women were wounded near the school. The group also listed 55 wounded including nine women.",
    "Twelve soldiers were wounded in the attack on the base. "
    "Fifteen of the wounded, among them four officers, were flown to the capital.",
    "Four civilians were killed in the town on Sunday. Two civilians died in a nearby village. "
    "A strike killed six civilians at a bakery. Medics said 30 were hurt, including eight children.",
]


@pytest.mark.parametrize("text", ARTICLES)
def test_every_part_points_at_a_claim_of_its_article(text: str) -> None:
    claims = extract_article(text, "parts-test").casualty_claims
    ids = {c.claim_id for c in claims}
    parts = [c for c in claims if c.part_of]
    assert parts, "the sentence's breakdown should give a part"
    assert all(c.part_of in ids for c in parts)


def test_a_renamed_total_keeps_its_part() -> None:
    claims = extract_article(ARTICLES[0], "parts-test").casualty_claims
    women = next(c for c in claims if c.count.best == 9)
    total = next(c for c in claims if c.claim_id == women.part_of)
    assert total.count.best == 55 and total.outcome == "wounded"
