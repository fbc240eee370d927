"""Casualty figures that are no new loss of the event (extractors/casualty_gate_stock.py):
freed captives, a standing stock of captives, a place's capacity and a forecast toll.
Every sentence here is OURS, written for this test in several wars (none is copied from an
article); negatives are sentences whose figure must stay."""
from __future__ import annotations

import pytest

from extractors.casualties import read_figures


def _figures(sentence: str) -> list[tuple[str, int | None]]:
    return [(f.outcome, f.mention.count.best if f.mention.count.best is not None else f.mention.count.low)
            for f in read_figures(sentence)]


@pytest.mark.parametrize("sentence", [
    "Colombian troops rescue nine kidnapped oil workers in Arauca",            # headline, present tense
    "The operation freed 14 Nigerian schoolgirls held by the gunmen.",
    "Commandos rescued three foreign hostages from a compound near Timbuktu.",
    "Twenty-two Ukrainian prisoners of war were exchanged on Friday.",
    "The swap returned 95 captured soldiers to each side.",
])
def test_freed_captives_are_no_captive_figure(sentence: str) -> None:
    assert [f for f in _figures(sentence) if f[0] == "captive"] == []


@pytest.mark.parametrize("sentence", [
    "Officials in Kyiv say some 8,000 Ukrainian soldiers remain in Russian captivity.",
    "About 60 aid workers are still held by the militia in South Sudan.",
    "The group says 31 Malian soldiers remain hostage after last year's raid.",
])
def test_a_standing_stock_of_captives_is_no_new_capture(sentence: str) -> None:
    assert [f for f in _figures(sentence) if f[0] == "captive"] == []


def test_a_place_capacity_is_no_captive_figure() -> None:
    assert _figures("The jail in Goma, built to hold 1,500 prisoners, was emptied during the fighting.") == []
    assert _figures("The camp near Gao has capacity for 2,000 detainees but holds far fewer.") == []


@pytest.mark.parametrize("sentence", [
    "Officials in Kabul fear the toll could rise to 40.",
    "The death toll in Khartoum is expected to top 100, a hospital official said.",
    "Medics in Marib said the number of dead may climb to 25.",
])
def test_a_forecast_toll_is_no_toll(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # captives taken in the event stay
    ("Gunmen abducted 40 students from a boarding school in Katsina on Friday.", [("captive", 40)]),
    ("Rebels in Goma said they were holding 12 Congolese soldiers captive.", [("captive", 12)]),
    # a toll that has risen stays; a forecast without a figure leaves the figure before it alone
    ("The toll from the strike on the Odesa port rose to 45 on Tuesday.", [("killed", 45)]),
    ("At least 12 people were killed in Mogadishu, and the toll could rise.", [("killed", 12)]),
    # people killed while held are a toll of their own
    ("Seven hostages were killed by their captors during the raid in Borno.", [("killed", 7)]),
])
def test_losses_of_the_event_stay(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert _figures(sentence) == expected
