"""Input model of the workplace register (praktiksteder): a partner the provider returns to."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

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
