"""Small questions on the open database: its mentor, file, version, counts, integrity, duplicates."""

from __future__ import annotations

from pathlib import Path

from .. import models
from ..i18n import _
from ..models import db
from .engine import execute, is_postgres
from .errors import StorageError


def ensure_default_mentor() -> models.Mentor:
    """The mentor a per-user database's records belong to (created once); on
    the team database, the mentor behind this login (storage/team_access.py),
    or for the team lead's own administration login the database's default."""
    if is_postgres():
        from .team_access import is_lead, me

        mine = me(db.obj)
        if mine is not None:
            return models.Mentor.get_by_id(mine)
        if not is_lead(db.obj):
            raise StorageError(
                _(
                    "Your login is not a mentor of this team database. Ask your team lead "
                    "to add you (mentorterm team add-mentor). Nothing was changed."
                )
            )
    mentor = models.Mentor.get_or_none(models.Mentor.is_default == True)
    if mentor is None:
        with db.atomic():
            mentor = models.Mentor.create(name=_("Me"), is_default=True)
    return mentor


def has_default_mentor() -> bool:
    """A per-user database whose own mentor exists (asked in SQL: the models,
    and the time they take to load, are not needed for the first frame)."""
    if is_postgres():
        return False  # the mentor behind the login is found by ensure_default_mentor
    return execute("SELECT 1 FROM mentor WHERE is_default LIMIT 1").fetchone() is not None


def has_draft() -> bool:
    """Whether any kept draft exists (one indexed query, without the models)."""
    return execute("SELECT 1 FROM draft LIMIT 1").fetchone() is not None


def has_audit_mark(action: str, what: str) -> bool:
    """Whether the audit log holds a row of this action and kind (e.g. the demo's mark)."""
    sql = "SELECT 1 FROM audit_entry WHERE action = ? AND what = ? LIMIT 1"
    return execute(sql, (action, what)).fetchone() is not None


def active_mentor_ids() -> set[int] | None:
    """On the team database, the mentors whose login may connect (a
    deactivated login, or a mentor row with no login, is nobody to hand a
    citizen to); None on a mentor's own database, where every mentor is."""
    if not is_postgres():
        return None
    rows = db.execute_sql(
        "SELECT l.mentor_id FROM mentor_login l JOIN pg_roles r ON r.rolname = l.login "
        "WHERE r.rolcanlogin"
    ).fetchall()
    return {int(mentor_id) for (mentor_id,) in rows}


def writable_citizen_ids() -> set[int] | None:
    """On the team database, the citizens this login may write about (a mentor's
    own and those they cover today; the lead's and the administrator's: all);
    None on a mentor's own database, where every citizen is."""
    if not is_postgres():
        return None
    rows = db.execute_sql(
        "SELECT id FROM citizen WHERE mentorterm_me() IS NULL OR mentorterm_may_write(id)"
    ).fetchall()
    return {int(citizen_id) for (citizen_id,) in rows}


def schema_version() -> int:
    if is_postgres():
        from .postgres import schema_version as team_schema_version

        return team_schema_version(db.obj)
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def row_counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in models.ALL_MODELS}


def integrity_problems() -> list[str]:
    """SQLite's own checks: page integrity and dangling foreign keys (the
    team's PostgreSQL server keeps both itself, always)."""
    problems: list[str] = []
    if is_postgres():
        return problems
    for (line,) in db.execute_sql("PRAGMA integrity_check").fetchall():
        if line != "ok":
            problems.append(_("Integrity: {detail}").format(detail=line))
    for table, rowid, parent, _fk in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(
            _("Broken link: {table} row {rowid} points to a missing {parent} row.").format(
                table=table, rowid=rowid, parent=parent
            )
        )
    return problems


def is_duplicate(exc: BaseException, table: str, *columns: str) -> bool:
    """Is ``exc`` the refusal of a second row with the same ``columns`` in ``table``
    (their unique index), as the engine words it?"""
    cause = driver_cause(exc)
    if getattr(cause, "sqlstate", None) == "23505":  # PostgreSQL: unique_violation
        diag = cause.diag
        detail = diag.message_detail or ""  # "Key (placement_id, entry_date)=(…) already exists."
        named = detail[detail.find("(") + 1 : detail.find(")")] if "(" in detail else ""
        return diag.table_name == table and {c.strip() for c in named.split(",")} == set(columns)
    text = str(exc)
    if "UNIQUE constraint failed" not in text:
        return False
    named = text.split("UNIQUE constraint failed:", 1)[1]
    return {part.strip() for part in named.split(",")} == {f"{table}.{c}" for c in columns}


def driver_cause(exc: BaseException) -> BaseException:
    """The driver's own error behind peewee's (psycopg's carries the SQLSTATE)."""
    for candidate in (getattr(exc, "orig", None), exc.__cause__, exc.__context__, *exc.args):
        if isinstance(candidate, BaseException) and hasattr(candidate, "sqlstate"):
            return candidate
    return exc


def database_file() -> Path | None:
    """The file of the open database; None for an in-memory one (or a URI)."""
    name = getattr(db.obj, "database", None)
    if not name or name == ":memory:" or str(name).startswith("file:") or is_postgres():
        return None
    return Path(name)
