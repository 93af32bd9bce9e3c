"""The settings' sections: what each key means, its default and its bounds (pydantic)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..i18n import N_
from .peek import LOCK_MINUTES, LOCK_MINUTES_MAX, LOCK_MINUTES_MIN


class SettingsError(Exception):
    """The settings file cannot be used; the message says which file and key, and why."""


def _days(default: int, description: str, low: int = 1, high: int = 365) -> Any:
    return Field(
        default,
        ge=low,
        le=high,
        strict=True,
        description=description,
        json_schema_extra={
            "must_be": N_("a whole number of days from {low} to {high}"),
            "low": low,
            "high": high,
        },
    )


def _percent(default: int, description: str) -> Any:
    return Field(
        default,
        ge=1,
        le=100,
        strict=True,
        description=description,
        json_schema_extra={"must_be": N_("a percentage from 1 to 100")},
    )


class ReviewThresholds(BaseModel):
    """When the weekly review raises a signal (defaults from issue 7 and DOMAIN.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    attendance_below: Annotated[
        int,
        _percent(75, N_("Attendance over the recent period below this percentage is a signal.")),
    ]
    attendance_days: Annotated[
        int, _days(14, N_("The recent attendance period, in days (today included)."), high=90)
    ]
    attendance_drop_points: Annotated[
        int,
        _percent(
            20,
            N_(
                "A fall of this many percentage points or more against the period of the same "
                "length just before is a signal."
            ),
        ),
    ]
    no_notice_days: Annotated[
        int,
        _days(
            7,
            N_("An absence without notice within this many days (today included) is a signal."),
            high=90,
        ),
    ]
    sub_goal_unscored_days: Annotated[
        int, _days(28, N_("An active sub-goal not scored for this many days or more is a signal."))
    ]
    course_ending_days: Annotated[
        int,
        _days(
            28,
            N_(
                "A course ending within this many days, with no extension or end decided, is a signal."
            ),
        ),
    ]
    placement_transition_days: Annotated[
        int, _days(14, N_("A placement starting or ending within this many days is a signal."))
    ]
    hours_step_days: Annotated[
        int,
        _days(
            28,
            N_(
                "An hours step in force this many days or more without a follow-up since is a "
                "signal (at the provider's own training ground any held meeting with the citizen; "
                "elsewhere a three-party meeting or a workplace follow-up)."
            ),
        ),
    ]
    aftercare_days: Annotated[
        int,
        _days(
            90,
            N_(
                "Aftercare is due this many days after the first day of work during or after the "
                "course (a paid-hours, wage-subsidy, flexjob or job placement), or after a course "
                "that ended with a job when no such placement is recorded."
            ),
            high=730,
        ),
    ]
    aftercare_window_days: Annotated[
        int,
        _days(
            14,
            N_(
                "The aftercare signal shows from this many days before the due day to this many "
                "days after it, unless a meeting was held in that time."
            ),
            low=0,
            high=90,
        ),
    ]
    missed_in_a_row: Annotated[
        int,
        Field(
            2,
            ge=1,
            le=10,
            strict=True,
            description=N_(
                "This many cancellations or no-shows in a row (no held meeting between) "
                "is a signal."
            ),
            json_schema_extra={"must_be": N_("a whole number of meetings from 1 to 10")},
        ),
    ]
    handover_weeks: Annotated[
        int,
        Field(
            6,
            ge=1,
            le=26,
            strict=True,
            description=N_(
                "For this many weeks after a handover the citizen is a signal: the new "
                "mentor's first weeks, where citizens fall off."
            ),
            json_schema_extra={"must_be": N_("a whole number of weeks from 1 to 26")},
        ),
    ]
    partial_attendance_below: Annotated[
        int,
        _percent(
            75,
            N_(
                "Hours worked below this percentage of the hours planned, on the days present "
                "over the recent attendance period, is a signal."
            ),
        ),
    ]


class SecuritySettings(BaseModel):
    """Protecting the notes on a laptop left on a table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lock_after_minutes: Annotated[
        int,
        Field(
            LOCK_MINUTES,
            ge=LOCK_MINUTES_MIN,
            le=LOCK_MINUTES_MAX,
            strict=True,
            description=N_(
                "Lock the app after this many minutes without a key pressed (ctrl+l locks at once)."
            ),
            json_schema_extra={"must_be": N_("a whole number of minutes from 1 to 240")},
        ),
    ]


class RetentionSettings(BaseModel):
    """How long a citizen's records are kept after their last course ended."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    years: Annotated[
        int,
        Field(
            5,
            ge=1,
            le=30,
            strict=True,
            description=N_(
                "Years after a citizen's last course ended before they are due for erasure."
            ),
            json_schema_extra={"must_be": N_("a whole number of years from 1 to 30")},
        ),
    ]


class MentorSettings(BaseModel):
    """Who keeps this database: shown in notes, reports and handouts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[
        str,
        Field(
            "",
            max_length=200,
            strict=True,
            description=N_("Your name as it stands in meeting notes, reports and handouts."),
            json_schema_extra={"must_be": N_("a text in quotes")},
        ),
    ]
    organisation: Annotated[
        str,
        Field(
            "",
            max_length=200,
            strict=True,
            description=N_("The provider you work for, as it stands on reports and handouts."),
            json_schema_extra={"must_be": N_("a text in quotes")},
        ),
    ]
    language: Annotated[
        Literal["", "da", "en"],
        Field(
            "",
            description=N_(
                'The language mentorterm speaks: "da" (Danish) or "en" (English). Empty: the '
                "computer's language (LANG), else English. 'mentorterm --lang en' overrides it "
                "for one run."
            ),
            json_schema_extra={"must_be": N_('"da", "en" or "" (the computer\'s language)')},
        ),
    ]


class CalendarSettings(BaseModel):
    """What the .ics calendar export of planned meetings holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    include_place: Annotated[
        bool,
        Field(
            False,
            strict=True,
            description=N_(
                "Also put each meeting's place in the calendar. Off: an event holds only "
                "the citizen's initials, the kind of meeting and the time, because a "
                "calendar is synced to phones and shown where others can see it (a place "
                "such as a clinic or a home address can tell who the citizen is)."
            ),
            json_schema_extra={"must_be": N_("true or false")},
        ),
    ]


SECTIONS: dict[str, type[BaseModel]] = {
    "mentor": MentorSettings,
    "review": ReviewThresholds,
    "security": SecuritySettings,
    "retention": RetentionSettings,
    "calendar": CalendarSettings,
}


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mentor: MentorSettings = Field(default_factory=MentorSettings)
    review: ReviewThresholds = Field(default_factory=ReviewThresholds)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)

    @property
    def retention_years(self) -> int:
        return self.retention.years
