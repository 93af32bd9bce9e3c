"""The demo's job search: two personas with a CV, contacts and companies to
approach; one follow-up overdue, among the agreements and in the report."""

from __future__ import annotations

from datetime import date, timedelta

from mentorterm import storage
from mentorterm.demo import generate_demo
from mentorterm.domain import jobsearch as js
from mentorterm.domain import reports
from mentorterm.domain.jobsearch.followups import agreements_and_follow_ups
from mentorterm.models import CvStatus, JobContact, TargetCompany

TODAY = date(2026, 11, 22)


def test_two_personas_have_a_job_search_and_one_follow_up_is_overdue(tmp_path):
    storage.open_database(tmp_path / "demo.db")
    try:
        generate_demo(seed=1, today=TODAY)
        owners = {c.citizen_id for c in JobContact.select()}
        assert len(owners) == 2
        assert {c.citizen_id for c in CvStatus.select()} == owners
        assert {t.citizen_id for t in TargetCompany.select()} == owners
        late = [r for r in agreements_and_follow_ups(TODAY) if r.kind == "follow_up" and r.overdue]
        assert [r.what.split(" (")[0] for r in late] == ["Follow up with Lidl Dalum"]
        (row,) = late
        view = js.job_search(row.citizen_id, TODAY)
        assert view.cv.state == "up_to_date" and len(view.cv_history) == 2
        md = reports.render_markdown(
            reports.progression_report(row.citizen_id, TODAY - timedelta(days=90), TODAY, TODAY)
        )
        assert "| Lidl Dalum |" in md and "- Føtex Odense C – Bakery counter" in md
    finally:
        storage.close_database()


def test_a_demo_workplace_lists_the_job_search_with_it(tmp_path):
    """NordLager is in the register and on Nikolaj's list of companies to approach:
    the workplace's screen finds him by the name."""
    from mentorterm.domain.jobsearch.by_company import job_search_at

    storage.open_database(tmp_path / "demo.db")
    try:
        generate_demo(seed=1, today=TODAY)
        found = job_search_at("nordlager, odense sø")
        assert [(t.citizen_name, t.company) for t in found.targets] == [
            ("Nikolaj Hansen", "NordLager, Odense SØ")
        ]
        assert found.contacts == []
    finally:
        storage.close_database()
