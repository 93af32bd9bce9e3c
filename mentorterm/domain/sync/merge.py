"""A laptop's change set merged into the team database (issue 19).

One transaction per citizen, holding the write lock and that citizen:

- a record written on the laptop is inserted unless the server has its uid
  already (a sync run again); one about a record the server no longer has
  becomes a conflict holding the whole record;
- a changed field is applied when nobody changed it on the server since the
  laptop had it (the record's version is the laptop's, or the field still
  holds the laptop's value before); the same value already there is nothing
  to do; otherwise the server's value stays and both go to the conflict list;
- a record deleted on the laptop is deleted when the server's is still the
  version the laptop had; changed meanwhile, it stays and is a conflict.
  A record whose parent's deletion was kept back stays with the parent;
- every change of the laptop's gets a receipt, so nothing is applied twice;
  the server refusing one (it is a colleague's) is a conflict too.

Nothing the laptop sent is dropped in silence: it is applied, was there
already, or is in the conflict list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import peewee

from ... import storage
from ...enums import AuditAction
from ...enums_sync import ConflictKind
from ...i18n import N_
from ...models import Device, Mentor, SyncConflict, SyncReceipt, db, utcnow
from .. import audit
from .rows import MissingParent, citizen_path, decode, ids_of, model_of, plain, read, uids_of

PURPOSE = N_("synced from a laptop")


@dataclass
class MergeResult:
    applied: int = 0
    already: int = 0
    conflicts: list[int] = field(default_factory=list)  # SyncConflict ids
    new_citizens: list[int] = field(default_factory=list)


def _citizen_of(model, row_id: int) -> int | None:
    """The citizen a row is about; None for the provider's own records."""
    try:
        path, parent = citizen_path(model)
    except LookupError:
        return None
    if parent is None:
        value = model.select(path).where(model.id == row_id).scalar()
        return value
    parent_id = model.select(path).where(model.id == row_id).scalar()
    if parent_id is None:
        return None
    return parent.select(parent._meta.fields["citizen"]).where(parent.id == parent_id).scalar()


