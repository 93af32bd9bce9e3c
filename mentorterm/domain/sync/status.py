"""Where the open database stands in the team's sync (issue 19), for the screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ... import storage
from ...models import ChangeOp, Citizen, SyncState


@dataclass(frozen=True)
class LaptopStatus:
    """A laptop holding citizens from the team database."""

    team: str  # the team database's address, without a password
    login: str
    device: str
    citizens: int
    unsent: int  # records changed here since the last sync
    last_sync_at: datetime | None


def role() -> str | None:
    """ "team" on the team database, "laptop" on a file holding citizens from
    one, None on a mentor's own database that is neither."""
    if storage.is_postgres():
        return "team"
    return "laptop" if SyncState.get_or_none(SyncState.id == 1) is not None else None


def laptop_status() -> LaptopStatus | None:
    state = SyncState.get_or_none(SyncState.id == 1)
    if state is None:
        return None
    unsent = ChangeOp.select(ChangeOp.table_name, ChangeOp.record_uid).distinct().count()
    return LaptopStatus(
        storage.describe(state.team), state.login, state.device_name, Citizen.select().count(),
        unsent, state.last_sync_at,
    )  # fmt: skip
