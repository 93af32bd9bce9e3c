"""The input models' field types (Day, Text, Score, hours ...) and their base, InputModel."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)
from pydantic_core import PydanticCustomError

from ..format import show_number
from ..i18n import _
from ..terminal import terminal_safe
from .parsing import (
    _datetime_in_window,
    _in_window,
    parse_date_text,
    parse_datetime_text,
    parse_number_text,
    parse_whole_text,
)


def _strip(value: Any) -> Any:
    # Control characters (ESC, a carriage return, a bidi override) have no
    # place in a name or a note and act on the terminal that shows them: dropped.
    return terminal_safe(value).strip() if isinstance(value, str) else value


def _score(value: int) -> int:
    if not 1 <= value <= 10:
        raise PydanticCustomError(
            "score_range",
            _("A score is a whole number from 1 to 10 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return value


def _optional_score(value: int | None) -> int | None:
    return None if value is None else _score(value)


def _day_hours(value: float) -> float:
    if not 0 <= value <= 24:
        raise PydanticCustomError(
            "day_hours",
            _("Hours in a day are between 0 and 24 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return round(value, 2)


def _week_hours(value: float) -> float:
    if not 0 <= value <= 60:
        raise PydanticCustomError(
            "week_hours",
            _("Hours a week are between 0 and 60 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return round(value, 2)


def _required(value: str) -> str:
    if not value:
        raise PydanticCustomError("required", _("This is required."))
    return value


Day = Annotated[date, BeforeValidator(parse_date_text), AfterValidator(_in_window)]
OptionalDay = Annotated[date | None, BeforeValidator(parse_date_text), AfterValidator(_in_window)]
Moment = Annotated[
    datetime, BeforeValidator(parse_datetime_text), AfterValidator(_datetime_in_window)
]
Text = Annotated[str, BeforeValidator(_strip), Field(max_length=20_000)]
Line = Annotated[str, BeforeValidator(_strip), Field(max_length=200)]
Name = Annotated[str, BeforeValidator(_strip), Field(max_length=200), AfterValidator(_required)]
Score = Annotated[int, BeforeValidator(parse_whole_text), AfterValidator(_score)]
OptionalScore = Annotated[
    int | None, BeforeValidator(parse_whole_text), AfterValidator(_optional_score)
]
DayHours = Annotated[float, BeforeValidator(parse_number_text), AfterValidator(_day_hours)]
WeekHours = Annotated[float, BeforeValidator(parse_number_text), AfterValidator(_week_hours)]


class InputModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


def _after(later: date | None, earlier: date | None, message: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise PydanticCustomError("date_order", message)


def _optional_week_hours(value: float | None) -> float | None:
    return None if value is None else _week_hours(value)


OptionalWeekHours = Annotated[
    float | None, BeforeValidator(parse_number_text), AfterValidator(_optional_week_hours)
]
