"""Every main screen in Danish, in a child process of its own (run as a script):

    MENTORTERM_LANG=da python tests/danish_screens_worker.py

Class-level labels are translated when their module is imported, so the
Danish screens are walked in a process that spoke Danish from its first
import (tests/test_danish_words.py runs this). Opens each screen with real
keys on a copy of the demo caseload (seed 1, 2026-11-22), at 120x36, and
prints as JSON what each showed, {name: {"screen": class name, "text": text}},
and under "data" every text the demo stored (its people's notes are
English: what the mentor wrote, not the app's words).
The passphrase screen is a new encrypted database's; the identity form is
the first start's question on a database of the mentor's own.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

# The checkout's mentorterm (this file's parent folder), not an installed one.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from mentorterm import storage  # noqa: E402
from mentorterm.app import make_app  # noqa: E402
from mentorterm.demo import generate_demo  # noqa: E402

TODAY = date(2026, 11, 22)
SIZE = (120, 36)

#: Each screen and the keys that open it from the caseload.
JOURNEYS: dict[str, list[str]] = {
    "caseload": [],
    "caseload_help": ["question_mark"],
    "citizen": ["enter"],
    "citizen_help": ["enter", "question_mark"],
    "edit_citizen": ["enter", "e"],
    "new_citizen": ["n"],
    "sub_goals": ["enter", "g"],
    "new_sub_goal": ["enter", "g", "n"],
    "scoring": ["enter", "g", "s"],
    "scoring_questions": ["enter", "g", "s", "7", "enter"],
    "logbook": ["enter", "l"],
    "logbook_statistics": ["enter", "l", "t"],
    "logbook_help": ["enter", "l", "question_mark"],
    "meetings": ["enter", "m"],
    "meeting_note": ["enter", "m", "w"],
    "new_meeting": ["enter", "m", "n"],
    "placements": ["enter", "p"],
    "course_history": ["enter", "h"],
    "reports": ["enter", "r"],
    "new_report": ["enter", "r", "n"],
    "placement_detail": ["enter", "p", "enter"],
    "extend_course": ["enter", "x"],
    "end_course": ["enter", "f"],
    "delete_citizen": ["enter", "D"],
    "logbook_day": ["enter", "l", "e"],
    "access_export": ["enter", "A"],
    "agreements": ["t"],
    "agenda": ["m"],
    "review": ["R"],
    "review_as_of": ["R", "w"],
    "palette": ["ctrl+p"],
    "lock": ["ctrl+l"],
    "sessions": ["G"],
    "sessions_help": ["G", "question_mark"],
    "roll_call": ["G", "enter"],
    "new_series": ["G", "N"],
}


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def walk(db: Path, keys: list[str], **options) -> dict:
    app = make_app(db, today=TODAY, **options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        shown = {"screen": type(app.screen).__name__, "text": screen_text(app)}
        app.exit()
    return shown


def stored_texts(db: Path) -> list[str]:
    """Every text value in the database (the demo's notes, names, places …)."""
    found: set[str] = set()
    with sqlite3.connect(db) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in con.execute(f'SELECT * FROM "{table}"'):
                found.update(v for v in row if isinstance(v, str) and v.strip())
    return sorted(found)


async def main(work: Path) -> dict:
    demo = work / "demo.db"
    storage.open_database(demo)
    generate_demo(seed=1, today=TODAY)
    storage.close_database()
    shown: dict = {"data": stored_texts(demo)}
    for name, keys in JOURNEYS.items():
        db = work / name / "mentorterm.db"
        db.parent.mkdir()
        shutil.copy(demo, db)
        shown[name] = await walk(db, keys)
    # The first start on a database of the mentor's own: the identity form.
    shown["identity"] = await walk(work / "own" / "mentorterm.db", [], ask_identity=True)
    # A new database without a passphrase yet: the passphrase screen.
    storage.allow_plaintext_for_tests(False)
    shown["passphrase"] = await walk(work / "new" / "mentorterm.db", [])
    storage.allow_plaintext_for_tests(True)
    return shown


if __name__ == "__main__":
    storage.allow_plaintext_for_tests(True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
            os.environ[var] = str(work / "home" / sub)
        os.environ["XDG_STATE_HOME"] = str(work / "home" / "state")
        os.environ["MENTORTERM_SETTINGS"] = str(work / "home" / "config" / "settings.toml")
        (work / "own").mkdir()
        (work / "new").mkdir()
        print(json.dumps(asyncio.run(main(work))))
