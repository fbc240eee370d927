"""Equipment losses beyond the catalogue, in the words of several wars (issue 7, item 7).

Every sentence here is OUR OWN wording, written for these tests (Syria, Ukraine/Russia,
Sudan, Yemen, Gaza/Lebanon, Myanmar, the Sahel); none is copied from an article. The
near-miss sentences at the end name equipment that was used, supplied, deployed, seen or
only aimed at: they must give no loss.
"""
from datetime import date

import pytest

from extractors import extract_article


def rows(text: str) -> list[tuple]:
    """(category, status, quantity, qualifier) of every loss the text reports."""
    return [(e.category, e.status, e.quantity, e.qualifier)
            for e in extract_article(text, "w", date(2024, 6, 1)).equipment_losses]


def full(text: str) -> list:
    return extract_article(text, "w", date(2024, 6, 1)).equipment_losses


# ---------------------------------------------------------------- verbs as lemmas

@pytest.mark.parametrize("text,expected", [
    # Ukraine / Russia
    ("Ukrainian drones smashed three Russian tanks near Avdiivka.", [("tank", "destroyed", 3, "exact")]),
    ("The brigade wiped out two armoured personnel carriers at the crossing.",
     [("armoured_personnel_carrier", "destroyed", 2, "exact")]),
    ("Artillery obliterated a self-propelled howitzer in the tree line.",
     [("self_propelled_artillery", "destroyed", 1, "exact")]),
    ("Defenders took out four infantry fighting vehicles during the assault.",
     [("infantry_fighting_vehicle", "destroyed", 4, "exact")]),
    ("Air defence units downed 12 drones overnight over Kyiv.", [("drone", "destroyed", 12, "exact")]),
    # Sudan
    ("RSF fighters torched several army trucks outside El Fasher.", [("truck", "destroyed", None, "vague")]),
    ("The army says it seized dozens of combat vehicles from the RSF in Omdurman.",
     [("other", "captured", None, "vague")]),
    # Yemen
    ("Houthi forces captured a number of armoured vehicles in Marib.", [("armoured_vehicle", "captured", None, "vague")]),
    # Myanmar
    ("Resistance fighters shot down a junta helicopter in Sagaing.", [("helicopter", "destroyed", 1, "exact")]),
    ("The rebels grabbed two howitzers when the base fell.", [("towed_artillery", "captured", 2, "exact")]),
    # Sahel
    ("Jihadists burned four army pickups near Djibo.", [("truck", "destroyed", 4, "exact")]),
])
def test_loss_verbs_in_every_form(text: str, expected: list) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- passives and nominals

@pytest.mark.parametrize("text,expected", [
    ("Five car bombs destroyed before reaching the lines, the army said.", [("other", "destroyed", 5, "exact")]),
    ("Two Russian tanks disabled by mines near Vuhledar.", [("tank", "damaged", 2, "exact")]),
    ("The ministry confirmed the destruction of three rocket launchers and two trucks.",
     [("multiple_rocket_launcher", "destroyed", 3, "exact"), ("truck", "destroyed", 2, "exact")]),
    ("Officials announced the elimination of 20 militants and five off-road vehicles.",
     [("truck", "destroyed", 5, "exact")]),
    ("The regiment's losses included two tanks and an armoured recovery vehicle.",
     [("tank", "destroyed", 2, "exact"), ("armoured_recovery_vehicle", "destroyed", 1, "exact")]),
    ("Eighteen of the 31 lorries in the convoy were destroyed.", [("truck", "destroyed", 18, "exact")]),
    ("Several boats used by smugglers were sunk off the coast of Hodeidah.", [("other", "destroyed", None, "vague")]),
    ("A Hezbollah drone was intercepted over the Galilee.", [("drone", "destroyed", 1, "exact")]),
])
def test_passives_and_nominals(text: str, expected: list) -> None:
    assert rows(text) == expected


# ---------------------------------------------------------------- improvised items

@pytest.mark.parametrize("text,expected", [
    ("The army destroyed three suicide vehicles packed with explosives near Raqqa.",
     [("other", "destroyed", 3, "exact")]),
    ("Kurdish fighters seized a Dushka and two mortar launchers.",
     [("other", "captured", 1, "exact"), ("other", "captured", 2, "exact")]),
    ("Gunmen captured MANPADS and an anti-tank rocket launcher from the depot.",
     [("air_defence_system", "captured", None, None), ("other", "captured", 1, "exact")]),
    ("Three pick-up vehicles equipped with machineguns were destroyed in the desert.",
     [("truck", "destroyed", 3, "exact")]),
    ("Troops destroyed a Katyusha launcher hidden in an orchard in south Lebanon.",
     [("multiple_rocket_launcher", "destroyed", 1, "exact")]),
])
def test_improvised_and_generic_items(text: str, expected: list) -> None:
    assert rows(text) == expected


