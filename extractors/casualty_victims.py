"""Who the casualties were: the noun phrase after a count ("civilians", "from HTS", "of
militants") read against the victim table and the actor aliases, with the rules that turn
generic words into a group ("fighters loyal to Assad", "militants" in an article about one
group, "four of its soldiers", "on both sides").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import actors, equipment_mentions, numbers
from .casualty_owner import theatre_framing, two_sides
from . import theatre
from .theatre import role_actor
from .casualty_cues import cues as _cues, number_words as _number_words, victim_table as _victim_table


@dataclass(frozen=True)
class Victim:
    """Who the casualties were: actor id (or civilians / all / unknown), words, type."""

    actor: str
    label: str | None
    type: str



UNSPECIFIED = Victim("all", None, "mixed")

_NP_STOP = {
    "who", "that", "which", "were", "was", "are", "is", "have", "has", "had", "been", "in",
    "on", "at", "by", "after", "during", "when", "while", "as", "and", "with", "near",
    "following", "since", "for", "across", "into", "to", "over", "under", "inside", "outside",
    "amid", "including", "among", "due", "because", "this", "last", "yesterday", "today",
    "or", "but", "so", "if", "than", "will", "would", "could", "may", "might", "all",
    "according", "between", "throughout", "within", "overnight", "mostly", "mainly", "most",
    "many", "some", "not", "near", "per", "each", "despite", "kill", "kills", "killing",
    "injure", "injures", "injuring", "wounding", "wound", "leaving", "left", "said", "says",
    "got", "get", "gets", "fled", "returned", "arrived", "remain", "remained", "went",
    "it", "he", "she", "they",  # "wounded 22 it said": the reporting clause, no victims
}
_NP_LEAD = re.compile(r"""^[\s"“”'‘’]*(?:(?:of|from)\s+(?:the\s+|them\b|whom\b)?)?""", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_NOT_SPACE = re.compile(r"[^\s]")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_NOT_SPACE_OR_QUOTE = re.compile(r"[^\s\"“”'‘’]")


_DETERMINERS = frozenset({"a", "an", "the"})
_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|their|his|her|its|them|him)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def victim_phrase(text: str, end: int) -> tuple[str, int]:
    """The noun phrase right after a count ("civilians", "from HTS", "of militants"), and
    where it ends; it stops at punctuation, a verb or preposition, or an outcome word.
    Cached: a figure's reading asks for the same phrase up to three times."""
    lead = _NP_LEAD.match(text[end:])
    cursor = end + (lead.end() if lead else 0)
    phrase_end = cursor
    stems = _cues()["stems"]
    words = 0
    for m in _WORD.finditer(text, cursor):
        gap = text[phrase_end:m.start()]
        if gap and (_NOT_SPACE if words else _NOT_SPACE_OR_QUOTE).search(gap):
            break  # punctuation between words ends the phrase
        word = m.group().lower().rstrip(".")
        if not words and word in _DETERMINERS:
            break  # "killed 5 ... and wounded 50 a monitoring group said": no noun of its own
        if word == "and" and words and _coordinated_victim(text, m.end()):
            words += 1  # "rebels and jihadists", "women and children": one group of victims
            phrase_end = m.end()
            continue
        stop = word in _NP_STOP and not m.group().isupper()  # "IS" is an actor, "is" a verb
        stop = stop or (words > 0 and word.endswith("ing") and len(word) >= 5 and word not in _victim_table()[0]
                        and (_OBJECT_NEXT.match(text, m.end()) is not None  # "a doctor receiving the ..."
                             or (_people_word(text[cursor:m.start()]) and not _thing_next(text, m.end()))))
        # "1300 people using chemical weapons": a participle after a people noun starts a clause
        # (not "13 Daesh fighting positions": an adjective before a thing)
        stop = stop or (words > 0 and word == "more" and re.match(r"\s+than\b", text[m.end():]) is not None)
        stop = stop or (words > 0 and word in _number_words())  # "six women five children"
        if stop or word in stems or word.split("-")[0] in stems:
            break
        abbreviation = _ABBREVIATION.fullmatch(m.group()) is not None  # "U.S.", "U.N.": the dot is the word's
        phrase_end = m.end() - (0 if abbreviation else len(m.group()) - len(m.group().rstrip(".")))
        words += 1
        if words >= 8:  # "members of the so-called Free Syrian Army"
            break
    return text[end:phrase_end].strip(" \"“”'‘’"), phrase_end


