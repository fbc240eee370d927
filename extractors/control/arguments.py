"""The place arguments of a control trigger: its object ("seized A, B and the town of
C"), its passive subject ("Hama, in central Syria, was captured by"), territory phrases
("18 villages in Hama province") and unnamed sites ("the central prison")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorMention
from ..claims import Place
from ..context import SentenceContext
from ..geo.country import is_country_name
from ..places import resolve_place
from ..mentions.names import PlaceSpan
from ..mentions.names import names_in as _all_names_in
from .triggers import _DAYS_MONTHS, Trigger, _alternation, _vocab
from .installations import object_installation
from .groups import _A_PART_IN, _counted_group, is_counted_group
from .positions import numbered_positions
from .unnamed_objects import _named_site, _site_or_city

# ---------------------------------------------------------------- places

_HOLD_IN = re.compile(r"^\s*(?:their|its|the)\s+(?:last\s+)?(?:foothold|bridgehead|presence|grip|hold)\s+(?:in|on)\s+"
                      r"the\s+(?:village|town|city)\s+of\s+$", re.IGNORECASE)
_COMPASS = re.compile(r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?", re.IGNORECASE)


# After a name: an adjective made of it ("UAE-flagged", "Iran-backed") or "state capital"
# (the capital of that state, another town the name does not give) (helper control6).
_NOT_THE_PLACE_AFTER = re.compile(r"-[a-z]|\s+(?:state|provincial|province|regional|region)(?:'s)?\s+capital\b", re.IGNORECASE)
_TITLE_WORD = re.compile(r"\s(?:From|In|Near|To|After|On|At|And|With|By|Over|Into|As|For|Amid|Outside|Around)\s")
_TITLE_HEAD = re.compile(r"\s+(?:Town|City|Village|District|Area)\s+of\b")


@lru_cache(maxsize=1)
def _thing_after() -> re.Pattern[str]:
    """After a name: a noun that makes it a thing's or a person's ("a Marchetti attack plane",
    "Machar's house"), with up to two words between (``thing_nouns``; control8)."""
    nouns = _alternation(_vocab()["thing_nouns"])
    modifier = r"(?!(?:from|to|in|into|of|by|the|a|an|and|or|on|at|after|before|with|near|for)\b)[\w-]+\s+"
    return re.compile(rf"(?:['’]s)?\s+(?:{modifier}){{0,2}}?(?:{nouns})\b", re.IGNORECASE)


def _is_thing(text: str, name: str, end: int) -> bool:
    """A name that owns or names a thing ("Machar's house", "Marchetti attack plane"), or a
    possessive of a country ("eastern Congo's second-largest city"): not the place taken."""
    if name.endswith(("'s", "’s")):
        core = re.sub(r"^(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central)\s+", "", name[:-2], flags=re.IGNORECASE)
        if resolve_place(core).precision == "country" or is_country_name(core):
            return True
        return _thing_after().match(text, end - 2) is not None
    return _thing_after().match(text, end) is not None and resolve_place(name).precision == "unresolved"


# ", the small Black Sea outcrop": a name inside an appositive, modifying its head noun (control9)
_APPOSITIVE_BEFORE = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}$")
_HEAD_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|in|on|at|near|of|from|to|which|that|who|was|were|is|are|has|had|have|by|with|as|after|before|"
    r"town|city|village|district|province|region|governorate|oblast|area|countryside|outskirts|suburbs?|state|county|"
    r"camp|base|airport|border|front|neighbou?rhood|quarter|valley|plain|hills?|mountains?|river)\b)[a-z][\w-]*\b")


def _describes_the_item_before(text: str, start: int, end: int) -> bool:
    """"pulled out of Snake Island, the small Black Sea outcrop": the second name tells what
    the first is; it is not another item of the list."""
    return _APPOSITIVE_BEFORE.search(text, 0, start) is not None and _HEAD_NOUN_AFTER.match(text, end) is not None


_CAPITAL_OF = re.compile(r"\bcapital\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_REGION_AFTER = re.compile(r"\s+(?:state|province|region|governorate|oblast|district)\b", re.IGNORECASE)
_REGION_END = re.compile(r"\s(?:state|province|region|governorate|oblast)$", re.IGNORECASE)  # "the capital of South Kivu province" (control9)


def _names_in(text: str, offset: int) -> list[PlaceSpan]:
    """Proper names read as places, without a bare compass word ("the Northern flank");
    in a headline's title case a name stops at a capitalised preposition ("Palmyra From
    ISIS" is Palmyra) and "Strategic Town of X" is X."""
    out = []
    for n in _all_names_in(text, offset):
        if _COMPASS.fullmatch(n.name) or _NOT_THE_PLACE_AFTER.match(text, n.end - offset):
            continue  # "a UAE-flagged ship", "Sennar state capital" (another town): not the place
        if _is_thing(text, n.name, n.end - offset) or _describes_the_item_before(text, n.start - offset, n.end - offset):
            continue
        if _CAPITAL_OF.search(text, 0, n.start - offset) and (_REGION_AFTER.match(text, n.end - offset) or _REGION_END.search(n.name)):
            continue  # "the capital of Gezira state": the capital, another town, not the state (control8)
        if _OWNER_OF_NAMED_SEAT.match(text, n.end - offset) and n.place.precision == "unresolved":
            continue  # "Tamil Tiger capital Kilinochchi", "Houthi stronghold Saada": the owner, not the place (control10w)
        if len(n.name) == 1 or _ABBREVIATION_AFTER.match(text, n.end - offset):
            continue  # "the U.N.-declared safe area": a letter of an abbreviation (control10w)
        if _TITLE_HEAD.match(text, n.end - offset) and " " not in n.name:
            continue  # "Strategic" of "Strategic Town of Kinsabba"
        cut = _TITLE_WORD.search(n.name)
        if cut:
            name = n.name[:cut.start()]
            n = PlaceSpan(name, n.start, n.start + len(name), resolve_place(name))
        glued = _GLUED_ARTICLE.match(text, n.end - offset) if n.name.count(" ") >= 2 else None
        if glued and n.name.rsplit(" ", 1)[-1] in _vocab()["toponym_heads"]:
            name = n.name + glued.group(0)  # "Tel alKhadar": the article glued to the name (hyphen lost)
            n = PlaceSpan(name, n.start, n.start + len(name), n.place)
        if n.name.count(" ") >= 3 and n.place.place_id is None:
            out.extend(_split_at_heads(n))  # "Beit Khadour Beit Zaifa Tel alKhadar" (control9b)
        else:
            out.append(n)
    return out


