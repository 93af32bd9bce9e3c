"""How the log reads to a person: the kinds of record, the views, a time as shown.

A row as shown is ``entry_view.AuditView`` (pydantic, loaded only when rows are
read: the caseload's first frame needs these labels, not pydantic)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from ...format import show_datetime
from ...i18n import N_, _

# The kinds of record, as a person reads them (the access export, the CLI).
WHAT_LABELS = {
    "citizen": N_("citizen's details"),
    "course": N_("course"),
    "course_extension": N_("course extension"),
    "sub_goal": N_("sub-goal"),
    "alliance_score": N_("sub-goal score"),
    "placement": N_("placement"),
    "hours_step": N_("hours step"),
    "logbook_entry": N_("logbook day"),
    "meeting": N_("meeting"),
    "action_item": N_("agreement"),
    "cv_status": N_("CV state"),
    "job_contact": N_("company contacted"),
    "target_company": N_("company to approach"),
    "review_note": N_("case review note"),
    "report": N_("progression report"),
    "interchange": N_("data (JSON)"),
    "access_export": N_("access export"),
    "calendar": N_("calendar"),
    "absence_overview": N_("absence overview"),
    "review_handout": N_("weekly review handout"),
    "weekly_review": N_("weekly review"),
    "draft": N_("unsaved draft"),
    "kept_drafts": N_("list of kept unsaved texts"),
    "agenda": N_("agenda"),
    "caseload": N_("caseload list"),
    "agreements": N_("agreements list"),
    "retention": N_("retention list"),
    "demo": N_("demo caseload"),
    "figures": N_("the year's figures"),
    "workplace": N_("workplace"),
    "group_series": N_("group session series"),
    "group_session": N_("group session"),
    "session_participant": N_("group session roll call"),
    "database": N_("database"),
}


# Views that show citizens without opening their record (logged as open_record
# rows, one per citizen per view), as the citizen's access export words them.
VIEW_LABELS = {
    "caseload": N_("Listed in the caseload"),
    "weekly_review": N_("Shown in the weekly review"),
    "agenda": N_("Listed in the agenda"),
    "agreements": N_("Listed among the agreements of the caseload"),
    "retention": N_("Listed as due for erasure"),
    "draft": N_("An unsaved draft was restored"),
    "kept_drafts": N_("Named among the unsaved texts offered back at start"),
    "figures": N_("Listed among the courses counted in the year's figures"),
    "workplace": N_("Listed among the placements at a workplace"),
    "group_session": N_("Listed in a group session's roll call"),
}


# Purposes written with a value in them: the English template is stored filled
# in; shown, it is matched back and the value put into the translated template.
PURPOSE_TEMPLATES = (
    N_("progression report ({kind})"),
    N_("planned meetings, {weeks} weeks"),
    N_("import of {count} citizen(s)"),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile(
        "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
    )


_PATTERNS = tuple((template, _pattern(template)) for template in PURPOSE_TEMPLATES)


def purpose_label(purpose: str) -> str:
    """A stored purpose as the mentor reads it, in the language in use."""
    if not purpose:
        return ""
    for template, pattern in _PATTERNS:
        if found := pattern.fullmatch(purpose):
            return _(template).format(**found.groupdict())
    return _(purpose)


def local_time(at: datetime) -> datetime:
    """A stored UTC time as the mentor's local wall-clock time (naive)."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _show_day(stamp: Any) -> str:
    try:
        return show_datetime(local_time(datetime.fromisoformat(str(stamp))))
    except ValueError:
        return "?"
