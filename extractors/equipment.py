"""Equipment losses, Oryx style: which equipment was destroyed, damaged, abandoned or captured.

Equipment is recognised with ``seeds/reference/equipment_catalogue.csv`` (models with
their nicknames, plus generic words such as "tanks" or "military truck" that give a
category with model null). The words around it come from ``equipment_vocabulary.yaml``.

For every piece of equipment in a sentence:
1. Umbrella words followed by a list of models ("tanks ..., including the T-72M, T-62")
   give the models only; weapon names used as ammunition ("TOW missiles") are skipped.
2. Status, first that applies: a phrase right after it ("left behind", "also fell into
   their hands", "were destroyed"); an adjective right before it ("blown-up tanks"); the
   nearest status verb before it in the same clause ("The enemy also captured A, B and
   C"); a status carried from an earlier sentence of the paragraph that talks about
   equipment, or from the next one when it says "also captured". No status, no claim.
3. Quantity from the words before it ("a towed M-46 gun" 1, "several" vague, "at least
   one" 1 at_least; plurals without a number stay null).
4. Place: the first place the sentence names, if any.
5. Owner and captor: "left behind by X", an actor named between the verb and the
   equipment ("captured Russian military equipment"), the capturing subject, else the
   article's side that suffered the losses and its opponent.
6. Hedged: "allegedly", "reportedly", "claimed to have" in the sentence flag the row.

Modules: ``equipment_mentions`` (what is named, how many), ``equipment_status`` (what
happened to it), ``equipment_owner`` (whose it was, who took it).
"""
from __future__ import annotations

import re
from dataclasses import replace

from .claims import EquipmentLoss, Place
from .context import SentenceContext
from .equipment_mentions import (  # noqa: F401  (find_equipment: part of this module's interface)
    EquipmentMention, has_stem, instruments, is_agent, is_munition, quantity_of, umbrellas, find_equipment,
)
from .equipment_lists import Item, pronoun_items, share_owners, share_statuses, with_others
from .equipment_owner import owner_and_captor
from .equipment_shapes import ship_nouns
from .equipment_status import about_equipment_before, carried_status, has_own_verb, is_hedged, status_of
from .places import find_places


# ---------------------------------------------------------------- claims

# "posing with captured Humvees and pickup trucks": the status word is an adjective after the
# preposition, and every item of the list after it shares it (equipment10w)
_ADJECTIVE_AFTER_PREPOSITION = re.compile(r"\b(?:with|on|beside|aboard|atop|next\s+to)\s+(?:(?:the|their|its|several|some)\s+)?$",
                                          re.IGNORECASE)


def extract(ctx: SentenceContext) -> list[EquipmentLoss]:
    """Equipment losses the sentence reports (see the module docstring for the rules)."""
    text = ctx.text
    if not has_stem(text):
        return []
    mentions = list(ctx.mentions.equipment)  # the sentence's equipment, found once for every reader
    if not mentions:
        return []
    mentions = with_others(text, mentions)
    pronouns = pronoun_items(text, mentions)  # "badly damaging it": the item named before
    for at, (referent, _) in pronouns.items():
        mentions.append(EquipmentMention("it", at, at + 2, referent.model, referent.category))
    if pronouns:
        mentions.sort(key=lambda mention: mention.start)
    umbrella_starts = umbrellas(text, mentions)
    instrument_starts = instruments(text, mentions)
    place: Place | None | bool = False  # computed lazily
    carried: str | None | bool = False  # computed lazily
    claims: list[EquipmentLoss] = []
    claimed: list[int] = []  # the start of the item of each claim
    items: list[Item] = []
    for mention in mentions:
        if mention.start in umbrella_starts or is_munition(text, mention) or is_agent(text, mention):
            continue
        status, verb_at, after_end = status_of(text, mention)
        if mention.start in pronouns and pronouns[mention.start][1]:
            status, verb_at, after_end = pronouns[mention.start][1], None, mention.end  # "shot it down"
        adjective = status is not None and verb_at is None and after_end is None  # "standing on captured trucks"
        items.append(Item(mention, status, verb_at, after_end, mention.start in instrument_starts, adjective))
    share_statuses(text, items)  # "captured armoured vehicles and artillery pieces"
    # "captured the town with tanks": a means is no loss; but "on board a helicopter that was shot
    # down", "posing with captured artillery pieces, mortars and a truck" (the adjective shared, equipment10w)
    items = [item for item in items if not item.instrument or item.after_end is not None or item.adjective
             or (item.verb_at is not None and _ADJECTIVE_AFTER_PREPOSITION.search(text, 0, item.verb_at))]
    for item in items:
        mention, status, verb_at, after_end = item.mention, item.status, item.verb_at, item.after_end
        if status is None and has_own_verb(text, mention):
            continue
        if status is None and about_equipment_before(text, mention):
            if carried is False:
                carried = carried_status(ctx)
            status = carried or None
        if status is None:
            continue
        referent = pronouns[mention.start][0] if mention.start in pronouns else None
        quantity, qualifier = (1, "exact") if referent else quantity_of(text, mention)
        owner, captor = (owner_and_captor(ctx, referent, status, None, None) if referent
                         else owner_and_captor(ctx, mention, status, verb_at, after_end))
        if place is False:
            place = _place_of(ctx)
        claimed.append(mention.start)
        claims.append(EquipmentLoss(
            article_id=ctx.article.article_id, evidence=ctx.evidence, claimant=ctx.claimant,
            place=place or None,
            claimant_text=ctx.claimant_text, equipment_text=referent.text if referent else mention.text, model=mention.model,
            category=mention.category, status=status, quantity=quantity, qualifier=qualifier,
            owner_actor=owner, captor_actor=captor, hedged=is_hedged(text, max(mention.end, after_end or 0)),
        ))
    by_start = {item.mention.start: item.mention for item in items}
    claims = share_owners(text, claims, [by_start[start] for start in claimed])
    told = {pronouns[start][0].start for start in claimed if start in pronouns}
    if told:  # "struck the frigate X, sinking it": the pronoun tells the item's fate
        claims = [claim for claim, start in zip(claims, claimed) if start not in told]
    return claims


