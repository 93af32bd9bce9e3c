"""The caseload summary: per citizen, what the caseload would look up row by row.

One row per citizen (``caseload_summary``), kept current by triggers on the
tables it is made from, so the org-wide caseload reads one row per citizen
instead of running nine lookups for each (bench/README.md has the figures).
What it holds does not depend on the day: the latest course and its planned
end after extensions, the open action items, the latest held and the first
planned meeting, the placement started last and its latest hours step, the
day of the latest logbook entry with the days logged (and the days present)
in the 14 days up to it, and the job search's earliest follow-up not done.
The caseload (domain/caseload.py) uses a value only where it answers for the
day asked about, and otherwise asks the tables, so every figure is as exact
as without the summary. It is derived data: not a record, not exported, gone
with its citizen (ON DELETE CASCADE), made again from the tables when its
definition changes (the upgrade to schema 14, ``team upgrade``).

The logbook's days are bits: bit ``i`` of ``log_days`` is set when the
citizen has an entry on day ``log_day - i`` (``i`` < 14), of ``log_present``
when that entry says present. ``log_day`` counts days from 1970-01-01 (the
same number on both engines: ``DAY_ZERO``). ``log_extra`` counts the entries
in those days beyond one a day (two placements logged on one day): where it
is not 0 the caseload counts from the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import NamedTuple

#: The days of logbook the caseload's attendance counts back from its day
#: (domain/caseload.py's ATTENDANCE_WINDOW_DAYS is this one).
LOGBOOK_WINDOW_DAYS = 14

#: Day 0 of ``log_day``.
DAY_ZERO = date(1970, 1, 1)

TABLE = """CREATE TABLE IF NOT EXISTS "caseload_summary" (
    "citizen_id" INTEGER NOT NULL PRIMARY KEY
        REFERENCES "citizen" ("id") ON DELETE CASCADE,
    "course_id" INTEGER,
    "course_end" DATE,
    "open_actions" INTEGER NOT NULL DEFAULT 0,
    "last_held" DATETIME,
    "next_planned" DATETIME,
    "placement_id" INTEGER,
    "placement_start" DATE,
    "placement_end" DATE,
    "hours_from" DATE,
    "hours_per_week" REAL,
    "log_day" INTEGER,
    "log_days" INTEGER,
    "log_present" INTEGER,
    "log_extra" INTEGER NOT NULL DEFAULT 0,
    "follow_up_due" DATE)"""

#: The table's columns, in order (what ``is_current`` compares with).
_COLUMNS = tuple(re.findall(r'^\s+"(\w+)"', TABLE, re.MULTILINE))


class Dialect(NamedTuple):
    """The day arithmetic the summary needs, in one engine's SQL."""

    #: The number of the day ``expr`` (days since DAY_ZERO).
    day: Callable[[str], str]
    #: The day ``n`` days before the day ``expr``.
    days_before: Callable[[str, int], str]


SQLITE = Dialect(
    day=lambda expr: f"CAST(julianday({expr}) - 2440587.5 AS INTEGER)",
    days_before=lambda expr, n: f"date({expr}, '-{n} days')",
)
POSTGRES = Dialect(
    day=lambda expr: f"({expr} - DATE '1970-01-01')",
    days_before=lambda expr, n: f"({expr} - {n})",
)

_WHO = "caseload_summary.citizen_id"
_LATEST_COURSE = f"""FROM course co WHERE co.citizen_id = {_WHO}
     ORDER BY co.end_date IS NULL DESC, co.start_date DESC, co.id DESC LIMIT 1"""
_LATEST_PLACEMENT = f"""FROM placement p WHERE p.citizen_id = {_WHO}
     ORDER BY p.start_date DESC, p.id DESC LIMIT 1"""
_LATEST_STEP = f"""FROM hours_step h WHERE h.placement_id = (SELECT p.id {_LATEST_PLACEMENT})
     ORDER BY h.from_date DESC LIMIT 1"""
_LATEST_ENTRY = f"(SELECT max(l2.entry_date) FROM logbook_entry l2 WHERE l2.citizen_id = {_WHO})"

# What each kind of row decides: SET clauses correlated to the summary row, one
# UPDATE for each item of a tuple, in order (the logbook's days are counted
# back from the latest entry's day, which its first UPDATE has set).
_COURSE = (
    f"""course_id = (SELECT co.id {_LATEST_COURSE}),
  course_end = (SELECT COALESCE((SELECT max(x.new_end) FROM course_extension x
                                  WHERE x.course_id = co.id), co.planned_end) {_LATEST_COURSE})""",
)
_ACTIONS = (
    f"""open_actions = (SELECT count(*) FROM action_item a
                   WHERE a.citizen_id = {_WHO} AND a.done_on IS NULL)""",
)
_MEETINGS = (
    f"""last_held = (SELECT max(m.starts_at) FROM meeting m
                WHERE m.citizen_id = {_WHO} AND m.status = 'held'),
  next_planned = (SELECT min(m.starts_at) FROM meeting m
                   WHERE m.citizen_id = {_WHO} AND m.status = 'planned')""",
)
_HOURS = f"""hours_from = (SELECT h.from_date {_LATEST_STEP}),
  hours_per_week = (SELECT h.hours_per_week {_LATEST_STEP})"""
_PLACEMENT = (
    f"""placement_id = (SELECT p.id {_LATEST_PLACEMENT}),
  placement_start = (SELECT p.start_date {_LATEST_PLACEMENT}),
  placement_end = (SELECT p.end_date {_LATEST_PLACEMENT}),
  {_HOURS}""",
)
_FOLLOW_UPS = (
    f"""follow_up_due = (SELECT min(j.follow_up_on) FROM job_contact j
                    WHERE j.citizen_id = {_WHO} AND j.followed_up_on IS NULL)""",
)


