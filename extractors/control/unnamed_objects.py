"""Objects that name no place: "the central prison", "the city" / "the town" (the place named
before), "those villages" (the list named before), "its southern districts", "retook it"; moved
out of ``arguments.py``, which reads the named objects."""

from __future__ import annotations

import re
from functools import lru_cache

from ..claims import Place
from ..context import SentenceContext
from ..places import resolve_place
from ..mentions.names import PlaceSpan, clean_name as _clean_name, is_actor_name as _is_actor_name
from .anaphora import THE_REGION, _recent_city, recent_region, settlement_of_the_clause
from .triggers import _alternation, _vocab
from .installations import recent_installation
from .groups import _THE_DISTRICT, _counted_group, unnamed_site


def _site_or_city(region: str, start: int, ctx: SentenceContext) -> list[PlaceSpan]:
    """Unnamed objects: "the central prison" as written, "the city" (town, village) as the
    place named just before."""
    sites = _alternation(_vocab()["site_nouns"])
    m = re.match(rf"^\s*(?:(?:parts?|most|much|all)\s+of\s+)?(?:the|an?)\s+((?:[A-Za-z-]+\s+){{0,2}}?({sites}))\b", region)
    if m:
        name = _named_site(ctx.article.text, m.group(2).lower()) or _clean_name(m.group(1)) or m.group(1)
        return [PlaceSpan(name, start + m.start(1), start + m.end(1), resolve_place(name))]
    earlier = [ctx.text[:start]] + [s.text for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None]
    installation = recent_installation(region, start, earlier)
    if installation:  # "its fighters had taken the camp": the camp named before
        return installation
    part = _the_town_object().match(region)  # "the town", "the battleground city": the place named before
    if part:
        city = _recent_city(ctx, start, part.group(1).split()[-1].lower())
        if city is not None:
            phrase = part.group(1)
            if not re.match(r"the\s", phrase):  # "part of the town": that part of the place named before
                name = re.sub(r"\bthe\s+(?:city|town|village)$", city.name, phrase)
                return [PlaceSpan(name, start, start, Place(name=name, place_id=city.place_id, admin1=city.admin1,
                                                             latitude=city.latitude, longitude=city.longitude,
                                                             precision=city.precision))]
            return [PlaceSpan(city.name, start, start, city)]
    the_region = THE_REGION.match(region)
    if the_region:  # "took control of the region": the region named before (control11)
        place = recent_region(ctx, start)
        if place is not None:
            return [PlaceSpan(place.name, start, start, place)]
    district = _THE_DISTRICT.match(region)
    if district:  # "the capture of the district": the one district the article names
        named = _named_site(ctx.article.text, district.group(1).lower())
        if named is not None:
            return [PlaceSpan(named, start, start, Place(name=named, place_type="neighbourhood"))]
    listed = _THOSE_VILLAGES.match(region)
    if listed:  # "captured those villages": the villages the text listed just before
        return (_recent_list(ctx, start, (listed.group(1) or listed.group(2)).lower())
                or _sentence_settlements(ctx, start))
    group = _counted_group().match(region)
    if group:  # "seized 14 villages", "a string of villages": the phrase as written
        phrase = group.group("phrase")
        return [PlaceSpan(phrase, start + group.start("phrase"), start + group.end("phrase"),
                          Place(name=phrase, place_type="area"))]
    part_of_it = _ITS_PART.match(region)
    if part_of_it:  # "entered its southwestern districts": that part of the town named before
        city = _recent_city(ctx, start)
        if city is not None:
            name = f"{part_of_it.group(1)} of {city.name}"
            return [PlaceSpan(name, start, start, Place(
                name=name, place_id=city.place_id, admin1=city.admin1, latitude=city.latitude,
                longitude=city.longitude, precision=city.precision, place_type="neighbourhood"))]
    if _IT_OBJECT.match(region):  # "before government reinforcements retook it" (control9)
        city = settlement_of_the_clause(ctx, start)
        if city is not None:
            return [PlaceSpan(city.name, start, start, city)]
    return unnamed_site(region, start)  # "seized a hilltop", "control over building blocks"


_IT_OBJECT = re.compile(r"\s*it\b(?!\s+(?:was|is|had|has|would|will|said|says|to|as)\b|['’])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _the_town_object() -> re.Pattern[str]:
    adjectives = _alternation(_vocab()["town_anaphor_adjectives"])
    return re.compile(
        r"^\s*((?:(?:the\s+)?(?:\w+ern\s+)?(?:parts?|most|much|all|half)\s+of\s+|"
        r"(?:its|their)\s+(?:bases|positions|posts|lines)\s+(?:in|around|near|inside)\s+)?"
        rf"the\s+(?:(?:{adjectives})\s+)?(?:city|town|village))\b(?!\s+of\b)")


_THOSE_VILLAGES = re.compile(
    r"^\s*(?:(?:those|these|both|the\s+(?=two|three|four|five|six|\d))\s*(?:(?:two|three|four|five|six|\d+)\s+)?"
    r"(villages|towns|neighbou?rhoods|districts)\b|the\s+(villages|towns)\b(?!\s+(?:of|in|near|around|north|south|east|west)\b))",
    re.IGNORECASE)


def _recent_list(ctx: SentenceContext, before: int, noun: str) -> list[PlaceSpan]:
    """The names the text last listed after "<noun> of" / "<noun> including" ("the
    villages of Akhtarin and Turkmen Bareh"), in this sentence before ``before`` or in the
    three sentences before; offsets are those of the anaphor (``before``)."""
    from .arguments import _names_in, listed  # arguments imports this module
    texts = [ctx.text[:before]] + [s.text for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None]
    head = re.compile(rf"\b{noun}\s+(?:of|including|such\s+as|namely)\s+(?:the\s+)?", re.IGNORECASE)
    for text in texts:
        heads = list(head.finditer(text))
        if not heads:
            continue
        at = heads[-1].end()
        names = _names_in(text[at:at + 300], at)
        if not names or names[0].start != at:
            continue
        return [PlaceSpan(n.name, before, before, n.place) for n in listed(text, names)]
    return []


def _sentence_settlements(ctx: SentenceContext, before: int) -> list[PlaceSpan]:
    """"took A and entered B ..., before troops pushed them out of the towns": the
    settlements this sentence named before the plural anaphor, when two or more (control8)."""
    from .anaphora import _settlements
    found = sorted(_settlements(ctx.text, ctx.mentions, before), key=lambda m: m.start)
    return [PlaceSpan(m.name, before, before, m.place) for m in found] if len(found) >= 2 else []


_ITS_PART = re.compile(
    r"^\s*(?:its|their)\s+((?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
    r"(?:districts?|neighbou?rhoods?|outskirts|suburbs|quarters?|centre|center|parts?))\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _named_site(article: str, noun: str) -> str | None:
    """The one named site of kind ``noun`` the article gives ("the Shaar gas field" for
    "a gas field"); None when it names none or several."""
    pattern = re.compile(rf"\b((?:[A-Z][\w'’-]*\s+)+){re.escape(noun)}\b")
    names: set[str] = set()
    for m in pattern.finditer(article):
        cleaned = _clean_name(m.group(1).strip())
        if cleaned and not _is_actor_name(cleaned):
            names.add(f"{cleaned} {noun}")
    return names.pop() if len(names) == 1 else None
