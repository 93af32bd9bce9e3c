"""Taking citizens offline, syncing, giving them back (issue 19).

Each step has the laptop's database open, or the team database's, never
both: what passes between them is plain data (a change set, a snapshot),
the same that travels in a sealed bundle for a laptop that never sees the
server. ``open_laptop`` and ``open_team`` open and bind the database; the
step closes it again. Every step is one transaction on its side and can be
run again after a cut-off at any point:

1. the laptop: its sync state (a device uid made once, kept before anything
   is sent) and its change set;
2. the team database: the device checked (revoked: refused), the change
   set merged (receipts: nothing twice), the snapshot of its citizens;
3. the laptop: the sent changes forgotten and the snapshot applied, in one
   transaction, refused when something was written here meanwhile (the next
   sync sends it).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

import peewee

from ... import storage
from ...fields import new_uid
from ...i18n import _
from ...models import ChangeOp, Citizen, Device, Mentor, SyncState, db, utcnow
from ..errors import DomainError
from . import changes as changelog
from . import devices, snapshot
from .merge import MergeResult, merge
from .rows import citizen_models, ids_of, of_citizens

Opener = Callable[[], Any]
CHANGES = "mentorterm-sync-changes"
REPLY = "mentorterm-sync-reply"


class SyncRefused(DomainError):
    """A sync that cannot go on, in the mentor's words; nothing was written."""


@dataclass
class SyncReport:
    sent: int = 0
    received: int = 0
    merged: MergeResult = field(default_factory=MergeResult)
    citizens: list[str] = field(default_factory=list)
    elsewhere: list[devices.OutElsewhere] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    device: str = ""
    held: list[str] = field(default_factory=list)  # the uids of the citizens out on the laptop


def _laptop(open_laptop: Opener, step: Callable[[], Any]) -> Any:
    open_laptop()
    try:
        if storage.is_postgres():
            raise SyncRefused(
                _("The laptop's copy is the mentor's own database file, not the team database.")
            )
        return step()
    finally:
        storage.close_database()


def _team(open_team: Opener, step: Callable[[], Any]) -> Any:
    open_team()
    try:
        return step()
    except (peewee.DatabaseError, *storage.driver_errors()) as exc:
        # Said as the team database's (the command's --db is the laptop's file).
        raise storage.translate_error(exc, getattr(open_team, "where", "postgresql")) from exc
    finally:
        storage.close_database()


def state() -> SyncState | None:
    return SyncState.get_or_none(SyncState.id == 1)


def _begin(team: str, login: str, name: str) -> dict[str, Any]:
    """The laptop's sync state, made (with its device uid) before anything is sent."""
    with db.atomic():
        found = state()
        if found is None:
            found = SyncState.create(
                device_uid=new_uid(), device_name=name, team=team, login=login, mentor_uid=""
            )
        elif found.team != team:
            raise SyncRefused(
                _(
                    "This laptop holds citizens from another team database ({where}): sync "
                    "or give them back there first. Nothing was changed."
                ).format(where=found.team)
            )
    return {"device": found.device_uid, "name": found.device_name,
            "changes": changelog.change_set()}  # fmt: skip


def _open_conflicts(device: Device) -> list[dict[str, Any]]:
    """The device's conflicts still open, as plain data for the laptop's report."""
    from .conflicts import open_conflicts

    return [
        {"id": c.id, "citizen": c.citizen, "table": c.what, "field": c.field,
         "record": c.record, "kind": c.kind.value, "mine": json.dumps(c.mine),
         "theirs": json.dumps(c.theirs)}
        for c in open_conflicts(device_id=device.id)
    ]  # fmt: skip


def _server(laptop: dict[str, Any], *, take: bool, today: date) -> dict[str, Any]:
    """The team database's step: device, merge, checkouts, snapshot."""
    changes = laptop["changes"]
    if changes["schema"] != storage.SCHEMA_VERSION:
        raise SyncRefused(
            _(
                "The laptop's changes are from schema {theirs}, the team database is at "
                "{ours}: update mentorterm on both first. Nothing was written."
            ).format(theirs=changes["schema"], ours=storage.SCHEMA_VERSION)
        )
    mentor = devices.me()
    with db.atomic():
        device = Device.get_or_none(Device.uid == laptop["device"])
        if device is None and not take:
            raise SyncRefused(
                _(
                    "The team database does not know this laptop: take citizens offline "
                    "first with 'mentorterm sync out'. Nothing was written."
                )
            )
        device = devices.register(laptop["name"], laptop["device"])
        if device.mentor_id != mentor.id:
            raise SyncRefused(
                _("This laptop is {mentor}'s: sync with their login. Nothing was written.").format(
                    mentor=device.mentor.name
                )
            )
    # Outside any transaction of its own: the merge commits citizen by citizen.
    result = merge(changes, device)
    with db.atomic():
        devices.refuse_revoked(Device.get_by_id(device.id))  # revoked meanwhile
        wanted = result.new_citizens + (devices.mine_to_take(mentor, today) if take else [])
        _out, elsewhere = devices.check_out(device, wanted)
        ids = devices.out_citizen_ids(device)
        snap = snapshot.take(ids)
        return {
            "format": REPLY, "device_uid": device.uid, "device": device.name,
            "at": utcnow().isoformat(), "seq": storage.sync_server_sequence(),
            "last_op": changes["last_op"], "sent": changelog.count(changes),
            "snapshot": snap, "mentor": mentor.uid, "merged": asdict(result),
            "elsewhere": [{**asdict(e), "since": e.since.isoformat()} for e in elsewhere],
            "conflicts": _open_conflicts(device),
        }  # fmt: skip


