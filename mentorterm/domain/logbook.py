"""The daily logbook of a placement: one entry a day, and which day comes next.

Which days are working days follows the hours step in force on each day
(``Schedule``); the logbook itself only records what happened.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import peewee

from .. import storage
from ..enums import Attendance, Author
from ..format import show_date, show_weekday
from ..i18n import N_, _
from ..models import HoursStep, LogbookEntry, Placement, db
from ..schemas import LogbookEntryIn
from . import audit
from .errors import DomainError, NotFound
from .placements import hours_steps, parse_schedule, planned_hours_per_day
from .views import HoursStepView, View

_WORKING_WEEK = frozenset(range(5))


class LogbookEntryView(View):
    id: int
    placement_id: int
    entry_date: date
    attendance: Attendance
    hours_planned: float
    hours_worked: float
    left_early: bool
    left_early_reason: str
    tasks: str
    breaks: str
    energy: int | None
    pain: int | None
    life_after_work: str
    notes: str
    written_by: Author
    absence_reason: str


def weekday_name(day: date) -> str:
    """'Monday' ... 'Sunday' / 'mandag' ... 'søndag', in the language in use."""
    return show_weekday(day)


class Schedule:
    """A placement's hours steps read day by day (pure: no database).

    Before the first step the working week (Monday to Friday) is scheduled
    with no planned hours, so a logbook can start before the agreement is
    typed in. A step of 0 hours a week is a pause: no day is scheduled.
    """

    def __init__(self, steps: Iterable[HoursStepView | HoursStep]):
        ordered = sorted(steps, key=lambda s: s.from_date)
        self.steps = ordered
        self._starts = [s.from_date for s in ordered]
        # Parsed once: a two-year calendar asks about every day.
        self._days = [
            parse_schedule(s.schedule) if s.hours_per_week > 0 else frozenset() for s in ordered
        ]
        self._hours = [planned_hours_per_day(s) if s.hours_per_week > 0 else 0.0 for s in ordered]

    def _index(self, day: date) -> int:
        return bisect_right(self._starts, day) - 1

    def step_on(self, day: date) -> HoursStepView | HoursStep | None:
        """The step in force on ``day`` (None before the first)."""
        index = self._index(day)
        return self.steps[index] if index >= 0 else None

    def is_scheduled(self, day: date) -> bool:
        """Is ``day`` a working day of the placement's agreement?"""
        index = self._index(day)
        days = self._days[index] if index >= 0 else _WORKING_WEEK
        return day.weekday() in days

    def planned_on(self, day: date) -> float:
        """Hours planned on ``day``: the step's hours per day, 0 on a day off."""
        index = self._index(day)
        if index < 0 or day.weekday() not in self._days[index]:
            return 0.0
        return self._hours[index]


def _placement(placement_id: int) -> Placement:
    placement = Placement.get_or_none(Placement.id == placement_id)
    if placement is None:
        raise NotFound(_("This placement no longer exists."))
    return placement


def _placement_dates(placement_id: int) -> SimpleNamespace:
    """What a new day is checked against (id, citizen_id, start_date, end_date,
    workplace), read with one prepared statement (a save's hot path)."""
    found = storage.row_by_id(
        Placement, placement_id, "id", "citizen", "start_date", "end_date", "workplace"
    )
    if found is None:
        raise NotFound(_("This placement no longer exists."))
    return found


def _entry(entry_id: int) -> LogbookEntry:
    entry = LogbookEntry.get_or_none(LogbookEntry.id == entry_id)
    if entry is None:
        raise NotFound(_("This logbook entry no longer exists."))
    return entry


def schedule_of(placement_id: int) -> Schedule:
    """The placement's hours steps as a ``Schedule``."""
    return Schedule(hours_steps(placement_id))


def _check_dates(placement: Placement | SimpleNamespace, day: date) -> None:
    """Refuse a day outside the placement's dates."""
    if day < placement.start_date or (placement.end_date and day > placement.end_date):
        if placement.end_date:
            message = _(
                "{day} is outside the placement at {workplace}, which runs from {start} to {end}."
            )
        else:
            message = _("{day} is before the placement at {workplace} starts ({start}).")
        raise DomainError(
            message.format(
                day=show_date(day),
                workplace=placement.workplace,
                start=show_date(placement.start_date),
                end=show_date(placement.end_date),
            ),
            field="entry_date",
        )


