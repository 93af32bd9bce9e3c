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


def _loaded_after(*modules: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _LOADED, *modules],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
        check=True,
    )
    return set(run.stdout.split())


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
