"""The settings read at start without the models (settings/peek.py)."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from mentorterm.settings import LOCK_MINUTES, load_settings, lock_minutes, peek, settings_path
from mentorterm.settings.sections import SettingsError

VALUES = st.one_of(
    st.integers(-5, 300),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet="abc 5", max_size=5),
)


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    return repr(value)


@given(value=VALUES)
def test_the_lock_minutes_read_at_start_agree_with_the_whole_check(value, tmp_path_factory):
    """What ``lock_minutes`` takes, ``load_settings`` takes too, with the same number;
    what it leaves (None), the whole check refuses."""
    path = tmp_path_factory.mktemp("s") / "settings.toml"
    path.write_text(f"[security]\nlock_after_minutes = {_toml(value)}\n")
    quick = lock_minutes(path)
    try:
        checked = load_settings(path).security.lock_after_minutes
    except SettingsError:
        checked = None
    assert quick == checked


def test_no_file_no_section_and_a_broken_file_give_the_default_or_nothing(tmp_path):
    path = tmp_path / "settings.toml"
    assert lock_minutes(path) == LOCK_MINUTES and peek("mentor", "name", path) is None
    path.write_text('[mentor]\nname = "Anna Holm"\n')
    assert lock_minutes(path) == LOCK_MINUTES and peek("mentor", "name", path) == "Anna Holm"
    path.write_text("[mentor\nname = ")
    assert peek("mentor", "name", path) is None
    path.write_text('mentor = "not a table"\n')
    assert peek("mentor", "name", path) is None


def test_a_name_kept_beside_a_wrong_setting_is_still_the_mentors(tmp_path, monkeypatch):
    """A mistake in another section does not make the app ask the mentor's name again."""
    from mentorterm.domain.identity import mentor_identity

    path = tmp_path / "settings.toml"
    path.write_text('[mentor]\nname = " Anna Holm "\n[review]\nno_such_key = 1\n')
    monkeypatch.setenv("MENTORTERM_SETTINGS", str(path))
    assert settings_path() == path
    assert mentor_identity().name == "Anna Holm"
    path.write_text("[mentor]\nname = 5\n")  # no text: not told, asked again
    assert not mentor_identity().known


def test_reading_at_start_loads_no_pydantic():
    code = (
        "import sys\n"
        "from mentorterm.settings import lock_minutes, peek\n"
        "from mentorterm.domain.identity import mentor_identity\n"
        "lock_minutes(); mentor_identity()\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
