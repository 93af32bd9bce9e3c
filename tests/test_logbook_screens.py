"""The logbook and statistics screens with real keys, the charts, and writing exports.

Calendar (2026): Mon 2, 9, 16 Nov; Sun 22 Nov = TODAY.
"""

from __future__ import annotations

import errno
import os
import stat
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select, Static, TextArea

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import files, placements
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.domain.statistics import LEFT_EARLY, OFF, CalendarDay, WeekPoint
from mentorterm.enums import Attendance
from mentorterm.models import LogbookEntry
from mentorterm.schemas import CitizenIn, HoursStepIn, LogbookEntryIn, PlacementIn
from mentorterm.widgets.charts import calendar_grid, hours_chart

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


NOV_2 = date(2026, 11, 2)


def make_placement(
    db_path, start=NOV_2, hours=15, schedule="5 x 3 h Mon-Fri", days: dict[date, dict] | None = None
) -> tuple[int, int]:
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali Hassan"))
    pid = placements.create_placement(
        citizen, PlacementIn(kind="company_internship", workplace="Netto Viby", start_date=start)
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date=start, hours_per_week=hours, schedule=schedule)
    )
    from mentorterm.domain import logbook

    for day, fields in (days or {}).items():
        attendance = fields.pop("attendance", Attendance.PRESENT)
        planned = fields.pop("planned", 3)
        worked = fields.pop("worked", planned if attendance == Attendance.PRESENT else 0)
        logbook.add_entry(
            pid,
            LogbookEntryIn(
                entry_date=day,
                attendance=attendance,
                hours_planned=planned,
                hours_worked=worked,
                **fields,
            ),
        )
    storage.close_database()
    return citizen, pid


async def open_logbook(app, pilot, citizen: int) -> None:
    app.open_citizen(citizen)
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    assert type(app.screen).__name__ == "LogbookScreen"


# --- the logbook screen ---------------------------------------------------------------


