"""The caseload summary: per citizen, what the caseload would look up row by row.

One row per citizen (``caseload_summary``), kept current by triggers on the
tables it is made from, so the org-wide caseload reads one row per citizen
instead of running seven lookups for each (bench/README.md has the figures).
What it holds does not depend on the day: the latest course and its planned
end after extensions, the open action items, the latest held and the first
planned meeting, the placement started last and its latest hours step. The
caseload (domain/caseload.py) uses a value only where it answers for the day
asked about, and otherwise asks the tables, so every figure is as exact as
without the summary. It is derived data: not a record, not exported, gone
with its citizen (ON DELETE CASCADE).
"""

from __future__ import annotations

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
    "hours_per_week" REAL)"""

_WHO = "caseload_summary.citizen_id"
_LATEST_COURSE = f"""FROM course co WHERE co.citizen_id = {_WHO}
     ORDER BY co.end_date IS NULL DESC, co.start_date DESC, co.id DESC LIMIT 1"""
_LATEST_PLACEMENT = f"""FROM placement p WHERE p.citizen_id = {_WHO}
     ORDER BY p.start_date DESC, p.id DESC LIMIT 1"""
_LATEST_STEP = f"""FROM hours_step h WHERE h.placement_id = (SELECT p.id {_LATEST_PLACEMENT})
     ORDER BY h.from_date DESC LIMIT 1"""

# What each kind of row decides, as SET clauses correlated to the summary row.
_COURSE = f"""course_id = (SELECT co.id {_LATEST_COURSE}),
  course_end = (SELECT COALESCE((SELECT max(x.new_end) FROM course_extension x
                                  WHERE x.course_id = co.id), co.planned_end) {_LATEST_COURSE})"""
_ACTIONS = f"""open_actions = (SELECT count(*) FROM action_item a
                   WHERE a.citizen_id = {_WHO} AND a.done_on IS NULL)"""
_MEETINGS = f"""last_held = (SELECT max(m.starts_at) FROM meeting m
                WHERE m.citizen_id = {_WHO} AND m.status = 'held'),
  next_planned = (SELECT min(m.starts_at) FROM meeting m
                   WHERE m.citizen_id = {_WHO} AND m.status = 'planned')"""
_HOURS = f"""hours_from = (SELECT h.from_date {_LATEST_STEP}),
  hours_per_week = (SELECT h.hours_per_week {_LATEST_STEP})"""
_PLACEMENT = f"""placement_id = (SELECT p.id {_LATEST_PLACEMENT}),
  placement_start = (SELECT p.start_date {_LATEST_PLACEMENT}),
  placement_end = (SELECT p.end_date {_LATEST_PLACEMENT}),
  {_HOURS}"""


def _refresh(parts: str, who: str) -> str:
    """Recompute ``parts`` of the summary rows of the citizens ``who`` (SQL)."""
    # One line: trigger texts are parsed on every connection's first statement.
    return " ".join(f"UPDATE caseload_summary SET {parts} WHERE citizen_id IN ({who})".split())


#: Fill every column of every row (the upgrade to schema 6, and the tests).
REFRESH_ALL = _refresh(
    ", ".join([_COURSE, _ACTIONS, _MEETINGS, _PLACEMENT]), "SELECT id FROM citizen"
)

# (table, the columns the summary is made from, the citizen of a row, what it decides).
_SOURCES = [
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
        _HOURS,
    ),
]


def _trigger(name: str, event: str, table: str, body: str) -> str:
    return (
        f'CREATE TRIGGER IF NOT EXISTS "{name}" AFTER {event} ON "{table}" '
        f"FOR EACH ROW BEGIN {body}; END"
    )


def _triggers() -> list[str]:
    made = [
        _trigger(
            "caseload_summary_citizen_insert",
            "INSERT",
            "citizen",
            "INSERT OR IGNORE INTO caseload_summary (citizen_id) VALUES (NEW.id); "
            + _refresh(", ".join([_COURSE, _ACTIONS, _MEETINGS, _PLACEMENT]), "NEW.id"),
        )
    ]
    for table, columns, citizen, parts in _SOURCES:
        new, old = citizen.format(row="NEW"), citizen.format(row="OLD")
        if citizen.startswith("SELECT"):  # a sub-select: one per IN (...) item
            new, old = f"({new})", f"({old})"
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


def refresh(parts: str, who: str) -> str:
    """The UPDATE that recomputes ``parts`` for the citizens ``who`` (the
    team database's triggers are made from the same pieces)."""
    return _refresh(parts, who)


def refresh_all(who: str) -> str:
    """Recompute every column for the citizens ``who``."""
    return _refresh(", ".join([_COURSE, _ACTIONS, _MEETINGS, _PLACEMENT]), who)


def sources() -> list[tuple[str, str, str, str, str]]:
    """(table, its columns the summary reads, the citizen of NEW, of OLD, the
    SET clauses it decides) for every table the summary is made from."""
    made = []
    for table, columns, citizen, parts in _SOURCES:
        new, old = citizen.format(row="NEW"), citizen.format(row="OLD")
        if citizen.startswith("SELECT"):
            new, old = f"({new})", f"({old})"
        made.append((table, columns, new, old, parts))
    return made


#: What a new database gets (after its tables): the table, then its triggers.
STATEMENTS = [TABLE, *TRIGGERS]

#: Fill the table for the citizens already there (the upgrade to schema 6).
FILL = [
    "INSERT OR IGNORE INTO caseload_summary (citizen_id) SELECT id FROM citizen",
    REFRESH_ALL,
]
