"""Words that stand for a mention made earlier: "the town", "the city" (the last place
named), "they", "it", "its" (the subject of the clause or of the sentence before)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorMention
from ..claims import Place
from ..context import SentenceContext
from .agents import _AIR_ONLY
from ..mentions.names import PlaceSpan
from .triggers import Trigger
from ..sides import armed as _armed

def _recent_city(ctx: SentenceContext, before: int, noun: str | None = None) -> Place | None:
    """The last compatible mention for "the town" / "the city" / "its": a settlement named
    in this sentence before ``before``, else in the three sentences before (read from the
    sentences' mentions). With ``noun`` ("town"), a settlement the text itself called so
    ("the town of Ariha", "Ariha town") wins over a later one it did not."""
    sentences = [(ctx.text, ctx.mentions, before)] + [
        (s.text, ctx.article.mentions_of(s), len(s.text))
        for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None]
    called = _called_settlements(ctx.article.text)
    candidates = [(text, m) for text, mentions, end in sentences for m in _settlements(text, mentions, end, called)]
    if noun:
        for text, m in candidates:
            if re.search(rf"\b{noun}\s+of\s+$", text[:m.start], re.IGNORECASE) or re.match(
                    rf"\s+{noun}\b", text[m.end:], re.IGNORECASE):
                return m.place
    if noun in ("town", "village", "city") and len(candidates) > 1:
        story = _story_place(ctx, [m for _, m in candidates])
        if story is not None:
            return story
    return candidates[0][1].place if candidates else None


def settlement_of_the_clause(ctx: SentenceContext, before: int) -> Place | None:
    """"briefly seized the town of Qardaha, Assad's ancestral home, before government
    reinforcements retook it": "it" is the settlement this sentence named last before the
    trigger, when no other place stands between (helper control9)."""
    found = _settlements(ctx.text, ctx.mentions, before)
    if not found:
        return None
    last = found[0]
    others = [m for m in ctx.mentions.places_in(last.end, before)]
    return last.place if not others else None


def _story_place(ctx: SentenceContext, candidates: list) -> Place | None:
    """The settlement the story is about: of the candidates for "the town", the one the
    headline (the article's first sentence) names, when the latest candidate is not named
    there ("had taken Tarhuna ..., as his offensive on Tripoli collapsed. GNA fighters
    entered the town": Tarhuna; helper control8b)."""
    head = ctx.article.sentences[0] if ctx.article.sentences else None
    if head is None or head.index == ctx.sentence.index:
        return None
    named = {m.place.place_id or m.place.name for m in _settlements(head.text, ctx.article.mentions_of(head), len(head.text))}
    key = lambda m: m.place.place_id or m.place.name  # noqa: E731
    if key(candidates[0]) in named:
        return None
    return next((m.place for m in candidates[1:] if key(m) in named), None)



_SETTLEMENT_NOUN_BEFORE = re.compile(r"\b(?:town|village|city)\s+of\s+$", re.IGNORECASE)
_SETTLEMENT_NOUN_AFTER = re.compile(r"\s+(?:town|village|city)\b", re.IGNORECASE)


def _settlements(text: str, mentions, end: int, called: frozenset[str] = frozenset()) -> list:
    """Settlements named before ``end``, last first: gazetteer places, and names no
    gazetteer knows that the text itself calls a town, village or city ("the northern
    village of Rityan", "Rityan town"), here or, with ``called``, anywhere in the article
    ("the village of Tal Madiq ... clashes in Tal Madiq ... in control of the village")."""
    found = [m for m in mentions.places_in(0, end) if m.place.precision == "place" and m.place.type == "settlement"]
    known = {(m.start, m.end) for m in found}
    for name in mentions.names:
        if name.end > end or name.place.precision not in ("unresolved", "place") or (name.start, name.end) in known:
            continue
        if (_SETTLEMENT_NOUN_BEFORE.search(text[:name.start]) or _SETTLEMENT_NOUN_AFTER.match(text[name.end:])
                or name.name in called):
            found.append(name)
    return sorted(found, key=lambda m: m.start, reverse=True)


_CALLED = re.compile(r"\b(?:town|village|city)\s+of\s+([A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,3})"
                     r"|\b([A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,3})\s+(?:town|village)\b")


@lru_cache(maxsize=64)
def _called_settlements(article: str) -> frozenset[str]:
    """Names the article calls a town, village or city somewhere ("the village of Tal Madiq",
    "Rityan town"): a settlement wherever else it names them (control11)."""
    return frozenset(m.group(1) or m.group(2) for m in _CALLED.finditer(article))


_REGION_NOUN = r"(?:region|province|enclave|governorate|oblast)"
_CALLED_REGION = re.compile(rf"\b{_REGION_NOUN}\s+of\s+([A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){{0,2}})"
                            rf"|\b([A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){{0,2}})\s+{_REGION_NOUN}\b")
THE_REGION = re.compile(rf"^\s*the\s+(?:breakaway\s+|whole\s+|entire\s+)?{_REGION_NOUN}\b(?!\s+of\b|['’])", re.IGNORECASE)


def recent_region(ctx: SentenceContext, before: int) -> Place | None:
    """"Azerbaijan took control of the region": the last region named in this sentence before
    ``before`` or in the three sentences before, a province the gazetteer knows or a name the
    article calls a region or province ("the breakaway region of Nagorno-Karabakh"; control11)."""
    called = frozenset(m.group(1) or m.group(2) for m in _CALLED_REGION.finditer(ctx.article.text))
    sentences = [(ctx.text, ctx.mentions, before)] + [
        (s.text, ctx.article.mentions_of(s), len(s.text))
        for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None]
    for _text, mentions, end in sentences:
        found = [m for m in mentions.places_in(0, end) if m.place.type == "admin1"]
        found += [n for n in mentions.names if n.end <= end and n.place.precision == "unresolved"
                  and n.name.removesuffix(" province").removesuffix(" region") in called]
        if found:
            return max(found, key=lambda m: m.start).place
    return None


_CAPITAL_OF_REGION = re.compile(
    r"\s*(?:the\s+)?(?:(?:provincial|regional|state)\s+)?capital\s+of\s+(?:the\s+)?"
    r"(?P<region>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?:\s+(?:province|state|region|governorate|oblast))?\b")


def capital_of_region(ctx: SentenceContext, start: int) -> list[PlaceSpan]:
    """"Congolese troops abandoned the capital of South Kivu province": the settlement of
    that region named just before (Bukavu), not the region (helper control9)."""
    m = _CAPITAL_OF_REGION.match(ctx.text, start)
    if m is None:
        return []
    from ..geo import lookup_admin1
    region = lookup_admin1(m.group("region"))
    if region is None:
        return []
    sentences = [(ctx.text, ctx.mentions, start)] + [
        (s.text, ctx.article.mentions_of(s), len(s.text))
        for s in (ctx.previous(1), ctx.previous(2), ctx.previous(3)) if s is not None]
    for text, mentions, end in sentences:
        for mention in _settlements(text, mentions, end):
            if mention.place.admin1 and mention.place.admin1 == region.admin1:
                return [PlaceSpan(mention.place.name, m.start(), m.end(), mention.place)]
    return []


_THE_TOWN = re.compile(r"\b(?:the|this)\s+(?:town|city|village)\s*$", re.IGNORECASE)
_THE_TOWN_FIRST = re.compile(r"^\s*(?:the|this)\s+(?:town|city|village)\b(?!\s+of\b)", re.IGNORECASE)


def _noun(phrase: str) -> str:
    """"the town" -> "town"."""
    return phrase.split()[-1].lower()


def _anaphoric_subject(ctx: SentenceContext, trigger: Trigger) -> list[PlaceSpan]:
    """"... after the town fell to IS": the place named just before stands for "the town"."""
    m = _THE_TOWN.search(ctx.text[: trigger.start]) or _THE_TOWN_FIRST.match(ctx.text)
    if m is None or (m.end() < trigger.start and ctx.mentions.places_in(m.end(), trigger.start)):
        return []  # "The town, once ... , was captured": no other place between them
    place = _recent_city(ctx, m.start(), _noun(m.group()))
    return [PlaceSpan(place.name, m.start(), m.end(), place)] if place is not None else []



_PRONOUN_BEFORE = re.compile(r"\b(?:they|it)\s+(?:(?:had|have|has|then|also|later|\w+ly)\s+)?$", re.IGNORECASE)


def _pronoun_subject(ctx: SentenceContext, trigger: Trigger) -> ActorMention | None:
    """The subject of "..., when they captured X": a pronoun right before the trigger
    stands for the first armed actor of the sentence (the main clause's subject), else
    for the first of the previous sentence."""
    text = ctx.text
    if not _PRONOUN_BEFORE.search(text[:trigger.start]):
        return None
    dateline = _DATELINE.match(text)
    mentions = [m for m in _armed(ctx.mentions.actors_in(dateline.end() if dateline else 0, trigger.start))
                if not _AIR_ONLY.search(m.label)]
    if mentions:
        return mentions[0]
    return None


# "DAMASCUS, Dec 9 — ...", "KYIV (Reuters) - ...": a city in the dateline is no actor (control6).
_DATELINE = re.compile(r"^[A-Z][A-Z'’./ -]+(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*(?:\([^)]{1,30}\))?\s*[—–-]\s")



# "<speaker> said (on Friday) (that) it had ...": the pronoun stands for this sentence's speaker
_REPORTED_PRONOUN = re.compile(
    r"\b(?:said|says|acknowledged|admitted|announced|claimed|confirmed|reported|stated|conceded)"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+)?(?:\s+that)?\s+(?:they|it)\s+(?:(?:had|have|has|then|also|now|\w+ly)\s+)*$",
    re.IGNORECASE)
# a speaker a pronoun may carry from the sentence before: "The group", "Its spokesman", "They"
_CARRIED_SPEAKER = re.compile(r"(?:(?:the|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*|they|it|he|she)", re.IGNORECASE)
_LEAD_TIME = re.compile(r"^\s*(?:(?:On|In|Late|Early|Earlier|Later)\s+\w+\s*,?\s*)?")


def speaker_of_own_sentence(ctx: SentenceContext, start: int) -> bool:
    """"Ethnic Armenian officials in Nagorno-Karabakh acknowledged that they had lost control
    of Shusha", "An ethnic armed group said it had captured Laukkai": the pronoun is this
    sentence's speaker, named by words no actor table knows; it is not the agent of the
    sentence before (helper control9). A bare or definite speaker ("The group said it",
    "Its spokesman said they") may still stand for that agent."""
    text = ctx.text
    m = _REPORTED_PRONOUN.search(text, 0, start)
    if m is None or m.end() != start:
        return False
    dateline = _DATELINE.match(text)
    subject = text[dateline.end() if dateline else 0:m.start()]
    subject = subject[_LEAD_TIME.match(subject).end():].strip(" ,")
    return bool(subject) and _CARRIED_SPEAKER.fullmatch(subject) is None


def _previous_sentence_agent(ctx: SentenceContext) -> ActorMention | None:
    """Subject carried from the previous sentence ("They ...", "its withdrawal")."""
    prev = ctx.previous(1)
    if prev is None:
        return None
    mentions = ctx.article.mentions_of(prev).actors
    return mentions[0] if mentions else None




_THE_COMPASS = re.compile(
    r"^\s*the\s+(?:[a-z]+-(?:held|controlled)\s+)?(east|west|north|south)(?:ern\s+(?:part|half|side|districts|neighbou?rhoods))?"
    r"(?:\s+of\s+the\s+city)?\b(?!\s+of\b)", re.IGNORECASE)  # "the opposition-held eastern half of the city" (control5)


def compass_part(ctx: SentenceContext, start: int) -> list[PlaceSpan]:
    """"government forces have encircled the east": that half of the city named last (in this
    sentence or the three before), as "eastern Aleppo" (offsets of the phrase)."""
    m = _THE_COMPASS.match(ctx.text[start:])
    if m is None:
        return []
    city = _recent_city(ctx, start)
    if city is None:
        return []
    name = f"{m.group(1).lower()}ern {city.name}"
    return [PlaceSpan(name, start + m.start(1), start + m.end(), Place(
        name=name, place_id=city.place_id, admin1=city.admin1, latitude=city.latitude,
        longitude=city.longitude, precision=city.precision, place_type="neighbourhood"))]
