"""The progression report: figures against hand-computed values, Markdown, PDF, saving."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from mentorterm import storage
from mentorterm.domain import reports
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.domain.transfer import dumps, export_document, import_document, parse_document
from mentorterm.models import (
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Placement,
    Report,
    SubGoal,
)
from mentorterm.schemas import ReportTextsIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

START, END, TODAY = date(2026, 2, 1), date(2026, 3, 31), date(2026, 4, 15)
SECRETS = (
    "Ringede kl. 7",
    "HJEMMELIV-HEMMELIGT",
    "OPGAVE-HEMMELIG",
    "HJÆLP-HEMMELIG",
    "Psykiatrisk behandling",
    "NOTE-HEMMELIG",
)


@pytest.fixture
def mette(database) -> int:
    me = storage.ensure_default_mentor()
    c = Citizen.create(
        mentor=me,
        name="Mette Jørgensen",
        accommodations="Ingen tunge løft",
        aids="Høreværn",
        parallel_efforts="Psykiatrisk behandling",
        notes="NOTE-HEMMELIG",
    )
    course = Course.create(
        citizen=c,
        referral_date=date(2026, 1, 5),
        start_date=date(2026, 1, 12),
        planned_end=date(2026, 4, 12),
        weekly_hours="4-6",
        purpose="flexjob",
        programme="Afklaring",
    )
    CourseExtension.create(
        course=course,
        decided_on=date(2026, 4, 1),
        new_end=date(2026, 7, 12),
        reason="Virksomheden vil gerne fortsætte",
    )
    a = Placement.create(
        citizen=c,
        course=course,
        kind="company_internship",
        workplace="Kantinen på Havnen",
        start_date=date(2026, 2, 2),
        end_date=date(2026, 3, 13),
        end_reason="Videre til løntimer",
        accommodations="Starter efter kl. 10",
    )
    b = Placement.create(
        citizen=c,
        course=course,
        kind="paid_hours",
        workplace="Bageriet",
        start_date=date(2026, 3, 16),
    )
    HoursStep.create(
        placement=a, from_date=date(2026, 2, 2), hours_per_week=4, schedule="2 x 2 t tir+tor"
    )
    HoursStep.create(
        placement=a, from_date=date(2026, 3, 2), hours_per_week=7.5, schedule="3 x 2,5 t"
    )
    HoursStep.create(
        placement=b, from_date=date(2026, 3, 16), hours_per_week=10, schedule="2 x 5 t"
    )
    days = [
        (a, date(2026, 2, 3), "present", 2, 2, False, "", ""),
        (a, date(2026, 2, 5), "sick", 2, 0, False, "", "Migræne"),
        (a, date(2026, 2, 10), "present", 2, 1.25, True, "Hovedpine", ""),
        (a, date(2026, 3, 3), "absent_without_notice", 2.5, 0, False, "", ""),
        (a, date(2026, 3, 5), "present", 2.5, 2.5, False, "", ""),
        (b, date(2026, 3, 17), "present", 5, 5, False, "", ""),
        (b, date(2026, 3, 19), "sick", 5, 0, False, "", "migræne "),
        (b, date(2026, 4, 14), "present", 5, 5, False, "", ""),  # after the period
    ]
    for placement, day, attendance, planned, worked, early, why, reason in days:
        LogbookEntry.create(
            placement=placement,
            citizen=c,
            entry_date=day,
            attendance=attendance,
            hours_planned=planned,
            hours_worked=worked,
            left_early=early,
            left_early_reason=why,
            absence_reason=reason,
            notes="Ringede kl. 7",
            life_after_work="HJEMMELIV-HEMMELIGT",
            tasks="OPGAVE-HEMMELIG",
        )
    on_time = SubGoal.create(
        citizen=c,
        course=course,
        title="Møde til tiden",
        priority=1,
        success_criterion="Fire uger uden at komme for sent",
    )
    for day, score in ((date(2026, 1, 20), 3), (date(2026, 2, 17), 6), (date(2026, 3, 1), 8)):
        AllianceScore.create(
            sub_goal=on_time,
            mentor=me,
            scored_on=day,
            citizen_score=score,
            help_needed="HJÆLP-HEMMELIG",
        )
    SubGoal.create(
        citizen=c,
        title="Tage bussen alene",
        status="achieved",
        status_date=date(2025, 12, 1),
        priority=2,
    )
    SubGoal.create(
        citizen=c,
        title="Ringe til lægen",
        status="dropped",
        status_date=date(2026, 3, 20),
        priority=3,
    )
    return c.id


TEXTS = ReportTextsIn(
    title="Statusbeskrivelse til jobcentret",
    resources_observed="Møder stabilt om formiddagen.\nGod til opvask.",
    clarified="Kan arbejde 7,5 t om ugen.",
    still_open="Tåler hun flere dage i træk?",
    recommended_next_steps="Op til 10 t fra april.",
    summary="Fremgang – “stabil” i æøå ÆØÅ.",
)


def test_figures_equal_hand_computed_values(mette):
    r = reports.progression_report(mette, START, END, TODAY)
    total = r.attendance_total
    # Counted from the first placement's start (2 Feb) to 31 Mar: 58 days.
    assert (total.start, total.end, total.days) == (date(2026, 2, 2), END, 58)
    assert (total.days_logged, total.days_present) == (7, 4)
    assert total.attendance_rate == pytest.approx(4 / 7)
    assert (total.hours_planned, total.hours_worked) == (21, 10.75)
    assert total.effective_hours_per_week == round(10.75 * 7 / 58, 2)
    assert (
        total.sick_days,
        total.absent_with_notice,
        total.absent_without_notice,
        total.left_early,
    ) == (2, 0, 1, 1)
    assert [(x.kind, x.reason, x.count) for x in total.absence_by_reason] == [
        ("sick", "Migræne", 2),
        ("absent_without_notice", "(no reason given)", 1),
        ("left_early", "Hovedpine", 1),
    ]

    kantine, bageri = r.attendance_by_placement
    assert kantine.workplace == "Kantinen på Havnen"
    assert (kantine.figures.start, kantine.figures.end) == (date(2026, 2, 2), date(2026, 3, 13))
    assert (kantine.figures.days_logged, kantine.figures.days_present) == (5, 3)
    assert (kantine.figures.hours_planned, kantine.figures.hours_worked) == (11, 5.75)
    assert (bageri.figures.days_logged, bageri.figures.days_present) == (2, 1)
    assert (bageri.figures.hours_planned, bageri.figures.hours_worked) == (10, 5)

    assert [
        (b.start, b.end, b.days_logged, b.days_present, b.absent_without_notice)
        for b in r.stability
    ] == [
        (date(2026, 2, 2), date(2026, 3, 1), 3, 2, 0),
        (date(2026, 3, 2), date(2026, 3, 29), 4, 2, 1),
        (date(2026, 3, 30), date(2026, 3, 31), 0, 0, 0),
    ]

    assert [
        (s.workplace, s.from_date, s.from_hours, s.to_hours, s.before_period) for s in r.hours_steps
    ] == [
        ("Kantinen på Havnen", date(2026, 2, 2), None, 4, False),
        ("Kantinen på Havnen", date(2026, 3, 2), 4, 7.5, False),
        ("Bageriet", date(2026, 3, 16), None, 10, False),
    ]
    assert [(p.workplace, p.end_date, p.end_reason, p.hours_per_week) for p in r.placements] == [
        ("Kantinen på Havnen", date(2026, 3, 13), "Videre til løntimer", 7.5),
        ("Bageriet", None, "", 10),
    ]

    (course,) = r.courses
    assert (course.purpose_label, course.current_end, course.end_date) == (
        "Toward flexjob",
        date(2026, 7, 12),
        None,
    )
    assert [x.reason for x in course.extensions] == ["Virksomheden vil gerne fortsætte"]

    # Closed before the period: left out; scored or closed inside: kept.
    titles = [g.title for g in r.sub_goals]
    assert titles == ["Møde til tiden", "Ringe til lægen"]
    goal = r.sub_goals[0]
    assert [(s.scored_on, s.citizen_score, s.mentor_score) for s in goal.scores] == [
        (date(2026, 2, 17), 6, 4),
        (date(2026, 3, 1), 8, 2),
    ]
    assert (goal.first, goal.last, goal.change) == (6, 8, 2)
    assert r.sub_goals[1].scores == [] and r.sub_goals[1].change is None

    assert [(a.where, a.accommodations, a.aids) for a in r.accommodations] == [
        ("", "Ingen tunge løft", "Høreværn"),
        ("Kantinen på Havnen", "Starter efter kl. 10", ""),
    ]


def test_a_period_that_starts_mid_placement_names_the_step_in_force(mette):
    r = reports.progression_report(mette, date(2026, 3, 10), END, TODAY)
    assert [(s.from_date, s.from_hours, s.to_hours, s.before_period) for s in r.hours_steps] == [
        (date(2026, 3, 2), 4, 7.5, True),
        (date(2026, 3, 16), None, 10, False),
    ]
    assert r.attendance_total.days_logged == 2  # 17 and 19 March


def test_today_cuts_the_counted_days(mette):
    r = reports.progression_report(mette, START, date(2026, 4, 30), today=date(2026, 3, 4))
    assert r.attendance_total.end == date(2026, 3, 4)
    assert r.attendance_total.days_logged == 4


def test_citizen_without_placements_and_bad_period(mette, database):
    other = Citizen.create(mentor=storage.ensure_default_mentor(), name="Ali Hassan")
    r = reports.progression_report(other.id, START, END, TODAY)
    assert r.attendance_total is None and r.stability == [] and r.courses == []
    text = reports.render_markdown(r)
    assert "No placement in this period" in text
    assert reports.render_pdf(r).startswith(b"%PDF")
    with pytest.raises(DomainError):
        reports.progression_report(mette, END, START, TODAY)
    with pytest.raises(NotFound):
        reports.progression_report(9999, START, END, TODAY)


def test_markdown_has_the_facts_and_the_texts_and_no_private_notes(mette):
    md = reports.render_markdown(reports.progression_report(mette, START, END, TODAY, TEXTS))
    assert md.startswith("# Statusbeskrivelse til jobcentret\n")
    assert "- **Citizen:** Mette Jørgensen" in md
    assert "- **Period:** 01-02-2026 – 31-03-2026" in md
    assert "- **Written on:** 15-04-2026" in md
    for heading in (
        "## Summary",
        "## Course",
        "## Attendance and stability",
        "## Hours steps",
        "## Placements",
        "## Sub-goals and scores",
        "## Accommodations found",
        "## Resources observed",
        "## What has been clarified",
        "## What still needs clarifying",
        "## Recommended next steps",
    ):
        assert f"\n{heading}\n" in md, heading
    assert "| Attendance rate | 57 % | 60 % | 50 % |" in md
    assert "| Hours worked | 10,8 | 5,8 | 5 |" in md
    assert "| 02-03-2026 | Kantinen på Havnen | 4 → 7,5 | 3 x 2,5 t |" in md
    assert "| 17-02-2026 | 6 | 4 |" in md
    assert "First 6, last 8 (+2)" in md
    assert "Møder stabilt om formiddagen.  \nGod til opvask." in md
    assert "Virksomheden vil gerne fortsætte" in md and "Videre til løntimer" in md
    for secret in SECRETS:
        assert secret not in md, secret


def _pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_pdf_parses_back_with_danish_text_and_headings(mette):
    data = reports.render_pdf(reports.progression_report(mette, START, END, TODAY, TEXTS))
    assert data.startswith(b"%PDF")
    text, pages = _pdf_text(data)
    assert 1 <= pages <= 8
    for expected in (
        "Mette Jørgensen",
        "æøå ÆØÅ",
        "“stabil”",
        "Fremgang –",
        "Statusbeskrivelse til jobcentret",
        "01-02-2026 – 31-03-2026",
        "Attendance and stability",
        "Sub-goals and scores",
        "Hours steps",
        "Recommended next steps",
        "Kantinen på Havnen",
        "Tåler hun flere dage",
        f"Page 1 of {pages}",
    ):
        assert expected in text, expected
    for secret in SECRETS:
        assert secret not in text, secret


def test_save_list_edit_and_delete_reports(mette):
    first = reports.save_report(mette, START, END, TEXTS)
    second = reports.save_report(
        mette, date(2026, 4, 1), date(2026, 6, 30), ReportTextsIn(title="Næste")
    )
    listed = reports.reports_of(mette)
    assert [(i.id, i.start, i.end, i.title) for i in listed] == [
        (second, date(2026, 4, 1), date(2026, 6, 30), "Næste"),
        (first, START, END, "Statusbeskrivelse til jobcentret"),
    ]
    assert reports.report_texts(first) == TEXTS
    changed = TEXTS.model_copy(update={"summary": "Ny tekst"})
    assert reports.save_report(mette, START, END, changed, report_id=first) == first
    assert reports.report_texts(first).summary == "Ny tekst"
    saved = reports.saved_report(first, TODAY)
    assert (saved.report_id, saved.texts.summary, saved.start) == (first, "Ny tekst", START)
    reports.delete_report(second)
    assert [i.id for i in reports.reports_of(mette)] == [first]
    with pytest.raises(NotFound):
        reports.report_texts(second)
    with pytest.raises(DomainError):
        reports.save_report(mette, END, START, TEXTS)


def test_report_texts_are_validated():
    with pytest.raises(ValueError):
        ReportTextsIn(title="x" * 301)
    assert ReportTextsIn(summary="  trimmed  ").summary == "trimmed"


def test_saved_reports_travel_in_the_interchange_file(mette):
    reports.save_report(mette, START, END, TEXTS)
    document = export_document(mette)
    assert document["citizens"][0]["reports"][0]["still_open"] == TEXTS.still_open
    text = dumps(document)
    Citizen.delete().where(Citizen.id == mette).execute()
    assert Report.select().count() == 0
    import_document(parse_document(text))
    (report,) = Report.select()
    assert (report.period_start, report.period_end, report.summary) == (START, END, TEXTS.summary)


def test_a_file_without_reports_still_imports(mette):
    document = export_document(mette)
    del document["citizens"][0]["reports"]
    Citizen.delete().where(Citizen.id == mette).execute()
    assert import_document(parse_document(dumps(document))).citizens == 1
    assert Report.select().count() == 0


def test_default_period_is_the_last_three_months():
    assert reports.default_period(date(2026, 11, 29)) == (date(2026, 8, 30), date(2026, 11, 29))
    assert reports.default_period(date(2026, 5, 31)) == (date(2026, 3, 1), date(2026, 5, 31))
    assert reports.default_period(date(2026, 1, 15)) == (date(2025, 10, 16), date(2026, 1, 15))
