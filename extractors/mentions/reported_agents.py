"""Agents named by a pronoun in reported speech: "Russia's defence ministry said its forces
had captured Selydove", "The RSF said it had taken Babanusa", "Ukraine's military said it
had ordered its troops to leave Vuhledar". The pronoun ("it", "its forces", "they", "their
fighters") right after the report verb stands for the speaker: an actor mention, or a
country's ministry, general staff or military (``seeds/reference/actors_country_names.csv``).
The pronoun becomes an actor mention of the speaker's actor, replacing a generic mention
inside it ("troops" in "its troops").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..actors import ActorMention, country_forces
from ..patterns import trie_alternation

_FORCES = r"(?:forces|troops|fighters|units|soldiers|men|army|military|militants|army\s+units)"
_REPORT = re.compile(
    r"[^.;:\"“”]{0,60}?\b(?:said|says|announced|claimed|reported|stated|confirmed)\b"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+)?(?:\s+that)?\s+"
    rf"(?P<pronoun>its\s+{_FORCES}|their\s+{_FORCES}|it|they)\s+"
    r"(?=(?:had|has|have|would|captured|seized|took|retook|recaptured|entered|"
    r"withdrew|pulled|liberated|overran|controlled?|gained|lost|repelled|destroyed|shot|downed|killed)\b)",
    re.IGNORECASE)
# every match of _REPORT holds its pronoun between white space: a cheap test before the speakers are read
_PRONOUN = re.compile(r"\s(?:its?|they|their)\s", re.IGNORECASE)
_OTHER_REPORT_VERB = re.compile(r"\b(?:announced|claimed|reported|stated|confirmed)\b")
_INSTITUTION = r"(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|general\s+staff|armed\s+forces|military|army)"


@lru_cache(maxsize=1)
def _country_speakers() -> re.Pattern[str]:
    # a prefix tree of the names, not ~200 names tried in turn at every word (the same
    # matches, ~10 times faster on a sentence that reports speech)
    names = trie_alternation(list(country_forces()), keep_case=True)
    return re.compile(rf"\b(?P<name>{names})(?:'s|’s)?\s+{_INSTITUTION}\b|"
                      rf"\b(?P<name2>{names})\b(?=\s+(?:said|says|claimed|announced))")


def with_reported_agents(text: str, actors: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """``actors`` with the pronouns of reported speech read as their speaker."""
    if " said " not in text and " says " not in text and not _OTHER_REPORT_VERB.search(text):
        return actors
    if not _PRONOUN.search(text):
        return actors  # no pronoun a report could hand to its speaker (most sentences that report)
    speakers = [(m.start, m.end, m.actor_id) for m in actors if m.actor_id not in ("civilians", "unknown")]
    for match in _country_speakers().finditer(text):
        speakers.append((match.start(), match.end(), country_forces()[match.group("name") or match.group("name2")]))
    by_pronoun: dict[int, ActorMention] = {}
    for _, end, actor_id in sorted(speakers):  # the speaker that starts first is the whole subject
        report = _REPORT.match(text, end)
        if report and report.start("pronoun") not in by_pronoun:
            start, stop = report.span("pronoun")
            by_pronoun[start] = ActorMention(report.group("pronoun"), actor_id, start, stop)
    added = list(by_pronoun.values())
    if not added:
        return actors
    kept = [m for m in actors if not any(a.start <= m.start < a.end for a in added)]
    return tuple(sorted([*kept, *added], key=lambda m: m.start))
