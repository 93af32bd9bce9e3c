"""How values are shown to a mentor (dates the Danish way, hours, percentages)."""

from __future__ import annotations

from datetime import date, datetime


def show_date(value: date | datetime | None) -> str:
    """22-11-2026, as Danish users read dates; empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y")


def show_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y %H:%M")


def show_hours(value: float | None) -> str:
    """7.5 -> '7,5'; 10.0 -> '10' (Danish decimal comma)."""
    if value is None:
        return ""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def show_percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)} %"
