"""Gates of control changes (helper control11p, issue 7: precision on text nobody tuned for).

What its own sentence says around a trigger can undo it: a brief entry (a raid), background
of years or months ago, a second verb whose objects follow the trigger's ("captured A and
attacked B"), and a third party's reaction to a fall ("Washington welcomed the fall of X",
``judging_lemmas`` of ``control_frames.yaml``).
A plant or a corridor named by a town is that site, not the town. A claim the other side
denies stays a claim (the gold files' convention).

Every sentence here was written by us (helper control11p) in the style of wire reports from
Ukraine, Sudan, Gaza, Mali, Burkina Faso, the Sahel, Afghanistan, Congo, Yemen, Ethiopia and
Syria; none is copied from an article. Negatives must give no row; the positives beside
them keep the change each gate must not eat.
"""
from datetime import date

import pytest

from extractors import extract_article


def changes(text: str) -> list[tuple]:
    return [(c.place.name, c.new_controller, c.change_type)
            for c in extract_article(text, "t", date(2024, 5, 1)).control_changes]


@pytest.mark.parametrize("sentence", [
    # brief entries: raids
    "RSF fighters briefly entered El Obeid on Tuesday before being pushed back by the army.",
    "Hamas fighters entered Sderot and withdrew hours later.",
    "The army said its troops entered Kidal briefly on Tuesday before pulling back.",
    # background of months or years ago in the trigger's own clause
    "The town of Bara, seized by the RSF months ago, was shelled on Monday.",
    "Government troops, who retook Marawi two years ago, were deployed on Monday.",
    "The army launched an assault to retake the village of Tessit captured by jihadists earlier this year.",
    # a reaction, not the taker
    "Washington welcomed the fall of Raqqa.",
    "Kyiv's allies hailed the liberation of Kherson.",
    "The African Union condemned the capture of Goma.",
])
def test_no_row(sentence: str) -> None:
    assert changes(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # the second verb's objects are not the trigger's
    ("Russian forces captured Krasnohorivka and attacked the villages of Kurakhove and Pokrovsk.",
     [("Krasnohorivka", "russia", "capture")]),
    ("M23 captured Sake and shelled the town of Minova and Kirotshe.", [("Sake", "m23", "capture")]),
    ("The army retook Bara and bombed the villages of Um Sumeima and Kazgil.", [("Bara", "sudan", "recapture")]),
    # a list with no second verb, or one verb before the list, keeps every name
    ("The army retook Bara and the villages of Um Sumeima and Kazgil.",
     [("Bara", "sudan", "recapture"), ("Um Sumeima", "sudan", "recapture"), ("Kazgil", "sudan", "recapture")]),
    ("Russian forces captured Krasnohorivka and nearby Kurakhove.",
     [("Krasnohorivka", "russia", "capture"), ("Kurakhove", "russia", "capture")]),
    ("JNIM fighters seized and held the town of Boni on Sunday.", [("Boni", "jnim", "capture")]),
    # a capture told as brief is a capture still (its retaking is its own row)
    ("Loyalist gunmen briefly seized the town of Qardaha on Thursday.", [("Qardaha", None, "capture")]),
    # a claim the other side denies stays a claim, with its claimant (the gold files' convention)
    ("Russia said it had captured Robotyne, but Ukraine denied the claim.", [("Robotyne", "russia", "capture")]),
    ("The militants said they killed 40 soldiers when they overran the base in the town of Boni, a claim the army dismissed.",
     [("base in the town of Boni", None, "capture")]),
    # last year: a dated change, left to the date rules
    ("The Russian defence ministry said its forces had liberated the village of Pervomaiske.",
     [("Pervomaiske", "russia", "capture")]),
    # a plant or a corridor named by a town is that site
    ("Russian troops seized the Zaporizhzhia nuclear power plant.", [("Zaporizhzhia nuclear power plant", "russia", "capture")]),
    ("Israeli forces took control of the Philadelphi corridor.", [("Philadelphi corridor", "israel", "capture")]),
    # a reaction with its taker named after the noun, or as its possessor, keeps the row
    ("The UN condemned the capture of El Fasher by the RSF.", [("El Fasher", "rsf", "capture")]),
    ("Washington welcomed the SDF's capture of Raqqa.", [("Raqqa", "sdf", "capture")]),
])
def test_rows(sentence: str, expected: list[tuple]) -> None:
    got = changes(sentence)
    if any(new is None for _, new, _ in expected):  # the taker is not this test's point
        got = [(p, None, t) for p, _, t in got]
    assert got == expected
