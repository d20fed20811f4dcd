"""Restore B.2 from a version snapshot (RESTORE_PARTS, used when a modification is rejected): organisations keep
their ids (updated in place, or recreated under their old id), those added after the version are deleted."""

from jems.core.translatable import from_api
from jems.projects.services import sync_rows

from .models import AssociatedOrganization, AssociatedOrganizationContact
from .queries import CONTACT_FIELDS, _camel
from .services import ADDRESS_FIELDS

RANK = 20  # after the partners


def _values(data: dict, partner_id: int) -> dict:
    address = data.get("address") or {}
    return {"partner_id": partner_id, "active": data.get("active", True), "sort_number": data.get("sortNumber") or 0,
            "name_in_original_language": data.get("nameInOriginalLanguage") or "",
            "name_in_english": data.get("nameInEnglish") or "",
            "role_description": from_api(data.get("roleDescription")),
            **{n: address.get(_camel(n)) or "" for n in ADDRESS_FIELDS}}


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the associated organisations of the version with their contacts."""
    frozen = list(snapshot.get("associatedOrganizations") or [])
    partners = ids.get("partners", {})
    wanted = {data["id"] for data in frozen}
    AssociatedOrganization.objects.filter(project=project).exclude(pk__in=wanted).delete()
    live = AssociatedOrganization.objects.filter(project=project).values_list("pk", flat=True)
    mapping = sync_rows(AssociatedOrganization, live, frozen, "id", lambda data: {
        "project": project, **_values(data, partners.get(data["partner"]["id"], data["partner"]["id"]))})
    AssociatedOrganizationContact.objects.filter(organization__project=project).delete()
    AssociatedOrganizationContact.objects.bulk_create(
        [AssociatedOrganizationContact(organization_id=mapping[data["id"]], type=c["type"],
                                       **{n: c.get(_camel(n)) or "" for n in CONTACT_FIELDS})
         for data in frozen for c in data.get("contacts") or []])
