"""Who claims a control change (helper control6): the sentence's claimant as the shared
claimant reader gives it, corrected where a control sentence says more.

- **The speaker is an armed actor named in full**: "The Arakan Army said it had seized
  Paletwa", "The Syrian National Army said its fighters had taken Tal Rifaat": when the
  shared reader gives no claimant, or only a word of that actor's name ("Army"), the
  claimant is the actor as the sentence names it.
- **A headline or lead without a source** takes the source the article gives for the same
  change (same place, same new controller) elsewhere (``inherit_claimants``, run once per
  article)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..claims import ControlChange
from ..context import SentenceContext
from ..actors import state_forces
from .installations import without_unnamed_details

_REPORT = re.compile(r"\s+(?:(?:also|later|earlier|separately)\s+)?(?:said|says|claimed|claims|announced|announces|"
                     r"reported|stated|declared|confirmed)\b")
_BETWEEN = re.compile(r"^(?:\s*\([^)]{1,40}\))?(?:\s*,[^,]{1,60},)?(?:\s+(?:on|late|early)\s+\w+(?:\s+\w+)?)?$")


def speaker(ctx: SentenceContext) -> tuple[str, str] | None:
    """(claimant, claimant_text) for an armed actor heading "X said ..." when the shared
    claimant is missing or a fragment of that actor's name; None to keep the shared one."""
    text = ctx.text
    for mention in ctx.mentions.actors:
        if mention.label.lower() in ("it", "they", "its", "their") or mention.start > 120:
            continue
        verb = _REPORT.search(text, mention.end, mention.end + 90)
        if verb is None or _BETWEEN.match(text[mention.end:verb.start()]) is None:
            continue
        written = text[mention.start:mention.end]
        shared = ctx.claimant_text or ""
        if (not shared or (shared.lower() != written.lower() and shared.lower() in written.lower())
                or _inside_the_report(text, shared, verb.start())):
            return mention.label, written
        return None
    return _lead_speaker(ctx)


def _inside_the_report(text: str, shared: str, verb_start: int) -> bool:
    """Is the shared claimant's text only found after the report verb ("Ukraine's military said
    Russian forces had taken Hirske": "Russian forces" did the taking, they do not claim it)?"""
    at = text.find(shared) if shared else -1
    return at > verb_start


# "Further south, the Joint Operations Command said army units had entered ...": the words
# before the sentence's first report verb, a name or a definite description (helper control9)
_LEAD_SPEAKER = re.compile(
    r"^(?:[A-Z][A-Z'’./ -]+(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*(?:\([^)]{1,30}\))?\s*[—–-]\s)?"  # dateline
    r"(?:(?:Further|Farther)\s+\w+,\s*|(?:On|In|Late|Early|Earlier|Later)\s+\w+,?\s+)?"
    r"(?P<subject>(?:the\s+|The\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|for|the|[a-z]+['’]s))*"
    r"(?:\s+(?:defen[cs]e\s+ministry|ministry|military|army|spokesman|spokeswoman|officials?|command))?)"
    r"\s+(?:also\s+|later\s+)?(?:said|says|claimed|claims|announced|reported|stated|confirmed|acknowledged)\b")
_NOT_SPEAKERS = frozenset({"he", "she", "it", "they", "we", "i", "the", "this", "that"})


def _lead_speaker(ctx: SentenceContext) -> tuple[str, str] | None:
    """The speaker heading the sentence when the shared claimant is missing or stands inside
    what the speaker reports; None to keep the shared one."""
    m = _LEAD_SPEAKER.match(ctx.text)
    if m is None:
        return None
    subject = re.sub(r"^(?:the|The)\s+", "", m.group("subject")).strip()
    if subject.lower() in _NOT_SPEAKERS or len(subject.split()) > 8:
        return None
    shared = ctx.claimant_text or ""
    if shared and not _inside_the_report(ctx.text, shared, m.end("subject")):
        return None
    return subject, subject


def inherit_claimants(changes: list[ControlChange]) -> list[ControlChange]:
    """A change with no claimant takes the claimant of the same change (place and new
    controller) told with a source elsewhere in the article ("RSF enters Wad Madani" from
    "... the RSF said on Monday")."""
    sourced: dict[tuple[str, str | None], ControlChange] = {}
    for change in changes:
        if change.claimant and change.place is not None:
            sourced.setdefault(((change.place.place_id or change.place.name).lower(), change.new_controller), change)
    out = []
    for change in changes:
        if not change.claimant and change.place is not None:
            source = sourced.get(((change.place.place_id or change.place.name).lower(), change.new_controller))
            if source is not None:
                change = replace(change, claimant=source.claimant, claimant_text=source.claimant_text)
        out.append(change)
    return without_unnamed_details(_told_again_as_recapture(_taken_back(out)))


def _taken_back(changes: list[ControlChange]) -> list[ControlChange]:
    """A state's capture of a place from an actor that the same sentence says took it from
    the state first is a recapture ("Fano took Lalibela ..., before federal troops pushed
    them out of the towns"; control8)."""
    taken: set[tuple[str, str | None, str | None, str]] = set()
    out = []
    for change in changes:
        key = (change.place.place_id or change.place.name).lower() if change.place is not None else ""
        if (change.change_type == "capture" and key and change.new_controller in state_forces()
                and (key, change.previous_controller, change.new_controller, change.evidence.text) in taken):
            change = replace(change, change_type="recapture")
        if change.change_type in ("capture", "recapture", "entry") and key:
            taken.add((key, change.new_controller, change.previous_controller, change.evidence.text))
        out.append(change)
    return out


def _told_again_as_recapture(changes: list[ControlChange]) -> list[ControlChange]:
    """One event told twice: a capture of a place the article says the same side retook
    from the same enemy ("Iraqi forces take Tal Afar citadel" over "recaptured ... most districts
    of Tal Afar"; "The RSF acknowledged it had lost the city" after "retaking the capital of
    Gezira state") is that recapture (helper control9). Not when the two are dated a week apart."""
    retaken = [c for c in changes if c.change_type == "recapture" and c.place is not None]
    if not retaken:
        return changes
    out = []
    for change in changes:
        if change.change_type == "capture" and change.place is not None and any(
                r.new_controller == change.new_controller and r.previous_controller == change.previous_controller
                and _same_place(r, change) and _close_in_time(r, change) for r in retaken):
            change = replace(change, change_type="recapture")
        out.append(change)
    return out


def _same_place(a: ControlChange, b: ControlChange) -> bool:
    if a.place.place_id and a.place.place_id == b.place.place_id:
        return True
    x, y = _name_words(a.place.name), _name_words(b.place.name)
    return bool(x) and bool(y) and (x <= y or y <= x)


def _name_words(name: str) -> frozenset[str]:
    """"the al-Jaili oil refinery" -> {jaili, oil, refinery}: a name's words without articles."""
    return frozenset(re.sub(r"^(?:al|el|ad|ar|as|at|az)-", "", w) for w in re.findall(r"[\w'’-]+", name.lower())
                     if w not in ("the", "of", "and", "a", "an", "most", "part", "parts"))


def _close_in_time(a: ControlChange, b: ControlChange) -> bool:
    if a.when.start is None or b.when.start is None:
        return True
    return abs((a.when.start - b.when.start).days) <= 7
