"""mentorterm: the employment mentor's terminal."""

__version__ = "0.1.0"

from .drivers import defer_psycopg as _defer_psycopg

_defer_psycopg()  # PostgreSQL's driver only for a team database (drivers.py)
