"""Dates, weekdays, months and numbers in the UI language (Babel's CLDR data),
and typed input accepted in both languages whatever the UI language."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorterm import format as fmt
from mentorterm import i18n
from mentorterm.domain.logbook import weekday_name
from mentorterm.domain.placements import parse_schedule
from mentorterm.schemas import EARLIEST, LATEST, parse_date_text, parse_number_text

DAY = date(2026, 12, 14)  # a Monday
days = st.dates(min_value=EARLIEST, max_value=LATEST)
languages = st.sampled_from(i18n.LANGUAGES)


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.use("en")


def test_danish_dates_weekdays_and_months():
    with i18n.speaking("da"):
        assert fmt.show_long_date(DAY) == "mandag 14. december"
        assert fmt.show_long_date(DAY, year=True) == "mandag 14. december 2026"
        assert fmt.show_date(DAY) == "14-12-2026"
        assert fmt.show_datetime(datetime(2026, 12, 14, 9, 5)) == "14-12-2026 09:05"
        assert weekday_name(DAY) == "mandag"
        assert fmt.show_weekday_short(date(2026, 12, 19)) == "lør"
        assert fmt.weekday_names()[-1] == "søndag"
        assert fmt.weekday_letters() == ["ma", "ti", "on", "to", "fr", "lø", "sø"]
        assert fmt.show_month(5) == "maj"


def test_danish_numbers():
    with i18n.speaking("da"):
        assert fmt.show_percent(0.525) == "52,5 %"
        assert fmt.show_percent(1.0) == "100 %"
        assert fmt.show_count(5000) == "5.000"
        assert fmt.show_days(1200).startswith("1.200 ")  # the word is the catalogue's
        assert fmt.show_hours(7.5) == "7,5"
        assert fmt.show_hours(10.0) == "10"
        assert fmt.show_number(2.125) == "2,125"
        assert fmt.show_number(1234.5) == "1234,5"  # no grouping: it may be typed back


def test_english_stays_as_it_was():
    i18n.use("en")
    assert fmt.show_date(DAY) == "14-12-2026"
    assert fmt.show_long_date(DAY) == "Monday 14 December"
    assert weekday_name(DAY) == "Monday"
    assert fmt.show_weekday_short(DAY) == "Mon"
    assert fmt.weekday_letters() == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    assert fmt.show_month(2) == "February"
    assert fmt.show_percent(0.525) == "52 %"
    assert fmt.show_count(5000) == "5000"
    assert fmt.show_hours(7.5) == "7,5"
    assert fmt.show_number(0.1 + 0.2) == "0,3"


def test_a_danish_month_name_in_a_validation_message():
    with i18n.speaking("da"):
        from mentorterm.schemas.parsing import date_problem

        assert "februar 2026" in date_problem("30-02-2026")


@given(day=days, ui=languages, written=languages)
def test_a_date_written_in_either_language_parses_back_in_any(day, ui, written):
    with i18n.speaking(written):
        texts = [fmt.show_date(day), fmt.show_long_date(day, year=True)]
    with i18n.speaking(ui):
        for text in texts:
            assert parse_date_text(text) == day, text


@pytest.mark.parametrize(
    "text",
    ["14 Dec 2026", "14. dec. 2026", "December 14, 2026", "Mon 14 December 2026", "2026-12-14"],
)
def test_dates_in_words_and_iso_are_read(text):
    with i18n.speaking("da"):
        assert parse_date_text(text) == DAY


@given(value=st.decimals(min_value=0, max_value=10_000, places=2), written=languages)
def test_a_number_shown_parses_back(value, written):
    with i18n.speaking(written):
        text = fmt.show_number(float(value))
    assert parse_number_text(text) == pytest.approx(float(value))


@pytest.mark.parametrize(("text", "value"), [("1.234,5", 1234.5), ("1,234.5", 1234.5)])
def test_a_number_with_grouping_is_read_either_way(text, value):
    assert parse_number_text(text) == value


@given(chosen=st.sets(st.integers(0, 6), min_size=2), written=languages, short=st.booleans())
def test_a_schedule_of_weekday_names_in_either_language_names_those_days(chosen, written, short):
    with i18n.speaking(written):
        show = fmt.show_weekday_short if short else fmt.show_weekday
        names = [show(date.fromordinal(DAY.toordinal() + d)) for d in sorted(chosen)]
    assert parse_schedule(", ".join(names)) == frozenset(chosen)


@pytest.mark.parametrize(
    "text",
    [
        "mandag 14. december 2026 kl. 10:00",
        "14 Dec 2026 at 10:00",
        "Monday 14 December 2026 10.00",
        "14-12-2026 10:00",
    ],
)
def test_a_date_and_time_in_words_is_read_in_either_language(text):
    from mentorterm.schemas import parse_datetime_text

    assert parse_datetime_text(text) == datetime(2026, 12, 14, 10, 0)


def test_a_date_in_words_that_does_not_exist_is_refused_with_the_usual_message():
    from pydantic_core import PydanticCustomError

    with pytest.raises(PydanticCustomError) as refused:
        parse_date_text("31. februar 2026")
    assert "DD-MM-YYYY" in str(refused.value)


@given(
    moment=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2050, 12, 31, 23, 59)
    ).map(lambda m: m.replace(second=0, microsecond=0)),
    written=languages,
)
def test_a_date_and_time_shown_in_either_language_parses_back(moment, written):
    from mentorterm.schemas import parse_datetime_text

    with i18n.speaking(written):
        shown = fmt.show_datetime(moment)
        long = f"{fmt.show_long_date(moment.date(), year=True)} {fmt.show_time(moment)}"
    assert parse_datetime_text(shown) == moment
    assert parse_datetime_text(long) == moment
