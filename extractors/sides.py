"""Sides of a war: which actors fight on which camp, per theatre (``seeds/reference/actors.csv``).

An actor is a side only in the wars it fights in: Russia is on the government's camp in
Syria and the other camp from Ukraine in Ukraine; Ukraine has no side in Syria. Two actors
are ``opposed`` when they share a theatre, stand on different camps in one and on the same
camp in none. ``civilians`` and ``unknown`` are never armed and never opposed.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol, TypeVar

from .reference import load_csv

NOT_ARMED = frozenset({"civilians", "unknown"})


@lru_cache(maxsize=1)
def _sides() -> dict[str, dict[str, str]]:
    """actor id -> {theatre: side}."""
    table: dict[str, dict[str, str]] = {}
    for row in load_csv("actors.csv"):
        if row["theatre"].strip() != "any":
            table.setdefault(row["id"].strip(), {})[row["theatre"].strip()] = row["side"].strip()
    return table


@lru_cache(maxsize=1)
def actor_ids() -> frozenset[str]:
    """Every actor id the reference knows (the dbt seed ``actors`` holds the same)."""
    return frozenset(row["id"].strip() for row in load_csv("actors.csv"))


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in load_csv("actors.csv"):
        labels.setdefault(row["id"].strip(), row["label"].strip())
    return labels


def label_of(actor: str) -> str | None:
    """The actor's label in ``actors.csv`` (its first row's), or None for an unknown id."""
    return _labels().get(actor)


def theatres(actor: str) -> frozenset[str]:
    """The wars ``actor`` fights in."""
    return frozenset(_sides().get(actor, {}))


def side_of(actor: str, theatre: str | None = None) -> str | None:
    """The actor's camp in ``theatre`` (or in its first theatre); None when it has none."""
    sides = _sides().get(actor, {})
    if theatre is not None:
        return sides.get(theatre)
    return next(iter(sides.values()), None)


@lru_cache(maxsize=4096)
def opposed(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` fight on different camps of a war they share."""
    if a in NOT_ARMED or b in NOT_ARMED or a == b:
        return False
    sa, sb = _sides().get(a, {}), _sides().get(b, {})
    shared = sa.keys() & sb.keys()
    if not shared:
        return False
    return all(sa[t] != sb[t] for t in shared)


def allied(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` stand on the same camp of a war they share (or are one)."""
    if a == b:
        return a not in NOT_ARMED
    sa, sb = _sides().get(a, {}), _sides().get(b, {})
    return any(sa[t] == sb[t] for t in sa.keys() & sb.keys())


class _HasActor(Protocol):
    actor_id: str


M = TypeVar("M", bound=_HasActor)


def armed(mentions: Iterable[M]) -> list[M]:
    """The mentions of armed actors (civilians and unknown left out)."""
    return [m for m in mentions if m.actor_id not in NOT_ARMED]


@lru_cache(maxsize=1)
def _camp_leads() -> dict[tuple[str, str], str]:
    """(theatre, side) -> the actor listed first for it in ``actors.csv`` (the camp's lead:
    Russia for Russia's camp in Ukraine, the RSF for theirs in Sudan)."""
    leads: dict[tuple[str, str], str] = {}
    for row in load_csv("actors.csv"):
        if row["theatre"].strip() != "any":
            leads.setdefault((row["theatre"].strip(), row["side"].strip()), row["id"].strip())
    return leads


@lru_cache(maxsize=256)
def lead_opponent(actor: str) -> str | None:
    """The lead of the one camp opposed to ``actor`` in every war it fights ("Ukrainian forces
    destroyed 12 tanks": Russia's, though North Korea's troops fight on Russia's camp too);
    None when several camps oppose it."""
    leads = set()
    for other in actor_ids() - NOT_ARMED:
        if opposed(actor, other):
            theatre = min(theatres(actor) & theatres(other))
            leads.add(_camp_leads()[(theatre, _sides()[other][theatre])])
    return leads.pop() if len(leads) == 1 else None
