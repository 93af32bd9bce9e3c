"""Issue 20's item 4, figure by figure, on hand-computed courses (pure facts, no
database): a small job at the end, the job / small job at aftercare, what was
known on the period's last day; every figure the issue names is a row; the
command lists, for every figure, exactly the courses counted in it; the
spreadsheet's second sheet in Danish."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from mentorterm import cli, storage
from mentorterm.domain.figures import year_figures
from mentorterm.domain.figures.compute import compute
from mentorterm.domain.figures.export import xlsx_bytes
from mentorterm.domain.figures.facts import CourseFact, WorkSpell
from mentorterm.enums import CourseOutcome, CoursePurpose
from mentorterm.i18n import speaking

from .figures_fixture import END, START, TODAY, build_year

D = date


def fact(n, start, ended=None, outcome=None, programme="", **more) -> CourseFact:
    return CourseFact(
        course_id=n, citizen_id=n, citizen_name=f"C{n}", mentor_id=1, mentor_name="Me",
        start=start, ended_on=ended, outcome=outcome, purpose="ordinary_job",
        programme=programme, **more,
    )  # fmt: skip


# A: a job, in it at aftercare (30-05), aftercare held 01-06.
# B: a small job, in paid hours at aftercare (29-07); its follow-up held only in 2027.
# C: education; at aftercare (28-09) nothing is recorded.
# D: a small job ended 15-11: its aftercare day (13-02-2027) has not come by 31-12.
# E: sick leave, extended in July. F: running, extended only in January 2027.
COURSES = [
    fact(1, D(2026, 1, 5), D(2026, 3, 1), "ordinary_job", "P",
         work=(WorkSpell(D(2026, 3, 2), None, "ordinary_job"),),
         aftercare_held=(D(2026, 6, 1),)),
    fact(2, D(2026, 2, 1), D(2026, 4, 30), "paid_hours", "P",
         work=(WorkSpell(D(2026, 5, 1), D(2026, 12, 31), "paid_hours"),),
         aftercare_held=(D(2027, 1, 10),)),
    fact(3, D(2026, 3, 1), D(2026, 6, 30), "education"),
    fact(4, D(2026, 6, 1), D(2026, 11, 15), "paid_hours",
         work=(WorkSpell(D(2026, 11, 16), None, "paid_hours"),)),
    fact(5, D(2026, 4, 1), D(2026, 10, 1), "sick_leave", extensions=(D(2026, 7, 1),),
         work=(WorkSpell(D(2026, 10, 5), None, "wage_subsidy"),)),
    fact(6, D(2026, 9, 1), extensions=(D(2027, 1, 15),)),
]  # fmt: skip


YEAR_START, YEAR_END, ASKED = D(2026, 1, 1), D(2026, 12, 31), D(2027, 2, 1)


def table(start=YEAR_START, end=YEAR_END, today=ASKED, by=None):
    return compute(COURSES, start, end, today=today, by=by, aftercare_days=90)


def cell(t, key, group=0):
    return t.find(key).cells[group]


def test_a_small_job_at_the_end_with_its_share():
    t = table()
    assert cell(t, "ended").courses == (1, 2, 3, 4, 5)
    small = cell(t, "outcome:paid_hours")
    assert small.courses == (2, 4) and small.share == pytest.approx(2 / 5)
    assert cell(t, "outcome:ordinary_job").share == pytest.approx(1 / 5)
    assert cell(t, "outcome:education").share == pytest.approx(1 / 5)
    good = cell(t, "job_or_education")
    assert good.courses == (1, 2, 3, 4) and good.share == pytest.approx(4 / 5)
    # 8.0, 12.7, 17.4, 24.0 and 26.3 weeks: the median 17.4.
    assert cell(t, "median_weeks").value == 17.4


def test_a_job_or_small_job_at_aftercare():
    t = table()
    due = cell(t, "aftercare_due")
    assert due.courses == (1, 2, 3)  # D's day is in 2027; E did not end in a job
    assert cell(t, "in_job_at_aftercare").courses == (1,)
    assert cell(t, "in_job_at_aftercare").share == pytest.approx(1 / 3)
    assert cell(t, "in_small_job_at_aftercare").courses == (2,)
    assert cell(t, "in_work_at_aftercare").courses == (1, 2)
    assert cell(t, "in_work_at_aftercare").share == pytest.approx(2 / 3)
    # Held by the period's end: B's follow-up in January 2027 is not.
    assert cell(t, "aftercare_held").courses == (1,)
    # Two months on, D's day has come (in paid hours still) and B's follow-up was held.
    later = table(end=D(2027, 2, 28), today=D(2027, 3, 1))
    assert cell(later, "aftercare_due").courses == (1, 2, 3, 4)
    assert cell(later, "in_small_job_at_aftercare").courses == (2, 4)
    assert cell(later, "aftercare_held").courses == (1, 2)


def test_an_extension_counts_from_the_day_it_was_decided():
    t = table()
    assert cell(t, "extended").courses == (5,)  # F's extension was decided in 2027
    assert cell(t, "extended").share == pytest.approx(1 / 6)
    assert (cell(t, "extensions").value, cell(t, "extensions").courses) == (1, (5,))
    # The first half of 2026: E was not extended yet (1 July), F had not started.
    spring = table(end=D(2026, 6, 30))
    assert cell(spring, "extended").courses == ()
    later = table(end=D(2027, 1, 31))
    assert cell(later, "extended").courses == (5, 6)
    assert cell(later, "extensions").value == 2


def test_per_programme_the_shares_are_of_the_group():
    t = table(by="programme")
    assert [g.label for g in t.groups] == ["All", "(no programme)", "P"]
    assert cell(t, "ended", 2).courses == (1, 2)
    assert cell(t, "outcome:paid_hours", 2).share == pytest.approx(1 / 2)
    assert cell(t, "in_small_job_at_aftercare", 2).courses == (2,)
    assert cell(t, "in_small_job_at_aftercare", 1).courses == ()
    assert cell(t, "aftercare_due", 1).courses == (3,)


# Item 4 of issue 20, as it names the figures → the rows that give them.
ITEM_4 = {
    "courses started": ["started"],
    "running": ["in_period", "running_at_end"],
    "ended by outcome": ["ended"] + [f"outcome:{o.value}" for o in CourseOutcome],
    "by purpose": [f"purpose:{p.value}" for p in CoursePurpose],
    "by programme": ["programme:P", "programme:"],
    "median duration": ["median_weeks"],
    "extensions": ["extended", "extensions"],
    "job, small job or education at the end": [
        "job_or_education", "outcome:ordinary_job", "outcome:paid_hours", "outcome:education",
    ],
    "at aftercare": [
        "aftercare_due", "aftercare_held", "in_work_at_aftercare", "in_job_at_aftercare",
        "in_small_job_at_aftercare", "in_education_at_aftercare",
        "situation_recorded_at_aftercare",
    ],
    "hours a week reached": [
        "hours:none", "hours:under_5", "hours:5_9", "hours:10_14", "hours:15_19", "hours:20_up",
        "hours_median",
    ],
    "attendance": [
        "days_logged", "days_present", "days_sick", "days_with_notice", "days_without_notice",
        "sessions_called", "sessions_attended", "sessions_without_notice", "sessions_hours",
    ],
}  # fmt: skip


def test_every_figure_the_issue_names_is_a_row():
    keys = {row.key for row in table().rows}
    missing = {name: [k for k in wanted if k not in keys] for name, wanted in ITEM_4.items()}
    assert {name: ks for name, ks in missing.items() if ks} == {}


@pytest.mark.sqlite_only
def test_the_command_lists_the_courses_of_every_figure(db_path, capsys):
    """``--list N`` for every figure of the year, per mentor: the course ids it prints
    are the ids the JSON gives that figure, group by group."""
    storage.open_database(db_path)
    build_year()
    storage.close_database()
    period = ["--db", str(db_path), "--from", START.isoformat(), "--to", END.isoformat(),
              "--by", "mentor"]  # fmt: skip
    assert cli.main(["figures", *period, "--format", "json"]) == 0
    storage.close_database()
    figures = json.loads(capsys.readouterr().out)["figures"]
    assert len(figures) >= 45
    for figure in figures:
        assert cli.main(["figures", *period, "--list", str(figure["number"])]) == 0
        storage.close_database()
        out = capsys.readouterr().out
        assert out.splitlines()[0].endswith(f"[{figure['key']}]")
        # The groups one after another ("All: 3", then each mentor's), each with its courses.
        blocks = re.split(r"\n\n(?=[^\n]*: \d+\n)", out.strip())[1:]
        listed = [[int(m) for m in re.findall(r"^ +(\d+)  ", b, re.M)] for b in blocks]
        assert listed == [c["courses"] for c in figure["cells"]], figure["key"]


def test_the_courses_counted_sheet_in_danish(database):
    build_year()
    with speaking("da"):
        book = load_workbook(io.BytesIO(xlsx_bytes(year_figures(START, END, today=TODAY))))
    sheet = book["Forløb talt med"]
    head = [c.value for c in sheet[1]]
    assert head[:5] == ["Nøgletal", "Gruppe", "Forløbs-id", "Borger-id", "Mentor"]
    labels = [row[3] for row in book["Nøgletal"].iter_rows(min_row=4, values_only=True)]
    assert "… stadig i arbejde på efterværnets dag" in labels


@pytest.mark.sqlite_only
def test_the_command_s_spreadsheet_in_danish_read_back(db_path, capsys, monkeypatch, tmp_path):
    """With the run in Danish, the file the command writes has Danish sheets and headings
    (the figures' keys stay as they are: they name a figure to --list)."""
    storage.open_database(db_path)
    build_year()
    storage.close_database()
    monkeypatch.setenv("MENTORTERM_LANG", "da")  # the suite's "en" is the strongest choice
    path = tmp_path / "tal.xlsx"
    status = cli.main(["figures", "--db", str(db_path), "--from", "01-01-2026", "--to",
                       "31-12-2026", "--by", "mentor", "--format", "xlsx", "--out", str(path)])  # fmt: skip
    storage.close_database()
    assert status == 0 and capsys.readouterr().out == f"Nøgletallene er gemt i {path}.\n"
    book = load_workbook(path)
    assert book.sheetnames == ["Nøgletal", "Forløb talt med"]
    sheet = book["Nøgletal"]
    assert [c.value for c in sheet[3]][:8] == [
        "Nr.", "Nøgle", "Afsnit", "Nøgletal", "Alle", "Alle: andel", "Bo Berg", "Bo Berg: andel",
    ]  # fmt: skip
    rows = {r[1]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["ended"][2:5] == ("Forløb", "Afsluttet i perioden", 3)
    assert rows["outcome:education"][3:6] == ("Uddannelse", 1, 0.3333)
