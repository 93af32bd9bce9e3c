"""Date errors say what is wrong; plurals and decimal commas in what a mentor reads."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from mentorterm.format import show_hours, show_percent
from mentorterm.schemas import (
    HoursStepIn,
    date_problem,
    datetime_problem,
    friendly_errors,
    parse_date_text,
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def error_for(typed: str) -> str:
    with pytest.raises(ValidationError) as caught:
        HoursStepIn(from_date=typed, hours_per_week=4)
    return friendly_errors(caught.value)["from_date"]


@given(st.integers(2000, 2050), st.integers(1, 12), st.integers(1, 40))
def test_a_day_past_the_end_of_its_month_names_the_month_and_its_length(year, month, extra):
    last = calendar.monthrange(year, month)[1]
    day = last + extra
    if day > 99:
        return
    message = error_for(f"{day:02d}-{month:02d}-{year}")
    assert message == f"{MONTHS[month - 1]} {year} has {last} days."


@given(st.integers(2000, 2050), st.integers(13, 99), st.integers(1, 28))
def test_a_month_past_12_says_there_is_no_such_month(year, month, day):
    message = error_for(f"{day}-{month}-{year}")
    assert message.startswith(f"There is no month {month}:")
    assert "DD-MM-YYYY" in message


@given(
    st.dates(date(2000, 1, 1), date(2050, 12, 31)),
    st.sampled_from(["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]),
)
def test_every_real_date_is_accepted(day, fmt):
    assert parse_date_text(day.strftime(fmt)) == day


@given(st.text(max_size=14).filter(lambda t: t.strip() and not any(c.isdigit() for c in t)))
def test_text_without_digits_is_told_how_to_write_a_date(text):
    assert error_for(text) == "Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026."


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31-02-2026", "February 2026 has 28 days."),
        ("29-02-2026", "February 2026 has 28 days."),
        ("30-02-2028", "February 2028 has 29 days."),
        ("2026-02-30", "February 2026 has 28 days."),
        ("31.04.2026", "April 2026 has 30 days."),
        ("1-13-2026", "There is no month 13: write the date as DD-MM-YYYY, e.g. 22-11-2026."),
        ("0-01-2026", "There is no day 0: write the date as DD-MM-YYYY, e.g. 22-11-2026."),
        ("22-11-26", "Write the year with four digits, e.g. 22-11-2026."),
        ("next tuesday", "Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026."),
    ],
)
def test_date_messages(typed, expected):
    assert date_problem(typed) == expected
    assert error_for(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31-02-2026 10:00", "February 2026 has 28 days."),
        (
            "22-11-2026 25:00",
            "There is no time 25:00: hours go from 00 to 23, minutes from 00 to 59.",
        ),
        (
            "22-11-2026 10:75",
            "There is no time 10:75: hours go from 00 to 23, minutes from 00 to 59.",
        ),
        ("22-11-2026", "Add the time: write it as DD-MM-YYYY HH:MM, e.g. 22-11-2026 10:00."),
        ("soon", "Not a date and time: write it as DD-MM-YYYY HH:MM, e.g. 22-11-2026 10:00."),
    ],
)
def test_date_and_time_messages(typed, expected):
    assert datetime_problem(typed) == expected


@given(st.floats(0, 200, allow_nan=False).map(lambda h: round(h, 1)))
def test_hours_are_shown_with_a_decimal_comma(hours):
    shown = show_hours(hours)
    assert "." not in shown
    assert float(shown.replace(",", ".")) == pytest.approx(hours)


def test_percent_has_no_decimal_point():
    assert show_percent(0.875) == "88 %"


@given(st.one_of(st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False)))
def test_numbers_get_a_decimal_comma_and_never_an_exponent(value):
    from mentorterm.format import show_number

    shown = show_number(value)
    assert "." not in shown and "e" not in shown
    assert float(shown.replace(",", ".")) == pytest.approx(value, abs=1e-6)  # six decimals at most


@pytest.mark.parametrize(
    ("n", "days", "ago"),
    [
        (0, "0 days", "today"),
        (1, "1 day", "yesterday"),
        (2, "2 days", "2 days ago"),
        (-1, "-1 days", "tomorrow"),
        (-3, "-3 days", "in 3 days"),
    ],
)
def test_days_are_counted_in_words(n, days, ago):
    from mentorterm.format import days_ago, show_days, show_weeks

    if n >= 0:
        assert show_days(n) == days
    assert days_ago(n) == ago
    assert show_weeks(1) == "1 week" and show_weeks(3) == "3 weeks"


def test_the_cli_counts_in_words(tmp_path, capsys):
    from mentorterm import cli

    path = tmp_path / "one.db"
    assert cli.main(["demo", "--db", str(path), "--today", "2026-11-22"]) == 0
    exported = tmp_path / "one.json"
    assert cli.main(["export", "--db", str(path), "--citizen", "1", "-o", str(exported)]) == 0
    assert "Exported 1 citizen to" in capsys.readouterr().err
    assert cli.main(["info", "--db", str(path)]) == 0
    size_line = next(
        line for line in capsys.readouterr().out.splitlines() if line.startswith("Size")
    )
    assert "." not in size_line
