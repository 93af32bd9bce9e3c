"""The app in Danish, in a child process of its own (run as a script):

    MENTORTERM_LANG=da python tests/danish_worker.py DB

Class-level labels are translated when their module is imported, so a
Danish app needs a process that spoke Danish from its first import; the
test suite's own process speaks English. Seeds DB with tests/test_screens'
caseload, opens the caseload, then the help screen, and prints what each
showed as JSON: {"caseload": text, "help": text}.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

# The checkout's mentorterm (this file's parent folder), not an installed one.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentorterm import storage  # noqa: E402
from mentorterm.app import make_app  # noqa: E402
from tests.test_screens import SIZE, TODAY, seed_caseload  # noqa: E402


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def main(db: Path) -> None:
    storage.allow_plaintext_for_tests(True)
    seed_caseload(db)
    app = make_app(db, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        caseload = screen_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        await pilot.press("escape")
        await pilot.press("q")
    print(json.dumps({"caseload": caseload, "help": help_text}))


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
