"""Casualty claims from sentences of our own wording, plus the seed articles' facts."""
from datetime import date
from pathlib import Path

import pytest
import yaml

from extractors import extract_article
from extractors.casualties import read_casualties

from tests.conftest import SHARED  # the shared folder; the shared_seeds fixture is tests/conftest.py's


def read(text: str) -> list[tuple]:
    return [(m.count.best if m.count.best is not None else m.count.low, outcome, victim.actor, victim.type, perp)
            for m, outcome, victim, perp in read_casualties(text)]


def test_killing_n_and_n_killed() -> None:
    assert read("A car bomb tore through the market, killing nine civilians.") == [
        (9, "killed", "civilians", "civilian", None)]
    assert read("Eleven soldiers were killed and 30 wounded near the dam.") == [
        (11, "killed", "syrian_government", "combatant", None),
        (30, "wounded", "syrian_government", "combatant", None)]  # the wounded are the same group


def test_people_count_as_civilians_and_children_are_kept() -> None:
    assert read("At least 23 people, including six children, died in the raid.") == [
        (23, "killed", "civilians", "civilian", None), (6, "killed", "civilians", "civilian", None)]


def test_toll_breakdown_gives_one_claim_per_group() -> None:
    text = "The overall toll climbed to 312, including 140 from ISIS, 90 from the SDF and 82 civilians."
    assert read(text) == [
        (312, "killed", "all", "mixed", None), (140, "killed", "isis", "combatant", None),
        (90, "killed", "sdf", "combatant", None), (82, "killed", "civilians", "civilian", None)]


def test_perpetrator_from_subject_or_by_phrase() -> None:
    assert read("Russian air strikes killed 14 villagers overnight.")[0][4] == "russia"
    assert read("Seven shepherds were killed by government shelling.")[0][4] == "syrian_government"


def test_vague_and_missing_and_captive() -> None:
    assert read("Dozens of rebels were killed in the ambush.") == [(24, "killed", "opposition", "combatant", None)]
    assert read("Scores of fighters are now considered missing.")[0][1] == "missing"
    assert read("Gunmen are holding about 40 workers hostage.")[0][1] == "captive"


@pytest.mark.parametrize("text", [
    "The column advanced 40 kilometers, and the death toll is not known.",
    "Rebels killed no one when they took 12 villages in 2016.",
    "The city, home to 300,000 residents, saw people killed in past years.",
    "The ministry said 15 tanks were destroyed.",
])
def test_non_casualty_numbers_give_nothing(text: str) -> None:
    assert read(text) == []


def test_period_and_claimant_on_claims() -> None:
    text = ("According to the Observatory, since the assault began on May 3, the death toll has "
            "reached 77, including 20 civilians.")
    claims = extract_article(text, "t1", date(2023, 5, 20)).casualty_claims
    assert [(c.count.best, c.victim_actor) for c in claims] == [(77, "all"), (20, "civilians")]
    assert all(c.period_start == date(2023, 5, 3) and c.claimant == "SOHR" for c in claims)


def _seed_articles() -> tuple[dict, dict]:
    seeds = SHARED / "seeds"
    if not (seeds / "gold.yaml").exists():
        pytest.skip("../shared/seeds is absent (clone without the shared material)")
    gold = yaml.safe_load((seeds / "gold.yaml").read_text())["articles"]
    import csv
    manifest = {r["file"]: r for r in csv.DictReader((seeds / "manifest.csv").open())}
    return gold, manifest


def _as_list(value):
    return value if isinstance(value, list) else [value]


def test_seed_casualty_and_displacement_facts() -> None:
    gold, manifest = _seed_articles()
    for name, facts in gold.items():
        published = manifest[name]["published_at"] or None
        result = extract_article((SHARED / "seeds" / name).read_text(), name,
                                 date.fromisoformat(published) if published else None)
        rows = [c.to_row() for c in result.casualty_claims]
        for fact in facts.get("casualty_claims", []):
            if fact.get("optional"):
                continue
            key = ("count_best", fact["best"]) if fact.get("best") is not None else ("count_low", fact["low"])
            assert any(r["victim_actor"] in _as_list(fact["victim"]) and r["outcome"] in _as_list(fact["outcome"])
                       and r[key[0]] == key[1] for r in rows), (name, fact)
        figures = [f.to_row() for f in result.displacement_figures]
        for fact in facts.get("displacement_figures", []):
            assert any(r["population"] in _as_list(fact["population"]) and r["count_best"] == fact["best"]
                       and r["is_projection"] == fact["is_projection"] for r in figures), (name, fact)
        everything = [c.to_row() for c in result.all()]
        for trap in facts.get("must_not", []):
            if "best" in trap:
                kinds = {"casualty_claim": rows, "displacement_figure": figures, "any": everything}
                assert all(r.get("count_best", r.get("quantity")) != trap["best"]
                           for r in kinds.get(trap["type"], [])), (name, trap)


