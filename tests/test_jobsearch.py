"""The job search (issue 20): the CV's state and its history, contacts and their
follow-ups, the companies to approach in order; audited; the follow-ups among
the agreements and counted where overdue agreements are.

TODAY is Sunday 22 November 2026.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mentorterm import storage
from mentorterm.domain import audit, courses
from mentorterm.domain import jobsearch as js
from mentorterm.domain.caseload import caseload
from mentorterm.domain.citizens import create_citizen, set_archived
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.domain.jobsearch.followups import (
    agreements_and_follow_ups,
    mark_row_done,
    reopen_row,
)
from mentorterm.domain.review.queue import review_queue
from mentorterm.domain.team import team_overview
from mentorterm.schemas import (
    CitizenIn,
    CourseIn,
    CvStateIn,
    JobContactIn,
    TargetCompanyIn,
    friendly_errors,
)

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


AUG18 = date(2026, 8, 18)


def contact(company="Netto", on=AUG18, how="application", follow=None, done=None, **kw):
    return JobContactIn(
        company=company,
        contacted_on=on,
        how=how,
        follow_up_on=follow,
        followed_up_on=done,
        **kw,
    )


# --- validation in the mentor's words ------------------------------------------------


def test_a_follow_up_before_the_contact_day_is_refused_in_words():
    with pytest.raises(ValidationError) as caught:
        JobContactIn(
            company="Netto", contacted_on="18-08-2026", how="visit", follow_up_on="17-08-2026"
        )
    assert friendly_errors(caught.value) == {
        "follow_up_on": "The follow-up cannot be before the day of the contact (18-08-2026)."
    }


def test_a_company_name_is_required():
    with pytest.raises(ValidationError) as caught:
        JobContactIn(company="  ", contacted_on="18-08-2026", how="visit")
    assert friendly_errors(caught.value) == {"company": "This is required."}
    with pytest.raises(ValidationError) as caught:
        TargetCompanyIn(company="")
    assert friendly_errors(caught.value) == {"company": "This is required."}


def test_dates_are_typed_the_danish_way_and_the_outcome_waits_by_default():
    data = JobContactIn(company=" Netto ", contacted_on="18.08.2026", how="cv_handed_in")
    assert (data.company, data.contacted_on, data.outcome.value) == ("Netto", d(18, 8), "waiting")


@given(st.integers(-30, 30), st.integers(-30, 30))
def test_follow_up_and_done_days_are_refused_exactly_when_before_the_contact(follow, done):
    base = d(1, 9)
    try:
        contact(on=base, follow=base + timedelta(follow), done=base + timedelta(done))
    except ValidationError:
        assert follow < 0 or done < 0
    else:
        assert follow >= 0 and done >= 0


# --- the CV ----------------------------------------------------------------------------


def test_the_cv_state_keeps_its_history_newest_first(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    js.set_cv_state(ali, CvStateIn(state="none", noted_on=d(1, 8)))
    js.set_cv_state(ali, CvStateIn(state="being_written", noted_on=d(15, 8), note="IT help"))
    js.set_cv_state(ali, CvStateIn(state="up_to_date", noted_on=d(3, 9)))
    view = js.job_search(ali, TODAY)
    assert view.cv.state == "up_to_date"
    assert [(c.state, c.noted_on) for c in view.cv_history] == [
        ("up_to_date", d(3, 9)),
        ("being_written", d(15, 8)),
        ("none", d(1, 8)),
    ]
    assert [(e.action.value, e.what) for e in audit.entries()][-3:] == [("create", "cv_status")] * 3


def test_nothing_is_written_for_a_citizen_that_is_gone(database):
    with pytest.raises(NotFound):
        js.set_cv_state(999, CvStateIn(state="none", noted_on=TODAY))
    with pytest.raises(NotFound):
        js.add_contact(999, contact())
    assert audit.count() == 0


# --- contacts and follow-ups -----------------------------------------------------------


def test_a_contact_added_edited_and_followed_up_is_audited(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    cid = js.add_contact(ali, contact(follow=d(1, 9)))
    row = js.job_search(ali, TODAY).contacts[0]
    assert (row.company, row.overdue, row.days_overdue) == ("Netto", True, 82)  # 1-9 → 22-11
    js.update_contact(cid, contact(outcome="interview", follow=d(1, 9)))
    assert js.contact_input(cid).outcome == "interview"
    js.mark_followed_up(cid, d(20), TODAY)
    row = js.job_search(ali, TODAY).contacts[0]
    assert (row.followed_up_on, row.overdue) == (d(20), False)
    js.follow_up_again(cid)
    assert js.job_search(ali, TODAY).contacts[0].overdue
    kinds = [(e.action.value, e.what) for e in audit.entries() if e.what == "job_contact"]
    assert kinds == [("create", "job_contact")] + [("update", "job_contact")] * 3


def test_a_follow_up_cannot_be_marked_in_the_future_or_before_the_contact(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    cid = js.add_contact(ali, contact(on=d(18), follow=d(19)))
    with pytest.raises(DomainError, match="has not come yet"):
        js.mark_followed_up(cid, d(23), TODAY)
    with pytest.raises(DomainError, match="before the day of the contact"):
        js.mark_followed_up(cid, d(17), TODAY)
    assert js.job_search(ali, TODAY).contacts[0].followed_up_on is None


# --- companies to approach -------------------------------------------------------------


def test_companies_to_approach_keep_their_order_and_done_ones_go_last(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    ids = [
        js.add_target(ali, TargetCompanyIn(company=n), TODAY) for n in ("Netto", "Bilka", "Coop")
    ]
    assert js.move_target(ids[2], -1)
    assert not js.move_target(ids[0], -1)  # first already
    js.mark_target_done(ids[0], TODAY, TODAY)
    assert [t.company for t in js.job_search(ali, TODAY).targets] == ["Coop", "Bilka", "Netto"]
    assert [t.company for t in js.job_search(ali, TODAY).open_targets] == ["Coop", "Bilka"]
    js.reopen_target(ids[0])  # back in its place (u undoes a slip)
    assert [t.company for t in js.job_search(ali, TODAY).open_targets] == ["Netto", "Coop", "Bilka"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([-1, 1, 0]), st.integers(0, 9)), max_size=15))
def test_moves_keep_every_company_once_in_a_swapped_order(moves):
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "t.db")
        try:
            ali = create_citizen(CitizenIn(name="A"))
            ids = [js.add_target(ali, TargetCompanyIn(company=f"C{n}"), TODAY) for n in range(4)]
            expected = list(ids)
            for step, pick in moves:
                if step == 0:
                    expected.append(js.add_target(ali, TargetCompanyIn(company="N"), TODAY))
                    continue
                at = pick % len(expected)
                moved = js.move_target(expected[at], step)
                assert moved == (0 <= at + step < len(expected))
                if moved:
                    expected[at], expected[at + step] = expected[at + step], expected[at]
            assert [t.id for t in js.job_search(ali, TODAY).targets] == expected
        finally:
            storage.close_database()


# --- follow-ups among the agreements ---------------------------------------------------


@pytest.fixture
def late(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    courses.start_course(
        ali,
        CourseIn(
            referral_date="01-08-2026",
            start_date="03-08-2026",
            planned_end="03-02-2027",
            purpose="ordinary_job",
        ),
    )
    old = create_citizen(CitizenIn(name="Old Case"))
    cid = js.add_contact(ali, contact(follow=d(1, 9)))
    js.add_contact(ali, contact(company="Bilka", follow=d(30)))  # not yet due
    js.add_contact(ali, contact(company="Coop"))  # no follow-up day
    js.add_contact(old, contact(company="Irma", follow=d(1, 9)))
    set_archived(old, True, today=d(1))
    return dict(ali=ali, contact=cid)


def test_follow_ups_are_listed_among_the_agreements_in_their_own_words(late):
    rows = agreements_and_follow_ups(TODAY)
    assert [(r.kind, r.what, r.overdue) for r in rows] == [
        ("follow_up", "Follow up with Netto (applied 18-08-2026)", True),
        ("follow_up", "Follow up with Bilka (applied 18-08-2026)", False),
    ]
    mark_row_done("follow_up", late["contact"], TODAY)
    assert [r.what for r in agreements_and_follow_ups(TODAY)] == [
        "Follow up with Bilka (applied 18-08-2026)"
    ]
    reopen_row("follow_up", late["contact"])
    assert agreements_and_follow_ups(TODAY)[0].overdue


def test_overdue_follow_ups_count_in_the_caseload_the_review_and_the_team(late):
    (row,) = [r for r in caseload(today=TODAY, courses="all") if r.citizen_id == late["ali"]]
    assert row.open_action_items == 1  # the overdue follow-up; no agreements
    (item,) = [i for i in review_queue(TODAY) if i.citizen_id == late["ali"]]
    texts = [s.text for s in item.signals if s.kind == "action_items_overdue"]
    assert texts == [
        '1 action item overdue: "Follow up with Netto (applied 18-08-2026)" (due 01-09-2026, 82 days ago)'
    ]
    assert sum(m.overdue for m in team_overview(TODAY)) == 1
