"""A state's forces named through the state (helper control5): "Ukraine said its troops
withdrew from Avdiivka", "Turkey said its troops entered Jarablus", "Russia's defence
ministry said its troops had liberated X", "Russia claimed the capture of Marinka". A
bare "troops" is otherwise read as the theatre's home army (Syria's in a Syrian report),
which is wrong when the sentence names whose troops they are. The country names are data
(``actors_country_names.csv``, read by ``actors.country_forces``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorMention, country_forces as _country_forces, find_actors, nationality_words
from ..sides import NOT_ARMED
from ..context import SentenceContext

# A force noun owned by a pronoun: "its troops", "their forces", "its own army".
_OWNED_FORCES = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)
# Where a subject stands: the start of the sentence (after a dateline or "On Monday,"), or
# after "that", "and" or a comma.
_SUBJECT_SLOT = re.compile(r"(?:^\s*(?:(?:On|In|Late|Early)\s+\w+\s*,?\s*)?|\b(?:that|and)\s+|,\s*)$")
# A state's name as a subject stands before its verb ("Russia claimed", "Russia's defence
# ministry said"), not before a noun it modifies ("Sudan paramilitaries", "Russia-backed").
_VERB_AFTER = re.compile(r"(?:['’]s?\s|\s+(?:has|have|had|is|was|says|said|claims|claimed|announced|announces|reported|"
                         r"declared|confirmed|acknowledged|insisted|added|[a-z]+ed)\b)")
_FORCE_NOUNS = frozenset({"troops", "forces", "soldiers", "army", "units", "fighters", "military", "navy", "the army",
                          "the military", "government forces", "ground forces", "armed forces"})


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    names = sorted(_country_forces(), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])({'|'.join(re.escape(n) for n in names)})(?:['’]s?)?(?![\w-])")


def _last_country(text: str, end: int) -> ActorMention | None:
    found = list(_country_pattern().finditer(text, 0, end))
    if not found:
        return None
    m = found[-1]
    return ActorMention(m.group(1), _country_forces()[m.group(1)], m.start(1), m.end(1))


def country_forces(ctx: SentenceContext, trigger_start: int, agent: ActorMention | None) -> ActorMention | None:
    """The agent, or the forces of the state the sentence names as their owner: "its troops"
    after a state's name; "his forces" after a state's official ("Ukraine's top commander said
    his troops", "Azerbaijani President Ilham Aliyev said his forces"); with no agent at all,
    a state's name as the subject of the clause ("Russia claimed the capture of Marinka")."""
    text = ctx.text
    owner = speakers_forces(text, trigger_start)
    if owner is not None and (agent is None or agent.actor_id == "unknown" or agent.label.lower() in _FORCE_NOUNS):
        return owner
    if agent is not None:
        if agent.label.lower() not in _FORCE_NOUNS or not _OWNED_FORCES.search(text[:agent.start]):
            return agent
        return _last_country(text, agent.start) or agent
    country = _last_country(text, trigger_start)
    if country is None or not _SUBJECT_SLOT.search(text[:country.start]) or not _VERB_AFTER.match(text, country.end):
        return None  # "Strikes by Russia on Idlib preceded the capture of X", "Sudan paramilitaries seize": not the subject
    if re.search(r"[.;:]|\b(?:against|on|in|into|from|of|by|with|to)\s+$", text[country.end:trigger_start]):
        return None
    if len(text[country.end:trigger_start].split()) > 6:
        return None
    return country


# "<speaker> said (on Sunday | hours later) (that) his/her/its/their (own) (ground) forces had": the
# owner of the forces is the reporting verb's subject (helper control10w).
_OWN_FORCES_REPORTED = re.compile(
    r"\b(?:said|says|announced|claimed|confirmed|told\s+[\w.\s]{1,40}?)"
    r"(?:\s+(?:on|late\s+on|early\s+on|earlier\s+on)\s+\w+|\s+(?:hours|minutes|days)\s+later|\s+later|\s+earlier)*"
    r"(?:\s+that)?\s+(?:his|her|its|their)\s+(?:own\s+)?(?:[a-z]+\s+)?"
    r"(?:troops|forces|soldiers|units|fighters|army|men|military)\s+(?:had\s+|have\s+|has\s+)?(?:also\s+|now\s+|finally\s+)?$",
    re.IGNORECASE)
_BREAK = re.compile(r"[.;:\"“”]\s|\s[—–-]\s")


def _adjectives() -> dict[str, str]:
    return nationality_words("adjective")


@lru_cache(maxsize=1)
def _owner_pattern() -> re.Pattern[str]:
    names = sorted([*_country_forces(), *_adjectives()], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])({'|'.join(re.escape(n) for n in names)})(?:['’]s)?(?![\w-])")


def speakers_forces(text: str, start: int) -> ActorMention | None:
    """"Ukraine's top commander said on Thursday his troops had taken ...", "Azerbaijani
    President Ilham Aliyev said his forces had captured ...", "Russia's defence ministry said
    hours later that its forces had taken ...": forces owned by a pronoun right after a
    reporting verb are the speaker's; the speaker's state is the first state name or
    nationality adjective of the verb's subject (helper control10w). None when the subject
    names no state (an armed group's own speakers are read by ``mentions.reported_agents``)."""
    if "said" not in text and "says" not in text and "announced" not in text and "claimed" not in text \
            and "told" not in text and "confirmed" not in text:
        return None
    m = _OWN_FORCES_REPORTED.search(text, max(0, start - 160), start)
    if m is None:
        return None
    begin = max((b.end() for b in _BREAK.finditer(text, 0, m.start())), default=0)  # after a dateline or a clause
    subject = text[begin:m.start()]
    if len(subject.split()) > 14 or re.search(r"\b(?:after|when|while|as|because|but)\b", subject):
        return None
    armed = [a for a in find_actors(subject) if a.actor_id not in NOT_ARMED]
    if armed:  # "Yemen's Houthi movement said its fighters": the group, not the country it is in
        return ActorMention(armed[0].label, armed[0].actor_id, begin + armed[0].start, begin + armed[0].end)
    found = _owner_pattern().search(subject)
    if found is None:
        return None
    name = found.group(1)
    actor = _country_forces().get(name) or _adjectives().get(name)
    if actor is None:
        return None
    return ActorMention(name, actor, begin + found.start(1), begin + found.end(1))


@lru_cache(maxsize=1)
def _state_by_code() -> dict[str, str]:
    """ISO code -> the state's forces ("UA" -> ukraine, "SY" -> syrian_government), read from
    ``theatre_countries.csv``'s names and ``actors_country_names.csv``."""
    from ..reference import load_csv
    forces = _country_forces()
    out: dict[str, str] = {}
    for row in load_csv("theatre_countries.csv"):
        for name in (row.get("names") or "").split("|"):
            if name in forces:
                out.setdefault(row["code"].upper(), forces[name])
    return out


@lru_cache(maxsize=1)
def _state_by_nationality_code() -> dict[str, str]:
    from ..reference import load_csv
    out: dict[str, str] = {}
    for row in load_csv("actors_nationalities.csv"):
        out.setdefault(row["country"].strip().upper(), row["actor_id"].strip())
    return out


def state_of_country(code: str | None) -> str | None:
    """The forces of the state with ISO code ``code`` ("LK" -> sri_lanka), None when unknown."""
    if not code:
        return None
    return _state_by_code().get(code.upper()) or _state_by_nationality_code().get(code.upper())


_PLACE_CODE = re.compile(r"gn_([a-z]{2})_")


def home_state(place_id: str | None) -> str | None:
    """The state whose territory the place is (its forces' actor id), None when unknown.
    Syria's places carry no country code in their ids."""
    if not place_id:
        return None
    m = _PLACE_CODE.match(place_id)
    code = m.group(1).upper() if m and m.group(1).upper() in _state_by_code() else "SY"
    return _state_by_code().get(code)


def liberation_kind(trigger_words: str, new: str, place_id: str | None) -> str | None:
    """"liberated" is a capture, except by the state on its own soil ("Ukrainian troops have
    liberated Kherson", "the army liberated Palmyra"): a recapture. None when not a liberation."""
    words = re.sub(r"[\"“”]", "", trigger_words).strip().lower()  # 'completed the "liberation of X"'
    if not re.match(r"(?:(?:the|its|their|his|a)\s+(?:[\w'’-]+\s+)?)?(?:liberat|freed|freeing|free\b)", words):
        return None
    return "recapture" if new == home_state(place_id) else "capture"
