"""The casualty rules' case-blind patterns run on the lower-cased sentence.

``re.IGNORECASE`` makes the engine fold every letter it compares, two to three times
slower than the same pattern on ``text.lower()``; most casualty patterns are searched over
whole sentences or windows and find nothing (a caption, "without specifying whether", a
campaign total). A :class:`CaseBlind` pattern answers ``search``, ``match``, ``fullmatch``
and ``finditer`` like the case-blind pattern it wraps, returning the case-blind pattern's
own match objects (groups read from the original text): it first runs the same pattern
without the flag on the lower-cased text (same offsets, same matches, when
``patterns.lowers_exactly`` holds and the pattern's letters are all lower case: see
:func:`foldable`) and, only where that finds a match, the case-blind pattern at that very
place. Text holding a character that folds onto an ASCII letter (İ ı ſ K) is read by the
case-blind pattern alone. ``sub`` returns the text itself
when the folded pattern finds nothing, else is the case-blind pattern's; so is ``split``.
"""
from __future__ import annotations

import re
import sys
from typing import Iterator

from . import compiled_patterns
from .patterns import lowers_exactly

_ESCAPED_LETTER = re.compile(r"\\[a-zA-Z]|\(\?P<\w+>")
_CHARACTER_CODE = re.compile(r"\\(?:[xuUN0-7])")  # an escaped character could be a capital


def foldable(pattern: str, flags: int) -> bool:
    """True when ``pattern`` (with ``flags``, IGNORECASE among them) finds the same matches
    without IGNORECASE on lower-cased text: no capital or cased non-ASCII letter outside
    escapes (``\\S``, ``\\W``, ``\\B`` mean the same on lower-cased text), no character given
    by its code, no inline flag group (``(?-i:...)``), and no flag but IGNORECASE/UNICODE."""
    if not flags & re.IGNORECASE or flags & ~(re.IGNORECASE | re.UNICODE):
        return False
    if _CHARACTER_CODE.search(pattern):
        return False
    letters = _ESCAPED_LETTER.sub("", pattern)
    if any(c != c.lower() or (not c.isascii() and c != c.upper()) for c in letters):
        return False
    return "(?" not in letters.replace("(?:", "").replace("(?=", "").replace("(?!", "").replace("(?<", "")


_CASED_GROUP = re.compile(r"\(\?-i:([^()\\]*)\)")  # "(?-i:[A-Z])", "(?-i:a|an|the)": no group or escape inside


def relaxed(pattern: str, flags: int) -> str | None:
    """A gate for a case-blind pattern holding case-sensitive groups ("(?-i:[A-Z])"): the
    pattern with each such group made case-blind ("[A-Z]" read as "[a-z]"), to run without
    IGNORECASE on lower-cased text. It matches wherever the pattern does (each group matches
    the lower-cased text the original group matched), so where it finds nothing the pattern
    finds nothing. None when that does not hold: a case-sensitive group inside a negative
    lookaround (relaxing it would forbid more), or a pattern not foldable once relaxed."""
    if "(?-i:" not in pattern:
        return None
    gate = _CASED_GROUP.sub(lambda m: "(?:" + m.group(1).replace("A-Z", "a-z") + ")", pattern)
    if not foldable(gate, flags) or _cased_under_negation(re._parser.parse(pattern, flags), False):  # type: ignore[attr-defined]
        return None
    return gate


def _cased_under_negation(parsed, negated: bool) -> bool:  # noqa: ANN001 (sre's parse tree)
    """True when a case-sensitive group stands inside a negative lookahead or lookbehind."""
    for op, av in parsed:
        name = str(op)
        if name == "SUBPATTERN":
            if negated and av[2] & re.IGNORECASE:
                return True
            children = [av[3]]
        elif name in ("ASSERT", "ASSERT_NOT"):
            negated_here = negated or name == "ASSERT_NOT"
            if _cased_under_negation(av[1], negated_here):
                return True
            continue
        elif name == "BRANCH":
            children = av[1]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            children = [av[2]]
        elif name == "ATOMIC_GROUP":
            children = [av]
        elif name == "GROUPREF_EXISTS":
            children = [c for c in av[1:] if c is not None]
        else:
            continue
        if any(_cased_under_negation(child, negated) for child in children):
            return True
    return False


class CasedGate:
    """A case-blind pattern with case-sensitive groups, behind its :func:`relaxed` gate:
    where the gate finds nothing on the lower-cased text, nothing is found; else the
    pattern itself answers."""

    __slots__ = ("blind", "gate", "pattern", "flags", "groups", "groupindex")

    def __init__(self, blind: re.Pattern[str], gate: str) -> None:
        self.blind = blind
        self.gate = compiled_patterns.compile(gate, blind.flags & ~re.IGNORECASE)
        self.pattern = blind.pattern
        self.flags = blind.flags
        self.groups = blind.groups
        self.groupindex = blind.groupindex

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if lowers_exactly(text) and self.gate.search(text.lower(), pos, endpos) is None:
            return None
        return self.blind.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if lowers_exactly(text) and self.gate.match(text.lower(), pos, endpos) is None:
            return None
        return self.blind.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if lowers_exactly(text) and self.gate.search(text.lower(), pos, endpos) is None:
            return iter(())
        return self.blind.finditer(text, pos, endpos)


class CaseBlind:
    """A case-blind pattern searched on the lower-cased text first (see the module)."""

    __slots__ = ("blind", "folded", "pattern", "flags", "groups", "groupindex")

    def __init__(self, blind: re.Pattern[str]) -> None:
        self.blind = blind
        self.folded = compiled_patterns.compile(blind.pattern, blind.flags & ~re.IGNORECASE)
        self.pattern = blind.pattern
        self.flags = blind.flags
        self.groups = blind.groups
        self.groupindex = blind.groupindex

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if lowers_exactly(text):
            found = self.folded.search(text.lower(), pos, endpos)
            # the case-blind search fails wherever the folded one did: it matches first there
            return None if found is None else self.blind.match(text, found.start(), endpos)
        return self.blind.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if lowers_exactly(text) and self.folded.match(text.lower(), pos, endpos) is None:
            return None
        return self.blind.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if lowers_exactly(text) and self.folded.fullmatch(text.lower(), pos, endpos) is None:
            return None
        return self.blind.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not lowers_exactly(text):
            return self.blind.finditer(text, pos, endpos)
        return (self.blind.match(text, m.start(), endpos) for m in self.folded.finditer(text.lower(), pos, endpos))

    def sub(self, repl, text: str, count: int = 0) -> str:  # noqa: ANN001 (re's signature)
        if lowers_exactly(text) and self.folded.search(text.lower()) is None:
            return text  # nothing to replace
        return self.blind.sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.blind.split(text, maxsplit)


def case_blind(pattern: re.Pattern[str]) -> re.Pattern[str] | CaseBlind | CasedGate:
    """``pattern`` itself, or a :class:`CaseBlind` reading it on lower-cased text when that
    finds the same matches (:func:`foldable`), or a :class:`CasedGate` when only its
    case-sensitive groups keep it from that (:func:`relaxed`)."""
    if foldable(pattern.pattern, pattern.flags):
        return CaseBlind(pattern)
    gate = relaxed(pattern.pattern, pattern.flags) if pattern.flags & re.IGNORECASE else None
    return CasedGate(pattern, gate) if gate is not None else pattern


def compile(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | CaseBlind:  # noqa: A001
    """``compiled_patterns.compile(pattern, flags)`` wrapped by :func:`case_blind`."""
    return case_blind(compiled_patterns.compile(pattern, flags))
