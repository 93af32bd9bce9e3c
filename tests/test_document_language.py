"""Documents in the reader's language: the UI language by default, a choice
per document when saving (kept for the session), ``--lang`` on the CLI."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from textual.widgets import Input, Select

from mentorterm import cli, i18n, storage
from mentorterm.app import make_app
from mentorterm.domain import reports
from mentorterm.domain.citizens import create_citizen
from mentorterm.schemas import CitizenIn
from mentorterm.screens.citizen_files import write_access_export

from .danish_stand_in import danish_stand_in  # noqa: F401 - a fixture
from .test_logbook_screens import SIZE, WEEKS, make_placement, open_logbook
from .test_logbook_screens import TODAY as LOGBOOK_TODAY
from .test_reports import END, START, TEXTS, TODAY, mette  # noqa: F401 - a fixture


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.use("en")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.usefixtures("danish_stand_in")
def test_the_progression_report_in_danish_and_in_english(mette):  # noqa: F811
    report = reports.progression_report(mette, START, END, TODAY, TEXTS)
    english = reports.render_markdown(report)
    with i18n.speaking("da"):
        danish = reports.render_markdown(report)
        danish_pdf = pdf_text(reports.render_pdf(report))
    assert "| Attendance rate | 57 % | 60 % | 50 % |" in english  # as it always was
    assert "## Attendance and stability" in english
    assert "57,1 %" in danish and "57 %" not in danish  # CLDR's Danish percent
    assert "## Fremmøde og stabilitet" in danish
    assert "57,1 %" in danish_pdf and "Fremmøde og stabilitet" in danish_pdf
    assert reports.render_markdown(report) == english  # speaking() left nothing behind


@pytest.mark.usefixtures("danish_stand_in")
def test_the_access_export_pdf_in_the_language_asked(database, tmp_path):
    citizen = create_citizen(CitizenIn(name="Ali Hassan"))
    (tmp_path / "da").mkdir()
    (tmp_path / "en").mkdir()
    danish = write_access_export(citizen, date(2026, 11, 22), tmp_path / "da", "ali", "da")
    english = write_access_export(citizen, date(2026, 11, 22), tmp_path / "en", "ali", "en")
    assert "Personlige oplysninger" in pdf_text(danish[1].read_bytes())
    assert "Personal details" in pdf_text(english[1].read_bytes())
    assert i18n.language() == "en"


@pytest.mark.usefixtures("danish_stand_in")
def test_the_review_handout_takes_lang_on_the_command_line(db_path, capsys, monkeypatch):
    monkeypatch.delenv("MENTORTERM_LANG")  # the suite's English would win over --lang
    storage.open_database(db_path)
    storage.close_database()
    args = ["review", "--db", str(db_path), "--as-of", "25-11-2026", "--format", "markdown"]
    try:
        assert cli.main([*args, "--lang", "da"]) == 0
        danish = capsys.readouterr().out
        assert cli.main([*args, "--lang", "en"]) == 0
        english = capsys.readouterr().out
    finally:
        storage.close_database()
    assert danish.startswith("# Ugentlig sagsgennemgang, uge 48 2026 (2026-W48)")
    assert english.startswith("# Weekly case review, week 48 2026 (2026-W48)")


def test_the_cli_refuses_a_language_it_does_not_speak(db_path, capsys):
    assert cli.main(["review", "--db", str(db_path), "--lang", "fr"]) != 0
    assert '--lang takes "da" (Danish) or "en" (English), not "fr"' in capsys.readouterr().err


async def choose_language(pilot, form, up: bool) -> None:
    """Tab to the language, open it, move one up (Danish) or down (English), take it."""
    form.query_one("#f-language", Select).focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("up" if up else "down", "enter")
    await pilot.pause()


async def test_the_absence_overview_saved_in_danish_from_the_form(db_path, tmp_path):
    citizen, _pid = make_placement(db_path, days={k: dict(v) for k, v in WEEKS.items()})
    app = make_app(db_path, today=LOGBOOK_TODAY)
    danish, english = tmp_path / "fravaer.md", tmp_path / "absence.md"
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("t", "2")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert "| 13-11-2026 | Friday |" in app.screen.text  # the screen's language
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-language", Select).value == "en"  # the UI's, by default
        form.query_one("#f-path", Input).value = str(danish)
        await choose_language(pilot, form, up=True)
        assert form.query_one("#f-language", Select).value == "da"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "AbsenceOverviewScreen"
        text = danish.read_text(encoding="utf-8")
        assert "| 13-11-2026 | fredag |" in text and "| 17-11-2026 | tirsdag |" in text
        assert "Friday" not in text and "Tuesday" not in text
        assert "| 13-11-2026 | Friday |" in app.screen.text  # the screen stayed English
        # Kept for the session: the next save proposes Danish; English can be chosen back.
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-language", Select).value == "da"
        form.query_one("#f-path", Input).value = str(english)
        await choose_language(pilot, form, up=False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "| 17-11-2026 | Tuesday | Sick | Migraine | 3 | 0 |" in english.read_text("utf-8")


@pytest.mark.usefixtures("danish_stand_in")
async def test_the_report_pdf_and_markdown_follow_the_language_chosen_when_saving(
    db_path, tmp_path, monkeypatch
):
    from .test_report_screens import TODAY as REPORT_TODAY
    from .test_report_screens import open_reports, seed, settle

    ids = seed(db_path)
    monkeypatch.setattr("mentorterm.domain.files.documents_folder", lambda: tmp_path)
    app = make_app(db_path, today=REPORT_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_reports(app, pilot, ids["mette"])
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the period proposed
        await pilot.pause()
        await pilot.press("f")
        await settle(app, pilot)
        form = app.screen
        assert type(form).__name__ == "SaveFileForm"
        assert form.query_one("#f-language", Select).value == "en"
        form.query_one("#f-path", Input).value = str(tmp_path / "one.pdf")
        await choose_language(pilot, form, up=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Fremmøde og stabilitet" in pdf_text((tmp_path / "one.pdf").read_bytes())
        preview = app.screen.query_one("#report-preview").source
        assert "Attendance and stability" in preview  # the screen kept its language
        # The choice is kept for reports: Markdown, then the PDF drawn in the worker.
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#f-language", Select).value == "da"
        app.screen.query_one("#f-path", Input).value = str(tmp_path / "two.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "## Fremmøde og stabilitet" in (tmp_path / "two.md").read_text("utf-8")
        await pilot.press("f")
        await settle(app, pilot)
        app.screen.query_one("#f-path", Input).value = str(tmp_path / "three.pdf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Fremmøde og stabilitet" in pdf_text((tmp_path / "three.pdf").read_bytes())
        assert i18n.language() == "en"
