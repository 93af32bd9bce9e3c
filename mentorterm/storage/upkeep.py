"""Small questions on the open database: its mentor, file, version, counts, integrity, duplicates."""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..models import ALL_MODELS, Mentor, db


def ensure_default_mentor() -> Mentor:
    """The mentor a per-user database's records belong to (created once)."""
    mentor = Mentor.get_or_none(Mentor.is_default == True)
    if mentor is None:
        with db.atomic():
            mentor = Mentor.create(name=_("Me"), is_default=True)
    return mentor


def schema_version() -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def row_counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS}


def integrity_problems() -> list[str]:
    """SQLite's own checks: page integrity and dangling foreign keys."""
    problems: list[str] = []
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
    text = str(exc)
    if "UNIQUE constraint failed" not in text:
        return False
    named = text.split("UNIQUE constraint failed:", 1)[1]
    return {part.strip() for part in named.split(",")} == {f"{table}.{c}" for c in columns}


def database_file() -> Path | None:
    """The file of the open database; None for an in-memory one (or a URI)."""
    name = getattr(db.obj, "database", None)
    if not name or name == ":memory:" or str(name).startswith("file:"):
        return None
    return Path(name)