def _people_word(words: str) -> bool:
    """True when the last word of ``words`` is a people noun of the victim table."""
    last = words.split()[-1].lower() if words.split() else ""
    return last in _victim_table()[0]


def _thing_next(text: str, at: int) -> bool:
    """True when the word at ``at`` is a thing, not people ("fighting positions")."""
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", text[at:at + 30])
    return nxt is not None and nxt.group(1).lower() in _cues()["not_victims"]


_QUANTIFIERS = frozenset({"several", "many", "dozens", "scores", "hundreds", "thousands", "numerous", "some"})


def _coordinated_victim(text: str, at: int) -> bool:
    """True when the word after "and" at ``at`` is itself a victim noun (not a number)."""
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", text[at:at + 30])
    word = nxt.group(1).lower() if nxt else ""
    if not word or word in _number_words() or word in _NP_STOP or word in _QUANTIFIERS:
        return False  # "three members of a TV crew and several soldiers": a count of its own follows
    pair = re.match(r"\s+[A-Za-z][\w-]*\s+([A-Za-z][\w-]*)", text[at:at + 40])
    if pair and pair.group(1).lower() in _victim_table()[0]:
        return True  # "regime and allied fighters": an adjective, then a victim noun;
        # "patients and their companions": a possessive, then a victim noun
    if word.endswith(("ed", "ing")):
        return False  # "killed 90,000 people and displaced millions": a verb, not a group
    victim = resolve_victim(nxt.group(1))
    return victim is not None and victim is not UNSPECIFIED


_PRO_GOVERNMENT = re.compile(r"^(?:pro-(?:regime|government|assad)|regime|loyalist)\b", re.IGNORECASE)
_KURDISH = re.compile(r"^kurdish\s+(?:fighters|militiamen|militia|troops|forces|members|gunmen)\b", re.IGNORECASE)


# compiled once (resolve_victim runs ~6,000 times a dev pass)
_OF_FIRST = re.compile(r"of\s", re.IGNORECASE)
_OF_SPLIT = re.compile(r"\s+(?:of|out|from)\s+")
_FORMER = re.compile(r"(?:of\s+)?(?:ex-|former\s+|demobili[sz]ed\s+)", re.IGNORECASE)
_MEMBERS_OF = re.compile(r"(?:members?|staff|employees)\s+of\s+(?:an?\s+|the\s+)?", re.IGNORECASE)
_PROPER_NOUN = re.compile(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}")


