"""The handover signal (issue 18): the new mentor's first weeks, on facts built
in Python and once gathered from a database (both engines)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorterm.domain.review import CitizenCase, CitizenFacts, SignalKind, case_signals
from mentorterm.domain.review.facts import HandoverFacts
from mentorterm.domain.review.rules import handed_over
from mentorterm.settings import ReviewThresholds

from .test_review import AS_OF, day, make, signals  # noqa: F401

pytestmark = pytest.mark.both_engines

T = ReviewThresholds()


def handover(offset: int) -> HandoverFacts:
    return HandoverFacts(AS_OF + timedelta(days=offset), "Anna Holm", "Bo Lund")


def test_the_first_weeks_after_a_handover_are_a_signal_naming_the_day_and_both_mentors():
    s = handed_over(handover(-10), AS_OF, T)
    assert s is not None and s.kind is SignalKind.HANDED_OVER
    assert s.text == (
        "Handed over on 15-11-2026 from Anna Holm (10 days ago) — new mentor Bo Lund: first weeks"
    )
    assert s.facts == {
        "day": "2026-11-15",
        "days": 10,
        "from_mentor": "Anna Holm",
        "to_mentor": "Bo Lund",
    }
    assert "today" in handed_over(handover(0), AS_OF, T).text


def test_no_handover_or_one_past_the_weeks_or_still_to_come_is_no_signal():
    assert handed_over(None, AS_OF, T) is None
    assert T.handover_weeks == 6
    assert handed_over(handover(-41), AS_OF, T) is not None  # the last day of six weeks
    assert handed_over(handover(-42), AS_OF, T) is None
    assert handed_over(handover(1), AS_OF, T) is None  # recorded ahead: not yet
    two = ReviewThresholds(handover_weeks=2)
    assert handed_over(handover(-13), AS_OF, two) is not None
    assert handed_over(handover(-14), AS_OF, two) is None


@given(st.integers(-400, 400), st.integers(1, 26))
def test_the_signal_shows_exactly_within_the_weeks(offset, weeks):
    t = ReviewThresholds(handover_weeks=weeks)
    assert (handed_over(handover(offset), AS_OF, t) is not None) == (-7 * weeks < offset <= 0)


def test_the_case_has_the_signal_with_or_without_a_running_course():
    facts = CitizenFacts(citizen_id=1, name="Ali")
    case = CitizenCase(facts, handover=handover(-3))
    assert [s.kind for s in case_signals(case, AS_OF, T)] == [SignalKind.HANDED_OVER]
    running = CitizenFacts(
        citizen_id=1,
        name="Ali",
        course_id=7,
        course_start=day(-60),
        course_end=day(100),
        last_held=None,
    )
    kinds = [s.kind for s in case_signals(CitizenCase(running, handover=handover(-3)), AS_OF, T)]
    assert SignalKind.HANDED_OVER in kinds
    assert SignalKind.HANDED_OVER not in {
        s.kind for s in case_signals(CitizenCase(running), AS_OF, T)
    }


def test_a_handover_gathered_from_the_database_is_in_the_review(make):  # noqa: F811
    from mentorterm.domain.citizens import reassign_citizen
    from mentorterm.models import Mentor

    ali = make()
    first = ali.mentor.name
    bo = Mentor.create(name="Bo Lund")
    reassign_citizen(ali.id, bo.id, note="Ring before 10", on=day(-10))
    (s,) = signals(ali, kind=SignalKind.HANDED_OVER)
    assert s.text.startswith(f"Handed over on 15-11-2026 from {first} (10 days ago)")
    assert s.facts["to_mentor"] == "Bo Lund"
    # Before the day it was not yet handed over; six weeks on it is no longer news.
    assert signals(ali, as_of=day(-11), kind=SignalKind.HANDED_OVER) == []
    assert signals(ali, as_of=day(32), kind=SignalKind.HANDED_OVER) == []
    assert signals(ali, as_of=day(31), kind=SignalKind.HANDED_OVER) != []
    short = ReviewThresholds(handover_weeks=1)
    assert signals(ali, thresholds=short, kind=SignalKind.HANDED_OVER) == []
