"""Two people, one record: the version a form showed, and the words when a save
is refused because the record changed meanwhile (schema 9, models/versions.py).

A form reads ``version_of(table, id)`` when it opens and saves inside
``expecting(table, id, version)``; a save over a change made meanwhile (a
colleague on the team database, another window on one's own) writes nothing
and raises ``ChangedMeanwhile``, which ``refusal`` words: who changed the
record and when, from the audit log, and that what was typed is still there.
"""

from __future__ import annotations

from datetime import UTC

from ..format import show_datetime
from ..i18n import _
from ..models import ALL_MODELS, AuditEntry, Mentor
from ..models.versions import ChangedMeanwhile, expecting

__all__ = ["ChangedMeanwhile", "expecting", "refusal", "version_of"]

_MODELS = {model._meta.table_name: model for model in ALL_MODELS}


def version_of(table: str, record_id: int | None) -> int | None:
    """The record's version now; None for a new record or one that is gone."""
    if record_id is None:
        return None
    model = _MODELS[table]
    row = model.select(model.version).where(model._meta.primary_key == record_id).first()
    return None if row is None else row.version


def refusal(error: ChangedMeanwhile) -> str:
    """The mentor's words for a save refused because the record moved on."""
    last = (
        AuditEntry.select(AuditEntry.at, AuditEntry.mentor_id)
        .where((AuditEntry.what == error.table) & (AuditEntry.record_id == error.record_id))
        .order_by(AuditEntry.id.desc())
        .first()
    )
    kept = _(
        "Nothing was saved, and what you typed is still in the form: copy what you "
        "need, press escape and open the record again to see the change."
    )
    if last is None:
        return _("This record was changed while you had it open.") + " " + kept
    mentor = Mentor.get_or_none(Mentor.id == last.mentor_id) if last.mentor_id else None
    when = show_datetime(last.at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))
    from ..storage import ensure_default_mentor

    if mentor is not None and mentor.id == ensure_default_mentor().id:
        said = _(
            "You changed this record at {when} in another window while this form was open."
        ).format(when=when)
    elif mentor is None:
        said = _("This record was changed at {when} while you had it open.").format(when=when)
    else:
        said = _("{name} changed this record at {when} while you had it open.").format(
            name=mentor.name, when=when
        )
    return said + " " + kept