def resolve_victim(phrase: str) -> Victim | None:
    """Victim group of a noun phrase; UNSPECIFIED when empty; None when the phrase names
    no people ("rockets", "Idlib")."""
    words = phrase.strip()
    if not words or words.lower() in ("others", "more", "other", "them", "of them", "of others", "people more"):
        return UNSPECIFIED
    if words.split()[0].lower() in ("others", "more") and not _victim_table()[1].search(words):
        return UNSPECIFIED  # "25 others Ibrahim Abu Leys told": a run-on in unpunctuated text
    if words.startswith("Related "):
        return None  # "Get short URL 185 Related Daesh Commander Killed ...": a page's link list
    if _OF_FIRST.match(words) and any(
            w.lower() in _cues()["not_victims"] for w in words.split()[1:5]):
        return None  # "14 of IS military vehicles": a part of things
    if _FORMER.match(words):
        former = resolve_victim(_FORMER.sub("", words, count=1))
        if former is not None and former.type == "combatant":
            return Victim("civilians", words, "civilian")  # "five ex-FARC members": fighters no longer
    member_of = _MEMBERS_OF.match(words)
    if member_of:  # "three members of a state television crew": the people are what they are members of
        whole = resolve_victim(words[member_of.end():])
        if whole is not None and whole is not UNSPECIFIED and whole.actor != "unknown":
            return Victim(whole.actor, words, whole.type)
    head = _OF_SPLIT.split(words, maxsplit=1)[0].split()[-1].lower()
    if head in _cues()["not_victims"]:
        return None  # "23 terrorist targets", "two dens": things, not people
    table, pattern = _victim_table()
    found = pattern.search(words)
    # "jihadists of Daesh", "men from Hezbollah": a group named in the phrase outranks a framing word
    named = sorted((a for a in actors.find_actors(words) if a.actor_id not in ("civilians",)),
                   key=lambda a: a.label.lower() in _cues()["group_framings"])
    if " and " in words and two_sides(words):  # "rebel and regime forces": both sides
        return Victim("all", words, "mixed")
    if found and " and " in words.lower():
        kinds = {table[m.group().lower()][1] for m in pattern.finditer(words)}
        if {"civilian", "combatant"} <= kinds:  # "people, both militants and civilians": a mixed toll
            return Victim("all", words, "mixed")
    if found:
        actor, kind = table[found.group().lower()]
        if kind == "combatant" and _PRO_GOVERNMENT.match(words):
            actor = "syrian_government"  # "pro-regime gunmen and security guards"
        elif kind == "combatant" and _KURDISH.match(words):
            actor = "sdf"
        elif kind == "combatant" and named:
            actor = named[0].actor_id
        elif kind == "combatant" and found.start() > 0 and (actor == "unknown" or _table_default(found.group())):
            # "one Israeli officer", "two Malian policemen", "one Rwandan soldier", "U.S. service
            # members": the state of the nationality word before wins over the table's default army
            actor = demonym_actor(words[:found.start()].split()[-1]) or actor
        return Victim(actor, words, kind)
    if named:
        return Victim(named[0].actor_id, words, "combatant")
    if _names_equipment(words):
        return None  # "5 SUVs with large-caliber weapons": equipment, not people
    if _PROPER_NOUN.fullmatch(words):
        if words.lower() in _people_words():  # "43 Palestinians", "two Indians": people of a nation
            return Victim("civilians", words, "civilian")
        return Victim("unknown", words, "unknown")  # a group named by a proper noun ("Lebanese")
    return None


def _table_default(noun: str) -> bool:
    """True when the victim table reads a noun as the Syrian army only by default ("soldiers")."""
    return _victim_table()[0].get(noun.lower(), ("",))[0] == "syrian_government"


def _names_equipment(phrase: str) -> bool:
    """True when a noun phrase opens with equipment of the catalogue ("SUVs", "T-72 tanks")."""
    found = equipment_mentions.find_equipment(phrase)
    return bool(found) and found[0].start == 0



def victim_before_cue(sentence: str, cue_start: int) -> Victim | None:
    """A victim adjective just before a toll word: "civilian death toll", "militant casualties"."""
    window = sentence[max(0, cue_start - 30):cue_start]
    words = " ".join(window.split()[-2:])
    victim = resolve_victim(words) if words else None
    return victim if victim is not None and victim is not UNSPECIFIED else None


def victim_of_remains(sentence: str, cue_end: int) -> Victim | None:
    """"230 corpses of tribesmen", "12 bodies of soldiers": the victims after the cue."""
    if not sentence[:cue_end].lower().endswith(("bodies", "corpses", "remains")):
        return None
    m = re.match(r"\s+of\s+", sentence[cue_end:])
    if not m:
        return None
    victim = resolve_victim(victim_phrase(sentence, cue_end + m.end())[0])
    return victim if victim is not UNSPECIFIED else None



def is_framing(victim: Victim) -> bool:
    """True when the victim words are a generic hostile framing ("militants", "Takfiri
    terrorists") rather than a named group."""
    if victim.actor != "opposition" or not victim.label:
        return False
    words = re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", victim.label.lower()).split()
    # the head is the last word ("Takfiri terrorists"), or the first when the phrase runs
    # on in unpunctuated text ("militants the destruction of")
    return bool(words) and (words[-1] in _cues()["group_framings"] or words[0] in _cues()["group_framings"])


def loyal_to(sentence: str, phrase_end: int, victim: Victim) -> Victim:
    """"fighters loyal to President Assad": the victims belong to whom they are loyal to."""
    if victim.type != "combatant":
        return victim
    label = victim.label or ""
    start = phrase_end - len(label.split()[-1]) - 1 if label.lower().endswith(("loyal", "allied", "affiliated")) else phrase_end
    m = _cues()["loyal_to"].match(sentence, max(start, 0))
    if not m:
        return victim
    whom = m.group("whom")
    named = [a.actor_id for a in actors.find_actors(whom) if a.actor_id != "civilians"]
    if named:
        return Victim(named[0], victim.label, victim.type)
    if _cues()["government_words"].search(whom):
        return Victim("syrian_government", victim.label, victim.type)
    return victim


