"""ProjectAssociatedOrganizationApi over HTTP: every operation, refusals, versions and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.associations.models import AssociatedOrganization
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(project):
    return ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="LP",
                                         sort_number=1, name_in_original_language="Stadt Graz")


def body(partner, **extra):
    return {"partnerId": partner.pk, "nameInOriginalLanguage": "Wirtschaftskammer",
            "nameInEnglish": "Chamber of Commerce",
            "address": {"street": "Hauptplatz", "houseNumber": "1", "postalCode": "8010", "city": "Graz"},
            "contacts": [{"type": "LegalRepresentative", "firstName": "Eva", "lastName": "Muster",
                          "email": "eva@example.org", "telephone": "+43316"}],
            "roleDescription": [{"language": "EN", "translation": "Spreads the results"}], **extra}


def test_create_get_update_list_delete(api_as, applicant, project, partner):
    client = api_as(applicant)
    response = client.post(f"/api/project/{project.pk}/organization", body(partner))
    assert response.status_code == 200, response.content
    created = response.json()
    assert created["sortNumber"] == 1 and created["active"] is True
    assert created["partner"]["abbreviation"] == "LP" and created["partner"]["role"] == "LEAD_PARTNER"
    assert created["address"]["city"] == "Graz" and created["address"]["countryCode"] is None
    assert created["contacts"][0]["lastName"] == "Muster"
    assert created["roleDescription"] == [{"language": "EN", "translation": "Spreads the results"}]
    oid = created["id"]
    assert client.get(f"/api/project/{project.pk}/organization/{oid}").json() == created
    updated = client.put(f"/api/project/{project.pk}/organization",
                         body(partner, id=oid, nameInEnglish=None, address=None, contacts=[]))
    assert updated.status_code == 200, updated.content
    assert updated.json()["nameInEnglish"] is None and updated.json()["address"] is None
    page = client.get(f"/api/project/{project.pk}/organization").json()
    assert page["totalElements"] == 1
    assert page["content"] == [{"id": oid, "active": True, "partnerAbbreviation": "LP",
                                "nameInOriginalLanguage": "Wirtschaftskammer", "nameInEnglish": None,
                                "sortNumber": 1}]
    deleted = client.delete(f"/api/project/{project.pk}/organization/{oid}")
    assert deleted.status_code == 200 and deleted.content == b""
    assert client.get(f"/api/project/{project.pk}/organization/{oid}").status_code == 404


def test_errors(api_as, applicant, project, partner):
    client = api_as(applicant)
    response = client.post(f"/api/project/{project.pk}/organization",
                           body(partner, nameInOriginalLanguage="", partnerId=999999))
    assert response.status_code == 422
    fields = response.json()["formErrors"]
    assert fields["partnerId"]["i18nKey"] == "project.associated.organization.partner.not.of.project"
    assert fields["nameInOriginalLanguage"]["i18nKey"] == "project.associated.organization.name.should.not.be.empty"
    assert client.post(f"/api/project/{project.pk}/organization",
                       body(partner, partnerId=2**70)).status_code in (400, 422)
    assert client.put(f"/api/project/{project.pk}/organization", body(partner)).status_code == 422  # no id
    assert client.get(f"/api/project/{project.pk}/organization/{2**70}").status_code in (400, 404)
    assert client.post(f"/api/project/{project.pk}/organization", {"name": "x"}).status_code in (400, 422)
    assert client.get(f"/api/project/{project.pk}/organization/999999").status_code == 404
    assert client.get(f"/api/project/{project.pk}/organization?sort=bogus,asc").status_code in (400, 422)


def test_refusals(api_as, applicant, project, partner):
    oid = api_as(applicant).post(f"/api/project/{project.pk}/organization", body(partner)).json()["id"]
    other = api_as(make_user("other@example.org", APPLICANT_USER_ROLE_ID))
    assert other.get(f"/api/project/{project.pk}/organization").status_code == 404
    assert other.get(f"/api/project/{project.pk}/organization/{oid}").status_code == 404
    assert other.post(f"/api/project/{project.pk}/organization", body(partner)).status_code == 404
    viewer_user = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer_user, level=CollaboratorLevel.VIEW)
    viewer = api_as(viewer_user)
    assert viewer.get(f"/api/project/{project.pk}/organization/{oid}").status_code == 200
    assert viewer.put(f"/api/project/{project.pk}/organization", body(partner, id=oid)).status_code == 403
    assert viewer.delete(f"/api/project/{project.pk}/organization/{oid}").status_code == 403
    assert viewer.put(f"/api/project/{project.pk}/organization/{oid}/deactivate").status_code == 403


def test_deactivate(api_as, applicant, project, partner):
    client = api_as(applicant)
    oid = client.post(f"/api/project/{project.pk}/organization", body(partner)).json()["id"]
    refused = client.put(f"/api/project/{project.pk}/organization/{oid}/deactivate")
    assert refused.status_code == 422
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    assert client.delete(f"/api/project/{project.pk}/organization/{oid}").status_code == 422
    done = client.put(f"/api/project/{project.pk}/organization/{oid}/deactivate")
    assert done.status_code == 200 and done.content == b""
    assert client.get(f"/api/project/{project.pk}/organization/{oid}").json()["active"] is False


def test_versions(api_as, applicant, project, partner):
    client = api_as(applicant)
    oid = client.post(f"/api/project/{project.pk}/organization", body(partner)).json()["id"]
    create_version(actor=applicant, project=project)
    client.put(f"/api/project/{project.pk}/organization", body(partner, id=oid, nameInOriginalLanguage="Neu"))
    old = client.get(f"/api/project/{project.pk}/organization/{oid}?version=1.0").json()
    assert old["nameInOriginalLanguage"] == "Wirtschaftskammer"
    old_page = client.get(f"/api/project/{project.pk}/organization?version=1.0").json()
    assert old_page["content"][0]["nameInOriginalLanguage"] == "Wirtschaftskammer"
    assert client.get(f"/api/project/{project.pk}/organization?version=7.0").status_code == 404


def test_list_query_count(api_as, applicant, project, partner):
    client = api_as(applicant)

    def add(n):
        AssociatedOrganization.objects.bulk_create([
            AssociatedOrganization(project=project, partner=partner, name_in_original_language=f"O{i}",
                                   sort_number=i) for i in range(n)])

    add(1)
    client.get(f"/api/project/{project.pk}/organization")
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/api/project/{project.pk}/organization").status_code == 200
    add(19)
    with CaptureQueriesContext(connection) as twenty:
        assert client.get(f"/api/project/{project.pk}/organization").json()["totalElements"] == 20
    assert len(one) == len(twenty)
