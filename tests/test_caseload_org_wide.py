"""The org-wide caseload (every mentor's citizens) is each mentor's caseload put
together: the same rows, every figure the same, none left out or doubled."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from mentorterm import storage
from mentorterm.domain.caseload import CourseFilter, caseload
from mentorterm.models import Mentor

from .test_caseload_first_page import TODAY, seed


@pytest.mark.parametrize("seed_value", [4, 5])
def test_the_org_wide_rows_are_the_mentors_rows_together(tmp_path, seed_value):
    storage.open_database(tmp_path / "org.db")
    try:
        mentor = storage.ensure_default_mentor()
        other = Mentor.create(name="Another mentor")
        seed(random.Random(seed_value), mentor, other, 60)
        Mentor.create(name="A mentor without citizens")
        mentors = [m.id for m in Mentor.select().order_by(Mentor.id)]
        for today in [TODAY, TODAY - timedelta(days=30), TODAY + timedelta(days=10)]:
            for courses in CourseFilter:
                everyone = caseload(None, today, courses)
                together = [row for m in mentors for row in caseload(m, today, courses)]
                assert len(everyone) == len({row.citizen_id for row in everyone})
                key = lambda row: row.citizen_id  # noqa: E731
                assert sorted(everyone, key=key) == sorted(together, key=key), (today, courses)
                assert everyone, (today, courses)
    finally:
        storage.close_database()
