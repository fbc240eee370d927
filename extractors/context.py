"""What a fact extractor sees: one sentence, its mentions (found once), and its article."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .claims import Evidence
from .sentence import SentenceMentions
from .text import Sentence
from .records import fast_init


@fast_init
@dataclass(frozen=True)
class ArticleContext:
    article_id: str
    text: str
    published_at: date | None
    sentences: tuple[Sentence, ...]

    @cached_property
    def _mentions(self) -> dict[int, SentenceMentions]:
        return {}

    def mentions_of(self, sentence: Sentence) -> SentenceMentions:
        """The one annotation of ``sentence`` (made when first asked for, then shared)."""
        found = self._mentions.get(sentence.index)
        if found is None:
            found = self._mentions[sentence.index] = SentenceMentions(sentence.text, self.published_at)
        return found


@fast_init
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
    def mentions(self) -> SentenceMentions:
        """Every mention of the sentence, found once (``sentence.SentenceMentions``)."""
        return self.article.mentions_of(self.sentence)

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
