"""A row of the audit log as the screens and the CLI read it (a pydantic view)."""

from __future__ import annotations

from datetime import datetime

from ...enums import AuditAction
from ...i18n import _
from ..views import View
from .labels import WHAT_LABELS


class AuditView(View):
    id: int
    at: datetime  # UTC
    action: AuditAction
    what: str
    record_id: int | None
    citizen_id: int | None
    mentor_id: int | None
    purpose: str
    # The colleague whose citizen this was, when the row's mentor wrote it
    # while covering them (computed when shown: audit/covering.py).
    covering_for: str | None = None

    @property
    def what_label(self) -> str:
        return _(WHAT_LABELS.get(self.what, self.what))
