"""The app's stylesheet (mentorterm/stylesheet.py): a screen's first push parses
only that screen's stylesheet, and the rules are the ones Textual's own would give."""

from __future__ import annotations

from pathlib import Path

import textual.css.stylesheet as textual_stylesheet
from textual.app import App
from textual.css.stylesheet import Stylesheet

import mentorterm
from mentorterm.stylesheet import ReparsingStylesheet

APP_TCSS = Path(mentorterm.__file__).with_name("app.tcss")
CASELOAD_TCSS = Path(mentorterm.__file__).parent / "screens" / "caseload.tcss"
WIDGET_CSS = "Label { color: $warning; padding: 0 1; }"


def variables(theme: str = "textual-dark") -> dict[str, str]:
    app = App()
    app.theme = theme
    return app.get_css_variables()


def loaded(kind, theme: str = "textual-dark"):
    sheet = kind(variables=variables(theme))
    sheet.read(APP_TCSS)
    sheet.add_source(WIDGET_CSS, read_from=("widget.py", "Label.DEFAULT_CSS"), is_default_css=True)
    sheet.parse()
    sheet.read(CASELOAD_TCSS)  # a screen's own stylesheet, on its first push
    return sheet


def counting_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    original = textual_stylesheet.parse

    def parse(scope, css, read_from, **kwargs):
        parsed.append(str(read_from[0]))
        return original(scope, css, read_from, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", parse)
    return parsed


def test_a_new_screens_stylesheet_is_the_only_source_parsed_again(monkeypatch):
    sheet = loaded(ReparsingStylesheet)
    parsed = counting_parses(monkeypatch)
    sheet.reparse()
    assert parsed == [str(CASELOAD_TCSS)]
    stock = loaded(Stylesheet)
    parsed.clear()
    stock.reparse()
    assert len(parsed) == 3  # Textual's own parses every source again
    assert sheet.css == stock.css  # and both come to the same rules, in order


def test_a_new_theme_parses_everything_with_its_colours(monkeypatch):
    sheet = loaded(ReparsingStylesheet)
    sheet.reparse()
    dark = sheet.css
    parsed = counting_parses(monkeypatch)
    sheet.set_variables(variables("textual-light"))
    sheet.reparse()
    assert len(parsed) == 3
    stock = loaded(Stylesheet, "textual-light")
    stock.reparse()
    assert sheet.css == stock.css != dark


async def test_the_app_runs_on_it(db_path):
    from mentorterm.app import make_app

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.stylesheet, ReparsingStylesheet)
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert app.screen.query_one("CaseList").styles.height is not None
