"""One toll told twice: a headline or a lead that gives a figure without its victims ("At
least 11 dead in market air strike", "the blast killed 47") and a sentence of the same
article that gives the same figure with them ("11 civilians ... were killed", "47 leaders of
Ahrar al-Sham killed"). The unnamed figure is the same fact, so it takes the victims the
article names for it; left as a mixed total it would be a second, wrong reading of the toll.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import numbers

from .casualty_links import people_total
from .casualty_vague import only_figure
from .casualty_owner import others_of_one
from .claims import CasualtyClaim


def _unnamed(claim: CasualtyClaim) -> bool:
    """A figure whose sentence names no victims (a bare toll, or a capitalised run-on in an
    unpunctuated headline that no table knows, read as an unknown group)."""
    if claim.victim_actor == "all" and claim.victim_label is None:
        return True
    return claim.victim_actor == "unknown" and claim.victim_type == "unknown"


def _framed(claim: CasualtyClaim) -> bool:
    """A figure whose victims are a bare hostile framing ("48 terrorists") left generic."""
    from .casualty_victims import Victim, is_framing
    return claim.victim_actor == "opposition" and is_framing(Victim(claim.victim_actor, claim.victim_label, claim.victim_type))


def _names_victims(claim: CasualtyClaim) -> bool:
    return claim.victim_actor not in ("all", "unknown") and claim.victim_type in ("civilian", "combatant")


def _figure(claim: CasualtyClaim) -> tuple[str, int | None]:
    """Outcome and best count: "At least 19 civilians" restates a headline's "kills 19"."""
    return claim.outcome, claim.count.best


