"""The year's figures on the team database (PostgreSQL, each mentor their own login):
a mentor's figures are the whole provider's, per mentor with ``--by mentor``,
and ``--list`` names a colleague's course too (logged under the one who asked);
the spreadsheet read back has a column per mentor."""

from __future__ import annotations

from openpyxl import load_workbook

from mentorterm import cli, storage
from mentorterm.domain import courses
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import AuditEntry
from mentorterm.schemas import CitizenIn, CourseEndIn, CourseExtensionIn, CourseIn

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


def course_of(name: str, start: str, planned: str) -> int:
    cid = create_citizen(CitizenIn(name=name))
    return courses.start_course(
        cid,
        CourseIn(referral_date=start, start_date=start, planned_end=planned,
                 purpose="ordinary_job", programme="Job først"),
    )  # fmt: skip


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(args))
    finally:
        storage.close_database()
    out, err = capsys.readouterr()
    return status, out, err


def test_a_mentor_counts_the_whole_team_per_mentor(team, capsys, tmp_path):
    # Anna: one course ended in a small job, one extended and running; Bo: one running.
    storage.open_database(team["anna"])
    ended = course_of("Anja Andersen", "05-01-2026", "05-07-2026")
    courses.end_course(ended, CourseEndIn(end_date="30-04-2026", outcome="paid_hours"))
    extended = course_of("Aske Ahl", "01-03-2026", "01-09-2026")
    courses.extend_course(
        extended, CourseExtensionIn(decided_on="15-08-2026", new_end="01-03-2027")
    )
    storage.close_database()
    storage.open_database(team["bo"])
    bo_course = course_of("Bent Berg", "01-06-2026", "01-12-2026")
    storage.close_database()
    status, out, err = run(capsys, "figures", "--db", team["bo"], *PERIOD, "--by", "mentor",
                           "--format", "xlsx", "--out", str(tmp_path / "team.xlsx"))  # fmt: skip
    assert status == 0, err
    book = load_workbook(tmp_path / "team.xlsx")
    sheet = book["Figures"]
    head = [c.value for c in sheet[3]]
    assert head[4:] == ["All", "All: share", "Anna", "Anna: share", "Bo", "Bo: share"]
    rows = {r[1]: r[4:] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["in_period"] == (3, None, 2, None, 1, None)
    assert rows["ended"] == (1, None, 1, None, 0, None)
    assert rows["outcome:paid_hours"] == (1, 1.0, 1, 1.0, 0, None)
    assert rows["extended"] == (1, 0.3333, 1, 0.5, 0, 0.0)
    assert rows["running_at_end"] == (2, None, 1, None, 1, None)
    counted = {
        (r[0], r[1], r[2]) for r in book["Courses counted"].iter_rows(min_row=2, values_only=True)
    }
    assert ("in_period", "Bo", bo_course) in counted and ("ended", "Anna", ended) in counted
    # Bo lists a figure with Anna's citizen in it: shown, and his read is logged.
    status, out, _err = run(capsys, "figures", "--db", team["bo"], *PERIOD, "--list",
                            "outcome:paid_hours")  # fmt: skip
    assert status == 0 and "Anja Andersen" in out and "Anna" in out
    storage.open_database(team["lead"])
    try:
        logged = AuditEntry.select().where(AuditEntry.what == "figures")
        assert {(e.action, e.citizen_id is not None) for e in logged} >= {("open_record", True)}
    finally:
        storage.close_database()
