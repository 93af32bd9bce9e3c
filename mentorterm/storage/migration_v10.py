"""Schema 10: the provider's own work (issue 20).

- ``workplace`` (the register), ``group_series``, ``group_session``,
  ``session_participant`` (models/provider.py), ``cv_status``,
  ``job_contact``, ``target_company`` (models/jobsearch.py): new and empty.
- ``placement.workplace_id`` (``Placement.site``), the register's workplace a
  placement is linked to: the placement table is rebuilt from today's model
  (every row kept, the link empty), so the column stands where a new
  database has it, before ``version``. A placement table an earlier step of
  the same upgrade rebuilt from today's model has it already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import (
    CvStatus,
    GroupSeries,
    GroupSession,
    JobContact,
    Placement,
    SessionParticipant,
    TargetCompany,
    Workplace,
)
from .rebuild import rebuild_table

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator

NEW_TABLES = (
    Workplace,
    GroupSeries,
    GroupSession,
    SessionParticipant,
    CvStatus,
    JobContact,
    TargetCompany,
)


def to_schema_10(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Make the new tables, then give the placement table its workplace link."""
    del migrator
    database.create_tables(list(NEW_TABLES))
    columns = {row[1] for row in database.execute_sql('PRAGMA table_info("placement")')}
    if "workplace_id" not in columns:
        rebuild_table(database, Placement, aside_suffix="schema9")
