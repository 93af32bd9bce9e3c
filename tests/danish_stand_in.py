"""A few Danish messages standing in for the catalogue (built on another
branch), so tests can see that a text goes through ``_()`` at run time."""

from __future__ import annotations

import gettext

import pytest

from mentorterm import i18n

DANISH = {
    "Search for commands…": "Søg efter kommandoer…",
    "Search for themes…": "Søg efter temaer…",
    "palette": "palet",
    "Open the command palette": "Åbn kommandopaletten",
    "Exit the command palette": "Luk kommandopaletten",
    "Theme": "Tema",
    "Quit": "Afslut",
    "Keys": "Taster",
    "Screenshot": "Skærmbillede",
    "Caseload": "Sagsoversigt",
    "Weekly review": "Ugens gennemgang",
    "No matches found": "Intet fundet",
    "Attendance and stability": "Fremmøde og stabilitet",
    "Weekly case review, week {week} {year}": "Ugentlig sagsgennemgang, uge {week} {year}",
    "Personal details": "Personlige oplysninger",
}


class StandIn(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return DANISH.get(message, message)

    def info(self) -> dict[str, str]:
        return {"language": "da"}


@pytest.fixture
def danish_stand_in(monkeypatch):
    """``i18n.use("da")`` loads the stand-in; English stays the source text."""
    real = i18n._load
    monkeypatch.setattr(i18n, "_load", lambda lang: StandIn() if lang == "da" else real(lang))
    yield
    i18n.use("en")
