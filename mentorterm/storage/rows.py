"""The hottest paths in one row: insert it, or read a few fields by id, with a statement built once.

Peewee builds the SQL of every query anew, which costs more CPU than SQLite
spends on the row; a logbook save does it for each statement. Here the
statement is built once per model and set of fields and kept, so the driver
also reuses it prepared. Values go through each field's own conversion, and
the model's defaults fill the fields not given, as ``Model.insert`` does.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from ..models import db
from .engine import execute, is_postgres

_INSERTS: dict[tuple, tuple[str, list, list]] = {}
_SELECTS: dict[tuple, tuple[str, list]] = {}


def insert_row(model: Any, values: dict[str, Any]) -> int:
    """Insert one row of ``model`` (``values`` by field name); its new id."""
    postgres = is_postgres()
    key = (model, tuple(values), postgres)
    plan = _INSERTS.get(key)
    if plan is None:
        meta = model._meta
        given = [meta.fields[name] for name in values]
        defaults = [field for field in meta.defaults if field.name not in values]
        columns = ", ".join(f'"{field.column_name}"' for field in given + defaults)
        marks = ", ".join("?" * (len(given) + len(defaults)))
        sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'
        if postgres:  # psycopg's lastrowid is no row id
            sql += f' RETURNING "{meta.primary_key.column_name}"'
        plan = _INSERTS[key] = (sql, given, defaults)
    sql, given, defaults = plan
    params = [field.db_value(values[field.name]) for field in given]
    for field in defaults:
        default = model._meta.defaults[field]
        params.append(field.db_value(default() if callable(default) else default))
    if postgres:
        return execute(sql, params).fetchone()[0]
    return db.execute_sql(sql, params).lastrowid


def row_by_id(model: Any, row_id: int, *names: str) -> SimpleNamespace | None:
    """The fields ``names`` of the row ``row_id`` (attributes by column name, a
    foreign key as ``<name>_id``), or None when there is no such row."""
    key = (model, names)
    plan = _SELECTS.get(key)
    if plan is None:
        meta = model._meta
        fields = [meta.fields[name] for name in names]
        columns = ", ".join(f'"{field.column_name}"' for field in fields)
        sql = (
            f'SELECT {columns} FROM "{meta.table_name}" WHERE "{meta.primary_key.column_name}" = ?'
        )
        plan = _SELECTS[key] = (sql, fields)
    sql, fields = plan
    row = execute(sql, (row_id,)).fetchone()
    if row is None:
        return None
    return SimpleNamespace(
        **{
            field.column_name: field.python_value(value)
            for field, value in zip(fields, row, strict=True)
        }
    )
