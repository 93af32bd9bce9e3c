"""The A4 page the PDF writer draws on (fpdf2, pure Python): fonts, furniture, primitives.

One look for every PDF: A4, DejaVu Sans (bundled in mentorterm/fonts, so
æ ø å, “ ” – and names from any European language render on a machine with
no fonts installed), a title block, numbered headings, tables, small score
charts and "page n of m" at the foot of every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..format import show_date, show_percent
from ..i18n import _

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
_INK = (30, 30, 30)
_MUTED = (110, 110, 110)
_RULE = (180, 180, 180)
_CITIZEN = (31, 96, 168)  # the citizen's score line
_MENTOR = (200, 120, 40)  # the mentor's part (10 - score)


class PdfDocument(FPDF):
    """An A4 document with a footer naming it and counting pages."""

    def __init__(self, footer_text: str):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer_text
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 16, 18)
        self.set_text_color(*_INK)
        self.set_font(FAMILY, size=10)
        self.add_page()

    # -- page furniture ---------------------------------------------------
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*_MUTED)
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(
            0, 5, _("Page {page} of {pages}").format(page=self.page_no(), pages="{nb}"), align="R"
        )
        self.set_text_color(*_INK)

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    # -- text -------------------------------------------------------------
    def title_block(self, title: str, lines: Sequence[tuple[str, str]]) -> None:
        """The document's title and its facts (citizen, period, written on)."""
        self.set_font(FAMILY, "B", 17)
        self.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)
        self.facts(lines)
        self.rule()

    def rule(self) -> None:
        """A thin line across the page, below what was written last."""
        self.set_draw_color(*_RULE)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(4)

    def heading(self, text: str) -> None:
        if self.will_page_break(20):
            self.add_page()
        self.ln(2)
        self.set_font(FAMILY, "B", 13)
        self.multi_cell(0, 7, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)
        self.set_font(FAMILY, size=10)

    def subheading(self, text: str) -> None:
        if self.will_page_break(14):
            self.add_page()
        self.ln(1)
        self.set_font(FAMILY, "B", 10.5)
        self.multi_cell(0, 5.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, size=10)

    def paragraph(self, text: str, *, muted: bool = False) -> None:
        self.set_font(FAMILY, size=10)
        if muted:
            self.set_text_color(*_MUTED)
        self.multi_cell(0, 5, text.strip() or "–", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.set_text_color(*_INK)
        self.ln(1.5)

    def facts(self, lines: Sequence[tuple[str, str]], label_width: float = 42) -> None:
        """Label: value lines (the value may wrap)."""
        for label, value in lines:
            self.set_font(FAMILY, "B", 10)
            self.cell(label_width, 5, label)
            self.set_font(FAMILY, size=10)
            self.multi_cell(0, 5, value or "–", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(1)

    def data_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float] | None = None,
        align: Sequence[str] | None = None,
    ) -> None:
        """A bordered table with a bold heading row, repeated on a new page."""
        if not rows:
            return
        self.set_font(FAMILY, size=9)
        self.set_draw_color(*_RULE)
        self.set_fill_color(255, 255, 255)  # a chart's colour must not fill the cells
        with self.table(
            col_widths=tuple(widths) if widths else None,
            text_align=tuple(align) if align else "LEFT",
            line_height=4.8,
            padding=1,
            width=min(self.width, sum(widths)) if widths else self.width,
            align="LEFT",
            first_row_as_headings=True,
            repeat_headings=1,
        ) as table:
            head = table.row()
            for text in headers:
                head.cell(text)
            for values in rows:
                row = table.row()
                for text in values:
                    row.cell(str(text))
        self.set_font(FAMILY, size=10)
        self.ln(2)

    # -- charts -----------------------------------------------------------
    def score_chart(
        self,
        points: Sequence[tuple[date, int]],
        labels: tuple[str, str],
        width: float = 90,
        height: float = 32,
    ) -> None:
        """Scores (1-10) over time with their complement (10 - score), and a legend.

        ``labels`` names the two lines: the citizen's score, the mentor's part.
        Dates are placed by their distance in days, so a long gap between two
        scorings shows as a long line.
        """
        if not points:
            return
        if self.will_page_break(height + 12):
            self.add_page()
        left = self.l_margin + 8
        top = self.get_y() + 2
        bottom = top + height
        self.set_font(FAMILY, size=7)
        self.set_text_color(*_MUTED)
        self.set_draw_color(*_RULE)
        self.set_line_width(0.15)
        for value in (1, 5, 10):
            y = bottom - (value - 1) / 9 * height
            self.line(left, y, left + width, y)
            self.set_xy(left - 7, y - 1.8)
            self.cell(6, 3.6, str(value), align="R")
        first, last = points[0][0], points[-1][0]
        span = max(1, (last - first).days)

        def x_of(day: date) -> float:
            if len(points) == 1:
                return left + width / 2
            return left + (day - first).days / span * width

        def y_of(value: int) -> float:
            return bottom - (value - 1) / 9 * height

        for colour, series in ((_MENTOR, [(d, 10 - s) for d, s in points]), (_CITIZEN, points)):
            self.set_draw_color(*colour)
            self.set_fill_color(*colour)
            self.set_line_width(0.5)
            for (d1, s1), (d2, s2) in zip(series, series[1:], strict=False):
                self.line(x_of(d1), y_of(s1), x_of(d2), y_of(s2))
            for d, s in series:
                self.circle(x=x_of(d), y=y_of(s), radius=0.9, style="F")
        self.set_line_width(0.2)
        self.set_xy(left, bottom + 0.5)
        self.cell(width / 2, 3.6, show_date(first), align="L")
        if len(points) > 1:
            self.cell(width / 2, 3.6, show_date(last), align="R")
        # The legend beside the chart.
        legend_x = left + width + 6
        for row, (colour, label) in enumerate(((_CITIZEN, labels[0]), (_MENTOR, labels[1]))):
            y = top + 2 + row * 5
            self.set_fill_color(*colour)
            self.rect(legend_x, y, 4, 2, style="F")
            self.set_xy(legend_x + 5, y - 0.8)
            self.cell(60, 3.6, label)
        self.set_text_color(*_INK)
        self.set_draw_color(*_RULE)
        self.set_xy(self.l_margin, bottom + 6)
        self.set_font(FAMILY, size=10)

    def bars(
        self, items: Sequence[tuple[str, float | None]], width: float = 110, bar_height: float = 3.6
    ) -> None:
        """Horizontal bars of shares (0..1) with their labels: attendance per block."""
        if not items:
            return
        self.set_font(FAMILY, size=8)
        label_width = 38
        for label, share in items:
            if self.will_page_break(bar_height + 1.5):
                self.add_page()
            y = self.get_y()
            self.set_x(self.l_margin)
            self.cell(label_width, bar_height, label)
            x = self.l_margin + label_width
            self.set_draw_color(*_RULE)
            self.rect(x, y + 0.4, width, bar_height - 0.8)
            if share is not None:
                self.set_fill_color(*_CITIZEN)
                self.rect(
                    x, y + 0.4, width * max(0.0, min(1.0, share)), bar_height - 0.8, style="F"
                )
            self.set_xy(x + width + 2, y)
            self.cell(16, bar_height, "–" if share is None else show_percent(share))
            self.set_xy(self.l_margin, y + bar_height + 0.8)
        self.set_font(FAMILY, size=10)
        self.ln(2)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
