"""ProjectExportApi: exportApplicationForm (PDF) and exportBudget (XLSX through the BUDGET_EXPORT plugin) as
downloads; refusals; a fixed number of queries whatever the number of partners."""

from urllib.parse import quote

import pytest
from django.db import connection
from django.template.defaultfilters import floatformat
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.projects.overviews.conftest import add_partners

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

QUERY = "exportLanguage=EN&inputLanguage=EN&localDateTime=2024-01-31T13:45:00"


def test_application_form_download(api_as, applicant, texts_project):
    project = texts_project[0]
    client = api_as(applicant)
    response = client.get(f"/api/project/{project.pk}/export/application?{QUERY}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Length"] == str(len(response.content))
    name = f"{project.custom_identifier}_GREEN_v1.0_20240131_1345.pdf"
    assert response["Content-Disposition"] == f"attachment; filename*=UTF-8''{quote(name)}"
    text = pdf_text(response.content)
    total = sum(row["totalSum"] for row in client.get(f"/api/project/{project.pk}/budget").json())
    with translation.override("en"):
        assert floatformat(str(round(total, 2)), "2g") in text
    assert "Exported on 2024-01-31 13:45" in text


def test_budget_download(api_as, applicant, texts_project):
    project = texts_project[0]
    response = api_as(applicant).get(f"/api/project/{project.pk}/export/budget?exportLanguage=EN&inputLanguage=EN")
    assert response.status_code == 200 and response.content.startswith(b"PK")  # an XLSX (zip) workbook
    assert response["Content-Disposition"].endswith(".xlsx")


def test_refusals(api_as, applicant, stranger, texts_project):
    project = texts_project[0]
    base = f"/api/project/{project.pk}/export/application"
    assert api_as(stranger).get(f"{base}?{QUERY}").status_code == 404
    client = api_as(applicant)
    assert client.get(f"{base}?{QUERY}&version=7.0").status_code == 404
    assert client.get(f"{base}?exportLanguage=EN&inputLanguage=EN").status_code == 400  # no localDateTime
    assert client.get(f"{base}?{QUERY}".replace("exportLanguage=EN", "exportLanguage=XX")).status_code == 400
    wrong_type = client.get(f"{base}?{QUERY}&pluginKey=standard-budget-export-plugin")
    assert wrong_type.status_code == 422 and wrong_type.json()["i18nMessage"]["i18nKey"] == "plugin.type.invalid"
    assert client.get(f"{base}?{QUERY}&pluginKey=nothing").status_code == 424
    assert api_as().get(f"{base}?{QUERY}").status_code == 401


def _queries(client, project) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/api/project/{project.pk}/export/application?{QUERY}").status_code == 200
    return len(queries)


def test_fixed_query_count(api_as, applicant, texts_project):
    project, _lead, _uni, erdf, _x = texts_project
    client = api_as(applicant)
    _queries(client, project)  # warm-up
    add_partners(project, erdf, 8)
    small = _queries(client, project)
    add_partners(project, erdf, 190, start=11)
    assert _queries(client, project) == small
