"""Building regular expressions from vocabulary lists (the lists live in seeds/reference)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from . import compiled_patterns  # kept on disk between processes


def alternation(words: Iterable[str], flexible_space: str | None = None) -> str:
    """``a|b|c`` of the escaped words, longest first so the longest phrase wins.

    ``flexible_space``, when given, replaces each space inside a phrase (e.g. ``r"\\s+"``).
    Memoised: some rules build their pattern text again for every sentence they read.
    """
    return _alternation(tuple(words), flexible_space)


@lru_cache(maxsize=4096)
def _alternation(words: tuple[str, ...], flexible_space: str | None) -> str:
    # longest first; words of one length in a fixed order (a set's order changes with every
    # process: the pattern text, and so its cached program, would too)
    ordered = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    escaped = (re.escape(w) for w in ordered)
    if flexible_space is not None:
        escaped = (e.replace(r"\ ", flexible_space) for e in escaped)
    return "|".join(escaped)


def trie_alternation(words: list[str], keep_case: bool = False) -> str:
    """A regex matching the same lower-case words as ``alternation(words)``, written as a
    prefix tree ("the (?:observatory|sources)") so the engine does not retry every word at
    every position; longer words still win over their prefixes. ``keep_case``: the words as
    written, for a case-sensitive pattern (the same matches as the longest-first ``a|b|c``:
    words matching at one place are prefixes of each other, tried longest first in both)."""
    tree: dict[str, dict] = {}
    for word in {w if keep_case else w.lower() for w in words if w}:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # end of a word

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def substring_finder(stems: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding any of the lower-case ``stems`` anywhere in a lower-cased text (a
    prefix tree: faster than testing each stem in turn)."""
    return compiled_patterns.compile(trie_alternation(list(stems)))


def case_blind_alternation(words: Iterable[str]) -> str:
    """``alternation(words)`` for a pattern compiled with re.IGNORECASE, written as a prefix
    tree when the words are ASCII: the same matches (the words matching at one place are
    prefixes of each other, and both forms try them longest first), without retrying every
    word in turn at every place."""
    words = [w.strip() for w in words if w.strip()]
    return trie_alternation(words) if all(w.isascii() for w in words) else alternation(words)


def whole_words(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pattern matching any of ``words`` as whole words (hyphens count as word characters)."""
    body = case_blind_alternation(words) if flags & re.IGNORECASE else alternation(words)
    return compiled_patterns.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def invert(groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """``{label: [word, ...]}`` -> ``{word (lower-case): label}``."""
    return {word.lower(): label for label, words in groups.items() for word in words}


# Characters outside ASCII that re.IGNORECASE matches to an ASCII letter (İ ı ſ K, Kelvin
# sign): without them, ``text.lower()`` keeps its length and offsets, and an ASCII
# lower-case pattern run on it finds what the same pattern with IGNORECASE finds on
# ``text``, several times faster (the engine compares case-blind letters one by one).
_CASE_FOLD_SPECIALS = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowers_exactly(text: str) -> bool:
    """True when case-blind matching of ASCII words in ``text`` may run on ``text.lower()``."""
    return text.isascii() or not any(char in text for char in _CASE_FOLD_SPECIALS)


class CaseBlindSearch:
    """``search`` of an ASCII case-blind pattern: on the lower-cased text when that is exact
    (``lowers_exactly``), else with re.IGNORECASE on the text itself. Same truth value."""

    def __init__(self, pattern: str) -> None:
        if not pattern.isascii() or pattern != pattern.lower():  # also refuses \\D, \\W, \\S, \\B
            raise ValueError(f"not an ASCII lower-case pattern: {pattern[:60]}")
        self.folded = compiled_patterns.compile(pattern)  # the pattern's letters must be lower case ASCII
        self.blind = compiled_patterns.compile(pattern, re.IGNORECASE)

    def found_in(self, text: str, lowered: str | None = None) -> bool:
        if lowers_exactly(text):
            return self.folded.search(text.lower() if lowered is None else lowered) is not None
        return self.blind.search(text) is not None
