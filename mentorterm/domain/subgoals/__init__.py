"""Sub-goals on the asymmetric-alliance scale: scoring, history, trend, life cycle.

For each sub-goal the citizen places themself on the scale from 1 to 10; the
mentor takes the rest, so the two always add up to 10 (DOMAIN.md). The score's
history is the citizen's progression.
"""

from __future__ import annotations

from .goals import (  # noqa: F401
    _active_ids,
    _renumber,
    create_sub_goal,
    move_priority,
    presentation,
    set_status,
    sub_goal_input,
    sub_goal_rows,
    update_sub_goal,
)
from .scores import (  # noqa: F401
    _ANSWERS,
    _goal,
    _score,
    _score_values,
    _score_view,
    delete_score,
    previous_answers,
    score_history,
    score_sub_goal,
    score_view,
    update_score,
)
from .views import (  # noqa: F401
    _STATUS_ORDER,
    Presentation,
    PresentedGoal,
    SameDayScore,
    ScoreView,
    SubGoalRow,
    Trend,
    _View,
    complement,
    trend,
)
