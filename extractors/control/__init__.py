"""Control changes: who took, retook, entered, encircled or left which place.

The package: ``frames`` (trigger lemmas -> forms), ``triggers`` (finding them, event
filters), ``arguments`` (places), ``agents`` (actors, sides), ``anaphora`` ("the town",
"they"), ``events`` (readings -> claims).

One ``ControlChange`` per place and trigger. The rules, in the order they run:

1. Triggers (``frames.py``: lemmas with argument frames in ``control_frames.yaml``, every
   inflection generated; the rest in ``control_vocabulary.yaml``): active verbs ("rebels seized X"),
   passives ("X was captured by Y", "seized by Y were A, B and C"), "X fell to Y" and nouns
   ("the recapture of X").
2. A trigger is dropped when it is not a reported event: failed attempts, intentions,
   denials, negations, modals, conditions, background ("since", a year before the
   article's), an adjective use ("the besieged town"), or an entry that only reinforces
   one's own side ("entered ... with a convoy to support ...").
3. The place(s): names after the trigger, one claim per name in a list ("A, B, and the
   town of C"); "18 villages in Hama province" keeps the whole phrase with the province's
   admin1 precision; "the city" falls back to the city named just before.
4. Actors: the agent is the nearest actor before the trigger (or after "by"); generic
   framings become the group the article names ("militants" -> hts). A withdrawal (or "lost
   control of") makes the agent the previous controller and the opponent named in the
   sentence, else the article's main opponent, the new one.
5. Date from ``dates.resolve_when`` on the sentence, else on earlier sentences of its
   paragraph; claimant from the sentence context.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..claims import ControlChange, DateSpan
from ..context import SentenceContext
from . import named_objects  # noqa: E402  (control10f)
from . import gate_lists, gate_outcome  # control11p
from . import agents, anaphora, arguments, countries, events, frames, groups, installations, modality, nominals, sieges, speakers, subjects, subjects_named, triggers, voices, withdrawals
from .events import _claims_for, _or_news_date, _read, _Reading, _when
from .arguments import PlaceSpan, is_counted_group
from .positions import is_numbered_position
from .installations import is_installation
from .speakers import inherit_claimants
from .unnamed_objects import _THOSE_VILLAGES
from .raids import is_raid
from .lost_before import lost_before
from .triggers import _DAYS_MONTHS, Trigger, _find_triggers, _has_stem, _is_reinforcement, _is_reported_event, _vocab
from ..sides import NOT_ARMED

__all__ = ["extract", "inherit_claimants", "_has_stem", "_vocab"]

# The package's modules, for clearing their per-text caches (``pipeline.clear_text_caches``).
MODULES = (agents, anaphora, arguments, countries, events, frames, groups, installations, modality, nominals, sieges, speakers, subjects, subjects_named, triggers, voices, withdrawals)


def extract(ctx: SentenceContext) -> list[ControlChange]:
    """Control changes the sentence reports (see the module docstring for the rules)."""
    text = ctx.text
    if not _has_stem(text):
        return []
    year = ctx.published_at.year if ctx.published_at else None
    claims: list[ControlChange] = []
    when: DateSpan | None = None
    for trigger in _find_triggers(text):
        if not _is_reported_event(text, trigger, year):
            continue
        if trigger.change == "entry" and _is_reinforcement(text):
            continue
        if _is_idiom(text, trigger) or sieges.road_to_needs_supply(text, trigger) or is_raid(text, trigger):
            continue
        if gate_outcome.drops(text, trigger):  # brief, denied or background by its own sentence (control11p)
            continue
        reading = _read(ctx, trigger)
        if reading is None and claims and _BOTH.match(text, trigger.end):  # "... and the SDF took control of both"
            agent = agents._agent_before(ctx.mentions, trigger.start, text[trigger.start:trigger.end])
            reading = _Reading(tuple(PlaceSpan(c.place.name, trigger.end, trigger.end, c.place) for c in claims
                                     if c.place is not None), trigger.change, agent, None) if agent is not None else None
        if reading is not None and reading.change == "encirclement":  # "cut off IS's main route": no place
            reading = _Reading(tuple(p for p in reading.places if not sieges.owned_road(text, p)), reading.change,
                               reading.agent, reading.counterpart)
        if reading is None or not reading.places:
            continue
        if len(reading.places) > 1 and (later := gate_lists.second_verb_objects(text, reading.places)):
            reading = _Reading(tuple(p for i, p in enumerate(reading.places) if i not in later),
                               reading.change, reading.agent, reading.counterpart)  # "took A and shelled B" (control11p)
        if any(not p.place.place_id for p in reading.places):  # "posing with captured Humvees" (control9)
            reading = _without_equipment(ctx, reading)
            if not reading.places:
                continue
        coordinated = bool(claims) and re.search(r"\band\s+(?:then\s+)?$", text[:trigger.start])
        if _is_weak(text, trigger) and not (_agent_right_before(reading, trigger) or coordinated
                                             or (reading.agent is not None and _OWN_FORCES_BEFORE.search(text, 0, trigger.start))
                                             or _agent_of_coordinated_verb(text, reading, trigger)
                                             or (_WHICH_IT.search(text, max(0, trigger.start - 30), trigger.start) and reading.places[0].end <= trigger.start)):
            continue  # "encircled the town and entered its districts": the same subject
        if _needs_known_place(text, trigger) and not _named_as_settlements(text, trigger, reading):
            capital = [p for p in reading.places if _CAPITAL_APPOSITION.match(text, p.end)]
            reading = _Reading(tuple(p for p in reading.places if p.place.place_id or is_numbered_position(p) or is_counted_group(p) or is_installation(p) or _dated_object(text, trigger, reading, p)
                                     or p in capital or _listed_with_a_settlement(reading, p)
                                     or (capital and _PROPER_NAME.fullmatch(p.name))
                                     or (p.end <= trigger.start and _SETTLEMENT_BEFORE.search(text, max(0, p.start - 60), p.start))), reading.change,
                               reading.agent, reading.counterpart)
            if not reading.places:
                continue
        if any(p.place.type in _WIDE for p in reading.places):  # "withdrawn from some positions in Rakhine state" (control6)
            reading = _Reading(tuple(p for p in reading.places if not (p.place.type in _WIDE and _POSITIONS_IN.search(
                text, max(0, p.start - 60), p.start))), reading.change, reading.agent, reading.counterpart)
            if not reading.places:
                continue
        if trigger.form == "active" and frames.light_noun_pattern().search(text, trigger.start, trigger.end):
            reading = _Reading(tuple(p for p in reading.places if p.place.type not in _WIDE
                                     and not _SINCE_AFTER.match(text, p.end)), reading.change,
                               reading.agent, reading.counterpart)  # "has lost ground in Omdurman since February": a trend (control9)
            if not reading.places:
                continue  # "made gains in Hama province": an advance, no place taken
        if _PERFECT_BEFORE.search(text, max(0, trigger.start - 30), trigger.start) and _SINCE_LATER.match(text, reading.places[-1].end):
            reading = _Reading(tuple(p for p in reading.places if p.place.place_id and p.place.type == "settlement"),
                               reading.change, reading.agent, reading.counterpart)
            if not reading.places:  # "has regained a string of villages in Middle and Lower Shabelle since February": a trend
                continue
        if reading.change == "entry":  # "a new push into Kharkiv region", "entered Gezira": no place taken (control6)
            if _PROGRESSIVE.search(text, 0, trigger.start) and text[trigger.start:trigger.end].split()[0].endswith("ing"):
                continue  # "were advancing into Marib": under way, not done
            reading = _Reading(tuple(p for p in reading.places if not (p.place.type in _WIDE and not _PART_WORDS.search(p.name))
                                     and not _REGION_AFTER.match(text, p.end)), reading.change,
                               reading.agent, reading.counterpart)
            if not reading.places:
                continue
        since = events.since_date(ctx, trigger) if trigger.form == "under_since" else None
        if trigger.form == "under_since" and since is None:
            continue  # "under siege since the start of the war": no date, background
        when = when or _when(ctx)
        claims.extend(_claims_for(ctx, trigger, reading, since or _or_news_date(ctx, trigger, when)))
    return _prefer_withdrawal(_left_to_the_taker(lost_before(text, claims)))


def _without_equipment(ctx: SentenceContext, reading: _Reading) -> _Reading:
    """A name no gazetteer knows that an equipment mention of the sentence covers ("captured
    Humvees and pickup trucks") is a thing taken, not a place."""
    items = [(e.start, e.end) for e in ctx.mentions.equipment]
    if not items:
        return reading
    return _Reading(tuple(p for p in reading.places if p.place.place_id or not any(
        s <= p.start and p.end <= e for s, e in items)), reading.change, reading.agent, reading.counterpart)


# "the MNDAA said ... its fighters had taken the headquarters": a possessive and a force noun
# right before a weak verb are its subject (the speaker the pronoun stands for).
_OWN_FORCES_BEFORE = re.compile(
    r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:fighters|troops|forces|units|soldiers|men|militants|combatants|wing)"
    r"(?:\s+and\s+allied\s+forces)?\s+(?:had\s+|have\s+|has\s+)?(?:also\s+|now\s+|finally\s+)?$", re.IGNORECASE)


