"""Where the citizen stands at aftercare (schema 12) in the year's figures, on
hand-computed courses: the situation recorded at the last aftercare follow-up
held after the course's end (by the period's end) wins over the placements
running on the aftercare day; without one the placements count as before;
education is known only when recorded. Then the same through the database on
both engines (the note saved through the domain, as the form saves it), the
command's ``--list`` saying course by course how it was decided, and the
spreadsheet read back."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from mentorterm import cli, storage
from mentorterm.domain import meetings
from mentorterm.domain.figures import counted, year_figures
from mentorterm.domain.figures.compute import compute
from mentorterm.domain.figures.export import render_text, xlsx_bytes
from mentorterm.domain.figures.facts import CourseFact, WorkSpell
from mentorterm.enums import AftercareSituation
from mentorterm.models import AuditEntry, Citizen, Course, Meeting, Placement
from mentorterm.schemas import MeetingIn
from mentorterm.schemas.meetings import MeetingIn as MeetingInput

pytestmark = pytest.mark.both_engines

D = date
YEAR_START, YEAR_END, ASKED = D(2026, 1, 1), D(2026, 12, 31), D(2027, 2, 1)


def fact(n, ended, outcome, **more) -> CourseFact:
    return CourseFact(
        course_id=n, citizen_id=n, citizen_name=f"C{n}", mentor_id=1, mentor_name="Me",
        start=D(2025, 9, 1), ended_on=ended, outcome=outcome, purpose="ordinary_job",
        programme="", **more,
    )  # fmt: skip


# Every one ended in a job, small job or education early enough for its
# aftercare day (the end + 90 days) to fall in 2026: all six are due.
# 1: a job placement still running, but recorded "in education" on 01-06: education wins.
# 2: a paid-hours placement running, recorded "in another ordinary job": a job, not small.
# 3: no placement; recorded "in education".
# 4: a wage-subsidy placement running, nothing recorded: in work by the placement.
# 5: recorded "in paid hours" on 20-04-2026, then "back on benefits" in January 2027.
# 6: a situation recorded on 20-04-2026, before this course ended (an earlier
#    course's aftercare): not this course's; no placement.
COURSES = [
    fact(1, D(2026, 3, 1), "ordinary_job",
         work=(WorkSpell(D(2026, 3, 2), None, "ordinary_job"),),
         aftercare_held=(D(2026, 6, 1),), aftercare_situations=((D(2026, 6, 1), "education"),)),
    fact(2, D(2026, 4, 30), "paid_hours",
         work=(WorkSpell(D(2026, 5, 1), D(2026, 12, 31), "paid_hours"),),
         aftercare_held=(D(2026, 8, 1),), aftercare_situations=((D(2026, 8, 1), "other_job"),)),
    fact(3, D(2026, 6, 30), "education",
         aftercare_held=(D(2026, 10, 1),), aftercare_situations=((D(2026, 10, 1), "education"),)),
    fact(4, D(2026, 2, 1), "ordinary_job",
         work=(WorkSpell(D(2026, 2, 2), None, "wage_subsidy"),)),
    fact(5, D(2026, 1, 15), "ordinary_job",
         aftercare_held=(D(2026, 4, 20), D(2027, 1, 10)),
         aftercare_situations=((D(2026, 4, 20), "paid_hours"),
                               (D(2027, 1, 10), "back_on_benefits"))),
    fact(6, D(2026, 5, 1), "ordinary_job",
         aftercare_held=(D(2026, 4, 20),), aftercare_situations=((D(2026, 4, 20), "same_job"),)),
]  # fmt: skip


def table(end=YEAR_END, today=ASKED):
    return compute(COURSES, YEAR_START, end, today=today, aftercare_days=90)


def courses_of(t, key):
    return t.find(key).cells[0].courses


def test_the_recorded_situation_wins_over_the_placements():
    t = table()
    assert courses_of(t, "aftercare_due") == (1, 2, 3, 4, 5, 6)
    assert courses_of(t, "aftercare_held") == (1, 2, 3, 5)
    assert courses_of(t, "situation_recorded_at_aftercare") == (1, 2, 3, 5)
    assert courses_of(t, "in_education_at_aftercare") == (1, 3)
    assert t.find("in_education_at_aftercare").cells[0].share == pytest.approx(2 / 6)
    # 1 has a job placement running but is in education; 4 by its wage subsidy.
    assert courses_of(t, "in_work_at_aftercare") == (2, 4, 5)
    assert courses_of(t, "in_job_at_aftercare") == (2,)
    # 2 has paid hours running but was recorded in another ordinary job.
    assert courses_of(t, "in_small_job_at_aftercare") == (5,)


def test_the_last_situation_known_by_the_period_s_end_counts():
    later = table(end=D(2027, 2, 28), today=D(2027, 3, 1))
    assert courses_of(later, "in_small_job_at_aftercare") == ()
    assert courses_of(later, "in_work_at_aftercare") == (2, 4)  # 5 is back on benefits


def test_without_a_recorded_situation_the_placements_count_as_before():
    bare = [f._replace(aftercare_situations=()) for f in COURSES]
    t = compute(bare, YEAR_START, YEAR_END, today=ASKED, aftercare_days=90)
    assert courses_of(t, "situation_recorded_at_aftercare") == ()
    assert courses_of(t, "in_education_at_aftercare") == ()
    assert courses_of(t, "in_work_at_aftercare") == (1, 2, 4)
    assert courses_of(t, "in_job_at_aftercare") == (1,)
    assert courses_of(t, "in_small_job_at_aftercare") == (2,)


def test_the_input_keeps_a_situation_only_on_a_held_aftercare_follow_up():
    held = MeetingInput(starts_at="07-12-2026 10:00", kind="aftercare", status="held",
                        aftercare_situation="education")  # fmt: skip
    assert held.aftercare_situation == AftercareSituation.EDUCATION
    for kind, status in (("aftercare", "planned"), ("one_to_one", "held")):
        other = MeetingInput(starts_at="07-12-2026 10:00", kind=kind, status=status,
                             aftercare_situation="education")  # fmt: skip
        assert other.aftercare_situation is None
    assert MeetingInput(starts_at="07-12-2026 10:00", kind="aftercare", status="held",
                        aftercare_situation="").aftercare_situation is None  # fmt: skip
    with pytest.raises(ValueError):
        MeetingInput(starts_at="07-12-2026 10:00", kind="aftercare", status="held",
                     aftercare_situation="on_holiday")  # fmt: skip


def _year() -> dict[str, int]:
    """Two courses ended in a job on 01-03-2026, both with a job placement still
    running: Ida's aftercare (05-06) records education, Jens's records nothing."""
    me = storage.ensure_default_mentor()
    ids = {}
    for name in ("Ida", "Jens"):
        citizen = Citizen.create(mentor=me, name=name)
        course = Course.create(
            citizen=citizen, referral_date=D(2025, 9, 1), start_date=D(2025, 9, 1),
            planned_end=D(2026, 3, 1), purpose="ordinary_job", end_date=D(2026, 3, 1),
            outcome="ordinary_job",
        )  # fmt: skip
        Placement.create(
            citizen=citizen, course=course, kind="ordinary_job", workplace="Netto",
            start_date=D(2026, 3, 2),
        )  # fmt: skip
        ids[name] = course.id
        ids[name + "_citizen"] = citizen.id
    meetings.create_meeting(
        ids["Ida_citizen"],
        MeetingIn(starts_at="05-06-2026 10:00", kind="aftercare", status="held",
                  aftercare_situation="education"),
    )  # fmt: skip
    meetings.create_meeting(
        ids["Jens_citizen"],
        MeetingIn(starts_at="05-06-2026 11:00", kind="aftercare", status="held"),
    )
    return ids


def test_the_database_s_figures_take_the_recorded_situation(database):
    ids = _year()
    assert Meeting.get(Meeting.aftercare_situation == "education").citizen_id == ids["Ida_citizen"]
    result = year_figures(YEAR_START, YEAR_END, today=ASKED)
    t = result.table
    assert courses_of(t, "aftercare_held") == (ids["Ida"], ids["Jens"])
    assert courses_of(t, "in_education_at_aftercare") == (ids["Ida"],)
    assert courses_of(t, "in_work_at_aftercare") == (ids["Jens"],)
    assert courses_of(t, "in_job_at_aftercare") == (ids["Jens"],)
    listed = {c.course_id: c for c in counted(result, t.find("aftercare_held"))}
    assert listed[ids["Ida"]].aftercare_text == "at aftercare: In education (recorded 05-06-2026)"
    assert listed[ids["Jens"]].aftercare_text.startswith("at aftercare: nothing recorded")
    assert "where the citizen stands as recorded" in render_text(result)
    book = load_workbook(io.BytesIO(xlsx_bytes(result)))
    sheet = book["Courses counted"]
    head = [c.value for c in sheet[1]]
    at = head.index("Recorded at aftercare")
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True)]
    education = [r for r in rows if r[0] == "in_education_at_aftercare"]
    assert [(r[2], r[at]) for r in education] == [(ids["Ida"], "In education")]
    jens = [r for r in rows if r[0] == "in_work_at_aftercare"]
    assert [(r[2], r[at]) for r in jens] == [(ids["Jens"], None)]
    labels = [r[3] for r in book["Figures"].iter_rows(min_row=4, values_only=True)]
    assert "… in education on the aftercare day" in labels


def test_correcting_the_follow_up_changes_the_figure_and_is_audited(database):
    ids = _year()
    held = Meeting.get(Meeting.aftercare_situation == "education")
    data = meetings.meeting_input(held.id).model_dump()
    data["aftercare_situation"] = "same_job"
    meetings.update_meeting(held.id, MeetingIn.model_validate(data))
    t = year_figures(YEAR_START, YEAR_END, today=ASKED).table
    assert courses_of(t, "in_education_at_aftercare") == ()
    assert courses_of(t, "in_job_at_aftercare") == (ids["Ida"], ids["Jens"])
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (last.action, last.what, last.record_id) == ("update", "meeting", held.id)
    assert json.loads(last.detail) == {"aftercare_situation": ["education", "same_job"]}


@pytest.mark.sqlite_only
def test_the_command_lists_how_each_course_was_decided(db_path, capsys):
    storage.open_database(db_path)
    ids = _year()
    storage.close_database()
    period = ["--db", str(db_path), "--from", "01-01-2026", "--to", "31-12-2026"]
    assert cli.main(["figures", *period, "--list", "in_work_at_aftercare"]) == 0
    storage.close_database()
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "… still in work on the aftercare day [in_work_at_aftercare]"
    assert [ln for ln in lines if ln.strip().startswith(str(ids["Jens"]))][0].endswith(
        "at aftercare: nothing recorded (the placements running that day count)"
    )
    assert cli.main(["figures", *period, "--list", "in_education_at_aftercare"]) == 0
    storage.close_database()
    out = capsys.readouterr().out
    assert f"{ids['Ida']}  Ida" in out
    assert out.rstrip().endswith("at aftercare: In education (recorded 05-06-2026)")
