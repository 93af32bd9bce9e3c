"""The team database's side of offline laptops: devices, citizens out on them (issue 19)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ... import storage
from ...i18n import _
from ...models import Checkout, Citizen, Cover, Device, Mentor, utcnow
from ..errors import DomainError


def local(at: datetime | None) -> datetime | None:
    """A stored moment (naive UTC) as the mentor's clock shows it."""
    if at is None:
        return None
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class DeviceRevoked(DomainError):
    """A revoked device's sync, refused; the message lists what it held."""


class NotOnTheTeam(DomainError):
    """A sync asked of a database that is not a team database, or a login with no mentor."""


def me() -> Mentor:
    """The mentor of this login on the team database."""
    if not storage.is_postgres():
        raise NotOnTheTeam(
            _("Sync works with the team database: give its address (postgresql://…).")
        )
    mentor_id = storage.team_mentor_id()
    if mentor_id is None:
        raise NotOnTheTeam(
            _(
                "This login is no mentor of the team: sync as the mentor whose laptop it "
                "is (the team lead adds mentors with 'mentorterm team add-mentor')."
            )
        )
    return Mentor.get_by_id(mentor_id)


def register(name: str, uid: str | None = None) -> Device:
    """This mentor's device (the one with ``uid``, else a new one named ``name``)."""
    mentor = me()
    if uid:
        device = Device.get_or_none(Device.uid == uid)
        if device is not None:
            refuse_revoked(device)
            return device
    return Device.create(
        mentor=mentor, name=name.strip() or _("Laptop"), **({"uid": uid} if uid else {})
    )


def held_by(device: Device) -> list[Citizen]:
    """The citizens out on ``device`` now, by name."""
    return list(
        Citizen.select()
        .join(Checkout, on=Checkout.citizen == Citizen.id)
        .where((Checkout.device == device.id) & Checkout.returned_at.is_null())
        .order_by(Citizen.name)
    )


def refuse_revoked(device: Device) -> None:
    if device.revoked_at is None:
        return
    names = ", ".join(c.name for c in held_by(device)) or _("no citizens")
    raise DeviceRevoked(
        _(
            "This laptop ({device}) was revoked by the team lead on {day}: its sync is "
            "refused and nothing was written. It held: {names}."
        ).format(device=device.name, day=f"{local(device.revoked_at):%d-%m-%Y}", names=names)
    )


def mine_to_take(mentor: Mentor, today: date) -> list[int]:
    """The mentor's active citizens and those they cover today."""
    covered = [
        c.covered_id
        for c in Cover.select().where(
            (Cover.mentor == mentor.id) & (Cover.starts_on <= today) & (Cover.ends_on >= today)
        )
    ]
    query = Citizen.select(Citizen.id).where(
        Citizen.mentor.in_([mentor.id, *covered]) & Citizen.archived_on.is_null()
    )
    return [cid for (cid,) in query.tuples()]


@dataclass
class OutElsewhere:
    citizen: str
    device: str
    mentor: str
    since: datetime


def check_out(device: Device, citizen_ids: list[int]) -> tuple[list[int], list[OutElsewhere]]:
    """Mark the citizens as out on ``device``; (those now out on it, those
    already out on another device, left where they are)."""
    out = []
    elsewhere = []
    for cid in citizen_ids:
        other = (
            Checkout.select(Checkout, Device, Citizen, Mentor)
            .join(Device).join(Mentor, on=Device.mentor == Mentor.id)
            .switch(Checkout).join(Citizen)
            .where((Checkout.citizen == cid) & Checkout.returned_at.is_null())
            .first()
        )  # fmt: skip
        if other is not None and other.device_id != device.id:
            elsewhere.append(
                OutElsewhere(
                    other.citizen.name,
                    other.device.name,
                    other.device.mentor.name,
                    local(other.since),
                )  # fmt: skip
            )
            continue
        if other is None:
            Checkout.create(device=device, citizen=cid)
        out.append(cid)
    return out, elsewhere


def out_citizen_ids(device: Device) -> list[int]:
    return [c.id for c in held_by(device)]


def return_all(device: Device) -> int:
    """The device's citizens are back: their marks closed; how many."""
    return (
        Checkout.update(returned_at=utcnow())
        .where((Checkout.device == device.id) & Checkout.returned_at.is_null())
        .execute()
    )


def revoke(name_or_uid: str) -> tuple[Device, list[Citizen]]:
    """The lead revokes a device: its later syncs are refused; what it held."""
    device = Device.get_or_none((Device.uid == name_or_uid) | (Device.name == name_or_uid))
    if device is None:
        raise DomainError(
            _("There is no device {name} on the team database.").format(name=name_or_uid)
        )
    Device.update(revoked_at=utcnow(), revoked_by=storage.team_mentor_id()).where(
        Device.id == device.id
    ).execute()
    return Device.get_by_id(device.id), held_by(device)


def where_out(citizen_ids: list[int]) -> dict[int, tuple[str, str, datetime]]:
    """{citizen id: (device, its mentor, since)} for citizens out on a laptop."""
    query = (
        Checkout.select(Checkout.citizen, Device.name, Mentor.name, Checkout.since)
        .join(Device).join(Mentor, on=Device.mentor == Mentor.id)
        .where(Checkout.returned_at.is_null() & Checkout.citizen.in_(citizen_ids))
        .tuples()
    )  # fmt: skip
    return {cid: (dev, mentor, local(since)) for cid, dev, mentor, since in query}


def devices() -> list[tuple[Device, str, int]]:
    """Every device with its mentor's name and the citizens out on it."""
    rows = []
    for device in Device.select(Device, Mentor).join(Mentor, on=Device.mentor == Mentor.id):
        rows.append((device, device.mentor.name, len(held_by(device))))
    return rows
