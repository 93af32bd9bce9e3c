"""Which engine the open database runs on, and SQL written once for both.

SQLite (and SQLCipher) is the per-user database; PostgreSQL the team's
(storage/postgres/). Statements above storage are written in one dialect:
``?`` or ``:name`` parameters, and the few functions in ``FUNCTIONS`` by
their SQLite name. ``execute`` turns a statement into the open engine's
(``%s`` / ``%(name)s``, ``%`` doubled, the functions renamed) and runs it,
so nothing above storage knows which engine it is on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import peewee

from ..models import db

#: The schemes of a team database's address (``--db postgresql://…``).
TEAM_SCHEMES = ("postgresql://", "postgres://")

#: SQLite's name of a function → PostgreSQL's, where they differ.
FUNCTIONS = {"group_concat": "string_agg"}

# string_agg joins text only, where group_concat takes any value: its first
# argument is cast (a day, a number, read back as SQLite would give it).
_CAST_FIRST = {"string_agg"}


def is_team_target(target: object) -> bool:
    """Is ``target`` the address of a team (PostgreSQL) database?"""
    return isinstance(target, str) and target.lower().startswith(TEAM_SCHEMES)


def is_postgres(database: peewee.Database | None = None) -> bool:
    """Does the open (or given) database run on PostgreSQL?"""
    database = database if database is not None else db.obj
    return isinstance(database, peewee.PostgresqlDatabase)


# A comment, a string literal, a quoted name, a :name parameter, a ? or a %,
# a function's name — the pieces the translation looks at; everything else
# (and a comment, a literal or a name whole) is copied as it is.
_PIECES = re.compile(
    r"--[^\n]*|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|::|:[A-Za-z_]\w*|\?|%|\b\w+(?=\s*\()"
)


@lru_cache(maxsize=512)
def to_postgres(sql: str) -> str:
    """The statement in PostgreSQL's dialect (psycopg's parameters)."""

    def piece(match: re.Match[str]) -> str:
        text = match.group(0)
        if text[0] == "'":  # psycopg reads % everywhere once there are parameters
            return text.replace("%", "%%")
        if text[0] == '"' or text == "::" or text.startswith("--"):
            return text
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        if text[0] == ":":
            return f"%({text[1:]})s"
        return FUNCTIONS.get(text.lower(), text)

    return _cast_first_arguments(_CROSS_JOIN_ON.sub(r"JOIN \1 ON", _PIECES.sub(piece, sql)))


# SQLite's CROSS JOIN … ON fixes the join order (its planner's hint); to
# PostgreSQL, whose planner orders joins itself, it is a plain JOIN.
_CROSS_JOIN_ON = re.compile(r"\bCROSS JOIN\s+(\w+\s+\w+)\s+ON\b", re.IGNORECASE)


def _cast_first_arguments(sql: str) -> str:
    for name in _CAST_FIRST:
        start = 0
        while (at := sql.find(f"{name}(", start)) >= 0:
            first = at + len(name) + 1
            depth, end, quoted = 0, first, False
            while end < len(sql):
                char = sql[end]
                if char == "'":
                    quoted = not quoted
                elif not quoted and char == "(":
                    depth += 1
                elif not quoted and char == ")":
                    if depth == 0:
                        break
                    depth -= 1
                elif not quoted and char == "," and depth == 0:
                    break
                end += 1
            argument = sql[first:end]
            wrapped = f"CAST({argument} AS TEXT)"
            sql = sql[:first] + wrapped + sql[end:]
            start = first + len(wrapped)
    return sql


def dialect(sql: str, database: peewee.Database | None = None) -> str:
    """``sql`` as the open (or given) database's engine reads it."""
    return to_postgres(sql) if is_postgres(database) else sql


def execute(
    sql: str,
    params: Sequence[Any] | Mapping[str, Any] | None = None,
    database: peewee.Database | None = None,
):
    """Run one statement written in the common dialect; the cursor."""
    database = database if database is not None else db.obj
    if is_postgres(database):
        sql = to_postgres(sql)
    return database.execute_sql(sql, params if params is not None else ())