_GLUED_ARTICLE = re.compile(r"\s+(?:al|el)[A-Z][\w'’-]*")
# After a name: a seat noun and another name ("Tamil Tiger capital Kilinochchi", "rebels'
# political headquarters Kilinochchi"): the first name owns the seat, the second is the place.
_OWNER_OF_NAMED_SEAT = re.compile(r"(?:['’]s?)?\s+(?:rebels['’]?\s+)?(?:[a-z]+\s+)?(?:capital|stronghold|bastion|heartland|seat)\s+[A-Z]")
_ABBREVIATION_AFTER = re.compile(r"\.[A-Z]")


@lru_cache(maxsize=1)
def _head_split() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in _vocab()["toponym_heads"])
    return re.compile(rf"(?<=\S)\s+(?=(?:{heads})\s)")


def _split_at_heads(n: PlaceSpan) -> list[PlaceSpan]:
    """A run of names without commas, split before each toponym head word, when every
    piece has two words or more; else the run as it was."""
    bounds = [0] + [m.end() for m in _head_split().finditer(n.name)] + [len(n.name) + 1]
    if len(bounds) == 2:
        return [n]
    pieces = [(a, n.name[a:b].rstrip()) for a, b in zip(bounds, bounds[1:])]
    if any(" " not in piece for _, piece in pieces):
        return [n]
    return [PlaceSpan(piece, n.start + a, n.start + a + len(piece), resolve_place(piece)) for a, piece in pieces]


