"""How long a sub-goal with 200 scores takes to open: history, trend and the list.

    python bench/subgoal_history.py

Creates a temporary database with one citizen, one sub-goal and 200 scores
(one a week), then times score_history + trend + sub_goal_rows, 50 times.
Target: <= 50 ms.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from mentorterm import storage  # noqa: E402
from mentorterm.domain import subgoals  # noqa: E402
from mentorterm.domain.citizens import create_citizen  # noqa: E402
from mentorterm.schemas import AllianceScoreIn, CitizenIn, SubGoalIn  # noqa: E402

TODAY = date(2026, 11, 22)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "history.db")
        citizen = create_citizen(CitizenIn(name="Bench Borger"))
        goal = subgoals.create_sub_goal(citizen, SubGoalIn(title="Two hundred scores"))
        for week in range(200):
            subgoals.score_sub_goal(
                goal,
                AllianceScoreIn(
                    scored_on=TODAY - timedelta(weeks=200 - week),
                    citizen_score=1 + week % 10,
                    what_it_takes="Changing tasks during the day.",
                    own_actions="Exercises.",
                    help_needed="Mentor: a call on Mondays.",
                ),
            )
        times = []
        for _ in range(50):
            start = time.perf_counter()
            history = subgoals.score_history(goal)
            subgoals.trend([s.citizen_score for s in history])
            subgoals.sub_goal_rows(citizen, TODAY)
            times.append((time.perf_counter() - start) * 1000)
        storage.close_database()
    median = statistics.median(times)
    verdict = "PASS" if median <= 50 else "FAIL"
    print(
        f"sub-goal with 200 scores: history + trend + list, median {median:.1f} ms "
        f"(min {min(times):.1f}, max {max(times):.1f}, n=50)  {verdict} (target <= 50 ms)"
    )


if __name__ == "__main__":
    main()
