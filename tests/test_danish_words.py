"""Every main screen in Danish shows no English word of the app's own.

The screens are walked with real keys in a Danish child process
(tests/danish_screens_worker.py: class-level labels are translated at
import) on the demo caseload. The app's own English is taken from the
catalogue: every msgid (cut at its placeholders and punctuation) whose
Danish does not contain it, and every word of the msgids that no Danish
message uses. The demo's people and notes are English text the mentor
wrote, not the app's: a phrase found inside what the demo stored (the
whole value, or with the neighbouring word the stored text has) is not
the app's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.danish_screens_worker import JOURNEYS

WORKER = Path(__file__).with_name("danish_screens_worker.py")
PO = Path(__file__).parents[1] / "mentorterm/locale/da/LC_MESSAGES/mentorterm.po"
#: Written alike in both languages, though no Danish message happens to use it.
BOTH = {"per"}

SCREENS = {
    "caseload": "CaseloadScreen",
    "caseload_help": "HelpScreen",
    "citizen": "CitizenScreen",
    "citizen_help": "HelpScreen",
    "edit_citizen": "CitizenForm",
    "new_citizen": "CitizenForm",
    "sub_goals": "SubGoalsScreen",
    "new_sub_goal": "SubGoalForm",
    "scoring": "ScoringScreen",
    "scoring_questions": "ScoringScreen",
    "logbook": "LogbookScreen",
    "logbook_statistics": "StatisticsScreen",
    "logbook_help": "HelpScreen",
    "logbook_day": "LogbookEntryForm",
    "meetings": "MeetingsScreen",
    "meeting_note": "NoteForm",
    "new_meeting": "MeetingForm",
    "placements": "PlacementsScreen",
    "placement_detail": "PlacementScreen",
    "course_history": "CourseHistoryScreen",
    "extend_course": "ExtendCourseForm",
    "end_course": "EndCourseForm",
    "delete_citizen": "DeleteCitizenScreen",
    "reports": "ReportsScreen",
    "new_report": "PeriodForm",
    "access_export": "AccessExportForm",
    "agreements": "ActionItemsScreen",
    "agenda": "AgendaScreen",
    "review": "ReviewScreen",
    "review_as_of": "ReviewDayForm",
    "palette": "Palette",
    "lock": "PassphraseScreen",
    "identity": "IdentityForm",
    "passphrase": "PassphraseScreen",
    "sessions": "SessionsScreen",
    "sessions_help": "HelpScreen",
    "roll_call": "RollCallScreen",
    "new_series": "SeriesForm",
}


@pytest.fixture(scope="module")
def shown() -> dict:
    env = dict(os.environ, MENTORTERM_LANG="da")
    out = subprocess.check_output([sys.executable, str(WORKER)], env=env, text=True, timeout=600)
    return json.loads(out)


TOKEN = re.compile(r"\w+(?:['’-]\w+)*")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


@pytest.fixture(scope="module")
def english() -> tuple[set[tuple[str, ...]], set[str]]:
    """(phrases, words) of the app's own English, from the catalogue."""
    with PO.open("rb") as f:
        catalogue = read_po(f)
    phrases, words, danish = set(), set(), set()
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            danish |= set(tokens(string))
        for msgid in ids:
            bare = re.sub(r"\{[^}]*\}", " ", msgid)
            words |= {w for w in tokens(bare) if len(w) >= 3 and not w.isdigit()}
            for part in re.split(r"[\n:;()·,.…\"']", bare):
                part = part.strip()
                if len(part) >= 4 and re.search("[A-Za-z]{3}", part):
                    if not any(part in string for string in strings):
                        phrases.add(tuple(tokens(part)))
    return phrases, words - danish - BOTH


#: Where the screen cuts a text: box edges, an overlay's edge, an ellipsis.
CUTS = re.compile(r"[\n│█▏▌▐┃╭╮╰╯]+")


#: Where the screen cuts a text: box edges, an overlay's edge.
CUTS = re.compile(r"[\n│█▏▎▊▌▐┃╭╮╰╯]+")
GAP = r"[^\w\n]+"  # between two words of one stored text


