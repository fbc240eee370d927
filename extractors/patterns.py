"""Building regular expressions from vocabulary lists (the lists live in seeds/reference)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def alternation(words: Iterable[str], flexible_space: str | None = None) -> str:
    """``a|b|c`` of the escaped words, longest first so the longest phrase wins.

    ``flexible_space``, when given, replaces each space inside a phrase (e.g. ``r"\\s+"``).
    """
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    escaped = (re.escape(w) for w in ordered)
    if flexible_space is not None:
        escaped = (e.replace(r"\ ", flexible_space) for e in escaped)
    return "|".join(escaped)


def trie_alternation(words: list[str]) -> str:
    """A regex matching the same lower-case words as ``alternation(words)``, written as a
    prefix tree ("the (?:observatory|sources)") so the engine does not retry every word at
    every position; longer words still win over their prefixes."""
    tree: dict[str, dict] = {}
    for word in {w.lower() for w in words if w}:
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
    return re.compile(trie_alternation(list(stems)))


def whole_words(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pattern matching any of ``words`` as whole words (hyphens count as word characters)."""
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", flags)


def invert(groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """``{label: [word, ...]}`` -> ``{word (lower-case): label}``."""
    return {word.lower(): label for label, words in groups.items() for word in words}
