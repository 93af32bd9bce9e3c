"""A mentorterm writing a note, to be killed mid-note (run as a script by a test).

    python tests/note_worker.py DB CITIZEN_ID TEXTFILE

Opens the app headless on DB, goes to the citizen's meetings, starts a new
three-party note, types the text of TEXTFILE into "Tasks and work capacity",
prints ``typed`` and waits to be killed.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from textual.widgets import TextArea

from mentorterm.app import make_app


def main(path: str, citizen_id: int, text_file: str) -> None:
    text = Path(text_file).read_text(encoding="utf-8")
    app = make_app(path, today=date(2026, 11, 22))

    async def auto_pilot(pilot) -> None:
        await pilot.pause()
        app.open_citizen(citizen_id)
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        area = app.screen.query_one("#f-tasks_note", TextArea)
        area.focus()
        # Typed in pieces, as a mentor types: each change restarts the draft timer.
        for start in range(0, len(text), 7):
            area.insert(text[start : start + 7])
            await pilot.pause(0.01)
        await pilot.pause(1.0)  # the draft is written 0.5 s after the last key
        print("typed", flush=True)
        await asyncio.sleep(3600)

    app.run(headless=True, auto_pilot=auto_pilot, size=(120, 36))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
