"""State changes of B.1 partners. Each function takes an explicit `actor`, loads the project through
projects.access (404 when not visible), requires form-edit rights (403 for viewers) and an editable status
(422), and runs in one transaction. Jems writes no audit row for partner edits, so none is written here."""

from dataclasses import dataclass, field

from django.db import transaction

from jems.core.errors import Forbidden, ValidationFailed
from jems.core.translatable import translation_errors
from jems.programme.languages import input_languages
from jems.programme.models import LegalStatus
from jems.projects import access

from .models import (
    MAX_PARTNERS,
    AddressType,
    ContactType,
    PartnerAddress,
    PartnerContact,
    PartnerRole,
    PartnerSubType,
    PartnerType,
    ProjectPartner,
    VatRecovery,
)
from .nace import NACE_SET

DEPARTMENT_MAX = 250
OTHER_IDENTIFIER_DESCRIPTION_MAX = 100
MOTIVATION_MAX = 3000


@dataclass
class PartnerIdentity:
    abbreviation: str | None = None
    role: str | None = None
    name_in_original_language: str | None = None
    name_in_english: str | None = None
    department: dict = field(default_factory=dict)
    partner_type: str | None = None
    partner_sub_type: str | None = None
    nace: str | None = None
    other_identifier_number: str | None = None
    other_identifier_description: dict = field(default_factory=dict)
    pic: str | None = None
    legal_status_id: int | None = None
    vat: str | None = None
    vat_recovery: str | None = None


@dataclass
class AddressData:
    type: str
    country: str | None = None
    country_code: str | None = None
    nuts_region2: str | None = None
    nuts_region2_code: str | None = None
    nuts_region3: str | None = None
    nuts_region3_code: str | None = None
    street: str | None = None
    house_number: str | None = None
    postal_code: str | None = None
    city: str | None = None
    homepage: str | None = None


@dataclass
class ContactData:
    type: str
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    telephone: str | None = None


def _err(key: str, **args) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in args.items()}}


def _too_long(value: str, limit: int) -> dict:
    return _err("common.error.field.max.length", actualLength=len(value), requiredLength=limit)


def _editable_project(actor, project_id):
    """The project locked for update, after the access, edit-right and status checks."""
    acc = access.load(actor, project_id)
    if not acc.may_edit_form():
        raise Forbidden()
    from jems.projects.models import Project

    acc.project = Project.objects.select_for_update().get(pk=acc.project.pk)
    if not acc.can_edit_form():
        raise ValidationFailed(key="project.status.not.modifiable", code="P-ERR-STATUS",
                               args={"status": acc.project.status})
    return acc.project


def _editable_partner(actor, partner_id) -> ProjectPartner:
    try:
        partner_id = int(partner_id)
    except (TypeError, ValueError):
        raise _partner_not_found() from None
    project_id = ProjectPartner.objects.filter(pk=partner_id).values_list("project_id", flat=True).first()
    if project_id is None:
        raise _partner_not_found()
    project = _editable_project(actor, project_id)
    partner = ProjectPartner.objects.select_for_update().get(pk=partner_id)
    partner.project = project
    return partner


def _partner_not_found():
    from jems.core.errors import NotFound

    return NotFound(key="project.partner.not.exists", code="PP-ERR")


def _translations(errors: dict, name: str, value: dict, limit: int, languages) -> None:
    for code in value:
        if code not in languages:
            errors[f"{name}.language.{code.lower()}"] = _err("project.language.not.input.language", language=code)
    errors.update(translation_errors(name, value, limit))


def _check_choice(errors, name, value, choices):
    if value and value not in choices:
        errors[name] = _err("common.error.field.invalid.value")


