"""Sieges told as a state with its start (helper control5): "The opposition-held east has
been effectively under siege since July 7 when government forces advanced within firing
range of the sole remaining route in", "El Fasher has been under siege since May, when the
RSF closed the last road": the besieger is the actor before "siege" ("under RSF siege"),
else the armed actor of the clause that dates it ("when government forces ..."); the
place is the subject, a name or the part of a city ("the opposition-held east")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorMention
from ..context import SentenceContext
from ..sides import NOT_ARMED
from .anaphora import compass_part
from .arguments import _passive_subject
from .triggers import Trigger
from .voices import _Reading, _controller_before_control

_HEAD = re.compile(r"under\s+(?:the\s+|a\s+)?(?:full\s+|total\s+|complete\s+)?", re.IGNORECASE)
# The clause that dates the siege and names who laid it: "since July 7 when government forces".
_DATING_CLAUSE = re.compile(r"[^.;]{0,40}?\b(?:when|after|as)\s+", re.IGNORECASE)


def read_under_since(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"X has been under Y control (siege) since DATE": Y's capture (encirclement) of X."""
    text = ctx.text
    siege = "siege" in text[trigger.start:trigger.end].lower()
    head = _HEAD.match(text, trigger.start)
    actor = _controller_before_control(text, head.end(), "siege" if siege else "control")
    if actor is None and siege:
        actor = _dating_clause_actor(ctx, trigger.end)
    places = _passive_subject(text, trigger) or (_compass_subject(ctx, trigger) if siege else [])
    if actor is None or not places:
        return None
    holder = holder_of_subject(ctx, places) if siege else None
    return _Reading(tuple(places), "encirclement" if siege else "capture", actor, holder)


def _dating_clause_actor(ctx: SentenceContext, end: int) -> ActorMention | None:
    """The first armed actor of a "when/after" clause right after the date of "since"."""
    clause = _DATING_CLAUSE.match(ctx.text, end)
    if clause is None:
        return None
    for m in ctx.mentions.actors_in(clause.end(), min(len(ctx.text), clause.end() + 40)):
        if m.actor_id not in NOT_ARMED:
            return ActorMention(m.label, m.actor_id, clause.end() + m.start, clause.end() + m.end)
    return None


def _compass_subject(ctx: SentenceContext, trigger: Trigger):
    """"The opposition-held east has been ... under siege": that part of the city named last."""
    before = ctx.text[:trigger.start]
    subject = re.match(r"^\s*(?=the\s)", before, re.IGNORECASE)
    if subject is None:
        return []
    return compass_part(ctx, subject.end())


# A name owning a road: "cut off IS's main access route to ...", "cut off the Kurds' supply line".
_ROAD_AFTER = re.compile(
    r"^(?:['’]s?|s['’]?)?\s+(?:(?:main|only|last|key|vital|access|supply|resupply|remaining)\s+){0,3}"
    r"(?:route|road|line|artery|corridor|lifeline|supplies)s?\b", re.IGNORECASE)


def owned_road(text: str, span) -> bool:
    """True when the name heads a road rather than being the place cut off."""
    return _ROAD_AFTER.match(text[span.end:]) is not None


def holder_of_subject(ctx: SentenceContext, places) -> ActorMention | None:
    """"The opposition-held east": the side holding a besieged subject (its previous controller)."""
    from .agents import _held_by
    return _held_by(ctx.text, 0, places[0].start) if places else None


# The last road into a place as the object of a capture: "seized control of the last supply
# route into rebel-held areas", "gained control of all the roads leading to Tabqa", "took
# parts of the only remaining supply route into eastern Aleppo": the place is encircled.
_ROAD_OBJECT = re.compile(
    r"\s*(?:(?:parts?|sections?|most|much|all)\s+of\s+)?(?:the|its|their|all\s+the|all)\s+"
    r"(?:(?:(?:last|only|sole|remaining)\s+){1,2}(?:(?:main|key|vital|major)\s+)?(?:(?:supply|access|resupply)\s+)?|"
    r"(?:main|key|vital)\s+(?:supply|resupply)\s+)"  # "the last road", "the only remaining route", "the main supply route"
    r"(?:routes?|roads?|lifelines?|arter(?:y|ies)|corridors?|highways?|lines?)\s+"
    r"(?:(?:in|out|going|leading)\s+)?(?:into|to|of|leading\s+to|linking|serving)\s+", re.IGNORECASE)
_ALL_ROADS = re.compile(r"\s*all\s+(?:of\s+)?the\s+(?:(?:supply|access|main)\s+)?(?:routes|roads|supply\s+lines)\s+"
                        r"(?:leading\s+to|into|to)\s+", re.IGNORECASE)


def road_object_end(text: str, trigger: Trigger) -> int | None:
    """Offset after "the last supply route into" when a capture's object is the last road
    into a place (the place follows); None otherwise."""
    if trigger.form != "active" or trigger.change != "capture":
        return None
    m = _ROAD_OBJECT.match(text, trigger.end) or _ALL_ROADS.match(text, trigger.end)
    return m.end() if m else None


