"""The progression report's job-search section: the CV's state at the end of the
period, the companies contacted in it, the companies still to approach."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from mentorterm.domain import jobsearch as js
from mentorterm.domain import reports
from mentorterm.domain.citizens import create_citizen
from mentorterm.schemas import CitizenIn, CvStateIn, JobContactIn, TargetCompanyIn

pytestmark = pytest.mark.both_engines

START, END, TODAY = date(2026, 8, 1), date(2026, 10, 31), date(2026, 11, 22)


def seed_sara() -> int:
    """A job search across the period: before it, in it, after it."""
    cid = create_citizen(CitizenIn(name="Sara Nielsen"))
    js.set_cv_state(cid, CvStateIn(state="none", noted_on="10-07-2026"))
    js.set_cv_state(cid, CvStateIn(state="up_to_date", noted_on="02-09-2026", note="With photo"))
    js.set_cv_state(cid, CvStateIn(state="being_written", noted_on="05-11-2026"))  # after
    for company, day, how, outcome, follow, done in [
        ("Irma", "20-07-2026", "visit", "no", None, None),  # before the period
        ("Netto", "18-08-2026", "application", "interview", "25-08-2026", "26-08-2026"),
        ("Bilka Tilst", "03-09-2026", "cv_handed_in", "waiting", "20-10-2026", "02-11-2026"),
        ("Coop 365", "10-11-2026", "phone", "no", None, None),  # after
    ]:
        js.add_contact(
            cid,
            JobContactIn(company=company, contacted_on=day, how=how, outcome=outcome,
                         follow_up_on=follow, followed_up_on=done),
        )  # fmt: skip
    kept = js.add_target(cid, TargetCompanyIn(company="Lidl", why="Near home"), date(2026, 9, 1))
    done = js.add_target(cid, TargetCompanyIn(company="Føtex"), date(2026, 9, 1))
    js.mark_target_done(done, date(2026, 9, 20), TODAY)  # approached in the period
    js.add_target(cid, TargetCompanyIn(company="Rema 1000"), date(2026, 11, 10))  # added after
    later = js.add_target(cid, TargetCompanyIn(company="Salling"), date(2026, 9, 1))
    js.mark_target_done(later, date(2026, 11, 12), TODAY)  # still to approach on 31-10
    assert kept
    return cid


@pytest.fixture
def sara(database) -> int:
    return seed_sara()


def test_the_section_names_the_cv_the_period_s_contacts_and_what_comes_next(sara):
    md = reports.render_markdown(reports.progression_report(sara, START, END, TODAY))
    section = md[md.index("\n## Job search\n") :]
    assert "- **CV:** CV up to date (as of 02-09-2026) – With photo" in section
    assert "| Netto | 18-08-2026 | Application | Interview | done 26-08-2026 |" in section
    # Its follow-up was done on 02-11, after the period: on 31-10 it was still to do.
    assert (
        "| Bilka Tilst | 03-09-2026 | CV handed in | Waiting for an answer | 20-10-2026 |"
        in section
    )
    assert section.index("Netto") < section.index("Bilka Tilst")  # oldest first
    for outside in ("Irma", "Coop 365", "Rema 1000", "Føtex"):
        assert outside not in section, outside
    upcoming = section[section.index("Companies to approach next") :]
    assert "- Lidl – Near home" in upcoming and "- Salling" in upcoming


def test_without_any_job_search_the_section_is_left_out(database):
    cid = create_citizen(CitizenIn(name="Ole"))
    md = reports.render_markdown(reports.progression_report(cid, START, END, TODAY))
    assert "Job search" not in md


def test_the_pdf_carries_the_section(sara, tmp_path):
    data = reports.render_pdf(reports.progression_report(sara, START, END, TODAY))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    for expected in ("Job search", "Companies contacted in the period", "Bilka Tilst", "Lidl"):
        assert expected in text, expected
