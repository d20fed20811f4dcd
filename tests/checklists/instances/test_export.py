"""The checklist PDF: its content (read back with pypdf), the API operation and the page's download, the
refusals (404 / 403 / 422) and a fixed number of queries."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.audit.models import AuditEvent
from jems.checklists.instances import export, services
from jems.checklists.instances.answers import AnswerInput
from jems.plugins.models import PluginState
from tests.browser_support import log_in
from tests.checklists.conftest import SCORE, TOGGLE, logged_in, make_checklist
from tests.conftest import PASSWORD, make_user

from .conftest import components

BASE = "/api/checklist/instance/export"


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def finished(assessor, instance):
    """The ALL_KINDS checklist answered and finished."""
    c = components(instance)
    services.update_answers(actor=assessor, instance_id=instance.pk, answers=[
        AnswerInput(c["OPTIONS_TOGGLE"].pk, {"answer": "No", "justification": "Missing letter"}, "a"),
        AnswerInput(c["TEXT_INPUT"].pk, {"explanation": "Ambitious plan"}, "b"),
        AnswerInput(c["SCORE"].pk, {"score": 4, "justification": "Solid approach"}, "c"),
    ])
    return services.change_status(actor=assessor, instance_id=instance.pk, status="FINISHED")


def test_pdf_shows_the_project_checklist_answers_and_total(assessor, project, finished):
    result = export.export_checklist(actor=assessor, project_id=project.pk, checklist_id=finished.pk,
                                     export_language="EN")
    assert result.content_type == "application/pdf" and result.file_name.endswith(f"_{finished.pk}.pdf")
    text = text_of(result.content)
    for expected in (project.acronym, "Quality check", "Finished", assessor.email,
                     finished.finished_date.isoformat(), "Part A", "Eligible?", "Answer: No", "Missing letter",
                     "Comment: Ambitious plan", "Relevance", "Score: 4", "weight 1.5", "Solid approach",
                     "Total score: 6.00"):
        assert expected in text, expected


def test_api_download(api_as, assessor, project, finished):
    response = api_as(assessor).get(f"{BASE}/{project.pk}/{finished.pk}?exportLanguage=EN")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    assert int(response["Content-Length"]) == len(response.content)
    assert "Total score: 6.00" in text_of(response.content)
    actions = list(AuditEvent.objects.filter(action__startswith="PLUGIN_").values_list("action", "project_id"))
    assert actions == [("PLUGIN_EXECUTED", str(project.pk)), ("PLUGIN_CALLED", str(project.pk))]
    standard = f"{BASE}/{project.pk}/{finished.pk}?exportLanguage=DE&pluginKey={export.STANDARD_PLUGIN_KEY}"
    assert api_as(assessor).get(standard).status_code == 200


def test_api_refusals(api_as, assessor, applicant, project, instance):
    url = f"{BASE}/{project.pk}/{instance.pk}?exportLanguage=EN"
    assert api_as(applicant).get(url).status_code == 403
    stranger = api_as(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    assert stranger.get(url).status_code == 404
    api = api_as(assessor)
    assert api.get(f"{BASE}/{project.pk}/{instance.pk + 50}?exportLanguage=EN").status_code == 404
    assert api.get(f"{BASE}/{project.pk + 1}/{instance.pk}?exportLanguage=EN").status_code == 404
    assert api.get(f"{BASE}/{project.pk}/{instance.pk}").status_code == 400
    assert api.get(f"{BASE}/{project.pk}/{instance.pk}?exportLanguage=XX").status_code == 400
    assert api.get(f"{url}&pluginKey=someone-elses-plugin").status_code == 424
    other_type = api.get(f"{url}&pluginKey=jems-pre-condition-check-off")
    assert other_type.status_code == 422 and "pluginKey" in other_type.json()["formErrors"]
    PluginState.objects.create(key=export.STANDARD_PLUGIN_KEY, enabled=False)
    disabled = api.get(url)
    assert disabled.status_code == 422 and disabled.json()["i18nMessage"]["i18nKey"] == "plugin.disabled"


def test_page_button_and_download(assessor, applicant, project, finished):
    page = logged_in(assessor)
    detail = page.get(f"/app/project/detail/{project.pk}/assessmentChecklists/{finished.pk}")
    url = f"/app/project/detail/{project.pk}/assessmentChecklists/{finished.pk}/export"
    assert url in detail.content.decode() and "Download PDF" in detail.content.decode()
    response = page.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Missing letter" in text_of(response.content)
    assert logged_in(applicant).get(url).status_code == 403


def export_queries(api, project, instance) -> int:
    """The queries of one export (after a warm-up request)."""
    url = f"{BASE}/{project.pk}/{instance.pk}?exportLanguage=EN"
    assert api.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert api.get(url).status_code == 200
    return len(queries)


def test_fixed_queries(api_as, assessor, project, open_call):
    counts = []
    for count in (10, 200):
        template = make_checklist(name=f"Long {count}", components=[TOGGLE, SCORE] * (count // 2))
        open_call.checklists.add(template)
        instance = services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
        counts.append(export_queries(api_as(assessor), project, instance))
    assert counts[0] == counts[1]


@pytest.mark.browser
def test_browser_download_pdf(page, axe, assessor, project, finished):
    log_in(page, assessor.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/assessmentChecklists/{finished.pk}")
    axe(page, "checklist page with the PDF download")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert "Total score: 6.00" in text_of(pdf.read())
