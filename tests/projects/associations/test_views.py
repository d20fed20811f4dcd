"""B.2 pages: list, create, detail, read-only rendering, versions, inline errors, delete/deactivate, query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.nuts.models import NutsRegion
from jems.projects.associations import services
from jems.projects.associations.models import AssociatedOrganization
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def base(project):
    return f"/app/project/detail/{project.pk}/applicationFormAssociatedOrganization"


@pytest.fixture
def partner(project):
    return ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="CITY",
                                         sort_number=1)


def test_create_and_edit(applicant, project, partner):
    client = login(applicant)
    page = client.get(base(project))
    assert page.status_code == 200 and b"Add new associated organisation" in page.content
    form = client.get(f"{base(project)}/create")
    assert form.status_code == 200 and b"LP1 CITY" in form.content
    NutsRegion.objects.get_or_create(code="AT", defaults={"name": "Österreich", "level": 0})
    response = client.post(f"{base(project)}/create", {
        "partner": partner.pk, "name_in_original_language": "Wirtschaftskammer", "country_code": "AT",
        "city": "Graz", "legal_last_name": "Muster", "contact_email": "eva@example.org",
        "role_description_1": "Spreads results"})
    assert response.status_code == 302, response.content.decode()
    org = AssociatedOrganization.objects.get(project=project)
    assert response["Location"].endswith(f"/detail/{org.pk}")
    assert (org.city, org.country_code, org.role_description) == ("Graz", "AT", {"EN": "Spreads results"})
    assert {c.type for c in org.contacts.all()} == {"LegalRepresentative", "ContactPerson"}
    detail = client.get(f"{base(project)}/detail/{org.pk}")
    assert detail.status_code == 200 and b"Wirtschaftskammer" in detail.content
    response = client.post(f"{base(project)}/detail/{org.pk}", {"partner": partner.pk,
                                                                "name_in_original_language": "WKO"})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.name_in_original_language == "WKO" and org.city == "" and not org.contacts.exists()
    assert b"WKO" in client.get(base(project)).content


def test_inline_errors_keep_input(applicant, project, partner):
    client = login(applicant)
    response = client.post(f"{base(project)}/create", {"partner": partner.pk, "name_in_original_language": "",
                                                       "name_in_english": "Kept input", "legal_email": "bad"})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Kept input" in html and 'aria-invalid="true"' in html
    assert not AssociatedOrganization.objects.exists()


def test_read_only_for_viewer_and_versions(applicant, project, partner):
    org = services.create_organization(actor=applicant, project_id=project.pk, data=services.OrganizationData(
        partner_id=partner.pk, name_in_original_language="Old name"))
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    client = login(viewer)
    page = client.get(base(project))
    assert page.status_code == 200 and b"Add new associated organisation" not in page.content
    detail = client.get(f"{base(project)}/detail/{org.pk}")
    assert detail.status_code == 200 and b"disabled" in detail.content and b"Save changes" not in detail.content
    assert client.get(f"{base(project)}/create").status_code == 403
    assert client.post(f"{base(project)}/detail/{org.pk}", {"partner": partner.pk,
                                                            "name_in_original_language": "X"}).status_code == 403
    other = login(make_user("other@example.org", APPLICANT_USER_ROLE_ID))
    assert other.get(base(project)).status_code == 404
    assert other.get(f"{base(project)}/detail/{org.pk}").status_code == 404
    create_version(actor=applicant, project=project)
    services.update_organization(actor=applicant, project_id=project.pk, organization_id=org.pk,
                                 data=services.OrganizationData(partner_id=partner.pk,
                                                                name_in_original_language="New name"))
    owner = login(applicant)
    old = owner.get(f"{base(project)}/detail/{org.pk}?version=1.0")
    assert b"Old name" in old.content and b"read-only" in old.content and b"Save changes" not in old.content
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    assert b"Add new associated organisation" not in owner.get(base(project)).content


def test_delete_and_deactivate(applicant, project, partner):
    org = services.create_organization(actor=applicant, project_id=project.pk, data=services.OrganizationData(
        partner_id=partner.pk, name_in_original_language="A"))
    client = login(applicant)
    assert client.post(f"{base(project)}/detail/{org.pk}/delete").status_code == 302
    assert not AssociatedOrganization.objects.exists()
    org = services.create_organization(actor=applicant, project_id=project.pk, data=services.OrganizationData(
        partner_id=partner.pk, name_in_original_language="B"))
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    assert b"Deactivate" in client.get(base(project)).content
    assert client.post(f"{base(project)}/detail/{org.pk}/deactivate").status_code == 302
    org.refresh_from_db()
    assert org.active is False


def test_list_page_query_count(applicant, project, partner):
    client = login(applicant)

    def add(n):
        AssociatedOrganization.objects.bulk_create([
            AssociatedOrganization(project=project, partner=partner, name_in_original_language=f"O{i}",
                                   sort_number=i) for i in range(n)])

    add(1)
    client.get(base(project))
    with CaptureQueriesContext(connection) as one:
        assert client.get(base(project)).status_code == 200
    add(19)
    with CaptureQueriesContext(connection) as twenty:
        assert client.get(base(project)).status_code == 200
    assert len(one) == len(twenty)
