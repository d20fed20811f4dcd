"""ProjectPartnerApi over HTTP: every served operation, refusals, versions and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

LEAD = {"abbreviation": "CITY", "role": "LEAD_PARTNER", "nameInOriginalLanguage": "Stadt Graz",
        "nameInEnglish": "City of Graz", "department": [{"language": "EN", "translation": "Environment"}],
        "partnerType": "LocalPublicAuthority", "nace": "O_84_1", "vatRecovery": "No", "pic": "123456789"}


def test_create_get_update_delete(api_as, applicant, project):
    client = api_as(applicant)
    response = client.post(f"/api/project/partner/toProjectId/{project.pk}", LEAD)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["abbreviation"] == "CITY" and body["sortNumber"] == 1 and body["active"] is True
    assert body["department"] == [{"language": "EN", "translation": "Environment"}]
    assert body["partnerSubType"] is None and body["legalStatusId"] is None and body["motivation"] is None
    assert body["addresses"] == [] and body["contacts"] == [] and body["nace"] == "O_84_1"
    pid = body["id"]
    second = client.post(f"/api/project/partner/toProjectId/{project.pk}",
                         {"abbreviation": "UNI", "role": "PARTNER"}).json()
    assert second["sortNumber"] == 2
    got = client.get(f"/api/project/partner/{pid}").json()
    assert got == body
    updated = client.put("/api/project/partner", {**LEAD, "id": second["id"], "abbreviation": "UNI",
                                                  "role": "LEAD_PARTNER"})
    assert updated.status_code == 200 and updated.json()["sortNumber"] == 1
    assert client.get(f"/api/project/partner/{pid}").json()["role"] == "PARTNER"
    assert client.delete(f"/api/project/partner/{pid}").status_code == 200
    assert client.get(f"/api/project/partner/{pid}").status_code == 404


def test_lists_and_versions(api_as, applicant, project):
    client = api_as(applicant)
    lead = client.post(f"/api/project/partner/toProjectId/{project.pk}", LEAD).json()
    client.put(f"/api/project/partner/{lead['id']}/address", [
        {"type": "Organization", "country": "Österreich (AT)", "countryCode": "AT", "nutsRegion3": "Graz (AT221)",
         "nutsRegion3Code": "AT221", "city": "Graz"}])
    client.post(f"/api/project/partner/toProjectId/{project.pk}", {"abbreviation": "UNI", "role": "PARTNER"})
    page = client.get(f"/api/project/partner/byProjectId/{project.pk}").json()
    assert page["totalElements"] == 2 and page["size"] == 20
    first = page["content"][0]
    assert first["totalBudget"] == 0
    assert first["partnerSummary"] == {"id": lead["id"], "abbreviation": "CITY", "institutionName": "Stadt Graz",
                                       "active": True, "role": "LEAD_PARTNER", "sortNumber": 1,
                                       "country": "Österreich (AT)", "region": "Graz (AT221)", "currencyCode": None}
    by_abbr = client.get(f"/api/project/partner/byProjectId/{project.pk}?sort=abbreviation,desc&size=1").json()
    assert [c["partnerSummary"]["abbreviation"] for c in by_abbr["content"]] == ["UNI"]
    assert by_abbr["totalPages"] == 2
    assert client.get(f"/api/project/partner/byProjectId/{project.pk}?sort=nope").status_code == 422
    dropdown = client.get(f"/api/project/partner/byProjectId/{project.pk}/ids").json()
    assert [d["abbreviation"] for d in dropdown] == ["CITY", "UNI"]
    create_version(actor=applicant, project=project)
    client.put("/api/project/partner", {**LEAD, "id": lead["id"], "abbreviation": "TOWN"})
    old = client.get(f"/api/project/partner/{lead['id']}?version=1.0").json()
    assert old["abbreviation"] == "CITY"
    assert client.get(f"/api/project/partner/{lead['id']}").json()["abbreviation"] == "TOWN"
    old_list = client.get(f"/api/project/partner/byProjectId/{project.pk}/ids?version=1.0").json()
    assert [d["abbreviation"] for d in old_list] == ["CITY", "UNI"]
    assert client.get(f"/api/project/partner/byProjectId/{project.pk}?version=7.0").status_code == 404


def test_tabs(api_as, applicant, project):
    client = api_as(applicant)
    pid = client.post(f"/api/project/partner/toProjectId/{project.pk}", LEAD).json()["id"]
    response = client.put(f"/api/project/partner/{pid}/address", [
        {"type": "Organization", "city": "Graz", "street": "Hauptplatz"}, {"type": "Department", "city": "Wien"}])
    assert response.status_code == 200
    addresses = response.json()["addresses"]
    assert [a["type"] for a in addresses] == ["Department", "Organization"]
    assert addresses[1]["street"] == "Hauptplatz" and addresses[1]["homepage"] is None
    response = client.put(f"/api/project/partner/{pid}/contact", [
        {"type": "LegalRepresentative", "title": "Dr.", "firstName": "Eva", "lastName": "Berger",
         "email": "eva@example.org", "telephone": "+43-316"}])
    assert response.status_code == 200
    assert response.json()["contacts"] == [{"type": "LegalRepresentative", "title": "Dr.", "firstName": "Eva",
                                            "lastName": "Berger", "email": "eva@example.org",
                                            "telephone": "+43-316"}]
    response = client.put(f"/api/project/partner/{pid}/motivation", {
        "organizationRelevance": [{"language": "EN", "translation": "Experienced city"}],
        "organizationRole": [], "organizationExperience": [{"language": "DE", "translation": "Viel"}]})
    assert response.status_code == 200
    assert response.json()["motivation"] == {
        "organizationRelevance": [{"language": "EN", "translation": "Experienced city"}],
        "organizationRole": [], "organizationExperience": [{"language": "DE", "translation": "Viel"}]}


def test_refusals(api_as, applicant, project):
    client = api_as(applicant)
    pid = client.post(f"/api/project/partner/toProjectId/{project.pk}", LEAD).json()["id"]
    response = client.post(f"/api/project/partner/toProjectId/{project.pk}", {**LEAD, "abbreviation": "X" * 16,
                                                                              "department": [
                                                                                  {"language": "EN",
                                                                                   "translation": "d" * 251}]})
    assert response.status_code == 422
    errors = response.json()["formErrors"]
    assert set(errors) == {"abbreviation", "department.language.en"}
    assert client.post(f"/api/project/partner/toProjectId/{project.pk}",
                       {**LEAD, "nace": "NOT_A_CODE"}).status_code == 400
    assert client.put("/api/project/partner", {**LEAD}).status_code == 422  # no id
    assert client.put(f"/api/project/partner/{pid}/address", [{"type": "Organization", "city": "c" * 51}]
                      ).json()["formErrors"] == {"addresses[0].city": {
                          "i18nKey": "common.error.field.max.length",
                          "i18nArguments": {"actualLength": "51", "requiredLength": "50"}}}
    assert client.put(f"/api/project/partner/{pid}/contact", [{"type": "ContactPerson", "email": "x"}]
                      ).status_code == 422
    assert client.put(f"/api/project/partner/{pid}/deactivate").status_code == 422
    stranger = api_as(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    assert stranger.get(f"/api/project/partner/{pid}").status_code == 404
    assert stranger.get(f"/api/project/partner/byProjectId/{project.pk}").status_code == 404
    assert stranger.post(f"/api/project/partner/toProjectId/{project.pk}", LEAD).status_code == 404
    assert stranger.delete(f"/api/project/partner/{pid}").status_code == 404
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    as_viewer = api_as(viewer)
    assert as_viewer.get(f"/api/project/partner/{pid}").status_code == 200
    assert as_viewer.put(f"/api/project/partner/{pid}/motivation", {}).status_code == 403
    assert as_viewer.put(f"/api/project/partner/{pid}/deactivate").status_code == 403
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    response = client.put(f"/api/project/partner/{pid}/contact", [])
    assert response.status_code == 422 and response.json()["i18nMessage"]["i18nKey"] == "project.status.not.modifiable"
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    assert client.put(f"/api/project/partner/{pid}/deactivate").status_code == 200
    assert client.get(f"/api/project/partner/{pid}").json()["active"] is False
    assert client.get("/api/project/partner/999999").status_code == 404


def _fill(project, count):
    ProjectPartner.objects.bulk_create([ProjectPartner(project=project, role=PartnerRole.PARTNER,
                                                       abbreviation=f"P{i}", sort_number=i + 1)
                                        for i in range(count)])


@pytest.mark.parametrize("path", ["/api/project/partner/byProjectId/{}", "/api/project/partner/byProjectId/{}/ids"])
def test_query_count_does_not_grow(api_as, applicant, project, path):
    client = api_as(applicant)
    _fill(project, 1)
    client.get(path.format(project.pk))
    with CaptureQueriesContext(connection) as one:
        assert client.get(path.format(project.pk)).status_code == 200
    ProjectPartner.objects.filter(project=project).delete()
    _fill(project, 20)
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(path.format(project.pk))
    assert response.status_code == 200
    assert len(one.captured_queries) == len(twenty.captured_queries)
