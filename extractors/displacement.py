"""Displacement figures: "280,000 people have been displaced", "the number of refugees
might reach 1.5 million", "the evacuation of 3,000 civilians".

A count becomes a figure when a population word follows it and its noun, or a population
phrase ends right before it. ``is_projection`` is set when the count's clause is a
forecast ("could reach", "expected to"). Vocabulary: ``seeds/reference/displacement_cues.yaml``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .patterns import alternation, invert
from . import dates, numbers
from .casualties import UNSPECIFIED, resolve_victim, victim_phrase
from .claims import DisplacementFigure
from .context import SentenceContext
from .reference import load_yaml


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    data = load_yaml("displacement_cues.yaml")
    words = invert(data["after"])
    cues = alternation(words)
    filler = alternation(data["after_filler"])
    return {
        "words": words,
        "after": re.compile(rf"^(?:\s*,?\s*(?:{filler})\b)*\s*(?P<cue>{cues})\b", re.IGNORECASE),
        "before": [
            (re.compile(item["pattern"], re.IGNORECASE), item["population"], bool(item.get("needs_people")))
            for item in data["before"]
        ],
        "projection": re.compile(data["projection"], re.IGNORECASE),
        "not_people": re.compile(data["not_people"], re.IGNORECASE),
        "hint": re.compile(data["sentence_hint"], re.IGNORECASE),
    }


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a count: from the last comma, semicolon or "that" before it to
    the next comma or semicolon after it."""
    before = sentence[:start]
    cut = max((m.end() for m in re.finditer(r"[,;]|\bthat\b", before)), default=0)
    stop = re.search(r"[,;]|\.(?:\s|$)", sentence[end:])
    return sentence[cut:end + (stop.start() if stop else len(sentence) - end)]


def read_displacement(sentence: str) -> list[tuple[numbers.CountMention, str, bool]]:
    """(count mention, population, is_projection) for every displacement figure in a sentence."""
    cues = _cues()
    if not cues["hint"].search(sentence):
        return []
    out = []
    for mention in numbers.find_counts(sentence):
        phrase, phrase_end = victim_phrase(sentence, mention.end)
        if cues["not_people"].match(phrase):
            continue
        population = None
        after = cues["after"].match(sentence[mention.end:]) or cues["after"].match(sentence[phrase_end:])
        if after:
            population = cues["words"][re.sub(r"\s+", " ", after.group("cue").lower())]
        else:
            window = sentence[max(0, mention.start - 120):mention.start]
            for pattern, name, needs_people in cues["before"]:
                if not pattern.search(window):
                    continue
                victim = resolve_victim(phrase)
                if needs_people and (victim is None or victim is UNSPECIFIED):
                    continue
                population = name
                break
        if population is None:
            continue
        projection = bool(cues["projection"].search(_clause(sentence, mention.start, mention.end)))
        out.append((mention, population, projection))
    return out


def extract(ctx: SentenceContext) -> list[DisplacementFigure]:
    """Displacement figures stated in one sentence."""
    figures = read_displacement(ctx.text)
    if not figures:
        return []
    when = dates.resolve_when(ctx.text, ctx.published_at)
    return [
        DisplacementFigure(
            article_id=ctx.article.article_id,
            evidence=ctx.evidence,
            claimant=ctx.claimant,
            claimant_text=ctx.claimant_text,
            when=when,
            population=population,
            count=mention.count,
            is_projection=projection,
        )
        for mention, population, projection in figures
    ]