_OBJECT_END = re.compile(
    r"\.(?![\w-])|[;!?()\[\]—]|:\s|\s[-–]\s|,\s+(?:while|but|as|after|before|which|where|when|who|bringing|"
    r"pushing|forcing|killing|leaving|freeing|according|said|says|sources?)\b|"
    r",\s+(?:[\w'’-]+\s+){1,6}?(?:said|says|reported|reports|told|added|announced|claimed)\b|"
    rf"\s(?:after|following|amid|during|due\s+to|as|since|while|because|despite|before|when|"
    rf"on\s+(?:{_DAYS_MONTHS})|last\s+(?:week|month|year|night|weekend|summer|winter|spring|autumn|fall|few|two|three|several|{_DAYS_MONTHS})|earlier|yesterday|today|this\s+week|to\s+(?!the\b)\w+)\b"
)
_LIST_SEP = re.compile(
    r"(?:\s+(?:village|town|city|area|district|neighbo(?:u)?rhood)s?)?\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+(?:and|as\s+well\s+as|&)\s+)"
    r"(?:the\s+)?(?:(?:strategic|key|nearby|neighbouring|neighboring|adjacent|small|large|surrounding|border|frontline|coastal|northern|southern|eastern|western)\s+)*"
    r"(?:(?:town|village|city|hill|area|district|neighbo(?:u)?rhood|base|airport|camp|hub|stronghold|port)s?\s+(?:of\s+)?"
    r"|(?:[a-z][\w'’-]*\s+){0,2}(?:town|village|city|hub|stronghold|bastion|port|suburb|settlement|hamlet|district)s?\s+of\s+)?$",  # "and the hub of Sake" (control10f)
    re.IGNORECASE,
)
_DIRECT_HEAD = re.compile(
    r"^\s*[\"“”']?\s*(?:(?:the\s+(?:entire|whole)(?:\s+of(?:\s+the)?)?|"  # "the entire eastern Ghouta", "the whole of X" (control11)
    r"the|a|an|its|their|most\s+of(?:\s+the)?|much\s+of(?:\s+the)?|all\s+of(?:\s+the)?|"
    r"parts\s+of(?:\s+the)?|large\s+parts\s+of(?:\s+the)?|(?:the\s+)?(?:centre|center|heart)\s+of(?:\s+the)?|"
    r"(?:nearly\s+|almost\s+|about\s+|over\s+|some\s+)?\d+\s*(?:percent|per\s+cent|%)\s+of(?:\s+the)?|"
    r"(?:nearly\s+|almost\s+|about\s+|more\s+than\s+)?(?:half|a\s+third|two-thirds|a\s+quarter|three-quarters)\s+of(?:\s+the)?)\s+)?"  # "seized half of Kobane" (control10f)
    r"(?:(?:(?!(?:in|near|at|on|from|to|outside|around|of)\b)[\"“]?[\w'’.-]+\s+){0,4}[\"“]?(?:city|town|village|capital|stronghold|hub|bastion|district|"
    r"neighbo(?:u)?rhood|base|positions|sites|areas|villages|towns|cities|suburbs|settlements|area|region|"
    r"kibbutz|moshav|hamlet|township|junction|port)[\"”]?\s*(?:of\s+|,\s*|including\s+|"  # "the kibbutz of Be'eri", "the road junction of Awasse" (control11)
    r"such\s+as\s+|namely\s+|(?<=capital)\s+|(?<=city)\s+|(?<=stronghold)\s+|(?<=bastion)\s+)|[\w\s,'’-]{0,40}\b(?:including|such\s+as|namely|among\s+them)\s+(?:the\s+)?|"
    r"[\w'’-]+\s*,\s*|(?:(?:[a-z]+ly\s+)?(?:strategic|key|vital|important|nearby|neighbou?ring|besieged|historic|ancient|"
    r"[a-z]+-(?:held|controlled|dominated|besieged))\s+){1,3})?[\"“”']?\s*$",
    re.IGNORECASE,
)


# "the districts of A, B and C": those districts; not "western districts of X", a part of X (control9)
_THE_DISTRICTS_OF = re.compile(r"^\s*[\"“”']?\s*the\s+(?:districts|neighbou?rhoods)\s+of\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _territory_head() -> re.Pattern[str]:
    nouns = _alternation(_vocab()["territory_nouns"])
    return re.compile(
        rf"^\s*(?:[\w'’,-]+\s+){{0,5}}?(?:{nouns})\b[\w\s,'’-]{{0,40}}?\b"
        r"(?:in|inside|within|of|near|around|across|throughout|outside|between|on\s+the\s+outskirts\s+of|"
        r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+of)?)\s+(?:the\s+)?"
        r"(?:(?:north|south|east|west)(?:ern)?\s+(?:and|or)\s+)?$",
        re.IGNORECASE,
    )


