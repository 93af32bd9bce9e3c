"""How the log reads to a person: the kinds of record, the views, a row as shown."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ...enums import AuditAction
from ...format import show_datetime
from ...i18n import _
from ..views import View

# The kinds of record, as a person reads them (the access export, the CLI).
WHAT_LABELS = {
    "citizen": "citizen's details",
    "course": "course",
    "course_extension": "course extension",
    "sub_goal": "sub-goal",
    "alliance_score": "sub-goal score",
    "placement": "placement",
    "hours_step": "hours step",
    "logbook_entry": "logbook day",
    "meeting": "meeting",
    "action_item": "agreement",
    "review_note": "case review note",
    "report": "progression report",
    "interchange": "data (JSON)",
    "access_export": "access export",
    "calendar": "calendar",
    "absence_overview": "absence overview",
    "review_handout": "weekly review handout",
    "weekly_review": "weekly review",
    "draft": "unsaved draft",
    "kept_drafts": "list of kept unsaved texts",
    "agenda": "agenda",
    "caseload": "caseload list",
    "agreements": "agreements list",
    "retention": "retention list",
    "demo": "demo caseload",
    "database": "database",
}


# Views that show citizens without opening their record (logged as open_record
# rows, one per citizen per view), as the citizen's access export words them.
VIEW_LABELS = {
    "caseload": "Listed in the caseload",
    "weekly_review": "Shown in the weekly review",
    "agenda": "Listed in the agenda",
    "agreements": "Listed among the agreements of the caseload",
    "retention": "Listed as due for erasure",
    "draft": "An unsaved draft was restored",
    "kept_drafts": "Named among the unsaved texts offered back at start",
}


class AuditView(View):
    id: int
    at: datetime  # UTC
    action: AuditAction
    what: str
    record_id: int | None
    citizen_id: int | None
    mentor_id: int | None
    purpose: str

    @property
    def what_label(self) -> str:
        return _(WHAT_LABELS.get(self.what, self.what))


def local_time(at: datetime) -> datetime:
    """A stored UTC time as the mentor's local wall-clock time (naive)."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _show_day(stamp: Any) -> str:
    try:
        return show_datetime(local_time(datetime.fromisoformat(str(stamp))))
    except ValueError:
        return "?"
