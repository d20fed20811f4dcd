"""Writing XLSX workbooks with openpyxl in write-only mode (constant memory, fast for large projects)."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from jems.plugins.hookspecs import ExportResult

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)


def pick(translations, language: str) -> str:
    """The text of a stored translatable mapping (or API entry list) in the data language, '' if missing."""
    if not translations:
        return ""
    if isinstance(translations, dict):
        return translations.get(language, "") or ""
    return next((t["translation"] for t in translations if t["language"] == language), "")


class Book:
    """A write-only workbook: `sheet(title, header)` starts a sheet, `row(values)` appends to the current one."""

    def __init__(self):
        self.workbook = Workbook(write_only=True)
        self.current = None

    def sheet(self, title: str, header: list[str]) -> None:
        """Start a sheet whose first row is the bold header."""
        self.current = self.workbook.create_sheet(title[:31])
        self.row(header, bold=True)

    def row(self, values: list, *, bold: bool = False) -> None:
        """Append one row to the current sheet."""
        if bold:
            cells = []
            for value in values:
                cell = WriteOnlyCell(self.current, value=value)
                cell.font = BOLD
                cells.append(cell)
            values = cells
        self.current.append(values)

    def result(self, file_name: str) -> ExportResult:
        """The workbook as an XLSX ExportResult."""
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return ExportResult(file_name, XLSX, buffer.getvalue())
