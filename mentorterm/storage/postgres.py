"""The team database on PostgreSQL: connecting, its schema and its triggers.

A team database is addressed as ``postgresql://mentor@host:5432/team``
(libpq's URI; ``?sslmode=verify-full&sslrootcert=…`` for TLS). The password
is never in the address a mentor types: it comes from libpq's own places
(``~/.pgpass``, ``PGPASSWORD``, a service file) or is given to ``connect``
by the caller (a prompt, ``--passphrase-file``). The schema is made by
``init_schema`` (``mentorterm team init``), never by opening: a mentor's
program does not create tables on the team's server.

What SQLite keeps with ``PRAGMA user_version`` and ``CREATE TRIGGER … BEGIN
… END`` is here a ``mentorterm_schema`` table and PL/pgSQL functions; the
same invariants hold on both engines (tests/test_team_engine.py).
"""

from __future__ import annotations

import re
from typing import Any

import peewee

from ..i18n import _
from ..models import ALL_MODELS, AUDIT_MODELS, SYNC_MODELS
from . import summary, team_access
from .errors import DatabaseMissing, DatabaseTooNew, StorageError
from .migration_v11 import uid_indexes
from .pg_errors import connection_error

#: Where a team database keeps its schema version (SQLite: PRAGMA user_version).
VERSION_TABLE = "mentorterm_schema"

# A moment is microseconds since 1970: more than PostgreSQL's 4-byte INTEGER.
FIELD_TYPES = {"INTEGER": "BIGINT"}


def redacted(target: str) -> str:
    """The address without any password in it, as messages and titles show it."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(target)
    except Exception:  # noqa: BLE001 - a malformed address is shown as its scheme only
        return "postgresql://…"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname', '')}"


def short_label(target: str) -> str:
    """The team database as the title bar names it: "team · server.example"."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(target)
    except Exception:  # noqa: BLE001 - a malformed address: its scheme only
        return "postgresql"
    host = parts.get("host") or "localhost"
    if host.startswith("/"):
        host = "local"  # a Unix socket
    return f"{parts.get('dbname') or parts.get('user') or 'postgres'} · {host}"


def _connect_params(target: str, password: str | None) -> tuple[str, dict[str, Any]]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(target)
    except Exception as exc:  # noqa: BLE001 - psycopg's ProgrammingError, in words
        raise StorageError(
            _("{target} is not a database address mentorterm can read: {reason}").format(
                target=redacted(target), reason=exc
            )
        ) from exc
    name = params.pop("dbname", None) or params.get("user") or "postgres"
    if password:
        params["password"] = password
    params.setdefault("application_name", "mentorterm")
    # No JIT compilation: the review's statements are estimated as costly
    # (thousands of correlated subqueries), so the server would spend ~2 s
    # compiling what runs in a few hundred ms (bench/README.md, team).
    params["options"] = " ".join(filter(None, [params.get("options"), "-c jit=off"]))
    params.setdefault("connect_timeout", 10)
    return str(name), params


def _without_nul(connection) -> None:
    """PostgreSQL's text cannot hold a NUL character (SQLite's can): a NUL,
    which is never part of what a mentor writes (a stray byte in a pasted or
    imported text), is left out instead of refusing the whole save."""
    from psycopg.types.string import StrBinaryDumper, StrDumperUnknown

    class TextDumper(StrDumperUnknown):
        def dump(self, obj):
            return super().dump(obj.replace("\x00", ""))

    class BinaryDumper(StrBinaryDumper):
        def dump(self, obj):
            return super().dump(obj.replace("\x00", ""))

    # The text one last: it is also the one used when no format is asked
    # (its type is "unknown", so '2026-11-22' compares with a DATE column).
    connection.adapters.register_dumper(str, BinaryDumper)
    connection.adapters.register_dumper(str, TextDumper)


#: The team's write lock, held to the end of the transaction; the audit chain
#: takes the same one before it appends (storage/audit_chain.py).
WRITE_LOCK = "SELECT pg_advisory_xact_lock(7301)"
_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def make_database(target: str, password: str | None = None) -> peewee.Database:
    """The peewee database for ``target`` (not yet connected)."""
    from ..drivers import give_peewee_psycopg

    give_peewee_psycopg()  # before playhouse's import: it reads what peewee has
    from playhouse.postgres_ext import Psycopg3Database

    class TeamDatabase(Psycopg3Database):
        def _connect(self):
            connection = super()._connect()
            _without_nul(connection)
            return connection

        # SQLite's IMMEDIATE, here: a transaction takes the team's write lock
        # at its first write, so two mentors' saves run one after the other
        # instead of each taking a row the other needs next (which PostgreSQL
        # ends by aborting one: a deadlock). Readers never wait for it.
        def begin(self, *args, **kwargs):
            super().begin(*args, **kwargs)
            self._state.write_locked = False

        def execute_sql(self, sql, params=None, *args, **kwargs):
            if not getattr(self._state, "write_locked", True) and _WRITES.match(sql):
                self._state.write_locked = True
                super().execute_sql(WRITE_LOCK)
            return super().execute_sql(sql, params, *args, **kwargs)

    name, params = _connect_params(target, password)
    return TeamDatabase(name, field_types=FIELD_TYPES, **params)


