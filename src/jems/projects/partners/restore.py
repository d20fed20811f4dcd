"""Restore B.1 from a version snapshot (RESTORE_PARTS, used when a modification is rejected).

Partners keep their ids: a partner of the version that still exists is updated in place, one that was removed
since is recreated under its old id (a new id only when the old one is taken; `ids["partners"]` maps it). A
partner added after the version is deleted when nothing outside the application form points at it; a partner
that has annex files, a partner team or other such rows is kept, deactivated and never the lead partner, so that
those rows survive. The state-aid self-checks run later (after the work plan is back), see `restore_state_aid`."""

from django.db.models import SET_NULL, ManyToOneRel, OneToOneRel

from jems.core.translatable import from_api
from jems.projects.services import reusable_pk

from .models import PartnerAddress, PartnerContact, PartnerRole, PartnerStateAid, ProjectPartner
from .queries import ADDRESS_FIELDS, CONTACT_FIELDS, _camel

RANK = 10
STATE_AID_RANK = 50
# Rows of these apps / models are part of the application form and are restored with the partners.
FORM_APPS = {"project_budget", "project_cofinancing", "project_lumpsums", "project_associations",
             "project_workpackages"}
FORM_MODELS = {PartnerAddress, PartnerContact, PartnerStateAid}
TEXT_FIELDS = {"name_in_original_language": "nameInOriginalLanguage", "name_in_english": "nameInEnglish",
               "partner_type": "partnerType", "partner_sub_type": "partnerSubType", "nace": "nace",
               "other_identifier_number": "otherIdentifierNumber", "pic": "pic", "vat": "vat",
               "vat_recovery": "vatRecovery"}
MOTIVATION = {"organization_relevance": "organizationRelevance", "organization_role": "organizationRole",
              "organization_experience": "organizationExperience"}


def _values(data: dict) -> dict:
    motivation = data.get("motivation") or {}
    return {"abbreviation": data["abbreviation"], "active": data.get("active", True), "role": data["role"],
            "sort_number": data.get("sortNumber") or 0, "legal_status_id": data.get("legalStatusId"),
            "department": from_api(data.get("department")),
            "other_identifier_description": from_api(data.get("otherIdentifierDescription")),
            **{attr: data.get(key) or "" for attr, key in TEXT_FIELDS.items()},
            **{attr: from_api(motivation.get(key)) for attr, key in MOTIVATION.items()}}


def _referenced_outside_form(partner: ProjectPartner) -> bool:
    """Whether rows outside the application form (files, partner team, later reporting…) depend on the partner."""
    for rel in partner._meta.related_objects:
        if not isinstance(rel, ManyToOneRel | OneToOneRel) or rel.on_delete is SET_NULL:
            continue  # many-to-many links belong to the form; SET_NULL rows survive the deletion
        if rel.related_model in FORM_MODELS or rel.related_model._meta.app_label in FORM_APPS:
            continue
        if rel.related_model._default_manager.filter(**{rel.field.name: partner}).exists():
            return True
    return False


def _children(partner: ProjectPartner, data: dict) -> None:
    PartnerAddress.objects.filter(partner=partner).delete()
    PartnerContact.objects.filter(partner=partner).delete()
    PartnerAddress.objects.bulk_create(
        [PartnerAddress(partner=partner, type=a["type"], **{n: a.get(_camel(n)) or "" for n in ADDRESS_FIELDS})
         for a in data.get("addresses") or []])
    PartnerContact.objects.bulk_create(
        [PartnerContact(partner=partner, type=c["type"], **{n: c.get(_camel(n)) or "" for n in CONTACT_FIELDS})
         for c in data.get("contacts") or []])


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the partners of the version with their addresses, contacts and motivation."""
    frozen = list(snapshot.get("partners") or [])
    live = {p.pk: p for p in ProjectPartner.objects.filter(project=project)}
    wanted = {data["id"] for data in frozen}
    kept = []
    for partner in [p for pk, p in live.items() if pk not in wanted]:
        if _referenced_outside_form(partner):
            kept.append(partner)
        else:
            partner.delete()
    # free every abbreviation first (they are unique per project and may move between partners)
    for partner in [*kept, *(p for pk, p in live.items() if pk in wanted)]:
        ProjectPartner.objects.filter(pk=partner.pk).update(abbreviation=f"~{partner.pk}"[:15])
    mapping = ids.setdefault("partners", {})
    for data in frozen:
        values = _values(data)
        partner = live.get(data["id"])
        if partner is None:
            partner = ProjectPartner.objects.create(pk=reusable_pk(ProjectPartner, data["id"]), project=project,
                                                    **values)
        else:
            ProjectPartner.objects.filter(pk=partner.pk).update(**values)
        if data.get("createdAt"):
            ProjectPartner.objects.filter(pk=partner.pk).update(created_at=data["createdAt"])
        mapping[data["id"]] = partner.pk
        _children(partner, data)
    taken = {data["abbreviation"] for data in frozen}
    last = max((data.get("sortNumber") or 0 for data in frozen), default=0)
    for number, partner in enumerate(kept, start=last + 1):
        abbreviation = partner.abbreviation if partner.abbreviation not in taken else f"~{partner.pk}"[:15]
        ProjectPartner.objects.filter(pk=partner.pk).update(abbreviation=abbreviation, active=False,
                                                            role=PartnerRole.PARTNER, sort_number=number)


def restore_state_aid(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry (after the work plan): the partners' state-aid self-checks of the version."""
    from jems.programme.models import StateAid

    from .state_aid import QUESTIONS, SNAPSHOT_KEY

    partners = ids.get("partners", {})
    activities = ids.get("activities", {})
    PartnerStateAid.objects.filter(partner__project=project).delete()
    for partner_id, data in (snapshot.get(SNAPSHOT_KEY) or {}).items():
        live_id = partners.get(int(partner_id))
        if live_id is None:
            continue
        scheme = data.get("stateAidId")
        values = {"state_aid_id": scheme if scheme and StateAid.objects.filter(pk=scheme).exists() else None}
        for n in QUESTIONS:
            values[f"answer{n}"] = data.get(f"answer{n}")
            values[f"justification{n}"] = from_api(data.get(f"justification{n}"))
        row = PartnerStateAid.objects.create(partner_id=live_id, **values)
        row.activities.set([activities.get(a["activityId"], a["activityId"]) for a in data.get("activities") or []])
