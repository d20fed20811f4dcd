"""The Export page: the side navigation links it, it offers the plugins, languages and versions, downloads the
PDF or the budget workbook, shows refusals inline and reads a fixed number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.plugins.models import PluginState
from jems.projects.services import create_version
from tests.conftest import PASSWORD
from tests.projects.overviews.conftest import add_partners

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

FORM = "standard-application-form-export-plugin"


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project) -> str:
    return f"/app/project/detail/{project.pk}/export"


def test_page_and_navigation(applicant, texts_project):
    project = texts_project[0]
    create_version(actor=applicant, project=project)
    response = login(applicant).get(url(project))
    assert response.status_code == 200
    body = response.content.decode()
    assert f'href="{url(project)}"' in body  # the "Export" item of the side navigation
    assert f'value="{FORM}"' in body and 'value="standard-budget-export-plugin"' in body
    assert 'value="2.0"' in body and 'value="1.0"' in body and "2.0 (current)" in body


def test_downloads(applicant, texts_project):
    project = texts_project[0]
    client = login(applicant)
    options = {"export_language": "EN", "input_language": "DE", "version": "1.0"}
    pdf = client.get(url(project), {"plugin_key": FORM, **options})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "attachment;" in pdf["Content-Disposition"] and "Grüne Flüsse" in pdf_text(pdf.content)
    xlsx = client.get(url(project), {"plugin_key": "standard-budget-export-plugin", **options})
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_errors_inline(applicant, stranger, texts_project):
    project = texts_project[0]
    client = login(applicant)
    bad = client.get(url(project), {"plugin_key": FORM, "export_language": "EN", "input_language": "XX",
                                    "version": "9.0"})
    assert bad.status_code == 422
    body = bad.content.decode()
    assert 'aria-describedby="export_input_language_error"' in body
    assert "export_version_error" in body
    PluginState.objects.create(key=FORM, enabled=False)
    refused = client.get(url(project), {"plugin_key": FORM, "export_language": "EN", "input_language": "EN",
                                        "version": "1.0"})
    assert refused.status_code == 422 and "export_plugin_key_error" in refused.content.decode()  # no longer offered
    assert login(stranger).get(url(project)).status_code == 404


def test_fixed_query_count(applicant, texts_project):
    project, _lead, _uni, erdf, _x = texts_project
    client = login(applicant)
    client.get(url(project))
    add_partners(project, erdf, 8)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url(project)).status_code == 200
    add_partners(project, erdf, 190, start=11)
    with CaptureQueriesContext(connection) as big:
        assert client.get(url(project)).status_code == 200
    assert len(big) == len(small)
