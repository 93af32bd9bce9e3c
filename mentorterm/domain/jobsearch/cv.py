"""The CV's state: a new row each time it changes, so its history is kept."""

from __future__ import annotations

from ...models import CvStatus, db
from ...schemas import CvStateIn
from .common import check_citizen, record
from .views import CvRow


def _row(cv: CvStatus) -> CvRow:
    return CvRow(id=cv.id, state=cv.state, noted_on=cv.noted_on, note=cv.note)


def set_cv_state(citizen_id: int, data: CvStateIn) -> int:
    """The CV's state as of ``data.noted_on``; the earlier states stay."""
    with db.atomic():
        check_citizen(citizen_id)
        cv = CvStatus.create(citizen=citizen_id, **data.model_dump(mode="python"))
        record("create", "cv_status", cv)
        return cv.id


def cv_history(citizen_id: int) -> list[CvRow]:
    """The CV's states, newest first (the first is the state now)."""
    query = (
        CvStatus.select()
        .where(CvStatus.citizen == citizen_id)
        .order_by(CvStatus.noted_on.desc(), CvStatus.id.desc())
    )
    return [_row(cv) for cv in query]
