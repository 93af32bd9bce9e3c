"""The workplace register (praktiksteder): partners the provider returns to.

A workplace has its contacts (the placement supervisor, *praktikansvarlig*,
and the company consultant, *virksomhedskonsulent*), its sector and address,
the accommodations it can offer and notes. A placement links to one
(``Placement.site``); the placement's typed name stays what it says.

The register is the provider's, no citizen's: its audit rows name no citizen,
and archiving (never deleting) keeps the history of the placements there.
``link`` (below, ``workplace_links``) matches the typed names of existing
placements to the register.
"""

from __future__ import annotations

from datetime import date

from peewee import JOIN

from ..enums import CourseOutcome, PlacementKind
from ..i18n import N_, _
from ..models import Citizen, Course, JobContact, Placement, TargetCompany, Workplace, db
from ..schemas.workplaces import WorkplaceIn, same_name
from . import audit
from .errors import DomainError, NotFound
from .views import View

# Free text and names: an audit row says that they changed, never what they say.
_PRIVATE = frozenset(WorkplaceIn.model_fields)


class WorkplaceRow(View):
    """One line of the register."""

    id: int
    name: str
    sector: str
    supervisor_name: str
    company_consultant: str
    archived: bool
    placements: int = 0
    running: int = 0


class WorkplaceView(WorkplaceRow):
    """A workplace with every field (its screen)."""

    address: str
    supervisor_contact: str
    consultant_contact: str
    accommodations: str
    notes: str


