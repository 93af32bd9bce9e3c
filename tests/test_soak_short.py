"""The soak suite (bench/soak.py) at tiny counts, so CI keeps it working.

The full run is ``python bench/soak.py`` (1,000 kills, 2 x 2,000
transactions, 10,000 examples; figures in bench/README.md), or
``python -m pytest -m soak tests/test_soak_short.py``; the default test run
leaves the ``soak`` marker out (pyproject.toml).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import soak  # noqa: E402

from mentorterm import storage  # noqa: E402


def test_kill_9_through_the_app_write_paths_loses_nothing(tmp_path):
    result = soak.soak_kills(4, tmp_path, seed=14, per_file=2)
    print("\n".join(result.lines()))
    assert result.kills == 4 and result.files == 2
    assert storage.is_encrypted_file(tmp_path / "kills-1.db")
    assert result.lost == [] and result.integrity_errors == [] and result.half_done == []
    assert result.audit_problems == [] and result.failures == []
    assert result.commits >= result.kills
    assert result.ok


def test_inspect_sees_a_lost_commit_and_a_half_done_note(tmp_path):
    """The checks themselves: a note without its agreements, and an audit row cut
    from the chain, are found (so 0 in the figures means something)."""
    result = soak.soak_kills(1, tmp_path, seed=3)
    assert result.ok and result.commits >= 3
    path = tmp_path / "kills-1.db"
    storage.open_database(path, create=False, passphrase=soak.PASSPHRASE)
    try:
        from mentorterm.models import db

        db.execute_sql("DELETE FROM action_item WHERE what = 'commit 1 b'")
        db.execute_sql("DELETE FROM logbook_entry WHERE notes = 'commit 2'")
        # Someone with the file and sqlite3: the guards go first, then a row.
        for (trigger,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry'"
        ).fetchall():
            db.execute_sql(f'DROP TRIGGER "{trigger}"')
        db.execute_sql("DELETE FROM audit_entry WHERE id = 3")
    finally:
        storage.close_database()
    state = soak.inspect(path)
    assert 1 not in state.notes and 2 not in state.logs
    assert any("note 1" in line for line in state.half_done)
    assert any("logbook entry" in line for line in state.half_done)  # its audit row stayed
    assert state.audit_problems  # the chain no longer holds
    assert state.gaps()  # later commits stand after the missing one


def test_two_processes_of_domain_transactions(tmp_path):
    result = soak.soak_transactions(40, tmp_path)
    print("\n".join(result.lines()))
    assert result.transactions == 80
    assert result.lost == [] and result.errors == [] and result.integrity_errors == []
    assert result.audit_problems == []
    assert result.ok


def test_backups_during_writes_open_whole_and_restore(tmp_path):
    result = soak.soak_backup(2, tmp_path)
    print("\n".join(result.lines()))
    assert result.backups == 2
    assert result.problems == []
    assert result.restored_ops > 0
    assert result.ok


def test_hypothesis_over_every_input_model_and_the_import_format():
    result = soak.soak_examples(200, seed=14)
    print("\n".join(result.lines()))
    models = {model.__name__ for model in soak.input_models()}
    assert {
        "CitizenIn",
        "LogbookEntryIn",
        "MeetingIn",
        "ActionItemIn",
        "ReviewNoteIn",
        "ReportTextsIn",
        "MeetingNoteIn",
    } <= models
    assert models <= set(result.examples)
    assert {"import valid", "import mutated", "import raw"} <= set(result.examples)
    # Hypothesis stops a strategy early once it has nothing new to try, so a
    # small run may fall a little short of the count asked for.
    assert result.total >= 150
    assert result.unexpected == []  # the deep-nesting probe included


def test_deeply_nested_import_text_is_refused_not_a_crash():
    from mentorterm.domain.transfer import ImportFailed, parse_document

    for _depth, text in soak.nesting_texts():
        with pytest.raises(ImportFailed):
            parse_document(text)


def test_the_script_prints_its_figures(tmp_path, capsys):
    status = soak.main(
        [
            "--only",
            "kills,transactions",
            "--kills",
            "1",
            "--transactions",
            "10",
            "--seed",
            "1",
            "--workdir",
            str(tmp_path),
        ]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    for figure in (
        "1 kill -9s on 1 encrypted database",
        "0 lost",
        "0 integrity errors",
        "2 processes x 10",
        "0 unexpected errors",
        "soak: PASS",
    ):
        assert figure in out


@pytest.mark.soak
def test_soak_at_full_size(tmp_path):
    """The issue's figures (takes long: run it on its own, ``-m soak``)."""
    assert soak.main(["--workdir", str(tmp_path)]) == 0
