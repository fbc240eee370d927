"""Wounded told without a figure (extractors/casualty_vague.py): a wounded claim with no
count when that is all the article says of those wounded.

Every text here is our own, written for these tests; none is copied from an article.
"""
from __future__ import annotations

from datetime import date

import pytest

from extractors.pipeline import extract_article


def _rows(text: str) -> set[tuple[int | None, str, str, str | None]]:
    claims = extract_article(text, "our-article", date(2024, 5, 1)).casualty_claims
    return {(c.count.best or c.count.low, c.outcome, c.victim_actor, c.count.qualifier) for c in claims}


@pytest.mark.parametrize(("text", "wounded"), [
    ("Coalition air raids on ISIL positions near Kobani killed 35 fighters and injured many others.", "isis"),
    ("At least seven people were killed and many more wounded in the attack on the hospital in Kharkiv.", "civilians"),
    ("Unknown gunmen injured a number of civilians in a mortar attack on a market in Gao.", "civilians"),
    ("Israeli strikes killed 12 people in Nabatieh and wounded many others, the health ministry said.", "civilians"),
    ("The monitor said several other people were wounded in the blast in Marib.", "civilians"),
])
def test_wounded_without_a_figure(text: str, wounded: str) -> None:
    assert (None, "wounded", wounded, "vague") in _rows(text)


@pytest.mark.parametrize("text", [
    # a figure for the same wounded elsewhere in the article wins
    "RSF shelling killed 9 civilians and wounded many others in El Fasher.\n\nDoctors said 40 civilians were wounded.",
    # killed and wounded together are casualties, not the wounded alone
    "The clashes in Sagaing ended with killing and injuring a number of junta soldiers.",
    # "others" of a group the sentence gives no figure for
    "Two trucks were destroyed, many militants were killed and others were injured near Menaka.",
])
def test_no_vague_wounded(text: str) -> None:
    assert not any(count is None and outcome == "wounded" for count, outcome, _, _ in _rows(text))
