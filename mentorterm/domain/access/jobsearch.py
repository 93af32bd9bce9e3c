"""The job search in the access export (issue 20): the CV's states, the
companies contacted and the companies to approach, field by field."""

from __future__ import annotations

from typing import Any

from ...documents import Block, Facts, Heading, Text
from ...i18n import _
from .values import record_rows


def job_search_blocks(citizen: dict[str, Any]) -> list[Block]:
    blocks: list[Block] = []
    for key, kind, heading, title in (
        ("cv_states", "cv_status", _("The CV's state"), _("CV state {n}")),
        ("job_contacts", "job_contact", _("Companies contacted"), _("Contact {n}")),
        ("target_companies", "target_company", _("Companies to approach"), _("Company {n}")),
    ):
        records = citizen.get(key, [])
        blocks.append(Heading(f"{heading} ({len(records)})"))
        if not records:
            blocks.append(Text(_("None."), muted=True))
        for n, record in enumerate(records, start=1):
            blocks.append(Heading(title.format(n=n), level=2))
            blocks.append(Facts(record_rows(kind, record, {}), label_width=52))
    return blocks
