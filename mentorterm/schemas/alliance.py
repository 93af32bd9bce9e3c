"""Input models for sub-goals and their alliance scores."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
)

from ..enums import (
    SubGoalStatus,
)
from .fields import Day, InputModel, OptionalDay, Score, Text, _required, _strip
from .parsing import parse_whole_text


class SubGoalIn(InputModel):
    title: Annotated[str, BeforeValidator(_strip), Field(max_length=300), AfterValidator(_required)]
    description: Text = ""
    success_criterion: Text = ""
    area: Annotated[str, BeforeValidator(_strip), Field(max_length=100)] = ""
    target_date: OptionalDay = None
    priority: Annotated[int, BeforeValidator(parse_whole_text), Field(ge=0, le=999)] = 0


class SubGoalStatusIn(InputModel):
    status: SubGoalStatus
    status_date: Day
    status_note: Text = ""


class AllianceScoreIn(InputModel):
    scored_on: Day
    citizen_score: Score
    what_it_takes: Text = ""
    own_actions: Text = ""
    help_needed: Text = ""

    @property
    def mentor_score(self) -> int:
        return 10 - self.citizen_score
