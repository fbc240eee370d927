"""Counts without an outcome cue of their own: the part of a toll they follow ("605,
including 245 from HTS"), the same victims elsewhere ("45 civilians in Aleppo and 22 in
Idlib"), a list of parts, or coordinated with the next count ("3 soldiers and 5 civilians
were killed"); then the group a bare count shares with the figure before it, and a figure
set inside a total's aside ("23 people, including six children, died").
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import numbers
from .casualty_cue_reading import OWN_VERB, Reading
from .casualty_cues import cues as _cues
from .casualty_owner import loser
from .casualty_readings import counted_group
from .casualty_affiliation import affiliated
from .casualty_victims import UNSPECIFIED, Victim, resolve_victim, victim_phrase


_LOST_BEFORE = re.compile(r"\b(?:lost|losing|loses|lose)\s+$", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"\s+(?:in|at|near|across)\s")
_PLACE_THEN_AND = re.compile(r"\s+[\w\s'’-]{0,30}?\b(?:in|at|near|around|across)\b[^,.;]{0,60}?\s+and\s+"
                             r"(?:another\s+|a\s+further\s+|the\s+other\s+)?")
# "21 civilians were killed in coalition raids in the area 15 in Manbij and another six in
# al-Tukhar": only places and times between a toll's outcome and a bare count set in a place
_PLACES_ONLY = re.compile(r"(?:\s*,?\s+(?:in|at|near|around|across|on|during|by|from)\s+[^,.;:\d]{1,50}?)+\s*,?\s+"
                          r"(?<!day\s)")  # not a date's day ("on Tuesday 3")


_ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{1,3}|[A-Z])\.")


def _stop(between: str) -> bool:
    """A full stop or semicolon between a total and its part; not an abbreviation's dot
    ("since the offensive began on Nov. 27, including 138 civilians", "U.S.")."""
    return re.search(r"[;.]", _ABBREVIATION.sub("", between) if "." in between else between) is not None


def inherit(sentence: str, mention: numbers.CountMention, readings: list[Reading]) -> Reading | None:
    """A count without a cue of its own: a part of a toll it follows ("605, including 245
    from HTS") or coordinated with the next count ("3 soldiers and 5 civilians were killed")."""
    cues = _cues()
    phrase, phrase_end = victim_phrase(sentence, mention.end)
    victim = counted_group(sentence, mention) or resolve_victim(phrase)
    if victim is None:
        return None
    victim = affiliated(sentence, mention.end, victim)  # "including an American fighter with the group"
    before = [r for r in readings if r.mention.end <= mention.start]
    own_verb = OWN_VERB.match(sentence, phrase_end) is not None
    for head in reversed(before):
        between = sentence[head.mention.end:mention.start]
        if cues["breakdown"].search(between) and not _stop(between) and not (
                own_verb and cues["breakdown"].search(between.rsplit(",", 1)[-1]) is None):
            # not "... among them 16 children, and that 39 people had been pulled alive": a
            # count with a verb of its own after the list is a clause of its own
            return Reading(mention, head.outcome, victim, head.cue_start, head.cue_end, head.active,
                            head.mention.start)
    if before and victim is UNSPECIFIED and _PLACE_AFTER.match(sentence, mention.end):
        # "killed 45 civilians in Aleppo and 22 in Idlib": the same victims elsewhere
        head = before[-1]
        if head.victim is not UNSPECIFIED and _PLACE_THEN_AND.fullmatch(sentence[head.mention.end:mention.start]):
            return Reading(mention, head.outcome, head.victim, head.cue_start, head.cue_end, head.active,
                           head.total_start)
        if (head.victim is not UNSPECIFIED and not head.active and head.total_start is None
                and 0 < mention.start - head.cue_end <= 80
                and _PLACES_ONLY.fullmatch(sentence, head.cue_end, mention.start)):
            # "21 civilians had been killed in raids in the area 15 in Manbij": a part of the toll by place
            return Reading(mention, head.outcome, head.victim, head.cue_start, head.cue_end, False, head.mention.start)
    if before and victim is UNSPECIFIED and _LOST_BEFORE.search(sentence, max(0, mention.start - 20), mention.start):
        # "DAESH has lost 463 fighters in the battle and the SDF has lost at least 89": the loss
        # verb again, its noun left out: the same kind of people, the new subject's
        heads = [r for r in before if _LOST_BEFORE.search(sentence, max(0, r.mention.start - 20), r.mention.start)
                 and r.victim is not UNSPECIFIED]
        owner = loser(sentence[heads[-1].mention.end:mention.start]) if heads else None
        if owner is not None:
            head = heads[-1]
            return Reading(mention, head.outcome, Victim(owner, head.victim.label, head.victim.type),
                           mention.start, mention.start, True)
    if before and victim is not UNSPECIFIED and not OWN_VERB.match(sentence, phrase_end):
        # a list of parts: "98 fighters of HTS, 61 soldiers of the army and 53 civilians"
        # (not "killed 60 people, and 35,000 people have been moved": a clause of its own)
        head = before[-1]
        head_end = victim_phrase(sentence, head.mention.end)[1]
        if head.victim is not UNSPECIFIED and re.fullmatch(
                r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as)?\s*", sentence[head_end:mention.start], re.IGNORECASE):
            return Reading(mention, head.outcome, victim, head.cue_start, head.cue_end, head.active,
                            head.total_start)
    for nxt in readings:
        if nxt.mention.start >= phrase_end and not nxt.active:
            between = sentence[phrase_end:nxt.mention.start]
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|plus|,)\s*", between, re.IGNORECASE) or (
                    between.isspace() and victim is not UNSPECIFIED and nxt.victim is not UNSPECIFIED):
                # "3 soldiers and 5 civilians were killed"; a headline without commas:
                # "40 Civilians 25 YPG Fighters Killed"
                return Reading(mention, nxt.outcome, victim, nxt.cue_start, nxt.cue_end, False)
            break
    return None


