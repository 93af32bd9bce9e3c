"""The job search's forms: the CV's state, a company contacted, a company to approach.

Short on purpose (the mentor fills them in while the citizen watches): the
company and how first, the day already today, the rest optional. The company
is found in the workplace register as you type (``workplace_picker``: the grey
rest of a register name, right arrow takes it); a name the register lacks is
kept as typed.
"""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from ..domain import jobsearch as domain
from ..domain import workplaces as register
from ..enums_provider import ContactHow, ContactOutcome, CvState
from ..i18n import _
from ..schemas import CvStateIn, JobContactIn, TargetCompanyIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from .workplace_picker import FindsWorkplace


class FindsCompany(FindsWorkplace):
    """The company field finds the workplace register as you type (nothing filled)."""

    WORKPLACE_FIELD = "company"
    WORKPLACE_FILLS: dict[str, str] = {}

    LINKED_AS = ""  # the record kind whose saved link the form opens on
    row_id: int | None = None

    def on_mount(self) -> None:
        saved = None
        if self.row_id is not None:
            saved = register.company_site(self.LINKED_AS, self.row_id)
        self.start_finding(linked=saved)

    def on_input_changed(self, event: Input.Changed) -> None:
        # A plain handler (a mixin's @on is not collected): the company field only.
        if event.input.id == f"f-{self.WORKPLACE_FIELD}":
            self.workplace_typed(event.value, typed=self.focused is event.input)


class CvStateForm(FormScreen[int]):
    TITLE = _("The CV's state")
    MODEL = CvStateIn
    FIELDS = [
        FieldSpec("state", _("CV"), "select", options=CvState.choices(), required=True),
        FieldSpec("noted_on", _("As of"), "date", required=True),
        FieldSpec("note", _("Note"), hint=_("e.g. needs help one-to-one with the IT")),
    ]

    def __init__(self, citizen_id: int, today: date, state: str | None = None) -> None:
        super().__init__({"state": state or CvState.BEING_WRITTEN.value, "noted_on": today})
        self.citizen_id = citizen_id

    def submit(self, data: CvStateIn) -> int:
        return domain.set_cv_state(self.citizen_id, data)


class ContactForm(FindsCompany, FormScreen[int]):
    TITLE = _("New contact with a company")
    MODEL = JobContactIn
    RECORD = ("job_contact", "contact_id")
    LINKED_AS = "job_contact"
    FIELDS = [
        FieldSpec("company", _("Company"), required=True),  # found in the register
        FieldSpec("how", _("How"), "select", options=ContactHow.choices(), required=True),
        FieldSpec("contacted_on", _("Day"), "date", required=True),
        FieldSpec("outcome", _("How it went"), "select", options=ContactOutcome.choices()),
        FieldSpec("follow_up_on", _("Follow up on"), "date", hint=_("When to ask again")),
        FieldSpec("followed_up_on", _("Followed up on"), "date"),
        FieldSpec("note", _("Note"), "area"),
    ]

    def __init__(self, citizen_id: int, today: date, contact_id: int | None = None) -> None:
        self.citizen_id = citizen_id
        self.contact_id = self.row_id = contact_id
        if contact_id is None:
            initial = {
                "how": ContactHow.APPLICATION.value,
                "contacted_on": today,
                "outcome": ContactOutcome.WAITING.value,
            }
            title = None
        else:
            initial = domain.contact_input(contact_id).model_dump()
            title = _("Edit the contact")
        super().__init__(initial, title)

    def submit(self, data: JobContactIn) -> int:
        if self.contact_id is None:
            return domain.add_contact(self.citizen_id, data, workplace_id=self.site_id)
        domain.update_contact(self.contact_id, data, workplace_id=self.site_id)
        return self.contact_id


class TargetForm(FindsCompany, FormScreen[int]):
    TITLE = _("A company to approach")
    MODEL = TargetCompanyIn
    RECORD = ("target_company", "target_id")
    LINKED_AS = "target_company"
    FIELDS = [
        FieldSpec("company", _("Company"), required=True),  # found in the register
        FieldSpec("why", _("Why this one"), hint=_("e.g. near home; they take trainees")),
    ]

    def __init__(self, citizen_id: int, today: date, target_id: int | None = None) -> None:
        self.citizen_id = citizen_id
        self.target_id = self.row_id = target_id
        self.today = today
        initial = {} if target_id is None else domain.target_input(target_id).model_dump()
        super().__init__(initial, None if target_id is None else _("Edit the company"))

    def submit(self, data: TargetCompanyIn) -> int:
        if self.target_id is None:
            return domain.add_target(self.citizen_id, data, self.today, workplace_id=self.site_id)
        domain.update_target(self.target_id, data, workplace_id=self.site_id)
        return self.target_id
