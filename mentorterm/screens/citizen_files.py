"""What leaves with a citizen's data: the access export, and deleting a citizen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from .. import keys
from ..domain import erasure, files
from ..domain.errors import DomainError, user_message
from ..i18n import _, language, ngettext, speaking
from ..schemas import DocumentFileIn, ExportFileIn
from ..widgets.document_language import language_field, remember_language
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.markup import escape


def write_access_export(
    citizen_id: int, today: date, folder: Path, stem: str, lang: str | None = None
) -> list[Path]:
    """The access export's two files (JSON and PDF), both or neither; the PDF
    in ``lang`` (the reader's), else the UI language."""
    from ..domain.access import access_export
    from ..domain.files import write_export

    written: list[Path] = []
    try:
        with speaking(lang or language()):  # this thread only (the loader's worker)
            data, pdf = access_export(citizen_id, today)
        written.append(write_export(folder / f"{stem}-access.json", data))
        written.append(write_export(folder / f"{stem}-access.pdf", pdf))
    except BaseException:
        for path in written:  # both files or none
            path.unlink(missing_ok=True)
        raise
    return written


class AccessExportForm(FormScreen[Path]):
    """The folder an access export (JSON + PDF) goes to."""

    TITLE = _("Access export")
    MODEL = ExportFileIn
    FIELDS = [
        FieldSpec(
            "path",
            _("Folder"),
            required=True,
            hint=_(
                "Two files are written here: the data as JSON and a readable "
                "PDF. They hold everything about the citizen: hand them over "
                "safely."
            ),
        )
    ]

    def __init__(self, name: str, lang: str | None = None) -> None:
        """``lang``: the PDF's language to offer; the form asks it (and keeps
        the choice for the session) when given."""
        initial = {"path": str(files.documents_folder())} | ({"language": lang} if lang else {})
        super().__init__(
            initial, _("Access export: everything held about {name}").format(name=escape(name))
        )
        if lang:
            self.MODEL = DocumentFileIn

    def fields(self) -> list[FieldSpec]:
        return [*self.FIELDS, language_field()] if "language" in self.initial else self.FIELDS

    def submit(self, data: ExportFileIn) -> Path:
        folder = Path(data.path).expanduser()
        try:
            found = folder.is_dir()
        except (OSError, ValueError):  # a name too long, a folder without access
            found = False
        if not found:
            raise DomainError(
                _("The folder {folder} does not exist or cannot be opened.").format(folder=folder),
                field="path",
            )
        if isinstance(data, DocumentFileIn):
            remember_language(self.app, "access_export", data.language)
        return folder


def access_file_stem(folder: Path, name: str, today: date) -> str:
    """``<name>-<date>`` (``-2``, ``-3`` … when an export of today is there already)."""
    stem = f"{files.safe_file_name(name)}-{today.isoformat()}"
    candidate, n = stem, 1
    while any(
        files.export_exists(folder / f"{candidate}-access{suffix}") for suffix in (".json", ".pdf")
    ):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def backups_text(paths: list[Path], limit: int = 6) -> str:
    """The backups found beside the database, for a confirmation (markup escaped)."""
    if not paths:
        return _("No backups were found beside the database.")
    lines = [
        _(
            "[b]These backups beside the database still hold copies[/b] (delete them too "
            "if the data must be gone everywhere):"
        )
    ]
    lines += [f"  • {escape(str(p))}" for p in paths[:limit]]
    if len(paths) > limit:
        lines.append(
            _("  … and {count} more in {folder}").format(
                count=len(paths) - limit, folder=escape(str(paths[0].parent))
            )
        )
    return "\n".join(lines)


def all_backups_text() -> str:
    """What copies may still exist, for any erasure's confirmation."""
    path = erasure.database_path()
    found = erasure.backups_on_disk(path) if path is not None else []
    return (
        backups_text(found)
        + "\n"
        + _(
            "Backups kept anywhere else (another folder, a USB stick, a server) cannot be "
            "found from here: erase them there yourself."
        )
    )


class DeleteCitizenScreen(ModalScreen[bool]):
    """Erasing is final: the mentor types the citizen's name to confirm."""

    CSS_PATH = "citizen_files.tcss"
    BINDINGS = keys.bindings("delete_citizen")
    #: A key typed before the question showed is no answer (widgets/type_ahead.py).
    ANSWERS_TYPED_AHEAD = False

    def __init__(self, citizen_id: int, name: str) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(id="delete-text"):
                yield Static(
                    _(
                        "[b]Erase {name} and every record about them?[/b]\n\n"
                        "Courses, sub-goals and scores, placements and logbook, meetings and "
                        "notes, drafts and saved reports are all erased, and their text is "
                        "overwritten in the database file. This cannot be undone."
                    ).format(name=escape(self.citizen_name))
                )
                yield Static(all_backups_text(), id="delete-backups")
            yield Static(_("Type the name to confirm, then press enter (escape cancels):"))
            yield Input(placeholder=self.citizen_name, id="confirm-name")
            yield Static(id="delete-error")

    def on_mount(self) -> None:
        self.query_one("#confirm-name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        try:
            result = erasure.erase_citizen(self.citizen_id, event.value)
        except Exception as exc:  # a wrong name, or the database said no
            message = user_message(exc)
            if message is None:
                raise
            self.query_one("#delete-error", Static).update(escape(message))
            return
        self.app.deleted_citizens.add(self.citizen_id)
        self.app.notify(
            ngettext(
                "{name} and all their records were erased ({rows} row).",
                "{name} and all their records were erased ({rows} rows).",
                result.rows_deleted,
            ).format(name=escape(result.citizen_name), rows=result.rows_deleted)
        )
        if not result.wal_cleared:
            self.app.notify(
                _(
                    "Another window still reads the database: the last traces in "
                    "its journal file are cleared when that window closes."
                ),
                severity="warning",
                timeout=15,
            )
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