# Place types too wide for a light frame ("gains in Hama province", "ground in Syria").
_WIDE = frozenset({"admin1", "country"})
# "western districts of Manbij" reads at the province's precision but names a part of a town.
_PART_WORDS = re.compile(r"\b(?:districts?|neighbou?rhoods?|villages?|towns?|outskirts|parts?|suburbs?|quarters?)\b", re.IGNORECASE)
# Positions or bases somewhere in a region are not the region.
_POSITIONS_IN = re.compile(r"\b(?:positions|bases|posts|outposts|areas|parts)\s+in\s+(?:the\s+)?(?:[\w'’-]+\s+(?:and|,)\s+)?$", re.IGNORECASE)
_REGION_AFTER = re.compile(r"\s+(?:region|province|state|oblast|governorate)\b", re.IGNORECASE)
_SINCE_AFTER = re.compile(r"\s+since\b", re.IGNORECASE)
# "has regained ... since February": the present perfect over a span, a trend (helper control10w)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|also\s+|now\s+)?$", re.IGNORECASE)
_SINCE_LATER = re.compile(r"(?:\s+(?!which|that|who|where)[\w-]+){0,4}?\s+since\b", re.IGNORECASE)
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?$", re.IGNORECASE)


def _is_weak(text: str, trigger: Trigger) -> bool:
    """Triggers too common to trust without their actor ("left", "lost", "entered")."""
    return trigger.form == "active" and text[trigger.start:trigger.end].lower() in _vocab()["weak"]


