"""Stored text never acts on the mentor's terminal.

A name typed (or imported) with ESC [ 2 J clears the screen when printed raw,
OSC 52 writes the clipboard, a carriage return prints over a line, U+202E
turns it around. ``terminal_safe`` drops them from every CLI print of stored
data; JSON keeps them as \\u escapes. In the TUI, Rich markup in a name is
shown as typed, not applied.
"""

from __future__ import annotations

import json
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Static

from mentorterm import cli, storage
from mentorterm.app import make_app
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.courses import start_course
from mentorterm.domain.transfer import import_document, parse_document
from mentorterm.models import Citizen
from mentorterm.schemas import CitizenIn, CourseIn
from mentorterm.terminal import json_terminal_safe, one_line, terminal_safe
from mentorterm.widgets.caselist import CaseList

CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;aGFja2Vk\x07"  # OSC 52: put "hacked" on the clipboard
EVIL = f"{CLEAR}Ali{CLIPBOARD} Hassan\r\x9b31m\u202e"
# What a terminal would act on: C0 but tab and newline, DEL, C1, bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_escape_sequences_are_dropped_and_the_text_stays():
    shown = terminal_safe(EVIL)
    assert not UNSAFE.search(shown)
    assert shown == "[2JAli]52;c;aGFja2Vk Hassan31m"
    assert terminal_safe("Mette Jørgensen\n\tنادية") == "Mette Jørgensen\n\tنادية"
    assert one_line("Ali\nHassan\tX") == "Ali Hassan X"
    assert terminal_safe("lone \ud800 surrogate") == "lone \ufffd surrogate"
    assert terminal_safe(42) == "42"


@given(st.text())
def test_terminal_safe_never_lets_a_control_character_through(text):
    shown = terminal_safe(text)
    assert not UNSAFE.search(shown)
    assert terminal_safe(shown) == shown
    # Everything printable is kept, in order.
    assert shown == "".join(
        "\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text if not UNSAFE.match(c)
    )
    shown.encode("utf-8")  # printing never fails on encoding


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_json_keeps_the_data_and_escapes_the_controls(value):
    for text in (
        json.dumps(value, ensure_ascii=False, indent=1),
        json.dumps(value, ensure_ascii=False),
    ):
        safe = json_terminal_safe(text)
        assert not UNSAFE.search(safe)
        assert json.loads(safe) == json.loads(text)


# --- the CLI ----------------------------------------------------------------------------


def test_the_input_models_drop_control_characters():
    data = CitizenIn(name=EVIL, notes=f"Line one\r\nLine two{CLEAR}\tend")
    assert data.name == "[2JAli]52;c;aGFja2Vk Hassan31m"
    assert data.notes == "Line one\nLine two[2J\tend"


def test_an_imported_name_is_stored_without_its_escape_sequences(database):
    doc = {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne", "is_default": True}],
        "citizens": [{"name": EVIL, "mentor": "a", "notes": CLIPBOARD + "x"}],
    }
    import_document(parse_document(json.dumps(doc)))
    citizen = Citizen.get()
    assert not UNSAFE.search(citizen.name + citizen.notes)


def _evil_caseload(db_path) -> int:
    """A citizen whose stored name holds escape sequences (written before the
    input models dropped them, or straight into the file)."""
    storage.open_database(db_path)
    try:
        citizen = create_citizen(CitizenIn(name="Ali Hassan"))
        Citizen.update(name=EVIL, notes=CLEAR + "private").where(Citizen.id == citizen).execute()
        # A course ending within 28 days with no meeting planned: on the review.
        start_course(
            citizen,
            CourseIn(
                referral_date=date(2026, 9, 1),
                start_date=date(2026, 9, 1),
                planned_end=date(2026, 12, 1),
                purpose="ordinary_job",
            ),
        )
    finally:
        storage.close_database()
    return citizen


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(args))
    finally:
        storage.close_database()
    out, err = capsys.readouterr()
    return status, out, err


