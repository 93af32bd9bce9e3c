"""The clock rows are stamped with: UTC now, or a moment set for a block of writes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

_SET: ContextVar[datetime | None] = ContextVar("mentorterm_clock", default=None)


def utcnow() -> datetime:
    """The current UTC time, naive, to the microsecond (how rows store it),
    or the moment ``stopped_at`` holds the clock at."""
    moment = _SET.get()
    return moment if moment is not None else datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def stopped_at(moment: datetime) -> Iterator[None]:
    """Stamp every row written inside the block (created_at, updated_at, the
    audit log's ``at``) with ``moment``: for history written after the fact,
    such as the demo's half year, through the same domain calls as the screens."""
    token = _SET.set(moment)
    try:
        yield
    finally:
        _SET.reset(token)


def today() -> date:
    """The day a record is made: today, or the day of the moment ``stopped_at`` holds."""
    moment = _SET.get()
    return moment.date() if moment is not None else date.today()
