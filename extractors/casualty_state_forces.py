"""Whose state's people the victims are, in any war: "four of its soldiers" are the speaker's,
bare "soldiers" the one state force the sentence names (the attacker set aside) or the forces
the article names most, never the Syrian default in another war; the crew of a military
aircraft are its state's; a nation's people taken prisoner are its soldiers. Split from
``casualty_victims`` (which reads the victim phrase itself)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import actors, casualty_lowered, numbers, theatre
from .reference import load_csv, load_yaml
from .casualty_cues import cues as _cues, victim_table as _victim_table
from .casualty_victims import UNSPECIFIED, Victim, auxiliary_list_head, demonym_actor, is_people_of_nation
from .theatre import role_actor


_OWN = casualty_lowered.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:soldiers|troops|fighters|members|men|personnel|servicemen)\b")
_BOTH_SIDES = re.compile(r"^[^.;]{0,40}?\b(?:on|from)\s+(?:both|all)\s+sides\b", re.IGNORECASE)


def own_side(sentence: str, mention: numbers.CountMention, victim: Victim) -> Victim:
    """"The Turkish military said four of its soldiers were killed": the victims belong to
    the sentence's first armed actor; "300 fighters on both sides" are a mixed toll."""
    if victim.type == "combatant" and _BOTH_SIDES.match(sentence[mention.end:]):
        return Victim("all", victim.label, "mixed")
    if not victim.label or not _OWN.search(victim.label):
        return victim
    owners = [a for a in actors.find_actors(sentence[:mention.start]) if a.actor_id not in ("civilians", "unknown")]
    return Victim(owners[0].actor_id, victim.label, victim.type) if owners else victim





def whose_soldiers(sentence: str, victim: Victim, home: str | None, attacker: str | None = None,
                   article_text: str = "") -> Victim:
    """Bare "soldiers"/"troops" default to the Syrian army (the table's Syrian-war reading);
    elsewhere they are the one state force the sentence names, the attacker set aside ("The
    Israeli military said three soldiers were killed" -> israel; "Ukraine's ground forces said a
    Russian strike killed 12 soldiers" -> ukraine), else, in another war, the state whose forces
    the article last named ("13 U.S. service members ... The Pentagon said 18 service members"),
    or unknown."""
    bare = _bare_noun(victim.label or "")
    if _victim_table()[0].get(bare, ("",))[0] != "syrian_government":
        return victim  # "regime soldiers", "Syrian troops", "regime": named, not the table's bare default
    if victim.actor not in ("syrian_government", "unknown") and victim.actor != (role_actor(bare) or role_actor("soldiers")):
        return victim  # the noun's own words named the side
    states = ({a.actor_id for a in actors.find_actors(sentence) if a.label.lower() != bare and theatre._role(a.label) is None}
              | _states_named(sentence)) & actors.state_forces()  # "military sources": the article's army, named by no word of its own
    if attacker in states and len(states) > 1:
        states.discard(attacker)  # the side that struck does not count its own dead as "soldiers"
    states -= _weapon_states(sentence)  # "Russian shelling killed 12 soldiers": the state that fired is no victim
    foreign = _another_war(home)
    if not states and foreign:
        return Victim("unknown", victim.label, victim.type)  # the grammar, then the article decide (local_forces)
    if victim.actor == "unknown":  # the war's table gave no army: the one state the sentence names
        if len(states) == 1 and "syrian_government" not in states:
            return Victim(states.pop(), victim.label, victim.type)
        return victim
    # the article's own army where the theatre table knows it (Sudan's in Sudan); any noun of
    # the state-forces class ("servicemen", "gendarmes", "conscripts") reads as "soldiers" does
    local = role_actor(bare) or role_actor("soldiers")
    if not states and local not in (None, "unknown", "syrian_government"):
        return Victim(local, victim.label, victim.type)
    if len(states) == 1 and "syrian_government" not in states:
        return Victim(states.pop(), victim.label, victim.type)
    if states and local in states and local != "syrian_government":
        return Victim(local, victim.label, victim.type)  # several states named, one of them the article's own
    if foreign:
        return Victim("unknown", victim.label, victim.type)  # never the Syrian default in another war
    if home is None and not states and _foreign_country(sentence):
        return Victim("unknown", victim.label, victim.type)  # "Burkina Faso's army said 12 soldiers died"
    return victim


