"""Cover: a mentor covers a colleague's citizens from a day to a day (holiday,
sick leave; issue 18 item 5).

While a cover runs, the covering mentor may write about the colleague's
citizens on the team database (row-level security, storage/team_access.py);
what they write is in their own name in the audit log. A cover is set up by
the team lead or by the mentor who is away, never by the one who covers.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from .. import models
from ..i18n import N_, _
from ..models import db
from . import audit
from .errors import DomainError, NotFound


class CoverView(NamedTuple):  # made at import: a NamedTuple (keys/model.py)
    id: int
    mentor_name: str  # who covers
    covered_name: str  # whose citizens
    starts_on: date
    ends_on: date
    note: str


def add_cover(
    mentor_id: int, covered_id: int, starts_on: date, ends_on: date, note: str = ""
) -> int:
    """``mentor_id`` covers ``covered_id``'s citizens from ``starts_on`` to ``ends_on``."""
    if ends_on < starts_on:
        raise DomainError(
            _("The cover ends before it starts ({start} to {end}). Nothing was saved.").format(
                start=starts_on.isoformat(), end=ends_on.isoformat()
            ),
            field="ends_on",
        )
    if mentor_id == covered_id:
        raise DomainError(_("A mentor cannot cover their own citizens. Nothing was saved."))
    with db.atomic():
        for wanted in (mentor_id, covered_id):
            if models.Mentor.get_or_none(models.Mentor.id == wanted) is None:
                raise NotFound(
                    _("There is no such mentor (removed meanwhile?). Nothing was changed.")
                )
        cover = models.Cover.create(
            mentor=mentor_id,
            covered=covered_id,
            starts_on=starts_on,
            ends_on=ends_on,
            note=note.strip(),
        )
        audit.record("create", "cover", record_id=cover.id, purpose=N_("cover"))
    return cover.id


def covers(today: date | None = None) -> list[CoverView]:
    """Every cover not yet over on ``today`` (all when None), soonest first."""
    names = {m.id: m.name for m in models.Mentor.select(models.Mentor.id, models.Mentor.name)}
    query = models.Cover.select().order_by(models.Cover.starts_on, models.Cover.id)
    if today is not None:
        query = query.where(models.Cover.ends_on >= today)
    return [
        CoverView(
            id=c.id,
            mentor_name=names.get(c.mentor_id, "?"),
            covered_name=names.get(c.covered_id, "?"),
            starts_on=c.starts_on,
            ends_on=c.ends_on,
            note=c.note,
        )
        for c in query
    ]


def covering_for(mentor_id: int, today: date) -> dict[int, str]:
    """{mentor id: name} of the colleagues ``mentor_id`` covers on ``today``
    (their citizens are listed among the mentor's own while the cover runs)."""
    query = (
        models.Cover.select(models.Cover.covered, models.Mentor.name)
        .join(models.Mentor, on=models.Cover.covered == models.Mentor.id)
        .where(
            (models.Cover.mentor == mentor_id)
            & (models.Cover.starts_on <= today)
            & (models.Cover.ends_on >= today)
        )
        .order_by(models.Mentor.name, models.Mentor.id)
        .tuples()
    )
    return dict(query)
