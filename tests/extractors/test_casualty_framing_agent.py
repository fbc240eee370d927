"""A generic framing ("militants", "jihadists", "terrorists") in a sentence that names two
armed groups is the group that did not do the killing. Found when the round-4 closed set was
opened after its two scorings: most false casualty rows there had the right count and the
wrong victims. Every sentence here was written by us; none is copied from an article.
"""
from datetime import date

import pytest

from extractors import extract_article


def victims(text: str) -> list[tuple]:
    rows = (c.to_row() for c in extract_article(text, "t", date(2016, 8, 1)).casualty_claims)
    return [(row["victim_actor"], row["count_best"]) for row in rows]


@pytest.mark.parametrize(("text", "expected"), [
    ("The SDF killed 13 jihadists of Daesh in clashes near Tabqa.", [("isis", 13)]),
    ("The Syrian Democratic Forces have foiled an ISIS attack near Manbij killing 80 terrorists.", [("isis", 80)]),
    ("Ten militants were killed by the SDF after an ISIS attack near Raqqa.", [("isis", 10)]),
])
def test_the_framing_is_the_group_that_did_not_kill(text, expected):
    assert victims(text) == expected


def test_one_group_named_keeps_the_old_reading():
    assert victims("Daesh attacked the town and 28 militants were left dead.") == [("isis", 28)]