def restated_victims(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Victims, then claimants, of figures the article tells twice (see the steps), after
    "others" that open a sentence are bound to the sentence before; last, wounded without a
    figure give way to a figure for the same victims (``casualty_vague``)."""
    before = others_continue(claims)
    return only_figure(restated_claimants(civilian_article(_follow_in_sentence(before, _restated_victims(before)))))


def civilian_article(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Bare tolls of an article whose every named victim is a civilian ("Islamist rebels kill
    dozens at church vigil", "21 bodies were found", "put the toll at 43, including 19 women
    and nine children"): the victims the article names elsewhere, civilians. One combatant
    named anywhere, fewer than three civilian figures, or parts of its own ("82, including 58
    civilians") keep a toll a mixed total. An attack aimed at civilians by name in a sentence
    of an unnamed toll ("a blast targeting a bus convoy with evacuees") stands for the three
    civilian figures, and then also a toll read as of unknown status is civilians."""
    named = [c for c in claims if _names_victims(c)]
    if any(c.victim_type != "civilian" for c in named):
        return claims
    aimed = _civilian_target(claims)  # "a blast targeting a bus convoy with evacuees": every unnamed toll
    if len(named) < 3 and not aimed:
        return claims
    # "82 including 58 civilians": not all civilians; "43, including 19 women and nine children" says no such thing
    totals = {c.part_of for c in claims if c.part_of and (c.victim_type != "civilian" or "civilian" in (c.victim_label or "").lower())}
    return [replace(c, victim_actor="civilians", victim_type="civilian")
            if ((c.victim_actor == "all" and c.victim_label is None) or (aimed and _unnamed(c)))
            and c.outcome in ("killed", "wounded", "casualties")
            and c.claim_id not in totals else c for c in claims]


def _civilian_target(claims: list[CasualtyClaim]) -> bool:
    """An attack the article's figures tell of was aimed at civilians by name ("a blast
    targeting a bus convoy with evacuees", "an air strike on a crowded market"): with no
    combatant named among the victims anywhere, its bare tolls are civilians."""
    from .casualty_cues import cues
    pattern = cues()["civilian_attack"]
    return any(pattern.search(c.evidence.text) for c in claims if c.victim_label is None and c.victim_type != "combatant")


_OTHERS = re.compile(r"\s+(?:others|other\s+people|more)\b", re.IGNORECASE)


def _counts_others(claim: CasualtyClaim) -> bool:
    """The figure's count is followed by "others" ("21 others died") in its sentence."""
    text = claim.evidence.text
    return any(m.count.best == claim.count.best and _OTHERS.match(text, m.end) for m in numbers.find_counts(text))


def others_continue(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """"As well as the 10 civilians killed on the bus ... 21 others died": "others" with no
    group of their own continue the victims of the sentence right before, when that
    sentence's figures name one group only."""
    starts = sorted({c.evidence.start for c in claims})
    by_start: dict[int, set[tuple[str, str, str | None]]] = {}
    for claim in claims:
        by_start.setdefault(claim.evidence.start, set()).add((claim.victim_actor, claim.victim_type, claim.victim_label))
    out = []
    for claim in claims:
        at = starts.index(claim.evidence.start)
        if claim.victim_actor == "all" and claim.victim_label is None and at and _counts_others(claim) \
                and others_of_one(claim) is None:  # "A crew member died ... and two others": that one's people
            earlier = by_start[starts[at - 1]]
            if len({actor for actor, _, _ in earlier}) == 1:
                actor, kind, label = sorted(earlier, key=str)[0]
                if actor not in ("all", "unknown"):
                    claim = replace(claim, victim_actor=actor, victim_type=kind, victim_label=claim.victim_label)
        out.append(claim)
    return out


def restated_claimants(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Article level: a figure with no source of its own (a headline, a lead written before
    the attribution: "Strike kills 15 including 4 children in Idlib") takes the source the
    article gives for the same figure elsewhere (same outcome, count and victims), when every
    such statement gives the same one; else the source that gives most of the article's
    figures. "By whose count" stays empty when sources disagree or tie."""
    sources: dict[tuple, set[tuple[str, str | None]]] = {}
    for claim in claims:
        if claim.claimant:
            sources.setdefault(_told(claim), set()).add((claim.claimant, claim.claimant_text))
    if not sources:
        return claims
    only_one = _dominant(claims)
    out = []
    for claim in claims:
        found = sources.get(_told(claim)) if not claim.claimant else None
        if found and len({name for name, _ in found}) == 1:
            name, words = sorted(found, key=str)[0]
            claim = replace(claim, claimant=name, claimant_text=words)
        elif not claim.claimant and only_one and not claim.is_background:
            claim = replace(claim, claimant=only_one[0], claimant_text=only_one[1])
        out.append(claim)
    return out


def _dominant(claims: list[CasualtyClaim]) -> tuple[str, str | None] | None:
    """(claimant, words) of the source that gives most of the article's casualty figures (its
    first words for it), when one source gives more than any other: the source a lead or a
    headline written before any attribution goes back to."""
    tally: dict[str, int] = {}
    words: dict[str, str | None] = {}
    for claim in claims:
        if claim.claimant and not claim.is_background:
            tally[claim.claimant] = tally.get(claim.claimant, 0) + 1
            words.setdefault(claim.claimant, claim.claimant_text)
    ranked = sorted(tally.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0], words[ranked[0][0]]


def _told(claim: CasualtyClaim) -> tuple:
    return (claim.outcome, claim.count.low, claim.count.best, claim.victim_actor)


def _restated_victims(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Article level: an unnamed figure takes the victims of the article's named figures with
    the same outcome and count, when they all name the same victims; ``part_of`` links that
    pointed at a renamed claim follow its new id."""
    named: dict[tuple[str, int | None], set[tuple[str, str, str | None]]] = {}
    for claim in claims:
        # a mixed group in words ("270 soldiers, guards and staff") is one more reading of its figure
        if ((_names_victims(claim) or (claim.victim_actor == "all" and claim.victim_label))
                and not claim.is_background and claim.count.best is not None):
            named.setdefault(_figure(claim), set()).add((claim.victim_actor, claim.victim_type, claim.victim_label))
    with_parts = {c.part_of for c in claims if c.part_of}
    mixed = {_figure(c) for c in claims if c.victim_actor == "all" and c.claim_id in with_parts}
    if not named and not mixed:
        return claims
    renamed: dict[str, str] = {}
    out = []
    for claim in claims:
        victims = named.get(_figure(claim)) if _unnamed(claim) else None
        if _framed(claim) or (claim.victim_actor == "unknown" and claim.victim_type == "combatant"):
            # "48 terrorists" told again as "48 ISIL terrorists", "Execute 70 Members" as "70 of
            # its own members": that group
            victims = {v for v in named.get(_figure(claim), ()) if v[1] == "combatant" and v[0] != "opposition"}
        new = None
        if victims and len({actor for actor, _, _ in victims}) == 1:
            actor, kind, label = sorted(victims, key=str)[0]
            new = replace(claim, victim_actor=actor, victim_type=kind, victim_label=label)
        elif _figure(claim) in mixed and people_total(claim):
            # "at least 20 people, including 10 civilians" made the toll mixed: the same
            # "20 people" told again elsewhere is that mixed toll, not 20 civilians
            new = replace(claim, victim_actor="all", victim_type="mixed")
        if new is not None:
            renamed[claim.claim_id] = new.claim_id
            claim = new
        out.append(claim)
    if not renamed:
        return out
    return [replace(c, part_of=renamed[c.part_of]) if c.part_of in renamed else c for c in out]


def _follow_in_sentence(before: list[CasualtyClaim], after: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """A figure of the same sentence read with the same victims as one that was renamed
    ("killing 31 jihadists and wounding dozens of them", the 31 named IS by the headline;
    "killing 15 and injuring dozens of them", the 15 named terrorists) is the same group with
    another outcome: it takes the new victims too. ``after`` is ``before`` renamed, item by item."""
    renamed: dict[tuple[int, str, str | None], set[tuple[str, str, str | None]]] = {}
    for old, new in zip(before, after):
        if (old.victim_actor, old.victim_label) != (new.victim_actor, new.victim_label):
            renamed.setdefault((old.evidence.start, old.victim_actor, old.victim_label), set()).add(
                (new.victim_actor, new.victim_type, new.victim_label))
    if not renamed:
        return after
    out, moved = [], {}
    for old, new in zip(before, after):
        victims = renamed.get((old.evidence.start, old.victim_actor, old.victim_label))
        if new is old and victims and len(victims) == 1:
            actor, kind, label = next(iter(victims))
            new = replace(old, victim_actor=actor, victim_type=kind, victim_label=label)
            moved[old.claim_id] = new.claim_id
        out.append(new)
    return [replace(c, part_of=moved[c.part_of]) if c.part_of in moved else c for c in out]
