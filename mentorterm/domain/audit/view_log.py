"""Reads logged per view: every citizen a view or an export showed, once per view."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ...enums import AuditAction
from ...models import db
from .chain import record


def viewed(
    citizen_ids: Iterable[int | None],
    what: str,
    purpose: str,
    action: AuditAction | str = AuditAction.OPEN_RECORD,
    now: datetime | None = None,
) -> list[int]:
    """Log that a view (or an export) showed these citizens' data: one row each.

    Each citizen once however often they are listed; in one transaction. With
    no citizen at all, one row without a citizen, so the view is logged still.
    """
    seen = list(dict.fromkeys(c for c in citizen_ids if c is not None))
    with db.atomic():
        if not seen:
            return [record(action, what, purpose=purpose, now=now)]
        return [
            record(action, what, citizen_id=c, record_id=c, purpose=purpose, now=now) for c in seen
        ]


class ViewLog:
    """The reads one view has logged: each citizen once per view, not per refresh.

    A screen keeps one for as long as it is shown and calls ``saw`` whenever
    it (re)loads; only citizens it has not logged yet get a row.
    """

    def __init__(self, what: str, purpose: str) -> None:
        self.what, self.purpose = what, purpose
        self.logged: set[int] = set()

    def saw(self, citizen_ids: Iterable[int | None], now: datetime | None = None) -> int:
        """Log the citizens not logged yet by this view; how many rows were written."""
        new = [c for c in dict.fromkeys(citizen_ids) if c is not None and c not in self.logged]
        if not new:
            return 0
        viewed(new, self.what, self.purpose, now=now)
        self.logged.update(new)
        return len(new)
