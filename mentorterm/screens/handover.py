"""Hand a citizen over to another mentor (issue 18 item 5): the form, and the
question before it changes who owns the citizen.

Opened from the citizen screen (H, or "Hand over…" in the palette). The new
mentor is picked from the team's active mentors; the day defaults to today;
the note is what the new mentor reads first. On a mentor's own database with
nobody else in it, the key says so instead of opening an empty form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from textual.screen import Screen

from ..domain import citizens
from ..domain.errors import DomainError
from ..format import show_date
from ..i18n import _
from ..schemas import HandoverIn, friendly_errors
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.markup import escape


class HandoverForm(FormScreen[bool]):
    """To whom, from which day, and the note; asks before saving."""

    TITLE = _("Hand over")
    MODEL = HandoverIn

    def __init__(
        self, citizen_id: int, name: str, choices: list[tuple[int, str]], today: date
    ) -> None:
        self.citizen_id = citizen_id
        self.citizen_name = name
        self.choices = choices
        super().__init__(
            {"handed_on": today, "mentor_id": str(choices[0][0]) if len(choices) == 1 else None},
            _("Hand {name} over to another mentor").format(name=escape(name)),
        )

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec(
                "mentor_id",
                _("New mentor"),
                "select",
                options=[(name, str(mid)) for mid, name in self.choices],
                required=len(self.choices) == 1,
            ),
            FieldSpec("handed_on", _("Handed over on"), "date", required=True),
            FieldSpec(
                "note",
                _("Handover note"),
                "area",
                hint=_(
                    "What the new mentor should know first: agreements, what works, who to ring."
                ),
            ),
        ]

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        data = super().model_data(values)
        if "mentor_id" not in data:
            data["mentor_id"] = None  # "choose the new mentor", under its field
        return data

    def show_errors(self, errors: dict[str, str]) -> None:
        if "mentor_id" in errors and not self.values().get("mentor_id"):
            errors = {**errors, "mentor_id": _("Choose the mentor who takes over.")}
        super().show_errors(errors)

    def action_save(self) -> None:
        """Ask first: the citizen changes owner. Yes saves as any form does."""
        try:
            data = HandoverIn.model_validate(self.model_data(self.values()))
            citizens.check_handover(self.citizen_id, data, today=self.app.today)
        except ValidationError as exc:
            self.show_errors(friendly_errors(exc))
            return
        except DomainError as exc:
            self.show_errors({exc.field or "__all__": str(exc)})
            return
        self.clear_errors()
        new = dict(self.choices).get(data.mentor_id, "?")
        question = _(
            "[b]Hand {name} over to {mentor}?[/b]\n\nFrom {day} {name} is {mentor}'s "
            "citizen, on {mentor}'s caseload and in the weekly review under {mentor}; "
            "{mentor} writes about them from then on. Every record stays with {name}, and "
            "the handover is kept in their history."
        ).format(name=escape(self.citizen_name), mentor=escape(new), day=show_date(data.handed_on))

        def answered(yes: bool | None) -> None:
            if yes:
                FormScreen.action_save(self)

        self.app.push_screen(ConfirmScreen(question, yes=_("Hand over"), no=_("Not now")), answered)

    def submit(self, data: HandoverIn) -> bool:
        citizens.hand_over(self.citizen_id, data, today=self.app.today)
        return True


@safely
def open_handover(screen: Screen, citizen_id: int, name: str, done) -> None:
    """The form, or in words why there is no one to hand over to."""
    choices = citizens.handover_choices(citizen_id)
    if not choices:
        screen.notify(
            _(
                "There is no one to hand {name} over to: this database has no other "
                "mentor. Handing over is for a team database, where each mentor has "
                "their own login."
            ).format(name=escape(name)),
            severity="warning",
            timeout=8,
        )
        return
    screen.app.push_screen(HandoverForm(citizen_id, name, choices, screen.app.today), done)
