"""Input model of the workplace register (praktiksteder): a partner the provider returns to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated

from pydantic import BeforeValidator, Field

from ..i18n import _
from .errors import _field_error
from .fields import InputModel, Line, Name, Text, _strip

Sector = Annotated[str, BeforeValidator(_strip), Field(max_length=100)]


class WorkplaceIn(InputModel):
    """A workplace as the mentor types it: the name is required, the rest may wait."""

    name: Name
    sector: Sector = ""
    address: Text = ""
    supervisor_name: Line = ""
    supervisor_contact: Line = ""
    company_consultant: Line = ""
    consultant_contact: Line = ""
    accommodations: Text = ""
    notes: Text = ""


def same_name(name: str) -> str:
    """A workplace name as it is compared: case and runs of spaces ignored."""
    return " ".join(name.split()).casefold()


class WorkplaceDoc(WorkplaceIn):
    """The interchange format's workplace (added with schema 10): the provider's,
    no citizen's, named by a key its placements refer to (``PlacementDoc.site``)."""

    key: Annotated[str, Field(min_length=1, max_length=40)]
    archived: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    uid: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")] | None = None  # schema 11


def check_sites(
    workplaces: list[WorkplaceDoc], placements: Sequence[Sequence], **others: Sequence[Sequence]
) -> None:
    """Each key once, and every placement's ``site`` a key of the list
    (``placements``: each citizen's, in the document's order); ``others`` the
    same for another list of each citizen's that names a workplace by its
    ``site`` (the job search's ``job_contacts`` and ``target_companies``)."""
    keys: set[str] = set()
    for index, workplace in enumerate(workplaces):
        if workplace.key in keys:
            raise _field_error(f"workplaces[{index}]", _("Two workplaces with the same key."))
        keys.add(workplace.key)
    for field, lists in {"placements": placements, **others}.items():
        for c_index, theirs in enumerate(lists):
            for p_index, record in enumerate(theirs):
                if record.site is not None and record.site not in keys:
                    raise _field_error(
                        f"citizens[{c_index}].{field}[{p_index}].site",
                        _(
                            "Names the workplace '{key}', which is not in the workplaces list."
                        ).format(key=record.site),
                    )