# A short gloss in brackets inside an object ("Hilal al-Dusham (the barricades) and Milad",
# "Telal Hakema ( Hakema hills)"): blanked, offsets kept, so the list goes on after it.
_GLOSS = re.compile(r"\(\s*[A-Za-z][\w'’ -]{0,30}\)")


def _object_places(text: str, start: int, ctx: SentenceContext) -> tuple[list[PlaceSpan], bool]:
    """Places right after a trigger ending at ``start``: the list they form and whether
    they are only where a vague territory lies ("villages in Hama province")."""
    tail = _GLOSS.sub(lambda m: " " * len(m.group()), text[start:start + 220])
    cut = _OBJECT_END.search(tail)
    region = tail[: cut.start()] if cut else tail
    numbered = numbered_positions(region, start)
    if numbered:
        return numbered, False
    glossed = _counted_then_list(tail, cut, start) if cut is not None else []
    if glossed:  # "captured five villages in Kharkiv region - A, B, C, D and E -"
        return glossed, False
    installation = object_installation(region, start)
    if installation:  # "the headquarters of the army's 16th Infantry Division in Nyala"
        return installation, False
    names = _names_in(region, start)
    if not names:
        return _site_or_city(region, start, ctx), False
    head = text[start:names[0].start]
    site = _site_in(head)
    if site is not None:  # "the military academy in Aleppo", "the hills of A and B"
        first = names[0]
        name = text[start + site:first.end]
        more = (listed(tail, [PlaceSpan(n.name, n.start - start, n.end - start, n.place) for n in names])[1:]
                if re.search(r"s\s+of\s+$", head) else [])  # a plural site noun heads a list
        return [PlaceSpan(name, start + site, first.end, resolve_place(name)),
                *(PlaceSpan(n.name, n.start + start, n.end + start, n.place) for n in more)], False
    territory = False
    head = _APPOSITIVE_HEAD.sub("", head)  # "its last bastion in the region, the town of X"
    if enemy_in_object(ctx, start, names[0].start) is not None:
        head = ""  # "encircled IS in the town of Manbij": the place is where the enemy is
    if not _DIRECT_HEAD.match(head) and not _HOLD_IN.match(head) and not _THE_DISTRICTS_OF.match(head):  # "lost their foothold in the village of X": X
        if _territory_head().match(head):
            territory = True
        else:  # "seized an artillery school there and shelled ... Aleppo"
            return _site_or_city(region, start, ctx), False
    chosen = listed(text, names)
    if territory and len(chosen) == 1:
        part = _A_PART_IN.match(head)  # "advanced into a key regime-held district in Aleppo"
        named = _named_site(ctx.article.text, part.group(1).lower()) if part else None
        if named is not None:  # the one district of that kind the article names ("Al Mallah district")
            return [PlaceSpan(named, start, names[0].end, Place(name=named, place_type="neighbourhood"))], False
    if territory:
        chosen = [_as_territory(text, start, span, len(chosen)) for span in chosen]
    elif cut is not None:
        chosen = chosen + _elliptic_next(tail, cut.start(), start)
    return chosen, territory


# "had taken Zaranj ... on Friday, and Sheberghan in Jawzjan on Saturday": after the time of the
# first object, ", and <name>" is another object of the same verb (helper control10w).
_ELLIPTIC_NEXT = re.compile(
    rf"\s*,?\s*(?:on\s+(?:{_DAYS_MONTHS})(?:\s+\d{{1,2}})?|last\s+(?:week|month|{_DAYS_MONTHS})|earlier\s+(?:this|that)\s+(?:week|month))"
    r"\s*,?\s+and\s+(?:then\s+|later\s+)?(?:the\s+(?:town|city|village)\s+of\s+)?(?=[A-Z])")


def _elliptic_next(tail: str, at: int, start: int) -> list[PlaceSpan]:
    m = _ELLIPTIC_NEXT.match(tail, at)
    if m is None:
        return []
    names = _names_in(tail[m.end():m.end() + 60], start + m.end())
    if not names or names[0].start != start + m.end() or not _ELLIPTIC_END.match(tail, m.end() + len(names[0].name)):
        return []
    return [names[0]]


# the second object ends its clause: a locative, a time, or the sentence's end ("and Sheberghan in
# Jawzjan on Saturday"), not a verb of its own ("and Sheberghan fell")
_ELLIPTIC_END = re.compile(rf"\s*(?:[.;]|$|(?:in|near)\s+[A-Z][\w'’-]*(?:\s+province)?\s*(?:[.;]|$|on\s+)|on\s+(?:{_DAYS_MONTHS}))")


