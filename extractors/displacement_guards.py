"""What a displacement count is not, or what it more exactly is, read from the words around
it (patterns in ``seeds/reference/displacement_cues.yaml``):

- a whole the figure is part of: "1.7 million of Gaza's 2.3 million people have been
  displaced" counts 1.7 million; 2.3 million is the population (``part_of_whole``);
- a capacity or an offer: "ready to receive up to 100,000 people fleeing" (``capacity_before``);
- a medical transfer: "were transferred to other facilities for treatment" (``medical_after``);
- people who left where the sentence or the two before it tell an evacuation (a deal, buses)
  are evacuated, not displaced ("3,000 people leaving Foua ... in 45 buses", ``evacuation_context``).
"""
from __future__ import annotations

import re

from .context import SentenceContext
from .numbers import CountMention


def _cues() -> dict:
    from .displacement import _cues as cues  # one compiled vocabulary for the module family

    return cues()


def _value(mention: CountMention) -> int:
    count = mention.count
    return count.best if count.best is not None else (count.low or 0)


def wholes(sentence: str, mentions: list[CountMention]) -> dict[int, int]:
    """Index of a part -> index of the whole written right after it ("1.7 million of Gaza's
    2.3 million people"): the part is the figure, the whole is no figure of its own."""
    pattern = _cues()["part_of_whole"]
    out = {}
    for index, (part, whole) in enumerate(zip(mentions, mentions[1:])):
        if _value(whole) > _value(part) > 0 and pattern.match(sentence[part.end:whole.start]):
            out[index] = index + 1
    return out


def is_capacity(sentence: str, mention: CountMention) -> bool:
    """"ready to receive up to 100,000 people", "capacity for 20,000 refugees": room, not people."""
    return _cues()["capacity_before"].search(sentence[max(0, mention.start - 80):mention.start]) is not None


def is_medical(sentence: str, phrase_end: int) -> bool:
    """"13 people were transferred to other facilities for treatment": patients, not evacuees."""
    return _cues()["medical_after"].match(sentence, phrase_end) is not None


_LEFT = re.compile(r"\b(?:left|leaving|leave|leaves)\b", re.IGNORECASE)


def left_under_evacuation_here(sentence: str, mention: CountMention) -> bool:
    """People who "left" in a sentence that tells an evacuation ("Buses carrying 3,000 people
    left the besieged town")."""
    return (_LEFT.search(sentence, mention.end, mention.end + 90) is not None
            and _cues()["evacuation_context"].search(sentence) is not None)


def left_under_evacuation(ctx: SentenceContext, mention: CountMention) -> bool:
    """People who "left" or are "leaving" where the sentence or one of the three before it in
    its paragraph tells an evacuation (buses, convoys, safe passage, a deal) were evacuated."""
    if _LEFT.search(ctx.text, mention.end, mention.end + 90) is None:
        return False
    context = _cues()["evacuation_context"]
    for n in (1, 2, 3):
        prev = ctx.previous(n)
        if prev is None or prev.paragraph != ctx.sentence.paragraph:
            return False
        if context.search(prev.text):
            return True
    return False
