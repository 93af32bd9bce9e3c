"""A form's fields: what each one is (FieldSpec) and how a stored value is shown in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from ..format import show_date, show_datetime, show_number


@dataclass
class FieldSpec:
    """One field of a form: its input-model name, label and kind of widget."""

    name: str
    label: str
    kind: str = "text"  # text | area | date | datetime | select | bool | number
    options: list[tuple[str, str]] = field(default_factory=list)
    placeholder: str = ""
    hint: str = ""
    required: bool = False


def _show(value: Any, kind: str) -> Any:
    if value is None:
        return "" if kind not in ("bool", "select") else value
    if kind == "date" and isinstance(value, date):
        return show_date(value)
    if kind == "datetime" and isinstance(value, datetime):
        return show_datetime(value)
    if isinstance(value, Enum):
        return value.value
    if kind == "number" and isinstance(value, float):
        return show_number(value)
    return value if kind in ("bool", "select") else str(value)


show_value = _show
