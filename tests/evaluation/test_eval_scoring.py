"""The pure scoring functions on small hand-made rows and gold facts."""
from __future__ import annotations

from datetime import date

import pytest

from evaluation import EvaluationInputError
from evaluation.gold import parse_gold
from evaluation.evidence import check_evidence
from evaluation.fakes_scoring import FakesRecord, score_fakes
from evaluation.matching import date_matches, fact_matches
from evaluation.scoring import score_gold

TEXT = "Rebels took Kafr Nabudah on Monday. Shelling killed 12 civilians. The town is 30 km away."
SENT_1 = (0, 35)
SENT_2 = (36, 65)


def casualty(article: str = "a1", **fields) -> dict:
    row = {
        "claim_id": "c", "article_id": article, "victim_actor": "civilians", "victim_type": "civilian",
        "outcome": "killed", "count_low": 12, "count_best": 12, "count_high": 12, "qualifier": "exact",
        "claimant": None, "date_start": None, "date_end": None, "period_start": None,
        "evidence_text": TEXT[SENT_2[0]:SENT_2[1]], "evidence_start": SENT_2[0], "evidence_end": SENT_2[1],
    }
    row.update(fields)
    return row


def control(article: str = "a1", **fields) -> dict:
    row = {
        "claim_id": "k", "article_id": article, "place_name": "Kafr Nabudah", "place_id": None,
        "new_controller": "opposition", "previous_controller": None, "change_type": "capture",
        "claimant": None, "date_start": date(2019, 5, 6), "date_end": date(2019, 5, 6),
        "evidence_text": TEXT[SENT_1[0]:SENT_1[1]], "evidence_start": SENT_1[0], "evidence_end": SENT_1[1],
    }
    row.update(fields)
    return row


def equipment(**fields) -> dict:
    row = {"claim_id": "e", "article_id": "a1", "equipment_text": "T-72 tank", "model": "T-72",
           "category": "tank", "status": "destroyed", "quantity": 1, "qualifier": "exact", "owner_actor": None}
    row.update(fields)
    return row


def gold_of(body: dict) -> dict:
    return parse_gold({"articles": {"a1": body}})


def by_type(*rows_and_types: tuple[str, dict]) -> dict:
    grouped: dict = {"a1": {}}
    for fact_type, row in rows_and_types:
        grouped["a1"].setdefault(fact_type, []).append(row)
    return grouped


def test_true_positive_miss_and_false_row_give_precision_and_recall():
    gold = gold_of({"casualty_claims": [
        {"victim": "civilians", "outcome": "killed", "best": 12, "victim_type": "civilian", "qualifier": "exact"},
        {"victim": "civilians", "outcome": "wounded", "best": 40},
    ]})
    rows = by_type(("casualty_claim", casualty()), ("casualty_claim", casualty(count_best=30, count_low=30)))
    report = score_gold(gold, rows)
    score = report.scores["casualty_claim"]
    assert (score.true_rows, score.false_rows, score.gold, score.gold_found) == (1, 1, 2, 1)
    assert score.precision == 0.5 and score.recall == 0.5 and score.f1 == 0.5
    assert [m.fact["outcome"] for m in report.misses] == ["wounded"]
    assert report.false_rows[0].row["count_best"] == 30
    assert report.attributes[("casualty_claim", "victim_type")] == [1, 1]


def test_several_rows_may_match_one_gold_fact():
    gold = gold_of({"casualty_claims": [{"victim": "civilians", "outcome": "killed", "best": 12}]})
    report = score_gold(gold, by_type(("casualty_claim", casualty()), ("casualty_claim", casualty())))
    assert report.scores["casualty_claim"].true_rows == 2
    assert report.scores["casualty_claim"].recall == 1.0


def test_optional_fact_counts_neither_way():
    gold = gold_of({"casualty_claims": [
        {"victim": "civilians", "outcome": "killed", "best": 12, "optional": True},
        {"victim": "all", "outcome": "killed", "best": 99, "optional": True},
    ]})
    report = score_gold(gold, by_type(("casualty_claim", casualty())))
    score = report.scores["casualty_claim"]
    assert (score.true_rows, score.false_rows, score.neutral_rows) == (0, 0, 1)
    assert score.gold == 0 and score.recall is None and score.precision is None
    assert report.misses == []


def test_list_valued_gold_field_accepts_any_member():
    fact = {"place": "Kafr Nabudah", "new_controller": ["hts", "opposition"], "change_type": ["capture", "entry"]}
    assert fact_matches("control_change", fact, control())
    assert fact_matches("control_change", fact, control(new_controller="hts", change_type="entry"))
    assert not fact_matches("control_change", fact, control(new_controller="syrian_government"))


def test_place_matching_ignores_case_leading_the_and_accepts_containment():
    fact = {"place": "the Kafr Nabudah village", "new_controller": "opposition", "change_type": "capture"}
    assert fact_matches("control_change", fact, control(place_name="kafr nabudah"))
    assert not fact_matches("control_change", fact, control(place_name="Hama"))
    assert not fact_matches("control_change", fact, control(place_name=None))
    same_id = {"place": "Kafranbel", "new_controller": "opposition", "change_type": "capture"}
    row = control(place_name="Kafr Nabl", place_id="gn:1")
    assert fact_matches("control_change", same_id, row, place_id_of=lambda name: "gn:1")
    assert not fact_matches("control_change", same_id, row, place_id_of=lambda name: None)


