"""Text in, claims out: run every fact extractor over every sentence of an article."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from . import actors, allegiance, casualties, casualty_links, casualty_owner, casualty_restated, casualty_scope, casualty_state_forces, casualty_target, casualty_victims, claimants, claimants_named, control, dates, displacement, equipment, equipment_mentions, equipment_owner, numbers, place_actor_gate, places, theatre
from .claims import UNKNOWN_DATE, ArticleClaims, Claim
from .context import ArticleContext, SentenceContext
from .geo import country as geo_country
from .text import split_sentences


def extract_article(text: str, article_id: str, published_at: date | None = None) -> ArticleClaims:
    """All claims of one article. Pure: no I/O beyond the cached reference files."""
    article = ArticleContext(article_id, text, published_at, tuple(split_sentences(text)))
    result = ArticleClaims()
    with theatre.reading([s.text for s in article.sentences]):  # "the army" of this article's country
        for sentence, (claimant, claimant_text) in zip(
            article.sentences, claimants.claimants_by_sentence(article.sentences)
        ):
            ctx = SentenceContext(article, sentence, claimant, claimant_text)
            result.control_changes.extend(control.extract(ctx))
            result.casualty_claims.extend(casualties.extract(ctx))
            result.displacement_figures.extend(displacement.extract(ctx))
            result.equipment_losses.extend(equipment.extract(ctx))
    result.equipment_losses = equipment.name_generic_items(result.equipment_losses)
    result.control_changes = control.inherit_claimants(result.control_changes)  # a headline's source (control6)
    told: dict[str, tuple] = {}  # every id a casualty figure had: parts follow their renamed totals
    for article_pass in (casualty_links.mixed_totals, casualty_restated.restated_victims,
                         casualty_owner.one_side_article, casualty_owner.of_the_outcome):
        told.update(casualty_links.where_told(result.casualty_claims))
        result.casualty_claims = article_pass(result.casualty_claims)
    result = _deduplicate(_dated_no_later_than(result, published_at))
    result.casualty_claims = casualty_links.followed_totals(result.casualty_claims, told)
    return result


def clear_text_caches() -> None:
    """Forget what was memoised about texts already read (sentences, names, counts), keeping
    the loaded reference tables and compiled patterns: a benchmark pass then pays the full
    price of reading each article."""
    for module in (actors, allegiance, casualties, casualty_scope, casualty_state_forces, casualty_target, casualty_victims, claimants_named, *control.MODULES, dates, equipment, equipment_mentions, equipment_owner, geo_country, numbers, place_actor_gate, places):
        for function in vars(module).values():
            if hasattr(function, "cache_parameters") and function.cache_parameters()["maxsize"] not in (1, None):
                function.cache_clear()


def _dated_no_later_than(result: ArticleClaims, published_at: date | None) -> ArticleClaims:
    """An article cannot report what happens after it is published: a claim whose date ends
    after ``published_at`` (a dateline that disagrees with the metadata, a misread date)
    keeps its facts but loses the date, which becomes unknown rather than wrong."""
    if published_at is None:
        return result

    def fix(claim: Claim) -> Claim:
        end = claim.when.end or claim.when.start
        return replace(claim, when=UNKNOWN_DATE) if end and end > published_at else claim

    for name in ("control_changes", "casualty_claims", "displacement_figures", "equipment_losses"):
        setattr(result, name, [fix(c) for c in getattr(result, name)])
    return result


def _deduplicate(result: ArticleClaims) -> ArticleClaims:
    """Drop exact repeats (same claim id) that overlapping rules may produce."""
    for name in ("control_changes", "casualty_claims", "displacement_figures", "equipment_losses"):
        seen: set[str] = set()
        kept = []
        for claim in getattr(result, name):
            if claim.claim_id not in seen:
                seen.add(claim.claim_id)
                kept.append(claim)
        setattr(result, name, kept)
    return result
