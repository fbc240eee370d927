"""Article identity: content-hash ids, exact copies, and near-identical syndicated copies."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

_WORD = re.compile(r"\w+")
NEAR_DUPLICATE_JACCARD = 0.7  # share of word 3-grams two texts must have in common
SHINGLE_SIZE = 3


def normalise(text: str) -> str:
    """The text with white space folded: copies that differ only in spacing are the same."""
    return " ".join(text.split())


def content_sha256(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def article_id_for(text: str) -> str:
    """Deterministic id: the first 16 hex digits of the normalised text's SHA-256."""
    return content_sha256(text)[:16]


def shingles(text: str, size: int = SHINGLE_SIZE) -> frozenset[int]:
    """Hashed word n-grams of the lower-cased text."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({hash(tuple(words))})
    return frozenset(hash(tuple(words[i:i + size])) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Candidate:
    article_id: str
    text: str
    published_at: date | None
    source_uri: str


def near_duplicates(articles: list[Candidate], threshold: float = NEAR_DUPLICATE_JACCARD) -> dict[str, str]:
    """``{copy_id: original_id}`` for syndicated copies: the earliest article (by publication
    date, then source) is the original, each later one above ``threshold`` points to it."""
    ordered = sorted(articles, key=lambda a: (a.published_at or date.max, a.source_uri))
    originals: list[tuple[Candidate, frozenset[int]]] = []
    copies: dict[str, str] = {}
    for article in ordered:
        grams = shingles(article.text)
        match = next(
            (orig for orig, orig_grams in originals
             if _lengths_close(len(grams), len(orig_grams), threshold) and jaccard(grams, orig_grams) >= threshold),
            None,
        )
        if match is None:
            originals.append((article, grams))
        else:
            copies[article.article_id] = match.article_id
    return copies


def _lengths_close(a: int, b: int, threshold: float) -> bool:
    """Two sets can only reach the threshold when their sizes are within its ratio."""
    return min(a, b) >= threshold * max(a, b)
