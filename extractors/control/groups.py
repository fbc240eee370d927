"""Places named by a group or a part rather than a name (helper control4): counted groups
("14 villages", "a string of villages") and unnamed districts ("a key district in Aleppo",
"the district")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..mentions.names import PlaceSpan
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
    return re.compile(
        rf"^\s*(?:an?\s+)?(?P<phrase>(?:\d{{1,3}}|{counts})\s+(?:(?!(?:of|in|near|and)\b)[a-z-]+\s+){{0,2}}?(?:{nouns})"
        rf"(?:\s+(?:and|or)\s+(?:{nouns}))?)\b(?!\s+(?:of|called|named)\b)", re.IGNORECASE)


def is_counted_group(span: PlaceSpan) -> bool:
    """A place ``_counted_group`` made ("14 villages"): a group the text counts, no gazetteer's."""
    return span.place.place_id is None and span.place.place_type == "area" and _counted_group().fullmatch(span.name) is not None
