"""Who makes a claim: "according to SOHR", "the army said", "X told Y TV"... (STUB: owner E1)."""
from __future__ import annotations

from collections.abc import Sequence

from .text import Sentence


def claimants_by_sentence(sentences: Sequence[Sentence]) -> list[tuple[str | None, str | None]]:
    """For each sentence, (normalised claimant, article's words) in force, carried over
    from a claimant that opens a paragraph; (None, None) when the article gives none."""
    return [(None, None) for _ in sentences]
