"""Split an article into sentences, keeping exact character offsets.

Every claim's evidence is one sentence, and ``article_text[start:end]`` must give it back
exactly, so splitting never rewrites text: it only finds boundaries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from .records import fast_init

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "brig", "st",
    "u.s", "u.n", "u.k", "e.g", "i.e", "vs", "no", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "km", "inc", "co",
    "gov", "sen", "rep", "adm", "cmdr", "cpl", "pvt", "prof", "rev", "gens",  # wire titles: "Gov. Pavlo Kyrylenko said"
}
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


@fast_init
@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int  # index of the paragraph (block separated by line breaks)
    index: int  # position of the sentence in the article


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


_WORD_OR_DOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _ends_with_abbreviation(chunk: str) -> bool:
    # the letters and dots before the final "." (what r"([A-Za-z.]+)\.$" finds), read
    # backwards: an end-anchored search would retry at every character of the chunk
    tail = chunk[-40:].rstrip("\"'”’)]")
    if tail.endswith("\n"):  # "$" also matches before a final line break
        tail = tail[:-1]
    if not tail.endswith("."):
        return False
    i = len(tail) - 1
    while i and tail[i - 1] in _WORD_OR_DOT:
        i -= 1
    if i == len(tail) - 1:
        return False
    token = tail[i:-1].lower().rstrip(".")
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets into ``text``; whitespace trimmed at both ends."""
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        cursor = p_start
        block = text[p_start:p_end]
        for match in _BOUNDARY.finditer(block):
            cut = p_start + match.end()
            if _ends_with_abbreviation(text[cursor:cut]):
                continue
            _append(sentences, text, cursor, cut, paragraph)
            cursor = cut
        _append(sentences, text, cursor, p_end, paragraph)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(text[start:end], start, end, paragraph, len(out)))
