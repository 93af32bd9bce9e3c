"""The case list and the caseload's filter: what a keystroke redraws and lays out.

Speed itself is measured in bench/ (compare.py); these hold the means: a
filter keystroke lays nothing out again, the list marks for drawing only
the lines that change, and what is on screen is still right afterwards.
"""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.screen import Screen

from mentorterm.app import make_app
from mentorterm.widgets.caselist import CaseList
from mentorterm.widgets.caselist_draw import joined
from mentorterm.widgets.columns import Col
from mentorterm.widgets.filter_box import FilterBox

from .test_screens import names, seed_many, text_of

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


class OneList(App):
    CSS = "CaseList { height: 1fr; }"

    def compose(self):
        yield CaseList([Col("name", "Name", 20), Col("open", "Open", 4)], id="list")


def spy_lines(table: CaseList) -> list[int]:
    """The lines the list is asked to draw from now on."""
    drawn: list[int] = []
    real = table.render_line

    def render_line(y):
        drawn.append(y)
        return real(y)

    table.render_line = render_line
    return drawn


async def test_a_changed_row_redraws_its_line_only_and_the_screen_shows_it():
    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(CaseList)
        table.fill((str(n), (f"Person {n}", "1")) for n in range(30))
        await pilot.pause()
        drawn = spy_lines(table)
        # Row 4 (line 5 under the header) changes; the other rows are the same.
        table.fill((str(n), (f"Person {n}", "7" if n == 4 else "1")) for n in range(30))
        await pilot.pause()
        assert set(drawn) == {5}
        assert "7" in table.render_line(5).text
        # A row leaving the list moves the ones under it: those lines, not the header.
        drawn.clear()
        table.fill((str(n), (f"Person {n}", "7" if n == 4 else "1")) for n in range(30) if n != 8)
        await pilot.pause()
        assert 0 not in drawn and min(drawn) == 9  # line 9 showed row 8
        assert "Person 9" in table.render_line(9).text
        # The cursor moving down one row: its old line and its new one.
        table.focus()
        await pilot.pause()
        drawn.clear()
        await pilot.press("down")
        await pilot.pause()
        assert set(drawn) == {1, 2}
        assert table.cursor_row == 1 and table.selected_key == "1"


async def test_fewer_rows_scroll_back_without_a_layout_and_the_scrollbar_follows():
    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(CaseList)
        table.fill((str(n), (f"Person {n}", "1")) for n in range(30))
        await pilot.pause()
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        assert table.scroll_y > 0 and table.vertical_scrollbar.window_virtual_size == 31
        table.fill((str(n), (f"Person {n}", "1")) for n in range(15))
        await pilot.pause()
        assert table.virtual_size.height == 16
        assert table.scroll_y == table.max_scroll_y  # not past the end of the shorter list
        assert table.vertical_scrollbar.window_virtual_size == 16
        assert (
            table.cursor_row == 14
            and "Person 14" in table.render_line(table.scrollable_content_region.height - 1).text
        )
        # Down to a screenful: the scrollbar goes (that is a layout) and row 0 is on top.
        table.fill((str(n), (f"Person {n}", "1")) for n in range(3))
        await pilot.pause()
        assert not table.show_vertical_scrollbar and table.scroll_y == 0
        assert "Person 0" in table.render_line(1).text


async def test_typing_in_the_filter_lays_out_nothing_and_shows_each_result(db_path, monkeypatch):
    seed_many(db_path, 120)
    layouts: list[Screen] = []
    real = Screen._refresh_layout

    def counted(self, *args, **kwargs):
        layouts.append(self)
        return real(self, *args, **kwargs)

    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen.query_one("#filter"), FilterBox)
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        # 39 citizens have a "1" (a scrollbar still), 11 have "11" (it goes), one "119".
        steps = [("1", "Citizen 001", 0), ("11", "Citizen 011", 1), ("119", "Citizen 119", 0)]
        for typed, first, laid_out in steps:
            layouts.clear()
            await pilot.press(typed[-1])
            await pilot.pause()
            assert names(app)[0] == first
            assert f"filter: “{typed}”" in text_of(app, "#status")
            # The box, the list and the status line keep their sizes: a layout
            # only where the list's scrollbar goes.
            assert len(layouts) == laid_out, typed
        assert names(app) == ["Citizen 119"]
        assert not app.screen.query_one(CaseList).show_vertical_scrollbar