@contextmanager
def _one_entry_a_day(day: date) -> Iterator[None]:
    """A second entry for the same day, refused by the (placement, day) unique
    index as the row is written (no query first), in the mentor's words."""
    try:
        yield
    except peewee.IntegrityError as exc:
        if not storage.is_duplicate(exc, "logbook_entry", "placement_id", "entry_date"):
            raise
        raise _already_there(day) from None


def _already_there(day: date) -> DomainError:
    return DomainError(
        _("The logbook already has {weekday} {day}; open that entry to change it.").format(
            weekday=weekday_name(day), day=show_date(day)
        ),
        field="entry_date",
    )


def add_entry(placement_id: int, data: LogbookEntryIn) -> int:
    """Write one day of the logbook; one entry per day, inside the placement's dates."""
    with db.atomic():
        placement = _placement_dates(placement_id)
        _check_dates(placement, data.entry_date)
        with _one_entry_a_day(data.entry_date):
            entry_id = storage.insert_row(
                LogbookEntry,
                {
                    "placement": placement.id,
                    "citizen": placement.citizen_id,
                    **data.model_dump(mode="python"),
                },
            )
        audit.record("create", "logbook_entry", citizen_id=placement.citizen_id, record_id=entry_id)
        return entry_id


def add_entries(
    placement_id: int, entries: list[LogbookEntryIn], *, written_at: list[datetime] | None = None
) -> int:
    """Write many days at once under ``add_entry``'s rules (all or none); one audit
    row for the lot. ``written_at`` stamps each row when it was written (history
    entered after the fact, such as the demo's). Returns how many were written."""
    with db.atomic():
        placement = _placement(placement_id)
        query = LogbookEntry.select(LogbookEntry.entry_date).where(
            LogbookEntry.placement == placement
        )
        taken = {day for (day,) in query.tuples()}
        rows = []
        for data, stamp in zip(entries, written_at or [None] * len(entries), strict=True):
            _check_dates(placement, data.entry_date)
            if data.entry_date in taken:
                raise _already_there(data.entry_date)
            taken.add(data.entry_date)
            row = dict(
                placement=placement, citizen=placement.citizen_id, **data.model_dump(mode="python")
            )
            rows.append(row | ({"created_at": stamp, "updated_at": stamp} if stamp else {}))
        for start in range(0, len(rows), 200):
            LogbookEntry.insert_many(rows[start : start + 200]).execute()
        audit.record(
            "create", "logbook_entry", citizen_id=placement.citizen_id, purpose=N_("days at once")
        )
    return len(rows)


# Free text of a day: an audit row says that it changed, never what it says.
_PRIVATE = frozenset(
    {"left_early_reason", "tasks", "breaks", "life_after_work", "notes", "absence_reason"}
)


def update_entry(entry_id: int, data: LogbookEntryIn, purpose: str = N_("corrected")) -> None:
    """Change an entry (its date too, under the same rules as a new one).

    Audited as a correction, old → new (free text only as "changed"); the
    same call puts a day back as it was (``purpose="undone"``).
    """
    with db.atomic():
        entry = _entry(entry_id)
        _check_dates(_placement_dates(entry.placement_id), data.entry_date)
        with _one_entry_a_day(data.entry_date):
            _write(entry, data, purpose)


def _write(entry: LogbookEntry, data: LogbookEntryIn, purpose: str) -> None:
    new = data.model_dump(mode="python")
    old = {field: getattr(entry, field) for field in new}
    for field, value in new.items():
        setattr(entry, field, value)
    entry.save()
    if (
        audit.correction(
            "logbook_entry",
            citizen_id=entry.citizen_id,
            record_id=entry.id,
            old=old,
            new=new,
            private=_PRIVATE,
            purpose=purpose,
        )
        is None
    ):
        # Saved unchanged: still a write the trail accounts for.
        audit.record(
            "update",
            "logbook_entry",
            citizen_id=entry.citizen_id,
            record_id=entry.id,
            purpose=purpose,
        )


