"""A mentorterm typing into a logbook day or a report's texts, to be killed
mid-typing (run as a script by tests/test_drafts_everywhere.py).

    python tests/drafts_worker.py DB CITIZEN_ID logbook|report TEXTFILE

Opens the app headless on DB, opens the form (the logbook's "add a chosen
day" form; a new progression report's texts), types the text of TEXTFILE
into its notes / summary continuously in small pieces (two characters every
0.05 s: never a pause a quiet-time debounce would wait for), then creates
TEXTFILE.typed and waits to be killed.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import date
from pathlib import Path

from textual.widgets import TextArea

from mentorterm.app import make_app


def main(path: str, citizen_id: int, form: str, text_file: str) -> None:
    text = Path(text_file).read_text(encoding="utf-8")
    app = make_app(path, today=date(2026, 11, 22))

    async def auto_pilot(pilot) -> None:
        await pilot.pause()
        app.open_citizen(citizen_id)
        await pilot.pause()
        if form == "logbook":
            await pilot.press("l")
            await pilot.pause()
            await pilot.press("A")
            await pilot.pause()
            area = app.screen.query_one("#f-notes", TextArea)
        else:
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            area = app.screen.query_one("#f-summary", TextArea)
        area.focus()
        for start in range(0, len(text), 2):
            area.insert(text[start : start + 2])
            await pilot.pause(0.05)
        Path(text_file + ".typed").touch()
        await asyncio.sleep(3600)

    app.run(headless=True, auto_pilot=auto_pilot, size=(120, 36))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