def connect(target: str, password: str | None = None) -> peewee.Database:
    """Connect to the team database at ``target``; StorageError in words on failure."""
    database = make_database(target, password)
    try:
        database.connect()
    except peewee.DatabaseError as exc:
        raise connection_error(exc, redacted(target)) from exc
    return database


def try_team_login(target: str, password: str | None = None) -> None:
    """Connect and leave again: StorageError in words when it cannot be done
    (the app asks for a password before it starts, not halfway)."""
    connect(target, password).close()


def schema_version(database: peewee.Database) -> int:
    """The schema version of the team database; 0 when it has no mentorterm schema."""
    exists = database.execute_sql("SELECT to_regclass(%s)", (VERSION_TABLE,)).fetchone()[0]
    if exists is None:
        return 0
    row = database.execute_sql(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
    return int(row[0] or 0)


def init_schema(database: peewee.Database, version: int) -> None:
    """Every table, trigger and function of a new team database, as schema ``version``.

    One transaction: a failure leaves the database as it was."""
    models = ALL_MODELS + AUDIT_MODELS + SYNC_MODELS
    with database.bind_ctx(models), database.atomic():
        database.create_tables(models)
        for statement in STATEMENTS + uid_indexes():
            database.execute_sql(statement)
        database.execute_sql(f"CREATE TABLE {VERSION_TABLE} (version INTEGER NOT NULL)")
        database.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (version,))
        for statement in team_access.statements():
            database.execute_sql(statement)


def _function(name: str, body: str, returns: str = "NULL", definer: bool = False) -> str:
    # SECURITY DEFINER: runs as the schema's owner, so a mentor's write keeps
    # the derived caseload summary current without a right to write it.
    rights = " SECURITY DEFINER SET search_path = public" if definer else ""
    return (
        f'CREATE OR REPLACE FUNCTION "{name}"() RETURNS trigger LANGUAGE plpgsql{rights} AS $$ '
        f"BEGIN {body}; RETURN {returns}; END $$"
    )


def _trigger(
    name: str, when: str, table: str, body: str, returns: str = "NULL", definer: bool = False
) -> list[str]:
    """A row trigger ``name`` on ``table`` running ``body`` (PL/pgSQL)."""
    return [
        _function(name, body, returns, definer),
        f'CREATE TRIGGER "{name}" {when} ON "{table}" FOR EACH ROW EXECUTE FUNCTION "{name}"()',
    ]


# The invariants storage/schema.py keeps on SQLite, in PL/pgSQL.
_INVARIANTS = [
    *_trigger(
        "logbook_entry_citizen",
        "BEFORE INSERT OR UPDATE OF citizen_id, placement_id",
        "logbook_entry",
        "IF NEW.citizen_id IS DISTINCT FROM (SELECT citizen_id FROM placement "
        "WHERE id = NEW.placement_id) THEN RAISE EXCEPTION "
        "'logbook entry citizen differs from placement citizen' USING ERRCODE = '23514'; END IF",
        returns="NEW",
    ),
    *_trigger(
        "audit_entry_no_update",
        "BEFORE UPDATE",
        "audit_entry",
        "RAISE EXCEPTION 'audit log entries cannot be changed' USING ERRCODE = '23514'",
    ),
    *_trigger(
        "audit_entry_no_delete",
        "BEFORE DELETE",
        "audit_entry",
        "IF OLD.action = 'erase' OR OLD.citizen_id IS NULL OR OLD.citizen_id NOT IN "
        "(SELECT citizen_id FROM erasure_in_progress) THEN RAISE EXCEPTION "
        "'audit log entries go only when their citizen is erased' USING ERRCODE = '23514'; "
        "END IF",
        returns="OLD",
    ),
    # The audit log's counter: the highest id ever given (SQLite's
    # sqlite_sequence), in the appending transaction, so a rolled-back
    # append leaves no gap and an erasure never lets an id come back.
    "CREATE TABLE audit_counter (last_id BIGINT NOT NULL)",
    "INSERT INTO audit_counter (last_id) VALUES (0)",
]


