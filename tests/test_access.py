"""The access export: the interchange JSON plus a PDF with every field of every record."""

from __future__ import annotations

import io
import json
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from mentorterm import storage
from mentorterm.domain.access import AccessEvent, access_export
from mentorterm.models import ALL_MODELS, Cover, Mentor, Placement, Workplace, db

from .test_erasure import GONE, KEPT, fill_marked, marked, text_fields

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.sqlite_only
def test_access_export_holds_everything_about_the_citizen_and_nobody_else(database):
    with db.atomic():
        mine = fill_marked(GONE)
        fill_marked(KEPT)
        # A colleague covered the citizen's mentor: who else could write about them.
        colleague = Mentor.create(name="Ulla Dahl")
        marked(Cover, GONE, mentor=colleague, covered=storage.ensure_default_mentor(),
               starts_on=date(2026, 7, 1), ends_on=date(2026, 7, 21))  # fmt: skip
        # The register's workplace of the placement is in the file; another is not.
        site = marked(Workplace, GONE)
        Placement.update(site=site).where(Placement.citizen == mine).execute()
        marked(Workplace, KEPT)
    raw, pdf = access_export(mine, date(2026, 11, 29))
    document = json.loads(raw)
    assert document["scope"] == "citizen" and len(document["citizens"]) == 1
    assert KEPT not in raw.decode()
    # Every kind is in the PDF; drafts (half-typed forms) are not part of the
    # interchange format, so the JSON leaves them out.
    text = _text(pdf).replace("\n", "")
    for model in ALL_MODELS:
        if model.__name__ == "Mentor":  # the mentors' own rows, not the citizen's
            continue
        if model.__name__ in ("GroupSeries", "GroupSession"):  # the provider's, not theirs
            continue
            continue
        for field in text_fields(model):
            expected = f"{GONE}:{model.__name__}.{field}"
            if model.__name__ != "Draft":
                assert expected in raw.decode(), expected
            if field not in ("key", "payload"):  # the payload is shown field by field
                assert expected in text, expected
    assert KEPT not in text
    # The placement names its workplace in the register.
    assert f"Workplaceintheregister{GONE}:Workplace.name" in text.replace(" ", "")
    assert document["citizens"][0]["placements"][0]["site"] == document["workplaces"][0]["key"]
    assert "03-02-2026" in text  # the logbook day, written the Danish way
    assert "Sick" in text and "Three-party follow-up" in text
    # The meeting's status history (schema 8), its statuses by their labels.
    squeezed = text.replace(" ", "")
    assert "StatuschangeChangedon10-02-2026StatusfromPlannedStatustoHeld" in squeezed
    assert document["citizens"][0]["meetings"][0]["status_changes"][0]["status_to"] == "held"
    # The dates and purposes of access come from the audit log, this export included.
    assert "No log of who opened the record" not in text
    assert "Exported: access export" in text


@pytest.mark.sqlite_only
def test_access_log_hook_fills_its_section(database):
    with db.atomic():
        mine = fill_marked(GONE)
    events = [
        AccessEvent(
            at=datetime(2026, 11, 2, 9, 15), who="Karin Holm", purpose="Opfølgning med borgeren"
        )
    ]
    _raw, pdf = access_export(mine, date(2026, 11, 29), accesses=events)
    text = _text(pdf)
    assert "02-11-2026 09:15" in text and "Opfølgning med borgeren" in text
