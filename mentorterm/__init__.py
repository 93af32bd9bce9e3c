"""mentorterm: the employment mentor's terminal."""

__version__ = "0.1.0"
