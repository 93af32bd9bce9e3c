"""The progression report's newer parts: running placements, the meetings section with
the contact frequency against the cadence, the author on the cover, the default period."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from mentorterm import storage
from mentorterm.domain import reports
from mentorterm.domain.identity import MentorIdentity, save_mentor_identity
from mentorterm.domain.reports import ContactFrequency, contact_line
from mentorterm.models import Citizen, Course, Meeting, Placement, Report
from mentorterm.schemas import ReportTextsIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

START, END, TODAY = date(2026, 2, 1), date(2026, 3, 31), date(2026, 4, 15)
ANNA = MentorIdentity(name="Anna Holm", organisation="Jobvejen ApS")


def _meeting(
    citizen, day: date, status: str, kind: str = "one_to_one", cancelled_by: str | None = None
) -> None:
    Meeting.create(
        citizen=citizen,
        starts_at=datetime.combine(day, datetime.min.time()).replace(hour=10),
        kind=kind,
        status=status,
        notes="MØDE-HEMMELIGT",
        cancelled_by=cancelled_by,
    )


@pytest.fixture
def ali(database) -> int:
    me = storage.ensure_default_mentor()
    c = Citizen.create(mentor=me, name="Ali Hassan")
    course = Course.create(
        citizen=c,
        referral_date=date(2026, 1, 5),
        start_date=date(2026, 1, 12),
        planned_end=date(2026, 7, 12),
        weekly_hours="12",
        purpose="ordinary_job",
        meeting_cadence_days=14,
    )
    Placement.create(
        citizen=c,
        course=course,
        kind="company_internship",
        workplace="Kantinen",
        start_date=date(2026, 2, 2),
        end_date=date(2026, 3, 13),
        end_reason="Videre til løntimer",
    )
    # Running on the day the report is written: its end_date is the planned end.
    Placement.create(
        citizen=c,
        course=course,
        kind="paid_hours",
        workplace="Bageriet",
        start_date=date(2026, 3, 16),
        end_date=date(2026, 6, 30),
    )
    _meeting(c, date(2026, 1, 20), "held")  # before the period
    _meeting(c, date(2026, 2, 3), "held")
    _meeting(c, date(2026, 2, 17), "cancelled", cancelled_by="citizen")
    _meeting(c, date(2026, 2, 19), "held", "three_party")
    _meeting(c, date(2026, 3, 3), "no_show")
    _meeting(c, date(2026, 3, 5), "held")
    _meeting(c, date(2026, 3, 24), "held")
    _meeting(c, date(2026, 3, 26), "rescheduled")
    _meeting(c, date(2026, 3, 30), "planned")  # never became a fact
    return c.id


def _report(citizen_id: int, identity: MentorIdentity = ANNA) -> reports.ProgressionReport:
    return reports.progression_report(citizen_id, START, END, TODAY, identity=identity)


def test_a_running_placement_reads_running_with_its_planned_end(ali):
    report = _report(ali)
    bageriet = next(p for p in report.placements if p.workplace == "Bageriet")
    kantinen = next(p for p in report.placements if p.workplace == "Kantinen")
    assert bageriet.running and not kantinen.running
    text = reports.render_markdown(report)
    row = next(line for line in text.splitlines() if line.startswith("| Bageriet"))
    assert "running (planned end 30-06-2026)" in row
    row = next(line for line in text.splitlines() if line.startswith("| Kantinen"))
    assert "13-03-2026" in row and "running" not in row and "Videre til løntimer" in row
    assert "| End |" in text and "| Ended |" not in text
    # The course too: a running course says so, with the end it is planned to have.
    assert "**Status:** running (planned end 12-07-2026)" in text
    assert "**Agreed cadence:** every 2 weeks" in text


def test_a_placement_ended_before_today_is_ended_even_when_after_the_period(ali):
    report = reports.progression_report(ali, START, END, date(2026, 7, 1), identity=ANNA)
    bageriet = next(p for p in report.placements if p.workplace == "Bageriet")
    assert not bageriet.running
    assert (
        "running (planned end"
        not in reports.render_markdown(report).split("## Placements")[1].split("##")[0]
    )


def test_meetings_section_lists_held_cancelled_and_no_shows_with_dates(ali):
    report = _report(ali)
    assert [(m.day, m.status.value) for m in report.meetings] == [
        (date(2026, 2, 3), "held"),
        (date(2026, 2, 17), "cancelled"),
        (date(2026, 2, 19), "held"),
        (date(2026, 3, 3), "no_show"),
        (date(2026, 3, 5), "held"),
        (date(2026, 3, 24), "held"),
        (date(2026, 3, 26), "rescheduled"),
    ]
    text = reports.render_markdown(report)
    section = text.split("## Meetings")[1].split("\n## ")[0]
    assert "| 03-02-2026 | 1:1 conversation | Held |" in section
    assert "| 17-02-2026 | 1:1 conversation | Cancelled by citizen |" in section
    assert "| 19-02-2026 | Three-party follow-up | Held |" in section
    assert "| 03-03-2026 | 1:1 conversation | No-show |" in section
    assert "20-01-2026" not in section and "30-03-2026" not in section  # outside / planned
    assert "MØDE-HEMMELIGT" not in text  # meeting notes stay out
    assert (
        "Held 4 meetings in 8 weeks (01-02-2026 – 31-03-2026): every 2,1 weeks; "
        "the agreed cadence is every 2 weeks. Besides: 1 cancelled, 1 rescheduled, "
        "1 no-show."
    ) in section
    assert "| 26-03-2026 | 1:1 conversation | Rescheduled |" in section


def test_who_cancelled_is_said_in_one_place():
    fact = reports.MeetingFact(
        day=date(2026, 2, 17), kind="one_to_one", status="cancelled", cancelled_by="the workplace"
    )
    assert fact.status_text == "Cancelled by the workplace"
    assert (
        reports.MeetingFact(
            day=date(2026, 2, 17), kind="one_to_one", status="cancelled"
        ).status_text
        == "Cancelled"
    )


def test_the_report_says_who_cancelled(ali):
    _meeting(ali, date(2026, 3, 10), "cancelled", cancelled_by="workplace")
    section = reports.render_markdown(_report(ali))
    assert "| 10-03-2026 | 1:1 conversation | Cancelled by workplace |" in section
    assert "| 17-02-2026 | 1:1 conversation | Cancelled by citizen |" in section


def test_contact_counts_from_the_course_start_and_up_to_today(ali):
    # A period that starts before the course: the weeks before it do not count.
    report = reports.progression_report(
        ali, date(2025, 10, 1), date(2026, 2, 28), date(2026, 2, 28), identity=ANNA
    )
    assert report.contact.first == date(2026, 1, 12)
    assert report.contact.last == date(2026, 2, 28)
    assert report.contact.held == 3
    assert "the agreed cadence is every 2 weeks" in contact_line(report.contact)


def test_no_meeting_held_is_said_plainly(database):
    me = storage.ensure_default_mentor()
    c = Citizen.create(mentor=me, name="Bo")
    Course.create(
        citizen=c,
        referral_date=date(2026, 1, 5),
        start_date=date(2026, 1, 12),
        planned_end=date(2026, 4, 12),
        purpose="ordinary_job",
        meeting_cadence_days=7,
    )
    report = reports.progression_report(c.id, START, END, TODAY, identity=ANNA)
    assert report.meetings == []
    text = reports.render_markdown(report)
    assert (
        "No meeting held in 8 weeks (01-02-2026 – 31-03-2026); the agreed cadence is "
        "every week." in text
    )
    assert "No meeting in this period." in text
    assert report.contact.behind


@given(held=st.integers(0, 30), days=st.integers(1, 400), cadence=st.integers(1, 60))
def test_contact_line_never_says_one_weeks_and_uses_decimal_commas(held, days, cadence):
    contact = ContactFrequency(
        held=held,
        cancelled=held % 3,
        no_shows=held % 2,
        first=date(2026, 1, 1),
        last=date.fromordinal(date(2026, 1, 1).toordinal() + days - 1),
        cadence_days=cadence,
    )
    line = contact_line(contact)
    assert " 1 weeks" not in line and " 1 days" not in line and " 1 meetings" not in line
    assert " 1 no-shows" not in line
    assert not any(
        ch.isdigit() and nxt == "." and after.isdigit()
        for ch, nxt, after in zip(line, line[1:], line[2:], strict=False)
    )


def test_the_cover_names_the_mentor_and_the_organisation(ali):
    text = reports.render_markdown(_report(ali))
    cover = text.split("## ")[0]
    assert "- **Mentor:** Anna Holm" in cover
    assert "- **Organisation:** Jobvejen ApS" in cover


def test_the_cover_reads_the_settings_by_default(ali):
    save_mentor_identity("Bente Lund", "Virkeligheden")
    report = reports.progression_report(ali, START, END, TODAY)
    assert (report.mentor_name, report.organisation) == ("Bente Lund", "Virkeligheden")
    saved = reports.save_report(ali, START, END, ReportTextsIn(title="Status"))
    assert reports.saved_report(saved, TODAY).mentor_name == "Bente Lund"


def test_no_placeholder_name_on_the_cover(ali):
    report = _report(ali, MentorIdentity())
    assert report.mentor_name == ""  # the database's mentor is still "Me"
    assert "**Mentor:**" not in reports.render_markdown(report)


def test_the_pdf_has_the_author_the_meetings_and_the_running_placement(ali):
    data = reports.render_pdf(_report(ali))
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Anna Holm" in text and "Jobvejen ApS" in text
    assert "Meetings" in text and "Cancelled by citizen" in text and "No-show" in text
    assert "every 2,1 weeks" in text
    assert "running (planned end 30-06-2026)" in " ".join(text.split())
    assert reader.metadata.author == "Anna Holm, Jobvejen ApS"
    assert "MØDE-HEMMELIGT" not in text


def test_default_period_from_the_course_start_then_after_the_last_report(ali):
    assert reports.default_report_period(ali, TODAY) == (date(2026, 1, 12), TODAY)
    Report.create(citizen=ali, period_start=date(2026, 1, 12), period_end=date(2026, 2, 28))
    Report.create(citizen=ali, period_start=date(2026, 1, 12), period_end=date(2026, 1, 31))
    assert reports.default_report_period(ali, TODAY) == (date(2026, 3, 1), TODAY)
    # A report up to today: the next one is the course again, not a period that
    # would end before it starts.
    Report.create(citizen=ali, period_start=date(2026, 3, 1), period_end=TODAY)
    start, end = reports.default_report_period(ali, TODAY)
    assert start <= end == TODAY


def test_default_period_without_a_course_is_the_last_three_months(database):
    me = storage.ensure_default_mentor()
    c = Citizen.create(mentor=me, name="Bo")
    assert reports.default_report_period(c.id, date(2026, 11, 29)) == (
        date(2026, 8, 30),
        date(2026, 11, 29),
    )
    # A course referred for later does not start the period in the future.
    Course.create(
        citizen=c,
        referral_date=date(2026, 11, 1),
        start_date=date(2026, 12, 7),
        planned_end=date(2027, 3, 7),
        purpose="ordinary_job",
    )
    assert reports.default_report_period(c.id, date(2026, 11, 29))[0] == date(2026, 8, 30)


def test_the_review_handout_names_who_made_it(ali):
    from mentorterm.domain.review import handout

    made = handout.review_handout(TODAY, identity=ANNA)
    assert (made.mentor_name, made.organisation) == ("Anna Holm", "Jobvejen ApS")
    assert handout.render_text(made).splitlines()[1] == "By Anna Holm, Jobvejen ApS"
    assert handout.render_markdown(made).splitlines()[2] == "By Anna Holm, Jobvejen ApS."
    assert handout.ReviewHandout.model_validate_json(handout.handout_json(made)) == made
    # Not told yet: no empty "By" line.
    anonymous = handout.review_handout(TODAY, identity=MentorIdentity())
    assert "By " not in handout.render_text(anonymous)


def _contact(held: int, days: int, cadence: int | None = 14) -> str:
    first = date(2026, 1, 1)
    return contact_line(
        ContactFrequency(
            held=held,
            cancelled=0,
            no_shows=0,
            first=first,
            last=date.fromordinal(first.toordinal() + days - 1),
            cadence_days=cadence,
        )
    )


def test_contact_line_wording():
    assert _contact(7, 112).startswith(
        "Held 7 meetings in 16 weeks (01-01-2026 – 22-04-2026): every 2,3 weeks; "
        "the agreed cadence is every 2 weeks."
    )
    assert "about once a week" in _contact(10, 70, 7)
    assert "every 3,5 days" in _contact(8, 28, 7)
    assert "Held 1 meeting in 1 week" in _contact(1, 7)
    assert "the agreed cadence is every 10 days" in _contact(3, 30, 10)
    assert "less often than agreed" in _contact(2, 84)  # every 6 weeks against 2
    assert "less often" not in _contact(6, 84)
    assert "cadence" not in _contact(2, 30, None)
