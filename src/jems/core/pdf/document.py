"""A paged A4 document for our exports (application form, checklists), built with ReportLab's Platypus: headings
that also become the PDF outline (bookmarks), label/value lists, paragraphs, tables that split over pages with
their header repeated (and into column groups when too wide), a time-plan chart, an image and page breaks.
Every page has "page / pages" in its footer.

ReportLab lays out about 400 pages of dense text a second here, so the largest application form (about 2,000
pages) is written in seconds and in little memory; the texts are given as plain strings and escaped here.
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts

MARGIN_X, MARGIN_Y = 15 * mm, 18 * mm
WIDTH = A4[0] - 2 * MARGIN_X
GRID = colors.HexColor("#999999")
MUTED = colors.HexColor("#555555")
BAR = colors.HexColor("#3b6fb6")
CELL_PADDING = 3
NUMBER_MIN = 18 * mm
KEEP_LINES = 2  # a heading or label starts a new page unless this many lines of what follows fit under it
FOOTER_SIZE = 8
PAGE_COUNT_FORM = "pageCount"


_FRAGMENTS: dict = {}  # style name -> (style, its first text fragment)


def paragraph(value, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of a plain value (None as nothing, line breaks kept). A one-line text gets its one fragment as a
    copy of the style's with the text set, instead of going through ReportLab's markup parser, which was a third
    of the time of building a large document; text with line breaks is escaped and parsed."""
    text = "" if value is None else str(value)
    if "\n" in text or "\r" in text:
        return Paragraph(markup(text), style)
    known = _FRAGMENTS.get(style.name)
    if known is None or known[0] is not style:
        known = _FRAGMENTS[style.name] = (style, Paragraph("x", style).frags[0])
    return Paragraph(text, style, frags=[known[1].clone(text=text, link=[], us_lines=[])])


def markup(value) -> str:
    """A value as Paragraph markup: None as nothing, the text escaped, line breaks kept."""
    if value is None:
        return ""
    return escape(str(value)).replace("\r\n", "\n").replace("\n", "<br/>")


@dataclass
class _Styles:
    body: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    head_number: ParagraphStyle
    cover: ParagraphStyle
    headings: dict


def _styles(size: float) -> _Styles:
    regular, bold = fonts.register()
    body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.3, spaceAfter=size * 0.4)
    cell = ParagraphStyle("cell", parent=body, fontSize=size - 1, leading=(size - 1) * 1.25, spaceAfter=0)
    headings = {level: ParagraphStyle(f"h{level}", parent=body, fontName=bold, fontSize=font_size,
                                      leading=font_size * 1.25, spaceBefore=font_size * 0.8,
                                      spaceAfter=font_size * 0.35)
                for level, font_size in {1: size + 11, 2: size + 4, 3: size + 2, 4: size + 0.5}.items()}
    return _Styles(
        body=body,
        muted=ParagraphStyle("muted", parent=body, textColor=MUTED),
        label=ParagraphStyle("label", parent=body, fontName=bold, spaceBefore=size * 0.45, spaceAfter=0),
        value=ParagraphStyle("value", parent=body, leftIndent=8, spaceAfter=0),
        cell=cell,
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=bold),
        head_number=ParagraphStyle("head_number", parent=cell, fontName=bold, alignment=TA_RIGHT),
        cover=ParagraphStyle("cover", parent=body, fontSize=size + 2, leading=(size + 2) * 1.4, alignment=TA_CENTER),
        headings=headings,
    )


class _Heading(Paragraph):
    """A heading that becomes an entry of the PDF outline at its level (None: not in the outline)."""

    def __init__(self, text: str, style: ParagraphStyle, outline_level: int | None):
        super().__init__(markup(text), style)
        self.outline_text = text
        self.outline_level = outline_level


class _Bar(Flowable):
    """One bar of the time plan: from `left` % to `left + width` % of the cell."""

    def __init__(self, left: float, width: float, height: float):
        super().__init__()
        self.left, self.bar_width, self.height = left, width, height

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.height

    def draw(self):
        self.canv.setFillColor(BAR)
        self.canv.rect(self.width * self.left / 100, 0, self.width * self.bar_width / 100, self.height,
                       stroke=0, fill=1)