class _Merge:
    def __init__(self, changes: dict[str, Any], device: Device):
        self.changes = changes
        self.device = device
        self.author = Mentor.get_or_none(Mentor.uid == changes.get("mentor"))
        self.result = MergeResult()
        every = [u for kind in ("inserts", "updates", "deletes") for c in changes[kind]
                 for u in c["ops"]]  # fmt: skip
        self.received = {
            uid for (uid,) in SyncReceipt.select(SyncReceipt.uid).where(
                SyncReceipt.uid.in_(every)).tuples()
        } if every else set()  # fmt: skip
        self.receipts: list[str] = []
        self.kept_back: set[str] = set()

    def _done(self, change: dict[str, Any]) -> bool:
        return all(u in self.received for u in change["ops"])

    def _receipt(self, change: dict[str, Any]) -> None:
        self.receipts += [u for u in change["ops"] if u not in self.received]

    def _conflict(self, change, kind, citizen_id, *, name="", mine=None, theirs=None, base=None):
        row = SyncConflict.create(
            citizen=citizen_id, device=self.device, author=self.author,
            table_name=change["table"], record_uid=change["uid"], field=name, kind=kind.value,
            mine=json.dumps(mine), theirs=json.dumps(theirs), base=json.dumps(base),
            written_at=change.get("at"),
        )  # fmt: skip
        self.result.conflicts.append(row.id)

    def _audit(self, action: AuditAction, model, row_id: int, citizen_id: int | None) -> None:
        audit.record(action, model._meta.table_name, citizen_id=citizen_id, record_id=row_id,
                     purpose=PURPOSE)  # fmt: skip

    def insert(self, change: dict[str, Any]) -> None:
        model = model_of(change["table"])
        if ids_of(model, [change["uid"]]):
            self.result.already += 1
            return
        record = change["record"]
        try:
            with db.atomic():
                values = decode(model, [record])[0]
                row_id = model.insert(**values).execute()
                citizen_id = _citizen_of(model, row_id)
                self._audit(AuditAction.CREATE, model, row_id, citizen_id)
                if change["table"] == "citizen":
                    self.result.new_citizens.append(row_id)
            self.result.applied += 1
        except MissingParent:
            self._conflict(change, ConflictKind.PARENT_GONE, self._citizen_uid(record),
                           mine=record)  # fmt: skip
        except (peewee.IntegrityError, peewee.ProgrammingError):
            self._conflict(change, ConflictKind.REFUSED, self._citizen_uid(record), mine=record)

    def _citizen_uid(self, record: dict[str, Any]) -> int | None:
        """The server's citizen a carried record is about, when it still has them."""
        from ...models import Citizen

        if "citizen" in record and record["citizen"]:
            return ids_of(Citizen, [record["citizen"]]).get(record["citizen"])
        return None

    def update(self, change: dict[str, Any]) -> None:
        model = model_of(change["table"])
        row = model.get_or_none(model.uid == change["uid"])
        if row is None:
            if change["fields"]:
                citizen = self._citizen_uid(change["record"] or {})
                self._conflict(change, ConflictKind.DELETED_THERE, citizen,
                               mine=change["record"])  # fmt: skip
            return
        citizen_id = _citizen_of(model, row.id)
        untouched = row.version == change["base_version"]
        server = read(model, model.id == row.id)[0]
        apply: dict[str, Any] = {}
        for name, entry in change["fields"].items():
            fld = next(f for f in model._meta.sorted_fields if f.column_name == name)
            theirs = server.get(fld.name)
            if theirs == entry["new"]:
                self.result.already += 1
            elif untouched or theirs == entry["old"]:
                apply[fld.name] = entry["new"]
            else:
                self._conflict(change, ConflictKind.BOTH_CHANGED, citizen_id, name=fld.name,
                               mine=entry["new"], theirs=theirs, base=entry["old"])  # fmt: skip
        if not apply:
            return
        try:
            with db.atomic():
                values = decode(model, [apply])[0]
                values.update(version=model.version + 1, updated_at=utcnow())
                model.update(**values).where(model.id == row.id).execute()
                self._audit(AuditAction.UPDATE, model, row.id, citizen_id)
            self.result.applied += 1
        except (MissingParent, peewee.IntegrityError, peewee.ProgrammingError):
            kind = ConflictKind.REFUSED
            self._conflict(
                change, kind, citizen_id, mine=apply, theirs={k: server.get(k) for k in apply}
            )

    def delete(self, change: dict[str, Any]) -> None:
        model = model_of(change["table"])
        row = model.get_or_none(model.uid == change["uid"])
        if row is None:
            self.result.already += 1
            return
        citizen_id = _citizen_of(model, row.id)
        path, parent = citizen_path(model) if citizen_id is not None else (None, None)
        if parent is not None:
            parent_uid = uids_of(parent, [getattr(row, path.column_name)]).values()
            if self.kept_back & set(parent_uid):
                self.kept_back.add(change["uid"])
                return  # stays with its parent, whose deletion is a conflict
        if row.version != change["base_version"]:
            self.kept_back.add(change["uid"])
            self._conflict(change, ConflictKind.DELETED_HERE, citizen_id,
                           theirs=read(model, model.id == row.id)[0])  # fmt: skip
            return
        try:
            with db.atomic():
                self._audit(AuditAction.DELETE, model, row.id, citizen_id)
                model.delete().where(model.id == row.id).execute()
            self.result.applied += 1
        except (peewee.IntegrityError, peewee.ProgrammingError):
            self.kept_back.add(change["uid"])
            self._conflict(change, ConflictKind.REFUSED, citizen_id,
                           theirs=read(model, model.id == row.id)[0])  # fmt: skip


def _batches(changes: dict[str, Any]) -> list[tuple[str | None, dict[str, list]]]:
    """The change set cut into batches, one per citizen (the provider's own
    records first), each with its inserts, updates and deletes in order."""
    batches: dict[str | None, dict[str, list]] = {}
    for kind in ("inserts", "updates", "deletes"):
        for change in changes[kind]:
            batch = batches.setdefault(change.get("citizen"), {k: [] for k in _KINDS})
            batch[kind].append(change)
    return sorted(batches.items(), key=lambda item: (item[0] is not None, item[0] or ""))


_KINDS = ("inserts", "updates", "deletes")


def merge(changes: dict[str, Any], device: Device) -> MergeResult:
    """Merge a laptop's change set into the open team database: one
    transaction per citizen, holding that citizen (and the write lock) while
    it runs, its receipts written with it. Cut off between two, the next
    sync goes on where this one stopped."""
    from ...models import Citizen

    job = _Merge(changes, device)
    for citizen_uid, batch in _batches(changes):
        with db.atomic():
            if citizen_uid is not None:
                storage.sync_lock_citizens(list(ids_of(Citizen, [citizen_uid]).values()))
            job.receipts = []
            for kind, step in zip(_KINDS, (job.insert, job.update, job.delete), strict=True):
                for change in batch[kind]:
                    if job._done(change):
                        continue
                    step(change)
                    job._receipt(change)
            if job.receipts:
                SyncReceipt.insert_many(
                    [{"uid": u, "device": device.id} for u in job.receipts]
                ).execute()
    with db.atomic():
        Device.update(last_sync_at=utcnow()).where(Device.id == device.id).execute()
    return job.result


__all__ = ["merge", "MergeResult", "plain"]
