"""``python -m mentorterm.cli``: the same as the ``mentorterm`` command."""

from . import run

run()
