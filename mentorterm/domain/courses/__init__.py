"""Courses: start (or refer again), extend, end; the whole history is kept."""

from __future__ import annotations

from .corrections import (  # noqa: F401
    _check_span,
    _extension,
    course_input,
    delete_extension,
    extension_input,
    reopen_course,
    update_course,
    update_end,
    update_extension,
)
from .dates import (  # noqa: F401
    COURSE_FIELDS,
    END_FIELDS,
    _where,
    inside,
    overlaps,
    planned_end_for,
    stranded,
    weeks_of,
)
from .lifecycle import (  # noqa: F401
    _course,
    course_view,
    courses_of,
    end_course,
    extend_course,
    open_course,
    start_course,
)
