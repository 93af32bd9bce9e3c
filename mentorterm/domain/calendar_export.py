"""Upcoming meetings as an .ics file, to import into Outlook or a phone calendar.

A calendar is shared, synced to phones and shown on screens others can see,
so an event carries as little as a mentor needs to turn up: the citizen's
initials, the kind of meeting and the time (start and end). The place only
when the mentor turns it on (``[calendar] include_place``): a clinic or a
home address can say who the citizen is. Never a full name, a note, a
participant or a phone number (special-category data, DOMAIN.md).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..enums import MeetingKind, MeetingStatus
from ..i18n import N_, _
from ..models import Citizen, Meeting
from . import audit, files
from .errors import DomainError

if TYPE_CHECKING:
    from icalendar import Timezone

# icalendar (with dateutil, about 30 ms) is loaded when a calendar is written,
# not when the agenda, which offers the export, opens.

# Meetings are stored as the local time the mentor typed (naive). They are
# exported with TZID=Europe/Copenhagen and a VTIMEZONE block that states the
# EU summer-time rule as RRULEs (the form Outlook itself writes): Outlook
# (desktop and web) and Google import that reliably, whereas floating times
# are taken in the importing machine's zone (wrong on a laptop set to UTC)
# and some Outlook versions shift them; a TZID without VTIMEZONE is refused
# by older Outlook.
LOCAL_ZONE_NAME = "Europe/Copenhagen"
LOCAL_ZONE = ZoneInfo(LOCAL_ZONE_NAME)
PRODID = "-//mentorterm//meetings//EN"


def _local_timezone() -> Timezone:
    """Europe/Copenhagen: CET, and CEST from the last Sunday of March to that of October."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", LOCAL_ZONE_NAME)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("dtstart", datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1SU"})
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1SU"})
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def initials(name: str) -> str:
    """ "Mette Jørgensen" -> "M.J.", "ali" -> "A.", "Anne-Marie Holm" -> "A.M.H.".

    One upper-case letter (or digit) per part of the name, each with a dot;
    "?" for a name with no letter at all.
    """
    parts = re.findall(r"[^\W_]+", name)
    letters = [part[0].upper()[:1] for part in parts]
    return "".join(f"{letter}." for letter in letters) or "?"


def _summary(name: str, kind: str) -> str:
    return f"{initials(name)} – {MeetingKind(kind).label}"


def calendar_ics(
    today: date, *, weeks: int = 8, citizen_id: int | None = None, include_place: bool = False
) -> bytes:
    """Every planned meeting from ``today`` for ``weeks`` weeks, as iCalendar bytes.

    Each event: UID, DTSTAMP, DTSTART, DTEND and SUMMARY (initials and kind),
    plus LOCATION only with ``include_place``.

    Archived citizens are left out. The UID of a meeting stays the same from
    one export to the next, so importing again updates an event instead of
    doubling it.
    """
    from icalendar import Calendar, Event

    if weeks < 1:
        raise DomainError(_("Export at least one week."), field="weeks")
    first = datetime.combine(today, time.min)
    query = (
        Meeting.select(
            Meeting.id,
            Meeting.starts_at,
            Meeting.duration_minutes,
            Meeting.kind,
            Meeting.place,
            Citizen.name,
        )
        .join(Citizen)
        .where(
            (Meeting.status == MeetingStatus.PLANNED.value)
            & Citizen.archived_on.is_null()
            & (Meeting.starts_at >= first)
            & (Meeting.starts_at < first + timedelta(weeks=weeks))
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if citizen_id is not None:
        query = query.where(Meeting.citizen == citizen_id)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(_local_timezone())
    stamp = datetime.now(UTC).replace(microsecond=0)
    for meeting in query:
        starts = meeting.starts_at.replace(tzinfo=LOCAL_ZONE)
        event = Event()
        event.add("uid", f"mentorterm-meeting-{meeting.id}")
        event.add("dtstamp", stamp)
        event.add("dtstart", starts)
        event.add("dtend", starts + timedelta(minutes=meeting.duration_minutes))
        event.add("summary", _summary(meeting.citizen.name, meeting.kind))
        if include_place and meeting.place:
            event.add("location", meeting.place)
        calendar.add_component(event)
    data = calendar.to_ical()
    # One row per citizen whose meetings are in the file (their access export lists it).
    shown = (
        [citizen_id]
        if citizen_id is not None
        else [c for (c,) in query.select(Meeting.citizen).tuples()]
    )
    audit.viewed(
        shown,
        "calendar",
        N_("planned meetings, {weeks} weeks").format(weeks=weeks),
        action="export",
    )
    return data


def write_calendar(path: str | Path, data: bytes) -> Path:
    """Write the calendar to ``path`` (an earlier export there is replaced), owner-only,
    whole or not at all (see ``files.write_export``)."""
    return files.write_export(path, data, overwrite=True)
