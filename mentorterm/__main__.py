"""``python -m mentorterm``: the same as the ``mentorterm`` command."""

from .cli import run

run()