def _is_idiom(text: str, trigger: Trigger) -> bool:
    """"took part in", "taking refuge in", "left behind": a weak verb before one of
    ``weak_idioms`` reports no change."""
    if trigger.form != "active" or text[trigger.start:trigger.end].lower() not in _vocab()["weak"]:
        return False
    if _PREPOSITION_NEXT.match(text, trigger.end) or (
            not text[trigger.start:trigger.end].lower().endswith("ing") and _BE_BEFORE.search(text, max(0, trigger.start - 30), trigger.start)):
        return True  # "evacuated from", "left for Idlib", "were evacuated" (a passive; "were leaving" stays): no place left as the object (control11)
    nxt = re.match(r"\s+(?:the\s+|an?\s+)?([a-z]+)", text[trigger.end:])
    return nxt is not None and nxt.group(1) in _vocab()["weak_idioms"]


_PREPOSITION_NEXT = re.compile(r"\s+(?:from|to|for|by|with|into|at)\b", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _needs_known_place(text: str, trigger: Trigger) -> bool:
    """Triggers that also take other objects ("freed hostages", "took 20 prisoners") keep
    gazetteer places only; "took control of" names its object as a place."""
    return " ".join(text[trigger.start:trigger.end].lower().split()) in _vocab()["needs_known_place"]


_TIME_AFTER = re.compile(
    rf"^\s*(?:on\s+(?:{_DAYS_MONTHS})|(?:last|earlier|late)\s+(?:week|month|year|night|{_DAYS_MONTHS})|"
    r"(?:yesterday|today|overnight)\b|in\s+(?:19|20)\d\d\b|[.;]|$)")


def _dated_object(text: str, trigger: Trigger, reading: _Reading, span: PlaceSpan) -> bool:
    """"opposition forces took Ramussa on August 6": a single capitalised name right after
    "took" with its armed subject right before, then the time of the event, is a place."""
    if " ".join(text[trigger.start:trigger.end].lower().split()) not in _vocab()["dated_object_names_place"]:
        return False
    right_before = (_agent_right_before(reading, trigger) and reading.agent is not None
                    and reading.agent.actor_id not in NOT_ARMED and reading.agent.end >= trigger.start - 12)
    return (right_before and re.fullmatch(r"\s*", text[trigger.end:span.start]) is not None
            and span.name[:1].isupper() and " " not in span.name.strip()
            and _TIME_AFTER.match(text[span.end:]) is not None) or named_objects.takes_a_named_place(
        text, text[trigger.start:trigger.end], right_before, span.name, span.start, span.end, trigger.end)  # control10f


# "Zaranj, capital of Nimroz province": a province's or a country's capital is a settlement (control10w)
_CAPITAL_APPOSITION = re.compile(r",\s+(?:the\s+)?(?:provincial\s+|state\s+|regional\s+)?capital\s+of\s+(?:the\s+)?[A-Z]")
# "17 townships, including Maungdaw ..., which it took": a relative clause's antecedent named as a settlement (control10w)
_SETTLEMENT_BEFORE = re.compile(r"\b(?:towns?|townships?|city|cities|villages?|settlements?)\b(?:\s+of|[^.;:]{0,40}?\bincluding)\s+(?:the\s+)?$", re.IGNORECASE)
_WHICH_IT = re.compile(r",\s+which\s+(?:it|they)\s+(?:had\s+|has\s+|have\s+)?$", re.IGNORECASE)
_PROPER_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}(?<!['’]s)")  # not "Haftar's"


def _listed_with_a_settlement(reading: _Reading, span: PlaceSpan) -> bool:
    """"the Taliban took Zaranj in Nimroz and Sheberghan in Jowzjan", "had taken Hirske and
    Zolote": a proper name listed in one object with a settlement the gazetteer knows is a
    settlement too, known or not (helper control9)."""
    return (len(reading.places) > 1 and _PROPER_NAME.fullmatch(span.name) is not None
            and any(p is not span and p.place.place_id and p.place.type == "settlement" for p in reading.places))


def _agent_right_before(reading: _Reading, trigger: Trigger) -> bool:
    agent = reading.agent
    return agent is not None and agent.end <= trigger.start and trigger.start - agent.end <= 40


# any modifiers before the head noun ("the strategic town of", "the lakeside town of", "the
# mining town of", "two more villages of"), not a preposition or a clause word (control8)
_SETTLEMENT_HEAD = re.compile(
    r"\s*(?:the\s+)?(?:(?!(?:of|in|near|at|on|from|to|and|or|by|with|for|which|that|after|before)\b)"
    r"(?:[a-z][\w'’-]*|\d+)\s+){0,3}(?:villages?|towns?|city|cities|districts?|neighbou?rhoods?|settlements?|hamlets?|"
    r"kibbutz|moshav|townships?|junction|port)\s+"  # control11
    r"(?:of|including|such\s+as|namely)\s+(?:the\s+)?", re.IGNORECASE)


def _named_as_settlements(text: str, trigger: Trigger, reading: _Reading) -> bool:
    """"took villages including Bashkuwi and Sifat", "took the villages of A and B": the
    object's head noun makes the names after it places, known to a gazetteer or not."""
    if trigger.form != "active":
        return False
    if all(p.start == p.end == trigger.end for p in reading.places) and _THOSE_VILLAGES.match(text[trigger.end:trigger.end + 40]):
        return True  # "took those villages": the names the text listed after "the villages of" (control10b)
    return _SETTLEMENT_HEAD.fullmatch(text[trigger.end:reading.places[0].start]) is not None


_AND_BEFORE = re.compile(r"\band\s+(?:then\s+|later\s+|finally\s+|eventually\s+)?$")
_NEW_CLAUSE = re.compile(r"[.;:()]|,\s*(?:who|which|that|after|while|as|when|but)\b|\b(?:after|while|when|because|before|who|which|that|said|says)\b")


def _agent_of_coordinated_verb(text: str, reading: _Reading, trigger: Trigger) -> bool:
    """"IS fighters planted their flags on its eastern side and entered Kobane": a weak
    verb joined by "and" to an earlier verb of the same clause has that verb's subject;
    no other actor and no clause break stands between them."""
    agent = reading.agent
    if agent is None or agent.end > trigger.start or trigger.start - agent.end > 120:
        return False
    between = text[agent.end:trigger.start]
    return (_AND_BEFORE.search(between) is not None and _NEW_CLAUSE.search(between) is None
            and re.search(r"[A-Za-z]{3,}", between[:-4]) is not None)


# "both", "them", "all of them" after a trigger: the places of the sentence's claims so far.
_BOTH = re.compile(r"\s*(?:both(?:\s+of\s+them)?|them\s+both|all\s+of\s+them)\b(?!\s+(?:out|from|back)\b)", re.IGNORECASE)


def _left_to_the_taker(claims: list[ControlChange]) -> list[ControlChange]:
    """"Government forces left Deir ez-Zor, and the SDF took control of it": the withdrawal's
    winner is the one the same sentence says took the place (helper control6)."""
    takers = {(c.place.place_id or c.place.name): c for c in claims
              if c.change_type in ("capture", "entry") and c.place is not None}
    out = []
    for c in claims:
        taker = takers.get(c.place.place_id or c.place.name) if c.change_type == "withdrawal" and c.place else None
        if taker is not None and taker.new_controller != c.previous_controller:
            c = replace(c, new_controller=taker.new_controller, new_controller_label=taker.new_controller_label)
        out.append(c)
    return out


def _prefer_withdrawal(claims: list[ControlChange]) -> list[ControlChange]:
    """An entry into a place the same sentence says was left is told by the withdrawal."""
    left = {c.place.place_id or c.place.name for c in claims if c.change_type == "withdrawal" and c.place}
    return [c for c in claims if not (c.change_type == "entry" and c.place and (c.place.place_id or c.place.name) in left)]
