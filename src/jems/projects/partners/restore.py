"""Restore B.1 from a version snapshot (RESTORE_PARTS, used when a modification is rejected).

Partners keep their ids: a partner of the version that still exists is updated in place, one that was removed
since is recreated under its old id (a new id only when the old one is taken; `ids["partners"]` maps it). A
partner added after the version is deleted when nothing outside the application form points at it; a partner
that has annex files, a partner team or other such rows is kept, deactivated and never the lead partner, so that
those rows survive. The state-aid self-checks run later (after the work plan is back), see `restore_state_aid`."""

from django.db.models import SET_NULL, CharField, ManyToOneRel, OneToOneRel, Value
from django.db.models.functions import Cast, Concat
from django.utils.dateparse import parse_datetime

from jems.core.translatable import from_api
from jems.projects.services import sync_rows

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


def _values(data: dict, project) -> dict:
    motivation = data.get("motivation") or {}
    return {"project": project, "abbreviation": data["abbreviation"], "active": data.get("active", True),
            "role": data["role"], "sort_number": data.get("sortNumber") or 0,
            "legal_status_id": data.get("legalStatusId"), "department": from_api(data.get("department")),
            "other_identifier_description": from_api(data.get("otherIdentifierDescription")),
            **{attr: data.get(key) or "" for attr, key in TEXT_FIELDS.items()},
            **{attr: from_api(motivation.get(key)) for attr, key in MOTIVATION.items()}}


def _referenced_outside_form(partner_ids) -> set[int]:
    """The partners on which rows outside the application form (files, partner team, …) depend."""
    found: set[int] = set()
    for rel in ProjectPartner._meta.related_objects:
        if not isinstance(rel, ManyToOneRel | OneToOneRel) or rel.on_delete is SET_NULL:
            continue  # many-to-many links belong to the form; SET_NULL rows survive the deletion
        if rel.related_model in FORM_MODELS or rel.related_model._meta.app_label in FORM_APPS:
            continue
        found |= set(rel.related_model._default_manager.filter(**{f"{rel.field.name}__in": partner_ids})
                     .values_list(rel.field.attname, flat=True))
    return found


def _children(frozen: list[dict], mapping: dict) -> None:
    PartnerAddress.objects.filter(partner_id__in=mapping.values()).delete()
    PartnerContact.objects.filter(partner_id__in=mapping.values()).delete()
    PartnerAddress.objects.bulk_create(
        [PartnerAddress(partner_id=mapping[p["id"]], type=a["type"],
                        **{n: a.get(_camel(n)) or "" for n in ADDRESS_FIELDS})
         for p in frozen for a in p.get("addresses") or []])
    PartnerContact.objects.bulk_create(
        [PartnerContact(partner_id=mapping[p["id"]], type=c["type"],
                        **{n: c.get(_camel(n)) or "" for n in CONTACT_FIELDS})
         for p in frozen for c in p.get("contacts") or []])


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the partners of the version with their addresses, contacts and motivation."""
    frozen = list(snapshot.get("partners") or [])
    live = {p.pk: p for p in ProjectPartner.objects.filter(project=project)}
    extra = set(live) - {data["id"] for data in frozen}
    referenced = _referenced_outside_form(extra) if extra else set()
    ProjectPartner.objects.filter(pk__in=extra - referenced).delete()
    # free every abbreviation first (they are unique per project and may move between partners)
    ProjectPartner.objects.filter(project=project).update(abbreviation=Concat(Value("~"), Cast("id", CharField())))
    mapping = sync_rows(ProjectPartner, set(live) - extra, frozen, "id", lambda data: _values(data, project))
    ids.setdefault("partners", {}).update(mapping)
    ProjectPartner.objects.bulk_update(  # auto_now_add set the time of creation on the recreated ones
        [ProjectPartner(pk=mapping[data["id"]], created_at=parse_datetime(data["createdAt"]))
         for data in frozen if data.get("createdAt")], ["created_at"])
    _children(frozen, mapping)
    taken = {data["abbreviation"] for data in frozen}
    last = max((data.get("sortNumber") or 0 for data in frozen), default=0)
    kept = [live[pk] for pk in sorted(referenced)]
    for number, partner in enumerate(kept, start=last + 1):
        partner.abbreviation = partner.abbreviation if partner.abbreviation not in taken else f"~{partner.pk}"
        partner.active, partner.role, partner.sort_number = False, PartnerRole.PARTNER, number
    ProjectPartner.objects.bulk_update(kept, ["abbreviation", "active", "role", "sort_number"])


def restore_state_aid(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry (after the work plan): the partners' state-aid self-checks of the version."""
    from jems.programme.models import StateAid

    from .state_aid import QUESTIONS, SNAPSHOT_KEY

    partners, activities = ids.get("partners", {}), ids.get("activities", {})
    frozen = {partners[int(pid)]: data for pid, data in (snapshot.get(SNAPSHOT_KEY) or {}).items()
              if int(pid) in partners}
    schemes = set(StateAid.objects.filter(pk__in=[d.get("stateAidId") for d in frozen.values()])
                  .values_list("pk", flat=True))
    PartnerStateAid.objects.filter(partner__project=project).delete()
    rows = []
    for partner_id, data in frozen.items():
        values = {"state_aid_id": data.get("stateAidId") if data.get("stateAidId") in schemes else None}
        for n in QUESTIONS:
            values[f"answer{n}"] = data.get(f"answer{n}")
            values[f"justification{n}"] = from_api(data.get(f"justification{n}"))
        rows.append(PartnerStateAid(partner_id=partner_id, **values))
    PartnerStateAid.objects.bulk_create(rows)
    row_ids = dict(PartnerStateAid.objects.filter(partner_id__in=frozen).values_list("partner_id", "pk"))
    through = PartnerStateAid.activities.through
    through.objects.bulk_create([through(partnerstateaid_id=row_ids[partner_id],
                                         activity_id=activities.get(a["activityId"], a["activityId"]))
                                 for partner_id, data in frozen.items() for a in data.get("activities") or []])
