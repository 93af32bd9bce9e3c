"""The import parser refuses what it should not parse, before parsing it.

A file over the size limit or nested deeper than the format is refused with
one line (no MemoryError, no RecursionError); malformed input of any kind is
an ImportFailed, never another exception, and nothing is written. Times are
kept at the precision the format carries, so what is exported imports again.
"""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm import cli, storage
from mentorterm.domain import transfer
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.meetings import create_meeting
from mentorterm.domain.transfer import (
    MAX_DEPTH,
    ImportFailed,
    dumps,
    export_document,
    import_document,
    nesting_depth,
    parse_document,
)
from mentorterm.models import Meeting
from mentorterm.schemas import CitizenIn, MeetingIn

from .conftest import file_bytes
from .strategies import document

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

MINIMAL = {
    "format": "mentorterm",
    "version": 1,
    "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
    "citizens": [
        {
            "name": "Mette Jørgensen",
            "mentor": "a",
            "meetings": [{"starts_at": "2026-03-01T10:00:00", "kind": "one_to_one"}],
        }
    ],
}


def refused(text: str) -> list[str]:
    with pytest.raises(ImportFailed) as caught:
        parse_document(text)
    return caught.value.problems


# --- nesting --------------------------------------------------------------------------


def test_an_export_nests_seven_levels_and_strings_do_not_count():
    assert nesting_depth(json.dumps(MINIMAL)) == 5  # no placement: no logbook level
    full = copy.deepcopy(MINIMAL)
    full["citizens"][0]["placements"] = [
        {
            "kind": "company_internship",
            "workplace": "Føtex",
            "start_date": "2026-02-01",
            "logbook": [{}],
        }
    ]
    assert nesting_depth(json.dumps(full)) == 7  # the format's deepest: a logbook entry
    assert nesting_depth('{"a": "[[[[{{{{\\"]]]]"}') == 1
    assert nesting_depth('[1, "unterminated [[[[[[') == 1


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "[" * 1_000_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        json.dumps({**MINIMAL, "citizens": [[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]}),
    ],
    ids=["lists", "unclosed", "objects", "inside-an-export"],
)
def test_deep_nesting_is_refused_in_one_line_before_parsing(text):
    [problem] = refused(text)
    assert f"more than {MAX_DEPTH} levels deep" in problem


def test_a_number_of_thousands_of_digits_is_refused():
    [problem] = refused('{"format": "mentorterm", "version": ' + "9" * 10_000 + "}")
    assert "cannot read" in problem


def test_a_broken_unicode_escape_is_refused_with_its_place():
    text = json.dumps(MINIMAL).replace("Mette", "Me\\ud800tte")
    [problem] = refused(text)
    assert problem.startswith("citizens[0].name:")


def test_size_over_the_limit_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(transfer.reading, "MAX_IMPORT_BYTES", 1000)
    [problem] = refused(json.dumps(MINIMAL) + " " * 1000)
    assert "at most 0 MB" in problem  # the limit as the mentor reads it
    path = tmp_path / "big.json"
    path.write_text(json.dumps(MINIMAL) + " " * 1000, encoding="utf-8")
    with pytest.raises(ImportFailed):
        transfer.read_import_text(path)


def test_the_cli_refuses_a_huge_file_in_one_line_without_reading_it(tmp_path, capsys):
    db = tmp_path / "t.db"
    storage.open_database(db)
    storage.close_database()
    before = file_bytes(db)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:  # a sparse file: 201 MB on paper, nothing on disk
        handle.truncate(transfer.MAX_IMPORT_BYTES + 1_000_000)
    status = cli.main(["import", str(huge), "--db", str(db)])
    out, err = capsys.readouterr()
    assert status == cli.EXIT_PROBLEM
    assert err.count("\n") == 1 and "was not imported (nothing was changed)" in err
    assert "at most 200 MB" in err
    assert file_bytes(db) == before


def test_the_cli_refuses_deep_nesting_in_one_line(tmp_path, capsys):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000, encoding="utf-8")
    status = cli.main(["import", str(deep), "--db", str(tmp_path / "t.db")])
    _out, err = capsys.readouterr()
    assert status == cli.EXIT_PROBLEM and "Traceback" not in err
    assert err.count("\n") == 1 and "levels deep" in err and "RecursionError" not in err
    assert not (tmp_path / "t.db").exists()


