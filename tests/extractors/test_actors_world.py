"""Actors of the world's wars (seeds/reference/actors*.csv, actor_aliases*.csv,
theatre_countries.csv). Every sentence here was written by us for these tests from general
knowledge of the wars; none is quoted from an article or a gold file."""
from __future__ import annotations

import pytest

from extractors import theatre
from extractors.actors import country_forces, find_actors
from extractors.sides import opposed, side_of


def _ids(*sentences: str) -> list[tuple[str, str]]:
    """(words, actor id) of every actor mention, read as one article."""
    with theatre.reading(list(sentences)):
        return [(m.label, m.actor_id) for s in sentences for m in find_actors(s)]


@pytest.mark.parametrize("text, actor", [
    ("Ethiopian troops moved north overnight.", "ethiopia"),
    ("The Congolese army shelled the hills.", "dr_congo"),
    ("Azerbaijani forces advanced on the road.", "azerbaijan"),
    ("Nigerian soldiers repelled the raid.", "nigeria"),
    ("Chadian troops crossed the border.", "chad"),
    ("Mozambican forces retook the port.", "mozambique"),
    ("Iraqi security forces entered the old city.", "iraq"),
    ("Somali forces held the bridge.", "somalia"),
    ("Armenian forces pulled back.", "armenia"),
    ("Kenyan troops patrolled the coast.", "kenya"),
    ("South Sudanese troops deployed.", "south_sudan"),   # not Sudan's: the longer word wins
    ("North Korean troops were seen in Kursk.", "north_korea"),
    ("Afghan National Army soldiers surrendered.", "afghanistan"),
])
def test_a_nationality_word_names_the_country_s_forces(text, actor):
    assert actor in [a for _, a in _ids(text)]


def test_a_people_is_no_army():
    """Plural nationality nouns ("Ethiopians", "Somalis") are people, never forces."""
    assert _ids("Thousands of Ethiopians and Somalis crossed into Kenya.") == []


@pytest.mark.parametrize("name, actor", [
    ("Ethiopia", "ethiopia"), ("Azerbaijan", "azerbaijan"), ("Armenia", "armenia"),
    ("Democratic Republic of the Congo", "dr_congo"), ("Kinshasa", "dr_congo"), ("Baku", "azerbaijan"),
    ("Somalia", "somalia"), ("Nigeria", "nigeria"), ("Kosovo", "kosovo"), ("Taiwan", "taiwan"),
])
def test_a_state_s_name_or_capital_names_its_forces(name, actor):
    assert country_forces()[name] == actor


@pytest.mark.parametrize("sentences, expected", [
    # Ethiopia
    (["Tigrayan forces and the TPLF retook Mekelle as Eritrean troops withdrew, in Ethiopia."],
     {"tplf", "eritrea"}),
    (["Fano militiamen and the OLA fought the ENDF in Ethiopia."], {"fano", "ola", "ethiopia"}),
    # DR Congo
    (["M23 rebels backed by the Rwanda Defence Force entered the town, in DR Congo.",
      "The FARDC, Wazalendo fighters and MONUSCO fell back; ADF and CODECO attacks went on."],
     {"m23", "rwanda", "dr_congo", "wazalendo", "monusco", "adf", "codeco"}),
    # Somalia
    (["Al-Shabaab attacked an ATMIS base in Somalia; Puntland forces and Jubaland forces stayed out."],
     {"al_shabaab", "atmis", "puntland", "jubaland"}),
    # Libya
    (["Haftar's forces, the LNA, and Wagner fighters shelled GNA positions in Libya."],
     {"lna", "russia", "libya"}),
    # Iraq
    (["The Peshmerga, the PMF and the Counter-Terrorism Service pushed Daesh out, in Iraq."],
     {"peshmerga", "pmf", "iraq", "isis"}),
    # Afghanistan
    (["The Taliban overran ANDSF posts; ISKP and the NRF also fought, in Afghanistan."],
     {"taliban", "afghanistan", "isis", "nrf"}),
    # Nagorno-Karabakh
    (["The Artsakh Defence Army said Azerbaijani forces had shelled Stepanakert, in Azerbaijan."],
     {"artsakh", "azerbaijan"}),
    # Mozambique
    (["FADM troops, Rwandan forces and SAMIM retook the town from Ansar al-Sunna, in Mozambique."],
     {"mozambique", "rwanda", "samim", "ansar_al_sunna"}),
    # Lake Chad
    (["Boko Haram and ISWAP fighters clashed as the MNJTF advanced, in Nigeria."],
     {"boko_haram", "isis", "mnjtf"}),
    # Haiti
    (["Viv Ansanm and G9 gangs attacked; the PNH and the Kenyan-led mission responded, in Haiti."],
     {"viv_ansanm", "g9", "haiti", "mss"}),
    # Colombia
    (["The ELN fought FARC dissidents and the Clan del Golfo, in Colombia."],
     {"eln", "farc_dissidents", "clan_del_golfo"}),
    # Yemen
    (["The Giants Brigades and Tareq Saleh's forces pushed the Houthis back, in Yemen.",
      "Ansar Allah fired at the Saudi-led coalition."],
     {"giants_brigades", "national_resistance", "houthis", "saudi_coalition"}),
    # Myanmar
    (["The Three Brotherhood Alliance, the TNLA, the KNU and the KNDF attacked the Tatmadaw in Myanmar."],
     {"three_brotherhood_alliance", "tnla", "knu", "karenni_forces", "myanmar"}),
    # Sahel
    (["JNIM and IS Sahel attacked FAMa and Africa Corps units; the VDP and the CSP also fought, in Mali."],
     {"jnim", "isis", "mali", "russia", "vdp", "azawad_liberation_front"}),
    # Sudan
    (["The SPLM-N and the RSF fought the SAF and the Darfur joint forces, in Sudan."],
     {"splm_n", "rsf", "sudan", "darfur_joint_forces"}),
    # Syria
    (["Hezballah fighters and the Asayish clashed near Qamishli, in Syria."], {"hezbollah", "sdf"}),
    # Ukraine
    (["Kadyrovtsy units and Wagner fought the Azov regiment, in Ukraine."], {"russia", "ukraine"}),
])
def test_named_groups_resolve_in_their_war(sentences, expected):
    assert expected <= {a for _, a in _ids(*sentences)}