class _NumberedCanvas(Canvas):
    """Writes "page / " on every page and the total, known only at the end, as a form all pages show."""

    def __init__(self, *args, footer_font: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.footer_font = footer_font
        self.pages = 0

    def showPage(self):  # noqa: N802 - ReportLab's name
        self.pages += 1
        x, y = A4[0] - MARGIN_X - 8 * mm, MARGIN_Y / 2
        self.setFont(self.footer_font, FOOTER_SIZE)
        self.drawRightString(x, y, f"{self.pages} / ")
        self.saveState()
        self.translate(x, y)
        self.doForm(PAGE_COUNT_FORM)
        self.restoreState()
        super().showPage()

    def save(self):
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(self.footer_font, FOOTER_SIZE)
        self.drawString(0, 0, str(self.pages))
        self.endForm()
        super().save()


class _Template(BaseDocTemplate):
    def afterFlowable(self, flowable):  # noqa: N802 - ReportLab's name
        level = getattr(flowable, "outline_level", None)
        if level is not None:
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level > 0)


class PdfDocument:
    """An A4 portrait document assembled from blocks in reading order; `build()` returns the PDF bytes.
    `title` and `language` (an ISO code such as "en") go into the PDF's metadata."""

    def __init__(self, *, title: str, language: str, subject: str = "", font_size: float = 9):
        self.title, self.language, self.subject = title, language, subject
        self.styles = _styles(font_size)
        self.story: list = []

    def heading(self, level: int, text: str, *, new_page: bool = False, outline: bool = True) -> None:
        """A heading of level 1–4; levels 2–4 are the outline's levels 0–2."""
        if new_page and self.story:
            self.story.append(PageBreak())
        style = self.styles.headings[level]
        self.story.append(CondPageBreak(style.spaceBefore + style.leading + KEEP_LINES * self.styles.body.leading))
        self.story.append(_Heading(text, style, level - 2 if outline and level > 1 else None))
        if level == 2:
            self.story.append(HRFlowable(width="100%", thickness=0.6, color=MUTED, spaceBefore=0, spaceAfter=4))

    def paragraph(self, text, *, muted: bool = False, centered: bool = False) -> None:
        style = self.styles.cover if centered else self.styles.muted if muted else self.styles.body
        self.story.append(paragraph(text, style))

    def fields(self, pairs: Iterable[tuple[str, object]]) -> None:
        """A label/value list: each label in bold, its value (one text or several lines) indented below."""
        label_style = self.styles.label
        keep = label_style.spaceBefore + label_style.leading + KEEP_LINES * self.styles.value.leading
        for label, value in pairs:
            self.story.append(CondPageBreak(keep))
            self.story.append(paragraph(label, label_style))
            for line in value if isinstance(value, list | tuple) else [value]:
                self.story.append(paragraph(line, self.styles.value))

    def table(self, header: Sequence[str] | None, rows: Sequence[Sequence], *, numeric_from: int | None = None,
              footer: Sequence[Sequence] = (), bold_rows: Iterable[int] = (), caption: str = "",
              widths: Sequence[float] | None = None) -> None:
        """A table with a repeated header row. Columns from `numeric_from` on are right-aligned numbers sized
        to their content; when they don't fit the page they are spread over several tables that repeat the
        columns before them. `widths` (fractions of the page width) fix the widths of a table without numbers.
        `footer` rows and the body rows at `bold_rows` are bold."""
        if caption:
            self.story.append(paragraph(caption, self.styles.label))
        count = len(header) if header else len(rows[0]) if rows else 0
        if not count:
            return
        numeric_from = count if numeric_from is None else numeric_from
        lines = [list(header)] if header else []
        lines += [list(row) for row in rows] + [list(row) for row in footer]
        bold = {i + (1 if header else 0) for i in bold_rows}
        bold |= set(range(len(lines) - len(footer), len(lines)))
        for columns in self._column_groups(lines, numeric_from, widths, header):
            self._table(lines, columns, numeric_from, bool(header), bold)

    def _column_groups(self, lines, numeric_from, widths, header):
        """[(column index, width)] per table: the leading columns share what the numbers leave."""
        if widths:
            return [list(enumerate(self._fit(widths, header)))]
        numbers = [(i, min(self._number_width(lines, i), WIDTH / 3)) for i in range(numeric_from, len(lines[0]))]
        lead_min = 45 * mm if numeric_from else 0
        groups, current, used = [], [], 0.0
        for column in numbers:
            if current and used + column[1] > WIDTH - lead_min:
                groups.append(current)
                current, used = [], 0.0
            current.append(column)
            used += column[1]
        groups.append(current)
        tables = []
        for group in groups:
            rest = (WIDTH - sum(width for _, width in group)) / numeric_from if numeric_from else 0
            tables.append([(i, rest) for i in range(numeric_from)] + group)
        return tables

    def _header_word_width(self, text) -> float:
        head = self.styles.head_cell
        return max((stringWidth(word, head.fontName, head.fontSize) for word in str(text).split()), default=0)

    def _fit(self, fractions, header) -> list[float]:
        """Column widths near the given fractions of the page, each wide enough for the longest word of its
        header (a long word such as "Gesamtzielwert" is not broken); what that adds is taken from the columns
        that have room to spare."""
        widths = [WIDTH * fraction for fraction in fractions]
        if not header:
            return widths
        least = [self._header_word_width(text) + 2 * CELL_PADDING + 2 for text in header]
        widths = [max(width, low) for width, low in zip(widths, least, strict=True)]
        excess, room = sum(widths) - WIDTH, [width - low for width, low in zip(widths, least, strict=True)]
        if excess > 0 and sum(room) > 0:
            share = min(excess / sum(room), 1)
            widths = [width - spare * share for width, spare in zip(widths, room, strict=True)]
        return widths

    def _number_width(self, lines, column) -> float:
        """The widest number of the column or the widest word of its (bold) header, at least NUMBER_MIN."""
        cell = self.styles.cell
        widest = max((stringWidth(str(line[column]), cell.fontName, cell.fontSize) for line in lines[1:]),
                     default=0)
        widest = max(widest, self._header_word_width(lines[0][column]))
        return max(widest + 2 * CELL_PADDING + 2, NUMBER_MIN)

    def _table(self, lines, columns, numeric_from, has_header, bold):
        cell, head = self.styles.cell, self.styles.head_cell
        first_number = next((n for n, (i, _) in enumerate(columns) if i >= numeric_from), len(columns))
        data = []
        for r, line in enumerate(lines):
            heading = has_header and r == 0
            style = head if heading or r in bold else cell
            data.append([paragraph(line[i], self.styles.head_number if heading and n >= first_number
                                   else style) if i < numeric_from or heading else markup(line[i])
                         for n, (i, _) in enumerate(columns)])
        commands = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading),
                    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("ALIGN", (first_number, 0), (-1, -1), "RIGHT")]
        commands += [("FONT", (0, r), (-1, r), head.fontName, cell.fontSize, cell.leading) for r in sorted(bold)]
        table = Table(data, colWidths=[width for _, width in columns], repeatRows=1 if has_header else 0,
                      hAlign="LEFT", spaceBefore=3, spaceAfter=5, splitInRow=1)
        table.setStyle(TableStyle(commands))
        self.story.append(table)

    def time_plan(self, header: Sequence[str], rows: Iterable[tuple[str, str, tuple[float, float] | None]]) -> None:
        """A chart of bars: per row a label, its period range as text and the bar (left %, width %) or None."""
        cell = self.styles.cell
        data = [[paragraph(text, self.styles.head_cell) for text in header]]
        for label, periods, bar in rows:
            data.append([paragraph(label, cell), markup(periods),
                         _Bar(*bar, height=cell.fontSize) if bar else ""])
        table = Table(data, colWidths=[WIDTH * 0.45, WIDTH * 0.12, WIDTH * 0.43], repeatRows=1, hAlign="LEFT",
                      splitInRow=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize, cell.leading)]))
        self.story.append(table)

    def image(self, data: bytes, *, max_width: float, max_height: float) -> None:
        """An image (PNG or JPEG bytes) scaled to fit the box, centred."""
        width, height = ImageReader(io.BytesIO(data)).getSize()
        scale = min(max_width / width, max_height / height, 1)
        self.story.append(Image(io.BytesIO(data), width=width * scale, height=height * scale))

    def space(self, height: float) -> None:
        self.story.append(Spacer(1, height))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def build(self) -> bytes:
        out = io.BytesIO()
        regular = self.styles.body.fontName
        template = _Template(out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_Y,
                             bottomMargin=MARGIN_Y, title=self.title, subject=self.subject, author="Jems",
                             creator="Jems", lang=self.language)
        frame = Frame(MARGIN_X, MARGIN_Y, WIDTH, A4[1] - 2 * MARGIN_Y, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        template.build(self.story, canvasmaker=lambda *a, **k: _NumberedCanvas(*a, footer_font=regular, **k))
        return out.getvalue()
