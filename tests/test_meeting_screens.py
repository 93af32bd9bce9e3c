"""Meetings and follow-up notes with real keys: each kind, a no-show, a full
three-party note, and drafts that survive a closed app or a killed process."""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static, TextArea

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import courses, logbook, meetings, placements
from mentorterm.domain.citizens import create_citizen
from mentorterm.enums import MeetingKind
from mentorterm.models import ActionItem, Draft, HoursStep, Meeting, MeetingParticipant
from mentorterm.schemas import (
    CitizenIn,
    CourseIn,
    HoursStepIn,
    LogbookEntryIn,
    MeetingIn,
    PlacementIn,
)

TODAY = date(2026, 11, 22)  # a Sunday
SIZE = (120, 36)
WORKER = Path(__file__).with_name("note_worker.py")
# What a mentor types: Danish letters, typographic quotes, a dash, lines.
TEXT = (
    "Vasker op og laver salat alene; tempoet er steget.\n"
    "Æbler skrælles – “perfekt”, siger Anja. Ønsker flere timer 🙂\n\n"
    "Træt om eftermiddagen."
)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def seed(db_path) -> dict[str, int]:
    """Mette: a course meeting every 14 days, a placement at Netto (2 h Tue+Thu from
    2 Nov) with a logbook, and a three-party follow-up planned for 19 Nov 10:00."""
    storage.open_database(db_path)
    mette = create_citizen(CitizenIn(name="Mette Jørgensen", caseworker_name="Søren Ågård"))
    courses.start_course(
        mette,
        CourseIn(
            referral_date="01-10-2026",
            start_date="05-10-2026",
            planned_end="05-04-2027",
            purpose="ordinary_job",
            meeting_cadence_days=14,
        ),
    )
    pid = placements.create_placement(
        mette,
        PlacementIn(
            kind="company_internship",
            workplace="Netto Viby",
            start_date="02-11-2026",
            supervisor_name="Anja Winther",
        ),
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date="02-11-2026", hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    )
    # Tue 3, Thu 5, Tue 10, Thu 12, Tue 17 Nov: present, present, sick, present, present.
    for day, attendance in (
        (3, "present"),
        (5, "present"),
        (10, "sick"),
        (12, "present"),
        (17, "present"),
    ):
        logbook.add_entry(
            pid,
            LogbookEntryIn(
                entry_date=date(2026, 11, day),
                attendance=attendance,
                hours_planned=2,
                hours_worked=2 if attendance == "present" else 0,
                absence_reason="Migraine" if attendance == "sick" else "",
            ),
        )
    planned = meetings.create_meeting(
        mette,
        MeetingIn(
            starts_at="19-11-2026 10:00",
            kind="three_party",
            place="Netto Viby",
            participants=[{"name": "Mette Jørgensen", "role": "citizen"}],
        ),
    )
    storage.close_database()
    return {"mette": mette, "placement": pid, "planned": planned}


async def open_meetings(app, pilot, citizen: int) -> None:
    app.open_citizen(citizen)
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    assert type(app.screen).__name__ == "MeetingsScreen"


@pytest.mark.parametrize("kind", list(MeetingKind))
async def test_plan_a_meeting_of_each_kind(db_path, kind):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "MeetingForm"
        # The citizen's cadence proposes the date: 22 Nov + 14 days = Sun 6 Dec -> Mon 7 Dec.
        assert form.query_one("#f-starts_at", Input).value == "07-12-2026 10:00"
        form.query_one("#f-kind", Select).value = kind.value
        form.query_one("#f-place", Input).value = "Café Viby"
        form.query_one("#f-p_caseworker", Input).value = "Søren Ågård"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        made = Meeting.get(Meeting.kind == kind.value, Meeting.place == "Café Viby")
        assert (made.starts_at, made.status) == (datetime(2026, 12, 7, 10, 0), "planned")
        assert {
            (p.name, p.role)
            for p in MeetingParticipant.select().where(MeetingParticipant.meeting == made)
        } == {("Mette Jørgensen", "citizen"), ("Søren Ågård", "caseworker")}
        table = app.screen.query_one("#meetings", DataTable)
        assert table.get_row_at(0)[:3] == ["07-12-2026 10:00", kind.label, "Planned"]


