"""The pipeline's own rules, over all fact extractors."""
from datetime import date

from extractors import extract_article


def test_claims_are_never_dated_after_publication() -> None:
    text = "On March 9 2025, shelling killed four civilians in Ariha, activists said."
    (claim,) = extract_article(text, "a1", date(2025, 3, 10)).casualty_claims
    assert claim.when.start == date(2025, 3, 9)
    (late,) = extract_article(text, "a1", date(2025, 3, 1)).casualty_claims
    assert (late.when.start, late.when.end, late.when.precision) == (None, None, "unknown")
    assert late.count.best == 4


def test_claim_ids_are_stable_and_offsets_exact() -> None:
    text = "Title line\nShelling killed four civilians in Ariha on Monday. Rebels captured Saraqib."
    first = extract_article(text, "a1", date(2025, 3, 4))
    again = extract_article(text, "a1", date(2025, 3, 4))
    assert [c.claim_id for c in first.all()] == [c.claim_id for c in again.all()]
    assert first.all()
    for claim in first.all():
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text


def test_clear_text_caches_forgets_texts_but_keeps_reference_tables() -> None:
    from extractors import actors, reference
    from extractors.pipeline import clear_text_caches
    actors.find_actors("Rebels shelled the town.")
    assert actors._find_actors.cache_info().currsize > 0
    tables = reference.load_csv.cache_info().currsize
    clear_text_caches()
    assert actors._find_actors.cache_info().currsize == 0
    assert reference.load_csv.cache_info().currsize == tables > 0
