"""``mentorterm figures``: the figures, a figure's courses, the files, and bad input in words."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from mentorterm import cli, storage
from mentorterm.models import AuditEntry

from .figures_fixture import build_year

pytestmark = pytest.mark.both_engines

PERIOD = ("--from", "2026-01-01", "--to", "31-12-2026")


@pytest.fixture
def year_db(db_target):
    storage.open_database(db_target)
    ids = build_year()
    storage.close_database()
    return str(db_target), ids


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(args))
    finally:
        storage.close_database()
    out, err = capsys.readouterr()
    return status, out, err


def test_the_figures_as_text(year_db, capsys):
    db, _ids = year_db
    status, out, err = run_cli(capsys, "figures", "--db", db, *PERIOD)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "The year's figures, 01-01-2026 to 31-12-2026"
    assert any(line.startswith("  1 Courses running in the period") and line.endswith(
        "4  [in_period]") for line in lines)  # fmt: skip
    ended = next(line for line in lines if "[ended]" in line)
    assert ended.split()[-2] == "3"


def test_by_mentor_as_json(year_db, capsys):
    db, ids = year_db
    status, out, _err = run_cli(capsys, "figures", "--db", db, *PERIOD, "--by", "mentor",
                                "--format", "json")  # fmt: skip
    assert status == 0
    data = json.loads(out)
    assert [g["label"] for g in data["groups"]] == ["All", "Bo Berg", "Me"]
    started = next(f for f in data["figures"] if f["key"] == "started")
    assert [c["courses"] for c in started["cells"]] == [
        [ids["K2"], ids["K3"], ids["K4"]], [ids["K3"], ids["K4"]], [ids["K2"]],
    ]  # fmt: skip


def test_list_names_the_courses_of_one_figure(year_db, capsys):
    db, ids = year_db
    status, out, _err = run_cli(capsys, "figures", "--db", db, *PERIOD, "--list",
                                "outcome:education")  # fmt: skip
    assert status == 0
    assert out.splitlines()[0] == "Education [outcome:education]"
    assert f"{ids['K2']:>5}  Bent" in out and "Anna" not in out
    status, out, _err = run_cli(capsys, "figures", "--db", db, *PERIOD, "--list", "2")
    assert out.splitlines()[0] == "Started in the period [started]"
    assert [n in out for n in ("Bent", "Cira", "Dan", "Anna")] == [True, True, True, False]


def test_the_spreadsheet_to_a_file(year_db, capsys, tmp_path):
    db, _ids = year_db
    path = tmp_path / "tal.xlsx"
    status, out, err = run_cli(capsys, "figures", "--db", db, *PERIOD, "--format", "xlsx",
                               "--out", str(path), "--by", "programme")  # fmt: skip
    assert status == 0 and err == ""
    assert out == f"The figures are in {path}.\n"
    book = load_workbook(path)
    header = [c.value for c in book["Figures"][3]]
    assert header[4:] == ["All", "All: share", "(no programme)", "(no programme): share",
                          "Job først", "Job først: share"]  # fmt: skip
    # An existing file is kept without --force.
    status, _out, err = run_cli(capsys, "figures", "--db", db, "--format", "csv", "--out",
                                str(path))  # fmt: skip
    assert status == 1 and "already exists" in err
    assert load_workbook(path).sheetnames == ["Figures", "Courses counted"]


def test_danish_headings(year_db, capsys, monkeypatch):
    db, _ids = year_db
    monkeypatch.setenv("MENTORTERM_LANG", "da")  # the suite's "en" is the strongest choice
    status, out, _err = run_cli(capsys, "figures", "--db", db, *PERIOD, "--format", "csv")
    assert status == 0
    assert out.splitlines()[0] == "Nr.,Nøgle,Afsnit,Nøgletal,Alle,Alle: andel"
    assert "4,running_at_end,Forløb,Stadig i gang ved periodens slutning,1," in out


@pytest.mark.parametrize(
    "args,message",
    [
        (("--from", "2026-13-01"), "mentorterm: argument --from: '2026-13-01' is not a date; "
         "write it as YYYY-MM-DD or DD-MM-YYYY (see 'mentorterm --help')"),
        (("--from", "2026-03-01", "--to", "2026-02-01"), "mentorterm: --to 2026-02-01 is before "
         "--from 2026-03-01: the period must end on or after its start."),
        (("--list", "nope"), "mentorterm: There is no figure 'nope'. Give a figure's number or "
         "key as listed (e.g. 'ended' or 'outcome:ordinary_job')."),
        (("--format", "xlsx"), "mentorterm: A spreadsheet goes to a file: add --out FILE.xlsx."),
        # (how the choices are quoted depends on the Python version)
        (("--by", "team"), "mentorterm: argument --by: invalid choice: 'team' (choose from "),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_in_words_and_changes_nothing(year_db, capsys, args, message):
    db, _ids = year_db
    storage.open_database(db)
    before = AuditEntry.select().count()
    storage.close_database()
    status, out, err = run_cli(capsys, "figures", "--db", db, *args)
    assert status in (1, 2) and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(message)
    storage.open_database(db)
    assert AuditEntry.select().count() == before
    storage.close_database()


def test_a_folder_that_is_not_there(year_db, capsys, tmp_path):
    db, _ids = year_db
    where = tmp_path / "nowhere" / "tal.xlsx"
    status, out, err = run_cli(capsys, "figures", "--db", db, "--format", "xlsx", "--out",
                               str(where))  # fmt: skip
    assert status == 1 and out == ""
    assert err == f"mentorterm: The folder {where.parent} does not exist.\n"
    assert not where.parent.exists()


@pytest.mark.sqlite_only
def test_the_demo_s_figures_to_a_spreadsheet_and_back(db_path, capsys, tmp_path):
    """The demo caseload's year, exported and read back; the courses counted agree
    with the courses the database has in the period (asked another way)."""
    from datetime import date

    from mentorterm.demo import generate_demo
    from mentorterm.models import Course

    storage.open_database(db_path)
    generate_demo(seed=1, today=date(2026, 11, 22))
    running = {
        c.id
        for c in Course.select()
        if c.start_date <= date(2026, 11, 22)
        and (c.end_date is None or c.end_date >= date(2026, 1, 1))
    }
    storage.close_database()
    path = tmp_path / "demo.xlsx"
    status, _out, err = run_cli(capsys, "figures", "--db", str(db_path), "--from", "2026-01-01",
                                "--to", "2026-11-22", "--format", "xlsx", "--out", str(path))  # fmt: skip
    assert status == 0 and err == ""
    book = load_workbook(path)
    rows = {r[1]: r for r in book["Figures"].iter_rows(min_row=4, values_only=True)}
    assert rows["in_period"][4] == len(running) > 0
    counted = book["Courses counted"].iter_rows(min_row=2, values_only=True)
    assert {r[2] for r in counted if r[0] == "in_period"} == running
    ended = rows["ended"][4]
    outcomes = sum(r[4] for key, r in rows.items() if key.startswith("outcome:"))
    assert outcomes == ended and rows["days_logged"][4] > 0
