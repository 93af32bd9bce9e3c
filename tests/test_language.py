"""Which language a run speaks: MENTORTERM_LANG, --lang, the settings, the environment, English.

And that it is chosen cheaply and in time: before the parser is built and
before any module whose class-level labels are translated at import.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorterm import cli, i18n
from mentorterm.cli import language
from mentorterm.cli.common import EXIT_USAGE, CliError
from mentorterm.settings import SettingsError, load_settings, settings_path

LOCALE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def no_override(monkeypatch):
    """The developer's and the suite's own choices out of the way."""
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "da_DK"}, "da"),
        ({"LANG": "da"}, "da"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({}, None),
        ({"LC_ALL": "da_DK.UTF-8", "LANG": "en_US.UTF-8"}, "da"),
        ({"LC_ALL": "C", "LANG": "da_DK.UTF-8"}, "en"),
        ({"LC_MESSAGES": "da_DK.UTF-8", "LANG": "en_US.UTF-8"}, "da"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "da_DK.UTF-8"}, "da"),
        ({"LANGUAGE": "da:en", "LANG": "en_US.UTF-8"}, "da"),
        ({"LANGUAGE": "sv:da", "LANG": "en_US.UTF-8"}, "da"),
        ({"LANGUAGE": "en_GB:da", "LANG": "da_DK.UTF-8"}, "en"),
        ({"LANGUAGE": "sv:nb", "LANG": "da_DK.UTF-8"}, "da"),
        ({"LANGUAGE": "da", "LANG": "C"}, "en"),  # gettext: C silences LANGUAGE
        ({"LANG": "da_DK.ISO-8859-1@euro"}, "da"),
    ],
)
def test_the_environment_names_a_language_the_way_gettext_reads_it(environ, expected):
    assert i18n.from_environment(environ) == expected


def test_the_strongest_choice_wins_in_order():
    env = {"LANG": "da_DK.UTF-8"}
    assert i18n.choose(environ=env) == "da"
    assert i18n.choose(setting="en", environ=env) == "en"
    assert i18n.choose(flag="da", setting="en", environ={"LANG": "C"}) == "da"
    assert i18n.choose(flag="en", setting="da", environ={**env, i18n.ENV_VAR: "da"}) == "da"
    assert i18n.choose(environ={"LANG": "C"}) == "en"
    assert i18n.choose(environ={}) == "en"
    assert i18n.choose(setting="fr", environ={"LANG": "de_DE"}) == "en"


_values = st.sampled_from(
    ["", "da", "en", "fr", "DA", "da_DK.UTF-8", "en_US.UTF-8", "C", "POSIX", "de_DE", "da:en"]
)
_envs = st.dictionaries(st.sampled_from((*LOCALE_VARS, i18n.ENV_VAR)), _values)
_choices = st.one_of(st.none(), st.sampled_from(i18n.LANGUAGES))


@given(environ=_envs, flag=_choices, setting=_choices)
def test_the_choice_is_always_a_language_and_each_level_overrides_the_ones_below(
    environ, flag, setting
):
    chosen = i18n.choose(flag, setting, environ)
    assert chosen in i18n.LANGUAGES
    override = (environ.get(i18n.ENV_VAR) or "").lower()
    if override in i18n.LANGUAGES:
        assert chosen == override
    elif flag:
        assert chosen == flag
    elif setting:
        assert chosen == setting
    else:
        assert chosen == (i18n.from_environment(environ) or "en")
        # The environment alone: C/POSIX in the locale variables means English.
        locale_name = next((environ[v] for v in LOCALE_VARS[1:] if environ.get(v)), "")
        if locale_name in ("C", "POSIX"):
            assert chosen == "en"


def test_the_flag_is_read_from_the_command_line_and_a_bad_one_is_a_usage_error():
    assert language.flag(["--lang", "da", "info"]) == "da"
    assert language.flag(["info", "--lang=en"]) == "en"
    assert language.flag(["info"]) is None
    assert language.flag(["import", "--", "--lang", "xx"]) is None
    with pytest.raises(CliError) as caught:
        language.flag(["--lang", "fr"])
    assert caught.value.status == EXIT_USAGE
    assert '"fr"' in str(caught.value) and '"da"' in str(caught.value)


def test_the_settings_language_is_read_without_pydantic_and_a_broken_file_is_passed_over(
    tmp_path,
):
    path = tmp_path / "settings.toml"
    env = {language.SETTINGS_ENV_VAR: str(path)}
    assert language.setting(env) is None  # no file
    path.write_text('[mentor]\nname = "Kim"\nlanguage = "da"\n', encoding="utf-8")
    assert language.setting(env) == "da"
    path.write_text('[mentor]\nlanguage = "fr"\n', encoding="utf-8")
    assert language.setting(env) is None
    path.write_text("[mentor\nlanguage = 'da'", encoding="utf-8")
    assert language.setting(env) is None
    path.write_bytes(b"\xff\xfe")
    assert language.setting(env) is None


def test_the_light_reader_looks_where_the_settings_live():
    assert language.SETTINGS_ENV_VAR == "MENTORTERM_SETTINGS"
    assert settings_path().name == language.SETTINGS_FILE


def test_settings_language_is_a_setting_and_a_wrong_value_is_said_plainly(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[mentor]\nlanguage = "da"\n', encoding="utf-8")
    assert load_settings(path).mentor.language == "da"
    path.write_text('[mentor]\nlanguage = "danish"\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert "mentor.language" in str(caught.value) and '"da", "en"' in str(caught.value)


def test_mentorterm_settings_language_saves_it_and_the_next_run_speaks_it(
    no_override, capsys, monkeypatch
):
    monkeypatch.setenv("LANG", "C")
    assert cli.main(["settings", "--language", "da"]) == 0
    assert 'language = "da"' in settings_path().read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["settings"]) == 0
    out = capsys.readouterr().out
    assert i18n.language() == "da"
    assert "Settings file" not in out and i18n._("Settings file: {path}{state}")[:8] in out
    # One run in English over the setting; the override over both.
    assert cli.main(["--lang", "en", "settings"]) == 0
    assert "Settings file" in capsys.readouterr().out
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert cli.main(["settings"]) == 0
    assert "Settings file" in capsys.readouterr().out
    monkeypatch.delenv(i18n.ENV_VAR)
    assert cli.main(["settings", "--language", "auto"]) == 0
    assert cli.main(["settings"]) == 0
    assert "Settings file" in capsys.readouterr().out  # LANG=C: English


def test_lang_on_the_command_line_and_a_bad_value(no_override, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    assert cli.main(["settings"]) == 0
    assert "Settings file" not in capsys.readouterr().out
    assert cli.main(["settings", "--lang", "en"]) == 0
    assert "Settings file" in capsys.readouterr().out
    assert cli.main(["--lang", "xx", "settings"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "--lang" in err and '"xx"' in err


def _translated_at_import() -> set[str]:
    """The package's modules that call _() outside any function (class or module level)."""
    package = i18n.__file__.rsplit("/", 1)[0]
    from pathlib import Path

    root = Path(package)
    found = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def visit(node, in_function=False):
            for child in ast.iter_child_nodes(node):
                inside = in_function or isinstance(
                    child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
                )
                if (
                    not inside
                    and isinstance(child, ast.Call)
                    and isinstance(child.func, ast.Name)
                    and child.func.id in ("_", "ngettext")
                ):
                    yield child
                yield from visit(child, inside)

        if any(True for _ in visit(tree)):
            parts = path.relative_to(root.parent).with_suffix("").parts
            found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_nothing_translated_at_import_is_loaded_before_the_language_is_chosen():
    early = _translated_at_import()
    assert "mentorterm.keys.home" in early  # the scan sees class-level labels
    script = (
        "import sys, json, mentorterm.cli;"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('mentorterm',"
        " 'pydantic', 'tomlkit', 'textual', 'babel')))))"
    )
    loaded = set(json.loads(subprocess.check_output([sys.executable, "-c", script], text=True)))
    assert loaded & early == set()
    assert not {m for m in loaded if m.split(".")[0] in ("pydantic", "tomlkit", "textual", "babel")}


def test_choosing_the_language_imports_no_pydantic_or_tomlkit(tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text('[mentor]\nlanguage = "da"\n', encoding="utf-8")
    script = (
        "import sys, mentorterm.cli.language as l; print(l.install([]));"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'tomlkit'}))"
    )
    env = {"MENTORTERM_SETTINGS": str(settings), "PATH": "/usr/bin:/bin", "LANG": "C"}
    out = subprocess.check_output([sys.executable, "-c", script], text=True, env=env)
    assert out.split() == ["da", "[]"]


WORKER = Path(__file__).with_name("danish_worker.py")


def test_the_app_opens_in_danish_on_the_caseload_and_the_help(tmp_path):
    """Real keys in a Danish app (its own process: labels are translated at import)."""
    env = dict(os.environ, MENTORTERM_LANG="da")
    shown = json.loads(
        subprocess.check_output(
            [sys.executable, str(WORKER), str(tmp_path / "da.db")], env=env, text=True, timeout=120
        )
    )
    caseload_words = ["Citizen", "Next meeting", "Active courses", "Filter", "Quit"]
    help_words = ["On this screen", "Everywhere", "New citizen"]
    with i18n.speaking("da"):
        danish = {word: i18n._(word) for word in caseload_words + help_words}
    assert all(danish[word] != word for word in danish), danish
    for word in caseload_words:
        assert danish[word] in shown["caseload"]
    for word in help_words:
        assert danish[word] in shown["help"]
    # The English labels are gone (the names of the seeded citizens stay as written).
    for english in ("Next meeting", "Active courses", "On this screen", "Everywhere"):
        assert english not in shown["caseload"] + shown["help"]
