"""Words that stand for a mention made earlier: "the town", "the city" (the last place
named), "they", "it", "its" (the subject of the clause or of the sentence before)."""
from __future__ import annotations

import re

from ..actors import ActorMention
from ..claims import Place
from ..context import SentenceContext
from ..places import find_places
from .agents import _AIR_ONLY, _actors
from .triggers import PlaceSpan, Trigger
from ..sides import armed as _armed

def _recent_city(ctx: SentenceContext, before: int) -> Place | None:
    """The last city named in this sentence before ``before`` or in the two sentences before."""
    texts = [ctx.text[:before]] + [s.text for s in (ctx.previous(1), ctx.previous(2)) if s is not None]
    for text in texts:
        cities = [m.place for m in find_places(text) if m.place.precision == "place"]
        if cities:
            return cities[-1]
    return None



_THE_TOWN = re.compile(r"\b(?:the|this)\s+(?:town|city|village)\s*$", re.IGNORECASE)


def _anaphoric_subject(ctx: SentenceContext, trigger: Trigger) -> list[PlaceSpan]:
    """"... after the town fell to IS": the place named just before stands for "the town"."""
    m = _THE_TOWN.search(ctx.text[: trigger.start])
    if m is None:
        return []
    place = _recent_city(ctx, m.start())
    return [PlaceSpan(place.name, m.start(), m.end(), place)] if place is not None else []



_PRONOUN_BEFORE = re.compile(r"\b(?:they|it)\s+(?:(?:had|have|has|then|also|later|\w+ly)\s+)?$", re.IGNORECASE)


def _pronoun_subject(ctx: SentenceContext, trigger: Trigger) -> ActorMention | None:
    """The subject of "..., when they captured X": a pronoun right before the trigger
    stands for the first armed actor of the sentence (the main clause's subject), else
    for the first of the previous sentence."""
    text = ctx.text
    if not _PRONOUN_BEFORE.search(text[:trigger.start]):
        return None
    mentions = [m for m in _armed(_actors(text[:trigger.start])) if not _AIR_ONLY.search(m.label)]
    if mentions:
        return mentions[0]
    return None



def _previous_sentence_agent(ctx: SentenceContext) -> ActorMention | None:
    """Subject carried from the previous sentence ("They ...", "its withdrawal")."""
    prev = ctx.previous(1)
    if prev is None:
        return None
    mentions = _actors(prev.text)
    return mentions[0] if mentions else None


