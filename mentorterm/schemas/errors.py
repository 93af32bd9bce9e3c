"""Validation errors in a mentor's words: one message per field (friendly_errors)."""

from __future__ import annotations

from pydantic import (
    ValidationError,
)
from pydantic_core import PydanticCustomError

from ..i18n import N_, _


def _field_error(field: str, message: str) -> PydanticCustomError:
    """An error raised by a model validator that belongs to one field.

    pydantic puts model-level errors at the model's own location; the field
    name is carried in the context so friendly_errors can put it by the field.
    """
    return PydanticCustomError("field_rule", "{message}", {"message": message, "field": field})


_MESSAGES: dict[str, str] = {
    "missing": N_("This is required."),
    "string_too_long": N_("Too long: at most {max_length} characters."),
    "string_too_short": N_("This is required."),
    "too_long": N_("Too many: at most {max_length}."),
    "int_parsing": N_("Write a whole number, e.g. 7."),
    "int_from_float": N_("Write a whole number, e.g. 7."),
    "int_type": N_("Write a whole number, e.g. 7."),
    "float_parsing": N_("Write a number, e.g. 7,5."),
    "float_type": N_("Write a number, e.g. 7,5."),
    "finite_number": N_("Write a number, e.g. 7,5."),
    "date_from_datetime_inexact": N_("Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026."),
    "bool_parsing": N_("Answer yes or no."),
    "bool_type": N_("Answer yes or no."),
    "date_parsing": N_("Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026."),
    "date_from_datetime_parsing": N_("Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026."),
    "date_type": N_("Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026."),
    "datetime_parsing": N_("Not a date and time: write it as DD-MM-YYYY HH:MM."),
    "datetime_from_date_parsing": N_("Not a date and time: write it as DD-MM-YYYY HH:MM."),
    "datetime_type": N_("Not a date and time: write it as DD-MM-YYYY HH:MM."),
    "greater_than_equal": N_("Must be at least {ge}."),
    "less_than_equal": N_("Must be at most {le}."),
    "string_pattern_mismatch": N_("Not in the expected form."),
    "extra_forbidden": N_("Unknown field: mentorterm does not know this name."),
    "string_type": N_("Write text here."),
    "list_type": N_("Expected a list here."),
    "model_type": N_("Expected an object here."),
    "model_attributes_type": N_("Expected an object here."),
    "literal_error": N_("Must be {expected}."),
}


def _enum_message(error: dict) -> str:
    expected = error.get("ctx", {}).get("expected", "")
    return _("Choose one of: {choices}").format(choices=expected)


def error_text(error: dict) -> str:
    """One pydantic error dict in a mentor's words."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "field_rule":
        return ctx["message"]
    if kind == "enum":
        return _enum_message(error)
    if kind in _MESSAGES:
        try:
            return _(_MESSAGES[kind]).format(**ctx)
        except (KeyError, IndexError):
            return _(_MESSAGES[kind])
    return error["msg"]


def error_location(error: dict) -> tuple[str | int, ...]:
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if error["type"] == "field_rule":
        loc = loc + (ctx["field"],)
    return loc


def friendly_errors(exc: ValidationError) -> dict[str, str]:
    """{field name: message} for a flat input model (first problem per field)."""
    result: dict[str, str] = {}
    for error in exc.errors():
        loc = error_location(error)
        field = ".".join(str(part) for part in loc) or "__all__"
        result.setdefault(field, error_text(error))
    return result


def format_location(loc: tuple[str | int, ...]) -> str:
    """('citizens', 2, 'courses', 0, 'planned_end') -> 'citizens[2].courses[0].planned_end'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "(document)"