def local_forces(sentence: str, victim: Victim, home: str | None, attacker: str | None, article_text: str) -> Victim:
    """Bare "soldiers" no word of the sentence places on a side, in another war than Syria's:
    the state whose forces the article named last before the sentence ("13 U.S. service
    members ... The Pentagon said 18 service members were wounded" -> the U.S.), else the
    article's own army (``theatre``), else unknown. Bare "peacekeepers" are the mission
    deployed where the article reports from (``mission_of``)."""
    if victim.actor != "unknown" or victim.type != "combatant" or not _another_war(home):
        return victim
    if _PEACEKEEPERS.search(victim.label or ""):
        return mission_of(victim, article_text)
    bare = _bare_noun(victim.label or "")
    if _victim_table()[0].get(bare, ("",))[0] != "syrian_government":
        return victim
    earlier = _last_named_forces(article_text, sentence, attacker) if article_text else None
    local = earlier or role_actor(bare) or role_actor("soldiers")
    return Victim(local, victim.label, victim.type) if local not in (None, "unknown", "syrian_government") else victim


_PEACEKEEPERS = re.compile(r"\bpeace-?keepers?$", re.IGNORECASE)


def mission_of(victim: Victim, article_text: str = "") -> Victim:
    """"One peacekeeper was killed" in the Central African Republic -> minusca: the one mission
    of ``casualty_peacekeepers.csv`` the article names ("MINUSCA said"), else the one listed
    for the article's country, else the victim unchanged."""
    if not _PEACEKEEPERS.search(victim.label or ""):
        return victim
    missions = {row["country"].strip(): row["actor_id"].strip() for row in load_csv("casualty_peacekeepers.csv")}
    named = {a.actor_id for a in actors.find_actors(article_text)} & set(missions.values()) if article_text else set()
    mission = named.pop() if len(named) == 1 else None if named else missions.get(theatre.current_country() or "")
    return Victim(mission, victim.label, victim.type) if mission else victim


def _another_war(home: str | None) -> bool:
    """True when the article is about another country than Syria: the country it names most
    (``home``), else the country of its places (``theatre``)."""
    if home is not None:
        return home != "syria"
    from .theatre import current_country
    country = current_country()
    return country not in (None, "SY", "none")


