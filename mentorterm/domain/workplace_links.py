"""Typed workplace names matched to the register, all or nothing.

Before the register, a placement's workplace was a name typed each time
("Netto Vest", "netto  vest"). ``link_typed_names`` links every placement not
yet linked to the register's entry of the same name (case and runs of spaces
aside), creating one entry per distinct name the register lacks (named as
first typed, with the supervisor of its latest placement), in one
transaction: refused, nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import storage
from ..i18n import N_
from ..models import Placement, Workplace, db
from ..schemas.workplaces import same_name
from . import audit


@dataclass
class LinkPlan:
    """What linking does: the entries it creates, and the placements each
    name links (name → placement ids), for the register's and new entries."""

    new: list[str] = field(default_factory=list)
    links: dict[str, list[int]] = field(default_factory=dict)  # register name → placements
    created: dict[str, int] = field(default_factory=dict)  # new name → its id, once written
    # On the team database: unlinked placements of colleagues' citizens, left for them.
    skipped: int = 0

    @property
    def placements(self) -> int:
        return sum(len(ids) for ids in self.links.values())


def _unlinked() -> tuple[list[Placement], int]:
    """The unlinked placements this login may change, and how many others there are
    (on the team database a mentor links their own citizens' placements)."""
    rows = list(
        Placement.select()
        .where(Placement.site.is_null())
        .order_by(Placement.start_date, Placement.id)
    )
    writable = storage.writable_citizen_ids()
    if writable is None:
        return rows, 0
    mine = [p for p in rows if p.citizen_id in writable]
    return mine, len(rows) - len(mine)


def plan_links() -> LinkPlan:
    """What ``link_typed_names`` would do, written nowhere."""
    unlinked, skipped = _unlinked()
    plan = _plan(unlinked, {})
    plan.skipped = skipped
    return plan


def _plan(unlinked: list[Placement], register: dict[str, Workplace]) -> LinkPlan:
    if not register:
        register = {}
        for w in Workplace.select().order_by(Workplace.archived, Workplace.id):
            register.setdefault(same_name(w.name), w)
    plan = LinkPlan()
    seen: dict[str, str] = {}  # compared name → the name it is shown and created by
    for placement in unlinked:
        key = same_name(placement.workplace)
        if not key:
            continue
        if key in register:
            name = register[key].name
        else:
            name = seen.setdefault(key, " ".join(placement.workplace.split()))
            if name not in plan.new:
                plan.new.append(name)
        plan.links.setdefault(name, []).append(placement.id)
    return plan


def link_typed_names() -> LinkPlan:
    """Link every unlinked placement to the register by its typed name, creating
    the entries it lacks: one transaction, audited (one row per entry created
    and per placement linked)."""
    with db.atomic():
        unlinked, skipped = _unlinked()
        register: dict[str, Workplace] = {}
        for w in Workplace.select().order_by(Workplace.archived, Workplace.id):
            register.setdefault(same_name(w.name), w)
        plan = _plan(unlinked, register)
        plan.skipped = skipped
        by_id = {p.id: p for p in unlinked}
        for name in plan.new:
            latest = by_id[plan.links[name][-1]]
            made = Workplace.create(
                name=name,
                supervisor_name=latest.supervisor_name,
                supervisor_contact=latest.supervisor_contact,
                company_consultant=latest.company_consultant,
            )
            audit.record(
                "create", "workplace", record_id=made.id, purpose=N_("made from typed names")
            )
            register[same_name(name)] = made
            plan.created[name] = made.id
        for name, ids in plan.links.items():
            site = register[same_name(name)].id
            for placement_id in ids:
                placement = by_id[placement_id]
                placement.site = site
                placement.save()  # through save: its version moves on, as every change's
                audit.record(
                    "update",
                    "placement",
                    citizen_id=by_id[placement_id].citizen_id,
                    record_id=placement_id,
                    purpose=N_("linked to the workplace register"),
                )
        return plan
