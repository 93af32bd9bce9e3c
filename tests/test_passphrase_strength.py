"""A new passphrase is judged by zxcvbn (issue 14, item 9): "password" and
"12345678" are refused with the estimator's advice in the mentor's words, at
the first start, by ``mentorterm passphrase``, ``encrypt`` and a new database
made from the CLI."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Input

from mentorterm import cli, storage
from mentorterm.app import make_app
from mentorterm.domain import security
from mentorterm.domain.security import WeakPassphrase, check_new_passphrase, passphrase_hint

PASS = "bananer i vindueskarmen"
WEAK = [
    "password",
    "12345678",
    "Password1",
    "qwertyuiop",
    "passwordpassword",
    "abcdefgh",
    "11111111",
    "mentorterm",
    "mentorterm2026",
    "iloveyou",
]
STRONG = [PASS, "correct horse battery staple", "Kaffe og kage i regnvejr", "a new long passphrase"]


@pytest.fixture(autouse=True)
def _encrypted(monkeypatch):
    """New databases are encrypted here: the app's real default."""
    monkeypatch.delenv("MENTORTERM_PLAINTEXT", raising=False)
    allow = getattr(storage, "allow_plaintext_for_tests", None)
    if allow is not None:  # where tests switch plaintext on in storage, not by a variable
        allow(False)


@pytest.mark.parametrize("weak", WEAK)
def test_easy_to_guess_passphrases_are_refused_in_the_mentors_words(weak):
    with pytest.raises(WeakPassphrase) as caught:
        check_new_passphrase(weak)
    message = str(caught.value)
    assert message.startswith("This passphrase is too easy to guess.")
    # zxcvbn's own English ("top-10 common password") is said in our words.
    assert "top-10" not in message and "Uncommon words" not in message
    assert security.strength(weak).score < security.MIN_SCORE


def test_the_estimators_advice_is_passed_on():
    message = str(pytest.raises(WeakPassphrase, check_new_passphrase, "password").value)
    assert "one of the ten most used passwords" in message
    assert "Add a word or two" in message
    message = str(pytest.raises(WeakPassphrase, check_new_passphrase, "qwertyuiop").value)
    assert "most used passwords" in message
    assert "too easy" in passphrase_hint("password").lower()


@pytest.mark.parametrize("strong", STRONG)
def test_a_few_words_pass(strong):
    assert check_new_passphrase(strong) == strong
    assert passphrase_hint(strong) in ("Strong.", "Good. Another word makes it stronger.")


def test_the_empty_and_the_short_are_still_refused_first():
    with pytest.raises(WeakPassphrase, match="empty passphrase"):
        check_new_passphrase("   ")
    with pytest.raises(WeakPassphrase, match="at least 8 characters"):
        check_new_passphrase("Xq7#z")
    assert passphrase_hint("abc").startswith("Too short")


def test_the_databases_own_name_counts_as_easy(db_path):
    assert (
        security.strength("kontoret2026").score
        >= security.strength("kontoret2026", ("kontoret",)).score
    )
    with pytest.raises(WeakPassphrase):
        check_new_passphrase("kontoret2026", ("kontoret",))


def test_a_very_long_passphrase_is_judged_not_refused_by_the_estimator():
    long = " ".join(["bananer", "i", "vindueskarmen", "om", "morgenen"] * 20)
    assert len(long) > 72
    assert check_new_passphrase(long) == long
    with pytest.raises(WeakPassphrase):
        check_new_passphrase("a" * 500)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_is_judged_or_refused_never_a_crash(text):
    try:
        assert check_new_passphrase(text) == text
    except WeakPassphrase as error:
        assert str(error)
    assert isinstance(passphrase_hint(text), str)


# --- where a person chooses one -----------------------------------------------------


async def choose(pilot, app, first: str, second: str) -> str:
    app.screen.query_one("#pass-1", Input).value = first
    app.screen.query_one("#pass-2", Input).value = second
    app.screen.query_one("#pass-2", Input).focus()
    await pilot.press("enter")
    await pilot.pause()
    errors = app.screen.query("#pass-error")
    return str(errors.first().render()) if errors else ""


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_first_start_refuses_password_next_to_the_field(db_path, size):
    app = make_app(db_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.query_one("#pass-1", Input).value = "password"
        await pilot.pause()
        assert "Too easy to guess" in str(app.screen.query_one("#pass-hint").render())
        for weak in ("password", "12345678"):
            error = await choose(pilot, app, weak, weak)
            assert "too easy to guess" in error and "most used passwords" in error
            assert type(app.screen).__name__ == "PassphraseScreen"
            assert not db_path.exists()  # nothing made on disk
            # The fields are emptied for the next try.
            assert app.screen.query_one("#pass-1", Input).value == ""
        region = app.screen.query_one("#pass-error").region
        assert region.bottom <= size[1] and region.right <= size[0]
        await choose(pilot, app, PASS, PASS)
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.close_database()
    assert storage.is_encrypted_file(db_path)


@pytest.fixture
def terminal(monkeypatch):
    """A person at a terminal: getpass answers from ``typed``, in order."""
    typed: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": typed.pop(0))
    return typed


def run_cli(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    storage.close_database()
    return code, capsys.readouterr().err


def test_mentorterm_passphrase_refuses_a_weak_new_one_and_asks_again(db_path, terminal, capsys):
    storage.open_database(db_path, passphrase=PASS)
    storage.close_database()
    before = db_path.read_bytes()
    terminal[:] = [PASS, "password", "12345678", "Password1"]
    code, err = run_cli(capsys, "passphrase", "--db", str(db_path))
    assert code == cli.EXIT_PROBLEM
    assert err.count("too easy to guess") == 3 and "Nothing was changed" in err
    assert db_path.read_bytes() == before
    storage.open_database(db_path, passphrase=PASS)  # the old one still opens
    storage.close_database()
    terminal[:] = [PASS, "password", "Kaffe og kage i regnvejr", "Kaffe og kage i regnvejr"]
    code, err = run_cli(capsys, "passphrase", "--db", str(db_path))
    assert code == 0, err
    assert err.count("too easy to guess") == 1
    storage.open_database(db_path, passphrase="Kaffe og kage i regnvejr")
    storage.close_database()


def test_a_new_database_from_the_cli_needs_a_strong_passphrase(db_path, tmp_path, terminal, capsys):
    weak = tmp_path / "weak.txt"
    weak.write_text("12345678\n")
    code, err = run_cli(capsys, "demo", "--db", str(db_path), "--passphrase-file", str(weak))
    assert code == cli.EXIT_PROBLEM and "too easy to guess" in err
    assert not db_path.exists()
    terminal[:] = ["password"] * 3
    code, err = run_cli(capsys, "demo", "--db", str(db_path))
    assert code == cli.EXIT_PROBLEM and "too easy to guess" in err
    assert not db_path.exists()


def test_encrypt_refuses_a_weak_passphrase_and_leaves_the_file(db_path, tmp_path, capsys):
    storage.open_database(db_path, plaintext=True)
    storage.close_database()
    before = db_path.read_bytes()
    weak = tmp_path / "weak.txt"
    weak.write_text("password\n")
    code, err = run_cli(capsys, "encrypt", "--db", str(db_path), "--passphrase-file", str(weak))
    assert code == cli.EXIT_PROBLEM and "too easy to guess" in err
    assert db_path.read_bytes() == before and not storage.is_encrypted_file(db_path)
