"""Offline laptops in sync with the team database (schema 13, issue 19).

On the team database:

- ``Device``: a mentor's laptop that may hold citizens offline; the lead
  revokes a lost one (``revoked_at``), and its later syncs are refused.
- ``Checkout``: a citizen out on a device since a moment (colleagues see
  "out on Anna's laptop since …"), until it is returned.
- ``SyncConflict``: a change made offline that could not be applied as it
  was (the same field changed on the server meanwhile, a record deleted on
  one side and changed on the other, a record whose parent is gone): both
  values kept, shown to the mentor and in the team review until resolved.
- ``SyncReceipt``: a laptop's change already applied (its uid), so a sync
  run again after a cut-off applies nothing twice.

On the laptop:

- ``SyncState``: the one row saying this file holds citizens from a team
  database, for which device and mentor, and whether a pull is writing
  (the change log's triggers stand still while it does).
- ``ChangeOp``: every local change since the last sync, one row per
  inserted record, per changed field (old and new value, the record's
  version before) and per deleted record (a tombstone), written by SQLite
  triggers (storage/sync_log.py), in the order they happened.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CharField,
    Check,
    Field,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from ..enums_sync import ConflictKind, ConflictResolution, OpKind
from ..fields import StampField
from .base import BaseModel, _enum_check, db, utcnow
from .people import Citizen, Mentor


class StoredValue(Field):
    """A value as SQLite's trigger stored it, of any type (a BLOB column has
    no affinity: an integer stays one, a text stays one)."""

    field_type = "BLOB"


class Device(BaseModel):
    mentor = ForeignKeyField(Mentor, backref="devices", on_delete="CASCADE")
    name = CharField(max_length=200)
    registered_at = StampField(default=utcnow)
    last_sync_at = StampField(null=True)
    revoked_at = StampField(null=True)
    revoked_by = ForeignKeyField(Mentor, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("uid",), True),)


class Checkout(BaseModel):
    device = ForeignKeyField(Device, backref="checkouts", on_delete="CASCADE", index=False)
    citizen = ForeignKeyField(Citizen, backref="checkouts", on_delete="CASCADE")
    since = StampField(default=utcnow)
    returned_at = StampField(null=True)

    class Meta:
        indexes = ((("device", "returned_at"), False), (("uid",), True))


class SyncConflict(BaseModel):
    citizen = ForeignKeyField(Citizen, null=True, backref="sync_conflicts", on_delete="CASCADE")
    device = ForeignKeyField(Device, null=True, backref="+", on_delete="SET NULL")
    author = ForeignKeyField(Mentor, null=True, backref="+", on_delete="SET NULL")
    table_name = CharField(max_length=60)
    record_uid = CharField(max_length=32)
    field = CharField(max_length=60, default="")  # "": the whole record
    kind = CharField(max_length=30, constraints=[_enum_check("kind", ConflictKind)])
    # JSON: the laptop's value (a field's, or the whole record's), the
    # server's when the sync met it, the value both started from.
    mine = TextField(default="null")
    theirs = TextField(default="null")
    base = TextField(default="null")
    written_at = StampField(null=True)  # when the laptop's change was made
    resolved_at = StampField(null=True)
    resolved_by = ForeignKeyField(Mentor, null=True, backref="+", on_delete="SET NULL")
    resolution = CharField(
        max_length=20,
        null=True,
        constraints=[_enum_check("resolution", ConflictResolution, null=True)],
    )

    class Meta:
        indexes = ((("resolved_at", "citizen"), False), (("uid",), True))


class SyncReceipt(BaseModel):
    """The uid is the laptop's change's (``ChangeOp.uid``)."""

    device = ForeignKeyField(Device, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("uid",), True),)


class SyncState(Model):
    id = IntegerField(primary_key=True, default=1)
    device_uid = CharField(max_length=32)
    device_name = CharField(max_length=200)
    team = TextField()  # the team database's address, without a password
    login = CharField(max_length=100)
    mentor_uid = CharField(max_length=32)
    pulling = IntegerField(default=0)
    taken_at = StampField(default=utcnow)
    last_sync_at = StampField(null=True)
    # The team database's sequence (its audit counter) when the snapshot the
    # laptop holds was taken: a reply older than it is refused, by the
    # server's count of changes, never by a clock.
    pulled_seq = IntegerField(default=0)

    class Meta:
        database = db
        legacy_table_names = False
        constraints = [Check("id = 1")]


class ChangeOp(Model):
    id = AutoField()
    uid = CharField(max_length=32)
    table_name = CharField(max_length=60)
    record_uid = CharField(max_length=32)
    citizen_uid = CharField(max_length=32, null=True)  # whom it is about (None: the provider's)
    op = CharField(max_length=10, constraints=[_enum_check("op", OpKind)])
    field = CharField(max_length=60, default="")
    old = StoredValue(null=True)  # the value as stored (no affinity: a value keeps its type)
    new = StoredValue(null=True)
    base_version = IntegerField(null=True)
    at = StampField()

    class Meta:
        database = db
        legacy_table_names = False


#: The tables sync keeps, created with the schema (after ALL_MODELS).
SYNC_MODELS: list[type[Model]] = [Device, Checkout, SyncConflict, SyncReceipt, SyncState, ChangeOp]
