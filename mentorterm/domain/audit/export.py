"""The log as a citizen's access export reads it: every access to their record."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...enums import AuditAction
from ...i18n import _
from ...storage import audit_chain
from .labels import VIEW_LABELS, WHAT_LABELS, local_time, purpose_label

if TYPE_CHECKING:  # access.py imports transfer.py, which records exports here
    from ..access import AccessEvent


def accesses_of(citizen_id: int) -> list[AccessEvent]:
    """Every logged access to the citizen's record, for their access export (art. 15).

    When (local time), who (the mentor's name, "covering for" the colleague
    when written while covering: audit/covering.py) and for what: opening the
    record, each change, each export. Oldest first.
    """
    from ..access import AccessEvent
    from .covering import covering_names

    rows = audit_chain.accesses(citizen_id)
    stamps = [datetime.fromisoformat(r[0]) if isinstance(r[0], str) else r[0] for r in rows]
    covering = covering_names(
        (row_id, at, citizen_id, mentor_id)
        for (*_r, row_id, mentor_id), at in zip(rows, stamps, strict=True)
    )
    events = []
    for (_at, action, what, purpose, mentor, row_id, _mid), stamp in zip(rows, stamps, strict=True):
        kind = _(WHAT_LABELS.get(what, what))
        text = f"{AuditAction(action).label}: {kind}"
        if action == AuditAction.OPEN_RECORD.value and what in VIEW_LABELS:
            text = _(VIEW_LABELS[what])
        elif purpose and purpose_label(purpose) != kind:
            text += f" ({purpose_label(purpose)})"
        who = mentor or "–"
        if row_id in covering:
            who += " (" + _("covering for {colleague}").format(colleague=covering[row_id]) + ")"
        events.append(AccessEvent(at=local_time(stamp), who=who, purpose=text))
    return events
