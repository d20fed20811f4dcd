"""The hand-checked budget project of the overview tests, reused for the exports, and a PDF text reader."""

import io

import pytest
from pypdf import PdfReader

from tests.projects.overviews.conftest import budget_fields, funds, small_project, stranger  # noqa: F401, F811


def pdf_text(content: bytes) -> str:
    """All the extractable text of a PDF."""
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def texts_project(small_project):  # noqa: F811
    """The small project with a title and summary in Latin, Greek and Cyrillic script (EN and DE)."""
    project = small_project[0]
    project.title = {"EN": "Green rivers – Πράσινα ποτάμια – Зелёные реки", "DE": "Grüne Flüsse"}
    project.intro = {"EN": "Summary in English", "DE": "Zusammenfassung auf Deutsch"}
    project.save(update_fields=["title", "intro"])
    return small_project
