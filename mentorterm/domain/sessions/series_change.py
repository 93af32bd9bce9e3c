"""Changing a series: its title, place, hours, start time, leader, weekdays,
first and last day. The change reaches the series' sessions from today on:

- a later session without any marks *follows*: each of its title, place,
  hours, time and leader that is still the series' old one takes the new
  one (what was changed on that session alone stays);
- days the new schedule adds get their sessions, with the series' standing
  participants (``writing.standing_participants``): days before the old
  first day and after the old last day all of them, days a new weekday adds
  from today on;
- a later first day removes the sessions before it as any day the schedule
  leaves out (asked first), and is refused while a session before it is past
  or has a roll call: a series that has begun keeps its start;
- later sessions on days the new schedule leaves out are *dropped*, with
  who was called in to them: ``plan`` says which, so the screen asks first;
- a session with marks is never changed or removed: the roll call called is
  the citizens' history (``kept``: those the new schedule leaves out).

Sessions before today stay as they were held. A session moved to another day
on its own stays where it was moved (its old day is not made again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from ...format import show_date, show_weekday_short
from ...i18n import N_, _, ngettext
from ...models import GroupSeries, GroupSession, SessionParticipant, db
from ...schemas.sessions import GroupSeriesEditIn
from .. import audit
from ..errors import DomainError
from .editing import PRIVATE, check_leader, values
from .schedule import session_days, starts_at, weekday_set
from .writing import _series, new_session, standing_participants

FOLLOWING = ("title", "place", "hours", "leader")


@dataclass(frozen=True)
class Dated:
    """A session named by its day (for the question and the words after)."""

    id: int
    starts_at: datetime


@dataclass(frozen=True)
class SeriesChange:
    follow: list[int] = field(default_factory=list)
    add: list[date] = field(default_factory=list)
    drop: list[Dated] = field(default_factory=list)
    kept: list[Dated] = field(default_factory=list)


def series_input(series_id: int) -> GroupSeriesEditIn:
    """The series' values as an input model (to fill the edit form)."""
    series = _series(series_id)
    return GroupSeriesEditIn.model_construct(
        title=series.title,
        place=series.place,
        weekdays=series.weekdays,
        starts=series.starts,
        hours=series.hours,
        first_day=series.first_day,
        last_day=series.last_day,
        leader_id=series.leader_id,
    )


