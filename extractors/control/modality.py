"""Modality filters of control triggers: a trigger is dropped when it is not a reported
event (a failed attempt, an intention, a denial, a modal, a condition, background, an
adjective use). Split from ``triggers.py`` (helper control5)."""
from __future__ import annotations

import re
from functools import lru_cache

from .frames import vocabulary as _vocab
from .nominals import _possessor
from .triggers import _DAYS_MONTHS, Trigger


# ---------------------------------------------------------------- modality filters

@lru_cache(maxsize=1)
def _not_event_pattern() -> re.Pattern[str]:
    words = [w.strip() for w in _vocab()["not_an_event"]]
    variants = set(words) | {w[0].upper() + w[1:] for w in words if w.lower() != "may"}
    return re.compile(r"(?<![\w'])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(variants, key=len, reverse=True)
    ) + r")(?![\w])")


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_CLAUSE_BREAK = re.compile(r"[;:—]|,\s+(?:but|while|although|whereas)\b|\b(?:but|while|whereas)\b")


def _window_before(text: str, start: int, words: int = 12) -> str:
    """Up to ``words`` words before ``start``, not crossing a clause break."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    return " ".join(before.split()[-words:])


# "since late last week the rebels have taken ...": a recent anchor, not background
_RECENT_SINCE = re.compile(
    rf"\s+(?:late\s+|early\s+)?(?:last\s+(?:week|night|month)|yesterday|the\s+weekend|this\s+week|dawn|"
    rf"(?:{_DAYS_MONTHS})\b)", re.IGNORECASE)


# A month without a year after the trigger, in its clause ("took X in April"): an event of
# the article's year (a year in the sentence is checked apart).
_MONTH_AFTER = re.compile(rf"[^.;,]{{0,80}}?\b(?:in|on|early|late|mid-?)\s+(?:{_DAYS_MONTHS}|May)\b(?!\s+\d{{4}})")
# "before" + a subject + a past verb: a temporal clause about what happened ("Before
# government forces left Idlib"), not a prevented or future change ("before they could
# take", "before rebels take"); modals are filtered on their own.
_PAST_CLAUSE = re.compile(r"(?:\s+[\w'’-]+){1,4}\s*$")
_IRREGULAR_PAST = frozenset({"left", "took", "fell", "won", "drove", "withdrew", "retook", "overran", "overtook"})


def _is_past(text: str, trigger: Trigger) -> bool:
    word = text[trigger.start:trigger.end].split()[0].lower()
    return trigger.form in ("active", "expel") and (word.endswith("ed") or word in _IRREGULAR_PAST)  # "before troops pushed them out" (control8)


# Verbs that report a completed act of their own ("repelled", "thwarted"): a trigger joined
# to them by "and" (with its own auxiliary) is a second event, not what was prevented.
_DONE_BLOCKERS = frozenset({"repelled", "thwarted", "foiled", "prevented"})
_NEW_VERB = re.compile(r"\band\s+(?:had|has|have|then|later|also)(?:\s+also)?\s*$")
_SINCE_ADVERB = re.compile(r"\b(?:has|have|had)\s+$", re.IGNORECASE)
_FORMERLY = re.compile(r"\s+(?:a|an|the|home|part)\b", re.IGNORECASE)


# "(\w+)\s+to ...$" as first written: a match starts at a word's start (from inside the word the
# same match starts further left) and its word never gives back letters (a space must follow),
# so "\b" and "\w++" find the same matches without trying every letter of every word
_INFINITIVE_END = re.compile(r"\b(\w++)\s+to\s+(?:\w+ly\s+)?$")
_INFINITIVE_AND = re.compile(r"\b(\w++)\s+to\s+[a-z]+\b[^,;.]{0,60}\band\s+(?:[a-z]+\s+)?$")


def _is_reported_event(text: str, trigger: Trigger, published_year: int | None) -> bool:
    """False for failed attempts, intentions, denials, modals, background and adjectives."""
    window = _window_before(text, trigger.start)
    for m in _not_event_pattern().finditer(window):
        word = m.group().lower()
        if word == "once" and _FORMERLY.match(window, m.end()):
            continue  # "the town, once a government stronghold, was captured": formerly
        if word == "since" and _SINCE_ADVERB.search(window, 0, m.start()):
            continue  # "Al-Nusra has since seized": afterwards, not background
        if word == "since" and m.end() >= len(window) - 40 and _MONTH_AFTER.match(text, trigger.end):
            continue  # "... since insurgents took Jisr al-Shughour in April": this year's event
        if word == "before" and _PAST_CLAUSE.match(window, m.end()) and _is_past(text, trigger):
            continue  # "Before government forces left Idlib they executed ...": it happened
        if word in _DONE_BLOCKERS and _NEW_VERB.search(window, m.end()):
            continue  # "repelled attacks near several villages and had retaken X": a verb of its own
        if word != "since" or not _RECENT_SINCE.match(window, m.end()):
            return False
    infinitive = _INFINITIVE_END.search(window + " ") or _INFINITIVE_AND.search(window + " ")
    if infinitive and infinitive.group(1).lower() not in _vocab()["success_before_to"]:
        return False  # "to take", "to advance on X and complete the encirclement of"
    if trigger.form == "active" and _is_adjective(text, trigger):
        return False  # "the besieged town of ...", "two captured villages"
    words = text[trigger.start:trigger.end].split()
    if trigger.form == "nominal_list":  # "the gains will include": the verb of the list is inside the trigger
        if _not_event_pattern().search(text, trigger.start, trigger.end):
            return False
        words = words[:1]
    if trigger.form in ("expel", "expel_passive", "under_since", "withdraw_forces"):  # the actor inside may be a name
        words = words[:2] if trigger.form == "expel_passive" else words[:1]  # the expelled actor's name may be capitalised
    if trigger.form == "nominal" and len(words) > 3 and _possessor(words[1]):
        words = [words[0], *words[2:]]  # "the RSF's seizure of": the possessor may be a name
    capitals = [w for i, w in enumerate(words) if w[0].isupper() and (i > 0 or trigger.start > 0)]
    if capitals and not _is_title(text):
        return False  # part of a name: "Organization for the Liberation of the Levant"
    for year in _YEAR.finditer(text):
        if _YEAR_AS_NAME.match(text, year.end()) and _DETERMINER_BEFORE.search(text, 0, year.start()):
            continue  # "cradle of the 2011 uprising", "the 1974 disengagement agreement": a name, not the time
        if published_year is None or int(year.group()) < published_year:
            return False
    return True


# A year between a determiner and a lower-case noun names another event ("the 2021 coup",
# "the 2011 uprising", "since the 2022 invasion" is still caught by "since"), not this one's time.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+(?:[a-z]+\s+)?$")
_YEAR_AS_NAME = re.compile(r"\s+(?!and\b|to\b|or\b|when\b|after\b|before\b)[a-z][a-z-]+")


_NOUN_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"})


_LAST_WORD = re.compile(r"([\w'’-]+)\s*$")
_PARTICIPLE_END = re.compile(r"(?:ed|en|un)$")


def _is_adjective(text: str, trigger: Trigger) -> bool:
    """A participle used as an adjective: after a determiner, number, preposition or a
    "-held" word ("the captured town", "19 besieged areas", "government-held besieged");
    any other verb form after a determiner is a noun ("their advance into the city")."""
    word = text[trigger.start:trigger.end].split()[0].lower()
    before = _LAST_WORD.search(text[:trigger.start])
    if before is None:
        return False
    prev = before.group(1).lower()
    if not _PARTICIPLE_END.search(word):
        return prev in _NOUN_DETERMINERS
    if prev.endswith("ly") and re.search(r"(?:\b(?:the|a|an|its|their|two|three|four|five|several|many|\d+)|-held|-controlled)\s+\w+ly\s*$",
                                         text[:trigger.start], re.IGNORECASE):
        return True  # "four partly occupied regions", "the newly captured town": an adjective (control6)
    return (
        prev in _vocab()["adjective_before"] or prev.isdigit()
        or prev.endswith(("-held", "-controlled", "-besieged"))
    )


def _is_title(text: str) -> bool:
    """A headline in title case ("Militants Seize Control of Major City")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _is_reinforcement(text: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in _vocab()["reinforcement"])

