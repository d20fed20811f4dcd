"""B.1 pages: list, create, the four tabs, read-only rendering, versions, inline errors and query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.nuts.models import NutsRegion
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners import services
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def base(project):
    return f"/app/project/detail/{project.pk}/applicationFormPartner"


def test_create_and_tabs(applicant, project):
    client = login(applicant)
    page = client.get(base(project))
    assert page.status_code == 200 and b"Add new partner" in page.content
    assert client.get(f"{base(project)}/create").status_code == 200
    response = client.post(f"{base(project)}/create", {"abbreviation": "CITY", "role": "LEAD_PARTNER",
                                                       "name_in_original_language": "Stadt Graz",
                                                       "department_0": "Umwelt", "nace": "O_84_1"})
    partner = ProjectPartner.objects.get(project=project)
    assert response.status_code == 302 and response["Location"].endswith(f"/{partner.pk}/identity")
    assert partner.department == {"DE": "Umwelt"} and partner.nace == "O_84_1"
    assert b"CITY" in client.get(base(project)).content
    at = NutsRegion.objects.get_or_create(code="AT", defaults={"name": "Österreich", "level": 0})[0]
    at2 = NutsRegion.objects.get_or_create(code="AT22", defaults={"name": "Steiermark", "level": 2})[0]
    graz = NutsRegion.objects.get_or_create(code="AT221", defaults={"name": "Graz", "level": 3, "parent": at2})[0]
    url = f"{base(project)}/{partner.pk}"
    assert client.get(f"{url}/region").status_code == 200
    response = client.post(f"{url}/region", {"org_country_code": "AT", "org_nuts_region3_code": "AT221",
                                             "org_city": "Graz"})
    assert response.status_code == 302
    address = partner.addresses.get()
    assert (address.country, address.nuts_region3, address.city) == (f"{at.name} (AT)", f"{graz.name} (AT221)", "Graz")
    response = client.post(f"{url}/contact", {"contact_first_name": "Eva", "contact_email": "eva@example.org"})
    assert response.status_code == 302 and partner.contacts.get().first_name == "Eva"
    response = client.post(f"{url}/motivation", {"organization_relevance_1": "Relevant"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.organization_relevance == {"EN": "Relevant"}


def test_inline_errors_keep_input(applicant, project):
    client = login(applicant)
    services.create_partner(actor=applicant, project_id=project.pk,
                            data=services.PartnerIdentity(abbreviation="LP", role=PartnerRole.LEAD_PARTNER))
    response = client.post(f"{base(project)}/create", {"abbreviation": "lp", "role": "PARTNER",
                                                       "name_in_english": "Kept input"})
    assert response.status_code == 422
    assert b"Another partner of this project has this abbreviation." in response.content
    assert b"Kept input" in response.content
    partner = ProjectPartner.objects.get(project=project)
    response = client.post(f"{base(project)}/{partner.pk}/contact", {"legal_telephone": "call me"})
    assert response.status_code == 422 and b"Use only digits" in response.content


def test_read_only_for_viewer_and_versions(applicant, project):
    partner = services.create_partner(actor=applicant, project_id=project.pk, data=services.PartnerIdentity(
        abbreviation="OLD", role=PartnerRole.LEAD_PARTNER))
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    client = login(viewer)
    page = client.get(base(project))
    assert page.status_code == 200 and b"Add new partner" not in page.content
    for tab in ("identity", "region", "contact", "motivation"):
        page = client.get(f"{base(project)}/{partner.pk}/{tab}")
        assert page.status_code == 200 and b"read-only" in page.content and b"Save changes" not in page.content
    assert client.post(f"{base(project)}/{partner.pk}/motivation", {}).status_code == 403
    assert client.get(f"{base(project)}/create").status_code == 403
    stranger = login(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    assert stranger.get(base(project)).status_code == 404
    assert stranger.get(f"{base(project)}/{partner.pk}/identity").status_code == 404
    owner = login(applicant)
    assert owner.get(f"{base(project)}/999999/identity").status_code == 404
    create_version(actor=applicant, project=project)
    services.update_partner(actor=applicant, partner_id=partner.pk, data=services.PartnerIdentity(
        abbreviation="NEW", role=PartnerRole.LEAD_PARTNER))
    old = owner.get(f"{base(project)}/{partner.pk}/identity?version=1.0")
    assert old.status_code == 200 and b'value="OLD"' in old.content and b"version 1.0" in old.content
    assert owner.post(f"{base(project)}/{partner.pk}/identity?version=1.0", {}).status_code == 403
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    page = owner.get(f"{base(project)}/{partner.pk}/identity")
    assert b"read-only" in page.content


def _fill(project, count):
    ProjectPartner.objects.filter(project=project).delete()
    ProjectPartner.objects.bulk_create([ProjectPartner(project=project, role=PartnerRole.PARTNER,
                                                       abbreviation=f"P{i}", sort_number=i + 1)
                                        for i in range(count)])


def test_list_page_query_count(applicant, project):
    client = login(applicant)
    _fill(project, 1)
    client.get(base(project))
    with CaptureQueriesContext(connection) as one:
        assert client.get(base(project)).status_code == 200
    _fill(project, 20)
    with CaptureQueriesContext(connection) as twenty:
        page = client.get(base(project))
    assert page.status_code == 200 and b"P19" in page.content
    assert len(one.captured_queries) == len(twenty.captured_queries)


def test_delete_and_deactivate(applicant, project):
    client = login(applicant)
    lead = services.create_partner(actor=applicant, project_id=project.pk, data=services.PartnerIdentity(
        abbreviation="LP", role=PartnerRole.LEAD_PARTNER))
    other = services.create_partner(actor=applicant, project_id=project.pk, data=services.PartnerIdentity(
        abbreviation="PP", role=PartnerRole.PARTNER))
    assert b"Delete partner PP" in client.get(base(project)).content
    assert client.get(f"{base(project)}/{lead.pk}/delete").status_code == 405
    response = client.post(f"{base(project)}/{lead.pk}/delete")
    assert response.status_code == 302 and not ProjectPartner.objects.filter(pk=lead.pk).exists()
    other.refresh_from_db()
    assert other.sort_number == 1
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    assert login(viewer).post(f"{base(project)}/{other.pk}/delete").status_code == 403
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    page = client.get(base(project))
    assert b"Delete partner" not in page.content and b"Deactivate partner PP" in page.content
    response = client.post(f"{base(project)}/{other.pk}/delete", follow=True)
    assert "deactivate them" in response.content.decode()
    assert client.post(f"{base(project)}/{other.pk}/deactivate").status_code == 302
    other.refresh_from_db()
    assert other.active is False
