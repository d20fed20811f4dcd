"""Programme data export: the background job, its files (projects and partners), ProgrammeDataExportApi,
the page, refusals and plugin state."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from jems.audit.models import AuditEvent
from jems.plugins.models import PluginState
from jems.plugins.registry import manager
from jems.programme.exports.data import PARTNERS_PLUGIN_KEY, PROJECTS_PLUGIN_KEY
from jems.programme.exports.models import ProgrammeDataExport
from tests.programme.conftest import logged_in

pytestmark = pytest.mark.django_db

EXPORT = "/api/programme/export"


def rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return list(sheet.iter_rows(values_only=True))


def start(api, plugin=PROJECTS_PLUGIN_KEY, export_language="EN", input_language="EN"):
    query = f"exportLanguage={export_language}&inputLanguage={input_language}"
    if plugin:
        query += f"&pluginKey={plugin}"
    return api.post(f"{EXPORT}?{query}")


def test_projects_export_runs_and_lists_projects(api_as, programme_user, small_project,
                                                 django_capture_on_commit_callbacks):
    project = small_project[0]
    api = api_as(programme_user)
    with django_capture_on_commit_callbacks(execute=True):
        assert start(api).status_code == 200
    [meta] = api.get(f"{EXPORT}/list").json()
    assert meta["pluginKey"] == PROJECTS_PLUGIN_KEY and meta["readyToDownload"] is True
    assert meta["failed"] is False and meta["timedOut"] is False and meta["fileName"].startswith("projects_")
    assert meta["exportLanguage"] == "EN" and meta["exportationTimeInSeconds"] is not None
    response = api.get(f"{EXPORT}/download", pluginKey=PROJECTS_PLUGIN_KEY)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    header, *data = rows(response.content)
    assert header[:3] == ("Project ID", "Custom identifier", "Acronym")
    assert [(r[0], r[2]) for r in data] == [(project.pk, project.acronym)]
    assert Decimal(str(data[0][-1])) == Decimal("23738.52") and data[0][-2] == 2
    actions = list(AuditEvent.objects.filter(action__in=["PLUGIN_CALLED", "PLUGIN_EXECUTED"])
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["PLUGIN_CALLED", "PLUGIN_EXECUTED"]


def test_partners_export_lists_partners(api_as, programme_user, small_project, django_capture_on_commit_callbacks):
    project = small_project[0]
    api = api_as(programme_user)
    with django_capture_on_commit_callbacks(execute=True):
        assert start(api, PARTNERS_PLUGIN_KEY, "DE", "EN").status_code == 200
    response = api.get(f"{EXPORT}/download", pluginKey=PARTNERS_PLUGIN_KEY)
    _header, *data = rows(response.content)
    assert [(r[0], r[3], r[4], Decimal(str(r[-1]))) for r in data] == [
        (project.pk, "LP1", "CITY", Decimal("20265.74")), (project.pk, "PP2", "UNI", Decimal("3472.78"))]


def test_refusals(api_as, applicant, programme_user, small_project, django_capture_on_commit_callbacks):
    denied = api_as(applicant)
    assert start(denied).status_code == 403
    assert denied.get(f"{EXPORT}/list").status_code == 403
    assert denied.get(f"{EXPORT}/download").status_code == 403
    assert api_as().get(f"{EXPORT}/list").status_code == 401
    api = api_as(programme_user)
    assert api.get(f"{EXPORT}/download").status_code == 404  # nothing exported yet
    unknown = start(api, "no-such-plugin")
    assert unknown.status_code == 422 and "pluginKey" in unknown.json()["formErrors"]
    assert start(api, export_language="XX").status_code == 400  # not a SystemLanguage: unreadable request
    assert start(api, "jems-pre-condition-check-off").status_code == 422  # another plugin type
    PluginState.objects.create(key=PARTNERS_PLUGIN_KEY, enabled=False)
    disabled = start(api, PARTNERS_PLUGIN_KEY)
    assert disabled.status_code == 422
    assert disabled.json()["formErrors"]["pluginKey"]["i18nKey"] == "programme.data.export.plugin.disabled"
    assert not ProgrammeDataExport.objects.exists()


def test_one_run_per_plugin_at_a_time(api_as, programme_user, small_project):
    api = api_as(programme_user)
    assert start(api).status_code == 200  # on_commit not executed: the run stays in progress
    busy = start(api)
    assert busy.status_code == 422 and busy.json()["i18nMessage"]["i18nKey"] == "programme.data.export.in.progress"
    assert start(api, PARTNERS_PLUGIN_KEY).status_code == 200
    [partners, projects] = api.get(f"{EXPORT}/list").json()
    assert projects["readyToDownload"] is False and projects["fileName"] is None
    ProgrammeDataExport.objects.update(request_time=timezone.now() - timedelta(hours=2))
    assert all(meta["timedOut"] for meta in api.get(f"{EXPORT}/list").json())
    assert start(api).status_code == 200  # a timed-out run no longer blocks


def test_failing_plugin_marks_the_run_failed(api_as, programme_user, monkeypatch,
                                             django_capture_on_commit_callbacks):
    def broken(**_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(manager.get_plugin(PROJECTS_PLUGIN_KEY), "build", broken)
    api = api_as(programme_user)
    with django_capture_on_commit_callbacks(execute=True):
        assert start(api).status_code == 200
    [meta] = api.get(f"{EXPORT}/list").json()
    assert meta["failed"] is True and meta["readyToDownload"] is False
    assert api.get(f"{EXPORT}/download").status_code == 404
    assert AuditEvent.objects.filter(action="PLUGIN_EXECUTED", description__contains="boom").exists()


def test_page_starts_export_and_downloads(programme_user, small_project, django_capture_on_commit_callbacks):
    client = logged_in(programme_user)
    page = client.get("/app/programme/export")
    assert page.status_code == 200
    assert b'href="/app/programme/export" aria-current="page"' in page.content
    assert b"No exports yet." in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/app/programme/export", {"plugin_key": PARTNERS_PLUGIN_KEY, "export_language": "EN",
                                                          "input_language": "EN"})
    assert response.status_code == 302
    page = client.get("/app/programme/export")
    run = ProgrammeDataExport.objects.get()
    assert f"/app/programme/export/{run.pk}/download".encode() in page.content
    assert b"hx-trigger" not in page.content  # nothing in progress: no polling
    download = client.get(f"/app/programme/export/{run.pk}/download")
    assert download.status_code == 200 and rows(download.content)[1][4] == "CITY"


def test_page_polls_while_running_and_shows_errors_inline(programme_user, small_project):
    client = logged_in(programme_user)
    data = {"plugin_key": PROJECTS_PLUGIN_KEY, "export_language": "EN", "input_language": "EN"}
    assert client.post("/app/programme/export", data).status_code == 302  # on_commit not run: in progress
    page = client.get("/app/programme/export")
    assert b'hx-trigger="every 2s"' in page.content and b"In progress" in page.content
    assert b"In progress" in client.get("/app/programme/export/runs").content
    again = client.post("/app/programme/export", data)
    assert again.status_code == 200
    assert b'aria-describedby="id_plugin_key_error"' in again.content
    assert b"still running" in again.content


def test_page_refusals(applicant, small_project):
    client = logged_in(applicant)
    assert client.get("/app/programme/export").status_code == 403
    assert client.get("/app/programme/export/runs").status_code == 403
    assert client.get("/app/programme/export/1/download").status_code == 403
