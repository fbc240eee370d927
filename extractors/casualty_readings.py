"""Smaller readings of a count in a casualty sentence, added after reading the errors of the
opened round-3b gold set (docs/readme/precision.md): who a count names when its own noun does
not ("a family of four", "350 hostages", "the number of members of the Russian forces
killed", "killing 3 of them"), a group further down an active verb's list ("killed a staff
member and around 20 civilians"), and the figures that are no toll ("several wounded", "one
of its leaders"). Words: ``seeds/reference/casualty_cues.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import numbers
from .casualty_cues import cues as _cues, victim_table as _victim_table
from .casualty_victims import UNSPECIFIED, Victim, resolve_victim, victim_phrase
from .claims import Count

_LIST_VERB = re.compile(r"\b(?:were|was|are|is|been|had|has|have|said|says|and\s+\w+(?:ed|ing))\b", re.IGNORECASE)
_TOLL_OF = re.compile(r"\b(?:number\s+of|toll\s+(?:for|of|among))\s+(?P<who>.+?)\s+(?:killed|dead|who\s+died|injured|wounded)\b",
                      re.IGNORECASE)  # "the number of people injured", "the toll for Russian soldiers killed"


def listed_cue(sentence: str, mention: numbers.CountMention) -> tuple[str, int, int] | None:
    """(outcome, cue start, cue end) of the active verb whose list the count stands in:
    "killed a staff member and around 20 civilians"; only when the list before the count
    holds no count, verb or clause break."""
    cues = _cues()
    m = cues["listed_before"].search(sentence, max(0, mention.start - 120), mention.start)
    if not m or _LIST_VERB.search(m.group("items")) or cues["hint"].search(m.group("items")):
        return None
    stem = next(s for s in cues["listed_outcomes"] if m.group("cue").lower().startswith(s))
    return cues["listed_outcomes"][stem], m.start("cue"), m.end("cue")


def counted_group(sentence: str, mention: numbers.CountMention) -> Victim | None:
    """People counted by the noun before the count: "a family of four" (civilians)."""
    m = _cues()["group_before"].search(sentence, max(0, mention.start - 30), mention.start)
    return Victim("civilians", m.group("noun"), "civilian") if m else None


def cue_noun(cue: str) -> Victim | None:
    """The victims an outcome noun names by itself ("hostages", "captives"), else None."""
    victim = resolve_victim(cue.lower())  # lower case: a capitalised headline word is no proper name
    return victim if victim is not None and victim.type in ("civilian", "combatant") else None


def toll_of(toll: str) -> Victim | None:
    """The victims a toll names inside it: "the number of members of the Russian forces
    killed in Syria (rose) to 18"."""
    m = _TOLL_OF.search(toll)
    victim = resolve_victim(m.group("who")) if m else None
    return victim if victim is not None and victim.type in ("civilian", "combatant") else None


def of_them(mentions: list[numbers.CountMention], readings: dict[int, Any], sentence: str) -> None:
    """"targeted tens of civilians ..., killing 3 of them": "of them" are the people of the
    nearest count before it that has no outcome of its own (updates ``readings``, count
    index -> reading)."""
    for i, reading in list(readings.items()):
        if reading.victim is not UNSPECIFIED or not re.match(r"\s+of\s+them\b", sentence[reading.mention.end:]):
            continue
        for j in range(i - 1, -1, -1):
            if j in readings:
                break
            victim = resolve_victim(victim_phrase(sentence, mentions[j].end)[0])
            if victim is not None and victim.type in ("civilian", "combatant"):
                readings[i] = replace(reading, victim=victim)
                break
        else:  # "clashed with ISIL terrorists ..., killing scores of them": the last people named before
            victim = _last_people(sentence[:reading.mention.start])
            if victim is not None:
                readings[i] = replace(reading, victim=victim)


def _last_people(before: str) -> Victim | None:
    """The victims the last people noun before a count names ("the rebels", "ISIL
    terrorists"), when it stands in the same clause run (no sentence-internal count between)."""
    from . import actors
    from .casualty_cues import victim_table
    found = [(m.start(), m.group()) for m in victim_table()[1].finditer(before)]
    found += [(a.start, a.label) for a in actors.find_actors(before) if a.actor_id not in ("civilians", "unknown")]
    if not found:
        return None
    start, words = max(found)
    named = [a for a in actors.find_actors(before[max(0, start - 20):start + len(words)])
             if a.actor_id not in ("civilians", "unknown")]
    victim = resolve_victim(named[-1].label if named else words)
    return victim if victim is not None and victim.type in ("civilian", "combatant") else None


def passing_one(count: Count, victim: Victim) -> bool:
    """A single person with no noun of their own ("including one with severed legs", "One
    was killed on Friday") or one of a group nobody is named for ("one of its leaders"): a
    passing mention, not a toll; "a woman was killed" and "one of its soldiers" (the
    sentence's army) stay."""
    if count.best != 1:
        return False
    label = victim.label
    return label is None or (label.lower().startswith("of ") and victim.actor in ("unknown", "all"))


def too_vague(count: Count) -> bool:
    """"several wounded", "a few dead": people were hurt, but the text gives no figure."""
    return count.qualifier == "vague" and (count.low or 0) < _cues()["vague_min"]


def depicted_one(count: Count, sentence: str) -> bool:
    """One person a photo caption shows ("A man carries an injured girl after an airstrike"):
    what the picture shows, not a toll."""
    return count.best == 1 and _cues()["caption"].search(sentence) is not None