async def test_a_no_show_asks_for_an_optional_note_and_only_for_a_planned_meeting(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        table = app.screen.query_one("#meetings", DataTable)
        # Planned for 19 Nov, before today: the list asks for its outcome.
        assert "record it" in str(table.get_row_at(0)[2])
        await pilot.press("o")  # a small dialog: the note is optional, enter records it
        await pilot.pause()
        assert type(app.screen).__name__ == "NoShowScreen"
        assert Meeting.get_by_id(ids["planned"]).status == "planned"
        await pilot.press("enter")
        await pilot.pause()
        assert Meeting.get_by_id(ids["planned"]).status == "no_show"
        assert table.get_row_at(0)[2] == "No-show"
        await pilot.press("c")  # no longer planned: refused with a message
        await pilot.pause()
        assert Meeting.get_by_id(ids["planned"]).status == "no_show"
        assert "Only a planned meeting" in str(list(app._notifications)[-1].message)
        await pilot.press("w")  # nothing to write about a meeting that did not happen
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"


async def test_a_full_three_party_note_with_agreements_and_an_hours_change(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("w")  # the planned follow-up of 19 Nov
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "NoteForm"
        values = form.values()
        assert values["starts_at"] == "19-11-2026 10:00" and values["place"] == "Netto Viby"
        assert values["status"] == "held"
        assert values["p_supervisor"] == "Anja Winther"
        # Since the placement started (no earlier follow-up), to the day before:
        # 2-18 Nov holds all five days: 4 present (3, 5, 12, 17) = 80 %; 4 x 2 = 8 of
        # 5 x 2 = 10 planned hours; sick once (10 Nov, Migraine).
        assert values["attendance_note"] == (
            "Since the placement started (02-11-2026 – 18-11-2026) at Netto Viby: present 4 "
            "of 5 logged days (80 %); 8 of 10 planned hours worked. Sick 1 (Migraine)."
        )
        assert values["next_meeting_date"] == "03-12-2026"  # 19 Nov + 14 days (a Thursday)
        assert "Sub-goals" in text_of(app, "#note-goals") or "No active sub-goals" in text_of(
            app, "#note-goals"
        )
        form.query_one("#f-tasks_note", TextArea).text = "Dairy shelves alone."
        form.query_one("#f-workplace_view", TextArea).text = "Ready for more hours."
        form.query_one("#f-hours_from", Input).value = "01-12-2026"
        form.query_one("#f-hours_per_week", Input).value = "6"
        form.query_one("#f-hours_schedule", Input).value = "3 x 2 h Mon, Wed, Fri"
        form.query_one("#f-a1_what", Input).value = "Buy safety shoes"
        form.query_one("#f-a1_owner", Input).value = "Mette"
        form.query_one("#f-a1_due", Input).value = "30-11-2026"
        form.query_one("#f-a2_what", Input).value = "Send the new schedule to Søren"
        form.query_one("#f-a2_owner", Input).value = "Mentor"
        form.query_one("#f-a3_owner", Input).value = "Anja"  # who, but not what
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "required" in text_of(app, "#e-a3_what")
        assert ActionItem.select().count() == 0 and HoursStep.select().count() == 1
        form.query_one("#f-a3_owner", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        held = Meeting.get_by_id(ids["planned"])
        assert (held.status, held.tasks_note, held.workplace_view) == (
            "held",
            "Dairy shelves alone.",
            "Ready for more hours.",
        )
        assert "6" in held.decisions and "01-12-2026" in held.decisions
        items = {(a.what, a.owner, a.due_date, a.meeting_id) for a in ActionItem.select()}
        assert items == {
            ("Buy safety shoes", "Mette", date(2026, 11, 30), held.id),
            ("Send the new schedule to Søren", "Mentor", None, held.id),
        }
        step = HoursStep.get(HoursStep.from_date == date(2026, 12, 1))
        assert (step.placement_id, step.hours_per_week, step.schedule) == (
            ids["placement"],
            6,
            "3 x 2 h Mon, Wed, Fri",
        )
        following = Meeting.get(Meeting.status == "planned")
        assert following.starts_at == datetime(2026, 12, 3, 10, 0)
        assert Draft.select().count() == 0  # saved: the draft went with it
        assert "Buy safety shoes" in text_of(app, "#meeting-detail")
        await pilot.press("v")  # the whole note, to read
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteViewScreen"
        whole = str(app.screen.query_one("#note-view Static").render())
        assert "Ready for more hours." in whole and "Send the new schedule to Søren" in whole
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"


async def test_a_refused_hours_change_writes_nothing(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-hours_from", Input).value = "02-11-2026"  # the first step's date
        form.query_one("#f-hours_per_week", Input).value = "6"
        form.query_one("#f-a1_what", Input).value = "Buy safety shoes"
        form.query_one("#f-a1_owner", Input).value = "Mette"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteForm"
        assert text_of(app, "#e-hours_from")  # the reason sits under the field
        assert Meeting.get_by_id(ids["planned"]).status == "planned"
        assert ActionItem.select().count() == 0 and HoursStep.select().count() == 1


async def test_a_one_to_one_note_has_no_workplace_view(db_path):
    ids = seed(db_path)
    storage.open_database(db_path)
    one = meetings.create_meeting(
        ids["mette"], MeetingIn(starts_at="20-11-2026 09:00", kind="one_to_one")
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        assert app.screen.current().id == one
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert "1:1 conversation note" in text_of(app, "#form-title")
        assert not form.query("#f-workplace_view")
        assert form.values()["p_supervisor"] == ""
        form.query_one("#f-motivation_note", TextArea).text = "Sleeps better."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Meeting.get_by_id(one).motivation_note == "Sleeps better."


async def test_a_draft_kept_when_the_app_closes_is_offered_and_restored(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("W")
        await pilot.pause()
        app.screen.query_one("#f-tasks_note", TextArea).text = TEXT
        app.screen.query_one("#f-a1_what", Input).value = "Ring til Søren"
        await pilot.pause(0.8)  # the draft is kept 0.5 s after the last change
    # The app is gone without saving. It starts again:
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "RestoreDraftsScreen"
        await pilot.press("r")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "NoteForm"
        assert "(restored draft)" in text_of(app, "#form-title")
        assert form.query_one("#f-tasks_note", TextArea).text == TEXT
        assert form.query_one("#f-a1_what", Input).value == "Ring til Søren"
        form.query_one("#f-a1_owner", Input).value = "Mentor"
        await pilot.press("ctrl+s")
        await pilot.pause()
        note = Meeting.get(Meeting.tasks_note == TEXT)
        assert note.status == "held" and Draft.select().count() == 0
        assert ActionItem.get().what == "Ring til Søren"
    # Saved: nothing is offered at the next start.
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_discarding_a_note_deletes_its_draft_and_later_keeps_it(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("W")
        await pilot.pause()
        app.screen.query_one("#f-notes", TextArea).text = "Half a thought"
        await pilot.pause(0.8)
        assert Draft.select().count() == 1
        await pilot.press("escape")  # asks first
        await pilot.pause()
        await pilot.press("n")  # keep writing
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteForm" and Draft.select().count() == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        assert Draft.select().count() == 0


def _draft_rows(path: Path) -> list[tuple]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT key, payload FROM draft").fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return []


async def test_a_killed_app_loses_no_word_of_the_note(db_path, tmp_path):
    """The process dies mid-note (SIGKILL: no clean-up at all); the next start
    offers the note back, word for word."""
    ids = seed(db_path)
    text_file = tmp_path / "note.txt"
    text_file.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    errors = tmp_path / "worker.err"
    with errors.open("w") as err:
        child = subprocess.Popen(
            [sys.executable, str(WORKER), str(db_path), str(ids["mette"]), str(text_file)],
            stdout=subprocess.PIPE,
            stderr=err,
            env=env,
            text=True,
        )
    try:
        # The worker says "typed" once the last key is in and the draft's
        # half-second has passed; on a loaded machine typing takes a while.
        ready, _, _ = select.select([child.stdout], [], [], 120)
        said = child.stdout.readline().strip() if ready else ""
        assert said == "typed", f"the worker never typed: {errors.read_text()[-3000:]}"
        assert _draft_rows(db_path), "no draft was kept while typing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "RestoreDraftsScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#f-tasks_note", TextArea).text == TEXT
