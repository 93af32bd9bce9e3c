"""Input models of the job search (issue 20): the CV's state, a company
contacted, a company to approach. The messages are the mentor's words."""

from __future__ import annotations

from pydantic import model_validator

from ..enums_provider import ContactHow, ContactOutcome, CvState
from ..format import show_date
from ..i18n import _
from .errors import _field_error
from .fields import Day, InputModel, Name, OptionalDay, Text


class CvStateIn(InputModel):
    """The CV's state as of a day; the earlier states stay as its history."""

    state: CvState
    noted_on: Day
    note: Text = ""


class JobContactIn(InputModel):
    """An application or a contact with a company, and how it went."""

    company: Name
    contacted_on: Day
    how: ContactHow
    outcome: ContactOutcome = ContactOutcome.WAITING
    follow_up_on: OptionalDay = None
    followed_up_on: OptionalDay = None
    note: Text = ""

    @model_validator(mode="after")
    def _check(self) -> JobContactIn:
        day = show_date(self.contacted_on)
        if self.follow_up_on is not None and self.follow_up_on < self.contacted_on:
            raise _field_error(
                "follow_up_on",
                _("The follow-up cannot be before the day of the contact ({day}).").format(day=day),
            )
        if self.followed_up_on is not None and self.followed_up_on < self.contacted_on:
            raise _field_error(
                "followed_up_on",
                _("It cannot have been followed up before the day of the contact ({day}).").format(
                    day=day
                ),
            )
        return self


class TargetCompanyIn(InputModel):
    """A company on the list of companies to approach."""

    company: Name
    why: Text = ""
