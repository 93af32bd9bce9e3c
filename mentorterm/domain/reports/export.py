"""The progression report as the bytes of a file to hand over (Markdown or PDF), logged."""

from __future__ import annotations

from ...documents import write_markdown
from ...i18n import N_, _
from .. import audit
from .document import report_document
from .model import ProgressionReport


def render_markdown(report: ProgressionReport) -> str:
    """The report as a Markdown document."""
    return write_markdown(report_document(report))


def render_pdf(report: ProgressionReport) -> bytes:
    """The report as a PDF: the same sections, with tables and a chart per sub-goal."""
    from ...documents import write_pdf  # fpdf loads when a PDF is first written

    return write_pdf(report_document(report))


def report_file_stem(report: ProgressionReport) -> str:
    """A file name (no suffix) for an export: "progression-Mette-Jorgensen-2026-11-29"."""
    from ..files import safe_file_name

    prefix = _("progression")  # a file name's first word; not inside the f-string (Babel)
    return f"{prefix}-{safe_file_name(report.citizen_name)}-{report.end.isoformat()}"


def export_report(report: ProgressionReport, kind: str) -> bytes:
    """The report as the bytes of a file to hand over ("markdown" or "pdf"), logged.

    The export's audit row is written here, not in the renderers: the screen
    renders Markdown for its preview too. Safe in a worker thread (the row
    goes through a connection of its own there).
    """
    from ..threads import in_own_connection

    if kind not in ("markdown", "pdf"):
        raise ValueError(f"kind is 'markdown' or 'pdf', not {kind!r}")
    data = render_pdf(report) if kind == "pdf" else render_markdown(report).encode("utf-8")
    in_own_connection(
        audit.record,
        "export",
        "report",
        citizen_id=report.citizen_id,
        record_id=report.report_id,
        purpose=N_("progression report ({kind})").format(kind=kind),
    )
    return data