def test_bare_plurals_after_a_vague_determiner_or_possessive_are_vague() -> None:
    assert rows("Syrian forces also destroyed some tanks and military vehicles used by the militants.") == [
        ("tank", "destroyed", None, "vague"), ("other", "destroyed", None, "vague")]
    assert rows("Jets pounded the convoy, destroying their vehicles.") == [("other", "destroyed", None, "vague")]


def test_vague_counts() -> None:
    assert rows("A large number of armoured vehicles were destroyed in the strikes.") == [
        ("armoured_vehicle", "destroyed", None, "vague")]
    assert rows("Tens of vehicles were destroyed on the highway.") == [("other", "destroyed", None, "vague")]
    assert rows("A handful of tanks were abandoned in the mud.") == [("tank", "abandoned", None, "vague")]


# ---------------------------------------------------------------- owners and hedges

def test_owner_from_possessor_and_from_the_side_fought() -> None:
    [loss] = full("Israeli troops destroyed a Hezbollah rocket launcher in south Lebanon.")
    assert (loss.category, loss.owner_actor) == ("multiple_rocket_launcher", "hezbollah")
    [loss] = full("ISIS fighters seized two Syrian army tanks near Palmyra.")
    assert (loss.status, loss.owner_actor, loss.captor_actor) == ("captured", "syrian_government", "isis")
    [loss] = full("The army clashed with ISIS near Deir ez-Zor and destroyed five of their vehicles.")
    assert loss.owner_actor == "isis"


@pytest.mark.parametrize("text", [
    "The group allegedly destroyed a Russian helicopter on the ground.",
    "Rebels reportedly captured three tanks at the base.",
    "The militia claimed it had shot down a government warplane.",
    "Houthis claimed the downing of an MQ-9 Reaper over Marib.",
])
def test_hedges_are_kept_as_flagged(text: str) -> None:
    losses = full(text)
    assert losses and all(loss.hedged for loss in losses)


# ---------------------------------------------------------------- near misses: no loss

@pytest.mark.parametrize("text", [
    "Washington supplied 31 Abrams tanks to Ukraine last year.",
    "Germany delivered two air defence systems to Kyiv in the spring.",
    "The army deployed tanks and armoured vehicles to the outskirts of Khartoum.",
    "Russian warplanes destroyed a bridge over the Euphrates.",
    "Witnesses saw dozens of technicals entering Gao.",
    "Militants fired rockets at an army helicopter but missed.",
    "The rebels tried to shoot down a drone over Taiz.",
    "The army used tanks to shell the village, destroying 40 homes.",
    "A car bomb exploded near the market, killing six people.",
    "Houthi drones attacked a tanker in the Red Sea.",
    "The junta has bought attack helicopters from Russia.",
    "Footage captures a convoy of trucks driving towards Bakhmut.",
    "The militia aims to capture the airport and its aircraft.",
    "Jets bombed the town where rebels had captured the hill.",
    "Officials denied that any tanks were lost in the fighting.",
    "The helicopters flew over the village before the ceasefire.",
])
def test_near_misses_give_nothing(text: str) -> None:
    assert rows(text) == []


def test_the_nearest_number_counts_and_claimed_lives_is_no_hedge() -> None:
    # FA-KES texts lose their commas: "killing 34 fighters five vehicles"
    assert rows("The strikes destroyed 34 fighters five off-road vehicles and two trucks.")[0] == (
        "truck", "destroyed", 5, "exact")
    losses = full("The raids claimed the lives of several fighters and destroyed their tanks.")
    assert [loss.hedged for loss in losses] == [False]


