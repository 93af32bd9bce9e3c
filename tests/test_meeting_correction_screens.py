"""Correcting meetings and recording their outcomes with real keys: e on a held
or cancelled meeting (audited old → new), back to planned, the overlap warning
(both answers), who cancelled and why, a no-show's note, in the citizen's
meetings and in the agenda; and the dialogs at 80x24."""

from __future__ import annotations

import json
from datetime import datetime

from textual.widgets import DataTable, Input, OptionList, Select, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import meetings
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.identity import save_mentor_identity
from mentorterm.models import Meeting, db
from mentorterm.schemas import CitizenIn, MeetingIn
from tests.test_agenda_screens import TODAY as AGENDA_TODAY
from tests.test_agenda_screens import caseload, open_agenda, status_of  # noqa: F401
from tests.test_meeting_screens import SIZE, TODAY, open_meetings, seed

SMALL = (80, 24)


def audit_rows(record_id: int) -> list[tuple[str, str, dict]]:
    return [
        (a, p, json.loads(d) if d.startswith("{") else d)
        for a, p, d in db.execute_sql(
            "SELECT action, purpose, detail FROM audit_entry WHERE what = 'meeting' "
            "AND record_id = ? ORDER BY id",
            (record_id,),
        ).fetchall()
    ]


def notice(app) -> str:
    return str(list(app._notifications)[-1].message)


def screen_text(app) -> str:
    return " ".join(str(w.render()) for w in app.screen.query(Static))


def add_meeting(db_path, citizen: str, starts: str, **fields) -> int:
    storage.open_database(db_path)
    try:
        cid = create_citizen(CitizenIn(name=citizen))
        return meetings.create_meeting(
            cid, MeetingIn(starts_at=starts, kind=fields.pop("kind", "one_to_one"), **fields)
        )
    finally:
        storage.close_database()


# --------------------------------------------------------------------------- corrections


async def test_e_corrects_a_held_meeting_and_the_audit_has_old_and_new(db_path):
    ids = seed(db_path)
    storage.open_database(db_path)
    meetings.set_status(ids["planned"], "held")
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "MeetingForm"
        when = form.query_one("#f-starts_at", Input)
        assert when.value == "19-11-2026 10:00"
        when.value = "18-11-2026 13:00"  # it was held the day before
        form.query_one("#f-kind", Select).value = "one_to_one"
        form.query_one("#f-place", Input).value = "Mentor office"
        form.query_one("#f-p_caseworker", Input).value = "Søren Ågård"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        row = Meeting.get_by_id(ids["planned"])
        assert (row.starts_at, row.kind, row.place, row.status) == (
            datetime(2026, 11, 18, 13, 0),
            "one_to_one",
            "Mentor office",
            "held",
        )
        action, _purpose, detail = audit_rows(ids["planned"])[-1]
        assert action == "update"
        assert detail == {
            "kind": ["three_party", "one_to_one"],
            "participants": "changed",
            "place": "changed",
            "starts_at": ["2026-11-19T10:00:00", "2026-11-18T13:00:00"],
        }
        table = app.screen.query_one("#meetings", DataTable)
        assert table.get_row_at(0)[:3] == ["18-11-2026 13:00", "1:1 conversation", "Held"]