def _logbook(dialect: Dialect) -> tuple[str, str]:
    bit = f"1 << (caseload_summary.log_day - {dialect.day('l.entry_date')})"
    return (
        f"log_day = {dialect.day(_LATEST_ENTRY)}",
        f"""(log_days, log_present, log_extra) = (
    SELECT sum(DISTINCT {bit}),
           sum(DISTINCT CASE WHEN l.attendance = 'present' THEN {bit} END),
           count(*) - count(DISTINCT l.entry_date)
      FROM logbook_entry l WHERE l.citizen_id = {_WHO}
       AND l.entry_date > {dialect.days_before(_LATEST_ENTRY, LOGBOOK_WINDOW_DAYS)})""",
    )


def _all(dialect: Dialect) -> tuple[str, ...]:
    """Every column: one UPDATE for all the single ones, then the logbook's second."""
    first, second = _logbook(dialect)
    singles = [*_COURSE, *_ACTIONS, *_MEETINGS, *_PLACEMENT, *_FOLLOW_UPS, first]
    return (", ".join(singles), second)


def _refresh(parts: tuple[str, ...], who: str) -> str:
    """Recompute ``parts`` of the summary rows of the citizens ``who`` (SQL)."""
    # One line: trigger texts are parsed on every connection's first statement.
    return "; ".join(
        " ".join(f"UPDATE caseload_summary SET {part} WHERE citizen_id IN ({who})".split())
        for part in parts
    )


# (table, the columns the summary is made from, the citizen of a row, what it decides).
def _sources(dialect: Dialect) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [
        ("course", "citizen_id, start_date, end_date, planned_end", "{row}.citizen_id", _COURSE),
        (
            "course_extension",
            "course_id, new_end",
            "SELECT citizen_id FROM course WHERE id = {row}.course_id",
            _COURSE,
        ),
        ("action_item", "citizen_id, done_on", "{row}.citizen_id", _ACTIONS),
        ("meeting", "citizen_id, status, starts_at", "{row}.citizen_id", _MEETINGS),
        ("placement", "citizen_id, start_date, end_date", "{row}.citizen_id", _PLACEMENT),
        (
            "hours_step",
            "placement_id, from_date, hours_per_week",
            "SELECT citizen_id FROM placement WHERE id = {row}.placement_id",
            (_HOURS,),
        ),
        (
            "logbook_entry",
            "citizen_id, entry_date, attendance",
            "{row}.citizen_id",
            _logbook(dialect),
        ),
        (
            "job_contact",
            "citizen_id, follow_up_on, followed_up_on",
            "{row}.citizen_id",
            _FOLLOW_UPS,
        ),
    ]


def _trigger(name: str, event: str, table: str, body: str) -> str:
    return (
        f'CREATE TRIGGER IF NOT EXISTS "{name}" AFTER {event} ON "{table}" '
        f"FOR EACH ROW BEGIN {body}; END"
    )


def sources(dialect: Dialect = SQLITE) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """(table, its columns the summary reads, the citizen of NEW, of OLD, the
    SET clauses it decides) for every table the summary is made from."""
    made = []
    for table, columns, citizen, parts in _sources(dialect):
        new, old = citizen.format(row="NEW"), citizen.format(row="OLD")
        if citizen.startswith("SELECT"):  # a sub-select: one per IN (...) item
            new, old = f"({new})", f"({old})"
        made.append((table, columns, new, old, parts))
    return made


def refresh(parts: tuple[str, ...], who: str) -> str:
    """The UPDATEs that recompute ``parts`` for the citizens ``who`` (the
    team database's triggers are made from the same pieces)."""
    return _refresh(parts, who)


def refresh_all(who: str, dialect: Dialect = SQLITE) -> str:
    """Recompute every column for the citizens ``who``."""
    return _refresh(_all(dialect), who)


def _triggers() -> list[str]:
    made = [
        _trigger(
            "caseload_summary_citizen_insert",
            "INSERT",
            "citizen",
            "INSERT OR IGNORE INTO caseload_summary (citizen_id) VALUES (NEW.id); "
            + refresh_all("NEW.id"),
        )
    ]
    for table, columns, new, old, parts in sources():
        made += [
            _trigger(f"caseload_summary_{table}_insert", "INSERT", table, _refresh(parts, new)),
            _trigger(f"caseload_summary_{table}_delete", "DELETE", table, _refresh(parts, old)),
            _trigger(
                f"caseload_summary_{table}_update",
                f"UPDATE OF {columns}",
                table,
                _refresh(parts, f"{old}, {new}"),
            ),
        ]
    return made


TRIGGERS = _triggers()

#: What a new database gets (after its tables): the table, then its triggers.
STATEMENTS = [TABLE, *TRIGGERS]


def fill(dialect: Dialect = SQLITE) -> list[str]:
    """Fill an empty summary table for the citizens already there."""
    everyone = "SELECT id FROM citizen"
    return [
        f"INSERT INTO caseload_summary (citizen_id) {everyone}",
        *(_refresh((part,), everyone) for part in _all(dialect)),
    ]


#: Fill the (empty) table for the citizens already there (SQLite).
FILL = fill()


def is_current(columns: list[str]) -> bool:
    """Are ``columns`` (a summary table's, in order) this definition's?"""
    return tuple(columns) == _COLUMNS
