"""The database proxy, the clock every stamp reads, and the base model."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from peewee import (
    SQL,
    Check,
    DatabaseProxy,
    Model,
)

from .. import clock
from ..fields import StampField, UidField, VersionField
from .versions import ChangedMeanwhile, expected_version, moved_on

db = DatabaseProxy()


def utcnow() -> datetime:
    """The current UTC time, naive, to the microsecond (how rows store it);
    inside ``clock.stopped_at`` the moment it holds."""
    return clock.utcnow()


def _enum_check(column: str, enum: type[StrEnum], null: bool = False) -> Check:
    """A CHECK that keeps a column inside its fixed list, whoever writes it."""
    quoted = ", ".join(f"'{member.value}'" for member in enum)
    condition = f"{column} IN ({quoted})"
    return Check(f"{column} IS NULL OR {condition}" if null else condition)


def today():
    """The day a record is made (``clock.today``): the default of a ``*_on`` day it records."""
    return clock.today()


def date_the_decision(row: Model, field: str, decided: str) -> None:
    """Before a save: ``decided`` (a day) is the day ``field`` got its value.

    Given with the row (an import, a correction naming it), it is kept; else a
    new value of ``field`` is dated today (``clock.today``), and no value
    means no decision. One query for the old value, only when ``field`` was set.
    """
    value = getattr(row, field)
    if value is None:
        setattr(row, decided, None)
        return
    dirty = {f.name for f in row.dirty_fields}
    if decided in dirty and getattr(row, decided) is not None:
        return
    if row._pk is None or getattr(row, decided) is None:
        setattr(row, decided, getattr(row, decided) or today())
        return
    if field in dirty:
        model = type(row)
        old = model.select(getattr(model, field)).where(model._meta.primary_key == row._pk).get()
        if getattr(old, field) != value:
            setattr(row, decided, today())


def created_on_its_day(row: Model) -> None:
    """Before a save: a record's own day, unless given, is its ``created_at``'s (UTC)."""
    if row.created_on is None:
        row.created_at = row.created_at or utcnow()
        row.created_on = row.created_at.date()


class BaseModel(Model):
    created_at = StampField(default=utcnow)
    updated_at = StampField(default=utcnow)
    # Schema 9: the record's version, one more at every change saved (the last
    # column of every table). A save names the version it changes; when the
    # row has moved on meanwhile (another window, a colleague), nothing is
    # written and ChangedMeanwhile says so (models/versions.py).
    version = VersionField(default=1, constraints=[SQL("DEFAULT 1")])
    # Schema 11: the record's stable identity (a UUID as 32 hex digits, made
    # in Python at creation), the same on a laptop's copy, the team database
    # and in an interchange file; unique per table (fields.UidField).
    uid = UidField()

    class Meta:
        database = db
        legacy_table_names = False

    def save(self, force_insert=False, only=None):
        if self._pk is None or force_insert:
            return super().save(force_insert=force_insert, only=only)
        if self.is_dirty():
            self.updated_at = utcnow()
        loaded = self.version
        expected = expected_version(self._meta.table_name, self._pk)
        base = loaded if expected is None else expected
        if base is None:  # a row read without its version: one more, unguarded
            self.version = type(self).version + 1
            try:
                return super().save(only=None if only is None else [*only, type(self).version])
            finally:
                self.version = None
        self.version = base + 1
        if only is not None:
            only = [*only, type(self).version, type(self).updated_at]
        self._version_guard = base
        try:
            rows = super().save(only=only)
        finally:
            self._version_guard = None
        if not rows:
            self.version = loaded
            raise ChangedMeanwhile(self._meta.table_name, self._pk, base)
        if expected is not None:  # a second save of the row in the same change
            moved_on(self._meta.table_name, self._pk, self.version)
        return rows

    def _pk_expr(self):
        guard = getattr(self, "_version_guard", None)
        if guard is None:
            return super()._pk_expr()
        return super()._pk_expr() & (type(self).version == guard)
