"""What a fact extractor sees: one sentence, with its article around it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .claims import Evidence
from .text import Sentence


@dataclass(frozen=True)
class ArticleContext:
    article_id: str
    text: str
    published_at: date | None
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class SentenceContext:
    article: ArticleContext
    sentence: Sentence
    claimant: str | None  # normalised claimant in force for this sentence (may be carried over)
    claimant_text: str | None  # the article's words for it

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def published_at(self) -> date | None:
        return self.article.published_at

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.sentence.text, self.sentence.start, self.sentence.end)

    def previous(self, n: int = 1) -> Sentence | None:
        """The sentence ``n`` places before this one, or None."""
        i = self.sentence.index - n
        return self.article.sentences[i] if i >= 0 else None