# --- rules added for real wire text (sentences of our own wording) ---------------------

REPO = Path(__file__).resolve().parents[2]


def test_unqualified_soldiers_and_loyalists_are_government() -> None:
    assert read("Insurgents ambushed a patrol and killed 7 soldiers near the airport.") == [
        (7, "killed", "syrian_government", "combatant", "opposition")]
    assert read("A tunnel blast killed at least 11 fighters loyal to President Assad.")[0][:4] == (
        11, "killed", "syrian_government", "combatant")
    assert read("Shelling killed 4 pro-Assad fighters on the ridge.")[0][2] == "syrian_government"
    assert read("Jets struck a camp and killed 30 Qaeda fighters.")[0][2] == "hts"


def test_perpetrator_before_an_active_verb_is_not_the_victim() -> None:
    # the group named before "killed" did the killing; the victims are unnamed
    assert read("Islamic State killed 45 in an assault on a gas plant.")[0][2] == "all"
    assert read("Islamic State killed 45 soldiers in an assault on a gas plant.")[0][2] == "syrian_government"


def test_generic_militants_stand_for_the_one_group_named() -> None:
    assert read("An ISIL raid on the village ended with 12 militants dead.")[0][2] == "isis"
    article = "Daesh fighters pushed west. Daesh shelled the base. Troops killed 9 terrorists near the road."
    figures = read_casualties("Troops killed 9 terrorists near the road.", article)
    assert figures[0][2].actor == "isis"
    # an article naming the group only once in passing does not decide it
    once = "Daesh was mentioned once. Troops killed 9 terrorists near the road."
    assert read_casualties("Troops killed 9 terrorists near the road.", once)[0][2].actor == "opposition"


def test_war_wide_background_tolls_are_not_emitted() -> None:
    assert read("Since the uprising began in 2011 more than 350,000 people have been killed.") == []
    assert read("The conflict has killed at least 300000 people.") == []
    assert read("Hundreds of thousands have died in Syria's war since 2011.") == []
    # a large toll of one battle stays
    assert read("The siege has killed 1,200 people in the town, medics said.")[0][0] == 1200


def test_things_are_not_victims() -> None:
    assert read("Aircraft destroyed 31 terrorist targets and 6 depots overnight.") == []
    assert read("The raids destroyed over 40 terrorists in the valley.")[0][:3] == (40, "killed", "opposition")


def test_wounded_others_are_the_group_just_killed() -> None:
    assert [r[:4] for r in read("The unit repelled the raid, killing 8 terrorists and injuring 15 others.")] == [
        (8, "killed", "opposition", "combatant"), (15, "wounded", "opposition", "combatant")]
    assert read("Five civilians were killed and another 19 injured in the strike.")[1][:3] == (19, "wounded", "civilians")
    # two different groups before: the wounded stay unspecified
    assert read("3 civilians and 4 soldiers were killed and 20 wounded.")[-1][:3] == (20, "wounded", "all")


def test_list_of_parts_and_partitive_and_remains() -> None:
    assert read("The dead included four women three children and two medics.") == [
        (4, "killed", "civilians", "civilian", None), (3, "killed", "civilians", "civilian", None),
        (2, "killed", "civilians", "civilian", None)]
    assert read("Seven of those killed were rebel fighters, a doctor said.")[0][:3] == (7, "killed", "opposition")
    assert read("Searchers found 40 bodies of tribesmen in a ditch.")[0][:3] == (40, "killed", "unknown")
    assert read("The barrage led to the death of five and the injury of 31.")[1][:2] == (31, "wounded")
    assert read("The offensive ended in killing and injuring dozens of militants.")[0][:2] == (24, "casualties")


def test_sample_article_toll_breakdown() -> None:
    path = REPO / "seeds" / "articles" / "2025-03-03_idlib_toll.md"
    if not path.exists():
        pytest.skip("sample article seeds/articles/2025-03-03_idlib_toll.md is absent")
    body = path.read_text().split("---", 2)[-1]
    rows = {(c.count.best if c.count.best is not None else c.count.low, c.victim_actor, c.outcome)
            for c in extract_article(body, "idlib", date(2025, 3, 3)).casualty_claims}
    assert {(98, "hts", "killed"), (61, "syrian_government", "killed"), (53, "civilians", "killed"),
            (14, "civilians", "killed"), (300, "civilians", "wounded")} <= rows


