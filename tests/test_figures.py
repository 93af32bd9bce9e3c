"""The year's figures (issue 20): every figure counted by hand on a small year
(tests/figures_fixture.py), the courses behind each, the files read back."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from mentorterm.domain.errors import DomainError
from mentorterm.domain.figures import counted, year_figures
from mentorterm.domain.figures.compute import compute
from mentorterm.domain.figures.export import render_csv, render_json, render_text, xlsx_bytes
from mentorterm.domain.figures.facts import CourseFact
from mentorterm.i18n import speaking
from mentorterm.models import AuditEntry

from .figures_fixture import END, START, TODAY, build_year

pytestmark = pytest.mark.both_engines


@pytest.fixture
def year(database):
    ids = build_year()
    return ids, year_figures(START, END, today=TODAY)


def cell(result, key: str, group: int = 0):
    return result.table.find(key).cells[group]


def courses_of(result, ids, key: str, group: int = 0) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[i] for i in cell(result, key, group).courses]


def test_courses_started_running_and_ended(year):
    ids, result = year
    assert courses_of(result, ids, "in_period") == ["K1", "K2", "K3", "K4"]
    assert courses_of(result, ids, "started") == ["K2", "K3", "K4"]
    assert courses_of(result, ids, "ended") == ["K1", "K2", "K4"]
    assert courses_of(result, ids, "running_at_end") == ["K3"]
    assert cell(result, "in_period").value == 4 and cell(result, "in_period").share is None


def test_how_they_ended_with_shares_of_the_courses_ended(year):
    ids, result = year
    assert courses_of(result, ids, "outcome:ordinary_job") == ["K1"]
    assert courses_of(result, ids, "outcome:education") == ["K2"]
    assert courses_of(result, ids, "outcome:absence_sanction") == ["K4"]
    assert cell(result, "outcome:ordinary_job").share == pytest.approx(1 / 3)
    # Every outcome has its row, a zero where none ended so (K5 ended in 2025).
    assert cell(result, "outcome:other").value == 0
    assert cell(result, "outcome:paid_hours").share == 0
    good = cell(result, "job_or_education")
    assert courses_of(result, ids, "job_or_education") == ["K1", "K2"]
    assert good.share == pytest.approx(2 / 3)


def test_purpose_and_programme(year):
    ids, result = year
    assert courses_of(result, ids, "purpose:ordinary_job") == ["K1", "K4"]
    assert cell(result, "purpose:ordinary_job").share == 0.5
    assert courses_of(result, ids, "purpose:education") == ["K2"]
    assert courses_of(result, ids, "purpose:flexjob") == ["K3"]
    programmes = [r for r in result.table.rows if r.key.startswith("programme:")]
    assert [(r.key, r.label) for r in programmes] == [
        ("programme:Job først", "Job først"),
        ("programme:", "(no programme)"),  # last
    ]
    assert courses_of(result, ids, "programme:job først") == ["K1", "K2", "K4"]  # any case
    assert courses_of(result, ids, "programme:") == ["K3"]


def test_length_and_extensions(year):
    ids, result = year
    # 26.0 (K1, 182 days), 22.0 (K2, 154 days), 17.4 (K4, 122 days): the median 22.0.
    median = cell(result, "median_weeks")
    assert median.value == 22.0
    assert courses_of(result, ids, "median_weeks") == ["K1", "K2", "K4"]
    assert courses_of(result, ids, "extended") == ["K1", "K3"]
    assert cell(result, "extended").share == 0.5
    decided = cell(result, "extensions")
    assert decided.value == 3 and courses_of(result, ids, "extensions") == ["K1", "K3"]


def test_aftercare(year):
    ids, result = year
    # K1 (ended 31-03) and K2 (04-07) ended in a job / education; 90 days later both are due.
    assert courses_of(result, ids, "aftercare_due") == ["K1", "K2"]
    assert courses_of(result, ids, "aftercare_held") == ["K1"]  # held 01-07
    assert cell(result, "aftercare_held").share == 0.5
    assert courses_of(result, ids, "in_work_at_aftercare") == ["K1"]  # the job from 01-04
    # As of 01-10-2026, K2's aftercare (02-10) is not due yet.
    early = year_figures(START, END, today=date(2026, 10, 1))
    assert courses_of(early, ids, "aftercare_due") == ["K1"]


def test_hours_a_week_reached(year):
    ids, result = year
    # K1: 10 (its 4 came first); K2: 2; K3: 16 (the 25 is in 2027); K4: none.
    assert courses_of(result, ids, "hours:none") == ["K4"]
    assert courses_of(result, ids, "hours:under_5") == ["K2"]
    assert courses_of(result, ids, "hours:10_14") == ["K1"]
    assert courses_of(result, ids, "hours:15_19") == ["K3"]
    assert cell(result, "hours:5_9").value == cell(result, "hours:20_up").value == 0
    assert cell(result, "hours_median").value == 10
    # Counted to the period's end: in 2027 as well, K3 reaches 25.
    later = year_figures(START, date(2027, 1, 31), today=TODAY)
    assert courses_of(later, ids, "hours:20_up") == ["K3"]


def test_attendance_counts_the_logbook_days_in_the_period(year):
    ids, result = year
    # K1: present, sick, present (its day in 2025 left out); K2: without, with notice;
    # K3: present twice.
    assert cell(result, "days_logged").value == 7
    assert courses_of(result, ids, "days_logged") == ["K1", "K2", "K3"]
    present = cell(result, "days_present")
    assert present.value == 4 and present.share == pytest.approx(4 / 7)
    assert courses_of(result, ids, "days_present") == ["K1", "K3"]
    assert (cell(result, "days_sick").value, courses_of(result, ids, "days_sick")) == (1, ["K1"])
    assert courses_of(result, ids, "days_with_notice") == ["K2"]
    assert courses_of(result, ids, "days_without_notice") == ["K2"]


def test_per_mentor_and_per_programme(database):
    ids = build_year()
    by_mentor = year_figures(START, END, today=TODAY, by="mentor")
    assert [g.label for g in by_mentor.table.groups] == ["All", "Bo Berg", "Me"]
    assert courses_of(by_mentor, ids, "in_period", 1) == ["K3", "K4"]  # Dan is archived
    assert courses_of(by_mentor, ids, "in_period", 2) == ["K1", "K2"]
    assert courses_of(by_mentor, ids, "ended", 1) == ["K4"]
    assert cell(by_mentor, "outcome:absence_sanction", 1).share == 1.0
    assert cell(by_mentor, "days_logged", 2).value == 5
    by_programme = year_figures(START, END, today=TODAY, by="programme")
    assert [g.label for g in by_programme.table.groups] == ["All", "(no programme)", "Job først"]
    assert courses_of(by_programme, ids, "in_period", 2) == ["K1", "K2", "K4"]
    assert cell(by_programme, "median_weeks", 2).value == 22.0
    assert cell(by_programme, "median_weeks", 1).value is None  # K3 runs still


def test_a_figure_lists_its_courses_and_a_wrong_one_is_refused(year):
    ids, result = year
    row = result.table.find("3")  # the third row: ended
    assert row.key == "ended"
    listed = counted(result, row)
    assert [(c.citizen_name, c.outcome_label) for c in listed] == [
        ("Anna", "Ordinary job"),
        ("Bent", "Education"),
        ("Dan", "Ended for absence / sanction"),
    ]
    with pytest.raises(DomainError, match="There is no figure 'nope'"):
        result.table.find("nope")
    with pytest.raises(DomainError, match="cannot end"):
        year_figures(END, START)


def test_the_text_csv_and_json_say_the_same(year):
    ids, result = year
    text = render_text(result)
    assert "  3 Ended in the period" in text and "[outcome:ordinary_job]" in text
    assert "1 (33 %)" in text
    rows = list(csv.reader(io.StringIO(render_csv(result))))
    assert rows[0] == ["No.", "Key", "Section", "Figure", "All", "All: share"]
    assert rows[3] == ["3", "ended", "Courses", "Ended in the period", "3", ""]
    data = json.loads(render_json(result))
    ended = next(f for f in data["figures"] if f["key"] == "ended")
    assert ended["cells"][0]["courses"] == [ids["K1"], ids["K2"], ids["K4"]]
    assert "Anna" not in text + render_csv(result) + render_json(result)


def _workbook(result):
    return load_workbook(io.BytesIO(xlsx_bytes(result)))


def test_the_spreadsheet_read_back(year):
    ids, result = year
    book = _workbook(result)
    assert book.sheetnames == ["Figures", "Courses counted"]
    sheet = book["Figures"]
    assert sheet["A1"].value == "The year's figures, 01-01-2026 to 31-12-2026"
    assert [c.value for c in sheet[3]] == ["No.", "Key", "Section", "Figure", "All", "All: share"]
    by_key = {row[1]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert by_key["ended"] == (3, "ended", "Courses", "Ended in the period", 3, None)
    assert by_key["job_or_education"][4:] == (2, 0.6667)
    assert by_key["median_weeks"][4] == 22.0
    assert sheet.cell(row=4 + 15, column=6).number_format == "0.0%"
    counted_rows = list(book["Courses counted"].iter_rows(min_row=2, values_only=True))
    job = [r for r in counted_rows if r[0] == "outcome:ordinary_job"]
    assert [(r[2], r[4], r[7]) for r in job] == [(ids["K1"], "Me", "Ordinary job")]
    assert job[0][5].date() == date(2025, 10, 1) and job[0][6].date() == date(2026, 3, 31)
    every = [str(v) for s in book for row in s.iter_rows(values_only=True) for v in row]
    assert not {"Anna", "Bent", "Cira", "Dan"} & set(every)  # ids, never names


def test_the_spreadsheet_in_danish(year):
    _ids, result = year
    with speaking("da"):
        danish = year_figures(START, END, today=TODAY, by="mentor")
        book = _workbook(danish)
    assert book.sheetnames == ["Nøgletal", "Forløb talt med"]
    sheet = book["Nøgletal"]
    assert sheet["A1"].value == "Årets nøgletal, 01-01-2026 til 31-12-2026"
    assert [c.value for c in sheet[3]][:6] == [
        "Nr.",
        "Nøgle",
        "Afsnit",
        "Nøgletal",
        "Alle",
        "Alle: andel",
    ]
    labels = [row[3] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert (
        "Forløb i gang i perioden" in labels and "Sluttet i job, småjob eller uddannelse" in labels
    )


def test_saving_writes_the_file_and_an_audit_row(year, tmp_path):
    from mentorterm.domain.figures.export import save_figures

    _ids, result = year
    before = AuditEntry.select().count()
    path = save_figures(result, tmp_path / "tal.xlsx", "xlsx")
    assert load_workbook(path).sheetnames[0] == "Figures"
    assert AuditEntry.select().count() == before + 1
    with pytest.raises(DomainError, match="already exists"):
        save_figures(result, path, "csv")
    assert AuditEntry.select().count() == before + 1


# --- the counting as a property: any courses, any period ---------------------------------

DAY0 = date(2026, 1, 1)
days = st.integers(0, 500).map(lambda n: DAY0 + timedelta(days=n))


@st.composite
def facts(draw):
    made = []
    for i in range(draw(st.integers(0, 12))):
        start = draw(days)
        ended = draw(st.none() | st.integers(0, 300).map(lambda n, s=start: s + timedelta(days=n)))
        made.append(
            CourseFact(
                course_id=i + 1,
                citizen_id=i + 1,
                citizen_name=f"C{i}",
                mentor_id=draw(st.integers(1, 3)),
                mentor_name="M",
                start=start,
                ended_on=ended,
                outcome=draw(st.sampled_from(["ordinary_job", "education", "other"]))
                if ended
                else None,
                purpose=draw(st.sampled_from(["ordinary_job", "flexjob"])),
                programme=draw(st.sampled_from(["", "A", "B"])),
                extensions=tuple(draw(st.lists(days, max_size=3))),
                hours_steps=tuple(
                    (d, float(h))
                    for d, h in draw(st.lists(st.tuples(days, st.integers(0, 37)), max_size=3))
                ),
            )  # fmt: skip
        )
    return made


@settings(max_examples=60, deadline=None)
@given(facts(), days, st.integers(0, 200))
def test_the_figures_add_up(course_facts, start, length):
    end = start + timedelta(days=length)
    table = compute(course_facts, start, end, today=end, by="mentor")
    value = {row.key: row.cells for row in table.rows}
    for g in range(len(table.groups)):
        inside = set(value["in_period"][g].courses)
        ended = value["ended"][g].courses
        outcomes = [
            c for k, cells in value.items() if k.startswith("outcome:") for c in cells[g].courses
        ]
        assert sorted(outcomes) == list(ended)  # each course ended once, in one outcome
        hours = [
            c for k, cells in value.items() if k.startswith("hours:") for c in cells[g].courses
        ]
        assert sorted(hours) == sorted(inside)  # each course in one band of hours
        for key in ("purpose:", "programme:"):
            shown = [c for k, cells in value.items() if k.startswith(key) for c in cells[g].courses]
            assert sorted(shown) == sorted(inside)
        for row in table.rows:
            assert set(row.cells[g].courses) <= inside
            if row.unit == "courses" and row.key != "extensions":
                assert row.cells[g].value == len(row.cells[g].courses)
    # The groups split the whole: their courses together are all of them.
    groups = [set(value["in_period"][g].courses) for g in range(1, len(table.groups))]
    assert set().union(*groups) == set(value["in_period"][0].courses)


def test_a_course_is_the_mentor_s_who_had_the_citizen_at_its_end(database):
    """Bent (K2, ended 04-07-2026) was Bo Berg's then and handed to "Me" in September:
    his course counts for Bo Berg; in a period that ends before the handover too."""
    from mentorterm.models import Citizen, Handover, Mentor

    ids = build_year()
    bent = Citizen.get(Citizen.name == "Bent")
    bo, me = Mentor.get(Mentor.name == "Bo Berg"), Citizen.get(Citizen.name == "Anna").mentor
    Handover.create(citizen=bent, from_mentor=bo, to_mentor=me, handed_on=date(2026, 9, 1))
    result = year_figures(START, END, today=TODAY, by="mentor")
    assert [g.label for g in result.table.groups] == ["All", "Bo Berg", "Me"]
    assert courses_of(result, ids, "in_period", 1) == ["K2", "K3", "K4"]
    assert courses_of(result, ids, "in_period", 2) == ["K1"]
    # Cira (K3, running) was handed from Me to Bo Berg on 01-06: in May she was Me's.
    cira = Citizen.get(Citizen.name == "Cira")
    Handover.create(citizen=cira, from_mentor=me, to_mentor=bo, handed_on=date(2026, 6, 1))
    may = year_figures(date(2026, 5, 1), date(2026, 5, 31), today=TODAY, by="mentor")
    assert courses_of(may, ids, "in_period", 1) == ["K2", "K4"]  # Bo Berg's then
    assert courses_of(may, ids, "in_period", 2) == ["K3"]
