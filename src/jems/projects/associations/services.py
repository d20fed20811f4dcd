"""State changes of B.2 associated organisations. Each function takes an explicit `actor`, loads the project
through projects.access (404 when not visible), requires form-edit rights (403 for viewers) and an editable
status (422), and runs in one transaction. Jems writes no audit row for these edits, so none is written here."""

from dataclasses import dataclass, field

from django.db import transaction

from jems.core.errors import NotFound, ValidationFailed
from jems.programme.languages import input_languages
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.partners.models import ContactType, ProjectPartner
from jems.projects.partners.services import (
    ADDRESS_LIMITS,
    CONTACT_LIMITS,
    AddressData,
    ContactData,
    _camel,
    _editable_project,
    _err,
    _nuts_errors,
    _too_long,
    _translations,
)

from .models import MAX_ASSOCIATED_ORGANIZATIONS, AssociatedOrganization, AssociatedOrganizationContact

NAME_MAX = 100
ROLE_DESCRIPTION_MAX = 3000
ADDRESS_FIELDS = tuple(ADDRESS_LIMITS)


@dataclass
class OrganizationData:
    partner_id: int | None = None
    name_in_original_language: str | None = None
    name_in_english: str | None = None
    address: AddressData | None = None
    contacts: list[ContactData] = field(default_factory=list)
    role_description: dict = field(default_factory=dict)


def not_found() -> NotFound:
    return NotFound(key="project.associated.organization.not.exists", code="PAO-ERR")


def _organization(project, organization_id) -> AssociatedOrganization:
    try:
        organization_id = int(organization_id)
    except (TypeError, ValueError):
        raise not_found() from None
    if not (0 < organization_id < 2**63):
        raise not_found()
    org = AssociatedOrganization.objects.select_for_update().filter(pk=organization_id, project=project).first()
    if org is None:
        raise not_found()
    return org


def _validate(project, data: OrganizationData) -> dict:
    errors: dict = {}
    if data.partner_id is None:
        errors["partnerId"] = _err("project.associated.organization.partner.should.not.be.empty")
    elif not (0 < data.partner_id < 2**63) or not ProjectPartner.objects.filter(
            pk=data.partner_id, project=project).exists():
        errors["partnerId"] = _err("project.associated.organization.partner.not.of.project")
    if not (data.name_in_original_language or "").strip():
        errors["nameInOriginalLanguage"] = _err("project.associated.organization.name.should.not.be.empty")
    for name, value in (("nameInOriginalLanguage", data.name_in_original_language),
                        ("nameInEnglish", data.name_in_english)):
        if value and len(value) > NAME_MAX:
            errors[name] = _too_long(value, NAME_MAX)
    if data.address is not None:
        for name, limit in ADDRESS_LIMITS.items():
            value = getattr(data.address, name) or ""
            if len(value) > limit:
                errors[f"address.{_camel(name)}"] = _too_long(value, limit)
        for key, value in _nuts_errors([data.address]).items():
            errors[key.replace("addresses[0]", "address")] = value
    seen = set()
    for index, contact in enumerate(data.contacts):
        if contact.type not in ContactType.values or contact.type in seen:
            errors[f"contacts[{index}].type"] = _err("common.error.field.invalid.value")
        seen.add(contact.type)
        for name, limit in CONTACT_LIMITS.items():
            value = getattr(contact, name) or ""
            if len(value) > limit:
                errors[f"contacts[{index}].{_camel(name)}"] = _too_long(value, limit)
        if contact.email and "@" not in contact.email:
            errors[f"contacts[{index}].email"] = _err("common.error.field.email.invalid")
        if contact.telephone and not all(c.isdigit() or c in "+()/-" for c in contact.telephone):
            errors[f"contacts[{index}].telephone"] = _err("common.error.field.telephone.invalid")
    _translations(errors, "roleDescription", data.role_description or {}, ROLE_DESCRIPTION_MAX, input_languages())
    return errors


def _apply(org: AssociatedOrganization, data: OrganizationData) -> None:
    org.partner_id = data.partner_id
    org.name_in_original_language = (data.name_in_original_language or "").strip()
    org.name_in_english = data.name_in_english or ""
    for name in ADDRESS_FIELDS:
        setattr(org, name, (getattr(data.address, name) or "") if data.address else "")
    org.role_description = data.role_description or {}
    org.save()
    org.contacts.all().delete()
    AssociatedOrganizationContact.objects.bulk_create([
        AssociatedOrganizationContact(organization=org, type=c.type,
                                      **{n: getattr(c, n) or "" for n in CONTACT_LIMITS})
        for c in data.contacts])


def renumber(project) -> None:
    """Jems' numbering: 1..n in creation order."""
    changed = []
    for number, org in enumerate(AssociatedOrganization.objects.filter(project=project).order_by("id"), start=1):
        if org.sort_number != number:
            org.sort_number = number
            changed.append(org)
    AssociatedOrganization.objects.bulk_update(changed, ["sort_number"])


def create_organization(*, actor, project_id, data: OrganizationData) -> AssociatedOrganization:
    """Add an associated organisation (at most 30 per project) linked to a partner of the same project."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        if AssociatedOrganization.objects.filter(project=project).count() >= MAX_ASSOCIATED_ORGANIZATIONS:
            raise ValidationFailed(key="project.associated.organization.max.allowed.count.reached", code="PAO-ERR-MAX",
                                   args={"maxAmount": str(MAX_ASSOCIATED_ORGANIZATIONS)})
        errors = _validate(project, data)
        if errors:
            raise ValidationFailed(form_errors=errors)
        org = AssociatedOrganization(project=project)
        _apply(org, data)
        renumber(project)
        org.refresh_from_db()
    return org


def update_organization(*, actor, project_id, organization_id, data: OrganizationData) -> AssociatedOrganization:
    """Save an associated organisation (identity, address, contacts, role description)."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        org = _organization(project, organization_id)
        errors = _validate(project, data)
        if errors:
            raise ValidationFailed(form_errors=errors)
        _apply(org, data)
    return org


def delete_organization(*, actor, project_id, organization_id) -> None:
    """Delete an associated organisation of a project not yet contracted; the others are renumbered."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        org = _organization(project, organization_id)
        if project.status in ALREADY_CONTRACTED:
            raise ValidationFailed(key="project.associated.organization.delete.contracted", code="PAO-ERR-DELETE")
        org.delete()
        renumber(project)


def deactivate_organization(*, actor, project_id, organization_id) -> None:
    """Deactivate an associated organisation instead of deleting it once the project is contracted."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        org = _organization(project, organization_id)
        if project.status not in ALREADY_CONTRACTED:
            raise ValidationFailed(key="project.associated.organization.deactivate.not.contracted",
                                   code="PAO-ERR-DEACTIVATE")
        if not org.active:
            raise ValidationFailed(key="project.associated.organization.already.deactivated",
                                   code="PAO-ERR-DEACTIVATE")
        org.active = False
        org.save(update_fields=["active"])