def read_left_encircled(ctx: SentenceContext, trigger: Trigger) -> _Reading | None:
    """"The advance leaves the opposition-held east of the city cut off", "the offensive left
    Avdiivka almost encircled": the place after "leaves" is encircled by the actor of the
    clause, else by the armed subject of the sentence before (who made "the advance")."""
    from .agents import _agent_before
    from .arguments import _object_places
    from .voices import _previous_armed_subject
    places, _ = _object_places(ctx.text, trigger.end, ctx)
    places = places or compass_part(ctx, trigger.end)
    if not places:
        return None
    agent = _agent_before(ctx.mentions, trigger.start, ctx.text[trigger.start:trigger.end]) or _previous_armed_subject(ctx)
    return _Reading(tuple(places), "encirclement", agent, holder_of_subject(ctx, places))


@lru_cache(maxsize=1)
def _enemy_after_of() -> str:
    from ..reference import load_yaml
    enemies = "|".join(re.escape(e) for e in sorted(load_yaml("control_frames.yaml")["cleared_of"]["enemies"], key=len, reverse=True))
    return rf"\s+of\s+(?:all\s+)?(?:the\s+)?(?:(?:remaining|last|armed|[A-Z][\w-]*)\s+){{0,2}}(?:{enemies})\b"


@lru_cache(maxsize=1)
def cleared_of_pattern() -> str:
    """Trigger pattern of "cleared PLACE of militants" and "declared PLACE free of terrorists"
    (``cleared_of`` in ``control_frames.yaml``, every verb form generated): the trigger is
    the verb; the place follows it (helper control5)."""
    from ..reference import load_yaml
    from .frames import inflections
    frame = load_yaml("control_frames.yaml")["cleared_of"]
    clear = "|".join(f for lemma in frame["verbs"] for f in inflections(lemma))
    declare = "|".join(f for lemma in frame["declare_verbs"] for f in inflections(lemma))
    states = "|".join(frame["declared_states"])
    enemies = "|".join(re.escape(e) for e in sorted(frame["enemies"], key=len, reverse=True))
    enemy = _enemy_after_of()
    taken = "|".join(frame["declared_taken_states"])
    return (rf"(?<![\w-])(?:(?:{clear})\s+(?=[^.;,]{{2,60}}?{enemy})|"
            rf"(?:{declare})\s+(?=[^.;,]{{2,60}}?\s+(?:completely\s+|fully\s+|entirely\s+)?(?:{states}){enemy})|"
            rf"(?:{declare})\s+(?={_DECLARED_NAME}\s+(?:completely\s+|fully\s+|entirely\s+)?(?:{taken})\b))")


# The object of "declared X liberated" (control9b): a name, or "the town of" a name; a
# name is capitalised words, with "al-" / "el-" / "ez-" particles ("Deir ez-Zor").
_DECLARED_NAME = (r"(?:the\s+(?:[a-z]+\s+)?(?:town|city|village|district|neighbou?rhood|area)\s+of\s+)?"
                  r"[A-Z][\w'’-]*(?:\s+(?:(?:al|el|ez|as|ad|ar|an|ash)-)?[A-Z][\w'’-]*){0,3}")


def cleared_region_end(text: str, trigger: Trigger) -> int:
    """Where the place of "cleared PLACE of ..." ends: before " of" / " free of"."""
    m = re.search(r"\s+(?:(?:completely|fully|entirely)\s+)?(?:(?:free|clear|cleared|cleansed)\s+)?(?=" + _enemy_after_of() + ")",
                  text[trigger.end:])
    if m is None:  # "declared the town of X liberated" (control9b)
        m = _declared_state().match(text, trigger.end)
        return m.end(1) if m else len(text)
    return trigger.end + m.start()


@lru_cache(maxsize=1)
def _declared_state() -> re.Pattern[str]:
    from ..reference import load_yaml
    taken = "|".join(load_yaml("control_frames.yaml")["cleared_of"]["declared_taken_states"])
    return re.compile(rf"({_DECLARED_NAME})\s+(?:completely\s+|fully\s+|entirely\s+)?(?:{taken})\b")


_SUPPLY_WORD = re.compile(r"\b(?:supply|resupply|last|only|sole|remaining|lifeline)\b", re.IGNORECASE)
_ROAD_CUT = re.compile(r"\b(?:routes?|roads?|lifelines?|artery|corridor|highway|lines?)\s+to$", re.IGNORECASE)


def road_to_needs_supply(text: str, trigger: Trigger) -> bool:
    """"cut the road to X" besieges X only as its supply line ("severing the supply route to
    the opposition-held east", "cut the only road to"); "cutting the highway to Damascus" does
    not: True when such a cut lacks a supply word."""
    words = text[trigger.start:trigger.end]
    return (trigger.form == "active" and trigger.change == "encirclement" and _ROAD_CUT.search(words) is not None
            and _SUPPLY_WORD.search(words) is None)
