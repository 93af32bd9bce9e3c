"""Reports, access export, erasure and retention with real keys: checked on screen,
in the database, in the exported files and in the database file's bytes."""

from __future__ import annotations

import io
import json
import stat
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from textual.widgets import DataTable, Input, Markdown, ProgressBar, Static, TextArea

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import courses, logbook, placements, subgoals
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import Citizen, Course, LogbookEntry, Report
from mentorterm.schemas import (
    AllianceScoreIn,
    CitizenIn,
    CourseEndIn,
    CourseIn,
    HoursStepIn,
    LogbookEntryIn,
    PlacementIn,
    SubGoalIn,
)

TODAY = date(2026, 11, 22)
SIZE = (120, 36)
MARKER = "NOTE-MARKØR-4711"


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space", "\n": "enter"}.get(ch, ch) for ch in text])


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def seed(db_path) -> dict[str, int]:
    """Mette: a course, a placement at Netto Viby with a logbook in the last three
    months, a sub-goal scored twice, and notes holding a marker."""
    storage.open_database(db_path)
    mette = create_citizen(
        CitizenIn(
            name="Mette Jørgensen",
            notes=f"Ringer om morgenen {MARKER}",
            accommodations="Ingen tunge løft",
        )
    )
    courses.start_course(
        mette,
        CourseIn(
            referral_date="01-08-2026",
            start_date="03-08-2026",
            planned_end="01-02-2027",
            purpose="flexjob",
            programme="Afklaring",
        ),
    )
    pid = placements.create_placement(
        mette,
        PlacementIn(kind="company_internship", workplace="Netto Viby", start_date="01-09-2026"),
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date="01-09-2026", hours_per_week=4, schedule="2 x 2 t tir+tor")
    )
    for day, attendance in (
        (date(2026, 9, 1), "present"),
        (date(2026, 9, 3), "sick"),
        (date(2026, 10, 6), "present"),
        (date(2026, 11, 17), "present"),
    ):
        logbook.add_entry(
            pid,
            LogbookEntryIn(
                entry_date=day,
                attendance=attendance,
                hours_planned=2,
                hours_worked=2 if attendance == "present" else 0,
                absence_reason="Migræne" if attendance == "sick" else "",
                notes=f"Logbog {MARKER}",
            ),
        )
    goal = subgoals.create_sub_goal(
        mette, SubGoalIn(title="Møde stabilt to dage om ugen", success_criterion="Fire uger i træk")
    )
    subgoals.score_sub_goal(goal, AllianceScoreIn(scored_on="15-09-2026", citizen_score=4))
    subgoals.score_sub_goal(goal, AllianceScoreIn(scored_on="10-11-2026", citizen_score=6))
    other = create_citizen(CitizenIn(name="Ali Hassan"))
    storage.close_database()
    return {"mette": mette, "placement": pid, "other": other}


async def open_reports(app, pilot, citizen: int) -> None:
    app.open_citizen(citizen)
    await pilot.pause()
    assert "[b]r[/b]" not in text_of(app, "#record-keys")  # markup rendered, not shown
    assert "r reports" in text_of(app, "#record-keys")
    await pilot.press("r")
    await pilot.pause()
    assert type(app.screen).__name__ == "ReportsScreen"


