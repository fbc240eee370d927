"""Totals and their parts: "826 people have been killed ..., among them 111 civilians".

A part stated with its total (``casualties.read_figures`` finds which count a part breaks
down) gets ``part_of`` = the total's claim id. A "people" total whose parts name civilians
or combatants is a mixed total (victim ``all``), never civilians: otherwise 826 "people"
and 111 civilians would both count as civilians. Across sentences, a "people" toll whose
parts (combatants among them) add up to it in the same or the next sentence is a mixed
total too, and those parts point at it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from . import casualty_lowered
from .claims import CasualtyClaim

_PEOPLE_WORDS = frozenset({"people", "persons", "individuals"})
_INCLUDING_CIVILIANS = casualty_lowered.compile(  # "800 people, including 111 civilians", "270 people dead including soldiers"
    r"\b(?:people|persons|individuals)\b[^.;]{0,15}?\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom)\s+"
    r"(?:(?:at\s+least\s+|some\s+|about\s+)?[\w,]+\s+)?(?:civilians|soldiers|fighters|troops|militiamen|rebels|"
    r"militants|gunmen|members|policemen|combatants)\b")


def people_total(claim: CasualtyClaim) -> bool:
    """A "people" figure: "people", "Syrian people", "individuals" (the head noun decides),
    read as civilians or already as a mixed toll."""
    words = (claim.victim_label or "").lower().split()
    return claim.victim_actor in ("civilians", "all") and bool(words) and words[-1] in _PEOPLE_WORDS


def _two_sides(claim: CasualtyClaim, parts: list[CasualtyClaim]) -> bool:
    """"218 fighters, including 134 from the SNA and 84 from the SDF": combatants of no named
    side whose parts are two sides are a mixed total."""
    if claim.victim_actor != "unknown" or claim.victim_type != "combatant":
        return False
    return len({p.victim_actor for p in parts if p.victim_actor not in ("unknown", "all")}) >= 2


def _sets_apart(part: CasualtyClaim) -> bool:
    """A part that tells the total's people apart: combatants, or civilians by that word
    (children or women among "people" leave the people civilians)."""
    return part.victim_type == "combatant" or "civilian" in (part.victim_label or "").lower()


def link_parts(claims: list[CasualtyClaim], starts: list[int], total_starts: list[int | None]) -> list[CasualtyClaim]:
    """One sentence's claims (with each figure's count start and its total's count start):
    mixed totals decided first, then every part pointed at its total's claim id."""
    parts: dict[int, list[CasualtyClaim]] = defaultdict(list)
    for claim, total in zip(claims, total_starts):
        if total is not None:
            parts[total].append(claim)
    decided = [
        replace(claim, victim_actor="all", victim_type="mixed")
        if (people_total(claim) and any(_sets_apart(p) for p in parts.get(start, ()))) or _two_sides(claim, parts.get(start, ()))
        else claim
        for claim, start in zip(claims, starts)
    ]
    by_start = dict(zip(starts, decided))
    return [
        replace(claim, part_of=by_start[total].claim_id)
        if total is not None and total in by_start and by_start[total] is not claim else claim
        for claim, total in zip(decided, total_starts)
    ]


def mixed_totals(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Article level: a "people" toll is a mixed total, not civilians, when the sentence
    says it includes civilians ("800 people, including 111 civilians") or when its parts,
    combatants among them, add up to it in the same or the next sentence ("at least 212
    people ... The toll includes 98 fighters of HTS, 61 soldiers and 53 civilians"); those
    parts then point at it. Ids that change with the victim are followed by ``part_of``."""
    by_sentence: dict[int, list[CasualtyClaim]] = {}
    for claim in claims:
        by_sentence.setdefault(claim.evidence.start, []).append(claim)
    starts = sorted(by_sentence)
    renamed: dict[str, str] = {}
    part_of: dict[int, str] = {}  # id() of a part -> its total's new claim id
    out = []
    for claim in claims:
        parts = _mixed_total_parts(claim, by_sentence, starts)
        if parts is not None:
            new = replace(claim, victim_actor="all", victim_type="mixed")
            renamed[claim.claim_id] = new.claim_id
            for part in parts:
                if part.part_of is None:
                    part_of[id(part)] = new.claim_id
            claim = new
        out.append(claim)
    return [
        replace(c, part_of=part_of.get(id(original)) or renamed.get(c.part_of or "", c.part_of))
        if id(original) in part_of or (c.part_of in renamed) else c
        for c, original in zip(out, claims)
    ]


def _mixed_total_parts(claim: CasualtyClaim, by_sentence: dict[int, list[CasualtyClaim]],
                       starts: list[int]) -> list[CasualtyClaim] | None:
    """The parts that make ``claim`` a mixed total ([] when the sentence alone says so), or
    None when it is not one."""
    if not people_total(claim):
        return None
    if _INCLUDING_CIVILIANS.search(claim.evidence.text):
        return []
    if claim.count.best is None:
        return None
    at = starts.index(claim.evidence.start)
    for parts in (by_sentence[s] for s in starts[at:at + 2]):
        parts = [p for p in parts if p is not claim and p.outcome == claim.outcome and p.count.best]
        if any(p.victim_type == "combatant" for p in parts):
            subset = _summing_subset(parts, claim.count.best)
            if subset:
                return subset
    return None


def _summing_subset(parts: list[CasualtyClaim], total: int) -> list[CasualtyClaim]:
    """Some of ``parts`` (at least two) whose counts add up to ``total``, or []."""
    parts = parts[:8]
    for mask in range(1, 1 << len(parts)):
        if bin(mask).count("1") >= 2:
            chosen = [p for i, p in enumerate(parts) if mask >> i & 1]
            if sum(p.count.best or 0 for p in chosen) == total:
                return chosen
    return []



def where_told(claims: list) -> dict[str, tuple]:
    """Each claim's id -> where and what it tells (evidence span, outcome, count): what stays
    when an article-level pass renames a figure's victims and so changes its id."""
    return {c.claim_id: (c.evidence.start, c.evidence.end, c.outcome, c.count.low, c.count.best) for c in claims}


def followed_totals(claims: list, told: dict[str, tuple]) -> list:
    """Parts keep their total through the article-level passes: a ``part_of`` whose id no
    claim carries any more ("55 wounded, including nine women", the total renamed civilians
    by ``casualty_restated.civilian_article``) points at the one claim told where and as the
    old total was; with none, or several, the part stands alone (``part_of`` empty) rather
    than point at nothing."""
    ids = {c.claim_id for c in claims}
    if all(c.part_of is None or c.part_of in ids for c in claims):
        return claims
    now: dict[tuple, list[str]] = defaultdict(list)
    for claim_id, where in where_told(claims).items():
        now[where].append(claim_id)
    out = []
    for c in claims:
        if c.part_of is not None and c.part_of not in ids:
            found = now.get(told.get(c.part_of), [])
            c = replace(c, part_of=found[0] if len(found) == 1 else None)
        out.append(c)
    return out
