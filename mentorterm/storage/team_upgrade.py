"""``mentorterm team upgrade``: an older team database brought to this
program's schema, all or nothing (one transaction: PostgreSQL's DDL is
transactional, so a failure half-way leaves the database as it was).

Run by the role that made the schema (``team init``'s, the tables' owner):
a mentor's login cannot alter the tables and is told so. What the upgrade does:

- the tables a later schema added (schema 9: ``handover``, ``cover``;
  schema 10: the provider's own) are made, and the columns it added (schema
  9: every table's ``version``; schema 10: ``placement.workplace_id``;
  schema 11: every record table's ``uid``, each row its own; schema 12:
  ``meeting.aftercare_situation``) are added, the existing rows given the column's default;
- every trigger, function, policy and grant ``team init`` makes is dropped
  and made again from this program's definitions, so the rules of access are
  exactly those of a new team database (run again at the current schema, it
  renews them: a database made before a rule changed gets the new rule);
- the caseload summary (derived data, storage/summary.py) is made again from
  the tables when its columns are not this program's (schema 14's logbook
  and follow-up columns);
- the schema version is set.

The rows are not touched otherwise.
"""

from __future__ import annotations

import re

import peewee

from ..i18n import _
from ..models import ALL_MODELS, AUDIT_MODELS, SYNC_MODELS
from . import summary, team_access
from .errors import DatabaseMissing, DatabaseTooNew, StorageError
from .migration_v11 import uid_statements_pg

_TRIGGER = re.compile(r'CREATE TRIGGER "([^"]+)" .* ON "([^"]+)" FOR EACH ROW', re.DOTALL)


def _missing_columns(database: peewee.Database) -> list[tuple[str, peewee.Field]]:
    missing = []
    for model in ALL_MODELS + AUDIT_MODELS + SYNC_MODELS:
        table = model._meta.table_name
        have = {c.name for c in database.get_columns(table)}
        missing += [(table, f) for f in model._meta.sorted_fields if f.column_name not in have]
    return missing


def _triggers_again(statements: list[str]) -> list[str]:
    """The triggers of ``statements`` dropped first, then the statements that
    make functions and triggers (not the tables and rows made once)."""
    made = [_TRIGGER.match(s) for s in statements]
    drops = [
        f'DROP TRIGGER IF EXISTS "{m.group(1)}" ON "{m.group(2)}"' for m in made if m is not None
    ]
    again = [
        s
        for s in statements
        if s.startswith(("CREATE OR REPLACE FUNCTION", "CREATE TRIGGER", "CREATE TABLE IF"))
    ]
    return drops + again


def _drop_access(database: peewee.Database) -> None:
    """Every policy on the public tables and every ``mentorterm_*`` function
    (the old-row guards' triggers go with theirs)."""
    for table, policy in database.execute_sql(
        "SELECT tablename, policyname FROM pg_policies WHERE schemaname = 'public'"
    ).fetchall():
        database.execute_sql(f'DROP POLICY "{policy}" ON "{table}"')
    for (signature,) in database.execute_sql(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
        "ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND starts_with(p.proname, 'mentorterm_')"
    ).fetchall():
        database.execute_sql(f"DROP FUNCTION {signature} CASCADE")


def _summary_is_current(database: peewee.Database) -> bool:
    """Has the team database's caseload summary this program's columns?"""
    columns = database.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name = 'caseload_summary' ORDER BY ordinal_position"
    ).fetchall()
    return summary.is_current([name for (name,) in columns])


def upgrade_schema(database: peewee.Database, version: int) -> int:
    """Bring the connected team database to schema ``version``; the version it had."""
    from playhouse.migrate import PostgresqlMigrator, migrate

    from .postgres import STATEMENTS, VERSION_TABLE, schema_version

    models = ALL_MODELS + AUDIT_MODELS + SYNC_MODELS
    with database.bind_ctx(models), database.atomic():
        found = schema_version(database)
        if found == 0:
            raise DatabaseMissing(
                _("It has no mentorterm tables yet: run 'mentorterm team init' on it instead.")
            )
        if found > version:
            raise DatabaseTooNew(
                _(
                    "It is at schema {found}, newer than this mentorterm's {ours}: update "
                    "mentorterm instead. Nothing was changed."
                ).format(found=found, ours=version)
            )
        # The missing tables first, then the missing columns, then every index
        # (an index of a new column, as schema 10's placement link, needs the column).
        for model in models:
            model._schema.create_table(safe=True)
        migrator = PostgresqlMigrator(database)
        missing = _missing_columns(database)
        # Schema 11's uid: each row its own (a column default would give all one).
        without_uid = {t for t, f in missing if f.column_name == "uid"}
        missing = [(t, f) for t, f in missing if f.column_name != "uid"]
        migrate(*(migrator.add_column(t, f.column_name, f) for t, f in missing))
        for statement in uid_statements_pg(without_uid):
            database.execute_sql(statement)
        for model in models:
            model._schema.create_indexes(safe=True)
        _drop_access(database)
        # Made again from the tables (after the rules of access: every record
        # table's rows are hidden from its owner too while it has no policy).
        summary_again = not _summary_is_current(database)
        if summary_again:
            database.execute_sql('DROP TABLE IF EXISTS "caseload_summary"')
        for statement in _triggers_again(STATEMENTS):
            database.execute_sql(statement)
        for statement in team_access.statements():
            database.execute_sql(statement)
        if summary_again:
            for statement in summary.fill(summary.POSTGRES):
                database.execute_sql(statement)
        database.execute_sql(f"UPDATE {VERSION_TABLE} SET version = %s", (version,))
    return found


def upgrade_team(target: str, *, password: str | None = None) -> tuple[int, int]:
    """``mentorterm team upgrade``: (the schema it had, the schema it has now)."""
    from .migrations import SCHEMA_VERSION
    from .postgres import connect, connection_error, redacted

    where = redacted(target)
    database = connect(target, password)
    try:
        try:
            found = upgrade_schema(database, SCHEMA_VERSION)
        except (DatabaseMissing, DatabaseTooNew) as exc:
            raise type(exc)(
                _("The team database {where}: {reason}").format(where=where, reason=exc)
            ) from exc
        except peewee.DatabaseError as exc:
            text = str(exc).lower()
            if "must be owner" in text or "permission denied" in text:
                raise StorageError(
                    _(
                        "Only the role that made the team database {where} (the one that ran "
                        "'mentorterm team init', the tables' owner) can upgrade it. Nothing "
                        "was changed."
                    ).format(where=where)
                ) from exc
            if "could not connect" in text or "connection" in text:
                raise connection_error(exc, where) from exc
            raise StorageError(
                _(
                    "'mentorterm team upgrade' could not finish on {where}, so none of it was "
                    "kept: {reason}"
                ).format(where=where, reason=str(exc).strip().splitlines()[0])
            ) from exc
    finally:
        database.close()
    return found, SCHEMA_VERSION