def test_count_rule_uses_low_when_best_is_null():
    vague = {"victim": "opposition", "outcome": "killed", "low": 200, "best": None}
    assert fact_matches("casualty_claim", vague, casualty(victim_actor="opposition", count_low=200, count_best=None))
    assert not fact_matches("casualty_claim", vague, casualty(victim_actor="opposition", count_low=100, count_best=None))
    no_number = {"victim": "opposition", "outcome": "casualties", "best": None}
    assert fact_matches("casualty_claim", no_number,
                        casualty(victim_actor="opposition", outcome="casualties", count_low=None, count_best=None))
    assert not fact_matches("casualty_claim", no_number, casualty(victim_actor="opposition", outcome="casualties"))


def test_equipment_model_is_case_and_hyphen_insensitive_and_generic_model_matches_null():
    assert fact_matches("equipment_loss", {"model": "t72", "category": "tank", "status": "destroyed"}, equipment())
    generic = {"model": "tank", "category": "tank", "status": "destroyed"}
    assert fact_matches("equipment_loss", generic, equipment(model=None))
    assert not fact_matches("equipment_loss", generic, equipment(model=None, category="truck"))
    assert not fact_matches("equipment_loss", {"model": "BMP-1", "category": "tank"}, equipment(model=None))


def test_must_not_violation_is_reported():
    gold = gold_of({"must_not": [{"type": "any", "best": 30}, {"type": "control_change", "place": "Hama"}]})
    distance = casualty(count_best=30, count_low=30, count_high=30)
    report = score_gold(gold, by_type(("casualty_claim", distance), ("control_change", control())))
    assert [(v.fact_type, v.entry.get("best")) for v in report.violations] == [("casualty_claim", 30)]
    assert report.scores["casualty_claim"].false_rows == 1


def test_attribute_accuracy_for_dates_and_claimant():
    gold = gold_of({"control_changes": [{
        "place": "Kafr Nabudah", "new_controller": "opposition", "change_type": "capture",
        "event_date": [date(2019, 5, 5), date(2019, 5, 6)], "claimant": ["SOHR", "activists"],
        "previous_controller": "syrian_government",
    }]})
    report = score_gold(gold, by_type(("control_change", control(claimant="SOHR"))))
    assert report.attributes[("control_change", "event_date")] == [1, 1]
    assert report.attributes[("control_change", "claimant")] == [1, 1]
    assert report.attributes[("control_change", "previous_controller")] == [0, 1]
    assert date_matches(date(2019, 5, 6), date(2019, 5, 5), date(2019, 5, 6)) is False
    assert date_matches(2016, date(2016, 3, 1), date(2016, 3, 2)) is True
    assert date_matches(None, None, None) is True
    assert date_matches("this week", None, None) is None


def test_gold_article_absent_from_rows_is_listed_missing():
    gold = parse_gold({"articles": {"a1": {}, 123: {"casualty_claims": [{"victim": "all", "best": 3}]}}})
    report = score_gold(gold, {"a1": {}})
    assert report.articles_missing == ["123"]
    assert report.scores["casualty_claim"].gold == 0


def test_bad_gold_shape_is_an_input_error():
    with pytest.raises(EvaluationInputError):
        parse_gold({"articles": {"a1": {"casualty_claim": []}}})  # singular section name
    with pytest.raises(EvaluationInputError):
        parse_gold({"articles": {"a1": {"must_not": [{"type": "casualties", "best": 3}]}}})
    with pytest.raises(EvaluationInputError):
        parse_gold(["not", "a", "mapping"])


def test_fakes_hit_and_victim_type_rules():
    records = [
        FakesRecord("civ", 12, 0),  # hit by a civilian row: type right
        FakesRecord("mil", 0, 7),  # hit by a civilian row: type wrong
        FakesRecord("both", 5, 3),  # sum 8 hit by a mixed row: right
        FakesRecord("range", 0, 40),  # best null, 30..50 contains 40: hit, combatant right
        FakesRecord("wounded", 4, 0),  # only a wounded row with 4: no hit
        FakesRecord("zero", 0, 0),  # no gold number: not scored
    ]
    rows = {
        "civ": [casualty(count_best=12)],
        "mil": [casualty(count_best=7)],
        "both": [casualty(count_best=8, victim_type="mixed", victim_actor="all")],
        "range": [casualty(count_best=None, count_low=30, count_high=50, victim_type="combatant")],
        "wounded": [casualty(count_best=4, outcome="wounded")],
    }
    report = score_fakes(records, rows)
    assert report.articles_scored == 5 and report.articles_without_number == 1
    assert [r.unit_id for r in report.results if r.hit] == ["civ", "mil", "both", "range"]
    assert [r.unit_id for r in report.results if r.type_right] == ["civ", "both", "range"]
    assert report.recall == 4 / 5 and report.victim_type_accuracy == 3 / 4


def test_fakes_sum_needs_a_mixed_row():
    record = FakesRecord("both", 5, 3)
    assert score_fakes([record], {"both": [casualty(count_best=8, victim_type="civilian")]}).results[0].type_right is False


def test_fakes_records_outside_the_corpus_are_not_scored():
    report = score_fakes([FakesRecord("x", 3, 0)], {}, known_articles=["y"])
    assert report.articles_scored == 0 and report.articles_missing == ["x"]


def test_evidence_offsets_are_checked_against_the_article_text():
    good = casualty()
    shifted = casualty(evidence_start=SENT_2[0] + 1, evidence_end=SENT_2[1] + 1)
    orphan = casualty(article="nowhere")
    check = check_evidence([good, shifted, orphan], {"a1": TEXT})
    assert check.checked == 3
    assert [problem.split(" ")[0] for _, problem in check.failures] == ["text[37:66]", "article"]