def specific_group(victim: Victim, sentence: str, article_text: str = "", agent: str | None = None) -> Victim:
    """A generic framing ("militants", "terrorists") becomes the one group the sentence,
    or else the article, is about ("Daesh attack ... left 28 militants dead" -> isis). When
    the sentence names two groups and one of them did the killing (``agent``), the
    framing is the other ("the SDF killed 13 jihadists of Daesh" -> isis)."""
    if victim.actor == "unknown" and victim.type == "combatant" and _cues()["opposition_context"].search(sentence):
        return Victim("opposition", victim.label, victim.type)  # "fighters" among rebels only
    if not is_framing(victim) or " and " in (victim.label or ""):
        return victim  # "rebels and jihadists": several groups, none named
    from .casualty_framing import attack_owner, framed_group
    group = framed_group(sentence, article_text, agent, victim.label or "")
    if group is None:  # whose attack it was ("repelled an RSF assault, killing 200 attackers"), then the war's usual insurgent
        group = attack_owner(sentence, article_text, agent or _subject(sentence)) or _theatre_group(sentence, agent)
    return Victim(group, victim.label, victim.type) if group else victim


def _subject(sentence: str) -> str | None:
    from .casualty_framing import subject_actor
    return subject_actor(sentence)



def _theatre_group(sentence: str, agent: str | None) -> str | None:
    """The theatre's usual insurgent for a bare framing, unless it is the one doing the killing."""
    from .casualty_framing import subject_actor
    group = theatre_framing()
    return group if group is not None and group not in (agent, subject_actor(sentence)) else None


_OWN = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:soldiers|troops|fighters|members|men|personnel|servicemen)\b",
                  re.IGNORECASE)
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



@lru_cache(maxsize=1)
def _state_forces() -> frozenset[str]:
    """Actor ids that are a country's forces (the nationality table's ids)."""
    from .reference import load_csv
    return frozenset(row["actor_id"].strip() for row in load_csv("actors_nationalities.csv"))


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
              | _states_named(sentence)) & _state_forces()  # "military sources": the article's army, named by no word of its own
    if attacker in states and len(states) > 1:
        states.discard(attacker)  # the side that struck does not count its own dead as "soldiers"
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
    article's own army (``theatre``), else unknown."""
    if victim.actor != "unknown" or victim.type != "combatant" or not _another_war(home):
        return victim
    bare = _bare_noun(victim.label or "")
    if _victim_table()[0].get(bare, ("",))[0] != "syrian_government":
        return victim
    earlier = _last_named_forces(article_text, sentence, attacker) if article_text else None
    local = earlier or role_actor(bare) or role_actor("soldiers")
    return Victim(local, victim.label, victim.type) if local not in (None, "unknown", "syrian_government") else victim


def _another_war(home: str | None) -> bool:
    """True when the article is about another country than Syria: the country it names most
    (``home``), else the country of its places (``theatre``)."""
    if home is not None:
        return home != "syria"
    from .theatre import current_country
    country = current_country()
    return country not in (None, "SY", "none")


