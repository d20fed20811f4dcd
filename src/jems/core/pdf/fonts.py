"""The fonts of our PDFs: DejaVu Sans (regular and bold), which covers the Latin, Greek and Cyrillic scripts of
every EU language, embedded as subsets.

The TTF files come from `settings.PDF_FONT_DIR` when it is set, else from the system's font folders (Debian's
fonts-dejavu-core, installed by `make system-deps`). Without them ReportLab's bundled Bitstream Vera is used,
which has no Greek or Cyrillic letters, and a warning is logged.
"""

import logging
from functools import cache
from pathlib import Path

import reportlab
from django.conf import settings
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

logger = logging.getLogger(__name__)

REGULAR = "JemsSans"
BOLD = "JemsSans-Bold"
DEJAVU = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
VERA = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf"}
SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")


class SubsetTTFont(TTFont):
    """A TrueType font whose text encoding takes a short cut: ReportLab maps every character of every line to
    its code in the embedded subset one by one in Python, which is most of the time of a long document. Once
    all characters of a line have their code in the first subset (the usual case: a document uses fewer than
    256 distinct characters), the line is mapped in one `str.translate`; anything else goes the normal way."""

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - ReportLab's name
        state = self.state.get(doc)
        if state is not None and isinstance(text, str) and "\xa0" not in text:
            known = getattr(state, "first_subset", None)
            if known is None or known[0] != len(state.assignments):
                codes = {char: code for char, code in state.assignments.items() if code < 256}
                known = state.first_subset = (len(state.assignments), codes, frozenset(map(chr, codes)))
            if known[2].issuperset(text):
                return [(0, text.translate(known[1]).encode("latin-1"))]
        return super().splitString(text, doc, encoding)


def _find(file_name: str) -> Path | None:
    folders = [settings.PDF_FONT_DIR] if settings.PDF_FONT_DIR else list(SYSTEM_FONT_DIRS)
    for folder in folders:
        root = Path(folder).expanduser()
        if root.is_dir():
            found = next(iter(sorted(root.rglob(file_name))), None)
            if found:
                return found
    return None


@cache
def register() -> tuple[str, str]:
    """Register the regular and bold fonts (once per process) and return their names."""
    paths = {name: _find(file_name) for name, file_name in DEJAVU.items()}
    if not all(paths.values()):
        logger.warning("DejaVu Sans not found (set JEMS_PDF_FONT_DIR or install fonts-dejavu-core): PDFs use "
                       "Bitstream Vera, which cannot show Greek or Cyrillic text")
        bundled = Path(reportlab.__file__).parent / "fonts"
        paths = {name: bundled / file_name for name, file_name in VERA.items()}
    for name, path in paths.items():
        pdfmetrics.registerFont(SubsetTTFont(name, str(path)))
    for italic in (0, 1):
        addMapping(REGULAR, 0, italic, REGULAR)
        addMapping(REGULAR, 1, italic, BOLD)
    return REGULAR, BOLD