async def test_a_long_filter_scrolls_within_its_box():
    app = App()
    async with app.run_test(size=(30, 5)) as pilot:
        box = FilterBox()
        await app.screen.mount(box)
        box.focus()
        await pilot.press(*"abcdefghijklmnopqrstuvwxyz0123456789")
        await pilot.pause()
        assert box.value == "abcdefghijklmnopqrstuvwxyz0123456789"
        assert box.virtual_size.width == box.content_width
        assert box.scroll_x > 0  # the end of the text, where the cursor is, is shown
        assert "789" in box.render_line(0).text
        await pilot.press("home")
        await pilot.pause()
        assert box.scroll_x == 0


def test_the_case_list_keeps_the_data_tables_own_look():
    """The copied rules are Textual's DataTable rules, renamed: an upgrade of
    Textual that changes them fails here until the copy follows."""
    from textual.widgets import DataTable

    assert CaseList.DEFAULT_CSS == DataTable.DEFAULT_CSS.replace("DataTable {", "CaseList {", 1)


@given(
    st.one_of(
        st.text(alphabet=st.sampled_from("ab [/]\n=#é")),
        # Emoji codes and colons: ":smile:" is an emoji, ":nope:" and "12:30" are not.
        st.lists(
            st.sampled_from([":", "smile", "nope", "-emoji", "-text", " ", "12", "[b]", "x"])
        ).map("".join),
        st.floats(allow_nan=False),
        st.integers(),
    )
)
@example(":smile: 12:30")
@example("[b]x[/b] :nope: x")
def test_a_cell_is_read_as_the_data_table_reads_it(cell):
    """The case list reads a cell as Textual's default_cell_formatter on one
    line does (markup, the first line, a float to two decimals)."""
    from rich.errors import MarkupError
    from textual.widgets._data_table import default_cell_formatter

    from mentorterm.widgets.caselist_draw import one_line

    def outcome(read):
        try:
            text = read(cell)
        except MarkupError as exc:
            return ("refused", type(exc))
        return (text.plain, text.spans, text.no_wrap, text.end, text.style)

    theirs = outcome(lambda c: default_cell_formatter(c, wrap=False, height=1))
    assert outcome(one_line) == theirs


def people(numbers):
    """Rows named "Person n", each with one open item."""
    return ((str(n), (f"Person {n}", "1")) for n in numbers)


async def test_a_kept_row_keeps_the_cursor_wherever_it_lands():
    app = OneList()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(CaseList)
        table.fill(people(range(30)))
        await pilot.pause()
        table.move_cursor(row=12)
        await pilot.pause()
        drawn = spy_lines(table)
        # Narrowed to the even rows: "12" is now the seventh (index 6), on screen.
        table.fill(people(range(0, 30, 2)), keep="12")
        assert table.cursor_row == 6 and table.selected_key == "12"
        await pilot.pause()
        line = table.cursor_row - round(table.scroll_y) + 1  # under the header
        assert "Person 12" in table.render_line(line).text
        assert 0 not in drawn  # the header stays
        # Back to all rows: the cursor follows "12" to index 12 (scrolled into view).
        table.fill(people(range(30)), keep="12")
        assert table.cursor_row == 12 and table.selected_key == "12"
        # A kept key that has gone: the same line number, as without one.
        table.fill(people(n for n in range(20) if n != 12), keep="12")
        assert table.cursor_row == 12 and table.selected_key == "13"


_STYLES = [Style(), Style(bold=True), Style(color="red"), Style(color="red", bgcolor="black")]


@given(
    st.lists(
        st.tuples(st.text(max_size=4), st.sampled_from(range(len(_STYLES))), st.booleans()),
        max_size=12,
    )
)
def test_a_row_s_segments_are_joined_as_rich_joins_them(parts):
    """``joined`` (the row's cells in one Strip) gives Rich's ``Segment.simplify``:
    the same texts in the same styles, whether a style is the same object or an
    equal copy of it."""
    segments = [
        Segment(text, _STYLES[index] if same else _STYLES[index].copy())
        for text, index, same in parts
    ]
    assert joined(segments) == list(Segment.simplify(segments))
