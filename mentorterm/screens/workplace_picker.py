"""The placement form's workplace field finds the register as you type.

The name typed is completed from the register (the grey rest of the name;
right arrow takes it), and the line under the field lists the register's
workplaces whose name holds what is typed. A name that is one of the
register's (case and spaces aside) links the placement to it
(``Placement.site``) and fills the supervisor and consultant fields still
empty; any other name links to none (the typed name is kept as typed).

The job search's forms (a company contacted, a company to approach) find the
company the same way (``WORKPLACE_FIELD = "company"``, nothing to fill) and
link it to the workplace found (``JobContact.workplace``,
``TargetCompany.workplace``); a name the register lacks is kept as typed
there too, linked to none.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from ..domain import workplaces as register
from ..i18n import _
from ..widgets.fields import FieldSpec
from ..widgets.markup import escape

# The register's field → the placement form's field it fills when empty.
FILLS = {
    "supervisor_name": "supervisor_name",
    "supervisor_contact": "supervisor_contact",
    "company_consultant": "company_consultant",
}


class WorkplaceInput(Input):
    """The workplace field: right arrow at its end takes the register's completion
    of the name, or else the first workplace whose name holds what is typed
    ("værk" → "Kommunens Værksted": no completion can show that one in grey)."""

    first_match = ""

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_at_end and not self._suggestion and self.first_match:
            self.value = self.first_match
            self.cursor_position = len(self.value)
            return
        super().action_cursor_right(select)


class FindsWorkplace:
    """Mixed into a form (before FormScreen): the placement form, the job search's."""

    WORKPLACE_FIELD = "workplace"  # the form's field the register completes
    WORKPLACE_FILLS = FILLS  # the fields a register entry fills when empty

    site_id: int | None = None
    initial_site: register.WorkplaceView | None = None
    initial_name = ""
    finding = False  # set once the register is read (the field's first change comes before)

    def _compose_field(self, spec: FieldSpec) -> ComposeResult:
        for widget in super()._compose_field(spec):  # type: ignore[misc]
            if spec.name == self.WORKPLACE_FIELD and type(widget) is Input:
                widget = WorkplaceInput(
                    widget.value, placeholder=widget.placeholder, id=widget.id, classes="field"
                )
            yield widget
        if spec.name == self.WORKPLACE_FIELD:
            yield Static(id="workplace-matches", classes="field-hint")

    def start_finding(
        self, placement_id: int | None = None, linked: register.WorkplaceView | None = None
    ) -> None:
        """At mount: the register's names for the completion, the link as saved
        (a placement's, or ``linked``: a job-search company's)."""
        names = [row.name for row in register.workplaces()]
        box = self.query_one(f"#f-{self.WORKPLACE_FIELD}", Input)  # type: ignore[attr-defined]
        box.suggester = SuggestFromList(names, case_sensitive=False)
        if placement_id is not None:
            linked = register.placement_site(placement_id)
        if linked is not None or placement_id is not None:
            self.initial_site = linked
            self.site_id = linked.id if linked else None
        self.initial_name = box.value
        self.finding = True
        self.show_matches(box.value, fill=False)

    def workplace_typed(self, value: str, *, typed: bool) -> None:
        """The field changed: typed (the empty fields are filled from a match) or
        set (a draft restored)."""
        if self.finding:
            self.show_matches(value, fill=typed)

    def show_matches(self, value: str, *, fill: bool) -> None:
        line = self.query_one("#workplace-matches", Static)  # type: ignore[attr-defined]
        box = self.query_one(f"#f-{self.WORKPLACE_FIELD}", WorkplaceInput)  # type: ignore[attr-defined]
        box.first_match = ""
        found = register.find_by_name(value)
        if found is None and self.initial_site is not None and value == self.initial_name:
            found = self.initial_site  # the typed name of a linked placement, unchanged
        self.site_id = found.id if found else None
        if found is not None:
            line.update(
                _("✓ In the register: {name}").format(name=escape(found.name))
                + (" · " + _("archived") if found.archived else "")
            )
            if fill:
                self.fill_from(found)
            return
        matches = register.suggestions(value)
        if matches:
            box.first_match = matches[0].name
            names = " · ".join(escape(m.name) for m in matches)
            line.update(_("In the register: {names} (→ takes the first)").format(names=names))
        elif value.strip():
            line.update(_("Not in the register: saved as typed."))
        else:
            line.update(_("Type to find a workplace in the register."))

    def fill_from(self, found: register.WorkplaceView) -> None:
        for source, target in self.WORKPLACE_FILLS.items():
            box = self.query_one(f"#f-{target}", Input)  # type: ignore[attr-defined]
            if not box.value.strip() and getattr(found, source):
                box.value = getattr(found, source)
