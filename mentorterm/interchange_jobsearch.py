"""The job search in the interchange format (schema 10, issue 20): each citizen's
CV states, companies contacted and companies to approach, validated by the
screens' own input models plus their stamps. Files written before schema 10
have none of them and import as they did."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from .i18n import _
from .schemas import CvStateIn, Day, JobContactIn, OptionalDay, TargetCompanyIn, _field_error


class _Stamped(BaseModel):
    created_at: datetime | None = None
    updated_at: datetime | None = None
    uid: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")] | None = None  # schema 11


class CvStatusDoc(CvStateIn, _Stamped):
    pass


class _Site(BaseModel):
    # The register's workplace it is linked to, by its key in the document's
    # workplaces (as a placement's ``site``); an older file's has none (the
    # workplace's screen matches those by name).
    site: str | None = Field(default=None, description="Key of a workplace in the document")


class JobContactDoc(JobContactIn, _Stamped, _Site):
    pass


class TargetCompanyDoc(TargetCompanyIn, _Stamped, _Site):
    position: int = Field(default=0, ge=0)
    added_on: Day
    done_on: OptionalDay = None

    @model_validator(mode="after")
    def _done_after_added(self) -> TargetCompanyDoc:
        if self.done_on is not None and self.done_on < self.added_on:
            raise _field_error(
                "done_on", _("A company cannot be approached before it was put on the list.")
            )
        return self


class JobSearchDocs(BaseModel):
    """The three lists a citizen's document carries (``CitizenDoc`` takes them)."""

    # Added with schema 10; files written before it have none.
    cv_states: list[CvStatusDoc] = Field(default_factory=list, max_length=1000)
    job_contacts: list[JobContactDoc] = Field(default_factory=list, max_length=10_000)
    target_companies: list[TargetCompanyDoc] = Field(default_factory=list, max_length=1000)
