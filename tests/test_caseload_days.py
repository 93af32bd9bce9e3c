"""The caseload's days read once (domain/caseload._each): whatever came before,
each value gives what converting it afresh gives, None stays None, and the
memory of days read is bounded."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mentorterm.domain import caseload

_DAYS = st.dates(date(2024, 1, 1), date(2027, 12, 31))
_TEXTS = st.one_of(st.none(), _DAYS.map(date.isoformat))
_MOMENTS = st.one_of(
    st.none(),
    st.datetimes(datetime(2024, 1, 1), datetime(2027, 12, 31)).map(
        lambda m: m.replace(microsecond=0).isoformat(" ")
    ),
)


@given(st.lists(st.lists(_TEXTS, max_size=40), max_size=6))
def test_every_day_is_what_reading_it_afresh_gives(loads):
    for values in loads:
        got = caseload._each(tuple(values), caseload._as_date)
        assert got == [caseload._as_date(v) for v in values]


@given(st.lists(_MOMENTS, max_size=40), st.lists(_TEXTS, max_size=40))
def test_days_and_moments_are_remembered_apart(moments, days):
    """The same text read as a day and as a moment gives each its own value."""
    texts = tuple(moments + [m[:10] if m else None for m in moments])
    assert caseload._each(texts, caseload._as_datetime) == [caseload._as_datetime(v) for v in texts]
    as_days = tuple(moments) + tuple(days)
    assert caseload._each(as_days, caseload._as_date) == [caseload._as_date(v) for v in as_days]


def test_the_memory_of_days_read_is_bounded(monkeypatch):
    monkeypatch.setattr(caseload, "_READ_AT_MOST", 100)
    start = date(2020, 1, 1)
    for batch in range(10):
        values = tuple((start + timedelta(days=batch * 60 + i)).isoformat() for i in range(60))
        assert caseload._each(values, caseload._as_date) == [
            start + timedelta(days=batch * 60 + i) for i in range(60)
        ]
        assert len(caseload._READ[caseload._as_date]) <= 100 + 60
