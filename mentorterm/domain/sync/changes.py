"""A laptop's changes since its last sync, as one change set (issue 19).

The change log (storage/sync_log.py) has a row per record written, per field
changed and per record deleted. The change set folds it into what the server
must hear, keeping every change's own uid (the server's receipt of it):

- a record written here travels whole, as it is now (later changes of its
  fields are in it); written and deleted again here, it never travels;
- a field changed here travels as (value before the first change, value
  after the last), with the record's version before the first change: the
  version the laptop had from the server;
- a record deleted here travels as a tombstone with that same version.

Values travel as the fields give them (rows.plain), links by uid.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import peewee

from ... import storage
from ...models import ALL_MODELS, ChangeOp, SyncState
from .rows import model_of, plain, read, uids_of

FORMAT = "mentorterm-sync-changes"
_ORDER = {m._meta.table_name: n for n, m in enumerate(ALL_MODELS)}


def _value(model, name: str, raw: Any) -> Any:
    """A logged column's stored value as it travels (a link as its uid)."""
    field = next((f for f in model._meta.sorted_fields if f.column_name == name), None)
    if field is None or raw is None:
        return raw
    if isinstance(field, peewee.ForeignKeyField):
        return uids_of(field.rel_model, [raw]).get(raw)
    return plain(field.python_value(raw))


def _stamp(at) -> str:
    return at.isoformat()


def change_set() -> dict[str, Any]:
    """The laptop's changes since its last sync (the open database is the laptop's)."""
    state = SyncState.get_or_none(SyncState.id == 1)
    ops = list(ChangeOp.select().order_by(ChangeOp.id))
    by_record: dict[tuple[str, str], list[ChangeOp]] = defaultdict(list)
    for op in ops:
        by_record[(op.table_name, op.record_uid)].append(op)
    inserts, updates, deletes = [], [], []
    for (table, uid), its in by_record.items():
        model = model_of(table)
        kinds = {op.op for op in its}
        op_uids = [op.uid for op in its]
        at = _stamp(max(op.at for op in its))
        citizen = next((op.citizen_uid for op in its if op.citizen_uid), None)
        if "insert" in kinds:
            if "delete" in kinds:
                continue  # written and deleted again here: the server never knew it
            record = read(model, model.uid == uid)
            if record:
                inserts.append({"table": table, "uid": uid, "record": record[0],
                                "ops": op_uids, "at": at, "citizen": citizen})  # fmt: skip
            continue
        base = next((op.base_version for op in its if op.base_version is not None), None)
        if "delete" in kinds:
            deletes.append({"table": table, "uid": uid, "base_version": base,
                            "ops": op_uids, "at": at, "citizen": citizen})  # fmt: skip
            continue
        fields: dict[str, dict[str, Any]] = {}
        for op in its:
            entry = fields.setdefault(op.field, {"old": _value(model, op.field, op.old), "ops": []})
            entry["new"] = _value(model, op.field, op.new)
            entry["ops"].append(op.uid)
            entry["at"] = _stamp(op.at)
        record = read(model, model.uid == uid)
        updates.append({
            "table": table, "uid": uid, "base_version": base, "ops": op_uids, "at": at,
            "record": record[0] if record else None, "citizen": citizen,
            "fields": {name: e for name, e in fields.items() if e["old"] != e["new"]},
        })  # fmt: skip
    inserts.sort(key=lambda c: _ORDER[c["table"]])
    deletes.sort(key=lambda c: _ORDER[c["table"]])
    return {
        "format": FORMAT,
        "schema": storage.SCHEMA_VERSION,
        "device": state.device_uid if state else None,
        "mentor": state.mentor_uid if state else None,
        "last_op": ops[-1].id if ops else 0,
        "inserts": inserts,
        "updates": updates,
        "deletes": deletes,
    }


def count(changes: dict[str, Any]) -> int:
    """How many records the change set changes."""
    return len(changes["inserts"]) + len(changes["updates"]) + len(changes["deletes"])


def forget_sent(last_op: int) -> None:
    """After the server's receipt: the change log up to ``last_op`` is sent."""
    ChangeOp.delete().where(ChangeOp.id <= last_op).execute()


def written_since(last_op: int) -> set[str]:
    """The uids of the records changed here after the change set was made."""
    query = ChangeOp.select(ChangeOp.record_uid).where(ChangeOp.id > last_op).distinct()
    return {uid for (uid,) in query.tuples()}