# --- malformed input: only ImportFailed, nothing written ------------------------------------

VALID_TEXT = dumps(MINIMAL)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=15,
)


@st.composite
def malformed(draw) -> str:
    """A valid export cut, spliced or overwritten; or any JSON; or any text."""
    choice = draw(st.integers(0, 4))
    if choice == 0:
        return draw(st.text(max_size=200))
    if choice == 1:
        return json.dumps(draw(json_values))
    if choice == 2:  # a value of the export replaced by any JSON value
        doc = copy.deepcopy(MINIMAL)
        target = draw(
            st.sampled_from(
                [doc, doc["mentors"][0], doc["citizens"][0], doc["citizens"][0]["meetings"][0]]
            )
        )
        key = draw(st.sampled_from(sorted(target)) | st.text(max_size=6))
        target[key] = draw(json_values)
        return json.dumps(doc, ensure_ascii=draw(st.booleans()))
    start = draw(st.integers(0, len(VALID_TEXT)))
    end = draw(st.integers(start, min(len(VALID_TEXT), start + 40)))
    if choice == 3:  # a piece cut out
        return VALID_TEXT[:start] + VALID_TEXT[end:]
    junk = draw(st.text(st.sampled_from('[]{}",:\\ 0e-.tfnu') | st.characters(), max_size=20))
    return VALID_TEXT[:start] + junk + VALID_TEXT[end:]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(malformed())
def test_malformed_input_is_an_import_failed_and_nothing_else(text):
    try:
        parse_document(text)
    except ImportFailed as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(malformed())
def test_a_refused_import_writes_nothing(database, db_path, text):
    before = export_document(now=datetime(2026, 1, 1))
    try:
        import_document(parse_document(text))
    except ImportFailed:
        assert export_document(now=datetime(2026, 1, 1)) == before


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_every_valid_document_is_within_the_bounds(doc):
    text = dumps(doc)
    assert nesting_depth(text) <= 7 < MAX_DEPTH
    parse_document(text)


# --- times at the format's precision ---------------------------------------------------------


def _export_import_export(folder: Path) -> tuple[dict, dict]:
    first = export_document(now=datetime(2026, 1, 1))
    storage.close_database()
    storage.open_database(folder / "again.db")
    try:
        import_document(parse_document(dumps(first)))
        second = export_document(now=datetime(2026, 1, 1))
    finally:
        storage.close_database()
    return first, second


def test_a_meeting_time_with_microseconds_is_kept_to_the_second():
    data = MeetingIn(starts_at=datetime(2026, 3, 1, 10, 0, 5, 123456), kind="one_to_one")
    assert data.starts_at == datetime(2026, 3, 1, 10, 0, 5)


def test_a_meeting_given_datetime_now_exports_and_imports_again(tmp_path):
    storage.open_database(tmp_path / "one.db")
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    create_meeting(
        citizen, MeetingIn(starts_at=datetime(2026, 3, 1, 10, 0, 0, 999_999), kind="one_to_one")
    )
    first, second = _export_import_export(tmp_path)
    assert first["citizens"][0]["meetings"][0]["starts_at"] == "2026-03-01T10:00:00"
    assert first == second


def test_a_stored_fraction_of_a_second_does_not_break_the_export(tmp_path):
    # A row saved by an earlier version, before the input model cut the fraction.
    storage.open_database(tmp_path / "one.db")
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    meeting = create_meeting(
        citizen, MeetingIn(starts_at=datetime(2026, 3, 1, 10, 0), kind="one_to_one")
    )
    Meeting.update(starts_at=datetime(2026, 3, 1, 10, 0, 0, 250_000)).where(
        Meeting.id == meeting
    ).execute()
    first, second = _export_import_export(tmp_path)
    assert first["citizens"][0]["meetings"][0]["starts_at"] == "2026-03-01T10:00:00"
    assert first == second


def test_an_export_written_with_microseconds_imports(database):
    doc = copy.deepcopy(MINIMAL)
    doc["citizens"][0]["meetings"][0]["starts_at"] = "2026-03-01T10:00:00.123456"
    import_document(parse_document(json.dumps(doc)))
    assert Meeting.get().starts_at == datetime(2026, 3, 1, 10, 0)
