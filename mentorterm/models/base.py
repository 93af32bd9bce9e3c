"""The database proxy, the clock every stamp reads, and the base model."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from peewee import (
    Check,
    DatabaseProxy,
    Model,
)

from .. import clock
from ..fields import StampField

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


class BaseModel(Model):
    created_at = StampField(default=utcnow)
    updated_at = StampField(default=utcnow)

    class Meta:
        database = db
        legacy_table_names = False

    def save(self, *args, **kwargs):
        if self._pk is not None and self.is_dirty():
            self.updated_at = utcnow()
        return super().save(*args, **kwargs)