class PlacementThere(View):
    """A placement at a workplace: whose, when, and how it went."""

    placement_id: int
    citizen_id: int
    citizen_name: str
    kind: PlacementKind
    start_date: date
    end_date: date | None
    end_reason: str
    course_outcome: CourseOutcome | None = None

    def running_on(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


def site_of(placement: Placement) -> int | None:
    """The id of the register's workplace a placement links to (its column is
    ``workplace_id``, so peewee's ``_id`` accessor has that name, not ``site_id``)."""
    return placement.__data__.get("site")


def _workplace(workplace_id: int) -> Workplace:
    found = Workplace.get_or_none(Workplace.id == workplace_id)
    if found is None:
        raise NotFound(_("This workplace is no longer in the register."))
    return found


def _check_unique(name: str, workplace_id: int | None = None) -> None:
    """One entry per name (case and spaces aside): a second would split its history."""
    wanted = same_name(name)
    for other in Workplace.select(Workplace.id, Workplace.name, Workplace.archived):
        if other.id != workplace_id and same_name(other.name) == wanted:
            message = (
                _("“{name}” is already in the register (archived).")
                if other.archived
                else _("“{name}” is already in the register.")
            )
            raise DomainError(message.format(name=other.name), field="name")


def create_workplace(data: WorkplaceIn) -> int:
    """A new workplace in the register; refused when its name is there already."""
    with db.atomic():
        _check_unique(data.name)
        workplace_id = Workplace.create(**data.model_dump()).id
        audit.record("create", "workplace", record_id=workplace_id)
        return workplace_id


def workplace_input(workplace_id: int) -> WorkplaceIn:
    """The workplace's values as an input model (to prefill the edit form)."""
    workplace = _workplace(workplace_id)
    return WorkplaceIn.model_construct(
        **{name: getattr(workplace, name) for name in WorkplaceIn.model_fields}
    )


def update_workplace(workplace_id: int, data: WorkplaceIn) -> None:
    """Correct a workplace, audited (which fields changed, not their words)."""
    with db.atomic():
        workplace = _workplace(workplace_id)
        _check_unique(data.name, workplace_id)
        old = {name: getattr(workplace, name) for name in WorkplaceIn.model_fields}
        audit.apply_correction(
            workplace, "workplace", citizen_id=None, old=old, new=data.model_dump(),
            private=_PRIVATE,
        )  # fmt: skip


def set_archived(workplace_id: int, archived: bool = True) -> None:
    """Archive a workplace (it leaves the list and the suggestions; its
    placements keep their link) or take it back."""
    with db.atomic():
        workplace = _workplace(workplace_id)
        if workplace.archived == archived:
            return
        workplace.archived = archived
        workplace.save()
        audit.record(
            "update",
            "workplace",
            record_id=workplace_id,
            purpose=N_("archived") if archived else N_("taken back from the archive"),
        )


def _counts(today: date) -> dict[int, tuple[int, int]]:
    counts: dict[int, list[int]] = {}
    query = Placement.select(Placement.site, Placement.start_date, Placement.end_date).where(
        Placement.site.is_null(False)
    )
    for p in query:
        entry = counts.setdefault(site_of(p), [0, 0])
        entry[0] += 1
        if p.start_date <= today and (p.end_date is None or p.end_date >= today):
            entry[1] += 1
    return {key: (n, running) for key, (n, running) in counts.items()}


def _row(w: Workplace, counts: dict[int, tuple[int, int]], cls=WorkplaceRow):
    n, running = counts.get(w.id, (0, 0))
    values = {name: getattr(w, name) for name in cls.model_fields if hasattr(w, name)}
    return cls(**{**values, "placements": n, "running": running})


def workplaces(
    needle: str = "", *, include_archived: bool = False, today: date | None = None
) -> list[WorkplaceRow]:
    """The register by name; ``needle``: only names containing it (case and
    spaces aside), as the mentor types."""
    query = Workplace.select().order_by(Workplace.name, Workplace.id)
    if not include_archived:
        query = query.where(Workplace.archived == False)  # noqa: E712
    wanted = same_name(needle)
    counts = _counts(today or date.today())
    rows = [_row(w, counts) for w in query if wanted in same_name(w.name)]
    # Names that start with the text first, then those that contain it.
    return sorted(rows, key=lambda r: (not same_name(r.name).startswith(wanted), r.name.casefold()))


def suggestions(needle: str, limit: int = 6) -> list[WorkplaceRow]:
    """Workplaces whose name matches what is typed (the placement form's
    find-as-you-type): the active ones, names starting with it first."""
    if not same_name(needle):
        return []
    return workplaces(needle)[:limit]


def find_by_name(name: str) -> WorkplaceView | None:
    """The register's workplace of this name (case and spaces aside), if any."""
    wanted = same_name(name)
    if not wanted:
        return None
    for w in Workplace.select().order_by(Workplace.archived, Workplace.id):
        if same_name(w.name) == wanted:
            return workplace_view(w.id)
    return None


def workplace_view(workplace_id: int, today: date | None = None) -> WorkplaceView:
    return _row(_workplace(workplace_id), _counts(today or date.today()), WorkplaceView)


def placements_at(workplace_id: int) -> list[PlacementThere]:
    """Every placement at the workplace, latest first, with the citizen and how
    it went (the placement's end reason, the course's outcome)."""
    _workplace(workplace_id)
    query = (
        Placement.select(Placement, Citizen.name, Course.outcome)
        .join(Citizen, on=(Placement.citizen == Citizen.id))
        .switch(Placement)
        .join(Course, JOIN.LEFT_OUTER, on=(Placement.course == Course.id))
        .where(Placement.site == workplace_id)
        .order_by(Placement.start_date.desc(), Placement.id.desc())
    )
    rows = []
    for p in query.objects():
        rows.append(
            PlacementThere(
                placement_id=p.id,
                citizen_id=p.citizen_id,
                citizen_name=p.name,
                kind=PlacementKind(p.kind),
                start_date=p.start_date,
                end_date=p.end_date,
                end_reason=p.end_reason,
                course_outcome=CourseOutcome(p.outcome) if p.outcome else None,
            )
        )
    return rows


def placement_site(placement_id: int) -> WorkplaceView | None:
    """The register's workplace a placement links to, if any."""
    placement = Placement.get_or_none(Placement.id == placement_id)
    if placement is None or site_of(placement) is None:
        return None
    return workplace_view(site_of(placement))


def company_site(what: str, row_id: int) -> WorkplaceView | None:
    """The register's workplace a job-search company links to, if any (``what``:
    "job_contact" or "target_company")."""
    model = {"job_contact": JobContact, "target_company": TargetCompany}[what]
    row = model.get_or_none(model.id == row_id)
    linked = None if row is None else row.__data__.get("workplace")
    return None if linked is None else workplace_view(linked)


def link_placement(placement_id: int, workplace_id: int | None) -> None:
    """Link a placement to a register entry (None: unlink), audited on the placement."""
    with db.atomic():
        placement = Placement.get_or_none(Placement.id == placement_id)
        if placement is None:
            raise NotFound(_("This placement no longer exists."))
        if workplace_id is not None:
            _workplace(workplace_id)
        if site_of(placement) == workplace_id:
            return
        old = {"site": site_of(placement)}
        audit.apply_correction(
            placement, "placement", citizen_id=placement.citizen_id, old=old,
            new={"site": workplace_id}, purpose=N_("linked to the workplace register"),
        )  # fmt: skip
