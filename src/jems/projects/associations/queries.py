"""Reads of B.2 associated organisations: live data, or the frozen snapshot of a past version (`?version=`)."""

from django.db.models import Prefetch

from jems.core.translatable import to_api
from jems.projects import access
from jems.projects.partners.models import AddressType, PartnerAddress
from jems.projects.queries import version_snapshot

from .models import AssociatedOrganization, AssociatedOrganizationContact
from .services import ADDRESS_FIELDS, not_found

CONTACT_FIELDS = ("title", "first_name", "last_name", "email", "telephone")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _none(value):
    return value if value not in ("", None) else None


def _partner_summary(partner) -> dict:
    org = next((a for a in partner.addresses.all() if a.type == AddressType.Organization), None)
    return {"id": partner.pk, "abbreviation": partner.abbreviation,
            "institutionName": _none(partner.name_in_original_language), "active": partner.active,
            "role": partner.role, "sortNumber": partner.sort_number,
            "country": _none(org.country) if org else None, "region": _none(org.nuts_region3) if org else None,
            "currencyCode": None}


def organization_data(org: AssociatedOrganization) -> dict:
    """An organisation as the contract's OutputProjectAssociatedOrganizationDetail (camelCase)."""
    address = {_camel(n): _none(getattr(org, n)) for n in ADDRESS_FIELDS}
    return {
        "id": org.pk, "active": org.active, "partner": _partner_summary(org.partner),
        "nameInOriginalLanguage": _none(org.name_in_original_language), "nameInEnglish": _none(org.name_in_english),
        "sortNumber": org.sort_number,
        "address": address if any(v is not None for v in address.values()) else None,
        "contacts": [{"type": c.type, **{_camel(n): _none(getattr(c, n)) for n in CONTACT_FIELDS}}
                     for c in org.contacts.all()],
        "roleDescription": to_api(org.role_description),
    }


def _live(project_id) -> list[dict]:
    rows = (AssociatedOrganization.objects.filter(project_id=project_id)
            .select_related("partner")
            .prefetch_related(Prefetch("partner__addresses", PartnerAddress.objects.order_by("type")),
                              Prefetch("contacts", AssociatedOrganizationContact.objects.order_by("type")))
            .order_by("sort_number", "id"))
    return [organization_data(o) for o in rows]


def snapshot_part(project) -> dict:
    """Registered in SNAPSHOT_PARTS: the associated organisations frozen with each version."""
    return {"associatedOrganizations": _live(project.pk)}


def organizations(*, actor, project_id, version: str | None = None) -> tuple[access.ProjectAccess, list[dict]]:
    """The associated organisations of a visible project (404 otherwise), live or of the given version."""
    acc = access.load(actor, project_id)
    _row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        return acc, list(snapshot.get("associatedOrganizations") or [])
    return acc, _live(acc.project.pk)


def organization(*, actor, project_id, organization_id, version: str | None = None):
    """One associated organisation of a visible project; 404 when missing or not visible."""
    acc, rows = organizations(actor=actor, project_id=project_id, version=version)
    try:
        organization_id = int(organization_id)
    except (TypeError, ValueError):
        raise not_found() from None
    found = next((o for o in rows if o["id"] == organization_id), None)
    if found is None:
        raise not_found()
    return acc, found


def summary(data: dict) -> dict:
    """OutputProjectAssociatedOrganization of an organisation's data."""
    return {"id": data["id"], "active": data["active"], "partnerAbbreviation": data["partner"]["abbreviation"],
            "nameInOriginalLanguage": data["nameInOriginalLanguage"], "nameInEnglish": data["nameInEnglish"],
            "sortNumber": data["sortNumber"]}
