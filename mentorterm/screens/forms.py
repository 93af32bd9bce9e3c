"""Old path of the form pieces in widgets/, kept for the screens that import them from here."""

from ..widgets.confirm import ConfirmScreen, DiscardScreen, confirm_then
from ..widgets.draft_timer import DraftTimer
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen

__all__ = [
    "ConfirmScreen",
    "DiscardScreen",
    "DraftTimer",
    "FieldSpec",
    "FormScreen",
    "confirm_then",
]