def _summary() -> list[str]:
    made = [
        summary.TABLE.replace("DATETIME", "TIMESTAMP"),
        *_trigger(
            "caseload_summary_citizen_insert",
            "AFTER INSERT",
            "citizen",
            "INSERT INTO caseload_summary (citizen_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; "
            + summary.refresh_all("NEW.id", summary.POSTGRES),
            definer=True,
        ),
    ]
    for table, columns, new, old, parts in summary.sources(summary.POSTGRES):
        made += _trigger(
            f"caseload_summary_{table}_insert",
            "AFTER INSERT",
            table,
            summary.refresh(parts, new),
            definer=True,
        )
        made += _trigger(
            f"caseload_summary_{table}_delete",
            "AFTER DELETE",
            table,
            summary.refresh(parts, old),
            definer=True,
        )
        made += _trigger(
            f"caseload_summary_{table}_update",
            f"AFTER UPDATE OF {columns}",
            table,
            summary.refresh(parts, f"{old}, {new}"),
            definer=True,
        )
    return made


#: What a new team database gets after its tables.
STATEMENTS = [*_INVARIANTS, *_summary()]


def open_team(target: str, *, password: str | None = None) -> peewee.Database:
    """Connect to the team database at ``target`` and bind the models to it.

    The schema must be there at this program's version (``team init`` made
    it; an older one is upgraded by the team lead, never by a mentor's start)."""
    from ..models import db
    from .migrations import SCHEMA_VERSION
    from .upkeep import ensure_default_mentor

    where = redacted(target)
    database = connect(target, password)
    try:
        version = schema_version(database)
        if version == 0:
            raise DatabaseMissing(
                _(
                    "The team database {where} has no mentorterm tables yet. Ask your team "
                    "lead to run 'mentorterm team init' on it."
                ).format(where=where)
            )
        if version < SCHEMA_VERSION:
            raise DatabaseTooNew(
                _(
                    "The team database {where} is at schema {found}, older than this "
                    "mentorterm's schema {ours}. The team lead (the role that ran 'mentorterm "
                    "team init') upgrades it, all or nothing, with: mentorterm team upgrade "
                    "--db {where}. Nothing was changed."
                ).format(where=where, found=version, ours=SCHEMA_VERSION)
            )
        if version != SCHEMA_VERSION:
            raise DatabaseTooNew(
                _(
                    "The team database {where} is at schema {found}; this mentorterm works "
                    "with schema {ours}. Update mentorterm, or ask your team lead to upgrade "
                    "the team database. Nothing was changed."
                ).format(where=where, found=version, ours=SCHEMA_VERSION)
            )
        db.initialize(database)
        ensure_default_mentor()
    except BaseException:
        database.close()
        raise
    return database


def init_team(target: str, *, password: str | None = None) -> int:
    """Make the mentorterm schema in the (empty) team database at ``target``.

    Refused when it already has one; the schema version made."""
    from .migrations import SCHEMA_VERSION

    where = redacted(target)
    database = connect(target, password)
    try:
        found = schema_version(database)
        if found:
            raise StorageError(
                _(
                    "The team database {where} already has mentorterm's tables (schema "
                    "{found}). Nothing was changed."
                ).format(where=where, found=found)
            )
        try:
            init_schema(database, SCHEMA_VERSION)
        except peewee.DatabaseError as exc:
            if "permission denied" in str(exc).lower():
                raise connection_error(exc, where) from exc
            raise StorageError(
                _(
                    "'mentorterm team init' could not finish on {where}, so none of it was "
                    "kept: {reason}"
                ).format(where=where, reason=str(exc).strip().splitlines()[0])
            ) from exc
    finally:
        database.close()
    return SCHEMA_VERSION


def upgrade_team(target: str, *, password: str | None = None) -> tuple[int, int]:
    """``mentorterm team upgrade`` (storage/team_upgrade.py)."""
    from .team_upgrade import upgrade_team as upgrade

    return upgrade(target, password=password)


def add_team_mentor(login: str, name: str, password: str | None, *, lead: bool = False) -> int:
    """A mentor's own login in the open team database (the lead's command)."""
    from ..models import db

    try:
        return team_access.add_mentor(db.obj, login, name, password, lead=lead)
    except peewee.DatabaseError as exc:
        raise connection_error(exc, str(db.obj.database)) from exc


def deactivate_team_mentor(login: str) -> None:
    from ..models import db

    try:
        team_access.deactivate_mentor(db.obj, login)
    except peewee.DatabaseError as exc:
        raise connection_error(exc, str(db.obj.database)) from exc


def team_mentor_of(login: str) -> int:
    """The mentor id of a login in the open team database."""
    from ..models import db

    return team_access.mentor_of(db.obj, login)


def team_mentor_id() -> int | None:
    """The mentor of this login in the open team database (None: no mentor's login)."""
    from ..models import db

    return team_access.me(db.obj)
