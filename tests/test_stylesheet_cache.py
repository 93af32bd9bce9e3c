"""The stylesheets kept from one start to the next (mentorterm/stylesheet_cache.py):
a source parsed before is read back, with the rules a parse gives, and a file
that cannot be trusted is never read."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet, StylesheetParseError

from mentorterm import storage, stylesheet_cache
from mentorterm.stylesheet import ReparsingStylesheet
from mentorterm.stylesheet_cache import Kept

from .test_stylesheet import counting_parses, loaded, variables


def kept_sheet(path, theme: str = "textual-dark"):
    """A stylesheet on the file at ``path``, parsed and reparsed as the app does."""
    kept = Kept.read(path)
    sheet = loaded(lambda variables: ReparsingStylesheet(variables=variables, kept=kept), theme)
    sheet.reparse()
    return sheet, kept


def rules_as_seen(sheet) -> list[tuple]:
    return [
        (rule.css, sorted(rule.selector_names), sorted(rule.pseudo_classes), rule.is_default_rules,
         rule.tie_breaker, [s.specificity for s in rule.selector_set])
        for rule in sheet.rules
    ]  # fmt: skip


def stock(theme: str = "textual-dark"):
    sheet = loaded(Stylesheet, theme)
    sheet.reparse()
    return sheet


def test_the_next_start_parses_nothing_and_gets_the_same_rules(tmp_path, monkeypatch):
    path = tmp_path / "cache" / "stylesheets.pickle"
    first, kept = kept_sheet(path)
    assert kept.write() is True
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    parsed = counting_parses(monkeypatch)
    again, kept_again = kept_sheet(path)
    assert parsed == []
    assert rules_as_seen(again) == rules_as_seen(first) == rules_as_seen(stock())
    assert kept_again.write() is False  # nothing new: the file is not written again


def test_another_theme_is_parsed_with_its_own_colours(tmp_path, monkeypatch):
    path = tmp_path / "stylesheets.pickle"
    kept_sheet(path)[1].write()
    parsed = counting_parses(monkeypatch)
    light, kept = kept_sheet(path, "textual-light")
    assert len(parsed) == 3
    assert rules_as_seen(light) == rules_as_seen(stock("textual-light"))
    assert kept.write() is True
    parsed.clear()
    kept_sheet(path, "textual-dark")  # both themes are kept now
    kept_sheet(path, "textual-light")
    assert parsed == []


def test_a_changed_source_is_parsed_again(tmp_path, monkeypatch):
    path = tmp_path / "stylesheets.pickle"
    kept_sheet(path)[1].write()
    parsed = counting_parses(monkeypatch)
    kept = Kept.read(path)
    sheet = ReparsingStylesheet(variables=variables(), kept=kept)
    sheet.add_source("Label { color: red; }", read_from=("widget.py", "Label.DEFAULT_CSS"))
    sheet.parse()
    assert parsed == ["widget.py"]
    assert "#FF0000" in sheet.css


@pytest.mark.parametrize(
    "damage",
    ["garbage", "other layout", "not bytes", "writable by others", "empty"],
)
def test_a_file_that_cannot_be_trusted_or_read_is_parsed_as_before(tmp_path, monkeypatch, damage):
    path = tmp_path / "stylesheets.pickle"
    kept_sheet(path)[1].write()
    if damage == "garbage":
        path.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "other layout":
        path.write_bytes(pickle.dumps({"format": "something else", "parses": {}}))
    elif damage == "not bytes":
        held = pickle.loads(path.read_bytes())
        held["parses"] = {digest: ["rules"] for digest in held["parses"]}
        path.write_bytes(pickle.dumps(held))
    elif damage == "writable by others":
        os.chmod(path, 0o666)
    else:
        path.write_bytes(b"")
    parsed = counting_parses(monkeypatch)
    sheet, kept = kept_sheet(path)
    assert len(parsed) == 3
    assert rules_as_seen(sheet) == rules_as_seen(stock())
    assert kept.write() is True  # and the next start has a good file again
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    parsed.clear()
    kept_sheet(path)
    assert parsed == []


def test_a_damaged_entry_is_parsed_again_and_replaced(tmp_path, monkeypatch):
    path = tmp_path / "stylesheets.pickle"
    kept_sheet(path)[1].write()
    held = pickle.loads(path.read_bytes())
    held["parses"] = {digest: b"\x80\x05broken" for digest in held["parses"]}
    path.write_bytes(pickle.dumps(held))
    parsed = counting_parses(monkeypatch)
    sheet, kept = kept_sheet(path)
    assert len(parsed) == 3
    assert rules_as_seen(sheet) == rules_as_seen(stock())
    assert kept.write() is True


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    sheet, kept = kept_sheet(blocker / "stylesheets.pickle")
    assert kept.write() is False
    assert blocker.read_text() == "a file where the cache folder would be"
    assert rules_as_seen(sheet) == rules_as_seen(stock())


def test_css_with_errors_is_refused_as_before_and_not_kept(tmp_path):
    path = tmp_path / "stylesheets.pickle"
    kept = Kept.read(path)
    sheet = ReparsingStylesheet(variables=variables(), kept=kept)
    sheet.add_source("Label { colour: red; }", read_from=("widget.py", "Label.DEFAULT_CSS"))
    with pytest.raises(StylesheetParseError):
        sheet.parse()
    assert kept.write() is False
    assert not path.exists()


def test_at_most_so_many_sources_are_kept_this_sessions_first(tmp_path, monkeypatch):
    monkeypatch.setattr(stylesheet_cache, "KEEP_AT_MOST", 3)
    path = tmp_path / "stylesheets.pickle"
    kept = Kept.read(path)
    for n in range(3):  # an earlier version's texts
        kept.put(f"old{n}", [])
    kept.write()
    sheet, kept = kept_sheet(path)  # this session's three sources
    assert kept.write() is True
    held = pickle.loads(path.read_bytes())["parses"]
    assert len(held) == 3 and not any(digest.startswith("old") for digest in held)


async def test_the_app_shows_the_same_caseload_from_kept_stylesheets(
    db_path, tmp_path, monkeypatch
):
    from mentorterm.app import make_app
    from mentorterm.storage import close_database

    path = tmp_path / "cache" / "stylesheets.pickle"

    async def styles_seen(kept) -> list[tuple]:
        app = make_app(db_path, kept_css=kept)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert type(app.screen).__name__ == "CaseloadScreen"
            seen = [
                (type(node).__name__, node.id, sorted(node.classes), node.styles.css)
                for node in app.screen.walk_children(with_self=True)
            ]
        close_database()
        return seen

    first_kept = Kept.read(path)
    first = await styles_seen(first_kept)
    assert first_kept.write() is True
    parsed = counting_parses(monkeypatch)
    again = await styles_seen(Kept.read(path))
    assert parsed == []  # not one stylesheet parsed at the start
    assert again == first
    assert await styles_seen(None) == first  # as Textual alone styles it


def test_the_mentors_start_keeps_them_in_the_per_user_cache_folder(db_path):
    from mentorterm.cli import main

    from .test_app import _on_a_pty

    assert main(["settings", "--mentor-name", "Pty Mentor"]) == 0
    storage.open_database(db_path)
    storage.close_database()
    kept = Path(os.environ["XDG_CACHE_HOME"]) / "mentorterm" / "stylesheets.pickle"
    _text, result = _on_a_pty(db_path, [(b"q", None)])
    assert result.startswith("RESULT code=0 restored=True"), result
    assert kept.is_file()
    written = kept.stat().st_mtime_ns
    text, result = _on_a_pty(db_path, [(b"q", None)])
    assert result.startswith("RESULT code=0 restored=True"), result
    assert "no citizens" in text
    assert kept.stat().st_mtime_ns == written  # the start found every one: nothing written