_LIST_OPENS = re.compile(r"\s*(?:[-–—:]|\s[-–—])\s*")


def _counted_then_list(tail: str, cut: re.Match[str], start: int) -> list[PlaceSpan]:
    """"five villages in Kharkiv region - Borysivka, Ohirtseve and Pylna -", "three towns:
    A, B and C": a counted group whose names follow a dash or a colon are those names
    (helper control6)."""
    if not _counted_group().match(tail[re.match(r"[\s\"“”']*", tail).end():cut.start()]):  # '"liberated" five villages'
        return []
    opens = _LIST_OPENS.match(tail, cut.start())
    if opens is None or opens.end() == cut.start():
        return []
    names = _names_in(tail[opens.end():], start + opens.end())
    if len(names) < 2 or names[0].start != start + opens.end():
        return []
    return listed(" " * start + tail, names) if len(listed(" " * start + tail, names)) >= 2 else []


# Where an item of a list lies, between it and the next item: "Zaranj in Nimroz and
# Sheberghan in Jowzjan", "Sar-e Pul, capital of the province of the same name, and Taloqan,
# capital of Takhar province" (control8).
# "A and B in the countryside of Hama, C west of Aleppo and D near E" (helper control10b): a
# part or a bearing before the place where the item lies is no item either.
_ITEM_LOCATIVE = re.compile(
    r"\s+(?:(?:in|near|outside)\s+(?:the\s+)?(?:(?:(?:northern|southern|eastern|western)\s+)?(?:countryside|outskirts|suburbs?)\s+of\s+(?:the\s+)?)?"
    r"|(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE)
_ITEM_APPOSITION = re.compile(
    r",\s+(?:the\s+|a\s+)?(?:[a-z][\w-]*\s+){0,2}(?:capital|centre|center|seat|hub|town|city)\s+(?:of|in)\s+[^,;()]{1,60}?"
    r"(?=,\s*(?:and\s+)?(?:the\s+)?[A-Z])", re.IGNORECASE)


def _item_after_locative(n: PlaceSpan) -> PlaceSpan | None:
    """"Damascus Tal Salmo" after "in the countryside of", its comma lost: a known place, then
    a name of two words or more opened by a toponym head word (Tal, Kafr, Deir) is the next item."""
    split = _head_split().search(n.name)
    if split is None:
        return None
    where, item = n.name[:split.start()], n.name[split.end():]
    if " " not in item or not resolve_place(where).place_id:
        return None
    return PlaceSpan(item, n.start + split.end(), n.end, resolve_place(item))


@lru_cache(maxsize=1)
def _community_prefix() -> re.Pattern[str]:
    """A community word the name reader drops from a name's start ("Turkmen Bareh", "Kurdish
    Tal Abyad"): right before a listed item it is the first word of that item."""
    words = "|".join(re.escape(w) for w in _vocab().get("list_item_prefixes", ()))
    return re.compile(rf"(?<=\s)(?:{words})\s+$" if words else r"(?!)")


def listed(text: str, names: list[PlaceSpan]) -> list[PlaceSpan]:
    """The first name and those joined to it as a list ("A, B, and the town of C"), each
    item with where it lies ("A in R1 and B in R2", "A, capital of R1, and B")."""
    chosen = [names[0]]
    end = names[0].end
    for nxt in names[1:]:
        if nxt.start < end:
            continue  # inside the apposition of the item before
        between = text[end:nxt.start]
        prefix = _community_prefix().search(between)
        if prefix and end == chosen[-1].end and _LIST_SEP.fullmatch(between[:prefix.start()]):
            name = prefix.group(0) + nxt.name  # "A and Turkmen Bareh": the community word starts the name (control10b)
            nxt = PlaceSpan(name, nxt.start - len(prefix.group(0)), nxt.end, resolve_place(name))
            between = between[:prefix.start()]
        if _LIST_SEP.fullmatch(between) or (between == " " and end == chosen[-1].end):  # a run split at its heads
            chosen.append(nxt)
            end = nxt.end
        elif end == chosen[-1].end and _ITEM_LOCATIVE.fullmatch(between):
            end = nxt.end  # "Zaranj in Nimroz": where the item lies, not an item
            glued = _item_after_locative(nxt)
            if glued is not None:  # "in the countryside of Damascus Tal Salmo": a comma lost (control10b)
                chosen.append(glued)
        elif end == chosen[-1].end and (app := _ITEM_APPOSITION.match(text, end)) is not None and app.end() <= nxt.start:
            end = app.end()
            if not _LIST_SEP.fullmatch(text[end:nxt.start]):
                break
            chosen.append(nxt)
            end = nxt.end
        else:
            break
    return chosen


_APPOSITIVE_HEAD = re.compile(
    r"^\s*(?:its|their|the|an?)\s+(?:[\w'’-]+\s+){0,4}?(?:stronghold|bastion|hub|foothold|base|outpost)\s+"
    r"(?:in|of)\s+the\s+(?:region|area|province|countryside|north|south|east|west|valley|border\s+area)\s*[,—-]?\s*"
    r"(?=(?:the\s+)?(?:town|city|village)\b)", re.IGNORECASE)


_IN_PLACE = re.compile(
    r"^\s*(?:fighters|militants|forces|troops|positions|units)?\s*(?:in|inside|at|within)\s+(?:the\s+)?"
    r"(?:[a-z]+-(?:held|controlled)\s+)?(?:(?:town|city|village|district|neighbou?rhood|area|stronghold)\s+(?:of\s+)?)?$",
    re.IGNORECASE)


# Before the enemy in the object: "the", or "a stronghold of", "the last positions of".
_ENEMY_HEAD = re.compile(
    r"\s*(?:(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:strongholds?|positions|bastions?|remnants|pockets?|"
    r"fighters|hideouts?)\s+of\s+)?(?:the\s+)?", re.IGNORECASE)


def enemy_in_object(ctx: SentenceContext, start: int, place_start: int) -> ActorMention | None:
    """The actor that is the object of a trigger ending at ``start`` when the place follows
    as where it stands: "encircled IS in the town of Manbij", "besieged rebels inside
    Daraya" (offsets into the sentence); None otherwise."""
    actors = ctx.mentions.actors_in(start, place_start)
    if not actors or not _ENEMY_HEAD.fullmatch(ctx.text[start:start + actors[0].start]):
        return None
    first = actors[0]
    if not _IN_PLACE.match(ctx.text[start + first.end:place_start]):
        return None
    return ActorMention(first.label, first.actor_id, start + first.start, start + first.end)


def _site_in(head: str) -> int | None:
    """Offset of "<site> in" in a head such as "the central prison in ", "a key border
    crossing with Turkey at " (None when absent)."""
    sites = _alternation(_vocab()["site_nouns"])
    m = re.match(rf"^\s*(?:the|an?)\s+((?:[a-z-]+\s+){{0,2}}(?:{sites}))\s+(?:with\s+[A-Z][\w'’-]*\s+)?"
                 rf"(?:in|of|near|outside|at)\s+$", head)
    return m.start(1) if m else None


def _as_territory(text: str, start: int, span: PlaceSpan, listed: int) -> PlaceSpan:
    """"18 villages and towns in Hama province": the phrase, at the governorate's precision."""
    place = span.place
    if place.precision == "place" and place.admin1:
        gov = resolve_place(place.admin1 + " province")
        place = gov if gov.precision == "admin1" else place
    if listed == 1:
        phrase = text[start:span.end].strip(" ,\"“”'")
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        return PlaceSpan(phrase, span.end - len(phrase), span.end, Place(
            name=phrase, place_id=place.place_id, admin1=place.admin1, latitude=place.latitude,
            longitude=place.longitude, precision="admin1" if place.place_id else "unresolved"))
    name = span.name
    if place.place_id and not re.search(r"\b(?:province|governorate)s?$", name, re.IGNORECASE):
        name += " province"  # "in Aleppo and Idlib provinces": the governorates, not the cities
    return PlaceSpan(name, span.start, span.end, Place(
        name=name, place_id=place.place_id, admin1=place.admin1, latitude=place.latitude,
        longitude=place.longitude, precision="admin1" if place.place_id else "unresolved"))


# The passive subject and the list after a passive live in ``subjects.py``.
from .subjects import (  # noqa: E402  (re-exported: events, voices, sieges import them from here)
    _EXCEPT_BEFORE, _HYPOTHETICAL_AFTER, _is_place_like, _passive_list_after, _passive_subject,
)
