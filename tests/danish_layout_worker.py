"""The snapshot screens in Danish, in a child process of its own (run as a script):

    MENTORTERM_LANG=da python tests/danish_layout_worker.py OUT_DIR [NAME ...]
    MENTORTERM_LANG=da python tests/danish_layout_worker.py --narrow


Class-level labels are translated when their module is imported, so the
Danish screens are taken in a process that spoke Danish from its first
import (tests/test_danish_layout.py runs this). Writes one SVG per screen
and size into OUT_DIR, named like ``caseload-80x24.svg``, taken the way
pytest-textual-snapshot takes tests/test_snapshots.py's: the demo caseload
(seed 1) on the frozen day 2026-11-22, the same keys pressed. ``--narrow``
prints, as JSON, what tests/test_narrow.py asserts at 80x24: each screen's
footer keys with where they end, and the caseload's headers.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

# The checkout's mentorterm (this file's parent folder), not an installed one.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from textual._doc import take_svg_screenshot  # noqa: E402
from textual.widgets import Footer  # noqa: E402
from textual.widgets._footer import FooterKey  # noqa: E402

from mentorterm import storage  # noqa: E402
from mentorterm.app import make_app  # noqa: E402
from mentorterm.demo import generate_demo  # noqa: E402

TODAY = date(2026, 11, 22)
SIZES = {"80x24": (80, 24), "120x36": (120, 36)}

#: The screens of tests/test_snapshots.py and the keys that open each one.
SCREENS: dict[str, list[str]] = {
    "caseload": [],
    "citizen": ["enter"],
    "sub_goals": ["enter", "g"],
    "scoring": ["enter", "g", "s", "7"],
    "logbook": ["enter", "l"],
    "meetings": ["enter", "m"],
    "agreements": ["t"],
    "review": ["R"],
    "help": ["question_mark"],
    "presentation": ["enter", "g", "v"],
    "first_run": [],
}


def names() -> list[str]:
    return [f"{screen}-{size}" for screen in SCREENS for size in SIZES]


def take(name: str, demo: Path, work: Path) -> str:
    screen, size = name.rsplit("-", 1)
    folder = work / name
    folder.mkdir()
    db = folder / "mentorterm.db"  # the file's name shows in the header
    if screen != "first_run":
        shutil.copy(demo, db)
    app = make_app(db, today=TODAY)
    return take_svg_screenshot(app=app, press=SCREENS[screen], terminal_size=SIZES[size])


#: tests/test_narrow.py's journeys: each screen's footer at 80x24.
JOURNEYS: dict[str, list[str]] = {
    "caseload": [],
    "citizen": ["enter"],
    "sub-goals": ["enter", "g"],
    "logbook": ["enter", "l"],
    "meetings": ["enter", "m"],
    "placements": ["enter", "p"],
    "reports": ["enter", "r"],
    "agreements": ["t"],
    "agenda": ["m"],
    "review": ["R"],
}


async def narrow_facts(demo: Path, work: Path) -> dict:
    """At 80x24: each journey's footer keys (key, description, right edge,
    width) and where the palette key starts; the caseload's headers and
    whether its table fits across."""
    from mentorterm.widgets.caselist import CaseList

    facts: dict = {"footers": {}}
    for journey, keys in JOURNEYS.items():
        db = work / f"narrow-{journey}" / "mentorterm.db"
        db.parent.mkdir()
        shutil.copy(demo, db)
        app = make_app(db, today=TODAY)
        async with app.run_test(size=SIZES["80x24"]) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            footer = app.screen.query_one(Footer)
            found = list(footer.query(FooterKey))
            palette = [k for k in found if k.has_class("-command-palette")]
            facts["footers"][journey] = {
                "palette_x": palette[0].region.x if palette else SIZES["80x24"][0],
                "keys": [
                    [k.key, k.description, k.region.right, k.region.width]
                    for k in found
                    if not k.has_class("-command-palette")
                ],
            }
            if journey == "caseload":
                table = app.screen.query_one("#caseload", CaseList)
                facts["caseload"] = {
                    "shown": [c.key for c in table.shown],
                    "headers": [label.rstrip(" ↑↓") for label in table.header_labels],
                    "fits": table.virtual_size.width <= table.size.width,
                    "right": table.region.right,
                    "header_line": table.render_line(0).text,
                }
    return facts


def main(out: Path | None, wanted: list[str]) -> None:
    storage.allow_plaintext_for_tests(True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        home = work / "home"
        for var, sub in (
            ("HOME", ""),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_STATE_HOME", "state"),
        ):
            os.environ[var] = str(home / sub)
        os.environ["MENTORTERM_SETTINGS"] = str(home / "config" / "settings.toml")
        demo = work / "demo.db"
        storage.open_database(demo)
        generate_demo(seed=1, today=TODAY)
        storage.close_database()
        if out is None:
            print(json.dumps(asyncio.run(narrow_facts(demo, work))))
            return
        out.mkdir(parents=True, exist_ok=True)
        for name in wanted or names():
            (out / f"{name}.svg").write_text(take(name, demo, work), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "--narrow":
        main(None, [])
    else:
        main(Path(sys.argv[1]), sys.argv[2:])
