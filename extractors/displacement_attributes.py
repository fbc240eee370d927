"""What an IDMC analyst records beside a displacement count: whether it is a stock (people
displaced at a date) or a flow (new displacements over a period), the date a figure
describes (``as_of``: "As of 12 March", "at the end of April 2023"), and its cause
(conflict, disaster, unknown), so disaster figures are kept but separable.

Words and patterns: ``seeds/reference/displacement_cues.yaml`` (stock, stock_overridden_by,
as_of, cause).
"""
from __future__ import annotations

import re
from datetime import date

from . import dates
from .context import SentenceContext
from .numbers import CountMention


def _cues() -> dict:
    from .displacement import _cues as cues  # one compiled vocabulary for the whole module pair

    return cues()


def clause(sentence: str, start: int, end: int) -> str:
    """The clause around a count: from the last comma, semicolon or "that" before it to the
    next comma or semicolon after it."""
    before = sentence[:start]
    cut = max((m.end() for m in re.finditer(r"[,;]|\bthat\b", before)), default=0)
    stop = re.search(r"[,;]|\.(?:\s|$)", sentence[end:])
    return sentence[cut:end + (stop.start() if stop else len(sentence) - end)]


def measure(sentence: str, mention: CountMention) -> str:
    """"stock" when the count's clause says people are (still) displaced at a date or
    staying somewhere; "flow" (new displacements) otherwise."""
    cues = _cues()
    around = clause(sentence, mention.start, mention.end)
    if cues["stock_overridden_by"].search(around):
        return "flow"
    if cues["stock"].search(around):
        return "stock"
    # "UNHCR has recorded 6.7 million refugees", "335,000 internally displaced persons": a count of
    # a population noun is a stock unless a movement word makes it a flow ("new refugees crossed")
    if cues["stock_noun"].match(sentence, mention.end) and not cues["flow_words"].search(around):
        return "stock"
    return "flow"


def as_of(sentence: str, published_at: date | None) -> date | None:
    """The date a figure describes when the sentence opens one ("As of 12 March", "at the
    end of April 2023"): the last day of the span; None when the text gives none."""
    pattern = _cues()["as_of"]
    for mention in dates.find_dates(sentence, published_at):
        if pattern.search(sentence[max(0, mention.start - 25):mention.start]):
            span = mention.span
            return span.end or span.start
    return None


def cause(ctx: SentenceContext, mention: CountMention) -> str:
    """conflict or disaster by the words of the sentence (the nearest to the count when
    both occur), else of the sentence before it in the same paragraph, else of the other
    sentences of the paragraph, nearest first ("... 2,100 people remain in relief camps." after
    "Heavy monsoon rains ... killed 250"); unknown without."""
    found = _nearest_cause(ctx.text, mention.start)
    if found:
        return found
    here = ctx.sentence.index
    sentences = ctx.article.sentences
    around = sorted((s for s in sentences if s.paragraph == ctx.sentence.paragraph and s.index != here),
                    key=lambda s: (abs(s.index - here), s.index > here))  # the one before first at a tie
    for other in around:
        found = _nearest_cause(other.text, len(other.text) if other.index < here else 0)
        if found:
            return found
    return "unknown"


def _nearest_cause(text: str, at: int) -> str | None:
    best: tuple[int, str] | None = None
    for kind, pattern in _cues()["cause"].items():
        for m in pattern.finditer(text):
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None
