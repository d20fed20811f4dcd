"""The PDF builder of the exports (jems.core.pdf): text encoding short cut, tables that split over pages and
into column groups, escaping, page numbers, outline and the font lookup."""

import io
import shutil

from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from jems.core.pdf import fonts
from jems.core.pdf.document import WIDTH, PdfDocument, markup, paragraph


def text_of(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_subset_font_encodes_like_reportlab():
    """The short cut gives the same codes as ReportLab's own mapping, also past the first 256 characters."""
    fonts.register()
    path = str(fonts._find("DejaVuSans.ttf"))
    ours, theirs = fonts.SubsetTTFont("t-ours", path), TTFont("t-theirs", path)
    samples = ["Grenzüberschreitende Zusammenarbeit – coopération", "Πράσινα ποτάμια – Зелёные реки",
               "no\xa0break", "".join(map(chr, range(0x400, 0x4FF))) + "ÀÉÎ", "Zusammenarbeit again"]
    doc = PdfDocument(title="any document", language="en")  # the font keeps one state per document
    for text in samples * 2:
        assert ours.splitString(text, doc) == theirs.splitString(text, doc)


def test_wide_table_is_split_into_column_groups_and_long_cells_over_pages():
    doc = PdfDocument(title="Wide", language="en")
    periods = [f"Period {n}" for n in range(25)]
    doc.table(["Partner", *periods], [["LP1 CITY", *["123,456.78"] * 25]], numeric_from=1,
              footer=[["Total", *["123,456.78"] * 25]])
    doc.table(None, [["Label", "word " * 6000]], widths=(0.3, 0.7))
    pages = text_of(doc.build())
    text = "\n".join(pages)
    assert all(f"Period {n}" in text for n in range(25))
    assert text.count("LP1 CITY") > 1 and text.count("Total") > 1  # the leading column repeats per group
    assert len(pages) > 3  # the 6,000-word cell continues over several pages


def test_text_is_escaped_and_line_breaks_kept():
    doc = PdfDocument(title="Escaping", language="en")
    doc.fields([("Label <b>", "a < b & c > d\nsecond line")])
    (page,) = text_of(doc.build())
    assert "Label <b>" in page and "a < b & c > d\nsecond line" in page


def test_page_numbers_and_outline():
    doc = PdfDocument(title="Numbers", language="de", subject="Call 1")
    for section in ("A", "B"):
        doc.heading(2, f"Section {section}", new_page=True)
        doc.heading(3, f"Part {section}.1")
        doc.paragraph("text " * 2000)
    reader = PdfReader(io.BytesIO(doc.build()))
    count = len(reader.pages)
    assert count >= 4
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / \n{count}" in page.extract_text()
    assert [item["/Title"] for item in reader.outline if isinstance(item, dict)] == ["Section A", "Section B"]
    assert reader.metadata.title == "Numbers" and reader.metadata.subject == "Call 1"


def test_fonts_are_looked_up_in_the_configured_folder(settings, tmp_path):
    system_font = fonts._find("DejaVuSans.ttf")  # Debian's fonts-dejavu-core (make system-deps)
    settings.PDF_FONT_DIR = str(tmp_path)
    assert fonts._find("DejaVuSans.ttf") is None
    (tmp_path / "truetype").mkdir()
    shutil.copy(system_font, tmp_path / "truetype" / "DejaVuSans.ttf")
    assert fonts._find("DejaVuSans.ttf") == tmp_path / "truetype" / "DejaVuSans.ttf"


def test_plain_paragraph_lays_out_like_a_parsed_one():
    """The one-line short cut breaks lines as ReportLab's parsed paragraph does, special characters included."""
    style = PdfDocument(title="Plain", language="en").styles.value
    text = "Grenzüberschreitende <Zusammenarbeit> & coopération – Πράσινα ποτάμια " * 40
    ours, parsed = paragraph(text, style), Paragraph(markup(text), style)
    assert ours.wrap(300, 10_000) == parsed.wrap(300, 10_000)
    assert len(ours.blPara.lines) == len(parsed.blPara.lines) > 20
    pages = []
    for flowable in (ours, parsed):
        doc = PdfDocument(title="Plain", language="en")
        doc.story.append(flowable)
        pages.append(text_of(doc.build()))
    assert pages[0] == pages[1] and "<Zusammenarbeit> & coopération" in pages[0][0]


def test_fixed_widths_make_room_for_the_longest_header_word():
    doc = PdfDocument(title="Widths", language="de")
    header = ["Partner", "Ergebnisindikator", "Gesamtzielwert", "Text"]
    widths = doc._fit((0.4, 0.05, 0.05, 0.5), header)
    assert abs(sum(widths) - WIDTH) < 0.01
    for text, width in zip(header[1:3], widths[1:3], strict=True):
        assert width >= doc._header_word_width(text)
    assert widths[0] < 0.4 * WIDTH and widths[3] < 0.5 * WIDTH  # the room came from the wide columns