def mixed_people(sentence: str, start: int, victim: Victim) -> Victim:
    """"In all 40 people were killed": a sum over the groups told before is a mixed toll,
    not civilians, and so are people killed in an attack aimed at an armed side or in
    fighting between sides ("fighting that has killed 6000 people"); a named group ("a total
    of 20 civilians") stays."""
    label = (victim.label or "").lower()
    armed = _armed_people(victim)
    if armed is not None:
        return armed
    bare = not label and victim.actor == "all"
    if (bare or label.split()[-1:] in (["people"], ["persons"], ["others"])) and _cues()["status_unknown"].search(sentence):
        return Victim("unknown", victim.label, "unknown")  # "... without specifying whether they were civilians or fighters"
    if label not in ("people", "persons", "individuals"):
        return victim
    cues = _cues()
    part = cues["part_civilians"].match(sentence, start)
    noun = (part.group("noun") or part.group("noun2")).lower() if part else ""
    kind = _victim_table()[0].get(noun, ("", ""))[1] if part else ""
    if part and (noun == "civilians" or kind == "combatant"):
        return Victim("all", victim.label, "mixed")  # "39 people, more than half of them civilians"
    if part and part.group("from") and _armed_actor(sentence[part.start("noun"):part.start("noun") + 40]):
        return Victim("all", victim.label, "mixed")  # "412 people, more than half of them from ISIS"
    combat = cues["combat_deaths"].search(sentence) is not None and cues["combat_unless"].search(sentence) is None
    if cues["summed_total"].search(sentence[max(0, start - 40):start]) is None and not combat and not _armed_target(sentence):
        return victim
    return Victim("all", victim.label, "mixed")


def aimed_at_civilians(sentence: str, victim: Victim) -> Victim:
    """A bare toll (no victim noun) in a sentence whose attack was aimed at civilians by
    name ("attacked residential areas ..., leaving dozens killed and injured", "a blast
    targeting a convoy of evacuees killed 70") is civilians."""
    if victim.actor != "all" or victim.label is not None or _cues()["civilian_attack"].search(sentence) is None:
        return victim
    return Victim("civilians", None, "civilian")


def _armed_target(sentence: str) -> bool:
    """The sentence's attack was aimed at an armed side ("an attack on a rival rebel group")."""
    from . import actors
    from .casualty_target import holders
    for m in _cues()["armed_target"].finditer(sentence):
        target = re.sub(r"\b[\w-]+-(?:held|controlled|run|besieged|populated)\b", " ", m.group("target"))
        homes = _cues()["civilian_target"].search(target)  # "on the residential suburb of Harasta ...": people's homes
        if any(a.actor_id not in ("civilians", "unknown") and (homes is None or a.start < homes.start())
               for a in actors.find_actors(target)):
            return True
        if any(holders(t.group("holder")) for t in _cues()["target_frame"].finditer(m.group())):
            return True  # "strikes on Russian positions": a nationality with a military target
    return False


def with_partner(sentence: str, mention: numbers.CountMention) -> numbers.CountMention | None:
    """"a man and his wife", "one mother and her child": one person and a relative named
    after them are two victims; the mention counting two, or None when no relative follows."""
    if mention.count.best != 1 or mention.count.qualifier != "exact" or mention.text.lower() not in ("a", "an", "one"):
        return None
    if _cues()["kin_partner"].match(sentence, mention.end) is None:
        return None
    return replace(mention, count=Count(2, 2, 2, "exact"))


_PEOPLE_HEADS = ("people ", "persons ", "individuals ", "men ")


def _armed_actor(words: str) -> str | None:
    """The armed actor (no framing, not civilians) named in ``words``, else None."""
    from . import actors
    named = [a.actor_id for a in actors.find_actors(words)
             if a.actor_id not in ("civilians", "unknown", "all") and not actors.is_framing(a.label)]
    return named[0] if named else None


def _armed_people(victim: Victim) -> Victim | None:
    """"seven people of a local armed group", "three men from the Nusra Front": people whose
    own words make them members of an armed group are its combatants, not civilians (read
    as "members of ..."; the group named there when it is an actor)."""
    label = (victim.label or "").lower()
    if victim.type != "civilian" or not label.startswith(_PEOPLE_HEADS):
        return None
    head, rest = label.split(" ", 1)
    m = _cues()["armed_complement"].match(" " + rest)
    if m is None:
        return None
    actor = _armed_actor(m.group("group"))
    if actor is not None:
        return Victim(actor, victim.label, "combatant")
    if m.group("group").rstrip().endswith(tuple(_ARMED_HEADS)):
        members = resolve_victim("members " + rest)
        return Victim(members.actor, victim.label, "combatant") if members is not None and members.type == "combatant" else None
    return None


_ARMED_HEADS = ("group", "groups", "faction", "factions", "organization", "organizations", "organisation",
                "organisations", "movement", "movements", "militia", "militias", "brigade", "brigades",
                "battalion", "battalions")


def described_victims(sentence: str, mention: numbers.CountMention) -> Victim | None:
    """"18 men described as Syrian military personnel", "40 prisoners said to be soldiers":
    who the text says people counted by a plain noun were (a named side or civilians), else None."""
    m = _cues()["described_as"].match(sentence, mention.end)
    victim = resolve_victim(m.group("who")) if m else None
    if victim is not None and victim.actor == "all":  # "Hamas and Islamic Jihad": armed groups all, the first
        parts = [resolve_victim(part) for part in re.split(r"\s+(?:and|or)\s+", m.group("who"))]
        victim = parts[0] if all(p is not None and p.type == "combatant" for p in parts) else victim
    if victim is None or victim is UNSPECIFIED or victim.actor in ("all", "unknown") or victim.type not in ("civilian", "combatant"):
        return None
    return victim
