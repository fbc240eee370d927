"""The month May is no modal verb: a loss dated "On May 10" or "In May" is a loss; "may
destroy" is not. Sentences of our own wording."""
import datetime

import pytest

from extractors.pipeline import extract_article


def losses(text: str) -> list[tuple]:
    return [(e.quantity, e.status) for e in extract_article(text, "t", datetime.date(2024, 5, 12)).equipment_losses]


@pytest.mark.parametrize("text, expected", [
    ("On May 10, Russian forces destroyed three T-72 tanks near Vovchansk.", [(3, "destroyed")]),
    ("In May Ukrainian drones destroyed two Russian BMP-2s.", [(2, "destroyed")]),
    ("Russian forces may destroy the bridge and the tanks.", []),
])
def test_may_as_month_and_as_modal(text: str, expected: list) -> None:
    assert losses(text) == expected
