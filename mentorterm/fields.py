"""Column types of our own: how a model's moments are stored on disk.

``StampField`` keeps a UTC moment (``created_at``, ``updated_at``) as an
integer count of microseconds since 1970-01-01: 8 bytes on disk instead of
the 26 of an ISO text, exact to the microsecond, still a ``datetime`` in
Python. Schema 6 brought it in (mentorterm/migration_v6.py); a 250,000-day
logbook is about a quarter smaller for it (bench/README.md).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from peewee import SQL, AutoField, CharField, Field, IntegerField, NodeList

from .uids import time_ordered

EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)


def to_micros(value: datetime) -> int:
    """A naive UTC datetime as whole microseconds since the epoch (exact)."""
    return (value - EPOCH) // _MICROSECOND


def from_micros(value: int) -> datetime:
    return EPOCH + timedelta(microseconds=value)


class StampField(Field):
    """A naive UTC ``datetime`` stored as integer microseconds since 1970
    (INTEGER on SQLite, which is 8 bytes there; BIGINT on PostgreSQL, whose
    INTEGER is 4: the team database maps the type, storage/postgres)."""

    field_type = "INTEGER"

    def db_value(self, value):
        if value is None or isinstance(value, int):
            return value
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        elif isinstance(value, date) and not isinstance(value, datetime):
            value = datetime.combine(value, datetime.min.time())
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(UTC).replace(tzinfo=None)
            return to_micros(value)
        return value

    def python_value(self, value):
        if value is None or isinstance(value, datetime):
            return value
        if isinstance(value, int):
            return from_micros(value)
        # A text a hand-written statement put there: read it as peewee would.
        return datetime.fromisoformat(str(value))


class NeverReusedIdField(AutoField):
    """A primary key whose values are never given twice, even after the last
    rows were deleted: SQLite's AUTOINCREMENT; on PostgreSQL a SERIAL, whose
    sequence never goes back, needs nothing more."""

    def ddl(self, ctx):
        made = super().ddl(ctx)
        if ctx.state.field_types.get("AUTO", "").upper() == "INTEGER":  # SQLite
            return NodeList((made, SQL("AUTOINCREMENT")))
        return made


class VersionField(IntegerField):
    """A record's version (schema 9): always the table's last column, as
    ``ALTER TABLE … ADD COLUMN`` put it on the tables of schema 8 (peewee
    otherwise places a base model's fields first)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._sort_key = (3, 0)


#: Where new uids come from inside ``seeded_uids`` (None: ``uids.time_ordered``).
_uid_source: Callable[[], str] | None = None


def new_uid() -> str:
    """A record's stable identity (schema 11): a UUID as 32 hex digits, of
    version 7 (time-ordered, mentorterm/uids.py) since the uid index's page
    writes were measured; uuid4s made before stay valid."""
    if _uid_source is not None:
        return _uid_source()
    return time_ordered()


@contextmanager
def seeded_uids(seed: int) -> Iterator[None]:
    """Inside, new uids come from a generator seeded by ``seed`` (still uuid4s):
    a demo caseload made from the same seed is the same, uids and all."""
    global _uid_source
    rng = random.Random(f"uids-{seed}")
    previous = _uid_source
    _uid_source = lambda: uuid.UUID(int=rng.getrandbits(128), version=4).hex  # noqa: E731
    try:
        yield
    finally:
        _uid_source = previous


class UidField(CharField):
    """A record's stable identity (schema 11), the same on every copy of the
    record (a laptop's, the team database's, an interchange file's): made in
    Python at creation, unique in its table, the table's last column (after
    ``version``), as ``ALTER TABLE … ADD COLUMN`` put it on the tables of
    schema 10. ``DEFAULT ''`` only because SQLite's ADD COLUMN … NOT NULL
    needs a constant default; the unique index (``storage.migration_v11.
    uid_indexes``, made with the schema, not by peewee: a table an older
    step rebuilds gets its uids only in step 11) refuses a second empty one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("default", new_uid)
        kwargs.setdefault("constraints", [SQL("DEFAULT ''")])
        super().__init__(*args, **kwargs)
        self._sort_key = (4, 0)


def added_later(field: Field, schema: int) -> Field:
    """``field``, a column a later schema added to an existing table with
    ``ALTER TABLE … ADD COLUMN`` (SQLite puts it last): placed after the uid in
    a new database's table too, so the two schemas read alike word for word
    (``schema`` orders two such columns by the schema that added them)."""
    field._sort_key = (5, schema)
    return field
