"""The lock holds (issue 14, item 1): while the passphrase screen shows, every key,
the palette, the mouse and the screens beneath get nowhere; the passphrase is not
kept where the app can reach it; the wrong-passphrase back-off survives a restart
and applies to the CLI (fixed clocks throughout)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from textual.widgets import Input

from mentorterm import cli, keys, storage
from mentorterm.app import make_app
from mentorterm.domain import security
from mentorterm.domain.security import Tries, read_tries, right_try, tries_file, wrong_try
from mentorterm.models import db
from mentorterm.screens.lock import PassphraseScreen
from mentorterm.storage import cipher_key

PASS = "bananer i vindueskarmen"
NAMES = ("Mette Jørgensen", "Ahmad Karimi")
START = 1_800_000_000.0  # a fixed wall clock for the back-off


@pytest.fixture(autouse=True)
def _encrypted(monkeypatch):
    """New databases are encrypted here: the app's real default."""
    monkeypatch.delenv("MENTORTERM_PLAINTEXT", raising=False)
    allow = getattr(storage, "allow_plaintext_for_tests", None)
    if allow is not None:  # where tests switch plaintext on in storage, not by a variable
        allow(False)


@pytest.fixture
def caseload(db_path) -> Path:
    """An encrypted database with two citizens, closed."""
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.schemas import CitizenIn

    storage.open_database(db_path, passphrase=PASS)
    for name in NAMES:
        create_citizen(CitizenIn(name=name))
    storage.close_database()
    return db_path


