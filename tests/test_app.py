"""The app shell on a real database, driven with real keys."""

from __future__ import annotations

import json
from datetime import date

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain.transfer import import_document, parse_document

TODAY = date(2026, 11, 22)


async def test_an_empty_database_greets_a_new_mentor(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = str(app.screen.query_one("#empty").render())
        assert "no citizens in this database yet" in text
        assert "demo caseload" in text
        assert "22-11-2026" in app.sub_title
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_the_caseload_lists_active_citizens(db_path):
    storage.open_database(db_path)
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "m", "name": "Me", "is_default": True}],
        "citizens": [
            {
                "name": "Aktiv Borger",
                "mentor": "m",
                "courses": [
                    {
                        "referral_date": "2026-10-01",
                        "start_date": "2026-10-05",
                        "planned_end": "2027-01-03",
                        "purpose": "ordinary_job",
                    }
                ],
            },
            {
                "name": "Afsluttet Borger",
                "mentor": "m",
                "courses": [
                    {
                        "referral_date": "2026-01-01",
                        "start_date": "2026-01-05",
                        "planned_end": "2026-04-05",
                        "purpose": "flexjob",
                        "end_date": "2026-04-05",
                        "outcome": "flexjob_granted",
                    }
                ],
            },
        ],
    }
    import_document(parse_document(json.dumps(doc)))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#caseload")
        names = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert names == ["Aktiv Borger"]
        assert table.get_row_at(0)[2] == "7/13"  # 5 Oct + 48 days: week 7 of a 13-week course
        await pilot.press("q")