_STATE_POSSESSIVE = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*){0,2})(?:'s|’s)\s")
_FORCE_WORD = re.compile(r"(?<![\w-])(?P<demonym>(?:[A-Z][a-z]+\s+)?[A-Z][\w.-]*)\s+(?:[a-z-]+\s+)?(?:soldiers?|troops|forces|servicemen|serviceman|"
                         r"service\s+members?|army|military|marines?|paratroopers?|sailors?|airmen|pilots?|officers?|"
                         r"personnel|police(?:men|man)?|gendarmes?|strike|strikes|missiles?|drones?|air\s*strikes?|"
                         r"shelling|artillery|warplanes?|jets?|attacks?|offensive|units?)\b")


_WEAPON_WORD = re.compile(r"(?<![\w-])(?P<demonym>(?:[A-Z][a-z]+\s+)?[A-Z][\w.-]*)\s+(?:[a-z-]+\s+)?(?:strikes?|missiles?|drones?|"
                          r"air\s*strikes?|shelling|artillery|warplanes?|jets?|bombardment|barrage|attacks?|offensive)\b")


def _weapon_states(sentence: str) -> set[str]:
    """States a sentence names only as the owner of the weapon or attack that struck ("Russian
    shelling", "an Israeli air strike"), never by a word for their people or forces."""
    if not _WEAPON_WORD.search(sentence):
        return set()
    armed = {_demonym_words(m.group("demonym")) for m in _WEAPON_WORD.finditer(sentence)} - {None}
    people = {_demonym_words(m.group("demonym")) for m in _FORCE_WORD.finditer(sentence)
              if not _WEAPON_WORD.match(sentence, m.start())} - {None}
    return armed - people


def _states_named(sentence: str) -> set[str]:
    """States a sentence names as sides: a possessive state name ("Ukraine's ground forces")
    or a nationality word before a force or a weapon ("a Russian missile strike")."""
    found = set()
    forces = actors.country_forces()
    for m in _STATE_POSSESSIVE.finditer(sentence):
        if m.group("name") in forces:
            found.add(forces[m.group("name")])
    for m in _FORCE_WORD.finditer(sentence):
        actor = _demonym_words(m.group("demonym"))
        if actor:
            found.add(actor)
    return found


def _demonym_words(words: str) -> str | None:
    """The state of a nationality word of one or two words ("Sri Lankan", "South Sudanese"); a
    capitalised word before a one-word nationality is no part of it ("On Sunday Ukrainian")."""
    return demonym_actor(words) or (demonym_actor(words.split()[-1]) if " " in words else None)


def _last_named_forces(article_text: str, sentence: str, attacker: str | None) -> str | None:
    """The state whose forces the article names most ("13 U.S. service members", "American
    forces"; "Mali's army"), the attacker set aside; on a tie the one named last before
    ``sentence``; None when the article names none."""
    at = article_text.find(sentence)
    named = [(start, actor) for start, actor in _forces_named(article_text)
             if actor != attacker and actor in actors.state_forces()]
    if not named:
        return None
    counts: dict[str, int] = {}
    for _, actor in named:
        counts[actor] = counts.get(actor, 0) + 1
    top = max(counts.values())
    leaders = {actor for actor, n in counts.items() if n == top}
    if len(leaders) == 1:
        return leaders.pop()
    before = [actor for start, actor in named if actor in leaders and 0 <= start < max(at, 0)]
    return before[-1] if before else None


_DEMONYM_FORCE = re.compile(r"(?<![\w-])(?P<demonym>(?:[A-Z][a-z]+\s+)?[A-Z][\w.-]*)(?:'s|’s)?\s+(?:[a-z-]+\s+)?"
                            r"(?:soldiers?|troops|forces|servicemen|serviceman|service\s+members?|army|military|marines?|"
                            r"paratroopers?|sailors?|airmen|pilots?|personnel|gendarmes?|units?)\b")


@lru_cache(maxsize=64)
def _forces_named(article_text: str) -> tuple[tuple[int, str], ...]:
    """(offset, state) of every force the article names by a nationality word or a state's
    possessive ("Nigerian military", "U.S. troops", "Mali's army")."""
    forces = actors.country_forces()
    found = []
    for m in _DEMONYM_FORCE.finditer(article_text):
        word = m.group("demonym")
        actor = _demonym_words(word) or forces.get(word) or forces.get(word.split()[-1])
        if actor:
            found.append((m.start(), actor))
    return tuple(found)


def _foreign_country(sentence: str) -> bool:
    """The sentence names a country other than Syria ("Burkina Faso's army", "in Mali")."""
    from .claimants_named import country_names
    lowered = sentence.lower()
    return any(name != "syria" and re.search(rf"\b{re.escape(name)}\b", lowered) for name in country_names())


_OWNER_LEAD = re.compile(r"^(?:of\s+|from\s+)?(?:(?:the|their|its|our)\s+(?:own\s+)?)?")


def _bare_noun(label: str) -> str:
    """The label's default noun when no word of it names a side: "junta soldiers" ->
    "soldiers" (only "soldiers" itself matched an actor), "regime soldiers" stays."""
    lowered = _OWNER_LEAD.sub("", label.lower())  # "of their servicemen": the noun is "servicemen"
    if lowered in _victim_table()[0]:
        return lowered
    words = lowered.split()
    if len(words) == 2 and words[0] in _neutral_modifiers() and words[1] in _victim_table()[0]:
        return words[1]  # "federal servicemen": a modifier that names no side
    head = auxiliary_list_head(label) if " and " in lowered else None
    if head is not None:
        return head  # "soldiers and volunteer militiamen": the soldiers' state decides
    found = actors.find_actors(label)
    head = lowered.split()[-1] if lowered else ""
    if found and all(a.label.lower() == head for a in found):
        return head
    return lowered


@lru_cache(maxsize=1)
def _neutral_modifiers() -> frozenset[str]:
    return frozenset(row["word"].strip().lower() for row in load_csv("casualty_neutral_modifiers.csv"))


def bare_default(victim: Victim) -> bool:
    """Bare "soldiers"/"troops" read as the Syrian army only by the table's default."""
    bare = _bare_noun(victim.label or "")
    return victim.actor == "syrian_government" and _victim_table()[0].get(bare, ("",))[0] == "syrian_government"


def crew_of(sentence: str, phrase_end: int, victim: Victim, aboard: bool = False) -> Victim:
    """"a Russian military helicopter was shot down, killing all five people on board": people
    on board a military aircraft are the crew of the state whose aircraft it is. ``aboard``:
    the caller knows the people were on board though the words do not say so (a bare toll of a
    downed aircraft, ``casualty_local_group.aircraft_crew``)."""
    cues = _cues()
    crew = _CREW.search(victim.label or "") is not None  # "killing two crew members": the crew of the aircraft named
    if victim.type != "civilian" or not (crew or aboard or cues["on_board"].match(sentence[phrase_end:phrase_end + 12])):
        return victim
    if not (cues["military_marker"].search(sentence) or _military_model(sentence)) or re.search(r"\b(?:passenger|civilian|airliner|commercial|cargo\s+ship|vessel|tanker|ship)\b", sentence, re.I):
        return victim
    states = {actors.demonym_actors().get(m.group("demonym").lower()) for m in cues["aircraft"].finditer(sentence)} - {None}
    if not states and crew:  # "Russia said a Mi-24 military helicopter had been shot down": the reporting state's
        speaker = _SPEAKING_STATE.match(sentence)
        states = {actors.country_forces().get(speaker.group("name"))} - {None} if speaker else set()
    return Victim(states.pop(), victim.label, "combatant") if len(states) == 1 else victim


def _military_model(sentence: str) -> bool:
    """The sentence names an aircraft model of the equipment catalogue ("a Russian Mi-24
    helicopter", "an Su-25"): the catalogue holds military models only."""
    from .equipment_mentions import find_equipment
    return any(m.model and m.category in ("helicopter", "aircraft") for m in find_equipment(sentence))


_CREW = re.compile(r"\b(?:crew|crews|crew\s+members?|crewmen|crewman|pilots?)$", re.IGNORECASE)
_SPEAKING_STATE = re.compile(r"^(?:[A-Z][a-z]+,?\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:said|says|announced|reported|confirmed)\b")


@lru_cache(maxsize=1)
def _object_verbs() -> re.Pattern[str]:
    from .reference import load_yaml
    return re.compile(load_yaml("casualty_attackers.yaml")["object_verbs"], re.IGNORECASE)


def object_victims(sentence: str, victim: Victim) -> Victim:
    """A bare toll ("putting the toll at 32", "killing 12") counts the people its sentence
    names as the object of a violent verb ("had shot residents and burned them", "opened fire
    on worshippers"), when every such object is of one class; else the toll stays as read."""
    if victim.actor == "civilians" and (victim.label or "").lower() in ("people", "persons"):
        return _people_at_armed_site(sentence, victim)
    if victim is not UNSPECIFIED and not (victim.actor == "all" and victim.label is None):
        return victim
    kinds = set()
    for m in _object_verbs().finditer(sentence):
        found = _victim_table()[0].get(m.group("noun").lower())
        if found is not None:
            kinds.add(found)
    if len(kinds) != 1:
        return victim
    actor, kind = kinds.pop()
    return Victim(actor, None, kind) if kind == "civilian" else victim


def _people_at_armed_site(sentence: str, victim: Victim) -> Victim:
    """"attacked a gendarmerie school and the military section of the airport, killing more
    than 70 people": people killed where a violent verb's object is a place of armed men
    (``armed_sites``) are a mixed toll, unless civilians are an object too."""
    sites = _armed_sites()
    armed = civilian = False
    for m in _object_verbs().finditer(sentence):
        noun = m.group("noun").lower()
        armed = armed or noun in sites
        civilian = civilian or _victim_table()[0].get(noun, ("", ""))[1] == "civilian"
    return Victim("all", victim.label, "mixed") if armed and not civilian else victim


@lru_cache(maxsize=1)
def _armed_sites() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("casualty_attackers.yaml")["armed_sites"])


