"""Whether a place name found in a sentence may lie inside an armed actor's name.

``places._find_places`` drops a place inside a longer actor name ("al-Sham" of "Hayat
Tahrir al-Sham"). Reading a sentence's actors costs a scan of ~9,000 aliases, so it is done
only where an actor's name can hold the place: the caller tests whether an allegiance phrase
may stand in the sentence (``allegiance.may_hold_phrase``: a bond such as "loyal to", a
prefixed bond "-backed", a government noun; a bare cue word, "backed", adds none) and ``in_some_alias`` tests whether the place's words are a run
of whole words of some alias, or a later word of it starts one (two aliases merged, "ISIL
terrorists"). Otherwise no actor span can hold the place and the answer is the same without
reading them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .startup_cache import cached_table

_WORD_START = re.compile(r"(?<![A-Za-z\u00C0-\u024F])[A-Za-z\u00C0-\u024F]")  # where a token (``places._TOKEN``) may start
_NOT_LETTER = re.compile(r"[^A-Za-z\u00C0-\u024F]")  # where one may end (or at the end)
_WORD_HEAD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _alias_word_runs() -> tuple[frozenset[str], frozenset[str]]:
    """(every run of whole words inside an actor alias, lower case; the first words of
    aliases): a place name that is no such run, and whose later words start no alias, lies in
    no actor's name (``in_some_alias``)."""
    from .actors import _alias_first_words  # late import: actors does not need places
    return cached_table("alias_word_runs", _build_alias_word_runs), _alias_first_words()


def _build_alias_word_runs() -> frozenset[str]:
    from .actors import _alias_table
    runs: set[str] = set()
    for alias in _alias_table():
        for form in {alias, alias.lower(), alias.casefold()}:
            ends = [m.start() for m in _NOT_LETTER.finditer(form)] + [len(form)]
            runs.update(form[a:b] for a in (m.start() for m in _WORD_START.finditer(form)) for b in ends if b > a)
    return frozenset(runs)


@lru_cache(maxsize=16384)
def in_some_alias(name: str) -> bool:
    """May an actor's name (``actors.find_actors``: an alias, or aliases a space apart merged
    as "ISIL terrorists"; an allegiance phrase is the caller's test) hold this place name as
    written? False only when it cannot: the name (an ASCII one; any other is read) is no run
    of whole words of an alias, and no word after a space in it starts an alias."""
    if not name.isascii():
        return True
    runs, firsts = _alias_word_runs()
    key = name.lower()
    if key in runs:
        return True
    words = key.split()
    return any(m.group() in firsts for w in words[1:] for m in [_WORD_HEAD.match(w)] if m)


def actor_spans(text: str) -> list[tuple[int, int]]:
    """Spans of armed-actor names in ``text``: a place name inside a longer one is no place."""
    from .actors import find_actors  # late import: actors does not need places
    return [(m.start, m.end) for m in find_actors(text)]
