"""The year's figures on screen, with the real keys: F from the caseload, enter on a
figure lists its courses, b per mentor, f another period, s saves a spreadsheet."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from textual.widgets import DataTable, Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.models import AuditEntry

from .figures_fixture import build_year

SIZE = (120, 36)


def seed(path):
    storage.open_database(path)
    ids = build_year()
    storage.close_database()
    return ids


def title(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def row_of(table: DataTable, key: str) -> list[str]:
    return [str(cell) for cell in table.get_row(key)]


async def loaded(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press("end", "ctrl+u", *text)


async def test_the_figures_from_the_caseload_to_a_spreadsheet(db_path, tmp_path):
    seed(db_path)
    app = make_app(db_path, today=date(2026, 12, 31))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("F")
        await loaded(app, pilot)
        assert type(app.screen).__name__ == "FiguresScreen"
        # This calendar year so far: 2026 up to "today".
        assert title(app, "#figures-title") == (
            "The year's figures: 01-01-2026 to 31-12-2026 · 4 courses"
        )
        table = app.screen.query_one("#figures", DataTable)
        assert row_of(table, "ended") == ["3", "Ended in the period", "3"]
        assert row_of(table, "job_or_education")[2] == "2 (67 %)"
        assert row_of(table, "median_weeks")[2] == "22"
        # enter on "Ended in the period": the cursor starts on the first figure.
        await pilot.press("down", "down")
        before = AuditEntry.select().where(AuditEntry.what == "figures").count()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FigureCoursesScreen"
        assert title(app, "#figure-title") == "Ended in the period: 3 courses"
        listed = app.screen.query_one("#counted", DataTable)
        names = [str(listed.get_row_at(i)[1]) for i in range(listed.row_count)]
        assert names == ["Anna", "Bent", "Dan"]
        # Each citizen listed by name is in the audit log.
        assert AuditEntry.select().where(AuditEntry.what == "figures").count() == before + 3
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "FiguresScreen"
        # b: per mentor, a column each.
        await pilot.press("b")
        await loaded(app, pilot)
        assert "per mentor" in title(app, "#figures-title")
        assert row_of(table, "started") == ["2", "Started in the period", "3", "2", "1"]
        assert table.cursor_row == table.get_row_index("ended")  # the figure stays in focus
        # f: another period, typed; one that ends before it starts is refused in words.
        await pilot.press("f")
        await pilot.pause()
        await type_text(pilot, "01-07-2026")
        await pilot.press("tab")
        await type_text(pilot, "01-06-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot end before it starts" in title(app, "#e-end")
        await type_text(pilot, "31-12-2026")
        await pilot.press("ctrl+s")
        await loaded(app, pilot)
        assert title(app, "#figures-title").startswith(
            "The year's figures: 01-07-2026 to 31-12-2026 · per mentor · 2 courses"
        )
        # s: the spreadsheet, saved where the mentor says; the message says where.
        target = tmp_path / "figures.xlsx"
        await pilot.press("s")
        await pilot.pause()
        path = app.screen.query_one("#f-path", Input)
        assert path.value.endswith("figures-2026-07-01-2026-12-31.xlsx")
        await type_text(pilot, str(target))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "FiguresScreen"
        said = str(list(app._notifications)[-1].message)
        assert said == f"The figures are saved in {target}"
        book = load_workbook(target)
        sheet = book["Figures"]
        assert sheet["A1"].value == "The year's figures, 01-07-2026 to 31-12-2026"
        rows = {r[1]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
        # K2 (Me, ended 04-07) and K3 (Bo Berg) ran in the second half of 2026.
        assert rows["in_period"][4:] == (2, None, 1, None, 1, None)  # all, Bo Berg, Me
        assert rows["ended"][4:] == (1, None, 0, None, 1, None)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_the_palette_finds_the_figures(db_path):
    seed(db_path)
    app = make_app(db_path, today=date(2026, 12, 31))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"year's figures")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await loaded(app, pilot)
        assert type(app.screen).__name__ == "FiguresScreen"
        assert "4 courses" in title(app, "#figures-title")
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        # The help says how the figures are counted, beside the keys.
        note = title(app, "#help-note")
        assert "as known on the period's last day" in note and "aftercare" in note
