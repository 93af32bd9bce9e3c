"""The caseload: one row per citizen with what a mentor checks every morning.

One SQL statement: the caseload summary (one row per citizen, kept by
triggers) answers what does not depend on the day, and correlated subqueries,
each an index range scan on (citizen, date), the rest, so the cost grows with
one citizen's records, not with the whole logbook (measured in bench/: GROUP
BY over the whole logbook was several times slower).
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import partial
from itertools import repeat
from typing import NamedTuple

from .. import storage
from ..storage import summary

#: The days the caseload's attendance covers (the summary counts as many).
ATTENDANCE_WINDOW_DAYS = summary.LOGBOOK_WINDOW_DAYS


class CourseFilter(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    ALL = "all"


class CaseloadRow(NamedTuple):
    """One citizen's line. A NamedTuple: thousands are built per load, and a
    frozen dataclass costs several times more to create (bench/README.md)."""

    citizen_id: int
    name: str
    caseworker_name: str
    course_id: int | None
    purpose: str | None
    course_start: date | None
    course_end: date | None  # the planned end after extensions
    course_ended_on: date | None
    outcome: str | None
    cadence_days: int
    last_held_meeting: date | None
    next_meeting: datetime | None
    days_logged: int
    days_present: int
    open_action_items: int
    workplace: str | None
    hours_per_week: float | None
    archived_on: date | None
    today: date

    @property
    def attendance_rate(self) -> float | None:
        """Share of logged days present over the last 14 days (None: no log)."""
        return self.days_present / self.days_logged if self.days_logged else None

    @property
    def days_since_meeting(self) -> int | None:
        if self.last_held_meeting is None:
            return None
        return (self.today - self.last_held_meeting).days

    @property
    def meeting_overdue(self) -> bool:
        since = self.days_since_meeting
        return since is None or since > self.cadence_days

    @property
    def week_of_course(self) -> tuple[int, int] | None:
        """(week n, of m weeks) of the current course, extensions included."""
        if self.course_start is None or self.course_end is None:
            return None
        total = max(1, math.ceil(((self.course_end - self.course_start).days + 1) / 7))
        current = (min(self.today, self.course_end) - self.course_start).days // 7 + 1
        return max(0, current), total

    @property
    def weeks_left(self) -> int | None:
        if self.course_end is None or self.course_ended_on is not None:
            return None
        return max(0, (self.course_end - self.today).days // 7)


# The caseload summary (mentorterm/storage/summary.py) answers most columns with one
# row per citizen; each CASE uses its value only where it holds for :today and
# otherwise asks the tables (the lookups the summary saves), so a figure is the
# same with or without it, and a citizen without a summary row still shows.
_SQL = """
SELECT c.id, c.name, c.caseworker_name,
       co.id, co.purpose, co.start_date,
       CASE WHEN s.citizen_id IS NOT NULL THEN s.course_end ELSE
       COALESCE((SELECT max(x.new_end) FROM course_extension x WHERE x.course_id = co.id),
                co.planned_end) END,
       co.end_date, co.outcome, COALESCE(co.meeting_cadence_days, 14),
       CASE WHEN s.citizen_id IS NOT NULL AND (s.last_held IS NULL OR s.last_held < :tomorrow)
            THEN s.last_held ELSE
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND m.status = 'held' AND m.starts_at < :tomorrow) END,
       CASE WHEN s.citizen_id IS NOT NULL AND (s.next_planned IS NULL OR s.next_planned >= :today)
            THEN s.next_planned ELSE
       (SELECT min(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND m.status = 'planned' AND m.starts_at >= :today) END,
       -- days logged * 1000 + days present: from the summary's bits of the 14 days
       -- up to the latest entry where that entry is not after :today (none in the
       -- window when it is 14 days before), else in one index range scan
       CASE WHEN s.citizen_id IS NOT NULL AND (s.log_day IS NULL OR s.log_day <= :window_day)
            THEN 0
            WHEN s.citizen_id IS NOT NULL AND s.log_day <= :today_day AND s.log_extra = 0
            THEN {logged} * 1000 + {present} ELSE
       (SELECT count(*) * 1000 + count(CASE WHEN l.attendance = 'present' THEN 1 END)
          FROM logbook_entry l
         WHERE l.citizen_id = c.id AND l.entry_date > :window_start AND l.entry_date <= :today)
       END,
       CASE WHEN s.citizen_id IS NOT NULL THEN s.open_actions ELSE
       (SELECT count(*) FROM action_item a WHERE a.citizen_id = c.id AND a.done_on IS NULL) END
       -- and the job search's follow-ups past their day (issue 20): none where the
       -- earliest not done is not before :today
       + CASE WHEN s.citizen_id IS NOT NULL AND (s.follow_up_due IS NULL OR s.follow_up_due >= :today)
              THEN 0 ELSE
         (SELECT count(*) FROM job_contact j WHERE j.citizen_id = c.id
           AND j.followed_up_on IS NULL AND j.follow_up_on < :today) END,
       p.workplace,
       CASE WHEN p.id = s.placement_id AND (s.hours_from IS NULL OR s.hours_from <= :today)
            THEN s.hours_per_week ELSE
       (SELECT h.hours_per_week FROM hours_step h
         WHERE h.placement_id = p.id AND h.from_date <= :today
         ORDER BY h.from_date DESC LIMIT 1) END,
       c.archived_on
FROM citizen c
LEFT JOIN caseload_summary s ON s.citizen_id = c.id
LEFT JOIN course co ON co.id = CASE WHEN s.citizen_id IS NOT NULL THEN s.course_id ELSE (
    SELECT c2.id FROM course c2 WHERE c2.citizen_id = c.id
    ORDER BY c2.end_date IS NULL DESC, c2.start_date DESC, c2.id DESC LIMIT 1) END
LEFT JOIN placement p ON p.id = CASE
    WHEN s.citizen_id IS NOT NULL AND (s.placement_id IS NULL OR (
         s.placement_start <= :today AND (s.placement_end IS NULL OR s.placement_end >= :today)))
    THEN s.placement_id ELSE (
    SELECT p2.id FROM placement p2
     WHERE p2.citizen_id = c.id AND p2.start_date <= :today
       AND (p2.end_date IS NULL OR p2.end_date >= :today)
     ORDER BY p2.start_date DESC, p2.id DESC LIMIT 1) END
WHERE 1 = 1 {mentor} {status} {first}
"""


def _popcount(bits: str) -> str:
    """The number of bits set in ``bits`` (< 2**14), in SQL both engines run:
    one multiplication spreads them apart, a mask keeps one in four places,
    the remainder by 15 adds them up."""
    return f"((({bits}) * 35185445863425) & 76861433640456465) % 15"


# The summary's bits of the days in the window: bit i is day log_day - i.
_IN_WINDOW = "((1 << (:window_days - (:today_day - s.log_day))) - 1)"
_SQL = _SQL.replace("{logged}", _popcount(f"s.log_days & {_IN_WINDOW}")).replace(
    "{present}", _popcount(f"COALESCE(s.log_present, 0) & {_IN_WINDOW}")
)

# The first ``limit`` citizens by name, chosen before the per-citizen figures are
# read (a first screenful at once; the whole list follows in a worker). The
# latest course comes from the summary where it has the citizen's row, as in
# the statement above (a third of the time of looking it up for every citizen).
_FIRST = """AND c.id IN (
    SELECT c.id FROM citizen c
    LEFT JOIN caseload_summary s ON s.citizen_id = c.id
    LEFT JOIN course co ON co.id = CASE WHEN s.citizen_id IS NOT NULL THEN s.course_id ELSE (
        SELECT c2.id FROM course c2 WHERE c2.citizen_id = c.id
        ORDER BY c2.end_date IS NULL DESC, c2.start_date DESC, c2.id DESC LIMIT 1) END
    WHERE 1 = 1 {mentor} {status} ORDER BY lower(c.name) LIMIT :limit)"""


def _as_date(value) -> date | None:
    """A day from the engine's value: SQLite's text, PostgreSQL's date or timestamp."""
    if isinstance(value, datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def caseload_sql(
    mentor_id: int | None = None,
    today: date | None = None,
    courses: CourseFilter = CourseFilter.ACTIVE,
    limit: int | None = None,
) -> tuple[str, dict[str, object]]:
    """The caseload statement and its parameters (what ``caseload`` runs).

    Exposed so the query plan can be checked (tests/test_query_plans.py) and
    measured (bench/run.py) without copying the SQL.
    """
    today = today or date.today()
    # Archived citizens are off the active and ended lists, but in "all".
    status = {
        CourseFilter.ACTIVE: "AND c.archived_on IS NULL AND co.end_date IS NULL",
        CourseFilter.ENDED: "AND c.archived_on IS NULL AND co.end_date IS NOT NULL",
        CourseFilter.ALL: "",
    }[CourseFilter(courses)]
    mentor = "AND c.mentor_id = :mentor" if mentor_id is not None else ""
    first = _FIRST.format(mentor=mentor, status=status) if limit is not None else ""
    sql = _SQL.format(mentor=mentor, status=status, first=first)
    params = {
        "today": today.isoformat(),
        "tomorrow": (today + timedelta(days=1)).isoformat(),
        "window_start": (today - timedelta(days=ATTENDANCE_WINDOW_DAYS)).isoformat(),
        # the same days as numbers, as the summary counts them
        "today_day": (today - summary.DAY_ZERO).days,
        "window_day": (today - summary.DAY_ZERO).days - ATTENDANCE_WINDOW_DAYS,
        "window_days": ATTENDANCE_WINDOW_DAYS,
        "mentor": mentor_id,
        "limit": limit,
    }
    return sql, params


def caseload(
    mentor_id: int | None = None,
    today: date | None = None,
    courses: CourseFilter = CourseFilter.ACTIVE,
    limit: int | None = None,
) -> list[CaseloadRow]:
    """The caseload as of ``today``: one row per citizen (their latest course).

    ``mentor_id`` None means every mentor's citizens (the org-wide list);
    ``courses`` chooses citizens whose latest course is active, ended, or all;
    ``limit`` keeps only the first that many by name (ASCII case-blind, so a
    first page may differ from the whole list's at a non-ASCII initial).
    """
    today = today or date.today()
    sql, params = caseload_sql(mentor_id, today, courses, limit)
    with _collector_paused():
        return _rows(storage.execute(sql, params).fetchall(), today)


@contextmanager
def _collector_paused():
    """No cyclic garbage collection while the rows are read and built: every
    one of the thousands of tuples made here lives on, so the young-generation
    passes their allocations set off (one per 700) find nothing to free
    (1.5-2 ms of the org-wide list, bench/README.md). Only the caller that
    paused the collector starts it again."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _rows(rows: list[tuple], today: date) -> list[CaseloadRow]:
    """CaseloadRows from the statement's rows, in name order."""
    if not rows:
        return []
    # Built column by column: each distinct day converted once, the rows made
    # by tuple.__new__ (no per-row Python call) and put in order by their
    # names' keys (a third of the time of building them one by one).
    (ids, names, caseworkers, courses_, purposes, starts, ends, ended, outcomes, cadences,
     held, upcoming, logged, actions, workplaces, hours, archived) = zip(*rows, strict=True)  # fmt: skip
    built = list(
        map(
            _make_row,
            zip(
                ids,
                names,
                caseworkers,
                courses_,
                purposes,
                _each(starts, _as_date),
                _each(ends, _as_date),
                _each(ended, _as_date),
                outcomes,
                cadences,
                _each(held, _as_date),
                _each(upcoming, _as_datetime),
                [n // 1000 for n in logged],
                [n % 1000 for n in logged],
                actions,
                workplaces,
                hours,
                _each(archived, _as_date),
                repeat(today),
            ),
        )
    )
    # Sorted here rather than in SQL: a sort of the wide result rows in a temp
    # B-tree cost more than this (bench/README.md).
    keys = list(map(str.casefold, names))
    return [built[i] for i in sorted(range(len(built)), key=keys.__getitem__)]


#: A CaseloadRow from a tuple of its fields, without a Python call per row.
_make_row = partial(tuple.__new__, CaseloadRow)


#: The days and moments read before, by converter: the same value gives the
#: same day, so a reload converts only those it has not seen (a few hundred
#: distinct days in 5,000 rows; 1.5 ms of converting them, bench/README.md).
#: Replaced, never changed in place: a load in a worker and one on the UI
#: thread may read at once.
_READ: dict[Callable, dict] = {}
_READ_AT_MOST = 50_000


def _each(values: tuple, convert: Callable) -> list:
    """``convert`` over ``values``, once per distinct value ever seen."""
    seen = _READ.get(convert, {})
    out = list(map(seen.get, values))
    if out.count(None) != values.count(None):  # a value not seen before
        seen = dict(seen) if len(seen) < _READ_AT_MOST else {}
        seen.update({value: convert(value) for value in set(values).difference(seen)})
        _READ[convert] = seen
        out = list(map(seen.__getitem__, values))
    return out
