"""An import's records already here by their uid (schema 11).

A document's record whose uid a record here has already is the same record
(imported before, or copied from the same team database): the whole import
is refused, in words, naming how many and where the first ones stand, and
nothing is written. Refused, not skipped: the one here may have changed
since (or the document's), and skipping would silently drop one of the
two; the mentor decides (``mentorterm sync`` merges such copies by version).
A document naming one uid twice is refused the same way. The workplace
register is the exception (transfer/workplaces.py): a workplace here with
the document's uid is the one its placements are linked to.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel as Document

from ...i18n import _
from ...interchange import InterchangeDocument
from ...models import ALL_MODELS, Workplace

#: How many of the records already here the refusal names one by one.
NAMED = 5


def _walk(item: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(item, list):
        for index, each in enumerate(item):
            yield from _walk(each, f"{where}[{index}]")
        return
    if not isinstance(item, Document):
        return
    uid = getattr(item, "uid", None)
    if isinstance(uid, str):
        yield where, uid
    for name in type(item).model_fields:
        if name != "workplaces" or where:
            yield from _walk(getattr(item, name), f"{where}.{name}" if where else name)


def document_uids(document: InterchangeDocument) -> list[tuple[str, str]]:
    """Every (place in the document, uid) it gives, the workplaces' aside."""
    return list(_walk(document, ""))


def uids_already_here(document: InterchangeDocument) -> list[str]:
    """The refusals (empty: none of the document's uids is here or twice in it)."""
    given = document_uids(document)
    problems: list[str] = []
    seen: dict[str, str] = {}
    for where, uid in given:
        if uid in seen:
            problems.append(
                _("{where}: the same record as {first} (uid {uid}) is in the file twice.").format(
                    where=where, first=seen[uid], uid=uid
                )
            )
        seen.setdefault(uid, where)
    uids = list(seen)
    here: set[str] = set()
    for model in ALL_MODELS:
        if model is Workplace:
            continue
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            here.update(u for (u,) in model.select(model.uid).where(model.uid.in_(chunk)).tuples())
    found = [(where, uid) for where, uid in given if uid in here]
    for where, uid in found[:NAMED]:
        problems.append(
            _(
                "{where}: this record (uid {uid}) is in this database already "
                "(imported before, or a copy of the same record); nothing was imported."
            ).format(where=where, uid=uid)
        )
    if len(found) > NAMED:
        problems.append(
            _("… and {count} more records already here.").format(count=len(found) - NAMED)
        )
    return problems
