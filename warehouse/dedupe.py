"""Article identity: content-hash ids, exact copies, and near-identical syndicated copies.

Near duplicates in linear time: each article gets a MinHash signature of its word 3-grams
(``datasketch``, 128 permutations) cut into 32 bands of 4 values; two articles are candidates
when they share a band. The band keys are stored in the warehouse
(``raw.article_lsh_bands``), so a new article is compared only with its candidates, never
with the whole corpus. Candidates are then confirmed with the exact Jaccard rule of before
(word 3-grams, >= 0.7), so the same copies are found: a pair at Jaccard 0.7 is a candidate
with probability 1 - (1 - 0.7^4)^32 > 0.9998.

Short texts (under ``SHORT_TEXT_WORDS`` words) that differ in a number or a date word
("on Friday" / "on Saturday") are never merged: they are different reports.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np

_WORD = re.compile(r"\w+")
NEAR_DUPLICATE_JACCARD = 0.7  # share of word 3-grams two texts must have in common
SHINGLE_SIZE = 3
NUM_PERM = 128
LSH_BANDS, LSH_ROWS = 32, 4  # candidates from Jaccard ~0.4 up; misses at 0.7 below 2 in 10,000
SHORT_TEXT_WORDS = 60
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


def normalise(text: str) -> str:
    """The text with white space folded: copies that differ only in spacing are the same."""
    return " ".join(text.split())


def content_sha256(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def article_id_for(text: str) -> str:
    """Deterministic id: the first 16 hex digits of the normalised text's SHA-256."""
    return content_sha256(text)[:16]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constants: word hashes -> 3-gram hash
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)


def shingle_hashes(text: str, size: int = SHINGLE_SIZE) -> np.ndarray:
    """32-bit hashes of the lower-cased text's word ``size``-grams, stable across processes
    (CRC-32 of each word, combined arithmetically: no string per n-gram)."""
    words = _words(text)
    if len(words) < size:
        return np.array([zlib.crc32(" ".join(words).encode())], dtype=np.uint32)
    word = np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))
    gram = word[: len(words) - size + 1].copy()
    for k in range(1, size):
        gram = gram * _MIX + word[k: len(words) - size + 1 + k]
    gram ^= gram >> np.uint64(31)
    gram *= _MIX2
    return (gram >> np.uint64(32)).astype(np.uint32)


def shingles(text: str, size: int = SHINGLE_SIZE) -> frozenset[int]:
    """Hashed word n-grams of the lower-cased text (stable across processes)."""
    return frozenset(shingle_hashes(text, size).tolist())


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def key_tokens(text: str) -> tuple[str, ...] | None:
    """Numbers and date words of a short text (sorted), or None for a long one: two short
    texts are copies only when these are the same."""
    words = _words(text)
    if len(words) >= SHORT_TEXT_WORDS:
        return None
    return tuple(sorted(w for w in words if w in _DATE_WORDS or any(c.isdigit() for c in w)))


class _WordHashes(dict):
    """CRC-32 of each word, computed once per process (news vocabulary repeats)."""

    def __missing__(self, word: str) -> int:
        if len(self) > 2_000_000:
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


_WORD_HASHES = _WordHashes()


