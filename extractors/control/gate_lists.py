"""A second verb in the object list of a control trigger (helper control11p, issue 7).

"Russian forces captured Krasnohorivka and attacked the villages of Kurakhove and Pokrovsk":
the names after "and attacked" are that verb's objects, not the trigger's. A name of the
trigger's reading is dropped when a verb (a past or -ing form after "and", "then", "before",
"while", with an optional auxiliary) stands between an earlier name of the same reading and
it. A verb before the first name governs every name ("seized and held the town"), and a
participle used as an adjective ("and surrounding villages") is no verb
(``second_verb_adjectives`` in ``control_gates.yaml``). When the second verb is itself a
trigger ("and besieged Lashkar Gah"), its own row tells that name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import alternation
from ..reference import load_yaml


@lru_cache(maxsize=1)
def _second_verb() -> re.Pattern[str]:
    gates = load_yaml("control_gates.yaml")
    irregular = alternation(gates["second_verb_irregular"])
    return re.compile(
        r"\b(?:and|then|before|while|as)\s+(?:then\s+|also\s+|later\s+|now\s+)?"
        r"(?:(?:was|were|is|are|had|has|have|been)\s+(?:also\s+|now\s+)?)?(?:\w+ly\s+)?"
        rf"((?:{irregular})|[a-z]+(?:ed|ing))\b(?=\s+(?:the|a|an|its|their|on|upon|towards?|into|in|at|near|around|from|[A-Z]))")


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("control_gates.yaml")["second_verb_adjectives"])


def second_verb_objects(text: str, spans) -> set[int]:
    """Indexes of the spans (in text order, with .start/.end) that follow a second verb
    after an earlier span of the same list."""
    out: set[int] = set()
    ordered = sorted(range(len(spans)), key=lambda i: spans[i].start)
    for k in range(1, len(ordered)):
        first = spans[ordered[0]]
        here = spans[ordered[k]]
        if first.end >= here.start:
            continue
        for m in _second_verb().finditer(text, first.end, here.start):
            if m.group(1).lower() not in _adjectives():
                out.update(ordered[k:])
                return out
    return out
