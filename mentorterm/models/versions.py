"""Versions of records (schema 9): the version a form opened, and a save refused
because the record changed meanwhile.

Every table's ``version`` goes up by one at each change saved through
``BaseModel.save``. A form remembers the version it showed
(``domain.versions``); its save runs inside ``expecting(table, id, version)``,
and the save of that row then changes it only if it still has that version.
Otherwise nothing is written and ``ChangedMeanwhile`` names the row: the domain
words it (who changed it, when) and the form keeps what was typed. Without an
expectation, a save still changes only the version it loaded (two saves of
one row at once cannot both win).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

_expected: ContextVar[dict[tuple[str, object], int] | None] = ContextVar(
    "mentorterm_expected_versions", default=None
)


class ChangedMeanwhile(Exception):
    """The row was changed by someone else after its version was read."""

    def __init__(self, table: str, record_id: object, version: int) -> None:
        super().__init__(f"{table} {record_id}: changed since version {version}")
        self.table = table
        self.record_id = record_id
        self.version = version


@contextlib.contextmanager
def expecting(table: str, record_id: object, version: int | None) -> Iterator[None]:
    """Saves of ``table``'s row ``record_id`` inside this block change it only at ``version``."""
    if version is None:
        yield
        return
    current = dict(_expected.get() or {})
    current[(table, record_id)] = version
    token = _expected.set(current)
    try:
        yield
    finally:
        _expected.reset(token)


def expected_version(table: str, record_id: object) -> int | None:
    mapping = _expected.get()
    if not mapping:
        return None
    return mapping.get((table, record_id))


def moved_on(table: str, record_id: object, version: int) -> None:
    """The row was saved at ``version`` inside ``expecting``: a later save of it
    in the same block (one change saving a row twice) expects that one."""
    mapping = _expected.get()
    if mapping is not None and (table, record_id) in mapping:
        mapping[(table, record_id)] = version
