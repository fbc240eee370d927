"""Places named by a group or a part rather than a name (helper control4): counted groups
("14 villages", "a string of villages") and unnamed districts ("a key district in Aleppo",
"the district")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..claims import Place
from ..mentions.names import PlaceSpan
from ..places import resolve_place
from .triggers import _alternation, _vocab


# An unnamed part of a named city, with an indefinite article: "a key district in Aleppo".
_A_PART_IN = re.compile(r"^\s*an?\s+(?:[\w'’-]+\s+){0,3}?(district|neighbou?rhood|suburb)\s+(?:in|of)\s+(?:the\s+)?$",
                        re.IGNORECASE)


_THE_DISTRICT = re.compile(r"^\s*the\s+(district|neighbou?rhood|suburb)\b(?!\s+of\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _counted_group() -> re.Pattern[str]:
    """"14 villages", "a string of villages", "several towns and villages" at the start of an
    object (not after "the": "the two villages" are the ones named before)."""
    vocab = _vocab()
    nouns = _alternation(vocab["counted_group_nouns"])
    counts = _alternation(vocab["counted_group_quantifiers"])
    about = _alternation(vocab.get("counted_group_approximators") or ["about"])  # "over a dozen", "more than 20"
    return re.compile(
        rf"^\s*(?:an?\s+)?(?P<phrase>(?:(?:{about})\s+)?(?:an?\s+)?(?:\d{{1,3}}|{counts})\s+(?:(?!(?:of|in|near|and)\b)[a-z-]+\s+){{0,2}}?(?:{nouns})"
        rf"(?:\s+(?:and|or)\s+(?:{nouns}))?)\b(?!\s+(?:of|called|named)\b)", re.IGNORECASE)


def is_counted_group(span: PlaceSpan) -> bool:
    """A place ``_counted_group`` made ("14 villages"): a group the text counts, no gazetteer's."""
    return span.place.place_id is None and span.place.place_type == "area" and _counted_group().fullmatch(span.name) is not None


@lru_cache(maxsize=1)
def _unnamed_sites() -> re.Pattern[str]:
    """Sites the text does not name (helper control5): "seized a hilltop within firing range",
    "establishing control over building blocks", "overran two checkpoints". An indefinite
    article, a count or nothing (a plural) before the noun; at most one modifier word."""
    vocab = _vocab()
    nouns = _alternation(vocab["unnamed_site_nouns"])
    counts = _alternation(vocab["counted_group_quantifiers"])
    return re.compile(
        rf"^\s*(?:an?\s+|(?:{counts}|\d{{1,3}})\s+)?(?P<phrase>(?:(?!(?:of|in|near|and|the|their|its|his|her|our|these|those|this|that)\b)[a-z-]+\s+)?(?P<noun>{nouns})"
        rf"(?:\s+and\s+(?:{nouns}))?)\b"  # "positions and heights"
        r"(?!\s+(?:of|called|named|known)\b)(?![-'’])", re.IGNORECASE)


def unnamed_site(region: str, start: int) -> list[PlaceSpan]:
    """The unnamed site at the head of an object, as written without its article, typed by
    the gazetteer's name words ("hilltop" a facility, "checkpoint" a base); [] when none.
    A singular noun needs "a"/"an" (a bare "base" may be anything); a plural stands alone."""
    m = _unnamed_sites().match(region)
    if m is None:
        return []
    noun = m.group("noun").lower()
    if not noun.endswith("s") and not re.match(r"^\s*an?\s", region):
        return []
    phrase = m.group("phrase")
    modifier = region[m.start("phrase"):m.start("noun")].strip().lower()
    if modifier and modifier not in _vocab()["unnamed_site_modifiers"]:
        phrase = region[m.start("noun"):m.end("phrase")]  # "a strategic hilltop": the noun carries the place
    place = resolve_place(phrase)
    return [PlaceSpan(phrase, start + m.end("phrase") - len(phrase), start + m.end("phrase"),
                      Place(name=phrase, place_type=place.place_type if place.place_type != "unknown" else "facility"))]


_HELD_REST = re.compile(r"\s*(?:,?\s*(?:held|controlled|occupied)\s+by\s+(?:the\s+)?[\w'’ -]{1,40}?,?)?\s*$", re.IGNORECASE)


def counted_subject(text: str, trigger_start: int) -> list[PlaceSpan]:
    """A counted group as the subject of a passive (helper control5): "Several villages held
    by Islamic State have been captured by the SDF", "Five villages were retaken by the
    army": the phrase as written, as for an object."""
    window = max(0, trigger_start - 120)
    for word in re.finditer(r"(?<![\w-])[A-Za-z0-9]", text[window:trigger_start]):
        at = window + word.start()
        m = _counted_group().match(text, at, trigger_start)
        if m is None or _HELD_REST.fullmatch(text, m.end(), trigger_start) is None:
            continue
        if re.search(r"\bthe\s+$", text[max(0, at - 5):at], re.IGNORECASE):
            return []  # "the two villages": the ones named before
        phrase = m.group("phrase")
        return [PlaceSpan(phrase, m.start("phrase"), m.end("phrase"), Place(name=phrase, place_type="area"))]
    return []
