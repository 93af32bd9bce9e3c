"""The server's side of a laptop's citizens, and a laptop made to match it (issue 19).

``take`` reads, in the team database, the provider's own records and every
record of the citizens out on a device: the snapshot a laptop pulls.
``apply`` makes the laptop's copy of those citizens equal to it, record by
record by uid (new ones written, changed ones changed, gone ones deleted),
in one transaction with the change log standing still, so what the server
sent is never taken for the mentor's own change. Pulling twice changes
nothing the second time; a pull cut off leaves the laptop as it was.
"""

from __future__ import annotations

from typing import Any

from ... import storage
from ...models import Citizen, Mentor, db
from .rows import REFERENCE, citizen_models, decode, ids_of, model_of, of_citizens, read


def take(citizen_ids: list[int]) -> dict[str, Any]:
    """The snapshot of these citizens (and the provider's own records)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in REFERENCE:
        tables[model._meta.table_name] = read(model)
    for model in citizen_models():
        tables[model._meta.table_name] = read(model, of_citizens(model, citizen_ids))
    uids = [r["uid"] for r in tables[Citizen._meta.table_name]]
    return {"citizens": uids, "tables": tables}


def _upsert(
    model, records: list[dict[str, Any]], here: dict[str, dict[str, Any]], keep: set[str]
) -> int:
    changed = [r for r in records if here.get(r["uid"]) != r and r["uid"] not in keep]
    if not changed:
        return 0
    existing = ids_of(model, (r["uid"] for r in changed))
    for record, values in zip(changed, decode(model, changed), strict=True):
        if record["uid"] in existing:
            model.update(**values).where(model.uid == record["uid"]).execute()
        else:
            model.insert(**values).execute()
    return len(changed)


def apply(
    snapshot: dict[str, Any], scope: list[str] | None = None, keep: set[str] | None = None
) -> int:
    """Make this laptop's copy of the snapshot's citizens match it; the records changed.

    ``scope``: the citizens (uids) whose records the laptop holds from the
    server (default: the snapshot's); a record of theirs the snapshot lacks
    was deleted on the server and goes here too. ``keep``: the uids of
    records changed here since the change set was made (a bundle's reply
    comes days later): left as they are here, for the next sync to send."""
    keep = keep or set()
    held = ids_of(Citizen, scope if scope is not None else snapshot["citizens"])
    changed = 0
    with db.atomic():
        storage.sync_set_pulling(True)
        try:
            for model in REFERENCE:
                records = snapshot["tables"].get(model._meta.table_name, [])
                uids = [r["uid"] for r in records]
                here = {r["uid"]: r for r in read(model, model.uid.in_(uids))} if uids else {}
                changed += _upsert(model, records, here, keep)
            for model in citizen_models():
                records = snapshot["tables"].get(model._meta.table_name, [])
                here = {r["uid"]: r for r in read(model, of_citizens(model, held.values()))}
                changed += _upsert(model, records, here, keep)
                held = ids_of(Citizen, set(held) | set(snapshot["citizens"]))
            for model in reversed(citizen_models()):
                kept = {r["uid"] for r in snapshot["tables"].get(model._meta.table_name, [])}
                here = read(model, of_citizens(model, held.values()))
                gone = [r["uid"] for r in here if r["uid"] not in kept and r["uid"] not in keep]
                if gone:
                    model.delete().where(model.uid.in_(gone)).execute()
                    changed += len(gone)
        finally:
            storage.sync_set_pulling(False)
    return changed


def become(mentor_uid: str, snapshot: dict[str, Any]) -> None:
    """This laptop's own mentor row is the server's mentor of this login from
    now on (the same uid), so the citizens pulled are its own."""
    mine = Mentor.get_or_none(Mentor.is_default == True)  # noqa: E712
    if mine is None or mine.uid == mentor_uid or ids_of(Mentor, [mentor_uid]):
        return
    record = next((r for r in snapshot["tables"]["mentor"] if r["uid"] == mentor_uid), None)
    name = record["name"] if record else mine.name
    Mentor.update(uid=mentor_uid, name=name).where(Mentor.id == mine.id).execute()


__all__ = ["take", "apply", "become", "model_of"]
