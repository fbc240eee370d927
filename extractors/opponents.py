"""The article's main opponent of an actor: the armed actor most often named in the article
on the other side (generic framings refined into the group the article names). One reader
for control changes (who won a withdrawal, who lost a capture) and equipment losses (whose
vehicles an actor destroyed, who captured them); it reads the mentions every sentence
already holds and never re-scans the text."""
from __future__ import annotations

import re
from functools import lru_cache

from .actors import ActorMention, specific_actor
from .context import SentenceContext
from .sides import armed, opposed


# An actor named as the one who speaks ("a Ugandan army spokesman said"), not one that fights (control9).
SPEAKER_NOUN = re.compile(r"\s+(?:spokes(?:man|woman|person)|officials?|sources?|statement|press\s+office)\b", re.IGNORECASE)


def article_opponent(ctx: SentenceContext, actor: str) -> tuple[str | None, str | None]:
    """(actor id, label as written) of the actor most often named in the article on the
    other side of ``actor``; (None, None) when the article names none."""
    article = ctx.article
    mentions = tuple(m for s in article.sentences for m in article.mentions_of(s).actors
                     if not SPEAKER_NOUN.match(s.text, m.end))
    return _article_opponent_of(article.text, actor, mentions)


@lru_cache(maxsize=256)
def _article_opponent_of(article: str, actor: str, mentions: tuple[ActorMention, ...]) -> tuple[str | None, str | None]:
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for m in armed(mentions):
        refined = specific_actor(m.label, m.actor_id, (), article)
        if opposed(actor, refined):
            counts[refined] = counts.get(refined, 0) + 1
            labels.setdefault(refined, m.label)
    if not counts:
        return None, None
    best = max(counts, key=lambda a: counts[a])
    return best, labels[best]
