"""Section C pages: render, save, inline errors keep input, tables without JS, read-only cases, hidden fields."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.calls.form_config.models import FieldConfiguration
from jems.projects import services as project_services
from jems.projects.description import queries, services
from jems.projects.description.queries import FIELD_IDS
from jems.projects.models import Project
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PAGES = ("applicationFormOverallObjective", "applicationFormRelevanceAndContext", "applicationFormPartnership",
         "applicationFormManagement", "applicationFormFuturePlans")


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project, page):
    return f"/app/project/detail/{project.pk}/{page}"


def data(applicant, project):
    return queries.get_description(actor=applicant, project_id=project.pk)[3]


def test_pages_render_and_nav_links(project, applicant):
    client = login(applicant)
    for page in PAGES:
        response = client.get(url(project, page))
        assert response.status_code == 200, page
        assert b"Save changes" in response.content
        assert url(project, "applicationFormManagement").encode() in response.content  # side navigation link


def test_texts_pages_save_and_errors(project, applicant):
    client = login(applicant)
    response = client.post(url(project, PAGES[0]), {"overallObjective_0": "Ziel", "overallObjective_1": "Goal"})
    assert response.status_code == 302
    assert data(applicant, project)["c1"]["overallObjective"] == {"DE": "Ziel", "EN": "Goal"}
    bad = client.post(url(project, PAGES[0]), {"overallObjective_1": "x" * 501})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content and ("x" * 501).encode() in bad.content
    assert client.post(url(project, PAGES[2]), {"partnership_1": "Six"}).status_code == 302
    assert client.post(url(project, PAGES[4]), {"projectOwnership_1": "Cities"}).status_code == 302
    description = data(applicant, project)
    assert description["c3"]["partnership"] == {"EN": "Six"} and description["c8"]["projectOwnership"] == {
        "EN": "Cities"}


def test_management_page(project, applicant):
    client = login(applicant)
    response = client.post(url(project, PAGES[3]), {
        "projectCoordination_1": "Lead", "projectJointStaffing": "on", "projectJointStaffingDescription_1": "Shared",
        "sexualEqualityEffect": "Neutral"})
    assert response.status_code == 302
    c7 = data(applicant, project)["c7"]
    assert c7["projectCoordination"] == {"EN": "Lead"} and c7["projectCooperationCriteria"]["projectJointStaffing"]
    assert c7["projectHorizontalPrinciples"]["sexualEqualityEffect"] == "Neutral"
    bad = client.post(url(project, PAGES[3]), {"projectQualityAssurance_0": "y" * 5001})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content


def test_relevance_tables_without_js(project, applicant):
    client = login(applicant)
    page = url(project, PAGES[1])
    response = client.post(page, {"action": "add:projectBenefits", "projectBenefits-count": "0",
                                  "territorialChallenge_1": "Floods"})
    assert response.status_code == 200 and b'name="projectBenefits-0-group"' in response.content
    assert b"Floods" in response.content
    response = client.post(page, {"action": "save", "projectBenefits-count": "2", "territorialChallenge_1": "Floods",
                                  "projectBenefits-0-group": "Sme", "projectBenefits-0-specification_1": "SMEs",
                                  "projectBenefits-1-group": "Hospitals", "projectSynergies-count": "1",
                                  "projectSynergies-0-synergy_1": "Interreg", "projectStrategies-count": "1",
                                  "projectStrategies-0-strategy": "Other"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    c2 = data(applicant, project)["c2"]
    assert c2["territorialChallenge"] == {"EN": "Floods"}
    assert c2["projectBenefits"] == [{"group": "Sme", "specification": {"EN": "SMEs"}},
                                     {"group": "Hospitals", "specification": {}}]
    assert c2["projectStrategies"] == [{"strategy": "Other", "specification": {}}]
    shown = client.get(page)
    assert b'name="projectBenefits-1-group"' in shown.content and b"remove:projectBenefits:1" in shown.content
    removed = client.post(page, {"action": "remove:projectBenefits:0", "projectBenefits-count": "2",
                                 "projectBenefits-0-group": "Sme", "projectBenefits-1-group": "Hospitals"})
    assert removed.status_code == 200 and b'name="projectBenefits-1-group"' not in removed.content
    assert b'<option value="Hospitals" selected>' in removed.content
    bad = client.post(page, {"action": "save", "projectBenefits-count": "1", "projectBenefits-0-group": "Sme",
                             "projectBenefits-0-specification_1": "z" * 2001})
    assert bad.status_code == 422 and ("z" * 2001).encode() in bad.content and b'aria-invalid="true"' in bad.content
    too_many = {"action": "save", "projectBenefits-count": "21"} | {
        f"projectBenefits-{i}-group": "Sme" for i in range(21)}
    response = client.post(page, too_many)
    assert response.status_code == 422 and b"at most 20 rows" in response.content


def test_read_only_cases(project, applicant, viewer):
    client = login(viewer)
    for page in PAGES:
        response = client.get(url(project, page))
        assert response.status_code == 200 and b"Save changes" not in response.content and b"disabled" in (
            response.content)
        assert client.post(url(project, page), {}).status_code == 403
    services.update_overall_objective(actor=applicant, project_id=project.pk, data={"overallObjective": {"EN": "v1"}})
    project_services.create_version(actor=applicant, project=project)
    services.update_overall_objective(actor=applicant, project_id=project.pk, data={"overallObjective": {"EN": "v2"}})
    owner = login(applicant)
    old = owner.get(url(project, PAGES[0]) + "?version=1.0")
    assert old.status_code == 200 and b"v1" in old.content and b"Save changes" not in old.content
    assert owner.get(url(project, PAGES[0]) + "?version=5.0").status_code == 404
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    assert b"Save changes" not in owner.get(url(project, PAGES[3])).content


def test_stranger_gets_404(project, stranger):
    client = login(stranger)
    for page in PAGES:
        assert client.get(url(project, page)).status_code == 404


def test_hidden_fields_are_not_shown(project, applicant, open_call):
    """NONE hides a field; STEP_TWO_ONLY hides it in step 1. Hidden values are kept on save."""
    configs = FieldConfiguration.objects.filter(call=open_call)
    configs.filter(field_id=FIELD_IDS["PROJECT_OVERALL_OBJECTIVE"]).update(visibility="NONE")
    for name in ("PROJECT_TERRITORIAL_CHALLENGES", "PROJECT_SYNERGIES", "PROJECT_HORIZONTAL_PRINCIPLES"):
        configs.filter(field_id=FIELD_IDS[name]).update(visibility="STEP_TWO_ONLY")
    services.update_relevance(actor=applicant, project_id=project.pk,
                              data={"territorialChallenge": {"EN": "kept"}})
    client = login(applicant)
    c1 = client.get(url(project, PAGES[0]))
    assert b"overallObjective" not in c1.content and b"Save changes" not in c1.content
    assert b"territorialChallenge" in client.get(url(project, PAGES[1])).content  # one-step project: shown
    Project.objects.filter(pk=project.pk).update(status="STEP1_DRAFT")
    page = client.get(url(project, PAGES[1]))
    assert b"territorialChallenge" not in page.content and b"projectSynergies" not in page.content
    assert b"commonChallenge" in page.content
    assert b"sexualEqualityEffect" not in client.get(url(project, PAGES[3])).content
    assert client.post(url(project, PAGES[1]), {"action": "save", "commonChallenge_1": "new"}).status_code == 302
    c2 = data(applicant, project)["c2"]
    assert c2["territorialChallenge"] == {"EN": "kept"} and c2["commonChallenge"] == {"EN": "new"}


def _page_queries(client, project, applicant, rows):
    services.update_relevance(actor=applicant, project_id=project.pk, data={
        "projectBenefits": [{"group": "Sme", "specification": {"EN": "s"}}] * rows})
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(project, PAGES[1])).status_code == 200
    return len(captured)


def test_page_query_counts(project, applicant):
    client = login(applicant)
    client.get(url(project, PAGES[1]))  # warm caches
    one = _page_queries(client, project, applicant, 1)
    twenty = _page_queries(client, project, applicant, 20)
    assert one == twenty, (one, twenty)
    print("C.2 page queries:", one)


def test_programme_user_reads_only(project, programme_user, api_as):
    client = login(programme_user)
    response = client.get(url(project, PAGES[1]))
    assert response.status_code == 200 and b"Save changes" not in response.content
    assert b"Add row" not in response.content
    assert api_as(programme_user).put(f"/api/project/{project.pk}/description/c1", {}).status_code == 403
