"""When a control change happened: the date of its sentence or of the sentences that tell the
same story, the date after "since", and the publication date for a change told in the present
perfect (moved out of ``events.py``, which reads who took what)."""

from __future__ import annotations

import re

from .. import dates
from ..claims import UNKNOWN_DATE, DateSpan
from ..context import SentenceContext
from .triggers import Trigger, _has_stem


def since_date(ctx: SentenceContext, trigger: Trigger) -> DateSpan | None:
    """The date after "since" of "under X control since May": when the change happened."""
    for mention in dates.find_dates(ctx.text[trigger.end - 5:trigger.end + 40], ctx.published_at):  # from "since"
        if mention.span.precision != "unknown" and mention.span.start is not None:
            return mention.span
    return None


def _when(ctx: SentenceContext) -> DateSpan:
    """Date of the sentence, else of up to three earlier sentences of the same paragraph or
    of the same story (consecutive sentences that tell control changes)."""
    span = dates.resolve_when(ctx.text, ctx.published_at)
    if span != UNKNOWN_DATE and span.start is not None:
        return span
    for n in (1, 2, 3):
        prev = ctx.previous(n)
        if prev is None:
            break
        same_story = prev.paragraph == ctx.sentence.paragraph or _has_stem(prev.text)
        if not same_story:  # the story goes on while sentences keep telling changes
            break
        span = dates.resolve_when(prev.text, ctx.published_at)
        if span != UNKNOWN_DATE and span.start is not None:
            return span
    return UNKNOWN_DATE


_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:now|already|just|reportedly|also|fully|officially)\s+)?"
    r"(?:[a-z]+(?:ed|en|t|wn)\s+(?:(?:its|their|a|the)\s+)?)?$",
    re.IGNORECASE,
)


def _or_news_date(ctx: SentenceContext, trigger: Trigger, when: DateSpan) -> DateSpan:
    """Without a date in the text, a change told in the present perfect ("rebels have
    entered Hama", "the army has declared its withdrawal") is the news of the day: the
    publication date. Anything else stays unknown."""
    if when.start is not None or ctx.published_at is None:
        return when
    before = ctx.text[:trigger.start]
    if trigger.form == "nominal":
        before = before + ctx.text[trigger.start:trigger.end].split()[0] + " "
        before = re.sub(r"\b(?:its|their|the|a)\s+$", "", before)
    if _PRESENT_PERFECT.search(before.rstrip() + " "):
        return DateSpan(ctx.published_at, ctx.published_at, "day")
    # Any other undated change stays undated: dating it "the day before or the day of
    # publication" (tried this round) put a background sentence ("the insurgents have managed
    # to ... seize territory in Aleppo", in a 5 December article) on 4-5 December, a second
    # Aleppo event beside the real one of 30 November-1 December. A gap beats a wrong date.
    return when
