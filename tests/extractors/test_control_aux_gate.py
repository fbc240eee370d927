"""The auxiliary gate of the control trigger scan (speed8b): a cheap test that skips an
auxiliary ("were", "has") whose next word no trigger family can go on with, with the same
triggers as the full scan."""
from extractors.control import auxiliary_gate, triggers


def _full_scan_at(text: str, key: str) -> bool:
    """Does the trigger pattern of ``key`` match where ``key`` stands in ``text``?"""
    start = text.lower().index(key + " ")
    return triggers._trigger_regex(key).match(text, start) is not None


def test_an_auxiliary_that_starts_a_trigger_passes_the_gate():
    text = "The town of Qusayr was recaptured by the army on Sunday."
    start = text.index("was")
    assert auxiliary_gate.aux_may_start("was", text, start + 3)
    assert _full_scan_at(text, "was")
    assert [t.form for t in triggers._scan_triggers(text)] == ["passive"]


def test_has_been_and_an_adverb_pass_the_gate():
    text = "Palmyra has been fully retaken by government forces."
    assert auxiliary_gate.aux_may_start("has", text, text.index("has") + 3)
    assert auxiliary_gate.aux_may_start("been", text, text.index("been") + 4)
    assert _full_scan_at(text, "has")


def test_an_auxiliary_no_trigger_can_follow_is_skipped_with_the_same_answer():
    text = "Five soldiers were killed by a roadside bomb and two were wounded by shrapnel."
    assert not auxiliary_gate.aux_may_start("were", text, text.index("were") + 4)
    assert not _full_scan_at(text, "were")  # the full pattern would not have matched either
    assert triggers._scan_triggers(text) == []


def test_non_ascii_letters_after_an_auxiliary_are_never_skipped():
    text = "The village was ſeized by the rebels."  # long s: the case-blind pattern may read it
    assert auxiliary_gate.aux_may_start("was", text, text.index("was") + 3)
