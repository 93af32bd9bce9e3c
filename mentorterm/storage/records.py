"""Rows read as they are stored, without model instances (exports read thousands)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from types import SimpleNamespace

from ..models import BaseModel, Citizen
from .engine import execute, is_postgres

# Rows per statement when reading by a list of parent ids (SQLite's limit on
# parameters is far above; a long IN list costs more than it saves).
_CHUNK = 500


def _as_sqlite_stores(value):
    """A value as SQLite stores it (a day as its ISO text, a moment as peewee
    writes it, a truth as 0/1), so a row reads the same on either engine."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _rows(sql: str, params: list | tuple = ()) -> list[SimpleNamespace]:
    cursor = execute(sql, params)
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if is_postgres():
        rows = [tuple(_as_sqlite_stores(v) for v in values) for values in rows]
    return [SimpleNamespace(**dict(zip(names, values, strict=True))) for values in rows]


def plain_rows(
    model: type[BaseModel] | type, order: str = "id", row_id: int | None = None
) -> list[SimpleNamespace]:
    """Every row of ``model``'s table in ``order`` (columns by name), or the one ``row_id``."""
    table = model._meta.table_name
    if row_id is not None:
        return _rows(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
    return _rows(f'SELECT * FROM "{table}" ORDER BY {order}')


def rows_by_parent(
    model: type[BaseModel], parent: str, parent_ids: list[int], order: str
) -> dict[int, list[SimpleNamespace]]:
    """Rows of ``model`` grouped by their ``parent`` column's value, each group in ``order``."""
    groups: dict[int, list] = defaultdict(list)
    table = model._meta.table_name
    for start in range(0, len(parent_ids), _CHUNK):
        chunk = parent_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in _rows(
            f'SELECT * FROM "{table}" WHERE {parent} IN ({marks}) ORDER BY {order}', chunk
        ):
            groups[getattr(row, parent)].append(row)
    return groups


def citizen_ids() -> list[int]:
    """Every citizen's id, in order."""
    return [i for (i,) in Citizen.select(Citizen.id).order_by(Citizen.id).tuples()]
