"""The weekly case review (*sparringsmøde*): the package's front door, every public name.

Rooms: ``signal`` (the Signal, its kinds and weights), ``facts`` (the plain
facts the rules read), ``queries`` (the SQL that gathers them) and ``gather``
(rows into facts), ``rules_*`` and ``rules`` (the twelve pure rules),
``signals`` (gather, then rules), ``queue`` (the week's queue and progress),
``decisions`` (the week's notes), ``detail`` (the citizen in focus).
``handout`` is the printed review for the team's meeting.
"""

from __future__ import annotations

from .decisions import ReviewDecision, decision_for, save_decision
from .detail import MeetingLine, ReviewDetail, review_detail
from .facts import CitizenCase, CitizenFacts
from .gather import week_decisions
from .queries import review_sql
from .queue import SUB_GOAL_CAP, ReviewItem, review_progress, review_queue
from .rules import case_signals
from .signal import Fact, Signal, SignalKind, iso_week_of
from .signals import CitizenSignals, citizen_signals

__all__ = [
    "SUB_GOAL_CAP",
    "CitizenCase",
    "CitizenFacts",
    "CitizenSignals",
    "Fact",
    "MeetingLine",
    "ReviewDecision",
    "ReviewDetail",
    "ReviewItem",
    "Signal",
    "SignalKind",
    "case_signals",
    "citizen_signals",
    "decision_for",
    "iso_week_of",
    "review_detail",
    "review_progress",
    "review_queue",
    "review_sql",
    "save_decision",
    "week_decisions",
]
