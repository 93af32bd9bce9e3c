"""Small helpers that create valid rows for tests (through the models)."""

from __future__ import annotations

from datetime import date, datetime

from mentorterm import storage
from mentorterm.models import (
    ActionItem,
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    Placement,
    ReviewNote,
    SubGoal,
)


def full_citizen(name: str = "Mette Jørgensen") -> dict:
    """A citizen with one of every child record; returns the rows by kind."""
    mentor = storage.ensure_default_mentor()
    citizen = Citizen.create(mentor=mentor, name=name, accommodations="Ingen tunge løft")
    course = Course.create(
        citizen=citizen,
        referral_date=date(2026, 1, 5),
        start_date=date(2026, 1, 12),
        planned_end=date(2026, 4, 12),
        purpose="flexjob",
    )
    extension = CourseExtension.create(
        course=course,
        decided_on=date(2026, 4, 1),
        new_end=date(2026, 7, 12),
        reason="Mere afklaring",
    )
    goal = SubGoal.create(citizen=citizen, course=course, title="Møde til tiden", priority=1)
    score = AllianceScore.create(
        sub_goal=goal, mentor=mentor, scored_on=date(2026, 2, 1), citizen_score=3
    )
    placement = Placement.create(
        citizen=citizen,
        course=course,
        kind="company_internship",
        workplace="Føtex",
        start_date=date(2026, 2, 1),
    )
    step = HoursStep.create(
        placement=placement,
        from_date=date(2026, 2, 1),
        hours_per_week=4,
        schedule="2 x 2 h tir+tor",
    )
    entry = LogbookEntry.create(
        placement=placement,
        citizen=citizen,
        entry_date=date(2026, 2, 3),
        attendance="present",
        hours_planned=2,
        hours_worked=2,
    )
    meeting = Meeting.create(
        citizen=citizen,
        mentor=mentor,
        starts_at=datetime(2026, 2, 10, 10, 0),
        kind="three_party",
        status="held",
    )
    participant = MeetingParticipant.create(meeting=meeting, name="Bo", role="placement_supervisor")
    item = ActionItem.create(
        citizen=citizen, meeting=meeting, what="Ring til lægen", owner="citizen"
    )
    note = ReviewNote.create(
        citizen=citizen, mentor=mentor, iso_week="2026-W07", decision="Op i timer"
    )
    return dict(
        citizen=citizen,
        course=course,
        extension=extension,
        goal=goal,
        score=score,
        placement=placement,
        step=step,
        entry=entry,
        meeting=meeting,
        participant=participant,
        item=item,
        note=note,
        mentor=mentor,
    )
