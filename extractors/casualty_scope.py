"""Whether a casualty figure belongs to the article's own war or is background.

A figure about another war or another country ("During this conflict, Hezbollah lost
thousands of fighters", in a paragraph about its war with Israel in a Syria article) is
kept as a claim but flagged ``is_background``; ``casualty_estimates`` leaves it out.

Mechanism, from ``seeds/reference/casualty_scope.yaml``:
- the article's home country is the one it names most (names and demonyms), at least
  ``home_min_mentions`` times;
- a sentence that places the figure in another country by name ("in Iraq") and names no
  home-country place is background;
- a sentence that points back to a conflict ("during this conflict", "in that war") is
  background when the nearest sentence before it in its paragraph that names a country
  names others and not the home country.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from .context import SentenceContext
from .patterns import case_blind_alternation, trie_alternation
from .reference import load_yaml


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    data = load_yaml("casualty_scope.yaml")
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    for country, entry in data["countries"].items():
        for name in entry.get("names", []):
            names[name.lower()] = country
            words[name.lower()] = country
        for demonym in entry.get("demonyms", []):
            words[demonym.lower()] = country
    return {
        "names": names,
        "words": words,
        # matched on the lower-cased text with a prefix tree: far faster than a case-blind alternation
        # (a lookahead on the first letters lets the engine skip every other position)
        "any_word": re.compile(rf"(?<![\w-])(?=[{''.join(sorted({w[0] for w in words}))}])"
                               rf"(?:{trie_alternation(list(words))})(?![\w-])"),
        "located": re.compile(
            rf"(?:(?<!based\s)\b(?:in|inside|across|throughout)\s+(?:the\s+)?(?P<a>{case_blind_alternation(names)})(?![\w-]))"
            rf"|(?:(?<![\w-])(?P<b>{case_blind_alternation(names)})(?:'s|’s)\s)", re.IGNORECASE),
        "back_reference": re.compile(data["back_reference"], re.IGNORECASE),
        "home_min": int(data["home_min_mentions"]),
        "war_total": re.compile(data["war_total"], re.IGNORECASE),
        "war_subject": re.compile(data["war_subject"], re.IGNORECASE),
        "war_total_min": int(data["war_total_min"]),
    }


def countries_named(text: str) -> Counter:
    """Countries a text names or describes (names and demonyms), with how often."""
    vocab = _vocabulary()
    return Counter(vocab["words"][m.group()] for m in vocab["any_word"].finditer(text.lower()))


@lru_cache(maxsize=256)
def _country_mentions(article_text: str) -> tuple[tuple[int, str], ...]:
    """(offset, country) of every country word of an article, found once per article."""
    vocab = _vocabulary()
    words = vocab["words"]
    return tuple([(m.start(), words[m.group()]) for m in vocab["any_word"].finditer(article_text.lower())])


def _named_in(ctx: SentenceContext, start: int, end: int) -> Counter:
    mentions = _country_mentions(ctx.article.text)  # in offset order: bisect to the sentence
    first = bisect_left(mentions, (start,))
    last = bisect_left(mentions, (end,), first)
    return Counter(country for _, country in mentions[first:last])


@lru_cache(maxsize=256)
def home_country(article_text: str) -> str | None:
    """The country the article is about: named most, and at least a few times."""
    counts = Counter(country for _, country in _country_mentions(article_text)).most_common(2)
    if not counts or counts[0][1] < _vocabulary()["home_min"]:
        return None
    if len(counts) > 1 and counts[1][1] == counts[0][1]:
        return None
    return counts[0][0]


def located_in(sentence: str) -> set[str]:
    """Countries a sentence places something in ("in Iraq", "Lebanon's south")."""
    vocab = _vocabulary()
    return {vocab["names"][(m.group("a") or m.group("b")).lower()] for m in vocab["located"].finditer(sentence)}


def is_background(ctx: SentenceContext) -> bool:
    """True when the sentence's figures belong to another war or country than the article's."""
    sentence = ctx.text
    named_here = _named_in(ctx, ctx.sentence.start, ctx.sentence.end)
    back_reference = _vocabulary()["back_reference"].search(sentence)
    if not named_here and not back_reference:
        return False  # nothing points elsewhere: no need to read the whole article
    home = home_country(ctx.article.text)
    if home is None:
        return False
    if home in named_here:
        return False
    if located_in(sentence) - {home}:
        return True
    if back_reference:
        for n in (1, 2, 3):  # the nearest sentence of the paragraph that names a country decides
            previous = ctx.previous(n)
            if previous is None or previous.paragraph != ctx.sentence.paragraph:
                break
            named = _named_in(ctx, previous.start, previous.end)
            if named:
                return home not in named
    return False


def war_total_victims(sentence: str, start: int, value: int | None, victim):
    """"37,000 Palestinians have been killed in the war", "1,900 people have been killed since
    Hezbollah began firing in October last year": a whole war's running total of "people" (or
    of a nation's people) is a mixed total, fighters among them, not civilians. Other victims
    (named civilians, children, soldiers) are returned unchanged (``victim``: a
    ``casualty_victims.Victim``)."""
    if victim.actor != "civilians" or value is None or not _people_words(victim.label):
        return victim
    vocab = _vocabulary()
    if value < vocab["war_total_min"]:
        return victim
    if vocab["war_total"].search(sentence, start) is None and vocab["war_subject"].match(sentence) is None:
        return victim
    return type(victim)("all", victim.label, "mixed")


def _people_words(label: str | None) -> bool:
    """"people", "of people", "Palestinians": people as such, no status of their own."""
    words = re.sub(r"^(?:of|from)\s+(?:the\s+)?", "", (label or "").strip(), flags=re.IGNORECASE)
    if words.lower() in ("people", "persons", "individuals"):
        return True
    from .casualty_victims import is_people_of_nation
    return is_people_of_nation(words)
