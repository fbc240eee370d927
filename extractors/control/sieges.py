"""Sieges told as a state with its start (helper control5): "The opposition-held east has
been effectively under siege since July 7 when government forces advanced within firing
range of the sole remaining route in", "El Fasher has been under siege since May, when the
RSF closed the last road": the besieger is the actor before "siege" ("under RSF siege"),
else the armed actor of the clause that dates it ("when government forces ..."); the
place is the subject, a name or the part of a city ("the opposition-held east")."""
from __future__ import annotations

import re

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
