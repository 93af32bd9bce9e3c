"""The year's figures written out: text for a terminal, CSV, JSON and a spreadsheet.

Headings are in the language spoken when they are written (``i18n.speaking``).
The files carry course and citizen ids, never names: they leave the provider
(the municipality reads the report); a figure's list by name stays on screen.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ...format import show_date, show_number, show_percent
from ...i18n import N_, _
from .. import audit
from ..files import write_export
from . import CountedCourse, FigureRow, YearFigures

FORMATS = ("text", "csv", "xlsx", "json")


def show_value(row: FigureRow, value: float | int | None) -> str:
    if value is None:
        return "–"
    if row.unit == "rate":
        return show_percent(value)
    return show_number(value)


def show_cell(row: FigureRow, group: int) -> str:
    cell = row.cells[group]
    text = show_value(row, cell.value)
    return f"{text} ({show_percent(cell.share)})" if cell.share is not None else text


def _period(result: YearFigures) -> str:
    t = result.table
    return _("The year's figures, {start} to {end}").format(
        start=show_date(t.start), end=show_date(t.end)
    )


def render_text(result: YearFigures) -> str:
    """An aligned table, one section after another; the number and key of each
    figure name it to ``--list``."""
    t = result.table
    label_width = max(len(r.label) for r in t.rows) + 2
    widths = [max(12, len(g.label) + 1) for g in t.groups]
    lines = [_period(result), ""]
    head = " " * (4 + label_width) + "".join(
        f"{g.label:>{w}}" for g, w in zip(t.groups, widths, strict=True)
    )
    section = None
    for number, row in enumerate(t.rows, 1):
        if row.section != section:
            section = row.section
            lines += ["", section, head.rstrip()] if len(t.groups) > 1 else ["", section]
        cells = "".join(f"{show_cell(row, i):>{w}}" for i, w in enumerate(widths))
        lines.append(f"{number:>3} {row.label:<{label_width}}{cells}  [{row.key}]")
    lines += [
        "",
        _(
            "Shares in brackets are of the courses running, of those ended, or of the "
            "aftercare due (its day: the end and the days the review's aftercare setting "
            "gives; where the citizen stands as recorded at the last aftercare follow-up "
            "held wins; without one, still in work is a work placement recorded running "
            "that day, a job or a small job by its kind, and education is only known "
            "when recorded). Everything is counted as known on the period's last day. "
            "'mentorterm figures --list N' lists the courses counted in figure N."
        ),
    ]
    return "\n".join(lines) + "\n"


def _headings(result: YearFigures) -> list[str]:
    first = [_("No."), _("Key"), _("Section"), _("Figure")]
    for g in result.table.groups:
        first += [g.label, _("{group}: share").format(group=g.label)]
    return first


def _rows(result: YearFigures) -> list[list]:
    rows = []
    for number, row in enumerate(result.table.rows, 1):
        line: list = [number, row.key, row.section, row.label]
        for cell in row.cells:
            line += [cell.value, None if cell.share is None else round(cell.share, 4)]
        rows.append(line)
    return rows


def _course_headings() -> list[str]:
    names = (
        N_("Figure"),
        N_("Group"),
        N_("Course id"),
        N_("Citizen id"),
        N_("Mentor"),
        N_("Started"),
        N_("Ended"),
        N_("Outcome"),
        N_("Purpose"),
        N_("Programme"),
        N_("Recorded at aftercare"),
    )
    return [_(name) for name in names]


def _course_rows(result: YearFigures) -> list[list]:
    rows = []
    for row in result.table.rows:
        for group, cell in zip(result.table.groups, row.cells, strict=True):
            for course_id in cell.courses:
                c: CountedCourse = result.courses[course_id]
                rows.append(
                    [row.key, group.label, c.course_id, c.citizen_id, c.mentor_name, c.start,
                     c.ended_on, c.outcome_label, c.purpose_label, c.programme,
                     c.aftercare_label]
                )  # fmt: skip
    return rows


def render_csv(result: YearFigures) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_headings(result))
    writer.writerows(["" if v is None else v for v in line] for line in _rows(result))
    return out.getvalue()


def render_json(result: YearFigures) -> str:
    t = result.table
    data = {
        "from": t.start.isoformat(),
        "to": t.end.isoformat(),
        "by": t.by,
        "groups": [{"key": g.key, "label": g.label} for g in t.groups],
        "figures": [
            {
                "number": number,
                "key": row.key,
                "section": row.section,
                "label": row.label,
                "unit": row.unit,
                "cells": [
                    {"group": g.key, "value": c.value, "share": c.share, "courses": list(c.courses)}
                    for g, c in zip(t.groups, row.cells, strict=True)
                ],
            }
            for number, row in enumerate(t.rows, 1)
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def xlsx_bytes(result: YearFigures) -> bytes:
    """A workbook: the figures on the first sheet, every course counted on the second."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Figures")[:31]
    sheet.append([_period(result)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(_headings(result))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for line in _rows(result):
        sheet.append(line)
        for cell in sheet[sheet.max_row][5::2]:  # the shares
            cell.number_format = "0.0%"
    sheet.column_dimensions["C"].width = 28
    sheet.column_dimensions["D"].width = 56
    sheet.freeze_panes = "E4"
    courses = book.create_sheet(_("Courses counted")[:31])
    courses.append(_course_headings())
    for cell in courses[1]:
        cell.font = Font(bold=True)
    for line in _course_rows(result):
        courses.append(line)
        for cell in courses[courses.max_row][5:7]:
            cell.number_format = "yyyy-mm-dd"
    courses.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(result: YearFigures, fmt: str) -> str:
    """The figures as text, CSV or JSON (a spreadsheet is bytes: ``xlsx_bytes``)."""
    return {"text": render_text, "csv": render_csv, "json": render_json}[fmt](result)


def file_bytes(result: YearFigures, fmt: str) -> bytes:
    return xlsx_bytes(result) if fmt == "xlsx" else render(result, fmt).encode("utf-8")


def save_figures(result: YearFigures, path: str | Path, fmt: str, *, overwrite=False) -> Path:
    """Write the figures to ``path`` (owner-only, whole or not at all), with an audit row.

    Raises DomainError in words when the file cannot be written; nothing is left then."""
    written = write_export(path, file_bytes(result, fmt), overwrite=overwrite)
    log_saved(result, fmt)
    return written


def log_saved(result: YearFigures, fmt: str) -> None:
    """The audit row of the figures written to a file (ids, no names)."""
    audit.record(
        "export",
        "figures",
        purpose=N_("the year's figures for the experience report"),
        detail=f"{result.table.start.isoformat()}..{result.table.end.isoformat()} {fmt}",
    )
