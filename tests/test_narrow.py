"""Narrow terminals: the column mechanism (which columns at 80, 100, 120 columns), and
at 80x24 the essential columns, the red signals, the footers, help and the review."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static, TextArea
from textual.widgets._footer import FooterKey

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.demo import generate_demo
from mentorterm.screens import action_items, caseload
from mentorterm.widgets.caselist import CaseList
from mentorterm.widgets.columns import PADDING, Col, cut, fit, measured, table_width

TODAY = date(2026, 11, 22)
NARROW = (80, 24)
ESSENTIAL = ["name", "week", "since", "next", "attendance", "items"]


def _keys(cols) -> list[str]:
    return [c.key for c in cols]


def _caseload_fit(width: int):
    return fit(
        [c.fit for c in caseload.COLUMNS], table_width(width), header_extra=caseload.SORT_MARK
    )


# --------------------------------------------------------------------------- the mechanism


def test_caseload_columns_at_80_100_and_120():
    assert _keys(_caseload_fit(80)) == ESSENTIAL
    assert _keys(_caseload_fit(100)) == [
        "name",
        "purpose",
        "week",
        "since",
        "next",
        "attendance",
        "items",
    ]
    assert _keys(_caseload_fit(120)) == [
        "name",
        "purpose",
        "week",
        "since",
        "next",
        "attendance",
        "items",
        "placement",
    ]
    assert _keys(_caseload_fit(200)) == _keys(c.fit for c in caseload.COLUMNS)


def test_at_80_the_essential_headers_stay_whole_and_the_name_gives_way():
    shown = {c.key: c for c in _caseload_fit(80)}
    assert shown["attendance"].label == "Att. 14 d" and shown["next"].label == "Next meeting"
    assert shown["name"].cut and 12 <= shown["name"].width < 28
    assert sum(c.width + PADDING for c in shown.values()) <= table_width(80)


def test_agreements_keep_the_citizen_at_80():
    shown = fit(action_items.COLUMNS, table_width(80))
    assert _keys(shown) == ["due", "what", "citizen"]
    assert {c.key: c.width for c in shown}["due"] == 24  # "07-02-2026 297 d overdue"
    assert _keys(fit(action_items.COLUMNS, table_width(120))) == [
        "due",
        "what",
        "who",
        "citizen",
        "done",
    ]


def test_measured_widths_let_short_data_keep_more_columns():
    cols = [Col("a", "A", 30, 5, flex=True), Col("b", "B", 30, 5, drop=1)]
    assert _keys(fit(cols, 30)) == ["a"]
    short = measured(cols, [("abc", "de")])
    assert [c.width for c in short] == [3, 2]
    assert _keys(fit(short, 30)) == ["a", "b"]


def test_short_headers_when_the_full_one_does_not_fit():
    cols = [Col("n", "Name", 10, 4, flex=True), Col("x", "Next meeting", 10, short="Next")]
    shown = fit(cols, 2 * PADDING + 10 + 10)
    assert [c.label for c in shown] == ["Name", "Next meeting"]
    shown = fit(cols, 2 * PADDING + 4 + 12)
    assert [c.label for c in shown] == ["Name", "Next meeting"]  # the name gave way
    assert [c.width for c in shown] == [4, 12]
    shown = fit(cols, 2 * PADDING + 4 + 4)
    assert [c.label for c in shown] == ["Name", "Next"]


def test_cut_keeps_style_and_leaves_what_fits_alone():
    assert cut("Bo", 5) == "Bo"
    red = Text("Lagerhotellet Brabrand", style="bold red")
    short = cut(red, 8)
    assert short.plain == "Lagerho…" and short.style == "bold red"


column = st.builds(
    Col,
    key=st.uuids().map(str),
    label=st.text("abcdefgh ", min_size=1, max_size=14),
    width=st.integers(1, 40),
    min_width=st.integers(0, 20),
    short=st.text("abc", max_size=4),
    drop=st.one_of(st.none(), st.integers(1, 9)),
    flex=st.booleans(),
)


@given(cols=st.lists(column, min_size=1, max_size=9), width=st.integers(10, 250))
def test_fit_keeps_essentials_and_order_and_drops_in_the_declared_order(cols, width):
    shown = fit(cols, width)
    keys = _keys(shown)
    assert keys == [c.key for c in cols if c.key in keys]  # declared order kept
    assert all(c.key in keys for c in cols if c.drop is None)  # essentials never go
    dropped = [c for c in cols if c.key not in keys]
    kept_droppable = [c for c in cols if c.key in keys and c.drop is not None]
    if dropped and kept_droppable:
        assert max(c.drop for c in dropped) <= min(c.drop for c in kept_droppable)
    floors = sum(
        max(c.narrowest, len(c.short or c.label)) + PADDING for c in cols if c.drop is None
    )
    if floors <= width:
        assert sum(c.width + PADDING for c in shown) <= width
    for c in shown:
        assert c.width >= min(c.col.narrowest, c.col.width)


# --------------------------------------------------------------------------- the screens


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("narrow") / "demo.db"
    storage.open_database(path)
    generate_demo(seed=1, today=TODAY)
    storage.close_database()
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    return path


def _labels(table) -> list[str]:
    if isinstance(table, CaseList):  # the caseload's virtual list
        return list(table.header_labels)
    return [str(c.label) for c in table.ordered_columns]


def _header_texts(table) -> list[str]:
    return [label.rstrip(" ↑↓") for label in _labels(table)]


def _fits_across(table: DataTable) -> bool:
    return table.virtual_size.width <= table.size.width


async def test_caseload_at_80x24_keeps_the_essential_columns_and_the_red_cell(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#caseload", CaseList)
        assert _header_texts(table) == [
            "Citizen",
            "Week",
            "Last met",
            "Next meeting",
            "Att. 14 d",
            "Open",
        ]
        assert _fits_across(table)  # nothing hides to the right
        assert table.region.right <= NARROW[0]
        # A red attendance cell is on screen: a rate under 75 %.
        column = [c.key for c in table.shown].index("attendance")
        red = [table.get_row_at(i)[column] for i in range(table.row_count)]
        red = [
            cell
            for cell in red
            if isinstance(cell, Text) and any("red" in str(span.style) for span in cell.spans)
        ]
        assert red, "the demo has a citizen under 75 % attendance"
        # The rendered header line has it whole, inside the 80 columns.
        header = table.render_line(0).text
        assert "Att. 14 d" in header and "Open" in header and len(header) <= NARROW[0]


async def test_what_the_table_drops_is_in_the_detail_line(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        screen = app.screen
        row = next(r for r in screen._shown_rows if r.workplace)
        table = screen.query_one("#caseload", CaseList)
        table.move_cursor(row=screen._shown_rows.index(row))
        await pilot.pause()
        detail = str(screen.query_one("#caseload-detail", Static).render())
        assert row.workplace in detail and "Placement:" in detail and "Purpose:" in detail
        assert screen.query_one("#caseload-detail").region.bottom <= NARROW[1]


async def test_columns_are_chosen_again_when_the_terminal_is_resized(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#caseload", CaseList)
        assert "Placement" in _header_texts(table)
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert "Placement" not in _header_texts(table)
        assert "Att. 14 d" in _header_texts(table) and _fits_across(table)
        await pilot.press("1")  # sorts by the first column on screen, and back
        await pilot.press("1")
        await pilot.press("s")  # the next column on screen: Week
        await pilot.pause()
        assert _labels(table)[1].endswith("↑")


async def test_agreements_at_80x24_keep_the_citizen(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one("#action-items", DataTable)
        assert _header_texts(table) == ["Due", "What", "Citizen"]
        assert _fits_across(table)
        first = app.screen.rows[0]
        assert first.citizen_name.startswith(str(table.get_row_at(0)[2]).rstrip("…"))
        # Who does it, dropped from the table, is in the line under it.
        assert first.owner in str(app.screen.query_one("#items-detail", Static).render())


JOURNEYS = {
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


@pytest.mark.parametrize("journey", list(JOURNEYS))
async def test_footer_fits_80_columns(demo_db, journey):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        for key in JOURNEYS[journey]:
            await pilot.press(key)
            await pilot.pause()
        footer = app.screen.query_one(Footer)
        keys = list(footer.query(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        limit = palette[0].region.x if palette else NARROW[0]
        shown = [k for k in keys if not k.has_class("-command-palette")]
        assert shown
        cut_off = [k.description for k in shown if k.region.width == 0 or k.region.right > limit]
        assert cut_off == [], f"{journey}: {cut_off} behind the edge"
        assert "Help" in [k.description for k in shown]


async def test_help_at_80x24_reads_to_its_end_with_the_keyboard(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert app.focused is box
        assert box.max_scroll_y > 0  # the caseload's keys are more than 24 lines
        assert box.region.bottom <= NARROW[1]
        for _ in range(4):
            await pilot.press("pagedown")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        end = app.screen.query_one("#help-end", Static)
        assert box.region.contains_region(end.region)
        await pilot.press("up")
        await pilot.pause()
        assert box.scroll_y < box.max_scroll_y
        await pilot.press("escape")
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_review_at_80x24_shows_queue_facts_and_decision(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ReviewScreen"
        for selector in ("#review-queue", "#review-detail", "#decision"):
            region = screen.query_one(selector).region
            assert region.height > 0 and region.right <= NARROW[0]
            assert region.bottom <= NARROW[1] - 1  # above the footer
        assert screen.query_one("#decision", TextArea).region.height >= 3
        queue = screen.query_one("#review-queue", DataTable)
        assert _fits_across(queue)


async def test_fitting_table_refits_on_resize_and_names_what_it_hides():
    from textual.app import App

    from mentorterm.widgets.fitting_table import FittingTable

    cols = [
        Col("name", "Name", 30, 8, flex=True),
        Col("note", "Note", 50, 10, drop=1),
        Col("rate", "Rate", 5),
    ]

    class Tiny(App):
        def compose(self):
            yield FittingTable(cols, id="t")

    app = Tiny()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(FittingTable)
        table.fill(
            [
                (
                    "1",
                    (
                        "Mette Jørgensen",
                        "A long note that will not fit here at all",
                        Text("38 %", style="bold red"),
                    ),
                )
            ]
        )
        await pilot.pause()
        assert _keys(table.shown) == ["name", "note", "rate"]
        assert table.hidden("1") == [("Note", "A long note that will not fit here at all")]
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert _keys(table.shown) == ["name", "rate"]
        assert table.hidden("1")[0][0] == "Note"
        assert [str(c.label) for c in table.ordered_columns] == ["Name", "Rate"]
        await pilot.resize_terminal(100, 10)
        await pilot.pause()
        assert _keys(table.shown) == ["name", "note", "rate"] and table.hidden("1") == []


@pytest.mark.parametrize("size", [(130, 36), (150, 36)])
async def test_the_list_keeps_its_height_as_the_cursor_moves(demo_db, size):
    """The detail line stays when the highlighted citizen has nothing cut: the
    list neither grows nor shrinks under the cursor (nor lays out the screen)."""
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#caseload", CaseList)
        box = screen.query_one("#caseload-detail", Static)
        cut_away = [bool(table.hidden(key)) for key in table.keys]
        pairs = [i for i in range(len(cut_away) - 1) if cut_away[i] != cut_away[i + 1]]
        assert pairs, f"at {size} some citizens have a value cut and some none"
        table.move_cursor(row=pairs[0])
        await pilot.pause()
        region, seen = table.region, set()
        for _ in range(2):
            for key in ("down", "up"):
                await pilot.press(key)
                await pilot.pause()
                seen.add(str(box.render()).strip() == "")
                assert table.region == region
                assert box.region.height == 1 and box.display
        assert seen == {True, False}  # both: with a cut value and without


async def test_the_highlighted_citizen_stays_highlighted_through_the_filter(demo_db):
    app = make_app(demo_db, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#caseload", CaseList)
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        chosen = screen.selected_citizen()
        name = next(r.name for r in screen._shown_rows if r.citizen_id == chosen)
        await pilot.press("slash", *name.split()[0][:3].lower())
        await pilot.pause()
        assert len(screen._shown_rows) < 11  # narrowed
        assert screen.selected_citizen() == chosen and table.cursor_row != 4
        await pilot.press("escape")  # the whole list again
        await pilot.pause()
        assert len(screen._shown_rows) == 11
        assert screen.selected_citizen() == chosen and table.cursor_row == 4
        hidden = " · ".join(f"{label}: {value}" for label, value in table.hidden(str(chosen)))
        assert str(screen.query_one("#caseload-detail", Static).render()) == hidden  # theirs
