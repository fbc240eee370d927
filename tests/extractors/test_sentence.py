"""One annotation pass per sentence (extractors/sentence.py), on sentences of our own."""
from datetime import date

from extractors.context import ArticleContext, SentenceContext
from extractors.sentence import SentenceMentions
from extractors.text import split_sentences

TEXT = ("Rebels seized Hama from government forces on Monday, SOHR said. "
        "At least 20 civilians were killed and two T-72 tanks destroyed. Ukrainian troops entered Kherson.")


def contexts() -> list[SentenceContext]:
    article = ArticleContext("a", TEXT, date(2024, 12, 6), tuple(split_sentences(TEXT)))
    return [SentenceContext(article, s, None, None) for s in article.sentences]


def test_every_kind_of_mention_with_offsets_into_the_sentence() -> None:
    first, second, third = (c.mentions for c in contexts())
    assert [(m.label, m.actor_id) for m in first.actors] == [("Rebels", "opposition"), ("government forces", "syrian_government")]
    assert [(m.name, m.place.place_type) for m in first.places] == [("Hama", "settlement")]
    assert [first.text[d.start:d.end] for d in first.dates] == ["Monday"]
    assert first.stated_claimant is not None and first.stated_claimant.claimant == "SOHR"
    assert [c.count.best for c in second.counts][:1] == [20]
    assert second.equipment and "T-72" in second.text[second.equipment[0].start:second.equipment[0].end]
    assert [m.actor_id for m in third.actors] == ["ukraine"] and third.places[0].place.admin1 == "Kherson"


def test_the_annotation_is_made_once_and_shared() -> None:
    ctxs = contexts()
    assert ctxs[0].mentions is ctxs[0].mentions
    assert ctxs[0].article.mentions_of(ctxs[0].sentence) is ctxs[0].mentions


def test_a_slice_gives_the_mentions_inside_it_rebased() -> None:
    sent = SentenceMentions("The army drove the rebels out of Saraqeb near Damascus.")
    assert [(m.actor_id, m.start) for m in sent.actors_in(9, 30)] == [("opposition", 10)]  # "The army" starts before 9
    assert all(m.actor_id != "russia" for m in sent.actors)  # "near Damascus" is a place, not the government
    sides = SentenceMentions("Russian forces shelled Kharkiv.").actor_refs[0].sides
    assert sides["ukraine"] == "russia" and sides["syria"] == "government"