_STATE_POSSESSIVE = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w-]*){0,2})(?:'s|’s)\s")
_FORCE_WORD = re.compile(r"(?<![\w-])(?P<demonym>(?:South\s+|North\s+|Central\s+)?[A-Z][\w.-]*)\s+(?:[a-z-]+\s+)?(?:soldiers?|troops|forces|servicemen|serviceman|"
                         r"service\s+members?|army|military|marines?|paratroopers?|sailors?|airmen|pilots?|officers?|"
                         r"personnel|police(?:men|man)?|gendarmes?|strike|strikes|missiles?|drones?|air\s*strikes?|"
                         r"shelling|artillery|warplanes?|jets?|attacks?|offensive|units?)\b")


def _states_named(sentence: str) -> set[str]:
    """States a sentence names as sides: a possessive state name ("Ukraine's ground forces")
    or a nationality word before a force or a weapon ("a Russian missile strike")."""
    found = set()
    forces = actors.country_forces()
    for m in _STATE_POSSESSIVE.finditer(sentence):
        if m.group("name") in forces:
            found.add(forces[m.group("name")])
    for m in _FORCE_WORD.finditer(sentence):
        actor = demonym_actor(m.group("demonym"))
        if actor:
            found.add(actor)
    return found


def _last_named_forces(article_text: str, sentence: str, attacker: str | None) -> str | None:
    """The state whose forces the article names most ("13 U.S. service members", "American
    forces"; "Mali's army"), the attacker set aside; on a tie the one named last before
    ``sentence``; None when the article names none."""
    at = article_text.find(sentence)
    named = [(start, actor) for start, actor in _forces_named(article_text)
             if actor != attacker and actor in _state_forces()]
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


_DEMONYM_FORCE = re.compile(r"(?<![\w-])(?P<demonym>(?:South\s+|North\s+|Central\s+)?[A-Z][\w.-]*)(?:'s|’s)?\s+(?:[a-z-]+\s+)?"
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
        actor = demonym_actor(word) or forces.get(word) or demonym_actor(word.split()[-1])
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
    found = actors.find_actors(label)
    head = lowered.split()[-1] if lowered else ""
    if found and all(a.label.lower() == head for a in found):
        return head
    return lowered


def bare_default(victim: Victim) -> bool:
    """Bare "soldiers"/"troops" read as the Syrian army only by the table's default."""
    bare = _bare_noun(victim.label or "")
    return victim.actor == "syrian_government" and _victim_table()[0].get(bare, ("",))[0] == "syrian_government"


def demonym_actor(word: str) -> str | None:
    """The country's forces a nationality word stands for ("Ukrainian" -> ukraine)."""
    return _demonyms().get(word.lower())


def is_people_of_nation(words: str) -> bool:
    """"Palestinians", "Ukrainians": a nation's people as a plural noun."""
    return words.lower() in _people_words()


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """A nation's people as a plural noun ("Palestinians", "Ukrainians", "Indians")."""
    from .reference import load_csv
    return frozenset(row["demonym"].strip().lower() for row in load_csv("actors_nationalities.csv")
                     if (row.get("form") or "").strip() == "plural")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from .reference import load_csv
    return {row["demonym"].strip().lower(): row["actor_id"].strip() for row in load_csv("actors_nationalities.csv")}


def crew_of(sentence: str, phrase_end: int, victim: Victim) -> Victim:
    """"a Russian military helicopter was shot down, killing all five people on board": people
    on board a military aircraft are the crew of the state whose aircraft it is."""
    cues = _cues()
    crew = _CREW.search(victim.label or "") is not None  # "killing two crew members": the crew of the aircraft named
    if victim.type != "civilian" or not (crew or cues["on_board"].match(sentence[phrase_end:phrase_end + 12])):
        return victim
    if not cues["military_marker"].search(sentence) or re.search(r"\b(?:passenger|civilian|airliner|commercial|cargo\s+ship|vessel|tanker|ship)\b", sentence, re.I):
        return victim
    states = {_demonyms().get(m.group("demonym").lower()) for m in cues["aircraft"].finditer(sentence)} - {None}
    if not states and crew:  # "Russia said a Mi-24 military helicopter had been shot down": the reporting state's
        speaker = _SPEAKING_STATE.match(sentence)
        states = {actors.country_forces().get(speaker.group("name"))} - {None} if speaker else set()
    return Victim(states.pop(), victim.label, "combatant") if len(states) == 1 else victim


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


_WAR_CAPTURE = re.compile(r"prisoner|captur|surrender|laid\s+down|lay\s+down|prisoners\s+of\s+war|pows?\b", re.IGNORECASE)


def prisoners_of_war(sentence: str, victim: Victim, outcome: str, cue: tuple[int, int]) -> Victim:
    """A nation's people taken prisoner, captured or surrendering ("several hundred
    Ukrainians had been taken prisoner") are that state's soldiers, not civilians; hostages
    and the kidnapped stay civilians."""
    if outcome != "captive" or victim.actor != "civilians" or not is_people_of_nation(victim.label or ""):
        return victim
    if not _WAR_CAPTURE.search(sentence, cue[0], cue[1] + 20):
        return victim
    state = _demonyms().get((victim.label or "").lower())
    return Victim(state, victim.label, "combatant") if state else victim
