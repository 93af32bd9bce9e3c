"""The command line read without building every command's parser when it only
opens the app (cli/parser.parse_args): the same answer, the same messages."""

from __future__ import annotations

import contextlib
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorterm.cli.common import CliError
from mentorterm.cli.parser import build_parser, parse_args

TOKENS = [
    "--db",
    "--db=x.db",
    "x.db",
    "--passphrase-file",
    "pass.txt",
    "--passphrase-fd",
    "3",
    "three",
    "--lang",
    "--lan",
    "da",
    "en",
    "xx",
    "--pass",
    "--d",
    "-h",
    "--help",
    "--version",
    "--",
    "open",
    "info",
    "review",
    "--today",
    "2026-11-22",
    "demo",
    "--plaintext",
    "--nonsense",
    "-x",
]


def outcome(parse, argv: list[str]):
    """What reading ``argv`` gives: the options, or the message and how it ended."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            return ("ok", vars(parse(argv)))
    except CliError as error:
        return ("refused", str(error), error.status)
    except SystemExit as stop:
        return ("exit", stop.code, out.getvalue())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=6))
def test_reading_the_command_line_gives_what_the_whole_parser_gives(argv):
    assert outcome(parse_args, argv) == outcome(lambda a: build_parser().parse_args(a), argv)


def test_opening_the_app_does_not_build_the_commands(monkeypatch):
    import mentorterm.cli.parser as parser

    built = []
    monkeypatch.setattr(parser, "build_parser", lambda: built.append(1) or build_parser())
    args = parse_args(["--db", "x.db", "--lang", "da"])
    assert (args.command, args.db, args.lang) == (None, "x.db", "da")
    assert built == []
    assert parse_args(["info", "--db", "x.db"]).command == "info"
    assert built == [1]