async def test_new_report_edit_texts_export_and_reopen(db_path, tmp_path, monkeypatch):
    ids = seed(db_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    monkeypatch.setattr("mentorterm.domain.files.documents_folder", lambda: docs)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_reports(app, pilot, ids["mette"])
        assert "No saved reports yet" in text_of(app, "#reports-empty")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "PeriodForm"
        # No report yet: from the course's start (03-08-2026), not months before it.
        assert form.query_one("#f-start", Input).value == "03-08-2026"
        assert form.query_one("#f-end", Input).value == "22-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportScreen"
        preview = app.screen.query_one("#report-preview", Markdown).source
        assert "Mette Jørgensen" in preview and "Netto Viby" in preview
        assert "03-08-2026 – 22-11-2026" in preview
        assert MARKER not in preview  # free notes stay out of a report
        assert "not saved yet" in text_of(app, "#report-title")
        assert Report.select().count() == 0

        # e: the texts; typed with real keys, Danish letters included.
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "ReportTextsForm"
        await type_text(pilot, "Status til jobcentret")
        await pilot.press("tab")
        assert app.focused is form.query_one("#f-summary", TextArea)
        await type_text(pilot, "Mette møder stabilt; æøå ÆØÅ")
        form.query_one("#f-recommended_next_steps", TextArea).text = "Flere timer i Føtex"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportScreen"
        saved = Report.get()
        assert (saved.citizen_id, saved.period_start, saved.period_end) == (
            ids["mette"],
            date(2026, 8, 3),
            date(2026, 11, 22),
        )
        assert saved.title == "Status til jobcentret"
        assert saved.summary == "Mette møder stabilt; æøå ÆØÅ"
        preview = app.screen.query_one("#report-preview", Markdown).source
        assert "Mette møder stabilt; æøå ÆØÅ" in preview and "Flere timer i Føtex" in preview
        assert "Status til jobcentret" in text_of(app, "#report-title")

        # Edit again: the same report is updated, not a second one made.
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#f-title", Input).value == "Status til jobcentret"
        app.screen.query_one("#f-still_open", TextArea).text = "Om smerterne tåler 10 timer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Report.select().count() == 1
        assert Report.get().still_open == "Om smerterne tåler 10 timer"

        # m: Markdown, proposed in the documents folder; written owner-only.
        await pilot.press("m")
        await pilot.pause()
        path_input = app.screen.query_one("#f-path", Input)
        assert path_input.value == str(docs / "progression-Mette-Jørgensen-2026-11-22.md")
        md_path = tmp_path / "rapport.md"
        path_input.value = str(md_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportScreen"
        text = md_path.read_text(encoding="utf-8")
        assert "Mette møder stabilt; æøå ÆØÅ" in text and "Netto Viby" in text
        assert stat.S_IMODE(md_path.stat().st_mode) == 0o600

        # f: the PDF, rendered in a worker, then where to save it.
        await pilot.press("f")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "SaveFileForm"
        path_input = app.screen.query_one("#f-path", Input)
        assert path_input.value.endswith("progression-Mette-Jørgensen-2026-11-22.pdf")
        pdf_path = tmp_path / "rapport.pdf"
        path_input.value = str(pdf_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert stat.S_IMODE(pdf_path.stat().st_mode) == 0o600
        pdf_text = "\n".join(
            p.extract_text() for p in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages
        )
        assert "æøå ÆØÅ" in pdf_text and "Mette Jørgensen" in pdf_text
        assert "Om smerterne tåler 10 timer" in pdf_text
        assert app.screen.query_one("#report-body").loading is False

        # An existing file is not overwritten unasked: no keeps it, the form says so.
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(md_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "SaveFileForm"
        assert "already exists" in text_of(app, "#e-path")
        app.screen.query_one("#f-path", Input).value = str(path_input.value)
        await pilot.press("escape")  # changed: asks first
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportScreen"

        # Back to the list: the saved report, with its period; enter reopens it.
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#reports", DataTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[:2] == ["03-08-2026 – 22-11-2026", "Status til jobcentret"]
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportScreen"
        assert (
            "Mette møder stabilt; æøå ÆØÅ"
            in app.screen.query_one("#report-preview", Markdown).source
        )
        assert "saved" in text_of(app, "#report-title")

        # delete asks; n keeps it, y deletes it.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert Report.select().count() == 1
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert Report.select().count() == 0
        assert "No saved reports yet" in text_of(app, "#reports-empty")


async def test_a_period_that_ends_before_it_starts_is_refused(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_reports(app, pilot, ids["mette"])
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-end", Input).value = "01-01-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PeriodForm"
        assert "cannot end before it starts" in text_of(app, "#e-end")


async def test_access_export_writes_json_and_pdf(db_path, tmp_path):
    ids = seed(db_path)
    out = tmp_path / "udlevering"
    out.mkdir()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(ids["mette"])
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert type(app.screen).__name__ == "AccessExportForm"
        # A folder that does not exist is refused next to the field.
        app.screen.query_one("#f-path", Input).value = str(tmp_path / "nowhere")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "does not exist" in text_of(app, "#e-path")
        app.screen.query_one("#f-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        json_path = out / "Mette-Jørgensen-2026-11-22-access.json"
        pdf_path = out / "Mette-Jørgensen-2026-11-22-access.pdf"
        document = json.loads(json_path.read_text(encoding="utf-8"))
        assert "Mette Jørgensen" in json.dumps(document, ensure_ascii=False)
        assert MARKER in json.dumps(document, ensure_ascii=False)  # everything held
        pdf_text = "\n".join(p.extract_text() for p in PdfReader(pdf_path).pages)
        assert "Mette Jørgensen" in pdf_text
        for path in (json_path, pdf_path):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        said = "\n".join(str(n.message) for n in app._notifications)
        assert str(json_path) in said and str(pdf_path) in said
        assert "everything held about" in said
        assert app.screen.query_one("#overview").loading is False

        # A second export the same day does not overwrite the first.
        await pilot.press("A")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert (out / "Mette-Jørgensen-2026-11-22-2-access.json").exists()
        assert (out / "Mette-Jørgensen-2026-11-22-2-access.pdf").exists()


def database_bytes(path: Path) -> bytes:
    return b"".join(
        Path(str(path) + suffix).read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(str(path) + suffix).exists()
    )


async def test_erase_after_typing_the_name_names_the_backups(db_path):
    ids = seed(db_path)
    backup = db_path.with_name("mentorterm.db.schema5-20260101T120000.bak")
    backup.write_bytes(b"an old copy")
    marker = MARKER.encode("utf-8")
    assert marker in database_bytes(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(ids["mette"])
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        assert type(app.screen).__name__ == "DeleteCitizenScreen"
        backups = text_of(app, "#delete-backups")
        assert backup.name in backups
        assert "cannot be found" in backups  # and copies elsewhere are not
        await type_text(pilot, "Mette")
        await pilot.press("enter")
        await pilot.pause()
        assert "does not match" in text_of(app, "#delete-error")
        assert Citizen.get_or_none(Citizen.id == ids["mette"]) is not None
        app.screen.query_one("#confirm-name", Input).value = ""
        await type_text(pilot, "Mette Jørgensen")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert Citizen.get_or_none(Citizen.id == ids["mette"]) is None
        assert LogbookEntry.select().count() == 0
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert Citizen.get_by_id(ids["other"]).name == "Ali Hassan"
    assert marker not in database_bytes(db_path)
    assert "Mette Jørgensen".encode() not in database_bytes(db_path)
    assert backup.read_bytes() == b"an old copy"  # named, never touched


def seed_retention(db_path) -> dict[str, int]:
    """At 22-11-2026 with 5 years: who ended a course more than 5 years ago, or was
    created more than 5 years ago and never had one, is due; nobody else."""
    storage.open_database(db_path)
    made = {}

    def citizen(name: str, *ended: str | None) -> int:
        cid = create_citizen(CitizenIn(name=name, notes=f"{name} {MARKER}"))
        for n, end in enumerate(ended):
            start = "05-01-2015" if n == 0 else "05-01-2026"  # a later course starts later
            course = courses.start_course(
                cid,
                CourseIn(
                    referral_date=start,
                    start_date=start,
                    planned_end="05-04-2027",
                    purpose="ordinary_job",
                ),
            )
            if end is not None:
                courses.end_course(course, CourseEndIn(end_date=end, outcome="ordinary_job"))
        made[name] = cid
        return cid

    citizen("Anders Gammel", "21-11-2021")  # a day past the anniversary: due
    citizen("Bente Grænse", "22-11-2021")  # the anniversary itself: not yet
    citizen("Carl Kører", "01-03-2015", None)  # a running course: never
    citizen("Dorte Nylig", "01-06-2024")
    never = citizen("Erik Aldrig")  # no course: counted from created_at
    Citizen.update(created_at=datetime(2020, 1, 1, 9)).where(Citizen.id == never).execute()
    citizen("Frida Ny")  # created now, no course: not due
    storage.close_database()
    return made


async def test_retention_lists_marks_and_erases_with_a_progress_bar(db_path):
    from mentorterm.screens.retention import open_retention

    made = seed_retention(db_path)
    backup = db_path.with_name("mentorterm-20250101-0900.db")
    backup.write_bytes(b"a backup")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        open_retention(app)
        await pilot.pause()
        assert type(app.screen).__name__ == "RetentionScreen"
        table = app.screen.query_one("#due", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [r[1] for r in rows] == ["Erik Aldrig", "Anders Gammel"]
        assert rows[0][2] == "no course (created 01-01-2020)"
        assert rows[1][2:] == ["21-11-2021", "5 y"]
        assert "kept more than 5 years" in text_of(app, "#retention-title")

        # E with nothing marked only explains.
        await pilot.press("E")
        await pilot.pause()
        assert type(app.screen).__name__ == "RetentionScreen"
        # space marks the row in focus (and moves on), twice unmarks; a marks all.
        await pilot.press("space")
        await pilot.pause()
        assert app.screen.marked == {made["Erik Aldrig"]}
        assert "1 marked" in text_of(app, "#retention-title")
        await pilot.press("up", "space")
        assert app.screen.marked == set()
        await pilot.press("a")
        assert app.screen.marked == {made["Erik Aldrig"], made["Anders Gammel"]}
        await pilot.press("E")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        question = text_of(app, "#question")
        assert "Erase 2 citizens" in question and backup.name in question
        assert "Erik Aldrig" in question and "Anders Gammel" in question

        calls: list[tuple[int, int]] = []
        from mentorterm.domain import retention

        real = retention.erase_many

        def counting(ids, progress):
            return real(
                ids, lambda done, total: (calls.append((done, total)), progress(done, total))
            )

        retention.erase_many = counting
        try:
            await pilot.press("y")
            await settle(app, pilot)
        finally:
            retention.erase_many = real
        assert calls == [(1, 2), (2, 2)]
        bar = app.screen.query_one("#erase-progress", ProgressBar)
        assert (bar.progress, bar.total) == (2, 2)
        assert app.screen.query_one("#due", DataTable).display is False
        assert "Nobody is due" in text_of(app, "#retention-empty")
        left = {c.name for c in Citizen.select()}
        assert left == {"Bente Grænse", "Carl Kører", "Dorte Nylig", "Frida Ny"}
        assert (
            Course.select()
            .where(Course.citizen.in_([made["Erik Aldrig"], made["Anders Gammel"]]))
            .count()
            == 0
        )
    data = database_bytes(db_path)
    assert b"Erik Aldrig" not in data and b"Anders Gammel" not in data
    assert "Bente Grænse".encode() in data


@pytest.mark.parametrize("size", [(80, 24)])
async def test_report_screens_fit_a_small_terminal(db_path, size):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await open_reports(app, pilot, ids["mette"])
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        # The last field can be reached and typed into.
        for _ in range(5):
            await pilot.press("tab")
        assert app.focused is app.screen.query_one("#f-recommended_next_steps", TextArea)
        await type_text(pilot, "Næste skridt")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Report.get().recommended_next_steps == "Næste skridt"
