"""Casualty rules added after reading the errors of the opened round-3b gold set
(tests/gold/fakes_r3b_gold.yaml). Every sentence here was written for the test, not copied
from an article; each names the general mechanism it checks."""
from __future__ import annotations

from extractors.casualties import read_figures


def _figures(sentence: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(f.outcome, f.mention.count.low, f.mention.count.best, f.victim.actor) for f in read_figures(sentence)]


def test_groups_among_the_dead_are_read_after_the_count_phrase() -> None:
    # the 'among' frame is matched at a position inside the sentence
    assert _figures("Four nurses were among the dead in the clinic.") == [("killed", 4, 4, "civilians")]
    assert _figures("Nine boys and two women were among those killed by the blast.") == [
        ("killed", 9, 9, "civilians"), ("killed", 2, 2, "civilians")]


def test_a_part_of_the_wounded_keeps_its_outcome() -> None:
    assert _figures("Eleven of the injured were flown to a hospital in the capital.") == [("wounded", 11, 11, "all")]


def test_a_count_inside_an_of_phrase_is_not_the_group_among_the_dead() -> None:
    # the mothers are among the dead, not the six drivers
    assert _figures("The mothers of the six truck drivers were also among the dead.") == []


def test_a_sum_of_dead_and_wounded_is_casualties() -> None:
    assert _figures("At least 9 people were killed and injured when a car bomb went off.") == [
        ("casualties", 9, 9, "civilians")]
    assert _figures("Headline: 12 Gunmen Killed Injured in Clashes near the Dam.") == [
        ("casualties", 12, 12, "opposition")]
    # separate figures keep their own outcomes
    assert _figures("Seven guards were killed and 12 wounded.") == [("killed", 7, 7, "unknown"), ("wounded", 12, 12, "unknown")]


def test_a_number_of_shells_is_not_a_toll() -> None:
    # "a number of X killed" is a vague subject; the verb pair before the count is the outcome
    assert _figures("A number of mortar shells fired by gunmen killed and injured four farmers.") == [
        ("casualties", 4, 4, "civilians")]


def _rows(text: str) -> list[tuple[str, str, int | None, str | None]]:
    from extractors import extract_article
    claims = extract_article(text, "restated", None).casualty_claims
    return sorted((c.victim_actor, c.outcome, c.count.best, c.victim_label) for c in claims)


def test_a_headline_toll_without_victims_takes_the_victims_the_article_names_for_it() -> None:
    text = ("At least 14 dead in strike on bus depot. At least 14 civilians, among them three "
            "drivers, were killed on Friday when aircraft struck a bus depot, medics said.")
    rows = _rows(text)
    assert ("civilians", "killed", 14, "civilians") in rows
    assert not [r for r in rows if r[0] == "all"]


def test_an_unnamed_toll_stays_mixed_when_the_article_names_two_groups_for_that_figure() -> None:
    text = ("Fighting killed 6 on Monday. In one village 6 soldiers were killed; in another "
            "6 farmers were killed by shelling.")
    assert ("all", "killed", 6, None) in _rows(text)


def test_a_vague_handful_is_no_figure_but_dozens_are() -> None:
    assert _figures("Several wounded men waited outside the clinic.") == []
    assert _figures("A few villagers were killed and dozens were wounded.") == [("wounded", 24, None, "civilians")]


def test_an_age_is_not_a_count() -> None:
    assert _figures("Jets killed at least 40 people including 9 children under the age of ten.") == [
        ("killed", 40, 40, "civilians"), ("killed", 9, 9, "civilians")]
    assert _figures("Mortars killed 5 people including boys aged between 6 and 9.") == [("killed", 5, 5, "civilians")]


def test_a_group_further_down_the_list_of_an_active_verb() -> None:
    assert _figures("The raid on the clinic killed a porter and around 20 patients, medics said.") == [
        ("killed", None, 20, "civilians")]
    assert _figures('The drone strike killed "a farmer with three of his sons" near the well.') == [
        ("killed", 3, 3, "civilians")]
    assert _figures("The bombing wounded the mayor as well as 14 guards.") == [("wounded", 14, 14, "unknown")]


def test_a_list_with_its_own_verb_or_count_is_not_one_list() -> None:
    assert _figures("Gunmen killed 3 farmers in an ambush on the road and 20 traders fled.") == [
        ("killed", 3, 3, "civilians")]


def test_an_outcome_noun_that_names_people_gives_the_victims() -> None:
    assert _figures("The charity says that 40 hostages have been taken.") == [("captive", 40, 40, "civilians")]
    assert _figures("A family of six was killed when the shell hit their home.") == [("killed", 6, 6, "civilians")]
    # a capitalised headline cue is no group name
    assert _figures("Market Shelling 31 Killed Injured.") == [("casualties", 31, 31, "all")]
    assert _figures("Shelling in the North 20 Martyrs.") == [("killed", 20, 20, "all")]


def test_a_single_person_in_passing_is_no_toll_but_a_named_one_is() -> None:
    assert _figures("The blast killed 12 guards including one of their officers.") == [("killed", 12, 12, "unknown")]
    assert _figures("Medics treated 9 wounded including one with burns.") == [("wounded", 9, 9, "all")]
    assert _figures("A woman was killed when the shell hit the clinic.") == [("killed", 1, 1, "civilians")]


def test_a_headline_figure_and_an_at_least_figure_are_the_same_toll() -> None:
    text = ("Shelling of market kills 23 Monitor. At least 23 civilians were killed on Sunday "
            "when shells hit a market, a monitor said.")
    assert [r for r in _rows(text) if r[0] != "civilians"] == []