@pytest.mark.parametrize("text", [
    # the equipment is the means, not what was lost
    "Rebels captured the town with the help of tanks and artillery.",
    "ISIS seized the hill using armoured vehicles and car bombs.",
    "Government forces regained the airport, which rebels had seized in March with tanks.",
    "Hezbollah fighters aboard pickup trucks captured the ridge.",
    "RSF fighters riding technicals seized the market in Nyala.",
    # the status verb belongs to another clause (no commas, as in FA-KES texts)
    "Rebels destroyed a checkpoint and the army sent tanks to the area.",
    "Russian jets destroyed a bridge after Ukrainian howitzers fired on the town.",
    "Officials denied that any tanks were lost in the fighting.",
])
def test_means_and_other_clauses_give_nothing(text: str) -> None:
    assert rows(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Rebels hit a tank with an anti-tank missile near Hama.", [("tank", "damaged", 1, "exact")]),
    ("A junta helicopter was brought down by resistance fire in Kayah.", [("helicopter", "destroyed", 1, "exact")]),
    ("The tank was put out of service by a Javelin.", [("tank", "destroyed", 1, "exact")]),
    ("Al-Shabaab fighters set alight three army trucks on the Afgoye road.", [("truck", "destroyed", 3, "exact")]),
    ("Israeli aircraft destroyed a Syrian air defence battery near Damascus.",
     [("air_defence_system", "destroyed", 1, "exact")]),
    ("All four crew on board a military helicopter that was shot down over Idlib died.",
     [("helicopter", "destroyed", 1, "exact")]),
    ("The strikes destroyed a tank a building used as headquarters and three vehicles belonging to the militants.",
     [("tank", "destroyed", 1, "exact"), ("other", "destroyed", 3, "exact")]),
    ("The strikes also destroyed 14 of IS military vehicles.", [("other", "destroyed", 14, "exact")]),
])
def test_more_verbs_items_and_counts(text: str, expected: list) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Hezbollah said it destroyed an Israeli Merkava tank near the border.", ("Merkava", "tank", "israel")),
    ("Russia lost an A-50 surveillance aircraft over the Sea of Azov.", ("A-50", "aircraft", "russia")),
    ("The Houthis said they shot down a US MQ-9 Reaper drone over Marib.", ("MQ-9 Reaper", "drone", "us_coalition")),
    ("A Ukrainian Su-25 crashed during a combat mission.", ("Su-25", "aircraft", "ukraine")),
    ("Two Russian landing ships were sunk in the Black Sea.", (None, "other", "russia")),
    ("Turkey Downs Russian Warplane Near Syria Border", (None, "aircraft", "russia")),
    ("Many civilian vehicles were burned on the road to Idlib.", (None, "other", "civilians")),
])
def test_models_of_other_wars_and_owners_by_nationality(text: str, expected: tuple) -> None:
    assert [(e.model, e.category, e.owner_actor) for e in full(text)] == [expected]


def test_the_capturing_side_and_the_side_it_took_from() -> None:
    [loss] = full("JNIM militants captured four armoured vehicles after overrunning the army post.")
    assert (loss.quantity, loss.status, loss.captor_actor) == (4, "captured", "jnim")
    [loss] = full("Arakan Army fighters seized two howitzers from Myanmar troops.")
    assert (loss.owner_actor, loss.captor_actor) == ("myanmar", "arakan_army")


def test_an_owner_heads_a_noun_phrase_but_not_a_clause() -> None:
    losses = full("Army units shelled the outskirts killing 48 terrorists and destroying a tank and 6 "
                  "machinegun-equipped vehicles.")
    assert "syrian_government" not in {loss.owner_actor for loss in losses}
    losses = full("The IS military equipment and machinegun-equipped vehicles were badly destroyed in the attacks.")
    assert {loss.owner_actor for loss in losses} == {"isis"}


@pytest.mark.parametrize("text", [
    "Airstrikes destroyed fuel tanks and water tanks in the town.",
    "Rebels captured a jet pilot after his plane went down.",
    "The helicopter crew were captured by ISIS after the crash.",
    "Drone footage showed destroyed buildings in Gaza.",
    "Russian air defences shot down 10 rockets fired at Hmeimim.",
    "The US aircraft carrier arrived in the Mediterranean.",
])
def test_people_parts_and_other_tanks_are_no_items(text: str) -> None:
    assert rows(text) == []


def test_their_is_the_side_fought_not_the_one_acting() -> None:
    losses = full("SDF fighters repelled an ISIS attack on SDF positions near Manbij killing 80 militants "
                  "and destroying their armored vehicles.")
    assert [(loss.category, loss.owner_actor) for loss in losses] == [("armoured_vehicle", "isis")]
    [loss] = full("The militants fled destroying their mortar shells and launchers.")
    assert (loss.category, loss.status) == ("other", "destroyed")


@pytest.mark.parametrize("text", [
    "Video showed several damaged buildings as well as parts of the plane.",
    "The strikes hit two mortar positions and a drone base near Kherson.",
    "We planned an operation to destroy command posts and armored vehicles in this area.",
])
def test_adjectives_places_and_plans_give_nothing(text: str) -> None:
    assert rows(text) == []


def test_a_plan_in_its_own_sentence_takes_no_status_from_the_next() -> None:
    text = ("The ministry planned an operation to destroy armored vehicles including 9 foreign fighters. "
            "In the same place we destroyed a command post.")
    assert rows(text) == []