def screen_text(app) -> str:
    """Every character on the terminal, as the mentor (or the citizen) sees it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def shows_a_name(app) -> bool:
    text = screen_text(app)
    return any(part in text for name in NAMES for part in name.split())


def every_key() -> list[str]:
    """Every key of keys.py (every screen, the app's rows first), and Textual's own."""
    found: list[str] = []
    rows = sorted(keys.TABLE, key=lambda key: "app" not in key.screens)
    for key in rows:
        for name in key.keys.split(","):
            name = name.strip()
            if name and name not in found:
                found.append(name)
    for name in (
        "ctrl+p",
        "tab",
        "shift+tab",
        "escape",
        "ctrl+c",
        "ctrl+z",
        "f1",
        "ctrl+backslash",
        "question_mark",
        "enter",
        "space",
        "up",
        "down",
    ):
        if name not in found:
            found.append(name)
    found.remove("ctrl+q")  # quits, which is allowed: tested on its own below
    return found


def app_actions() -> list[str]:
    """Every action an app row runs, and every "app.…" action of any screen."""
    actions = {key.action for key in keys.TABLE if "app" in key.screens}
    actions |= {key.action for key in keys.TABLE if key.action.startswith("app.")}
    actions |= {
        "command_palette",
        "app.command_palette",
        "back",
        "pop_screen",
        "app.pop_screen",
        "review",
        "lock",
        "toggle_dark",
        "change_theme",
        "show_help_panel",
        "screenshot",
    }
    actions.discard("quit")
    actions.discard("app.quit")
    return sorted(actions)


async def unlocked_on_a_citizen(app, pilot) -> None:
    """Unlocked (the passphrase typed), the first citizen open on top of the caseload."""
    await pilot.pause()
    assert isinstance(app.screen, PassphraseScreen)
    app.screen.query_one("#pass-1", Input).value = PASS
    await pilot.press("enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "CaseloadScreen"
    assert shows_a_name(app)  # the check below can see names
    await pilot.press("enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "CitizenScreen"
    assert shows_a_name(app)


def assert_still_locked(app, depth: int, what: str) -> None:
    assert app.locked, what
    assert isinstance(app.screen, PassphraseScreen), f"{what}: {type(app.screen).__name__}"
    assert len(app.screen_stack) == depth, f"{what}: the screens changed"
    assert db.obj.is_closed(), what
    assert not shows_a_name(app), f"{what} showed a citizen:\n{screen_text(app)}"


async def test_every_key_the_palette_and_the_mouse_get_nowhere_while_locked(caseload):
    app = make_app(caseload)
    now = [START]
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        app.clock = lambda: now[0]
        await unlocked_on_a_citizen(app, pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        depth = len(app.screen_stack)
        assert_still_locked(app, depth, "ctrl+l")
        field = app.screen.query_one("#pass-1", Input)
        for key in every_key():
            for focus in ("on the field", "off the field"):
                field.value = ""
                if focus == "off the field":
                    app.screen.set_focus(None)
                    await pilot.pause()
                await pilot.press(key)
                await pilot.pause()
                assert_still_locked(app, depth, f"{key} ({focus})")
                # The passphrase field has the focus back, whatever was pressed.
                assert app.focused is field, f"{key} ({focus}) moved the focus"
        # The palette, with the very words of the bypass: "Caseload", enter.
        await pilot.press("ctrl+p")
        await pilot.press(*"Caseload", "enter")
        await pilot.pause()
        assert_still_locked(app, depth, "ctrl+p Caseload enter")
        app.action_command_palette()
        await pilot.pause()
        assert_still_locked(app, depth, "action_command_palette()")
        # Every app action, run as a binding or a footer click would run it.
        for action in app_actions():
            assert await app.run_action(action) is False, action
            await pilot.pause()
            assert_still_locked(app, depth, f"run_action({action!r})")
        assert list(app.get_system_commands(app.screen)) == []
        # The mouse: clicks and scrolls all over the screen.
        for offset in ((0, 0), (60, 2), (5, 18), (119, 35), (60, 30)):
            await pilot.click(offset=offset)
            await pilot.mouse_down(offset=offset)
            await pilot.pause()
            assert_still_locked(app, depth, f"click at {offset}")
        # The right passphrase still unlocks (once the back-off of the wrong
        # enters above has run out), onto the citizen left open.
        now[0] += security.MAX_WAIT + 1
        field.value = PASS
        await pilot.press("enter")
        await pilot.pause()
        assert not app.locked and type(app.screen).__name__ == "CitizenScreen"
        assert shows_a_name(app)
    storage.close_database()


async def test_ctrl_q_still_quits_the_locked_app(caseload):
    app = make_app(caseload, passphrase=PASS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.locked
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    storage.close_database()


async def test_the_start_up_passphrase_screen_is_just_as_closed(caseload):
    app = make_app(caseload)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.sealed and isinstance(app.screen, PassphraseScreen)
        for key in ("ctrl+p", "R", "escape", "ctrl+l", "tab", "question_mark"):
            app.screen.set_focus(None)
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, PassphraseScreen), key
            assert len(app.screen_stack) == 2, key
        await pilot.press("ctrl+p", *"Caseload", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PassphraseScreen) and len(app.screen_stack) == 2
        app.go_home()
        app.open_citizen(1)
        await pilot.pause()
        assert isinstance(app.screen, PassphraseScreen)
        assert not shows_a_name(app)
    storage.close_database()


async def test_a_screen_beneath_cannot_push_pop_or_switch_over_the_lock(caseload):
    from mentorterm.screens.help import HelpScreen

    app = make_app(caseload, passphrase=PASS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first citizen
        await pilot.pause()
        beneath = app.screen
        await pilot.press("ctrl+l")
        await pilot.pause()
        depth = len(app.screen_stack)
        # What a worker or a timer of the screen beneath might do.
        await app.push_screen(HelpScreen(beneath, "CitizenScreen"))
        app.pop_screen()
        app.switch_screen(HelpScreen(beneath, "CitizenScreen"))
        app.go_home()
        app.open_citizen(2)
        app.action_review()
        app.open_records(1, "meetings")
        beneath.dismiss()
        await pilot.pause()
        assert_still_locked(app, depth, "the screen beneath")
        assert app.screen_stack[-2] is beneath
    storage.close_database()


async def test_toasts_go_at_the_lock_and_new_ones_wait_for_the_unlock(caseload):
    app = make_app(caseload, passphrase=PASS)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        app.notify("Saved: the note for Mette Jørgensen.")
        await pilot.pause()
        assert "Saved: the note for Mette" in screen_text(app)  # a toast
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not shows_a_name(app)
        app.notify("Kept a draft for Ahmad Karimi.")  # e.g. a worker finishing beneath
        await pilot.pause()
        assert not shows_a_name(app)
        app.screen.query_one("#pass-1", Input).value = PASS
        await pilot.press("enter")
        await pilot.pause()
        assert not app.locked
        await pilot.pause()
        assert "Kept a draft for Ahmad" in screen_text(app)
    storage.close_database()


async def test_the_idle_lock_covers_an_open_palette(caseload):
    app = make_app(caseload, passphrase=PASS)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Mette")
        await pilot.pause(0.5)
        app.action_lock()
        await pilot.pause()
        depth = len(app.screen_stack)
        for key in ("escape", "enter", "down", "ctrl+p"):
            await pilot.press(key)
            await pilot.pause()
        assert_still_locked(app, depth, "the palette beneath")
    storage.close_database()


async def test_the_passphrase_is_not_kept_by_the_screen_or_the_app(caseload):
    app = make_app(caseload)
    now = [START]
    async with app.run_test(size=(120, 36)) as pilot:
        app.clock = lambda: now[0]
        await pilot.pause()
        lock = app.screen
        field = lock.query_one("#pass-1", Input)
        # Nothing typed in the field goes to the clipboard.
        field.value = PASS
        await pilot.press("ctrl+shift+a", "ctrl+c", "ctrl+x")
        await pilot.pause()
        assert PASS not in app.clipboard
        assert await app.run_action("screen.copy_text") is False
        assert field.value == PASS  # ctrl+x cut nothing either
        # A wrong try empties the field.
        field.value = "not the passphrase"
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == ""
        field.value = PASS
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        # The unlock field is empty, and no attribute of the app, the passphrase
        # screen or its widgets holds the passphrase.
        assert field.value == ""
        holders = [app, lock, *lock.query("*")]
        for holder in holders:
            for name, value in vars(holder).items():
                assert not (isinstance(value, str) and PASS in value), (holder, name)
        # Not even the database holds the passphrase: it keeps the key derived
        # from it (cipher_key.py), which it needs to open a connection for each
        # worker thread; the lock blanks it.
        kept = db.obj.connect_params["passphrase"]
        assert cipher_key.is_raw(kept) and PASS not in kept
        assert kept == cipher_key.derive(PASS, Path(db.obj.database))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert db.obj.connect_params["passphrase"] == ""
        assert app.screen.query_one("#pass-1", Input).value == ""
    storage.close_database()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_lock_screen_fits(caseload, size):
    app = make_app(caseload, passphrase=PASS)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        width, height = size
        for selector in ("#pass-title", "#pass-1", "#pass-error", "#pass-wait"):
            region = app.screen.query_one(selector).region
            assert region.width > 0 and region.right <= width and region.bottom <= height
        assert "locked" in screen_text(app) and "ctrl+q" in screen_text(app)
    storage.close_database()


# --- the back-off: kept beside the database ------------------------------------------


def test_the_wait_grows_after_three_wrong_tries_and_never_passes_a_minute():
    assert [security.wait_after(n) for n in range(9)] == [0, 0, 0, 2, 4, 8, 16, 32, 60]
    assert security.wait_after(10_000) == 60
    tries = Tries(4, START)
    assert tries.wait_left(START) == 4
    assert tries.wait_left(START + 3) == 1
    assert tries.wait_left(START + 4) == 0
    # A clock set back an hour does not make the wait an hour longer.
    assert tries.wait_left(START - 3600) == 4
    assert Tries(2, START).wait_left(START) == 0


def test_wrong_tries_are_counted_in_an_owner_only_file_and_a_right_one_ends_them(db_path):
    db_path.write_bytes(b"x")
    for n in range(1, 5):
        counted = wrong_try(db_path, START + n)
        assert counted == Tries(n, START + n)
    path = tries_file(db_path)
    assert path == db_path.with_name("mentorterm.db.tries")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {"failures": 4, "last": START + 4}
    assert read_tries(db_path) == Tries(4, START + 4)
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".part")] == []
    assert right_try(db_path) == Tries()
    assert not path.exists() and read_tries(db_path) == Tries()


def test_a_garbled_or_planted_tries_file_gives_no_extra_tries(db_path, tmp_path):
    path = tries_file(db_path)
    path.write_text("{not json")
    assert read_tries(db_path).failures == security.FREE_TRIES
    path.write_text(json.dumps({"failures": -5, "last": START}))
    assert read_tries(db_path).failures == security.FREE_TRIES
    path.write_bytes(b"0" * 10_000)
    assert read_tries(db_path).failures == security.FREE_TRIES
    path.unlink()
    # A link planted where the file goes is neither read nor written through.
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("untouched")
    path.symlink_to(elsewhere)
    assert read_tries(db_path).failures == security.FREE_TRIES
    wrong_try(db_path, START)
    assert elsewhere.read_text() == "untouched"
    assert not path.is_symlink() and read_tries(db_path).failures == security.FREE_TRIES + 1


def test_a_folder_that_cannot_be_written_still_counts_in_memory(db_path, monkeypatch):
    def refused(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(security, "_write_tries", refused)
    counted = None
    for n in range(4):
        counted = wrong_try(db_path, START + n, counted)
    assert counted == Tries(4, START + 3) and counted.wait_left(START + 3) == 4
    assert not tries_file(db_path).exists()
    assert read_tries(db_path, counted) == counted


async def test_the_back_off_holds_across_a_restart_of_the_app(caseload):
    now = [START]
    first = make_app(caseload)
    async with first.run_test(size=(100, 30)) as pilot:
        first.clock = lambda: now[0]
        await pilot.pause()
        for _ in range(3):
            first.screen.query_one("#pass-1", Input).value = "not the passphrase"
            await pilot.press("enter")
            await pilot.pause()
        assert "Wait 2 seconds" in str(first.screen.query_one("#pass-wait").render())
        await pilot.press("ctrl+q")
    assert read_tries(caseload) == Tries(3, START)
    now[0] += 1  # restarted within the wait
    second = make_app(caseload)
    second.clock = lambda: now[0]
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        wait = str(second.screen.query_one("#pass-wait").render())
        assert "Wait 1 second before" in wait  # said at once, before any typing
        second.screen.query_one("#pass-1", Input).value = PASS
        await pilot.press("enter")  # right, but too soon: not even tried
        await pilot.pause()
        assert isinstance(second.screen, PassphraseScreen)
        assert read_tries(caseload) == Tries(3, START)
        now[0] += 1
        await pilot.pause(1.2)  # the countdown notices the wait is over
        assert str(second.screen.query_one("#pass-wait").render()) == ""
        second.screen.query_one("#pass-1", Input).value = PASS
        await pilot.press("enter")
        await pilot.pause()
        assert type(second.screen).__name__ == "CaseloadScreen"
    assert not tries_file(caseload).exists()
    storage.close_database()


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    storage.close_database()
    return code, capsys.readouterr().err


def test_the_cli_counts_wrong_passphrases_and_refuses_while_the_wait_runs(
    caseload, tmp_path, monkeypatch, capsys
):
    now = [START]
    monkeypatch.setattr(cli.passphrase, "_clock", lambda: now[0])
    wrong, right = tmp_path / "wrong.txt", tmp_path / "right.txt"
    wrong.write_text("not the passphrase\n")
    right.write_text(PASS + "\n")
    base = ("--db", str(caseload))
    for n in range(1, 4):
        code, err = run_cli(capsys, "info", *base, "--passphrase-file", str(wrong))
        assert code == cli.EXIT_PROBLEM and "passphrase is wrong" in err
        assert read_tries(caseload).failures == n
    assert "Too many wrong passphrases: wait 2 seconds" in err
    before = caseload.read_bytes()
    # The right passphrase too soon: refused before it is tried, every command.
    for command in ("info", "export", "backup", "check", "audit", "passphrase"):
        extra = (str(tmp_path / "b"),) if command == "backup" else ()
        code, err = run_cli(capsys, command, *extra, *base, "--passphrase-file", str(right))
        assert code == cli.EXIT_WAIT, (command, err)
        assert err.startswith("mentorterm: Too many wrong passphrases: wait 2 seconds"), err
        assert "Nothing was changed" in err
    assert caseload.read_bytes() == before
    assert read_tries(caseload) == Tries(3, START)
    # The app opened from the CLI with the passphrase file waits the same.
    code, err = run_cli(capsys, "open", *base, "--passphrase-file", str(right))
    assert code == cli.EXIT_WAIT
    now[0] += 2
    code, err = run_cli(capsys, "info", *base, "--passphrase-file", str(right))
    assert code == 0, err
    assert not tries_file(caseload).exists()


def test_the_cli_refuses_before_asking_at_a_terminal(caseload, monkeypatch, capsys):
    asked: list[str] = []
    monkeypatch.setattr(cli.passphrase, "_clock", lambda: START + 1)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": asked.append(prompt) or PASS)
    wrong_try(caseload, START, Tries(5, START))  # 6 wrong: 16 s
    code, err = run_cli(capsys, "info", "--db", str(caseload))
    assert code == cli.EXIT_WAIT and "wait 15 seconds" in err
    assert asked == []  # no passphrase typed in vain


async def test_enter_on_an_empty_field_is_not_a_wrong_try(caseload):
    app = make_app(caseload)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(5):
            await pilot.press("enter")
            await pilot.pause()
        assert "Type the passphrase" in str(app.screen.query_one("#pass-error").render())
        assert read_tries(caseload) == Tries() and app.passphrase_wait() == 0
    storage.close_database()


async def test_a_new_passphrase_is_typed_twice_with_enter_between(db_path):
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*PASS, "enter", *PASS, "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.close_database()
    assert storage.is_encrypted_file(db_path)


async def test_the_lock_of_an_unencrypted_database_says_it_has_no_passphrase(db_path, monkeypatch):
    monkeypatch.setenv("MENTORTERM_PLAINTEXT", "1")
    if hasattr(storage, "allow_plaintext_for_tests"):
        storage.allow_plaintext_for_tests(True)
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.schemas import CitizenIn

    storage.open_database(db_path, plaintext=True)
    create_citizen(CitizenIn(name=NAMES[0]))
    storage.close_database()
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l", "R", "ctrl+p")
        await pilot.pause()
        assert app.locked and not shows_a_name(app)
        assert "is not encrypted, so it has no passphrase" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.locked and shows_a_name(app)
    storage.close_database()


async def test_a_worker_waiting_on_a_dialog_while_locked_gets_none(caseload):
    from mentorterm.screens.help import HelpScreen

    app = make_app(caseload, passphrase=PASS)
    answers: list[object] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()

        async def ask() -> None:
            answers.append(
                await app.push_screen(HelpScreen(app.screen, "x"), wait_for_dismiss=True)
            )

        await app.run_worker(ask()).wait()
        assert answers == [None] and isinstance(app.screen, PassphraseScreen)
    storage.close_database()
