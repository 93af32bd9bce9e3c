"""Forms of a sub-goal: new or edited, and its status."""

from __future__ import annotations

from datetime import date

from ..domain import subgoals as alliance
from ..enums import SubGoalStatus
from ..i18n import _
from ..schemas import SubGoalIn, SubGoalStatusIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen

# Each status with its own sign and colour: achieved and dropped never look alike.


class SubGoalForm(FormScreen[int]):
    TITLE = _("New sub-goal")
    MODEL = SubGoalIn
    RECORD = ("sub_goal", "sub_goal_id")
    FIELDS = [
        FieldSpec(
            "title",
            _("Sub-goal"),
            required=True,
            hint=_("Small and concrete: 'Come on time two days a week for a month'."),
        ),
        FieldSpec(
            "success_criterion",
            _("We know it is reached when"),
            "area",
            hint=_("Something you could check together."),
        ),
        FieldSpec("target_date", _("Target date"), "date"),
        FieldSpec("area", _("Area"), hint=_("e.g. work, health, family, practical")),
        FieldSpec("description", _("Description"), "area"),
    ]

    def __init__(self, citizen_id: int, sub_goal_id: int | None = None) -> None:
        initial = None
        title = None
        if sub_goal_id is not None:
            initial = alliance.sub_goal_input(sub_goal_id).model_dump()
            title = _("Edit sub-goal")
        super().__init__(initial, title)
        self.citizen_id = citizen_id
        self.sub_goal_id = sub_goal_id

    def model_data(self, values):
        data = super().model_data(values)
        if self.sub_goal_id is not None:
            data["priority"] = self.initial.get("priority", 0)
        return data

    def submit(self, data: SubGoalIn) -> int:
        if self.sub_goal_id is None:
            return alliance.create_sub_goal(self.citizen_id, data)
        alliance.update_sub_goal(self.sub_goal_id, data)
        return self.sub_goal_id


class StatusForm(FormScreen[bool]):
    TITLE = _("Change the sub-goal's status")
    MODEL = SubGoalStatusIn
    RECORD = ("sub_goal", "sub_goal_id")
    FIELDS = [
        FieldSpec("status", _("Status"), "select", options=SubGoalStatus.choices(), required=True),
        FieldSpec("status_date", _("Date"), "date", required=True),
        FieldSpec("status_note", _("Note"), "area"),
    ]

    def __init__(self, sub_goal_id: int, status: str, today: date) -> None:
        suggested = "achieved" if status == "active" else "active"
        super().__init__({"status": suggested, "status_date": today})
        self.sub_goal_id = sub_goal_id

    def submit(self, data: SubGoalStatusIn) -> bool:
        alliance.set_status(self.sub_goal_id, data)
        return True
