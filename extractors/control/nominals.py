"""Noun triggers' helpers (helper control4): the "gains ... including A and B" list pattern
and possessors ("the RSF's seizure of")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import alternation
from .frames import vocabulary


@lru_cache(maxsize=1)
def _nominal_list() -> re.Pattern[str]:
    """"The gains ... including the towns of A and B": tried apart, only in sentences that
    hold one of the nouns and "includ" (the pattern would otherwise run at every "the")."""
    nouns = alternation(vocabulary()["nominal_lists"])
    return re.compile(
        rf"\b(?:the|their|its|these)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{nouns})\s+"
        r"(?:[^.;()]{0,100}?\s)?(?:including|include|includes|included)\s+(?:the\s+)?"
        r"(?:(?:towns?|villages?|cities|city|districts?|neighbou?rhoods?|areas?)\s+(?:of\s+)?)?", re.IGNORECASE)


def _possessor(word: str) -> bool:
    """Does ``word`` ("RSF's", "regimes") name an armed actor as a possessor?"""
    from ..actors import resolve_actor  # late: the actor tables are only needed here
    from ..sides import NOT_ARMED
    bare = re.sub(r"(?:['’]s|s['’]?)$", "", word.strip("\"“”"))
    actor = resolve_actor(word) or resolve_actor(bare)
    return actor is not None and actor not in NOT_ARMED


@lru_cache(maxsize=1)
def _judging_verb_before() -> re.Pattern[str]:
    from ..reference import load_yaml
    from .frames import inflections
    forms = {f for lemma in load_yaml("control_frames.yaml").get("judging_lemmas", ()) for f in inflections(lemma)}
    words = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<![\w-])(?:{words})\s+(?:(?:also|again|repeatedly|publicly)\s+)?$", re.IGNORECASE)


def judged_nominal(text: str, start: int) -> bool:
    """"Congo's army called the capture of Bunagana an invasion": the noun trigger at
    ``start`` is the object of a judging verb (``judging_lemmas``), whose subject did not take
    the place (helper control9)."""
    return _judging_verb_before().search(text, max(0, start - 40), start) is not None


# Between a noun trigger's place and its "by"/"to": where the place lies (", in Hama
# province,", " near Y", " in the east") (helper control10f).
_WHERE_BEFORE_BY = re.compile(
    r"(?:\s*,[^,.;]{1,60},|\s+(?:near|outside|in|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?[^,.;]{1,40}?)?\s*(?P<prep>by|to)\s",
    re.IGNORECASE)


def agent_preposition_after(text: str, end: int) -> tuple[str, int] | None:
    """("by" or "to", the offset right after it) when the agent's preposition follows the
    place ending at ``end``, past a locative or an appositive: "the capture of X, in Hama
    province, by Y", "the fall of the village of X near Z to Y"."""
    m = _WHERE_BEFORE_BY.match(text, end)
    return (m.group("prep").lower(), m.end("prep")) if m else None