def _day(moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _followed(session: GroupSession, series: GroupSeries, data: GroupSeriesEditIn) -> dict:
    """The session's fields after the change: those still the series' old ones move on."""
    old_series = {"title": series.title, "place": series.place, "hours": series.hours}
    old_series["leader"] = series.leader_id
    new_series = {"title": data.title, "place": data.place, "hours": data.hours}
    new_series["leader"] = data.leader_id
    now = values(session)
    after = dict(now)
    for name in FOLLOWING:
        if now[name] == old_series[name]:
            after[name] = new_series[name]
    if session.starts_at.strftime("%H:%M") == series.starts:
        after["starts_at"] = starts_at(_day(session.starts_at), data.starts)
    return after


def _begun(sessions: list[GroupSession], marked: set[int], first: date, today: date) -> None:
    """A later first day leaves no session held before it: refused in words when
    one before it is past or has a roll call (the series has begun there)."""
    for session in sessions:
        day = _day(session.starts_at)
        if day < first and (day < today or session.id in marked):
            message = (
                _(
                    "The series has begun: its session on {day} has a roll call, so the "
                    "series cannot start after it. Nothing was saved."
                )
                if session.id in marked
                else _(
                    "The series has begun: its session on {day} is before today, so the "
                    "series cannot start after it. Nothing was saved."
                )
            )
            raise DomainError(
                message.format(day=f"{show_weekday_short(day)} {show_date(day)}"),
                field="first_day",
            )


def _plan(series: GroupSeries, data: GroupSeriesEditIn, today: date) -> SeriesChange:
    old_days = set(session_days(weekday_set(series.weekdays), series.first_day, series.last_day))
    new_days = set(session_days(weekday_set(data.weekdays), data.first_day, data.last_day))
    if not new_days:
        raise DomainError(
            _("None of those weekdays falls from {first} to {last}. Nothing was saved.").format(
                first=show_date(data.first_day), last=show_date(data.last_day)
            ),
            field="weekdays",
        )
    sessions = list(
        GroupSession.select()
        .where(GroupSession.series == series.id)
        .order_by(GroupSession.starts_at, GroupSession.id)
    )
    marked = {
        row.session_id
        for row in SessionParticipant.select(SessionParticipant.session).where(
            SessionParticipant.session.in_([s.id for s in sessions])
            & SessionParticipant.attendance.is_null(False)
        )
    }
    if data.first_day > series.first_day:
        _begun(sessions, marked, data.first_day, today)
    change = SeriesChange()
    for session in sessions:
        day = _day(session.starts_at)
        if day < today:
            continue
        in_range = data.first_day <= day <= data.last_day
        if day not in new_days and (day in old_days or not in_range):
            target = change.kept if session.id in marked else change.drop
            target.append(Dated(session.id, session.starts_at))
        elif session.id not in marked and _followed(session, series, data) != values(session):
            change.follow.append(session.id)
    have = {_day(s.starts_at) for s in sessions}
    change.add.extend(
        sorted(
            day
            for day in new_days - old_days - have
            if day >= today or day > series.last_day or day < series.first_day
        )
    )  # fmt: skip
    return change


def plan(series_id: int, data: GroupSeriesEditIn, today: date) -> SeriesChange:
    """What saving ``data`` would do to the series' sessions (nothing written)."""
    return _plan(_series(series_id), data, today)


def update_series(
    series_id: int, data: GroupSeriesEditIn, today: date, dropping: Iterable[int] = ()
) -> SeriesChange:
    """Change the series and its later sessions in one transaction; returns what it did.

    ``dropping``: the sessions the mentor agreed to remove (``plan``'s
    ``drop``). A session the change would remove that was not among them (one
    made meanwhile) refuses the whole change, so nothing goes unasked. The
    form saves inside ``versions.expecting``: a series changed meanwhile is refused.
    """
    with db.atomic():
        series = _series(series_id)
        check_leader(data.leader_id)
        change = _plan(series, data, today)
        if {d.id for d in change.drop} - set(dropping):
            raise DomainError(
                _(
                    "The series' sessions changed while the form was open: save again to "
                    "see which sessions the change removes. Nothing was saved."
                )
            )
        standing = standing_participants(series.id)
        for session_id in change.follow:
            session = GroupSession.get_by_id(session_id)
            old = values(session)
            new = _followed(session, series, data)
            audit.apply_correction(
                session, "group_session", citizen_id=None, old=old, new=new, private=PRIVATE,
                purpose=N_("follows its series"),
            )  # fmt: skip
        for dated in change.drop:
            _drop(dated.id)
        old = _series_values(series)
        new = {
            "title": data.title,
            "place": data.place,
            "hours": data.hours,
            "starts": data.starts,
            "weekdays": data.weekdays,
            "first_day": data.first_day,
            "last_day": data.last_day,
            "leader": data.leader_id,
        }
        audit.apply_correction(
            series, "group_series", citizen_id=None, old=old, new=new, private=PRIVATE
        )
        for day in change.add:
            new_session(series, day, standing)
    return change


def _series_values(series: GroupSeries) -> dict:
    return {
        "title": series.title,
        "place": series.place,
        "hours": series.hours,
        "starts": series.starts,
        "weekdays": series.weekdays,
        "first_day": series.first_day,
        "last_day": series.last_day,
        "leader": series.leader_id,
    }


def _drop(session_id: int) -> None:
    """A later session without marks removed, with who was called in to it."""
    for row in SessionParticipant.select().where(SessionParticipant.session == session_id):
        row_id, citizen_id = row.id, row.citizen_id
        row.delete_instance()
        audit.record(
            "delete",
            "session_participant",
            citizen_id=citizen_id,
            record_id=row_id,
            purpose=N_("its session left the series"),
        )
    GroupSession.delete().where(GroupSession.id == session_id).execute()
    audit.record(
        "delete", "group_session", record_id=session_id, purpose=N_("left out of its series")
    )


def _days(dated: list[Dated], most: int = 4) -> str:
    shown = [f"{show_weekday_short(d.starts_at.date())} {show_date(d.starts_at)}" for d in dated]
    if len(shown) > most:
        rest = len(shown) - most + 1
        shown = shown[: most - 1] + [
            ngettext("{count} more", "{count} more", rest).format(count=rest)
        ]
    return ", ".join(shown)


def question(change: SeriesChange) -> str | None:
    """The question before a change that removes sessions; None when it removes none."""
    if not change.drop:
        return None
    words = ngettext(
        "The change removes {count} later session without a roll call ({days}) "
        "and who was called in to it.",
        "The change removes {count} later sessions without a roll call ({days}) "
        "and who was called in to them.",
        len(change.drop),
    ).format(count=len(change.drop), days=_days(change.drop))
    return " ".join(filter(None, [words, kept_words(change), _("Save and remove them?")]))


def kept_words(change: SeriesChange) -> str:
    """Sessions with marks the new schedule leaves out: kept, said in words."""
    if not change.kept:
        return ""
    return ngettext(
        "The session on {days} has a roll call, so it stays as it was.",
        "The sessions on {days} have a roll call, so they stay as they were.",
        len(change.kept),
    ).format(days=_days(change.kept))


def done_words(change: SeriesChange) -> str:
    """What the saved change did, for the notification."""
    parts = [_("The series is saved.")]
    if change.follow:
        parts.append(
            ngettext(
                "{count} later session follows the change.",
                "{count} later sessions follow the change.",
                len(change.follow),
            ).format(count=len(change.follow))
        )
    if change.add:
        parts.append(
            ngettext("{count} new session.", "{count} new sessions.", len(change.add)).format(
                count=len(change.add)
            )
        )
    if change.drop:
        parts.append(
            ngettext("{count} session removed.", "{count} sessions removed.", len(change.drop))
            .format(count=len(change.drop))
        )  # fmt: skip
    parts.append(kept_words(change))
    return " ".join(filter(None, parts))
