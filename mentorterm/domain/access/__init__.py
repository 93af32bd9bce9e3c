"""The citizen's right of access (GDPR art. 15): everything held about them.

Two files: the interchange JSON of that one citizen (complete, machine
readable, the same format ``mentorterm export --citizen`` writes) and a PDF
a person can read: every field of every record, grouped by kind, dates
written the Danish way, linked records named by what they are.

Art. 15 also asks for the dates and purposes of access to the record: the
audit log's rows for the citizen (``audit.accesses_of``), this export's own
row included, fill that section.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ...i18n import N_
from ...models import Draft, db
from .. import audit

if TYPE_CHECKING:
    from .document import AccessEvent

__all__ = ["AccessEvent", "access_document", "access_export", "access_pdf"]


def __getattr__(name: str) -> Any:
    """``AccessEvent`` and ``access_document`` from .document, loaded when
    first asked for: the PDF writer (fpdf) and the interchange format load
    only with them, not for the field labels (``access.values``) that the
    sync's conflict list names fields with (half a second of a sync)."""
    if name in ("AccessEvent", "access_document"):
        from . import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def access_pdf(
    document: dict[str, Any],
    today: date,
    accesses: Sequence[AccessEvent] | None = None,
    drafts: Sequence[dict[str, Any]] | None = None,
) -> bytes:
    """The readable PDF of a one-citizen interchange document (and its drafts)."""
    from ...documents import write_pdf
    from .document import access_document

    return write_pdf(access_document(document, today, accesses, drafts))


def access_export(
    citizen_id: int, today: date, accesses: Sequence[AccessEvent] | None = None
) -> tuple[bytes, bytes]:
    """(interchange JSON, readable PDF) of everything held about one citizen.

    Writes one audit row (the export), then lists the dates and purposes of
    access to the record (GDPR art. 15(1)) from the audit log, that row
    included; ``accesses`` replaces that list (tests).
    """
    from ...documents import write_pdf
    from ..transfer import build_document, dumps
    from .document import access_document

    with db.atomic():
        document = build_document(citizen_id)
        audit.record(
            "export",
            "access_export",
            citizen_id=citizen_id,
            record_id=citizen_id,
            purpose=N_("access export"),
        )
        if accesses is None:
            accesses = audit.accesses_of(citizen_id)
    return (
        dumps(document).encode("utf-8"),
        write_pdf(access_document(document, today, accesses, _drafts(citizen_id))),
    )


def _drafts(citizen_id: int) -> list[dict[str, Any]]:
    """Half-typed forms about the citizen: not in the interchange format, but held."""
    rows = []
    for draft in Draft.select().where(Draft.citizen == citizen_id).order_by(Draft.id):
        try:
            values = json.loads(draft.payload)
        except ValueError:
            values = None
        fields = (
            {k: "" if v is None else str(v) for k, v in values.items()}
            if isinstance(values, dict)
            else {"payload": draft.payload}
        )
        rows.append(
            {
                "title": draft.title,
                **fields,
                "created_at": draft.created_at.isoformat(),
                "updated_at": draft.updated_at.isoformat(),
            }
        )
    return rows
