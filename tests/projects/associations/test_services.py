"""B.2 associated organisation services: creation, numbering, validation, limit of 30 and every refusal."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects import services as project_services
from jems.projects.associations import services
from jems.projects.associations.models import MAX_ASSOCIATED_ORGANIZATIONS, AssociatedOrganization
from jems.projects.associations.services import OrganizationData
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.partners.services import AddressData, ContactData
from jems.projects.services import create_version, form_snapshot
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(project):
    return ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="LP",
                                         sort_number=1)


def data(partner, name="Chamber of Commerce", **extra):
    return OrganizationData(partner_id=partner.pk, name_in_original_language=name, **extra)


def test_create_update_delete_renumbers(applicant, project, partner):
    first = services.create_organization(actor=applicant, project_id=project.pk, data=data(
        partner, name_in_english="Chamber", role_description={"EN": "Disseminates results"},
        address=AddressData(type="", street="Main", city="Graz", postal_code="8010"),
        contacts=[ContactData(type="ContactPerson", first_name="Anna", email="anna@example.org",
                              telephone="+43(1)")]))
    second = services.create_organization(actor=applicant, project_id=project.pk, data=data(partner, "Museum"))
    assert (first.sort_number, second.sort_number) == (1, 2)
    assert first.city == "Graz" and first.contacts.get().first_name == "Anna"
    services.update_organization(actor=applicant, project_id=project.pk, organization_id=second.pk,
                                 data=data(partner, "Museum of Graz"))
    second.refresh_from_db()
    assert second.name_in_original_language == "Museum of Graz"
    services.delete_organization(actor=applicant, project_id=project.pk, organization_id=first.pk)
    second.refresh_from_db()
    assert second.sort_number == 1


def test_field_errors(applicant, project, partner):
    with pytest.raises(ValidationFailed) as error:
        services.create_organization(actor=applicant, project_id=project.pk, data=OrganizationData(
            partner_id=None, name_in_original_language="", name_in_english="x" * 101,
            address=AddressData(type="", city="c" * 51, country_code="ZZ"),
            contacts=[ContactData(type="Boss", email="nope", telephone="abc")],
            role_description={"EN": "r" * 3001, "FR": "x"}))
    fields = error.value.field_messages()
    assert fields["partnerId"] == "project.associated.organization.partner.should.not.be.empty"
    assert fields["nameInOriginalLanguage"] == "project.associated.organization.name.should.not.be.empty"
    assert fields["nameInEnglish"] == "common.error.field.max.length"
    assert fields["address.city"] == "common.error.field.max.length"
    assert fields["address.countryCode"] == "project.partner.address.nuts.invalid"
    assert fields["contacts[0].type"] == "common.error.field.invalid.value"
    assert fields["contacts[0].email"] == "common.error.field.email.invalid"
    assert fields["contacts[0].telephone"] == "common.error.field.telephone.invalid"
    assert fields["roleDescription.language.en"] == "common.error.field.max.length"
    assert fields["roleDescription.language.fr"] == "project.language.not.input.language"


def test_partner_of_another_project_refused(applicant, project, open_call):
    other_project = project_services.create_project(actor=applicant, call_id=open_call.pk, acronym="OTHER")
    foreign = ProjectPartner.objects.create(project=other_project, role=PartnerRole.LEAD_PARTNER, abbreviation="X")
    with pytest.raises(ValidationFailed) as error:
        services.create_organization(actor=applicant, project_id=project.pk, data=data(foreign))
    assert error.value.field_messages()["partnerId"] == "project.associated.organization.partner.not.of.project"
    org = services.create_organization(actor=applicant, project_id=other_project.pk, data=data(foreign))
    with pytest.raises(NotFound):  # an organisation of another project is not found through this project
        services.update_organization(actor=applicant, project_id=project.pk, organization_id=org.pk,
                                     data=data(foreign))


def test_limit_of_30(applicant, project, partner):
    AssociatedOrganization.objects.bulk_create([
        AssociatedOrganization(project=project, partner=partner, name_in_original_language=f"O{i}", sort_number=i)
        for i in range(MAX_ASSOCIATED_ORGANIZATIONS)])
    with pytest.raises(ValidationFailed) as error:
        services.create_organization(actor=applicant, project_id=project.pk, data=data(partner))
    assert error.value.key == "project.associated.organization.max.allowed.count.reached"


def test_access_refusals(applicant, project, partner):
    org = services.create_organization(actor=applicant, project_id=project.pk, data=data(partner))
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        services.create_organization(actor=other, project_id=project.pk, data=data(partner))
    with pytest.raises(NotFound):
        services.delete_organization(actor=other, project_id=project.pk, organization_id=org.pk)
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    with pytest.raises(Forbidden):
        services.create_organization(actor=viewer, project_id=project.pk, data=data(partner))
    with pytest.raises(Forbidden):
        services.update_organization(actor=viewer, project_id=project.pk, organization_id=org.pk, data=data(partner))
    with pytest.raises(NotFound):
        services.delete_organization(actor=applicant, project_id=project.pk, organization_id=999999)


def test_wrong_status(applicant, project, partner):
    org = services.create_organization(actor=applicant, project_id=project.pk, data=data(partner))
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    for call in (lambda: services.create_organization(actor=applicant, project_id=project.pk, data=data(partner)),
                 lambda: services.update_organization(actor=applicant, project_id=project.pk,
                                                      organization_id=org.pk, data=data(partner)),
                 lambda: services.delete_organization(actor=applicant, project_id=project.pk,
                                                      organization_id=org.pk)):
        with pytest.raises(ValidationFailed) as error:
            call()
        assert error.value.key == "project.status.not.modifiable"


def test_deactivate_only_when_contracted(applicant, project, partner):
    org = services.create_organization(actor=applicant, project_id=project.pk, data=data(partner))
    with pytest.raises(ValidationFailed) as error:
        services.deactivate_organization(actor=applicant, project_id=project.pk, organization_id=org.pk)
    assert error.value.key == "project.associated.organization.deactivate.not.contracted"
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    with pytest.raises(ValidationFailed) as error:
        services.delete_organization(actor=applicant, project_id=project.pk, organization_id=org.pk)
    assert error.value.key == "project.associated.organization.delete.contracted"
    services.deactivate_organization(actor=applicant, project_id=project.pk, organization_id=org.pk)
    org.refresh_from_db()
    assert org.active is False
    with pytest.raises(ValidationFailed) as error:
        services.deactivate_organization(actor=applicant, project_id=project.pk, organization_id=org.pk)
    assert error.value.key == "project.associated.organization.already.deactivated"


def test_snapshot_freezes_organizations(applicant, project, partner):
    org = services.create_organization(actor=applicant, project_id=project.pk, data=data(partner, "OLD"))
    assert [o["nameInOriginalLanguage"] for o in form_snapshot(project)["associatedOrganizations"]] == ["OLD"]
    create_version(actor=applicant, project=project)
    services.update_organization(actor=applicant, project_id=project.pk, organization_id=org.pk,
                                 data=data(partner, "NEW"))
    from jems.projects.associations import queries

    _acc, old = queries.organizations(actor=applicant, project_id=project.pk, version="1.0")
    _acc, live = queries.organizations(actor=applicant, project_id=project.pk)
    assert old[0]["nameInOriginalLanguage"] == "OLD" and live[0]["nameInOriginalLanguage"] == "NEW"
