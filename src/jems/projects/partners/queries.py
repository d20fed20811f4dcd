"""Reads of B.1 partners: live data, or the frozen snapshot of a past version (`?version=`)."""

from django.db.models import Prefetch

from jems.core.errors import NotFound
from jems.core.translatable import to_api
from jems.projects import access
from jems.projects.queries import version_snapshot

from .models import AddressType, PartnerAddress, PartnerContact, ProjectPartner

ADDRESS_FIELDS = ("country", "country_code", "nuts_region2", "nuts_region2_code", "nuts_region3",
                  "nuts_region3_code", "street", "house_number", "postal_code", "city", "homepage")
CONTACT_FIELDS = ("title", "first_name", "last_name", "email", "telephone")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _none(value):
    return value if value not in ("", None) else None


def partner_data(partner: ProjectPartner) -> dict:
    """A partner as the contract's ProjectPartnerDetailDTO (camelCase), also the form of the snapshot."""
    addresses = [{"type": a.type, **{_camel(n): _none(getattr(a, n)) for n in ADDRESS_FIELDS}}
                 for a in partner.addresses.all()]
    contacts = [{"type": c.type, **{_camel(n): _none(getattr(c, n)) for n in CONTACT_FIELDS}}
                for c in partner.contacts.all()]
    motivation = None
    if partner.organization_relevance or partner.organization_role or partner.organization_experience:
        motivation = {"organizationRelevance": to_api(partner.organization_relevance),
                      "organizationRole": to_api(partner.organization_role),
                      "organizationExperience": to_api(partner.organization_experience)}
    return {
        "id": partner.pk, "abbreviation": partner.abbreviation, "active": partner.active, "role": partner.role,
        "createdAt": partner.created_at.isoformat(), "sortNumber": partner.sort_number,
        "nameInOriginalLanguage": _none(partner.name_in_original_language),
        "nameInEnglish": _none(partner.name_in_english), "department": to_api(partner.department),
        "partnerType": _none(partner.partner_type), "partnerSubType": _none(partner.partner_sub_type),
        "nace": _none(partner.nace), "otherIdentifierNumber": _none(partner.other_identifier_number),
        "otherIdentifierDescription": to_api(partner.other_identifier_description), "pic": _none(partner.pic),
        "legalStatusId": partner.legal_status_id, "vat": _none(partner.vat),
        "vatRecovery": _none(partner.vat_recovery), "addresses": addresses, "contacts": contacts,
        "motivation": motivation,
    }


def summary(data: dict) -> dict:
    """ProjectPartnerSummaryDTO of a partner's data."""
    org = next((a for a in data["addresses"] if a["type"] == AddressType.Organization), None) or {}
    return {"id": data["id"], "abbreviation": data["abbreviation"],
            "institutionName": data.get("nameInOriginalLanguage"), "active": data["active"], "role": data["role"],
            "sortNumber": data["sortNumber"], "country": org.get("country"), "region": org.get("nutsRegion3"),
            "currencyCode": None}


def _live(project_id) -> list[dict]:
    rows = (ProjectPartner.objects.filter(project_id=project_id)
            .prefetch_related(Prefetch("addresses", PartnerAddress.objects.order_by("type")),
                              Prefetch("contacts", PartnerContact.objects.order_by("type")))
            .order_by("sort_number", "id"))
    return [partner_data(p) for p in rows]


def snapshot_part(project) -> dict:
    """Registered in SNAPSHOT_PARTS: the partners and their state-aid self-checks frozen with each version."""
    from .state_aid import SNAPSHOT_KEY, live_of_project

    return {"partners": _live(project.pk), SNAPSHOT_KEY: live_of_project(project.pk)}


def project_partners(*, actor, project_id, version: str | None = None) -> tuple[access.ProjectAccess, list[dict]]:
    """The partners of a visible project (404 otherwise), live or of the given version."""
    acc = access.load(actor, project_id)
    _row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return acc, list(snapshot.get("partners") or [])
    return acc, _live(acc.project.pk)


def partner(*, actor, partner_id, version: str | None = None) -> tuple[access.ProjectAccess, dict]:
    """One partner of a visible project, live or of the given version; 404 when missing or not visible."""
    try:
        partner_id = int(partner_id)
    except (TypeError, ValueError):
        raise _not_found() from None
    if not (0 < partner_id < 2**63):
        raise _not_found()
    project_id = ProjectPartner.objects.filter(pk=partner_id).values_list("project_id", flat=True).first()
    if project_id is None:
        raise _not_found()
    acc, partners = project_partners(actor=actor, project_id=project_id, version=version)
    found = next((p for p in partners if p["id"] == partner_id), None)
    if found is None:
        raise _not_found()
    return acc, found


def _not_found():
    return NotFound(key="project.partner.not.exists", code="PP-ERR")
