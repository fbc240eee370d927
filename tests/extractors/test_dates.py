"""Dates resolved against the publication day (2023-03-15 is a Wednesday)."""
from datetime import date

import pytest

from extractors.claims import UNKNOWN_DATE, DateSpan
from extractors.dates import find_period, resolve_when

PUBLISHED = date(2023, 3, 15)


@pytest.mark.parametrize("text, expected", [
    ("Shelling resumed on Monday.", DateSpan(date(2023, 3, 13), date(2023, 3, 13), "day")),
    ("The convoy arrived on Wednesday.", DateSpan(PUBLISHED, PUBLISHED, "day")),
    ("Talks collapsed last week.", DateSpan(date(2023, 3, 6), date(2023, 3, 12), "week")),
    ("Aid trucks crossed this week.", DateSpan(date(2023, 3, 13), PUBLISHED, "week")),
    ("The bridge fell on March 9.", DateSpan(date(2023, 3, 9), date(2023, 3, 9), "day")),
    ("Raids began December 30.", DateSpan(date(2022, 12, 30), date(2022, 12, 30), "day")),
    ("Clashes erupted before dawn Monday-Tuesday.", DateSpan(date(2023, 3, 13), date(2023, 3, 14), "range")),
    ("The mayor resigned yesterday.", DateSpan(date(2023, 3, 14), date(2023, 3, 14), "day")),
    ("The market reopened today.", DateSpan(PUBLISHED, PUBLISHED, "day")),
    ("It was shelled a few days ago.", DateSpan(date(2023, 3, 9), date(2023, 3, 13), "range")),
    ("The dam was retaken in 2017.", DateSpan(date(2017, 1, 1), date(2017, 12, 31), "year")),
])
def test_resolve_when(text: str, expected: DateSpan) -> None:
    assert resolve_when(text, PUBLISHED) == expected


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve_when("Shelling resumed on Monday.", None) == UNKNOWN_DATE
    assert resolve_when("The bridge fell on March 9.", None) == UNKNOWN_DATE
    assert resolve_when("The bridge fell on 9 March 2021.", None) == DateSpan(
        date(2021, 3, 9), date(2021, 3, 9), "day")


def test_period_openers() -> None:
    text = "Since the offensive began on March 2, the toll has reached 90."
    assert find_period(text, PUBLISHED) == (date(2023, 3, 2), None)
    assert resolve_when(text, PUBLISHED) == UNKNOWN_DATE  # the opening is not the event date
    assert find_period("Losses so far this week top 50.", PUBLISHED) == (date(2023, 3, 13), PUBLISHED)
    assert find_period("Losses top 50.", PUBLISHED) == (None, None)


@pytest.mark.parametrize("text, expected", [
    ("Shelling resumed on Monday.", DateSpan(date(2023, 3, 13), date(2023, 3, 13), "day")),
    ("Clashes broke out two days ago.", DateSpan(date(2023, 3, 13), date(2023, 3, 13), "day")),
    ("The strike hit the town yesterday.", DateSpan(date(2023, 3, 14), date(2023, 3, 14), "day")),
])
def test_cheap_gates_keep_word_only_dates(text: str, expected: DateSpan) -> None:
    # sentences without digits skip the day/year patterns; weekday and relative ones stay
    assert resolve_when(text, PUBLISHED) == expected


def test_a_bare_month_is_the_latest_such_month_up_to_publication() -> None:
    published = date(2016, 10, 6)
    assert resolve_when("Rebels took the town in May.", published) == DateSpan(date(2016, 5, 1), date(2016, 5, 31), "month")
    assert resolve_when("The army retook it in December.", published) == DateSpan(date(2015, 12, 1), date(2015, 12, 31), "month")
    assert resolve_when("Fighting in October this year.", published) == DateSpan(date(2016, 10, 1), published, "month")
    assert resolve_when("They met in Mayadin.", published) == UNKNOWN_DATE