_OTHERS = re.compile(r"\s+others?\b", re.IGNORECASE)


def same_group(ordered: list[Reading], sentence: str, mentions: list[numbers.CountMention]) -> list[Reading]:
    """A count with no victim words of its own ("killing 10 terrorists and injuring 20
    others", "10 civilians were killed and another 17 injured") counts the same group as
    the figure with another outcome right before it; not when the sentence counts people of
    two groups ("40 Civilians 25 YPG Fighters Killed 110 Injured": the injured are both)."""
    out: list[Reading] = []
    if len(ordered) < 2 or all(r.victim is not UNSPECIFIED for r in ordered):
        return ordered
    counted = {v.actor for v in (resolve_victim(victim_phrase(sentence, m.end)[0]) for m in mentions)
               if v is not None and v is not UNSPECIFIED}
    for reading in ordered:
        previous = out[-1] if out else None
        groups = {r.victim.actor for r in out if r.victim is not UNSPECIFIED} | counted
        if (previous is not None and reading.victim is UNSPECIFIED
                and (len(groups) == 1 or _tail_of(sentence, previous, reading))
                and previous.victim is not UNSPECIFIED
                # another outcome, or a clause of its own ("9 civilians were killed in X and two
                # others were killed in Y"), not one list ("3 soldiers and 2 others were killed")
                and (previous.outcome != reading.outcome or previous.cue_start != reading.cue_start)
                # "One attacker was killed ...; three others died": "others" reaches over a semicolon
                and (not re.search(r"[;:]", sentence[previous.mention.end:reading.mention.start])
                     or _OTHERS.match(sentence, reading.mention.end) is not None)
                and (reading.victim.label or "").lower() in ("", "others", "other", "more")):
            total = _aside_total(sentence, out, previous)
            victim = previous.victim if total is None else _total_victim(total, previous)
            if victim is not None:
                reading = replace(reading, victim=victim)
        out.append(reading)
    return out


def _aside_total(sentence: str, out: list[Reading], previous: Reading) -> Reading | None:
    """The total whose aside holds the figure before ("200 people, including 10 civilians,
    had been killed and more than 400 wounded"), or None when that figure is no part."""
    totals = [r for r in out[:-1] if previous.total_start is not None and r.mention.start == previous.total_start]
    if totals:
        return totals[-1]
    if len(out) < 2:
        return None
    between = sentence[out[-2].mention.end:previous.mention.start]
    return out[-2] if len(between) < 60 and _cues()["breakdown"].search(between) and not _stop(between) else None


def _total_victim(total: Reading, part: Reading) -> Victim | None:
    """A bare count after a total's part counts the total's people, not the part's; "people"
    with a part of civilians or combatants are of no one group (None: a mixed toll)."""
    mixed = (total.victim.label or "").lower() in ("people", "persons", "individuals") and (
        part.victim.actor == "civilians" and (part.victim.label or "").lower() in ("civilians", "civilian")
        or part.victim.type == "combatant")
    return None if mixed or total.victim is UNSPECIFIED else total.victim


_TAIL = re.compile(r"(?P<passive>\s+(?:(?:had|have|has)\s+been|were|was)\s+(?:killed|wounded|injured))?"  # "one soldier had been killed and two wounded"
                   r"\s*,?\s*(?:with|and|while)\s+(?:(?:wounding|injuring|wounded|injured)\s+)?"
                   r"(?:another|at\s+least|about|around|some|nearly|more\s+than|over)?\s*", re.IGNORECASE)


def _tail_of(sentence: str, previous: Reading, reading: Reading) -> bool:
    """A bare count tacked onto the figure right before it, with another outcome ("lost
    seven of its own fighters, with 12 wounded", "killing three crew and injuring at least
    four"): the same people, even when the sentence counts other groups before."""
    if previous.outcome == reading.outcome:
        return False
    head_end = victim_phrase(sentence, previous.mention.end)[1]
    tail = _TAIL.fullmatch(sentence, head_end, reading.mention.start) if head_end <= reading.mention.start else None
    if tail is not None and tail.group("passive") and _LISTED.search(sentence, 0, previous.mention.start):
        return False  # "3 civilians and 4 soldiers were killed and 20 wounded": the wounded are of the whole list
    return tail is not None


_LISTED = re.compile(r"(?:,|\band)\s*$")


def link_asides(ordered: list[Reading], sentence: str) -> list[Reading]:
    """A figure with its own outcome set inside a total's aside ("23 people, including six
    children, died") is a part of that total, like an inherited one."""
    out: list[Reading] = []
    for reading in ordered:
        previous = out[-1] if out else None
        if previous is not None and reading.total_start is None and previous.outcome == reading.outcome:
            between = sentence[previous.mention.end:reading.mention.start]
            if len(between) < 60 and _cues()["breakdown"].search(between) and not _stop(between):
                reading = replace(reading, total_start=previous.mention.start)
        out.append(reading)
    return out
