"""control extraction (STUB, to be written)."""
from __future__ import annotations

from .context import SentenceContext


def extract(ctx: SentenceContext) -> list:
    return []