def mark_attendance(entry_id: int, attendance: Attendance | str) -> LogbookEntryIn | None:
    """One key on a logged day: present, sick, with or without notice.

    Present clears a reason for being away and counts the planned hours as
    worked; away to away keeps the reason (sick → with notice, say) and
    counts no hours; either way an early leave goes. Returns the day as it
    was (to undo with ``update_entry(entry_id, before, purpose="undone")``),
    or None when the day already had that attendance (nothing written).
    """
    attendance = Attendance(attendance)
    with db.atomic():
        entry = _entry(entry_id)
        before = entry_input(entry_id)
        if before.attendance == attendance and not before.left_early:
            return None
        present = attendance == Attendance.PRESENT
        data = before.model_dump()
        data.update(
            attendance=attendance,
            left_early=False,
            left_early_reason="",
            hours_worked=data["hours_planned"] if present else 0,
            absence_reason="" if present else data["absence_reason"],
        )
        _write(entry, LogbookEntryIn(**data), N_("attendance marked"))
        return before


def delete_entry(entry_id: int) -> None:
    """Delete one day of the logbook."""
    with db.atomic():
        citizen_id = (
            LogbookEntry.select(LogbookEntry.citizen).where(LogbookEntry.id == entry_id).scalar()
        )
        if LogbookEntry.delete().where(LogbookEntry.id == entry_id).execute() == 0:
            raise NotFound(_("This logbook entry no longer exists."))
        audit.record("delete", "logbook_entry", citizen_id=citizen_id, record_id=entry_id)


def entry_input(entry_id: int) -> LogbookEntryIn:
    """The entry's values as an input model (to prefill the edit form)."""
    entry = _entry(entry_id)
    values = {name: getattr(entry, name) for name in LogbookEntryIn.model_fields}
    # Not validated (an old row may break a newer rule; the form shows why on
    # save), but the enums typed, as a validated model would have them.
    values.update(attendance=Attendance(entry.attendance), written_by=Author(entry.written_by))
    return LogbookEntryIn.model_construct(**values)


def entries(
    placement_id: int, start: date | None = None, end: date | None = None
) -> list[LogbookEntryView]:
    """The placement's logbook, oldest first, optionally from ``start`` to ``end``."""
    query = LogbookEntry.select().where(LogbookEntry.placement == placement_id)
    if start is not None:
        query = query.where(LogbookEntry.entry_date >= start)
    if end is not None:
        query = query.where(LogbookEntry.entry_date <= end)
    result = []
    # Plain dicts: building a peewee row per day first would double the cost.
    for row in query.order_by(LogbookEntry.entry_date).dicts():
        row["placement_id"] = row.pop("placement")
        result.append(LogbookEntryView.model_validate(row))
    return result


def next_scheduled_day(placement_id: int, today: date) -> date | None:
    """The next day to log: the first scheduled working day after the latest entry.

    Counted from the placement's start when the logbook is empty; the day is
    never after ``today`` nor outside the placement. None when there is none
    (the logbook is up to date, or the placement has not started).
    """
    return _next_day(_placement(placement_id), schedule_of(placement_id), today)


def _next_day(placement: Placement, schedule: Schedule, today: date) -> date | None:
    latest = (
        LogbookEntry.select(LogbookEntry.entry_date)
        .where(LogbookEntry.placement == placement)
        .order_by(LogbookEntry.entry_date.desc())
        .first()
    )
    day = latest.entry_date + timedelta(days=1) if latest else placement.start_date
    last = min(today, placement.end_date or today)
    while day <= last:
        if schedule.is_scheduled(day):
            return day
        day += timedelta(days=1)
    return None


def draft_for_next_day(placement_id: int, today: date) -> LogbookEntryIn | None:
    """A new entry filled in for the next day to log, or None when there is none.

    The citizen is assumed present and to have worked the hours planned by the
    step in force that day: the common case is then one keystroke to save.
    """
    schedule = schedule_of(placement_id)
    day = _next_day(_placement(placement_id), schedule, today)
    if day is None:
        return None
    planned = schedule.planned_on(day)
    return LogbookEntryIn(
        entry_date=day,
        attendance=Attendance.PRESENT,
        hours_planned=planned,
        hours_worked=planned,
        written_by=usual_author(placement_id),
    )


def usual_author(placement_id: int) -> Author:
    """Who writes this placement's logbook: the author of its latest day.

    A new day is written by whoever wrote the one before (the mentor who
    types it in, the workplace that sends it); the citizen when there is none.
    """
    latest = (
        LogbookEntry.select(LogbookEntry.written_by)
        .where(LogbookEntry.placement == placement_id)
        .order_by(LogbookEntry.entry_date.desc(), LogbookEntry.id.desc())
        .first()
    )
    return Author(latest.written_by) if latest else Author.CITIZEN
