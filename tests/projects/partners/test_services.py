"""B.1 partner services: creation, lead role and numbering, tabs, limits and every refusal."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.programme.models import LegalStatus
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners import services
from jems.projects.partners.models import MAX_PARTNERS, PartnerRole, ProjectPartner
from jems.projects.partners.services import AddressData, ContactData, PartnerIdentity
from jems.projects.services import create_version, form_snapshot
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def identity(abbreviation="LP", role=PartnerRole.LEAD_PARTNER, **extra):
    return PartnerIdentity(abbreviation=abbreviation, role=role, **extra)


def test_create_lead_and_partners_renumbered(applicant, project):
    legal = LegalStatus.objects.create(description={"EN": "Public"})
    p1 = services.create_partner(actor=applicant, project_id=project.pk, data=identity(
        "UNI", PartnerRole.PARTNER, name_in_original_language="Universität", partner_type="HigherEducationOrganisations",
        nace="P_85_4", legal_status_id=legal.pk, vat_recovery="Partly", department={"EN": "Geography"}))
    assert p1.sort_number == 1 and p1.role == PartnerRole.PARTNER and p1.nace == "P_85_4"
    lead = services.create_partner(actor=applicant, project_id=project.pk, data=identity("CITY"))
    p1.refresh_from_db()
    assert (lead.sort_number, p1.sort_number) == (1, 2)
    # a second lead takes over the role; the former lead becomes a partner
    services.update_partner(actor=applicant, partner_id=p1.pk, data=identity(
        "UNI", PartnerRole.LEAD_PARTNER))
    lead.refresh_from_db()
    p1.refresh_from_db()
    assert lead.role == PartnerRole.PARTNER and p1.role == PartnerRole.LEAD_PARTNER
    assert (p1.sort_number, lead.sort_number) == (1, 2)
    assert ProjectPartner.objects.filter(project=project, role=PartnerRole.LEAD_PARTNER).count() == 1
    services.delete_partner(actor=applicant, partner_id=p1.pk)
    lead.refresh_from_db()
    assert lead.sort_number == 1


def test_identity_field_errors(applicant, project):
    services.create_partner(actor=applicant, project_id=project.pk, data=identity("LP"))
    with pytest.raises(ValidationFailed) as error:
        services.create_partner(actor=applicant, project_id=project.pk, data=PartnerIdentity(
            abbreviation="lp", role=None, nace="Z_99", pic="12ab", name_in_english="x" * 256,
            department={"EN": "d" * 251, "FR": "x"}, legal_status_id=999999, vat_recovery="Maybe"))
    fields = error.value.field_messages()
    assert fields["abbreviation"] == "project.partner.abbreviation.already.existing"
    assert fields["role"] == "project.partner.role.should.not.be.empty"
    assert fields["nace"] == "project.partner.nace.invalid"
    assert fields["pic"] == "project.partner.pic.should.be.digits"
    assert fields["nameInEnglish"] == "common.error.field.max.length"
    assert fields["department.language.en"] == "common.error.field.max.length"
    assert fields["department.language.fr"] == "project.language.not.input.language"
    assert fields["legalStatusId"] == "project.partner.legal.status.not.exists"
    assert fields["vatRecovery"] == "common.error.field.invalid.value"
    with pytest.raises(ValidationFailed) as error:
        services.create_partner(actor=applicant, project_id=project.pk, data=identity("X" * 16))
    assert error.value.field_messages() == {"abbreviation": "common.error.field.max.length"}
    with pytest.raises(ValidationFailed) as error:
        services.create_partner(actor=applicant, project_id=project.pk, data=identity("  "))
    assert error.value.field_messages() == {"abbreviation": "project.partner.abbreviation.should.not.be.empty"}


def test_limit_of_50(applicant, project):
    ProjectPartner.objects.bulk_create([ProjectPartner(project=project, role=PartnerRole.PARTNER,
                                                       abbreviation=f"P{i}", sort_number=i)
                                        for i in range(MAX_PARTNERS)])
    with pytest.raises(ValidationFailed) as error:
        services.create_partner(actor=applicant, project_id=project.pk, data=identity("ONE-MORE"))
    assert error.value.key == "project.partner.max.allowed.count.reached"


def test_access_refusals(applicant, project, programme_user):
    partner = services.create_partner(actor=applicant, project_id=project.pk, data=identity())
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        services.create_partner(actor=other, project_id=project.pk, data=identity("B", PartnerRole.PARTNER))
    with pytest.raises(NotFound):
        services.update_partner(actor=other, partner_id=partner.pk, data=identity())
    with pytest.raises(NotFound):
        services.delete_partner(actor=other, partner_id=999999)
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    with pytest.raises(Forbidden):
        services.update_motivation(actor=viewer, partner_id=partner.pk, relevance={}, role={}, experience={})
    with pytest.raises(Forbidden):
        services.create_partner(actor=viewer, project_id=project.pk, data=identity("B", PartnerRole.PARTNER))


def test_wrong_status(applicant, project):
    partner = services.create_partner(actor=applicant, project_id=project.pk, data=identity())
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    for call in (lambda: services.create_partner(actor=applicant, project_id=project.pk, data=identity("B")),
                 lambda: services.update_partner(actor=applicant, partner_id=partner.pk, data=identity()),
                 lambda: services.delete_partner(actor=applicant, partner_id=partner.pk),
                 lambda: services.update_contacts(actor=applicant, partner_id=partner.pk, contacts=[])):
        with pytest.raises(ValidationFailed) as error:
            call()
        assert error.value.key == "project.status.not.modifiable"


def test_deactivate_only_when_contracted(applicant, project):
    partner = services.create_partner(actor=applicant, project_id=project.pk, data=identity())
    with pytest.raises(ValidationFailed) as error:
        services.deactivate_partner(actor=applicant, partner_id=partner.pk)
    assert error.value.key == "project.partner.deactivate.not.contracted"
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    with pytest.raises(ValidationFailed) as error:
        services.delete_partner(actor=applicant, partner_id=partner.pk)
    assert error.value.key == "project.partner.delete.contracted"
    services.deactivate_partner(actor=applicant, partner_id=partner.pk)
    partner.refresh_from_db()
    assert partner.active is False
    with pytest.raises(ValidationFailed):
        services.deactivate_partner(actor=applicant, partner_id=partner.pk)


def test_addresses_contacts_motivation(applicant, project):
    partner = services.create_partner(actor=applicant, project_id=project.pk, data=identity())
    services.update_addresses(actor=applicant, partner_id=partner.pk, addresses=[
        AddressData(type="Organization", country="Österreich (AT)", country_code="AT", nuts_region3_code="AT130",
                    city="Wien")])
    assert partner.addresses.get().city == "Wien"
    with pytest.raises(ValidationFailed) as error:
        services.update_addresses(actor=applicant, partner_id=partner.pk, addresses=[
            AddressData(type="Organization", street="s" * 51), AddressData(type="Organization")])
    assert error.value.field_messages() == {"addresses[0].street": "common.error.field.max.length",
                                            "addresses[1].type": "common.error.field.invalid.value"}
    with pytest.raises(ValidationFailed) as error:
        services.update_addresses(actor=applicant, partner_id=partner.pk, addresses=[
            AddressData(type="Organization", country_code="DE", nuts_region3_code="AT130"),
            AddressData(type="Department", country_code="AT", nuts_region2_code="AT13", nuts_region3_code="XX999")])
    assert error.value.field_messages() == {"addresses[0].nutsRegion3Code": "project.partner.address.nuts.invalid",
                                            "addresses[1].nutsRegion3Code": "project.partner.address.nuts.invalid"}
    services.update_contacts(actor=applicant, partner_id=partner.pk, contacts=[
        ContactData(type="ContactPerson", first_name="Anna", email="anna@example.org", telephone="+43-1")])
    assert partner.contacts.get().first_name == "Anna"
    with pytest.raises(ValidationFailed) as error:
        services.update_contacts(actor=applicant, partner_id=partner.pk, contacts=[
            ContactData(type="ContactPerson", email="nope", telephone="abc", title="t" * 26)])
    assert error.value.field_messages() == {"contacts[0].email": "common.error.field.email.invalid",
                                            "contacts[0].telephone": "common.error.field.telephone.invalid",
                                            "contacts[0].title": "common.error.field.max.length"}
    services.update_motivation(actor=applicant, partner_id=partner.pk, relevance={"EN": "Relevant"},
                               role={"DE": "Rolle"}, experience={})
    partner.refresh_from_db()
    assert partner.organization_role == {"DE": "Rolle"}
    with pytest.raises(ValidationFailed) as error:
        services.update_motivation(actor=applicant, partner_id=partner.pk, relevance={"EN": "r" * 3001},
                                   role={}, experience={})
    assert error.value.field_messages() == {"organizationRelevance.language.en": "common.error.field.max.length"}


def test_snapshot_freezes_partners(applicant, project):
    services.create_partner(actor=applicant, project_id=project.pk, data=identity("OLD"))
    assert [p["abbreviation"] for p in form_snapshot(project)["partners"]] == ["OLD"]
    create_version(actor=applicant, project=project)
    partner = ProjectPartner.objects.get(project=project)
    services.update_partner(actor=applicant, partner_id=partner.pk, data=identity("NEW"))
    from jems.projects.partners import queries

    _acc, old = queries.project_partners(actor=applicant, project_id=project.pk, version="1.0")
    _acc, live = queries.project_partners(actor=applicant, project_id=project.pk)
    assert old[0]["abbreviation"] == "OLD" and live[0]["abbreviation"] == "NEW"