async def test_a_no_show_on_the_wrong_meeting_goes_back_to_planned(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one(Input).value = "did not come"
        await pilot.press("enter")
        await pilot.pause()
        assert Meeting.get_by_id(ids["planned"]).status == "no_show"
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-outcome_note", Input).value == "did not come"
        form.query_one("#f-status", Select).value = "planned"
        form.query_one("#f-outcome_note", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        row = Meeting.get_by_id(ids["planned"])
        assert (row.status, row.outcome_note) == ("planned", "")
        assert audit_rows(ids["planned"])[-1][2] == {
            "outcome_note": "changed",
            "status": ["no_show", "planned"],
        }


# --------------------------------------------------------------------------- overlaps


async def test_a_new_meeting_skips_a_booked_time_and_an_overlap_asks_first(db_path):
    ids = seed(db_path)
    # Bo has Mon 7 Dec 10:00-11:00 (Mette's cadence proposes that day at 10:00).
    bo = add_meeting(db_path, "Bo Andersen", "07-12-2026 10:00")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        when = form.query_one("#f-starts_at", Input)
        assert when.value == "07-12-2026 11:00"  # the next free time, not Bo's
        when.value = "07-12-2026 10:30"  # the mentor insists on a time that overlaps
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Bo A. 07-12-2026 10:00–11:00" in str(app.screen.question)
        await pilot.press("n")  # no: back in the form, nothing saved
        await pilot.pause()
        assert app.screen is form
        assert "Bo A. 07-12-2026 10:00" in str(form.query_one("#form-error", Static).render())
        assert (
            Meeting.select().where(Meeting.starts_at == datetime(2026, 12, 7, 10, 30)).count() == 0
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # yes: saved as typed
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        made = Meeting.get(Meeting.starts_at == datetime(2026, 12, 7, 10, 30))
        assert made.citizen_id == ids["mette"] and made.id != bo


async def test_moving_a_meeting_onto_a_booked_time_asks_and_its_own_time_does_not(db_path):
    ids = seed(db_path)
    add_meeting(db_path, "Bo Andersen", "19-11-2026 11:00")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-place", Input).value = "Café"  # same time: no question
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        assert Meeting.get_by_id(ids["planned"]).place == "Café"
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-starts_at", Input).value = "19-11-2026 10:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("y")
        await pilot.pause()
        assert Meeting.get_by_id(ids["planned"]).starts_at == datetime(2026, 11, 19, 10, 30)


# --------------------------------------------------------------------------- outcomes


async def test_c_asks_who_cancelled_and_why(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "CancelMeetingScreen"
        assert dialog.query_one(OptionList).highlighted == 0  # the citizen, preselected
        await pilot.press("escape")  # changes nothing
        await pilot.pause()
        assert Meeting.get_by_id(ids["planned"]).status == "planned"
        await pilot.press("c", "2")  # the workplace; the cursor goes to "why"
        await pilot.pause()
        await pilot.press(*"Anja is ill", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        row = Meeting.get_by_id(ids["planned"])
        assert (row.status, row.cancelled_by, row.outcome_note) == (
            "cancelled",
            "workplace",
            "Anja is ill",
        )
        assert "cancelled by Workplace" in notice(app)
        table = app.screen.query_one("#meetings", DataTable)
        assert table.get_row_at(0)[2] == "Cancelled by Workplace"
        assert "Cancelled by Workplace: Anja is ill" in str(
            app.screen.query_one("#meeting-detail", Static).render()
        )
        assert audit_rows(ids["planned"])[-1] == (
            "update",
            "cancelled",
            {
                "cancelled_by": [None, "workplace"],
                "outcome_note": "changed",
                "status": ["planned", "cancelled"],
            },
        )


async def test_c_enter_is_cancelled_by_the_citizen(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("c", "enter")
        await pilot.pause()
        row = Meeting.get_by_id(ids["planned"])
        assert (row.status, row.cancelled_by, row.outcome_note) == ("cancelled", "citizen", "")


async def test_the_no_show_note_is_kept(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("o", *"no answer on the phone", "enter")
        await pilot.pause()
        row = Meeting.get_by_id(ids["planned"])
        assert (row.status, row.outcome_note) == ("no_show", "no answer on the phone")
        assert "no-show recorded" in notice(app)


async def test_the_agenda_asks_who_cancelled_and_u_undoes_it(caseload, db_path):  # noqa: F811
    app = make_app(db_path, today=AGENDA_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("down", "down")  # Bo, Thu 19 Nov: still to come
        await pilot.pause()
        assert app.screen.current().meeting_id == caseload["m_bo_nov19"]
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "CancelMeetingScreen"
        await pilot.press("3", *"I am on a course", "enter")  # the mentor cancelled
        await pilot.pause()
        row = Meeting.get_by_id(caseload["m_bo_nov19"])
        assert (row.status, row.cancelled_by, row.outcome_note) == (
            "cancelled",
            "mentor",
            "I am on a course",
        )
        assert "cancelled by Mentor" in notice(app) and "u undoes" in notice(app)
        await pilot.press("u")
        await pilot.pause()
        row = Meeting.get_by_id(caseload["m_bo_nov19"])
        assert (row.status, row.cancelled_by, row.outcome_note) == ("planned", None, "")


async def test_the_agenda_no_show_takes_a_note_and_escape_changes_nothing(caseload, db_path):  # noqa: F811
    app = make_app(db_path, today=AGENDA_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("o", "x", "escape")  # changed its mind
        await pilot.pause()
        assert status_of(caseload["m_ali_nov10"]) == "planned"
        await pilot.press("o", *"ill, called at 9", "enter")
        await pilot.pause()
        row = Meeting.get_by_id(caseload["m_ali_nov10"])
        assert (row.status, row.outcome_note) == ("no_show", "ill, called at 9")
        await pilot.press("u")
        await pilot.pause()
        assert status_of(caseload["m_ali_nov10"]) == "planned"


# --------------------------------------------------------------------------- the note, 80x24


async def test_the_note_names_the_mentor_from_the_settings(db_path):
    ids = seed(db_path)
    save_mentor_identity("Karin Holm", "Jobvejen")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("W")
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteForm"
        assert app.screen.query_one("#f-p_mentor", Input).value == "Karin Holm"


async def test_a_planned_meeting_names_the_mentor_too(db_path):
    ids = seed(db_path)
    save_mentor_identity("Karin Holm", "Jobvejen")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingForm"
        assert app.screen.query_one("#f-p_mentor", Input).value == "Karin Holm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
    made = Meeting.select().order_by(Meeting.id.desc()).first()
    assert "Karin Holm" in [p.name for p in made.participants]


async def test_the_dialogs_fit_at_80x24(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        for key, name in (("c", "CancelMeetingScreen"), ("o", "NoShowScreen")):
            await pilot.press(key)
            await pilot.pause()
            dialog = app.screen
            assert type(dialog).__name__ == name
            box = dialog.query_one("VerticalScroll")
            assert box.region.right <= 80 and box.region.bottom <= 24
            # The keys line is on screen, not cut off.
            keys = dialog.query_one(".dialog-keys")
            assert keys.region.bottom <= box.region.bottom and keys.region.height >= 1
            await pilot.press("escape")
            await pilot.pause()
        assert Meeting.get_by_id(ids["planned"]).status == "planned"
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#form").region.bottom <= 24
        form.query_one("#f-outcome_note").focus()
        await pilot.pause()
        assert form.query_one("#f-outcome_note").region.bottom <= 24  # scrolled into view


async def test_typing_in_the_cancel_dialog_goes_to_the_reason(db_path):
    """c, then the reason at once (the citizen stays chosen): nothing typed is lost."""
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("c", *"ill today", "enter")
        await pilot.pause()
        row = Meeting.get_by_id(ids["planned"])
        assert (row.status, row.cancelled_by, row.outcome_note) == (
            "cancelled",
            "citizen",
            "ill today",
        )


async def test_a_note_whose_next_meeting_lands_on_a_booked_time_warns(db_path):
    ids = seed(db_path)
    add_meeting(db_path, "Bo Andersen", "03-12-2026 10:30")  # 19 Nov + 14 days, 10:00
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        following = Meeting.get((Meeting.status == "planned") & (Meeting.citizen == ids["mette"]))
        assert following.starts_at == datetime(2026, 12, 3, 10, 0)
        assert "Bo A. 03-12-2026 10:30–11:30" in notice(app)