def _validate_identity(project, data: PartnerIdentity, partner: ProjectPartner | None) -> dict:
    errors: dict = {}
    abbreviation = (data.abbreviation or "").strip()
    if not abbreviation:
        errors["abbreviation"] = _err("project.partner.abbreviation.should.not.be.empty")
    elif len(abbreviation) > 15:
        errors["abbreviation"] = _too_long(abbreviation, 15)
    elif ProjectPartner.objects.filter(project=project, abbreviation__iexact=abbreviation).exclude(
            pk=partner.pk if partner else None).exists():
        errors["abbreviation"] = _err("project.partner.abbreviation.already.existing")
    if not data.role:
        errors["role"] = _err("project.partner.role.should.not.be.empty")
    else:
        _check_choice(errors, "role", data.role, PartnerRole.values)
    for name, value, limit in (("nameInOriginalLanguage", data.name_in_original_language, 255),
                               ("nameInEnglish", data.name_in_english, 255),
                               ("otherIdentifierNumber", data.other_identifier_number, 50),
                               ("pic", data.pic, 9), ("vat", data.vat, 50)):
        if value and len(value) > limit:
            errors[name] = _too_long(value, limit)
    if data.pic and not data.pic.isdigit():
        errors["pic"] = _err("project.partner.pic.should.be.digits")
    _check_choice(errors, "partnerType", data.partner_type, PartnerType.values)
    _check_choice(errors, "partnerSubType", data.partner_sub_type, PartnerSubType.values)
    _check_choice(errors, "vatRecovery", data.vat_recovery, VatRecovery.values)
    if data.nace and data.nace not in NACE_SET:
        errors["nace"] = _err("project.partner.nace.invalid")
    if data.legal_status_id is not None and not LegalStatus.objects.filter(pk=data.legal_status_id).exists():
        errors["legalStatusId"] = _err("project.partner.legal.status.not.exists")
    languages = input_languages()
    _translations(errors, "department", data.department or {}, DEPARTMENT_MAX, languages)
    _translations(errors, "otherIdentifierDescription", data.other_identifier_description or {},
                  OTHER_IDENTIFIER_DESCRIPTION_MAX, languages)
    return errors


def _apply_identity(partner: ProjectPartner, data: PartnerIdentity) -> None:
    partner.abbreviation = data.abbreviation.strip()
    partner.name_in_original_language = data.name_in_original_language or ""
    partner.name_in_english = data.name_in_english or ""
    partner.department = data.department or {}
    partner.partner_type = data.partner_type or ""
    partner.partner_sub_type = data.partner_sub_type or ""
    partner.nace = data.nace or ""
    partner.other_identifier_number = data.other_identifier_number or ""
    partner.other_identifier_description = data.other_identifier_description or {}
    partner.pic = data.pic or ""
    partner.legal_status_id = data.legal_status_id
    partner.vat = data.vat or ""
    partner.vat_recovery = data.vat_recovery or ""


def renumber(project) -> None:
    """Jems' numbering: the lead partner is 1, the others follow in creation order."""
    partners = list(ProjectPartner.objects.filter(project=project).order_by("id"))
    partners.sort(key=lambda p: (p.role != PartnerRole.LEAD_PARTNER, p.pk))
    changed = []
    for number, partner in enumerate(partners, start=1):
        if partner.sort_number != number:
            partner.sort_number = number
            changed.append(partner)
    ProjectPartner.objects.bulk_update(changed, ["sort_number"])


def _demote_other_leads(project, keep: ProjectPartner) -> None:
    ProjectPartner.objects.filter(project=project, role=PartnerRole.LEAD_PARTNER).exclude(pk=keep.pk).update(
        role=PartnerRole.PARTNER)


def create_partner(*, actor, project_id, data: PartnerIdentity) -> ProjectPartner:
    """Add a partner (max 50). A new lead partner takes over the lead role from the previous one."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        if ProjectPartner.objects.filter(project=project).count() >= MAX_PARTNERS:
            raise ValidationFailed(key="project.partner.max.allowed.count.reached", code="PP-ERR-MAX",
                                   args={"maxAmount": str(MAX_PARTNERS)})
        errors = _validate_identity(project, data, None)
        if errors:
            raise ValidationFailed(form_errors=errors)
        partner = ProjectPartner(project=project, role=data.role)
        _apply_identity(partner, data)
        partner.save()
        if partner.role == PartnerRole.LEAD_PARTNER:
            _demote_other_leads(project, partner)
        renumber(project)
        partner.refresh_from_db()
    return partner


def update_partner(*, actor, partner_id, data: PartnerIdentity) -> ProjectPartner:
    """Save the identity tab; choosing LEAD_PARTNER makes the former lead a PARTNER and renumbers."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        errors = _validate_identity(partner.project, data, partner)
        if errors:
            raise ValidationFailed(form_errors=errors)
        _apply_identity(partner, data)
        partner.role = data.role
        partner.save()
        if partner.role == PartnerRole.LEAD_PARTNER:
            _demote_other_leads(partner.project, partner)
        renumber(partner.project)
        partner.refresh_from_db()
    return partner