def test_unnamed_fighters_among_rival_rebel_groups_are_opposition() -> None:
    rows = read_casualties("At least 30 fighters were killed in clashes between rival anti-regime groups near Douma.")
    assert [(m.count.low, victim.actor, victim.type) for m, _, victim, _ in rows] == [(30, "opposition", "combatant")]
    rows = read_casualties("At least 30 fighters were killed in clashes between the army and IS near Palmyra.")
    assert [victim.actor for _, _, victim, _ in rows] == ["unknown"]


def test_coordinated_victim_nouns_are_one_group_and_no_named_group() -> None:
    rows = read_casualties("More than 40 rebels and jihadists were killed as IS overran the town.",
                           "IS attacked. IS fighters overran the town.")
    assert [(m.count.low, victim.actor, victim.label) for m, _, victim, _ in rows] == [
        (40, "opposition", "rebels and jihadists")]


def test_its_soldiers_belong_to_the_speaker_and_both_sides_is_mixed() -> None:
    rows = read_casualties("The Turkish army said three of its soldiers were killed near al-Rai.")
    assert [(victim.actor, victim.type) for _, _, victim, _ in rows] == [("turkey", "combatant")]
    rows = read_casualties("The battle has killed some 200 fighters on both sides, the monitor said.")
    assert [(victim.actor, victim.type) for _, _, victim, _ in rows] == [("all", "mixed")]


def test_killing_all_five_and_those_killed_in_the_attacks_include() -> None:
    rows = read_casualties("The jet crashed, killing all five people on board.")
    assert [m.count.best for m, _, _, _ in rows] == [5]
    rows = read_casualties("Those killed in the two raids include 9 children and two women.")
    assert sorted(m.count.best for m, _, _, _ in rows) == [2, 9]


def test_the_same_victims_counted_in_another_place_and_toll_wordings() -> None:
    rows = read_casualties("Air strikes killed 12 civilians in Douma and 3 in neighbouring Harasta.")
    assert [(m.count.best, victim.actor) for m, _, victim, _ in rows] == [(12, "civilians"), (3, "civilians")]
    rows = read_casualties("The number of rebel fighters killed in the battles (Saturday) has risen to 39, the monitor said.")
    assert [(m.count.best, outcome) for m, outcome, _, _ in rows] == [(39, "killed")]
    rows = read_casualties("The number of victims has reached 236 people.")
    assert [m.count.best for m, _, _, _ in rows] == [236]


def test_a_people_toll_its_combatant_parts_add_up_to_is_mixed() -> None:
    from datetime import date
    from extractors import extract_article
    text = ("Monitors said at least 150 people have been killed since Monday. "
            "The toll includes 70 fighters of HTS, 50 soldiers and 30 civilians.")
    rows = extract_article(text, "t", date(2025, 3, 3)).casualty_claims
    assert [(r.count.best, r.victim_actor, r.victim_type) for r in rows if r.count.best == 150] == [(150, "all", "mixed")]
    rows = extract_article("At least 40 people were killed. Rescuers said 12 children died.", "t",
                           date(2025, 3, 3)).casualty_claims
    assert [(r.count.best, r.victim_actor) for r in rows if r.count.best == 40] == [(40, "civilians")]


def test_people_including_civilians_is_a_mixed_total() -> None:
    from datetime import date
    from extractors import extract_article
    rows = extract_article("More than 500 people, including 90 civilians, have been killed, the monitor said.", "t",
                           date(2024, 12, 6)).casualty_claims
    assert sorted((r.count.low, r.victim_actor) for r in rows) == [(90, "civilians"), (500, "all")]


def test_victim_words_and_active_killers() -> None:
    rows = read_casualties("Jihadists stormed the field killing at least 30 pro-regime gunmen and guards.")
    assert [(m.count.low, victim.actor) for m, _, victim, _ in rows] == [(30, "syrian_government")]
    rows = read_casualties("Two suicide bombers have killed at least 30 Kurdish militiamen in Hasakeh.")
    assert [(m.count.low, victim.actor) for m, _, victim, _ in rows] == [(30, "sdf")]
    rows = read_casualties("Five people died and eight others experienced breathing difficulties after the shelling.")
    assert sorted((m.count.best, outcome) for m, outcome, _, _ in rows) == [(5, "killed"), (8, "wounded")]


# ---- issue 7: totals and parts, background figures, perpetrators (sentences of our own
# wording modelled on the ones quoted in the issue, and the seed article itself)

