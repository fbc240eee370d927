"""A figure of an event over a year before the article is another event's toll
(extractors/casualty_gate_earlier.py). Every text here is OURS, written for this test in
several wars (none is copied from an article); negatives keep their figures."""
from __future__ import annotations

from datetime import date

import pytest

from extractors import extract_article
from extractors.casualty_gate_earlier import earlier_event

PUBLISHED = date(2024, 9, 5)


def _tolls(text: str, published: date = PUBLISHED) -> list[int | None]:
    claims = extract_article(text, "ours", published).casualty_claims
    return sorted(c.count.best if c.count.best is not None else c.count.low for c in claims)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen stormed a hotel in Mogadishu on Sunday, killing 9 people, police said. "
     "In a similar attack in 2019, militants killed 28 guests at another hotel.", [9]),
    ("Rebels shelled a camp near Goma on Monday, killing 7 people. "
     "Two years ago, the same group killed 40 villagers in an attack on a nearby town.", [7]),
    ("Jihadists ambushed a convoy near Gao on Sunday, killing 12 soldiers. "
     "In March 2020 an attack on a base in the same region killed 98 soldiers.", [12]),
    ("Clashes in Jonglei killed 20 people on Saturday. The 2013 fighting in Bor killed "
     "hundreds of people.", [20]),
])
def test_an_earlier_event_gives_no_figure(text: str, expected: list[int]) -> None:
    assert _tolls(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a running total from that year is a period, not an earlier event
    ("The health ministry says 1,900 people have been killed in Lebanon since the fighting "
     "began in October 2023.", [1900]),
    ("Since 2021, clashes around Maiduguri have killed 300 soldiers, the army said on Sunday.", [300]),
    ("Dozens of civilians have starved to death since the militia tightened its siege on the "
     "town of Kadugli in early 2022.", [24]),
    # a time within the year before publication is this war's news
    ("An air strike on a market in Omdurman in March killed 14 civilians, medics said.", [14]),
    ("Executions by the militants in late 2023 killed 40 prisoners, a mass grave showed.", [40]),
])
def test_periods_and_recent_times_keep_their_figures(text: str, expected: list[int]) -> None:
    assert _tolls(text) == expected


def test_a_figure_nearer_the_article_days_stays() -> None:
    sentence = ("Drones hit Kharkiv on Sunday, killing 4 people, a year after strikes in "
                "August 2022 killed 11 there.")
    assert earlier_event(sentence, sentence.index("4 people"), PUBLISHED) is False
    assert earlier_event(sentence, sentence.index("11 there"), PUBLISHED) is True


def test_no_publication_date_no_gate() -> None:
    assert earlier_event("In 2019, militants killed 28 guests.", 24, None) is False


@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling killed 6 people in Marib on Tuesday. The war, which began when the rebels seized "
     "the capital and killed some 300 soldiers, has displaced millions.", [6]),
    ("Azerbaijan launched its offensive after shelling killed 14 people in Tartar, officials said.", []),
])
def test_the_event_a_war_began_with_gives_no_figure(text: str, expected: list[int]) -> None:
    assert _tolls(text) == expected


def test_a_war_named_before_its_toll_is_no_origin() -> None:
    # "the war" is the subject here, not an event it began with
    assert _tolls("The war in Tigray has killed 600 fighters this week, both sides said.") == [600]
