"""Import of the document's workplaces (schema 10): each one matched to the
register here by name (case and spaces aside) or added to it."""

from __future__ import annotations

from datetime import datetime

from ...fields import new_uid
from ...models import Workplace
from ...schemas.workplaces import WorkplaceDoc, same_name
from .columns import COLUMNS


def import_workplaces(docs: list[WorkplaceDoc], now: datetime) -> tuple[dict[str, int], int]:
    """(document key → workplace id here, entries added). A workplace already in
    the register (an earlier citizen's file named it too) is not added again:
    the register keeps its own contacts."""
    here = {}
    for w in Workplace.select(Workplace.id, Workplace.name).order_by(
        Workplace.archived, Workplace.id
    ):
        here.setdefault(same_name(w.name), w.id)
    ids: dict[str, int] = {}
    added = 0
    for doc in docs:
        name = same_name(doc.name)
        # The same workplace (its uid, schema 11) is the one here, renamed or not.
        same = doc.uid and Workplace.get_or_none(Workplace.uid == doc.uid)
        if same:
            ids[doc.key] = same.id
            continue
        if name not in here:
            row = {column: getattr(doc, column) for column in COLUMNS[Workplace]}
            row["created_at"] = doc.created_at or now
            row["updated_at"] = doc.updated_at or row["created_at"]
            row["uid"] = doc.uid or new_uid()
            here[name] = Workplace.insert(row).execute()
            added += 1
        ids[doc.key] = here[name]
    return ids, added
