"""The casualty cues compile through ``compiled_patterns`` (the on-disk program cache,
speed8b): every pattern they hold is the one ``re.compile`` gives (same text, flags and
program), whether it came from the cache or was compiled here."""
import re

from extractors import casualty_cues


def _patterns(value):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns(item)


def test_every_cue_pattern_equals_a_fresh_compile():
    found = list(_patterns(casualty_cues.cues()))
    assert len(found) > 40
    for pattern in found:
        assert pattern == re.compile(pattern.pattern, pattern.flags)
