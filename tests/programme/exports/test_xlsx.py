"""The XLSX writer of the exports: cell types, escaping, characters XML forbids, sheet names, styles; read back
with openpyxl (full mode, so styles and the package parts are parsed too)."""

import io
import zipfile
from decimal import Decimal

from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from jems.programme.exports.xlsx import XLSX, Book


def test_cells_round_trip():
    book = Book()
    book.sheet("Data: [1/2]", ["Text", "Amount", "Int", "Float", "Bool", "None", "Lazy"])
    book.row(["a < b & c > d", Decimal("1234.56"), 42, 1.5, True, None, gettext_lazy("Total")])
    book.row(["  spaces kept  ", Decimal("-0.01"), 0, 0.0, False, "", "tab\there\x01\x0bbell"], bold=True)
    result = book.result("test.xlsx")
    assert result.content_type == XLSX and result.file_name == "test.xlsx"
    workbook = load_workbook(io.BytesIO(result.content))
    sheet = workbook.worksheets[0]
    assert sheet.title == "Data- -1-2-"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Text", "Amount", "Int", "Float", "Bool", "None", "Lazy"],
        ["a < b & c > d", 1234.56, 42, 1.5, True, None, "Total"],
        ["  spaces kept  ", -0.01, 0, 0.0, False, "", "tab\therebell"],
    ]
    assert sheet["A1"].font.b and not sheet["A2"].font.b and sheet["B3"].font.b
    assert sheet["B2"].number_format == "#,##0.00" and sheet["C2"].number_format == "General"
    assert sheet.freeze_panes == "A2"


def test_sheet_names_are_unique_and_short():
    book = Book()
    long = "A very long sheet name that Excel would refuse"
    for title in (long, long, "Other"):
        book.sheet(title, ["x"])
    names = load_workbook(io.BytesIO(book.result("x.xlsx").content), read_only=True).sheetnames
    assert names == [long[:31], f"{long[:29]} 2", "Other"] and all(len(n) <= 31 for n in names)


def test_package_parts():
    book = Book()
    book.sheet("One", ["a"])
    book.sheet("Two", ["b"])
    with zipfile.ZipFile(io.BytesIO(book.result("x.xlsx").content)) as package:
        assert set(package.namelist()) == {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                                           "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                           "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
