"""An assault is not a hold (helper control8b).

"The paramilitary force had stormed the village twice", "al Shabaab fighters stormed a
military base": a verb of ``raid_lemmas`` (``control_frames.yaml``) tells that a place was
attacked, not that it changed hands. Such a trigger keeps its row only when the same
sentence also says the place was taken or held ("stormed the town and took control of it",
"stormed and captured the base"): a form of ``hold_lemmas`` or a word of ``hold_nouns``
outside the trigger's own words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..reference import load_yaml
from .frames import inflections
from .triggers import Trigger


@lru_cache(maxsize=1)
def _raid_forms() -> frozenset[str]:
    frames = load_yaml("control_frames.yaml")
    return frozenset(f for lemma in frames.get("raid_lemmas", ()) for f in inflections(lemma))


@lru_cache(maxsize=1)
def _hold_finder() -> re.Pattern[str]:
    frames = load_yaml("control_frames.yaml")
    words = {f for lemma in frames.get("hold_lemmas", ()) for f in inflections(lemma)}
    words |= {w.lower() for w in frames.get("hold_nouns", ())}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def is_raid(text: str, trigger: Trigger) -> bool:
    """Is this trigger an assault verb in a sentence that says nothing of a hold?"""
    if trigger.form not in ("active", "passive"):
        return False
    words = text[trigger.start:trigger.end].lower().split()
    if not any(w in _raid_forms() for w in words):
        return False
    if words[-1] in ("into", "inside"):
        return False  # "stormed into the city": a movement into the place, an entry (control10f)
    outside = text[:trigger.start] + " " + text[trigger.end:]
    return _hold_finder().search(outside) is None