@pytest.mark.parametrize("text,expected", [
    ("A jet fighter crashed into a residential building in Ariha.", [("aircraft", "destroyed", 1, "exact")]),
    ("The coalition said it has destroyed more than 2000 ISIS vehicles since 2014.",
     [("other", "destroyed", None, "more_than")]),
    ("According to the Observatory at least 5 regime tanks were destroyed by TOW missiles.",
     [("tank", "destroyed", 5, "at_least")]),
    ("The jihadists seized large quantities of weapons including four tanks and several Grad rocket launchers.",
     [("tank", "captured", 4, "exact"), ("multiple_rocket_launcher", "captured", None, "vague")]),
])
def test_counts_with_actors_and_qualifiers(text: str, expected: list) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "Russia will supply the S-300 system to Syria the ministry said.",
    "The army sent reinforcements including tanks to Hama after the rebels captured Halfaya.",
    "Israel says it struck Iranian weapons shipments bound for Hezbollah.",
    "ISIS used a drone to drop grenades on army positions.",
    "The fighters arrived in a convoy of 20 pickup trucks.",
])
def test_more_near_misses(text: str) -> None:
    assert rows(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Among the equipment destroyed were three tanks and a BMP-2.",
     [("tank", "destroyed", 3, "exact"), ("infantry_fighting_vehicle", "destroyed", 1, "exact")]),
    ("The spoils included two T-72 tanks and a Shilka.",
     [("tank", "captured", 2, "exact"), ("self_propelled_anti_aircraft_gun", "captured", 1, "exact")]),
    ("Two Turkish soldiers were killed when their tank was hit by a rocket.", [("tank", "damaged", 1, "exact")]),
    ("The army killed two suicide bombers and destroyed a car bomb.", [("other", "destroyed", 1, "exact")]),
])
def test_inverted_lists_and_singular_possessed_items(text: str, expected: list) -> None:
    assert rows(text) == expected


def test_coordinated_items_stay_apart_and_type_families_count() -> None:
    assert rows("Rebels destroyed a T-72 and two tanks near Hama.") == [
        ("tank", "destroyed", 1, "exact"), ("tank", "destroyed", 2, "exact")]
    assert rows("A MiG was shot down over Idlib and two BMPs were captured.") == [
        ("aircraft", "destroyed", 1, "exact"), ("infantry_fighting_vehicle", "captured", 2, "exact")]


def test_owner_is_the_only_enemy_of_the_side_that_acted() -> None:
    losses = full("Ukrainian forces destroyed 12 tanks and 20 armoured vehicles near Avdiivka.")
    assert [(loss.category, loss.quantity, loss.owner_actor) for loss in losses] == [
        ("tank", 12, "russia"), ("armoured_vehicle", 20, "russia")]
    [loss] = full("The Sudanese army destroyed RSF combat vehicles in Bahri.")
    assert (loss.status, loss.owner_actor) == ("destroyed", "rsf")
    assert rows("Residents saw destroyed vehicles along the road.") == []


@pytest.mark.parametrize("text,expected", [
    ("Rebels Down Regime Jet Over Hama", [("aircraft", "destroyed", None, None)]),
    ("The tank rolled down the street.", []),
    ("Troops came down the hill in armoured vehicles.", []),
])
def test_a_headline_down_is_a_loss_verb_but_not_a_particle(text: str, expected: list) -> None:
    assert rows(text) == expected


def test_a_doubt_after_the_item_hedges_the_whole_sentence() -> None:
    losses = full("Rebels said they destroyed three tanks near Hama, a claim that could not be independently verified.")
    assert [(loss.quantity, loss.hedged) for loss in losses] == [(3, True)]
    assert [loss.hedged for loss in full("Rebels destroyed three tanks near Hama.")] == [False]


@pytest.mark.parametrize("text,expected", [
    ("The TNLA said it had captured two 105 mm howitzers in Kyaukme.", [("towed_artillery", "captured", 2, "exact")]),
    ("It said its forces had destroyed three tanks and 11 armoured combat vehicles there.",
     [("tank", "destroyed", 3, "exact"), ("armoured_vehicle", "destroyed", 11, "exact")]),
    ("The army said it had lost one armoured vehicle and that two trucks had been damaged.",
     [("armoured_vehicle", "destroyed", 1, "exact"), ("truck", "damaged", 2, "exact")]),
    ("Video showed two army armoured personnel carriers that they said had been seized at the base.",
     [("armoured_personnel_carrier", "captured", 2, "exact")]),
    ("A soldier stood beside an RSF armoured vehicle captured intact.", [("armoured_vehicle", "captured", 1, "exact")]),
    ("Soldiers destroyed five motorcycles and several pick-ups near Banibangou.",
     [("other", "destroyed", 5, "exact"), ("truck", "destroyed", None, "vague")]),
    ("The group said it had destroyed army vehicles and seized weapons.", [("other", "destroyed", None, None)]),
])
def test_other_wars_wording(text: str, expected: list) -> None:
    assert rows(text) == expected


def test_a_list_with_of_and_a_later_including_carry_nothing() -> None:
    assert rows("Rebels posted video of burned vehicles and of armoured vehicles they said had been seized.") == [
        ("armoured_vehicle", "captured", None, None)]
    text = ("Rebels abandoned the hill on Sunday. Terrorists detonated a motorcycle that was parked in the square "
            "injuring three citizens including a woman.")
    assert rows(text) == []
