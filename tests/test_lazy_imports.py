"""Heavy libraries load when their work is done. The PDF writer (fpdf, and
with it fontTools, Pillow and cryptography: about 300 modules) loads only
when a PDF is written: not when a screen or a sync only builds a document or
names a field (mentorterm/documents/__init__.py); icalendar only when a
calendar is exported."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_LOADED = """
import sys
for name in sys.argv[1:]:
    if not name.startswith("--"):
        __import__(name)
only = [n[2:] for n in sys.argv[1:] if n.startswith("--")]
heavy = ("icalendar", "fpdf", "fontTools", "PIL", "cryptography", "mentorterm.documents.pdf", "mentorterm.interchange")
print(" ".join(m for m in (only or heavy) if m in sys.modules))
"""


def _printed(code: str, *args: str) -> list[str]:
    """What ``code`` prints, run in a fresh interpreter (nothing imported yet)."""
    run = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
        check=True,
    )
    return run.stdout.split()


def _loaded_after(*modules: str) -> set[str]:
    return set(_printed(_LOADED, *modules))


@pytest.mark.parametrize(
    "modules",
    [
        ("mentorterm.app", "mentorterm.screens.logbook"),  # the absence overview is built there
        ("mentorterm.domain.reports.export", "mentorterm.domain.review.handout"),
        ("mentorterm.domain.sync.conflicts",),  # names a conflict's field
    ],
)
def test_building_documents_or_naming_fields_loads_no_pdf_writer(modules):
    assert (
        _loaded_after(*modules) & {"fpdf", "fontTools", "PIL", "mentorterm.documents.pdf"} == set()
    )


def test_the_agenda_loads_no_calendar_writer_until_a_calendar_is_exported():
    assert _loaded_after("mentorterm.app", "mentorterm.screens.agenda", "--icalendar") == set()


def test_the_sync_s_conflict_list_loads_no_interchange_format():
    assert "mentorterm.interchange" not in _loaded_after("mentorterm.domain.sync.conflicts")


def test_writing_a_pdf_still_loads_it_and_writes_one():
    from mentorterm import documents
    from mentorterm.documents import Document, Heading, Text

    pdf = documents.write_pdf(
        Document(title="Prøve", blocks=[Heading("Overskrift"), Text("Tekst")])
    )
    assert pdf.startswith(b"%PDF")
    assert "fpdf" in sys.modules
    with pytest.raises(AttributeError):
        documents.no_such_writer  # noqa: B018


_OPENED = """
import sys
from mentorterm.app import make_app
import mentorterm.screens.caseload
app = make_app(sys.argv[1])
from mentorterm.domain import session
session.has_drafts(), session.is_demo()
print(" ".join(sorted(m for m in sys.modules if m.startswith(("mentorterm.", "textual.widgets.")))))
"""


def test_opening_a_database_for_the_first_frame_loads_no_table_models(tmp_path):
    """The start (open, the caseload screen's modules, the drafts and demo
    questions) needs the proxy and the base model, not the tables' classes,
    the migrations, the team database or the DataTable (the case list draws
    its own lines): they load on first use."""
    from mentorterm import storage

    path = tmp_path / "mine.db"
    storage.allow_plaintext_for_tests()
    storage.open_database(path, create=True, plaintext=True)
    storage.close_database()
    loaded = set(_printed(_OPENED, str(path)))
    assert "mentorterm.models.base" in loaded and "mentorterm.storage.opening" in loaded
    assert not loaded & {
        "mentorterm.models.people",
        "mentorterm.models.meetings",
        "mentorterm.models.registry",
        "mentorterm.storage.migration_v13",
        "mentorterm.storage.postgres",
        "mentorterm.storage.bundle",
        "textual.widgets._data_table",
    }


_FIRST_USE = """
import sys
from mentorterm.models import Citizen
import mentorterm.models as models
print(hasattr(Citizen, "sub_goals"), hasattr(Citizen, "placements"), len(models.ALL_MODELS))
"""


def test_naming_one_model_loads_them_all_with_every_backref():
    from mentorterm.models import ALL_MODELS

    assert _printed(_FIRST_USE) == ["True", "True", str(len(ALL_MODELS))]
