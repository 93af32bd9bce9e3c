"""Every input model's validation, with hypothesis where inputs vary."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from mentorterm import schemas
from mentorterm.schemas import (
    ActionItemIn,
    AllianceScoreIn,
    CitizenIn,
    CourseEndIn,
    CourseExtensionIn,
    CourseIn,
    HoursStepIn,
    LogbookEntryIn,
    MeetingIn,
    MentorIn,
    ParticipantIn,
    PlacementEndIn,
    PlacementIn,
    ReviewNoteIn,
    SubGoalIn,
    SubGoalStatusIn,
    friendly_errors,
)
from mentorterm.terminal import terminal_safe

in_window = st.dates(schemas.EARLIEST, schemas.LATEST)
outside = st.dates(date(1, 1, 1), schemas.EARLIEST - timedelta(days=1)) | st.dates(
    schemas.LATEST + timedelta(days=1), date(9999, 12, 31)
)


def errors(model, **data) -> dict[str, str]:
    with pytest.raises(ValidationError) as failure:
        model(**data)
    return friendly_errors(failure.value)


# --- the alliance scale -----------------------------------------------------


@given(st.integers(1, 10))
def test_every_score_on_the_scale_is_accepted_and_complemented(score):
    model = AllianceScoreIn(scored_on=date(2026, 11, 22), citizen_score=score)
    assert model.citizen_score + model.mentor_score == 10
    assert AllianceScoreIn(scored_on="22-11-2026", citizen_score=str(score)).citizen_score == score


@given(st.integers().filter(lambda n: not 1 <= n <= 10))
def test_scores_off_the_scale_are_refused_in_plain_words(score):
    message = errors(AllianceScoreIn, scored_on=date(2026, 11, 22), citizen_score=score)
    assert message["citizen_score"] == (
        f"A score is a whole number from 1 to 10 (you wrote {score})."
    )


@pytest.mark.parametrize("typed", ["seven", "7.5", "", "1 0"])
def test_a_score_must_be_a_whole_number(typed):
    message = errors(AllianceScoreIn, scored_on=date(2026, 11, 22), citizen_score=typed)
    assert "citizen_score" in message
    assert "Input should" not in message["citizen_score"]


# --- dates ------------------------------------------------------------------


@given(in_window, st.sampled_from(["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]))
def test_dates_are_read_the_danish_way_and_iso(day, fmt):
    assert HoursStepIn(from_date=day.strftime(fmt), hours_per_week=4).from_date == day


@given(outside)
def test_dates_outside_the_sane_window_are_refused(day):
    message = errors(HoursStepIn, from_date=day, hours_per_week=4)
    assert "looks mistyped" in message["from_date"]


@given(st.text(max_size=12).filter(lambda t: t.strip() and not t.strip()[:1].isdigit()))
def test_text_that_is_not_a_date_is_refused(text):
    message = errors(HoursStepIn, from_date=text, hours_per_week=4)
    assert "DD-MM-YYYY" in message["from_date"]


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("31-02-2026", "February 2026 has 28 days"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("32.01.2026", "January 2026 has 31 days"),
        ("1-13-2026", "There is no month 13"),
    ],
)
def test_impossible_calendar_dates_are_refused(typed, says):
    assert says in errors(HoursStepIn, from_date=typed, hours_per_week=4)["from_date"]


# --- hours -----------------------------------------------------------------


@given(st.integers(0, 2400).map(lambda n: n / 100))
def test_hours_in_a_day_between_0_and_24_are_accepted_with_a_comma_too(hours):
    entry = LogbookEntryIn(
        entry_date=date(2026, 3, 3),
        attendance="present",
        hours_planned=str(hours).replace(".", ","),
        hours_worked=hours,
    )
    assert entry.hours_planned == pytest.approx(hours)
    assert entry.hours_worked == pytest.approx(hours)


@given(st.floats(min_value=24.01, max_value=1e6) | st.floats(max_value=-0.01, min_value=-1e6))
def test_hours_in_a_day_outside_0_24_are_refused(hours):
    message = errors(
        LogbookEntryIn, entry_date=date(2026, 3, 3), attendance="present", hours_worked=hours
    )
    assert message["hours_worked"].startswith("Hours in a day are between 0 and 24")


@given(st.floats(min_value=0, max_value=60))
def test_weekly_hours_up_to_60(hours):
    assert HoursStepIn(from_date=date(2026, 3, 3), hours_per_week=hours).hours_per_week <= 60


@given(st.floats(min_value=60.01, max_value=1e5))
def test_weekly_hours_above_60_are_refused(hours):
    message = errors(HoursStepIn, from_date=date(2026, 3, 3), hours_per_week=hours)
    assert "between 0 and 60" in message["hours_per_week"]


# --- logbook rules -----------------------------------------------------------


@given(
    st.sampled_from(["sick", "absent_with_notice", "absent_without_notice"]),
    st.floats(min_value=0.25, max_value=24),
)
def test_no_hours_worked_on_a_day_away(attendance, hours):
    message = errors(
        LogbookEntryIn, entry_date=date(2026, 3, 3), attendance=attendance, hours_worked=hours
    )
    assert message["hours_worked"] == "No hours can be worked on a day the citizen was away."


def test_leaving_early_needs_a_reason_and_presence():
    assert "left_early_reason" in errors(
        LogbookEntryIn, entry_date=date(2026, 3, 3), attendance="present", left_early=True
    )
    assert "left_early" in errors(
        LogbookEntryIn,
        entry_date=date(2026, 3, 3),
        attendance="sick",
        left_early=True,
        left_early_reason="ondt",
    )
    ok = LogbookEntryIn(
        entry_date=date(2026, 3, 3),
        attendance="present",
        left_early=True,
        left_early_reason="migræne",
        hours_worked=1,
    )
    assert ok.left_early_reason == "migræne"


@given(st.integers(-5, 15), st.integers(-5, 15))
def test_energy_and_pain_are_1_to_10_or_blank(energy, pain):
    data = dict(entry_date=date(2026, 3, 3), attendance="present", energy=energy, pain=pain)
    if 1 <= energy <= 10 and 1 <= pain <= 10:
        assert LogbookEntryIn(**data).energy == energy
    else:
        assert set(errors(LogbookEntryIn, **data)) & {"energy", "pain"}
    assert (
        LogbookEntryIn(
            entry_date=date(2026, 3, 3), attendance="present", energy="", pain=None
        ).energy
        is None
    )


# --- date order ------------------------------------------------------------


@given(in_window, in_window, in_window)
def test_a_course_runs_referral_then_start_then_end(referral, start, end):
    data = dict(referral_date=referral, start_date=start, planned_end=end, purpose="flexjob")
    if referral <= start <= end:
        assert CourseIn(**data).planned_end == end
    else:
        message = errors(CourseIn, **data)
        assert set(message) & {"start_date", "planned_end"}


@given(in_window, in_window)
def test_a_placement_cannot_end_before_it_starts(start, end):
    data = dict(kind="company_internship", workplace="Netto", start_date=start, end_date=end)
    if end >= start:
        assert PlacementIn(**data).end_date == end
    else:
        message = errors(PlacementIn, **data)["end_date"]
        assert message == "The placement cannot end before it starts."


def test_a_meeting_cannot_book_the_next_one_before_itself():
    message = errors(
        MeetingIn, starts_at="22-11-2026 10:00", kind="one_to_one", next_meeting_date="21-11-2026"
    )
    assert "next_meeting_date" in message
    ok = MeetingIn(starts_at="22-11-2026 10:00", kind="one_to_one", next_meeting_date="06-12-2026")
    assert ok.starts_at == datetime(2026, 11, 22, 10, 0)


# --- required names, enums, text -------------------------------------------


@given(st.text(" \t\n", max_size=5))
def test_blank_names_are_refused(blank):
    assert errors(CitizenIn, name=blank)["name"] == "This is required."
    assert errors(MentorIn, name=blank)["name"] == "This is required."
    assert errors(ParticipantIn, name=blank, role="mentor")["name"] == "This is required."
    assert errors(ActionItemIn, what="Ring", owner=blank)["owner"] == "This is required."
    assert errors(SubGoalIn, title=blank)["title"] == "This is required."


@given(st.text(min_size=1, max_size=50).filter(lambda s: terminal_safe(s).strip()))
def test_names_are_kept_without_surrounding_space(name):
    # Control characters are dropped too (tests/test_terminal_safe.py).
    assert CitizenIn(name=f"  {name} ").name == terminal_safe(name).strip()


def test_interpreter_needs_a_language_and_job_wishes_go_in_order():
    assert "interpreter_language" in errors(CitizenIn, name="A", interpreter_needed=True)
    assert "job_wish_1" in errors(CitizenIn, name="A", job_wish_2="Lager")
    assert "email" in errors(CitizenIn, name="A", email="not-an-address")
    assert CitizenIn(name="A", interpreter_needed=True, interpreter_language="Somali")


@pytest.mark.parametrize(
    "model,field,data",
    [
        (
            CourseIn,
            "purpose",
            dict(
                referral_date="1-1-2026",
                start_date="1-1-2026",
                planned_end="1-2-2026",
                purpose="holiday",
            ),
        ),
        (CourseEndIn, "outcome", dict(end_date="1-2-2026", outcome="won the lottery")),
        (SubGoalStatusIn, "status", dict(status="forgotten", status_date="1-2-2026")),
        (PlacementIn, "kind", dict(kind="volunteer", workplace="X", start_date="1-2-2026")),
        (LogbookEntryIn, "attendance", dict(entry_date="1-2-2026", attendance="late")),
        (MeetingIn, "kind", dict(starts_at="1-2-2026 10:00", kind="party")),
        (ParticipantIn, "role", dict(name="Bo", role="boss")),
    ],
)
def test_values_outside_a_fixed_list_are_refused(model, field, data):
    assert errors(model, **data)[field].startswith("Choose one of:")


def test_review_note_weeks_are_iso_weeks():
    assert ReviewNoteIn(iso_week="2026-W47").iso_week == "2026-W47"
    for bad in ("2026-47", "2026-W54", "2026-W00", "W47"):
        assert "iso_week" in errors(ReviewNoteIn, iso_week=bad)


def test_extension_end_and_placement_end_need_dates():
    assert "new_end" in errors(CourseExtensionIn, decided_on="1-1-2026", new_end="")
    assert "end_date" in errors(PlacementEndIn, end_date="soon")


MODELS = [
    MentorIn,
    CitizenIn,
    CourseIn,
    CourseExtensionIn,
    CourseEndIn,
    SubGoalIn,
    SubGoalStatusIn,
    AllianceScoreIn,
    PlacementIn,
    PlacementEndIn,
    HoursStepIn,
    LogbookEntryIn,
    ParticipantIn,
    MeetingIn,
    ActionItemIn,
    ReviewNoteIn,
]
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@given(st.sampled_from(MODELS), st.data())
def test_any_input_gets_mentor_words_never_pydantic_jargon(model, data):
    fields = list(model.model_fields)
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True, max_size=len(fields)))
    values = {name: data.draw(junk) for name in chosen}
    try:
        model(**values)
    except ValidationError as failure:
        for field, message in friendly_errors(failure).items():
            assert message and "Input should" not in message, (field, message)
            assert "pydantic" not in message and "errors.pydantic" not in message
