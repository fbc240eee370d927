"""The auxiliary gate of the control trigger scan (speed8b): an auxiliary ("were", "has") is
tried against its long trigger pattern only where the word after it can go on a trigger of
one of its families (an adverb, a participle, "been", a listed phrase's second word); the
triggers found are the same as the full scan's."""
from __future__ import annotations

import re
from functools import lru_cache

from .frames import control_after_fighting, control_after_fighting_next_words

_LETTERS = re.compile(r"[a-z]+")


def _first_run(phrase: str) -> str:
    """The first run of letters of a phrase ("re" of "re-taken")."""
    m = _LETTERS.search(phrase.lower())
    return m.group() if m else ""


@lru_cache(maxsize=None)
def aux_next_words(key: str) -> tuple[str, ...] | None:
    """Every trigger family an auxiliary ("were") starts goes on, after non-letters, with a
    word that starts with one of these (an adverb, a participle, "been", a phrase's second
    word); None when a family is not one this knows (no gate then)."""
    from . import triggers  # triggers imports this module; read once per auxiliary (cached)

    vocab = triggers._vocab()
    forms = {form for form, _, _ in triggers._trigger_patterns(key)}
    if not forms <= {"passive", "expel_passive", "under_control_passive", "fell_to", "under_control", "active"}:
        return None
    if key in ("has", "have", "had"):  # only "has been", "have been", "had been"
        runs = {"been"}
    else:
        participles = [w for words in vocab["passive"].values() for w in words]
        runs = set(triggers._ADVERBS) | {_first_run(w) for w in participles + triggers._expel_participles() + vocab["under_control_passive"]}
    for group in ("fell_to", "under_control", "active"):
        for words in vocab.get(group, {}).values():
            for phrase in triggers._by_first_word(words).get(key, []):
                rest = _LETTERS.findall(phrase.lower())
                if len(rest) < 2 or rest[0] != key:
                    return None
                runs.add(rest[1])
    if key in control_after_fighting()[0]:  # "had full control of X after clashes" (control10b)
        runs |= control_after_fighting_next_words()
    if "" in runs:
        return None
    return tuple(sorted(runs))


def aux_may_start(key: str, text: str, end: int) -> bool:
    """Cheap test every trigger at the auxiliary ``key`` (ending at ``end``) passes: the
    letters after it start with one of ``aux_next_words``. Non-ASCII letters there pass."""
    runs = aux_next_words(key)
    if runs is None:
        return True
    i, n = end, len(text)
    while i < n and not text[i].isalpha():
        i += 1
    j = i
    while j < n and text[j].isalpha():
        j += 1
    word = text[i:j]
    if not word.isascii():
        return True
    return word.lower().startswith(runs)