_WAR_CAPTURE = re.compile(r"prisoner|captur|surrender|laid\s+down|lay\s+down|prisoners\s+of\s+war|pows?\b", re.IGNORECASE)


def prisoners_of_war(sentence: str, victim: Victim, outcome: str, cue: tuple[int, int]) -> Victim:
    """A nation's people taken prisoner, captured or surrendering ("several hundred
    Ukrainians had been taken prisoner") are that state's soldiers, not civilians; hostages
    and the kidnapped stay civilians."""
    if outcome != "captive" or victim.actor != "civilians" or not is_people_of_nation(victim.label or ""):
        return victim
    if not _WAR_CAPTURE.search(sentence, cue[0], cue[1] + 20):
        return victim
    state = actors.demonym_actors().get((victim.label or "").lower())
    return Victim(state, victim.label, "combatant") if state else victim


_ORIGIN = re.compile(r"^\s*,\s*from\s+(?P<names>[^,]+(?:,\s*[^,]+)*?)\s*,$")
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*")


def origin_states(insert: str, victim: Victim) -> Victim:
    """Soldiers whose states are told in an insertion ("Thirteen foreign peacekeepers and
    troops, from South Africa, Malawi and Uruguay, were killed"): the one state named, or
    several states' troops (all); never the article's own army."""
    m = _ORIGIN.match(insert) if victim.type == "combatant" else None
    if m is None:
        return victim
    forces = actors.country_forces()
    named = {forces.get(name.strip()) for name in _NAME_SPLIT.split(m.group("names")) if name.strip()}
    if None in named or not named:
        return victim  # "from the front", "from a nearby village": no state
    return Victim(named.pop() if len(named) == 1 else "all", victim.label, victim.type)