@pytest.fixture(scope="module")
def data(shown) -> tuple[set[str], str]:
    """The demo's stored texts: the whole values, and all of them, a line each."""
    values = set(shown["data"])
    return values, "\n".join(" ".join(v.split()) for v in values)


def stored_here(phrase, shown, i, cut, stored) -> bool:
    """Whether the phrase at shown[i:] reads as part of a stored text."""
    n = len(phrase)
    core = GAP.join(re.escape(w) for w in phrase)
    before = r"\w*" + re.escape(shown[i - 1]) + GAP + r"\b" if i else None
    after = None if cut or i + n == len(shown) else r"\b" + GAP + re.escape(shown[i + n])
    both = (f"(?:^|{before})" if before else r"\w*") + core
    both += f"(?:$|{after})" if after else r"\w*"
    patterns = [both]
    if before:  # the text before as stored; what follows is another column's
        patterns.append(before + core + r"\b")
    if after:  # or the text after as stored, what comes before another's
        patterns.append(r"\b" + core + after)
    return any(re.search(p, stored, re.M) for p in patterns)


def english_on(text: str, phrases, data) -> list[str]:
    """The phrases shown in text that are not part of a stored text. A
    stored text is a whole value ("Phone"), or the phrase with the words
    the screen shows either side of it as a stored text has them: whole, or
    cut by the screen ("ry hour." of "every hour.", "the week…" of "the
    weekend") where a box, an overlay, the edge or an ellipsis cuts it; a
    stored text may begin or end beside another column's word."""
    values, stored = data
    text = re.sub(r"\S*/\S+", " ", text)  # a folder's path is the mentor's
    found = set()
    for segment in CUTS.split(text):
        spans = [(m.group(), m.end()) for m in TOKEN.finditer(segment)]
        shown = [word for word, _ in spans]
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(shown) - n + 1):
                if tuple(shown[i : i + n]) != phrase:
                    continue
                words = " ".join(phrase)
                if words in values:
                    continue
                cut = segment[spans[i + n - 1][1] :].lstrip().startswith("…")
                if not stored_here(phrase, shown, i, cut, stored):
                    found.add(words)
    return sorted(found)


def test_the_lists_are_the_apps_english():
    """The lists hold the app's labels (and would find an untranslated one)."""
    with PO.open("rb") as f:
        ids = {m.id for m in read_po(f) if isinstance(m.id, str)}
    for label in ("Next meeting", "Active courses", "Weekly review", "Logbook", "Attendance"):
        assert label in ids


def test_the_walk_covers_every_journey(shown):
    assert set(SCREENS) == set(JOURNEYS) | {"identity", "passphrase"}
    assert {name: shown[name]["screen"] for name in SCREENS} == SCREENS


def test_english_on_finds_a_label_but_not_the_mentors_own_words():
    phrases = {("Next", "meeting"), ("Logbook",), ("Phone",), ("hour",), ("the",)}
    stored = {"data": ["Phone", "Logbook shows 15 hours", "change every hour.", "how the week"]}
    data = (set(stored["data"]), "\n".join(stored["data"]))
    text = "│ Logbook shows 15 │  Phone  │ Next meeting: 23-11 │ Logbook (3)\n"
    assert english_on(text, phrases, data) == ["Logbook", "Next meeting"]
    assert english_on("Logbook shows 15 · Phone │ ry hour. █ how the week…", phrases, data) == []
    assert english_on("so the day", phrases, data) == ["the"]
    assert english_on("│ Logbook (3)", phrases, data) == ["Logbook"]


@pytest.mark.parametrize("screen", list(SCREENS))
def test_no_english_on_the_danish_screen(shown, english, data, screen):
    phrases, words = english
    assert len(phrases) > 1000 and len(words) > 300
    text = shown[screen]["text"]
    found = english_on(text, phrases, data)
    assert found == [], f"{screen}: English labels {found}"
    found = english_on(text, {(w,) for w in words}, data)
    assert found == [], f"{screen}: English words {found}"
