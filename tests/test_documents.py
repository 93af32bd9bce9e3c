"""The document model's two writers: every block kind in Markdown and in PDF."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from mentorterm.documents import (
    Bars,
    Bullets,
    Chart,
    Column,
    Document,
    Emph,
    Entries,
    Facts,
    Heading,
    Marked,
    PageBreak,
    Rule,
    Strong,
    Table,
    Text,
    escape,
    write_markdown,
    write_pdf,
)

DANISH = "Søren Ærø på Åløkke – “rolig start”"


def _pdf(document: Document) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(write_pdf(document)))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def _everything() -> Document:
    return Document(
        "Statusbeskrivelse",
        meta=[("Borger", DANISH), ("Periode", "01-02-2026 – 31-03-2026")],
        author="Anna Holm, Jobvejen ApS",
        footer="Søren · Statusbeskrivelse",
    ).add(
        Heading("Forløb"),
        Heading("Delmål", level=2),
        Text("Møder stabilt.\nGod til opvask.\n\nAndet afsnit.", verbatim=True),
        Text("", verbatim=True, empty="Not written."),
        Text("En note.", muted=True),
        Facts([("Status", "i gang"), ("Aftalt", "hver 2. uge")]),
        Table(
            [Column("Dato", width=30), Column("Timer", align="right", width=20, short="t")],
            [[Marked("02-03-2026", "(før perioden)"), "7,5"], ["09-03-2026", "10"]],
            footnote="gældende da perioden begyndte",
        ),
        Chart([(date(2026, 2, 1), 4), (date(2026, 3, 1), 7)], "Borgerens score", "Mentorens del"),
        Bars([("uge 1", 0.5), ("uge 2", None)]),
        Entries([("Kantinen", [("Hensyn", "Ingen løft"), ("Hjælpemidler", "Høreværn")])]),
        Bullets(["første", (Strong("Beslutning:"), " ring i dag")]),
        Rule(),
        PageBreak(),
        Text("Sidste side."),
    )


def test_markdown_writes_each_block_kind():
    md = write_markdown(_everything())
    assert md.startswith("# Statusbeskrivelse\n\n- **Borger:** " + DANISH + "\n")
    assert "\n## Forløb\n\n### Delmål\n\n" in md
    assert "Møder stabilt.  \nGod til opvask.\n\nAndet afsnit." in md
    assert "\n_Not written._\n" in md
    assert "- **Status:** i gang\n- **Aftalt:** hver 2. uge" in md
    # The full heading in Markdown, the cell's remark inline (no footnote needed).
    assert "| Dato | Timer |\n| --- | ---: |\n| 02-03-2026 (før perioden) | 7,5 |" in md
    assert "gældende" not in md and "Borgerens score" not in md and "uge 1" not in md
    assert "- **Kantinen:** Ingen løft (hjælpemidler: Høreværn)" in md
    assert "- første\n- **Beslutning:** ring i dag" in md
    assert "\n---\n" in md
    assert md.endswith("\n\nSidste side.\n") and "\n\n\n" not in md


def test_pdf_writes_each_block_kind_with_danish_letters():
    text, reader = _pdf(_everything())
    flat = " ".join(text.split())
    assert len(reader.pages) == 2  # the page break
    assert reader.metadata.title == "Statusbeskrivelse"
    assert reader.metadata.author == "Anna Holm, Jobvejen ApS"
    for expected in (
        DANISH,
        "Forløb",
        "Delmål",
        "Møder stabilt.",
        "Not written.",
        "En note.",
        "Status",
        "hver 2. uge",
        "02-03-2026*",  # the mark, explained below the table
        "* gældende da perioden begyndte",
        "Borgerens score",
        "Mentorens del",
        "50 %",
        "Kantinen",
        "Høreværn",
        "Beslutning: ring i dag",
        "Sidste side.",
        "Søren · Statusbeskrivelse",
        "Page 1 of 2",
    ):
        assert expected in flat, expected
    assert "før perioden" not in flat and "**" not in flat
    # The short heading on paper.
    assert "Timer" not in flat and " t " in f" {flat} "


def test_a_mentors_text_cannot_add_markup_in_markdown():
    hostile = "*fed* _kursiv_ # nej | pipe <b>x</b> [link](y) `kode` \\ slut"
    md = write_markdown(
        Document("T *1*").add(
            Text(hostile, verbatim=True),
            Facts([("Note", hostile)]),
            Table([Column("A")], [[hostile]]),
            Heading("- ikke en liste"),
        )
    )
    assert md.startswith("# T \\*1\\*\n")
    escaped = (
        "\\*fed\\* \\_kursiv\\_ \\# nej \\| pipe \\<b\\>x\\</b\\> "
        "\\[link\\](y) \\`kode\\` \\\\ slut"
    )
    assert md.count(escaped) == 3
    assert "| " + escaped + " |" in md  # the pipe cannot end the cell
    assert "## \\- ikke en liste" in md


def test_escape_keeps_danish_letters_and_stops_lists():
    assert escape("  Æble   og\tøl  ") == "Æble og øl"
    assert escape("- punkt") == "\\- punkt"
    assert escape("+ plus") == "\\+ plus"
    assert escape("#3") == "\\#3"
    # A mentor's own lines keep their line breaks, each escaped.
    md = write_markdown(Document("T").add(Text("- en\n+ to\n\n\n* tre", verbatim=True)))
    assert md.endswith("# T\n\n\\- en  \n\\+ to\n\n\\* tre\n")


def test_a_long_table_is_left_out_on_paper_and_a_wide_one_folds():
    rows = [[f"{n:02d}-01-2026", str(n)] for n in range(1, 15)]
    long = Table([Column("Dato"), Column("Score")], rows, paper_rows=12)
    wide = Table(
        [Column("Tal", width=50)] + [Column(f"Sted {n}", width=25) for n in range(1, 7)],
        [["Dage", *(str(n) for n in range(1, 7))]],
        fold=4,
    )
    document = Document("T").add(long, wide)
    assert "| 14-01-2026 | 14 |" in write_markdown(document)
    text, _reader = _pdf(document)
    assert "14-01-2026" not in text
    assert text.count("Tal") == 2 and text.count("Dage") == 2  # the first column repeated
    assert "Sted 6" in text


def test_emphasis_in_markdown_and_plain_on_paper():
    document = Document("T").add(Text((Strong("Decision:"), " ", Emph("none recorded yet"))))
    assert write_markdown(document).endswith("**Decision:** _none recorded yet_\n")
    assert "Decision: none recorded yet" in _pdf(document)[0]


def test_the_documents_package_knows_nothing_of_the_domain():
    """A lower layer: the domain builds on it, never the other way round."""
    import ast
    from pathlib import Path

    import mentorterm.documents

    offenders = []
    for path in Path(mentorterm.documents.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [("." * node.level) + (node.module or "")]
                names += [f"{names[0]}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                bare = name.lstrip(".").removeprefix("mentorterm.")
                if bare.split(".")[0] in ("domain", "models", "storage", "schemas", "screens"):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