@pytest.mark.parametrize("a, b, theatre_name", [
    ("tplf", "ethiopia", "ethiopia"), ("m23", "dr_congo", "dr_congo"), ("al_shabaab", "somalia", "somalia"),
    ("lna", "libya", "libya"), ("taliban", "afghanistan", "afghanistan"), ("armenia", "azerbaijan", "nagorno_karabakh"),
    ("ansar_al_sunna", "mozambique", "mozambique"), ("boko_haram", "nigeria", "lake_chad"),
    ("viv_ansanm", "haiti", "haiti"), ("eln", "colombia", "colombia"), ("giants_brigades", "houthis", "yemen"),
])
def test_enemies_stand_on_different_sides(a, b, theatre_name):
    assert side_of(a, theatre_name) and side_of(b, theatre_name)
    assert opposed(a, b)


@pytest.mark.parametrize("a, b", [("rwanda", "m23"), ("eritrea", "ethiopia"), ("kenya", "atmis"),
                                  ("peshmerga", "iraq"), ("north_korea", "russia")])
def test_allies_are_not_opposed(a, b):
    assert not opposed(a, b)


def test_sna_is_decided_by_the_war():
    """"SNA": the Syrian National Army in Syria, the Somali National Army in Somalia."""
    assert ("SNA", "sna") in _ids("The SNA shelled SDF positions near Manbij, in Syria.")
    assert ("SNA", "somalia") in _ids("The SNA and AMISOM drove al-Shabaab out of the town, in Somalia.")


def test_al_shabaab_of_mozambique_is_not_somalia_s():
    assert ("al-Shabaab", "ansar_al_sunna") in _ids("Insurgents known as al-Shabaab raided the port, in Mozambique.")
    assert ("al-Shabaab", "al_shabaab") in _ids("The port was raided by al-Shabaab, in Somalia.")


@pytest.mark.parametrize("text", [
    "Buy AA batteries and read the PDF before the KIA count, in Syria.",
    "The ADF, CJTF and NRF were named in a NATO briefing in Ukraine.",
])
def test_short_abbreviations_of_another_war_name_nobody(text):
    assert _ids(text) == []


def test_short_abbreviations_name_the_group_in_their_war():
    assert {a for _, a in _ids("The AA, a PDF unit and the KIA attacked the junta in Myanmar.")} == {
        "arakan_army", "peoples_defence_force", "kachin_independence_army", "myanmar"}
    assert ("ADF", "adf") in _ids("The ADF killed villagers near Beni, in DR Congo.")
    assert ("CJTF", "cjtf") in _ids("CJTF members guarded the camp, in Nigeria.")


def test_the_junta_is_the_country_s_army():
    assert ("the junta", "burkina_faso") in _ids("Jihadists attacked the junta's positions in Burkina Faso.")
    assert ("the junta", "myanmar") in _ids("Resistance fighters attacked the junta's positions in Myanmar.")


def test_kabul_is_afghanistan_s_not_a_galilee_town():
    """GeoNames has a Kabul in Israel; "troops" in an Afghan article are Afghanistan's."""
    assert ("troops", "afghanistan") in _ids("The last troops withdrew from the airport in Kabul, Afghanistan.")


@pytest.mark.parametrize("text", [
    "Ships crossed the Sea of Azov near Mariupol, in Ukraine.",   # the sea, not the Azov regiment
    "Drones struck Garowe in Puntland, Somalia.",                 # the region, not its forces
])
def test_a_place_that_shares_a_group_s_name_is_no_actor(text):
    assert _ids(text) == []
