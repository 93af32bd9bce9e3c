"""The .ics export holds what the README promises: initials, meeting kind and time.

The place goes in only when the mentor turns it on: ``[calendar] include_place``
in the settings, or the "Include the place" box in the agenda's export form.
Each file is read back with icalendar.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from textual.widgets import Checkbox, Input

from mentorterm.app import make_app
from mentorterm.domain import calendar_export as cal
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.meetings import create_meeting
from mentorterm.schemas import CitizenIn, MeetingIn
from mentorterm.settings import (
    SettingsError,
    default_settings_text,
    load_settings,
    save_section,
)

from .test_agenda_screens import TODAY, caseload, last_notice, open_agenda  # noqa: F401

PROMISED = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"}


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


@pytest.fixture
def one_meeting(database) -> int:
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen", phone="+45 12 34 56 78"))
    return create_meeting(
        citizen,
        MeetingIn(
            starts_at=datetime(2026, 11, 24, 10, 0),
            duration_minutes=45,
            kind="three_party",
            place="Psykiatrisk Center, Amagerfælledvej 12",
            notes="Migraine, the divorce",
        ),
    )


def test_by_default_an_event_is_initials_kind_and_time_only(one_meeting):
    data = cal.calendar_ics(date(2026, 11, 22))
    [event] = events(data)
    assert set(event) == PROMISED
    assert str(event["SUMMARY"]) == "M.J. – Three-party follow-up"
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 11, 24, 10, 0)
    assert event.decoded("DTEND").replace(tzinfo=None) == datetime(2026, 11, 24, 10, 45)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    for secret in ("Psykiatrisk", "Amagerfælledvej", "LOCATION", "Mette", "Migraine"):
        assert secret not in unfolded


def test_the_place_only_when_turned_on(one_meeting):
    [event] = events(cal.calendar_ics(date(2026, 11, 22), include_place=True))
    assert set(event) == PROMISED | {"LOCATION"}
    assert str(event["LOCATION"]) == "Psykiatrisk Center, Amagerfælledvej 12"


def test_the_setting_is_off_by_default_and_documented(tmp_path):
    assert load_settings(tmp_path / "none.toml").calendar.include_place is False
    text = default_settings_text()
    assert "[calendar]" in text and "include_place = false" in text
    path = tmp_path / "settings.toml"
    path.write_text("[calendar]\ninclude_place = true\n", encoding="utf-8")
    assert load_settings(path).calendar.include_place is True
    path.write_text('[calendar]\ninclude_place = "yes"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"calendar\.include_place must be true or false"):
        load_settings(path)


async def _export(app, pilot, target: Path, tick: bool | None = None) -> Checkbox:
    await open_agenda(app, pilot)
    await pilot.press("i")
    await pilot.pause()
    form = app.screen
    box = form.query_one(Checkbox)
    form.query_one("#f-path", Input).value = str(target)
    if tick is not None and box.value != tick:
        box.focus()
        await pilot.press("space")  # the mentor ticks the box
        await pilot.pause()
    value = box.value
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert type(app.screen).__name__ == "AgendaScreen"
    return value


async def test_agenda_export_leaves_the_place_out_unless_ticked(
    caseload,  # noqa: F811
    db_path,
    tmp_path,
):
    plain, placed = tmp_path / "plain.ics", tmp_path / "placed.ics"
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert await _export(app, pilot, plain) is False  # not ticked by default
        assert "no places" in last_notice(app)
        await pilot.press("escape")
        await pilot.pause()
        assert await _export(app, pilot, placed, tick=True) is True
        assert "times and places" in last_notice(app)
    assert all(set(e) == PROMISED for e in events(plain.read_bytes()))
    assert b"Netto Viby" not in plain.read_bytes()
    located = [str(e.get("LOCATION", "")) for e in events(placed.read_bytes())]
    assert "Netto Viby" in located and "Mentor office" in located


async def test_the_setting_ticks_the_box_and_it_fits_at_80x24(
    caseload,  # noqa: F811
    db_path,
    tmp_path,
):
    save_section("calendar", {"include_place": True}, Path(os.environ["MENTORTERM_SETTINGS"]))
    target = tmp_path / "meetings.ics"
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        box = form.query_one(Checkbox)
        assert box.value is True
        # Tab to the box: it is scrolled into view on a small terminal.
        box.focus()
        await pilot.pause()
        form.query_one("#fields").scroll_to_widget(box, animate=False)
        await pilot.pause()
        assert box.region.height > 0 and box.region.bottom <= 24
        form.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert any("LOCATION" in e for e in events(target.read_bytes()))
