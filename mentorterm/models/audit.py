"""The audit log and the erasure marker (no BaseModel: no stamps, never updated)."""

from __future__ import annotations

from peewee import (
    CharField,
    DateTimeField,
    IntegerField,
    Model,
    TextField,
)

from ..enums import (
    AuditAction,
)
from ..fields import NeverReusedIdField
from .base import _enum_check, db, utcnow


class AuditEntry(Model):
    """One row of the audit log: who did what to which record, when and why.

    Append-only and hash-chained (domain/audit/; triggers in storage/schema.py).
    It holds ids, kinds, actions and purposes only, never a name or a note:
    rows outlive the records they name until the citizen is erased. Not a
    ``BaseModel`` (a row is never updated, so no ``updated_at``) and not in
    ALL_MODELS (not a record about a citizen: no export, no cascade). The
    citizen and mentor are plain ids, not foreign keys, for the same reason.
    AUTOINCREMENT: an id is never used twice, even after an erasure removed
    the last rows, so a gap in the ids always means something was removed.
    """

    id = NeverReusedIdField()
    at = DateTimeField(default=utcnow)  # UTC
    action = CharField(max_length=20, constraints=[_enum_check("action", AuditAction)])
    what = CharField(max_length=40)  # the kind of record: "meeting", "logbook_entry", ...
    record_id = IntegerField(null=True)
    citizen_id = IntegerField(null=True)
    mentor_id = IntegerField(null=True)
    purpose = CharField(max_length=200, default="")
    # An erase row: [[id, prev_hash, hash], ...] of the rows it removed; a
    # correction: {"field": [old, new] or "changed"} (domain/audit.changes).
    detail = TextField(default="")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)

    class Meta:
        database = db
        legacy_table_names = False
        indexes = ((("citizen_id",), False),)


class ErasureInProgress(Model):
    """The citizen being erased, for the length of the erasing transaction only.

    The trigger that refuses DELETE on audit_entry lets a citizen's rows go
    while their id is here (a TEMP table would be invisible to it).
    """

    citizen_id = IntegerField(primary_key=True)

    class Meta:
        database = db
        legacy_table_names = False