def _permutations_affine32(num_perm: int = NUM_PERM, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's ``MinHash(num_perm, seed, scheme="affine32")``, computed the
    same way (so stored band keys stay valid) without importing datasketch (and scipy)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_PERM_A, _PERM_B = _permutations_affine32()
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_BAND_MIX = np.uint64(0x100000001B3)
_BLOCK = 1024  # shingles per NumPy block: 1024 x 128 permutations x 4 bytes = 512 kB, stays in cache


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (datasketch's pre-mix for the affine32 scheme)."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def minhash_signatures(texts: list[str]) -> np.ndarray:
    """MinHash signatures (one row of ``NUM_PERM`` uint32 per text) of the texts' word 3-grams,
    equal to datasketch's affine32 ``MinHash.update_batch`` of ``shingle_hashes(text)``, for a
    whole batch at once in NumPy."""
    hashes = [shingle_hashes(t) for t in texts]
    result = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    start = 0
    while start < len(hashes):  # groups of texts of about _BLOCK shingles
        stop, size = start, 0
        while stop < len(hashes) and (size == 0 or size + len(hashes[stop]) <= _BLOCK):
            size += len(hashes[stop])
            stop += 1
        group = hashes[start:stop]
        mixed = _fmix32(np.concatenate(group))
        permuted = np.multiply.outer(mixed, _PERM_A)  # uint32: wrap-around is the modulo
        permuted += _PERM_B
        offsets = np.cumsum([0] + [len(h) for h in group[:-1]])
        result[start:stop] = np.minimum.reduceat(permuted, offsets, axis=0)
        start = stop
    return result


def bands_of(signatures: np.ndarray) -> np.ndarray:
    """One signed 64-bit bucket key per band (rows: texts, columns: ``LSH_BANDS``)."""
    values = signatures.astype(np.uint64).reshape(len(signatures), LSH_BANDS, LSH_ROWS)
    key = values[:, :, 0].copy()
    with np.errstate(over="ignore"):
        for row in range(1, LSH_ROWS):
            key = (key * _BAND_MIX) ^ values[:, :, row]
    return key.view(np.int64)


def lsh_bands(text: str) -> list[int]:
    """One signed 64-bit bucket key per band of the text's MinHash signature."""
    return bands_of(minhash_signatures([text]))[0].tolist()


def lsh_bands_many(texts: list[str]) -> list[list[int]]:
    return bands_of(minhash_signatures(texts)).tolist() if texts else []


@dataclass(frozen=True)
class Candidate:
    article_id: str
    text: str
    published_at: date | None
    source_uri: str


def order_key(article: Candidate) -> tuple:
    """The earliest article (by publication date, then source) is the original."""
    return (article.published_at or date.max, article.source_uri, article.article_id)


def assign_copies(
    articles: Iterable[Candidate],
    candidates_of: Callable[[str], set[str]],
    threshold: float = NEAR_DUPLICATE_JACCARD,
) -> dict[str, str]:
    """``{copy_id: original_id}`` over ``articles``: in order, each article points to the first
    earlier original among its LSH candidates that passes the exact rule."""
    ordered = sorted(articles, key=order_key)
    grams: dict[str, frozenset[int]] = {}
    keys: dict[str, tuple[str, ...] | None] = {}
    by_id = {a.article_id: a for a in ordered}
    rank = {a.article_id: i for i, a in enumerate(ordered)}
    originals: set[str] = set()
    copies: dict[str, str] = {}

    def features(article_id: str) -> tuple[frozenset[int], tuple[str, ...] | None]:
        if article_id not in grams:
            text = by_id[article_id].text
            grams[article_id], keys[article_id] = shingles(text), key_tokens(text)
        return grams[article_id], keys[article_id]

    for article in ordered:
        earlier = sorted((c for c in candidates_of(article.article_id) if c in originals), key=rank.__getitem__)
        match = None
        if earlier:
            mine, my_keys = features(article.article_id)
            for other in earlier:
                theirs, their_keys = features(other)
                if (_lengths_close(len(mine), len(theirs), threshold) and jaccard(mine, theirs) >= threshold
                        and _same_facts(article.text, by_id[other].text, my_keys, their_keys)):
                    match = other
                    break
        if match is None:
            originals.add(article.article_id)
        else:
            copies[article.article_id] = match
    return copies


def near_duplicates(articles: list[Candidate], threshold: float = NEAR_DUPLICATE_JACCARD) -> dict[str, str]:
    """``{copy_id: original_id}`` for syndicated copies among ``articles`` (all in memory)."""
    buckets: dict[tuple[int, int], set[str]] = {}
    for article in articles:
        for band, key in enumerate(lsh_bands(article.text)):
            buckets.setdefault((band, key), set()).add(article.article_id)
    neighbours: dict[str, set[str]] = {}
    for members in buckets.values():
        if len(members) > 1:
            for member in members:
                neighbours.setdefault(member, set()).update(members - {member})
    return assign_copies(articles, lambda aid: neighbours.get(aid, set()), threshold)


def _same_facts(text: str, other: str, keys: tuple[str, ...] | None, other_keys: tuple[str, ...] | None) -> bool:
    """Long texts: always; when either is short, the same numbers and date words."""
    if keys is None and other_keys is None:
        return True
    long_keys = lambda t: tuple(sorted(w for w in _words(t) if w in _DATE_WORDS or any(c.isdigit() for c in w)))  # noqa: E731
    return (keys if keys is not None else long_keys(text)) == (other_keys if other_keys is not None else long_keys(other))


def _lengths_close(a: int, b: int, threshold: float) -> bool:
    """Two sets can only reach the threshold when their sizes are within its ratio."""
    return min(a, b) >= threshold * max(a, b)