def _claims(text: str, published: date = date(2024, 12, 6)):
    return extract_article(text, "t", published).casualty_claims


def test_total_and_its_part_are_linked_not_both_civilians() -> None:
    claims = _claims("Since the start of the offensive 826 people have been killed in Hama and Idlib, "
                     "among them 111 civilians, the Syrian Observatory for Human Rights said.")
    rows = {(c.victim_actor, c.count.best): c for c in claims}
    assert set(rows) == {("all", 826), ("civilians", 111)}
    total, part = rows[("all", 826)], rows[("civilians", 111)]
    assert total.victim_type == "mixed" and total.part_of is None
    assert part.part_of == total.claim_id


def test_toll_breakdown_parts_point_at_the_toll() -> None:
    claims = _claims("According to the Observatory, since the launch of the operation on November 27, the "
                     "death toll has risen to 605, including 245 from HTS, 54 from the National Army "
                     "factions, and 107 civilians.")
    total = next(c for c in claims if c.count.best == 605)
    assert total.victim_actor == "all"
    assert {(c.victim_actor, c.count.best) for c in claims if c.part_of == total.claim_id} == {
        ("hts", 245), ("sna", 54), ("civilians", 107)}


def test_children_among_people_leave_the_people_civilians() -> None:
    claims = _claims("At least 23 people, including six children, died in the raid.")
    people = next(c for c in claims if c.count.best == 23)
    assert people.victim_actor == "civilians"
    assert next(c for c in claims if c.count.best == 6).part_of == people.claim_id


def test_parts_in_the_next_sentence_that_add_up_point_at_the_total() -> None:
    claims = _claims("At least 212 people were killed in the fighting on Monday. The toll includes 98 "
                     "fighters of HTS, 61 soldiers and 53 civilians.")
    total = next(c for c in claims if c.count.best == 212)
    assert total.victim_actor == "all"
    assert {c.count.best for c in claims if c.part_of == total.claim_id} == {98, 61, 53}


def test_background_war_in_a_background_paragraph_is_flagged() -> None:
    article = ("Rebels entered Hama on Thursday after the Syrian army withdrew. Syrian troops left the city. "
               "The offensive is the biggest in Syria since 2020.\n"
               "The Iranian-backed Lebanese group Hezbollah also aided the Assad regime and was present in "
               "Syria. However, it has now concentrated its forces in Lebanon to repel the Israeli offensive "
               "in the south of the country. During this conflict, Hezbollah lost thousands of fighters, as "
               "well as its commanders and leader Hassan Nasrallah.\n"
               "Four Syrian soldiers were killed near Hama on Thursday, the army said.")
    claims = _claims(article, date(2024, 12, 5))
    hezbollah = next(c for c in claims if c.victim_actor == "hezbollah")
    assert hezbollah.is_background
    soldiers = next(c for c in claims if c.count.best == 4)
    assert not soldiers.is_background


def test_figure_placed_in_another_country_is_background() -> None:
    article = ("Government forces shelled Idlib in Syria. Syria's army said it advanced. Syrian rebels "
               "denied it. In Iraq meanwhile at least 17 people were killed when a suicide bomber attacked "
               "a post. Five civilians were killed in Idlib.")
    claims = _claims(article)
    assert {(c.count.best, c.is_background) for c in claims} == {(17, True), (5, False)}


def test_seed_hezbollah_background_figure_is_flagged(shared_seeds: Path) -> None:
    text = (shared_seeds / "003_d1fd1cea8bcfb0d5.txt").read_text(encoding="utf-8")
    claims = _claims(text, date(2024, 12, 5))
    assert [c.is_background for c in claims if c.victim_actor == "hezbollah"] == [True]
    assert not any(c.is_background for c in claims if c.victim_actor != "hezbollah")


@pytest.mark.parametrize("sentence, perpetrator", [
    ("Twelve civilians were killed in a Russian air strike on Idlib.", "russia"),
    ("Five people died in regime shelling on Douma.", "syrian_government"),
    ("Ten civilians were killed when Syrian government warplanes bombed a market.", "syrian_government"),
    ("Seven children were killed by barrel bombs dropped by government helicopters.", "syrian_government"),
    ("An Israeli strike killed 3 Hezbollah fighters.", "israel"),
    ("Four civilians were killed in an attack on a checkpoint.", None),
])
def test_perpetrator_named_in_the_sentence(sentence: str, perpetrator: str | None) -> None:
    assert [c.perpetrator_actor for c in _claims(sentence)] == [perpetrator]
