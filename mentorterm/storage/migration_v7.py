"""Schema 7: what the mentor knew on a day, dated (issue 17).

- ``course.end_decided_on`` and ``placement.end_decided_on``: the day an end
  was decided. For an end already recorded the migration takes the end's own
  recording day when the audit log knows it (its "course ended" /
  "placement ended" row, schema 4 on); else the earlier of the end date and
  the day the row was last changed (the end was known by then at the latest:
  an end written ahead, with the placement, is not taken as unknown until its
  last day).
- ``meeting.status_before`` and ``meeting.status_changed_on``: the status's
  last change, dated (planned → cancelled on …). Existing meetings have none:
  their status is taken as it is now, the only thing known.
- ``sub_goal.created_on`` and ``action_item.created_on``: the record's own
  day, filled from the row's ``created_at`` (UTC).

New columns change the tables' CREATE statements, which SQLite can only match
by rebuilding them, as schema 6 did (migration_v6): indexes dropped, the old
table set aside with legacy_alter_table on, the new one made as a new
database makes it, every row copied with its id and values, the old one
dropped. Then the new columns are filled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import ActionItem, Course, Meeting, Placement, SubGoal
from .rebuild import rebuild_table

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator

REBUILT = (Course, SubGoal, Placement, Meeting, ActionItem)


def _rebuild(database: peewee.SqliteDatabase, model) -> None:
    rebuild_table(database, model, aside_suffix="schema6")


def _day(stamp: str) -> str:
    """SQL: the UTC day of an integer-microsecond stamp, as ISO text."""
    return f"date({stamp} / 1000000, 'unixepoch')"


def _end_decided(table: str, purpose: str) -> str:
    return f"""
UPDATE "{table}" SET end_decided_on = COALESCE(
    (SELECT substr(max(a.at), 1, 10) FROM audit_entry a
      WHERE a.what = '{table}' AND a.record_id = "{table}".id AND a.purpose = '{purpose}'),
    min(end_date, {_day("updated_at")}))
WHERE end_date IS NOT NULL"""


STATEMENTS = (
    _end_decided("course", "course ended"),
    _end_decided("placement", "placement ended"),
    f'UPDATE "sub_goal" SET created_on = {_day("created_at")}',
    f'UPDATE "action_item" SET created_on = {_day("created_at")}',
)


def to_schema_7(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Rebuild the five tables with their new columns, then fill them."""
    del migrator  # the step works on the tables directly, as schema 6's did
    for model in REBUILT:
        _rebuild(database, model)
    for statement in STATEMENTS:
        database.execute_sql(statement)