def _receive(reply: dict[str, Any]) -> SyncReport:
    """The laptop's last step: sent changes forgotten, the snapshot applied."""
    last_op = reply["last_op"]
    with db.atomic():
        found = state()
        if found is None or found.device_uid != reply["device_uid"]:
            raise SyncRefused(
                _("This reply is for another laptop ({device}). Nothing was changed.").format(
                    device=reply["device"]
                )
            )
        if reply["seq"] < found.pulled_seq:
            raise SyncRefused(
                _(
                    "This reply is older than what the laptop already has from the team "
                    "database. Nothing was changed."
                )
            )
        later = changelog.written_since(last_op)
        changelog.forget_sent(last_op)
        snapshot.become(reply["mentor"], reply["snapshot"])
        changed = snapshot.apply(reply["snapshot"], keep=later)
        # The server's count of changes at the snapshot: a reply older than it is refused.
        SyncState.update(
            mentor_uid=reply["mentor"], last_sync_at=utcnow(), pulled_seq=reply["seq"]
        ).where(SyncState.id == 1).execute()
        storage.sync_log_start()
    return report_of(reply, changed)


def report_of(reply: dict[str, Any], received: int) -> SyncReport:
    """What a sync did, from the server's reply and the records the laptop took."""
    return SyncReport(
        sent=reply["sent"], received=received, merged=MergeResult(**reply["merged"]),
        citizens=[r["name"] for r in reply["snapshot"]["tables"]["citizen"]],
        elsewhere=[
            devices.OutElsewhere(**{**e, "since": datetime.fromisoformat(e["since"])})
            for e in reply["elsewhere"]
        ],
        conflicts=reply["conflicts"], device=reply["device"],
        held=list(reply["snapshot"]["citizens"]),
    )  # fmt: skip


def sync(
    open_laptop: Opener,
    open_team: Opener,
    *,
    team: str = "",
    login: str = "",
    take: bool = False,
    name: str = "",
    today: date | None = None,
) -> SyncReport:
    """Send the laptop's changes, merge, bring the laptop up to the server.

    ``take``: also take the mentor's citizens offline (the first time, and to
    add citizens given to them since)."""

    def first() -> dict[str, Any]:
        found = state()
        if found is None and not take:
            raise SyncRefused(
                _(
                    "This laptop holds no citizens from the team database: take them "
                    "offline first with 'mentorterm sync out'."
                )
            )
        where = team or (found.team if found else "")
        return _begin(where, login or (found.login if found else ""),
                      name or socket.gethostname())  # fmt: skip

    laptop = _laptop(open_laptop, first)
    reply = _team(open_team, lambda: _server(laptop, take=take, today=today or date.today()))
    return _laptop(open_laptop, lambda: _receive(reply))


# A laptop that never sees the server: the same steps, carried in sealed bundles.


def bundle_changes(open_laptop: Opener) -> dict[str, Any]:
    """The laptop's first step, for a bundle: its device and change set."""

    def first() -> dict[str, Any]:
        found = state()
        if found is None:
            raise SyncRefused(
                _(
                    "This laptop holds no citizens from the team database: take them "
                    "offline first with 'mentorterm sync out'."
                )
            )
        return {"format": CHANGES, **_begin(found.team, found.login, found.device_name)}

    return _laptop(open_laptop, first)


def bundle_apply(open_team: Opener, laptop: dict[str, Any], today: date | None = None):
    """The team database's step, for a bundle: the reply to carry back."""
    if laptop.get("format") != CHANGES:
        raise SyncRefused(_("This bundle holds no laptop's changes. Nothing was changed."))
    return _team(open_team, lambda: _server(laptop, take=False, today=today or date.today()))


def bundle_receive(open_laptop: Opener, reply: dict[str, Any]) -> SyncReport:
    """The laptop's last step, for a bundle: the reply applied."""
    if reply.get("format") != REPLY:
        raise SyncRefused(
            _("This bundle holds no reply from the team database. Nothing was changed.")
        )
    return _laptop(open_laptop, lambda: _receive(reply))


def give_back(open_laptop: Opener, open_team: Opener, *, today: date | None = None) -> SyncReport:
    """Sync, then the citizens go back: their marks closed on the team
    database, their records gone from the laptop, the change log stopped."""
    report = sync(open_laptop, open_team, today=today)
    uid = _laptop(open_laptop, lambda: state().device_uid)

    def close_marks() -> None:
        with db.atomic():
            device = Device.get(Device.uid == uid)
            devices.return_all(device)

    _team(open_team, close_marks)

    def forget() -> None:
        with db.atomic():
            if ChangeOp.select().exists():
                raise SyncRefused(
                    _(
                        "Something was written on this laptop while it synced: nothing was "
                        "given back. Run 'mentorterm sync back' again."
                    )
                )
            storage.sync_log_stop()
            held = ids_of(Citizen, report.held)
            storage.sync_set_pulling(True)
            for model in reversed(citizen_models()):
                model.delete().where(of_citizens(model, held.values())).execute()
            ChangeOp.delete().execute()
            SyncState.delete().execute()

    _laptop(open_laptop, forget)
    return report


__all__ = ["sync", "give_back", "SyncReport", "SyncRefused", "Mentor"]