def name_generic_items(losses: list[EquipmentLoss]) -> list[EquipmentLoss]:
    """Article level: "a Russian military helicopter was shot down" and, later, "the Mi-8
    ... was shot down" are one item. A generic item takes the model when the article's
    losses of its category and status name exactly one model, for the same owner."""
    models: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    for loss in losses:
        if loss.model:
            models.setdefault((loss.category, loss.status), set()).add((loss.model, loss.owner_actor))
    out = []
    for loss in losses:
        named = models.get((loss.category, loss.status), set())
        if loss.model is None and len({model for model, _ in named}) == 1 and loss.quantity in (None, 1):
            model, owner = next(iter(named))
            if loss.owner_actor in (None, owner) or owner is None:
                loss = replace(loss, model=model, owner_actor=loss.owner_actor or owner)
        out.append(loss)
    out = _later_fate(out)
    owners: dict[tuple[str, str, str | None], set[str]] = {}
    for loss in out:
        if loss.owner_actor:
            owners.setdefault((loss.category, loss.status, loss.model), set()).add(loss.owner_actor)
    return [  # the same item's owner, told in another sentence
        replace(loss, owner_actor=next(iter(owners[key])))
        if loss.owner_actor is None and loss.model and len(owners.get(key := (loss.category, loss.status, loss.model), ())) == 1
        else loss
        for loss in out
    ]


def _later_fate(losses: list[EquipmentLoss]) -> list[EquipmentLoss]:
    """"The cruiser had been hit" and "the warship sank": one ship, hit then lost. A single
    ship written as "the <ship word>" and damaged is dropped when the article tells exactly
    one ship of its category destroyed (equipment10w)."""
    ships = ship_nouns()
    destroyed: dict[str, set[str]] = {}
    for loss in losses:
        if loss.status == "destroyed" and loss.quantity in (None, 1) and (
                loss.equipment_text.lower() in ships or (loss.model and loss.category == "other")):
            destroyed.setdefault(loss.category, set()).add(loss.model or loss.equipment_text.lower())
    if not destroyed:
        return losses
    return [loss for loss in losses if not (
        loss.status == "damaged" and loss.quantity == 1 and len(destroyed.get(loss.category, ())) == 1
        and (loss.equipment_text.lower() in ships or loss.model in destroyed[loss.category]))]


def _place_of(ctx: SentenceContext) -> Place | None:
    """The first place the sentence names, else the last one the previous sentence of the
    same paragraph names ("... withdrawal from Saraqib. Fighters captured two tanks.")."""
    places = find_places(ctx.text)
    if places:
        return places[0].place
    prev = ctx.previous(1)
    if prev is not None and prev.paragraph == ctx.sentence.paragraph:
        earlier = find_places(prev.text)
        if earlier:
            return earlier[-1].place
    return None