async def test_reason_for_an_absence_is_kept_between_kinds_and_cleared_when_present(db_path):
    citizen, _pid = make_placement(db_path, start=d(16), hours=4, schedule="2 x 2 h Tue+Thu")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        # The hours step in force is named where the placement is shown.
        assert "Netto Viby · logbook (0 days) · now 4 h a week (2 x 2 h Tue+Thu)" in text_of(
            app, "#logbook-title"
        )
        await pilot.press("a", "2")  # Tue 17 Nov, sick: two keys
        await pilot.pause()
        assert "r writes the reason" in str(list(app._notifications)[-1].message)
        assert "No reason written" in text_of(app, "#day-detail")
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReasonForm"
        await pilot.press(*"migraine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        entry = LogbookEntry.get()
        assert (entry.attendance, entry.absence_reason) == ("sick", "migraine")
        assert "Reason: migraine" in text_of(app, "#day-detail")
        table = app.screen.query_one("#logbook", DataTable)
        assert table.get_row_at(0)[:5] == ["Tue 17-11-2026", "Sick", "2", "0", "migraine"]
        await pilot.press("3")  # it was announced after all: the reason stays
        await pilot.pause()
        entry = LogbookEntry.get()
        assert (entry.attendance, entry.absence_reason) == ("absent_with_notice", "migraine")
        await pilot.press("1")  # present after all: no reason for being away
        await pilot.pause()
        entry = LogbookEntry.get()
        assert (entry.attendance, entry.absence_reason, entry.hours_worked) == ("present", "", 2)
        await pilot.press("r")  # a present day has no absence reason to write
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        assert "Press 5 if they left early" in str(list(app._notifications)[-1].message)


async def test_edit_every_field_of_a_day_with_enter(db_path):
    citizen, _pid = make_placement(db_path, days={d(16): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "LogbookEntryForm"
        assert "Edit the logbook day 16-11-2026" in text_of(app, "#form-title")
        form.query_one("#f-tasks", TextArea).text = "Filled the dairy shelves"
        form.query_one("#f-breaks", Input).value = "10:00 and 12:00"
        form.query_one("#f-energy", Input).value = "11"  # out of the scale
        form.query_one("#f-pain", Input).value = "3"
        form.query_one("#f-life_after_work", TextArea).text = "Slept two hours; cooked dinner"
        form.query_one("#f-written_by", Select).value = "workplace"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "from 1 to 10" in text_of(app, "#e-energy")
        assert LogbookEntry.get().tasks == ""  # nothing written while a field is wrong
        form.query_one("#f-energy", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        entry = LogbookEntry.get()
        assert (
            entry.tasks,
            entry.breaks,
            entry.energy,
            entry.pain,
            entry.life_after_work,
            entry.written_by,
        ) == (
            "Filled the dairy shelves",
            "10:00 and 12:00",
            6,
            3,
            "Slept two hours; cooked dinner",
            "workplace",
        )
        detail = text_of(app, "#day-detail")
        assert "Tasks: Filled the dairy shelves" in detail
        assert "energy 6/10 · pain 3/10" in detail and "written by Workplace" in detail


async def test_a_chosen_day_outside_the_placement_or_twice_is_refused(db_path):
    citizen, pid = make_placement(db_path, days={d(16): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("A")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "LogbookEntryForm"
        # Prefilled with the next scheduled day after the last entry: Tue 17 Nov.
        assert form.query_one("#f-entry_date", Input).value == "17-11-2026"
        form.query_one("#f-entry_date", Input).value = "30-10-2026"  # before the start
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "before the placement" in text_of(app, "#e-entry_date")
        form.query_one("#f-entry_date", Input).value = "16-11-2026"  # already logged
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "already" in text_of(app, "#e-entry_date")
        assert LogbookEntry.select().count() == 1
        form.query_one("#f-entry_date", Input).value = "21-11-2026"  # an extra Saturday
        form.query_one("#f-hours_planned", Input).value = "0"
        form.query_one("#f-hours_worked", Input).value = "2,5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        saturday = LogbookEntry.get(LogbookEntry.entry_date == d(21))
        assert (saturday.placement_id, saturday.hours_worked) == (pid, 2.5)
        assert app.screen.query_one("#logbook", DataTable).get_row_at(0)[0] == "Sat 21-11-2026"


async def test_delete_a_day_after_confirming(db_path):
    citizen, _pid = make_placement(db_path, days={d(16): {}, d(17): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert LogbookEntry.select().count() == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [e.entry_date for e in LogbookEntry.select()] == [d(16)]


# --- the statistics screen ------------------------------------------------------------

# Two weeks, 2-13 Nov (3 h a day planned), and the week before TODAY:
#   2-6 Nov:  present, present, sick (Migraine), present, left early (1 h, Back pain)
#   9-13 Nov: present x 4, absent without notice on Fri 13
#   16-20 Nov: present, sick (Migraine), present, present, present
WEEKS = {
    d(2): {},
    d(3): {},
    d(4): {"attendance": Attendance.SICK, "absence_reason": "Migraine"},
    d(5): {},
    d(6): {"worked": 1, "left_early": True, "left_early_reason": "Back pain"},
    d(9): {},
    d(10): {},
    d(11): {},
    d(12): {},
    d(13): {"attendance": Attendance.ABSENT_WITHOUT_NOTICE},
    d(16): {},
    d(17): {"attendance": Attendance.SICK, "absence_reason": "Migraine"},
    d(18): {},
    d(19): {},
    d(20): {},
}


def figure_rows(app) -> dict[str, list[str]]:
    return {label: list(cells) for label, cells in app.screen.figures.items()}


async def test_statistics_period_switch_and_the_charts(db_path):
    citizen, _pid = make_placement(db_path, days={k: dict(v) for k, v in WEEKS.items()})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatisticsScreen"
        # Last 4 weeks, cut to the placement: 2-22 Nov; no earlier period.
        title = text_of(app, "#stats-title")
        assert "Last 4 weeks" in title and "02-11-2026 – 22-11-2026" in title
        rows = figure_rows(app)
        assert rows["Days logged"][0] == "15"
        assert rows["Attendance"][0] == "80 %"  # 12 present (incl. left early) of 15
        assert rows["Hours planned"][0] == "45 h"  # 15 x 3
        assert rows["Hours worked"][0] == "34 h"  # 11 x 3 + 1
        assert rows["Sick days"] == ["2", "–", "–"]
        # Last 2 weeks: 9-22 Nov against 26 Oct - 8 Nov (cut to 2-8 Nov).
        await pilot.press("2")
        await pilot.pause()
        title = text_of(app, "#stats-title")
        assert "Last 2 weeks: 09-11-2026 – 22-11-2026" in title
        assert "compared with 02-11-2026 – 08-11-2026" in title
        rows = figure_rows(app)
        # Now: 10 logged, 8 present = 80 %; before: 5 logged, 4 present = 80 %.
        assert rows["Attendance"] == ["80 %", "80 %", "±0 pt"]
        # Worked now 8 x 3 = 24 h; before 3 x 3 + 1 = 10 h.
        assert rows["Hours worked"] == ["24 h", "10 h", "+14 h"]
        assert rows["Sick days"] == ["1", "1", "±0"]
        assert rows["Away without notice"] == ["1", "0", "+1"]
        assert rows["Left early"] == ["0", "1", "−1"]
        absence = text_of(app, "#stats-absence")
        assert "Mo 0  Tu 1  We 0  Th 0  Fr 1" in absence
        assert "1 × Sick: Migraine" in absence
        assert "1 × Absent without notice: (no reason given)" in absence
        hours = text_of(app, "#stats-hours")
        assert "W46" in hours and "12 / 15 h" in hours  # 13 Nov away: 4 x 3 of 5 x 3
        assert "W47" in hours
        calendar = text_of(app, "#stats-calendar")
        assert "W46 09-11-2026" in calendar
        week46 = next(line for line in calendar.splitlines() if line.startswith("W46"))
        assert week46.split()[2:] == ["✓", "✓", "✓", "✓", "U"]
        # The whole placement, then a chosen period.
        await pilot.press("w")
        await pilot.pause()
        assert "Whole placement: 02-11-2026 – 22-11-2026" in text_of(app, "#stats-title")
        await pilot.press("f")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-start", Input).value = "06-11-2026"
        form.query_one("#f-end", Input).value = "02-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot end before it starts" in text_of(app, "#e-end")
        form.query_one("#f-end", Input).value = "06-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "From – to: 06-11-2026 – 06-11-2026" in text_of(app, "#stats-title")
        rows = figure_rows(app)
        assert rows["Left early"][0] == "1" and rows["Hours worked"][0] == "1 h"


async def test_absence_overview_is_shown_then_saved_owner_only(db_path, tmp_path):
    citizen, _pid = make_placement(db_path, days={k: dict(v) for k, v in WEEKS.items()})
    app = make_app(db_path, today=TODAY)
    target = tmp_path / "overview.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("t", "2")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "AbsenceOverviewScreen"
        assert "| 13-11-2026 | Friday | Absent without notice |" in app.screen.text
        await pilot.press("s")
        await pilot.pause()
        path_input = app.screen.query_one("#f-path", Input)
        assert path_input.value.endswith("Ali-Hassan-2026-11-09-2026-11-22.md")
        path_input.value = str(tmp_path / "no-such-folder" / "x.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "does not exist" in text_of(app, "#e-path")
        path_input.value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "AbsenceOverviewScreen"
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# Absence overview\n")
        assert "**Period:** 09-11-2026 – 22-11-2026" in text
        assert "| 17-11-2026 | Tuesday | Sick | Migraine | 3 | 0 |" in text
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        # Saving again to the same name asks first; no keeps the first file.
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert "already exists" in text_of(app, "#e-path")
        assert target.read_text(encoding="utf-8") == text


# --- charts -----------------------------------------------------------------------------


def plain(markup: str) -> str:
    from rich.text import Text

    return Text.from_markup(markup).plain


def test_hours_chart_draws_worked_over_planned_on_one_scale():
    chart = plain(
        hours_chart(
            [
                WeekPoint("2026-W45", 10, 10),
                WeekPoint("2026-W46", 10, 5),
                WeekPoint("2026-W47", 10, 12),
                WeekPoint("2026-W48", 0, 0),
            ],
            width=12,
        )
    )
    lines = chart.splitlines()
    # The top is 12 h = 12 cells: 10 h = 10 cells.
    assert lines[0] == " W45 ██████████   10 / 10 h"
    assert lines[1] == " W46 █████░░░░░   5 / 10 h"  # 5 worked, 5 planned but not worked
    assert lines[2] == " W47 ██████████▓▓ 12 / 10 h"  # 2 h beyond the plan
    assert lines[3] == " W48              0 / 0 h"
    assert "worked beyond plan" in lines[4]
    assert "No weeks" in plain(hours_chart([]))


def test_calendar_grid_puts_each_day_under_its_weekday():
    days = [
        CalendarDay(d(4), OFF),
        CalendarDay(d(5), Attendance.PRESENT),
        CalendarDay(d(6), LEFT_EARLY),
        CalendarDay(d(7), OFF),
        CalendarDay(d(8), OFF),
        CalendarDay(d(9), Attendance.SICK),
        CalendarDay(d(10), None),
        CalendarDay(d(11), Attendance.ABSENT_WITH_NOTICE),
        CalendarDay(d(12), Attendance.ABSENT_WITHOUT_NOTICE),
    ]
    lines = plain(calendar_grid(days)).splitlines()
    assert lines[0].split() == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    column = {name: lines[0].index(name) + 1 for name in lines[0].split()}

    def marks(line: str) -> dict[str, str]:
        return {name: line[i] if i < len(line) else " " for name, i in column.items()}

    # Wed 4 Nov starts the period: Mon and Tue of that week are blank; Wed is off.
    assert lines[1].startswith("W45 02-11-2026")
    assert marks(lines[1]) == {
        "Mo": " ",
        "Tu": " ",
        "We": " ",
        "Th": "✓",
        "Fr": "½",
        "Sa": " ",
        "Su": " ",
    }
    assert marks(lines[2]) == {
        "Mo": "S",
        "Tu": "·",
        "We": "N",
        "Th": "U",
        "Fr": " ",
        "Sa": " ",
        "Su": " ",
    }
    assert "½ left early" in lines[3]


# --- writing an export ------------------------------------------------------------------


def test_write_export_is_whole_owner_only_and_refuses_bad_places(tmp_path):
    target = files.write_export(tmp_path / "a.md", "æøå\n".encode())
    assert target.read_text(encoding="utf-8") == "æøå\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for path, words in [
        (tmp_path, "is a folder"),
        (tmp_path / "a.md", "already exists"),
        (tmp_path / "nope" / "b.md", "does not exist"),
        ("  ", "Write where"),
    ]:
        with pytest.raises(DomainError, match=words) as caught:
            files.write_export(path, b"x")
        assert caught.value.field == "path"
    assert files.write_export(tmp_path / "a.md", b"new", overwrite=True).read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_a_full_disk_leaves_no_half_file(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)  # the disk fills as the file is flushed
    with pytest.raises(DomainError, match="is full; nothing was written"):
        files.write_export(tmp_path / "a.md", b"x" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_safe_file_name_keeps_letters_and_digits():
    assert (
        files.safe_file_name("absence-overview-Ali Hassan-2026-11-09")
        == "absence-overview-Ali-Hassan-2026-11-09"
    )
    assert files.safe_file_name("Søren / Ågård") == "Søren-Ågård"
    assert files.safe_file_name("../..") == "export"


# --- single keys that change a logged day: "— u undoes" --------------------------------


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def day_fields(entry_id: int) -> dict:
    row = LogbookEntry.get_by_id(entry_id)
    return {name: getattr(row, name) for name in LogbookEntryIn.model_fields}


async def test_a_digit_marks_a_logged_day_and_u_puts_it_back_exactly(db_path):
    from mentorterm.domain import audit
    from mentorterm.models import AuditEntry

    def last_row():
        return AuditEntry.select().order_by(AuditEntry.id.desc()).get()

    citizen, _pid = make_placement(
        db_path,
        days={
            d(16): {
                "worked": 1,
                "left_early": True,
                "left_early_reason": "Back pain",
                "tasks": "Shelves",
                "energy": 4,
                "written_by": "mentor",
            }
        },
    )
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        entry_id = LogbookEntry.get().id
        before = day_fields(entry_id)
        rows_before = audit.count()
        await pilot.press("2")  # sick, one key
        await pilot.pause()
        after = day_fields(entry_id)
        assert (
            after["attendance"],
            after["hours_worked"],
            after["left_early"],
            after["left_early_reason"],
            after["tasks"],
        ) == ("sick", 0, False, "", "Shelves")
        assert "Marked sick: Mon 16-11-2026 — u undoes" in notices(app)[-1]
        assert app._notifications and list(app._notifications)[-1].timeout >= 5
        # The correction is audited old → new; the free text only as "changed".
        row = last_row()
        assert row.action == "update" and row.record_id == entry_id
        assert '"attendance":["present","sick"]' in row.detail
        assert '"left_early_reason":"changed"' in row.detail and "Back pain" not in row.detail
        await pilot.press("u")
        await pilot.pause()
        assert day_fields(entry_id) == before  # exactly as it was
        assert "Undone: 16-11-2026 is present again." in notices(app)[-1]
        assert not any("u undoes" in m for m in notices(app))  # the offer is withdrawn
        undone = last_row()
        assert undone.purpose == "undone" and '"attendance":["sick","present"]' in undone.detail
        assert audit.count() == rows_before + 2
        table = app.screen.query_one("#logbook", DataTable)
        assert table.get_row_at(0)[1] == "Left early"
        await pilot.press("u")  # nothing more to undo: nothing changes
        await pilot.pause()
        assert "Nothing to undo" in notices(app)[-1]
        assert day_fields(entry_id) == before and audit.count() == rows_before + 2


async def test_each_attendance_key_and_the_same_one_again(db_path):
    citizen, _pid = make_placement(db_path, days={d(16): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        for key, kind in (
            ("3", "absent_with_notice"),
            ("4", "absent_without_notice"),
            ("2", "sick"),
            ("1", "present"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert LogbookEntry.get().attendance == kind
            assert "— u undoes" in notices(app)[-1]
        await pilot.press("1")  # already present: nothing written, nothing to undo
        await pilot.pause()
        assert "already marked present" in notices(app)[-1]
        await pilot.press("u")  # the last real change (sick → present) is undone
        await pilot.pause()
        assert LogbookEntry.get().attendance == "sick"
        # The old letters no longer change a day (n is "new", u "undo" everywhere).
        for key in ("p", "s", "n"):
            await pilot.press(key)
            await pilot.pause()
        assert LogbookEntry.get().attendance == "sick"


async def test_u_never_throws_away_a_reason_written_after_the_mark(db_path):
    citizen, _pid = make_placement(db_path, days={d(16): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("2", "r")
        await pilot.pause()
        await pilot.press(*"migraine", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        await pilot.press("u")
        await pilot.pause()
        entry = LogbookEntry.get()
        assert (entry.attendance, entry.absence_reason) == ("sick", "migraine")
        assert "Nothing to undo" in notices(app)[-1]


async def test_the_attendance_keys_fit_the_footer_at_80x24(db_path):
    citizen, _pid = make_placement(db_path, days={d(16): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_logbook(app, pilot, citizen)
        footer = app.screen.query_one("Footer")
        shown = [b.key for b in app.screen.BINDINGS if b.show]
        assert shown[:5] == ["a", "1", "2", "3", "4"]
        # Every shown key's label is on the screen's bottom line (nothing cut off).
        from textual.widgets import Footer

        labels = " ".join(str(item.render()) for item in footer.query("FooterKey"))
        for label in ("Next day", "Present", "Sick", "Notice", "No notice", "Help"):
            assert label in labels
        assert isinstance(footer, Footer)
        assert sum(item.size.width for item in footer.query("FooterKey")) <= 80


# --- who writes the logbook ---------------------------------------------------------------


async def test_a_new_day_is_written_by_whoever_wrote_the_day_before(db_path):
    citizen, pid = make_placement(db_path, start=d(16), days={d(16): {"written_by": "mentor"}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("a")  # Tue 17 Nov
        await pilot.pause()
        assert LogbookEntry.get(LogbookEntry.entry_date == d(17)).written_by == "mentor"
        await pilot.press("A")  # a day of one's choice: the same default
        await pilot.pause()
        assert app.screen.query_one("#f-written_by", Select).value == "mentor"
        app.screen.query_one("#f-written_by", Select).value = "workplace"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")  # the workplace wrote the last day: the next is theirs
        await pilot.pause()
        assert LogbookEntry.get(LogbookEntry.entry_date == d(19)).written_by == "workplace"


async def test_a_new_placement_s_first_day_is_the_citizen_s_and_the_mentor_is_named(db_path):
    from mentorterm.domain.identity import save_mentor_identity

    save_mentor_identity("Anna Holm", "Jobvejen ApS")
    citizen, pid = make_placement(db_path, start=d(16))
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("a")
        await pilot.pause()
        entry = LogbookEntry.get()
        assert entry.written_by == "citizen"
        assert "written by Citizen" in text_of(app, "#day-detail")
        await pilot.press("enter")
        await pilot.pause()
        select = app.screen.query_one("#f-written_by", Select)
        assert ("Mentor (Anna Holm)", "mentor") in [(str(p), v) for p, v in select._options]
        select.value = "mentor"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert LogbookEntry.get().written_by == "mentor"
        assert "written by Mentor (Anna Holm)" in text_of(app, "#day-detail")


async def test_the_statistics_footer_fits_80_columns_with_escape_and_help(db_path):
    citizen, _pid = make_placement(db_path, days={d(16): {}})
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatisticsScreen"
        footer = app.screen.query_one("Footer")
        parts = list(footer.query("FooterKey")) + list(footer.query("FooterLabel"))
        text = " ".join(str(part.render()) for part in parts)
        for word in ("Period", "Absence overview", "Back", "Help"):
            assert word in text
        # Nothing runs under the palette key docked at the right.
        palette = footer.query_one(".-command-palette")
        assert max(part.region.right for part in parts if part is not palette) <= palette.region.x
        await pilot.press("question_mark")  # help still names every period key
        await pilot.pause()
        listed = text_of(app, "#help-keys")
        for label in ("2 weeks", "13 weeks", "The whole placement", "From–to: a period"):
            assert label in listed