def test_review_prints_the_name_without_its_escape_sequences(db_path, capsys):
    _evil_caseload(db_path)
    for form in ("text", "markdown", "json"):
        status, out, err = run_cli(
            capsys, "review", "--db", str(db_path), "--as-of", "2026-11-22", "--format", form
        )
        assert status == 0, err
        assert not UNSAFE.search(out + err), form
        assert "Ali" in out and "Hassan" in out
    # The JSON form keeps the name whole, as escapes.
    status, out, _err = run_cli(
        capsys, "review", "--db", str(db_path), "--as-of", "2026-11-22", "--format", "json"
    )
    assert json.loads(out)["citizens"][0]["name"] == EVIL.strip()


def test_export_info_audit_and_errors_print_no_control_character(db_path, tmp_path, capsys):
    _evil_caseload(db_path)
    status, out, err = run_cli(capsys, "export", "--db", str(db_path))
    assert status == 0 and not UNSAFE.search(out + err)
    document = json.loads(out)
    assert document["citizens"][0]["name"] == EVIL.strip()
    for args in (("info",), ("audit",), ("audit", "--verify"), ("check",)):
        status, out, err = run_cli(capsys, *args, "--db", str(db_path))
        assert not UNSAFE.search(out + err), args
    # An error line that repeats what it was given (a file name with escapes).
    status, out, err = run_cli(
        capsys, "import", str(tmp_path / f"{CLEAR}Ali.json"), "--db", str(db_path)
    )
    assert status != 0 and "There is no file" in err and "Ali.json" in err
    assert not UNSAFE.search(out + err)


# --- the TUI: Rich markup in a name is text -----------------------------------------------


async def test_markup_in_a_name_is_shown_literally(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="[b]Ali[/b] [i]Ha[/i]"))
    storage.close_database()
    app = make_app(db_path, today=date(2026, 11, 22))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#caseload", CaseList)
        cells = [str(cell) for cell in table.get_row_at(0)]
        assert "[b]Ali[/b] [i]Ha[/i]" in cells
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert app.screen.citizen_id == citizen
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "[b]Ali[/b] [i]Ha[/i]" in shown


async def test_a_stored_escape_sequence_never_reaches_the_terminal(db_path):
    # Rich and Textual drop only BEL, BS, VT, FF and CR themselves.
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali"))
    Citizen.update(name=f"{CLEAR}Ali{CLIPBOARD}\x9b31m").where(Citizen.id == citizen).execute()
    storage.close_database()
    app = make_app(db_path, today=date(2026, 11, 22))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()

        def painted(widgets) -> str:
            return "\n".join(
                "".join(segment.text for segment in w.render_line(y))
                for w in widgets
                for y in range(w.size.height)
            )

        table = painted(app.screen.query(CaseList))
        assert "Ali" in table and not UNSAFE.search(table)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        shown = painted(app.screen.query(Static))
        assert "Ali" in shown and not UNSAFE.search(shown)


def test_a_name_with_a_newline_stays_on_its_line_in_the_handout(db_path, capsys):
    storage.open_database(db_path)
    try:
        citizen = create_citizen(CitizenIn(name="Ali"))
        Citizen.update(name="Ali\n2. Fake Person (urgency 99)").where(
            Citizen.id == citizen
        ).execute()
        start_course(
            citizen,
            CourseIn(
                referral_date=date(2026, 9, 1),
                start_date=date(2026, 9, 1),
                planned_end=date(2026, 12, 1),
                purpose="ordinary_job",
            ),
        )
    finally:
        storage.close_database()
    status, out, _err = run_cli(capsys, "review", "--db", str(db_path), "--as-of", "2026-11-22")
    assert status == 0
    assert "1. Ali 2. Fake Person (urgency 99) (urgency" in out
    assert not any(line.startswith("2. Fake") for line in out.splitlines())