def test_a_nationality_with_any_force_noun_names_that_country() -> None:
    assert _figures("Three Russian servicemen were killed and 2 wounded near the airbase.") == [
        ("killed", 3, 3, "russia"), ("wounded", 2, 2, "russia")]


def test_proxies_and_long_group_names_are_read() -> None:
    assert _figures("Four pro-Turkey gunmen were killed in the clashes.") == [("killed", 4, 4, "sna")]
    assert _figures("The jihadists executed 6 fighters of the so-called Free Syrian Army on Sunday.") == [
        ("killed", 6, 6, "opposition")]
    assert _figures("The strike hit a gathering of al-Qaida killing 14 militants.") == [("killed", 14, 14, "hts")]


def test_a_relative_clause_between_the_victims_and_their_outcome() -> None:
    assert _figures("A total of 40 gunmen who were later identified as foreigners were eliminated near the river.") == [
        ("killed", 40, 40, "opposition")]
    # the relative clause's own verb makes the count the killers, not the killed
    assert _figures("Two guards who killed 3 farmers were arrested.") == [("killed", 3, 3, "civilians")]


def test_a_toll_names_its_victims_inside_it() -> None:
    assert _figures("It raised the number of members of the Russian forces killed there to 23.") == [
        ("killed", 23, 23, "russia")]


def test_others_in_a_clause_of_their_own_are_the_same_group() -> None:
    assert _figures("Medics said eight civilians were killed in the market and three others were killed near the mill.") == [
        ("killed", 8, 8, "civilians"), ("killed", 3, 3, "civilians")]
    # one list: "others" are other people, not more soldiers
    assert ("killed", 2, 2, "all") in _figures("Three soldiers and 2 others were killed at the post.")


def test_a_people_total_with_civilian_parts_is_mixed_wherever_it_is_told_again() -> None:
    text = ("At least 31 Syrian people including 12 civilians were killed by air strikes on the hills. "
            "The toll from the strikes on the hills rose to at least 31 people, a monitor said.")
    rows = _rows(text)
    assert [r for r in rows if r[2] == 31] == [("all", "killed", 31, "Syrian people"), ("all", "killed", 31, "people")]


def test_of_them_are_the_people_counted_before() -> None:
    assert _figures("Gunmen fired on tens of villagers as they fled, killing 3 of them and injuring 22.") == [
        ("killed", 3, 3, "civilians"), ("wounded", 22, 22, "civilians")]


def test_an_inverted_toll_an_aside_of_whom_and_a_nominal_kidnapping() -> None:
    assert _figures("The shelling brought to 37 the number killed in the valley this week.") == [("killed", 37, 37, "all")]
    assert _figures("Twelve farmers some of them teenagers killed in a raid on the village.") == [
        ("killed", 12, 12, "civilians")]
    assert _figures("The council condemned the kidnapping of more than 90 Yazidis.") == [("captive", 90, None, "civilians")]
    # the toll words do not cut a group's name at "the"
    assert _figures("Gunmen killed 9 members of the so-called Free Syrian Army near the dam.") == [
        ("killed", 9, 9, "opposition")]


def test_bare_soldiers_belong_to_the_state_force_the_sentence_names() -> None:
    assert _figures("The Israeli military said four soldiers were killed in the north.") == [("killed", 4, 4, "israel")]
    assert _figures("Regime troops shelled the town; four soldiers were killed in a counterattack.") == [
        ("killed", 4, 4, "syrian_government")]
    other_war = "Ukraine said Kyiv and Ukrainian towns were shelled. Ukraine Ukraine. Six soldiers were killed near the front."
    assert ("unknown", "killed", 6, "soldiers") in _rows(other_war)


def test_killing_a_family_of_n() -> None:
    assert _figures("The shell killed an entire family of seven, including four children.") == [
        ("killed", 7, 7, "civilians"), ("killed", 4, 4, "civilians")]


def test_civilian_roles_are_civilians() -> None:
    assert _figures("The car bomb killed 4 bystanders and wounded 11 shoppers.") == [
        ("killed", 4, 4, "civilians"), ("wounded", 11, 11, "civilians")]


def test_a_wounded_toll() -> None:
    assert _figures("Officials put the number of injured at 86.") == [("wounded", 86, 86, "all")]
    assert _figures("The number of people wounded in the blasts rose to 230.") == [("wounded", 230, 230, "civilians")]
    assert _figures("The number of soldiers wounded rose to 9.") == [("wounded", 9, 9, "syrian_government")]


def test_people_on_board_a_military_aircraft_are_its_crew() -> None:
    assert _figures("A Turkish military helicopter crashed on Tuesday, killing all seven people on board.") == [
        ("killed", 7, 7, "turkey")]
    assert _figures("A Ukrainian passenger plane was shot down by the military, killing all 90 people on board.") == [
        ("killed", 90, 90, "civilians")]


def test_named_government_fighters_keep_their_side_in_any_article() -> None:
    text = "Iran Iran Iranian Iran. Clashes killed 12 regime and allied fighters near the airport."
    assert ("syrian_government", "killed", 12, "regime and allied fighters") in _rows(text)  # the whole coordinated noun


def test_one_of_its_soldiers_is_a_toll() -> None:
    assert _figures("The Turkish military said one of its soldiers was killed in a car bomb.") == [("killed", 1, 1, "turkey")]


def test_a_relative_clause_with_its_own_count_and_a_participle_with_an_object_end_the_group() -> None:
    assert _figures("Among the dead were two women, officials said, noting that nine others were also injured.") == [
        ("killed", 2, 2, "civilians"), ("wounded", 9, 9, "civilians")]
    assert _figures("A nurse treating the wounded said the clinic was full.") == []
