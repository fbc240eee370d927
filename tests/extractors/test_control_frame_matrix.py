"""The control frame matrix (helper control10f): sentences generated from templates written
for this test (``control_matrix.py``; none is taken from an article) across every lemma of
the control frames, its inflections, the frames (active, perfect, headline present,
passive with "by", "fell to", "came under the control of", "is now under X control",
nominals with "by"/"to" and possessors, gerund clauses, withdrawals, expulsions, "lost X
to Y", "advanced/stormed into"), agents of Syria's and other wars, and place wordings
("the town of X", "X, in Hama province,", "the village of X near Y", lists of two or three).

Each family must give every expected row, except the frames listed in KNOWN_GAPS (kept
missing on purpose or not built yet; the benchmark prints them). The negative templates
(attempts, plans, sieges, shelling, fighting near, denials, failures) must give no row of a
change of hands. Coverage figures: ``benchmarks/control_frame_matrix.py``.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from control_matrix import _CAPTURE_LIKE, judge, negatives, positives, rows  # noqa: E402

# Frames the rules do not read, on purpose (precision) or not yet:
KNOWN_GAPS = (
    "recover", "free",  # objects of many kinds ("recovered the bodies", "freed hostages"): a place the gazetteer knows only
    "recently {V} town",  # "in the recently captured town of X": whose capture is not said
    "now control {P}",  # "Y now controls X": a standing state as often as a change
    "After {G}",  # "After taking X, ...": "taking" is weak without its subject before it (capturing/seizing are read)
)


@lru_cache(maxsize=1)
def _results() -> dict[str, list[tuple[str, bool, bool]]]:
    out: dict[str, list[tuple[str, bool, bool]]] = {}
    for frame, text, expected in positives():
        ok, extra = judge(text, expected)
        out.setdefault(frame.split(":")[0], []).append((f"{frame} | {text}", ok, extra))
    return out


FAMILIES = ["active_past", "active_perfect", "headline_present", "control", "passive_by", "fell_to", "nominal",
            "withdraw", "expel", "lost_to", "advance", "participial"]


def test_the_matrix_is_large_and_covers_every_family() -> None:
    results = _results()
    assert set(results) == set(FAMILIES)
    assert sum(len(v) for v in results.values()) > 700


@pytest.mark.parametrize("family", FAMILIES)
def test_every_generated_sentence_gives_its_rows(family: str) -> None:
    misses = [label for label, ok, _ in _results()[family] if not ok and not any(g in label for g in KNOWN_GAPS)]
    assert misses == []


@pytest.mark.parametrize("family", FAMILIES)
def test_no_row_for_a_place_not_named_as_taken(family: str) -> None:
    # "the village of X near Y": Y is where X lies; "X, in Hama province,": not the province
    assert [label for label, _, extra in _results()[family] if extra] == []


def test_negative_templates_give_no_change_of_hands() -> None:
    false = [(text, rows(text)) for _, text in negatives() if any(r[3] in _CAPTURE_LIKE for r in rows(text))]
    assert false == []


# ---- single mechanisms, with their near misses (sentences written for this test)

def test_adverb_before_fell_to() -> None:
    assert ("Marea", "syrian_government") in [r[:2] for r in rows("Marea finally fell to government troops after a long siege.")]


def test_where_it_lies_is_not_the_passive_subject() -> None:
    got = rows("The village of Qusayr near Morek was later captured by Hayat Tahrir al-Sham on Tuesday.")
    assert [r[0] for r in got] == ["Qusayr"]


def test_possessor_nominal_without_apostrophe() -> None:
    got = rows("A rebel fighter attends a demonstration celebrating Nusra Fronts take over of Idlib about a month ago.")
    assert ("Idlib", "hts") in [r[:2] for r in got]


def test_possessor_nominal_needs_an_armed_possessor() -> None:
    assert rows("The days capture of prisoners was celebrated in the square.") == []


def test_gerund_clause_takes_the_main_subject() -> None:
    got = rows("Having retaken Ramadi, Iraqi forces turned to Fallujah.")
    assert [r[:2] for r in got] == [("Ramadi", "iraq")]


def test_now_under_control_is_a_change_but_plain_under_control_is_not() -> None:
    assert [r[:2] for r in rows("The town of El Fasher is now under army control.")] == [("El Fasher", "sudan")]
    assert rows("Idlib is under rebel control.") == []


def test_stormed_into_is_an_entry_but_stormed_alone_a_raid() -> None:
    assert [r[3] for r in rows("Kurdish YPG fighters stormed into the city of Morek on Saturday.")] == ["entry"]
    assert rows("Gunmen stormed a village overnight, killing 12 people.") == []


def test_unknown_name_taken_where_it_lies_follows() -> None:
    got = rows("Government troops took Kafr Nabuda, in Hama province, after heavy fighting.")
    assert [r[:2] for r in got] == [("Kafr Nabuda", "syrian_government")]
    assert rows("Rebels took Ahmed Hassan after heavy fighting.") == []  # two words, no toponym head: a person
    assert rows("Rebels took Hassan, in Idlib province, as a hostage.") == []


def test_absolute_clause_with_having_takes_the_actor_after_with() -> None:
    text = "Daesh has been beaten back on several fronts, with Iraqi forces aided by coalition airstrikes having retaken Ramadi."
    assert [r[:2] for r in rows(text)] == [("Ramadi", "iraq")]


def test_declared_full_control_is_a_capture_but_plain_control_is_not() -> None:
    text = "The regime declares it has full control of Aleppo after a final convoy of rebel fighters leaves under a deal."
    assert [r[:2] for r in rows(text)] == [("Aleppo", "syrian_government")]
    assert rows("The regime says it has control of most of Damascus.") == []


def test_lost_to_names_the_taker_even_of_a_rebel_held_town() -> None:
    got = rows("Rebels lost the rebel-held town of Palmyra to the Syrian Arab Army on Monday.")
    assert [(r[0], r[1], r[2]) for r in got] == [("Palmyra", "syrian_government", "opposition")]


def test_list_item_with_its_own_head_noun() -> None:
    got = rows("M23 rebels seized the lakeside town of Minova and the hub of Sake last week.")
    assert [r[0] for r in got] == ["Minova", "Sake"]


def test_syrian_rebel_group_spellings() -> None:
    assert [r[:2] for r in rows("Jaish al-Fatah captured Idlib city in March.")] == [("Idlib", "opposition")]


def test_back_in_hands_is_a_recapture_of_a_place_only() -> None:
    assert [r[:2] for r in rows("Palmyra is back in government hands after a three-week offensive.")] == [("Palmyra", "syrian_government")]
    assert rows("The weapons are back in government hands.") == []


def test_a_share_of_a_town_is_the_town() -> None:
    assert [r[:2] for r in rows("IS militants have seized half of Kobane, the Observatory said.")] == [("Kobane", "isis")]


def test_a_coloured_flag_raised_over_a_town() -> None:
    assert [r[:2] for r in rows("Islamic State fighters raised their black flag over Kobane.")] == [("Kobane", "isis")]