def delete_partner(*, actor, partner_id) -> None:
    """Delete a partner of a form still in draft; the others are renumbered."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        from jems.projects.models import ALREADY_CONTRACTED

        if partner.project.status in ALREADY_CONTRACTED:
            raise ValidationFailed(key="project.partner.delete.contracted", code="PP-ERR-DELETE")
        project = partner.project
        partner.delete()
        renumber(project)


def deactivate_partner(*, actor, partner_id) -> None:
    """Deactivate a partner instead of deleting it once the project is contracted (modification)."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        from jems.projects.models import ALREADY_CONTRACTED

        if partner.project.status not in ALREADY_CONTRACTED:
            raise ValidationFailed(key="project.partner.deactivate.not.contracted", code="PP-ERR-DEACTIVATE")
        if not partner.active:
            raise ValidationFailed(key="project.partner.already.deactivated", code="PP-ERR-DEACTIVATE")
        partner.active = False
        partner.save(update_fields=["active"])


ADDRESS_LIMITS = {"country": 100, "country_code": 2, "nuts_region2": 100, "nuts_region2_code": 5,
                  "nuts_region3": 100, "nuts_region3_code": 5, "street": 50, "house_number": 20,
                  "postal_code": 20, "city": 50, "homepage": 250}
CONTACT_LIMITS = {"title": 25, "first_name": 50, "last_name": 50, "email": 255, "telephone": 25}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def update_addresses(*, actor, partner_id, addresses: list[AddressData]) -> ProjectPartner:
    """Replace the organisation/department addresses (at most one of each type)."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        errors: dict = {}
        seen = set()
        for index, address in enumerate(addresses):
            if address.type not in AddressType.values or address.type in seen:
                errors[f"addresses[{index}].type"] = _err("common.error.field.invalid.value")
            seen.add(address.type)
            for name, limit in ADDRESS_LIMITS.items():
                value = getattr(address, name) or ""
                if len(value) > limit:
                    errors[f"addresses[{index}].{_camel(name)}"] = _too_long(value, limit)
        errors.update(_nuts_errors(addresses))
        if errors:
            raise ValidationFailed(form_errors=errors)
        partner.addresses.all().delete()
        PartnerAddress.objects.bulk_create([
            PartnerAddress(partner=partner, type=a.type, **{n: getattr(a, n) or "" for n in ADDRESS_LIMITS})
            for a in addresses])
    return partner


def _nuts_errors(addresses: list[AddressData]) -> dict:
    """Country and NUTS codes must be regions of jems.nuts of the right level, each inside the one above."""
    from jems.nuts.models import NutsRegion

    codes = {c for a in addresses for c in (a.country_code, a.nuts_region2_code, a.nuts_region3_code) if c}
    levels = dict(NutsRegion.objects.filter(code__in=codes).values_list("code", "level")) if codes else {}
    errors = {}
    for index, address in enumerate(addresses):
        parent = ""
        for name, code, level in (("countryCode", address.country_code, 0),
                                  ("nutsRegion2Code", address.nuts_region2_code, 2),
                                  ("nutsRegion3Code", address.nuts_region3_code, 3)):
            if not code:
                continue
            if levels.get(code) != level or not code.startswith(parent):
                errors[f"addresses[{index}].{name}"] = _err("project.partner.address.nuts.invalid")
            parent = code
    return errors


def update_contacts(*, actor, partner_id, contacts: list[ContactData]) -> ProjectPartner:
    """Replace the legal representative / contact person."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        errors: dict = {}
        seen = set()
        for index, contact in enumerate(contacts):
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
        if errors:
            raise ValidationFailed(form_errors=errors)
        partner.contacts.all().delete()
        PartnerContact.objects.bulk_create([
            PartnerContact(partner=partner, type=c.type, **{n: getattr(c, n) or "" for n in CONTACT_LIMITS})
            for c in contacts])
    return partner


def update_motivation(*, actor, partner_id, relevance: dict, role: dict, experience: dict) -> ProjectPartner:
    """Save the motivation tab (three translatable texts, each at most 3000 characters per language)."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        errors: dict = {}
        languages = input_languages()
        for name, value in (("organizationRelevance", relevance), ("organizationRole", role),
                            ("organizationExperience", experience)):
            _translations(errors, name, value or {}, MOTIVATION_MAX, languages)
        if errors:
            raise ValidationFailed(form_errors=errors)
        partner.organization_relevance = relevance or {}
        partner.organization_role = role or {}
        partner.organization_experience = experience or {}
        partner.save(update_fields=["organization_relevance", "organization_role", "organization_experience"])
    return partner
