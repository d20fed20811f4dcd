"""The write layer of controller institutions (and of institution <-> partner assignments, which wait for
contracted projects)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User
from jems.accounts.privileges import PROJECT_MONITOR_SET, Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import Forbidden, NotFound, ValidationFailed, i18n
from jems.nuts.models import NutsRegion
from jems.nuts.queries import programme_area_codes

from .models import (
    ControllerInstitution,
    ControllerInstitutionNuts,
    ControllerInstitutionUser,
    UserInstitutionAccessLevel,
)

NAME_MAX = 250
DESCRIPTION_MAX = 2000
USERS_MAX = 1000


@dataclass(frozen=True)
class InstitutionUserInput:
    """A user of an institution as the API or the page gives it: by e-mail (or id) with an access level."""

    user_email: str
    access_level: str
    user_id: int | None = None


def is_monitor(user) -> bool:
    """May the user be a controller: does the role hold any project-monitor privilege?"""
    return bool({str(p) for p in PROJECT_MONITOR_SET} & user.role.privilege_set)


def can_update(actor, institution: ControllerInstitution) -> bool:
    if not actor.has_privilege(Privilege.InstitutionsUpdate):
        return False
    if actor.has_privilege(Privilege.InstitutionsUnlimited):
        return True
    return institution.users.filter(user_id=actor.pk).exists()


def _length(errors, field, value, limit, required=False):
    if required and not value.strip():
        errors[field] = i18n("common.error.field.required")
    elif len(value) > limit:
        errors[field] = i18n("common.error.field.max.length", {"actualLength": len(value), "requiredLength": limit})


def _coverage(codes, errors) -> set[str]:
    """The NUTS 3 codes of the programme area that the given codes (any level) cover."""
    wanted = {str(c).strip().upper() for c in codes or () if str(c).strip()}
    if not wanted:
        return set()
    area = programme_area_codes()
    regions = {r.code: r for r in NutsRegion.objects.only("code", "level", "parent_id")}
    outside = sorted(c for c in wanted if c not in regions or (regions[c].level == 3 and c not in area))
    if outside:
        errors["institutionNuts"] = i18n("controller.institution.nuts.not.in.programme.area",
                                         {"codes": ", ".join(outside[:10])})
        return set()
    covered = set()
    for code in area:
        node = code
        while node:
            if node in wanted:
                covered.add(code)
                break
            node = regions[node].parent_id if node in regions else None
    return covered


def _users(entries, errors) -> dict[int, str]:
    """{user id: access level} of the given users; unknown users and users who may not control are refused."""
    entries = list(entries or ())
    if len(entries) > USERS_MAX:
        errors["institutionUsers"] = i18n("controller.institution.users.too.many", {"max": USERS_MAX})
        return {}
    emails = {e.user_email.strip().lower() for e in entries if (e.user_email or "").strip()}
    ids = {e.user_id for e in entries if not (e.user_email or "").strip() and e.user_id}
    found = list(User.objects.select_related("role").filter(email__in=emails)) if emails else []
    # E-mails are matched case-insensitively; the list above is exact, so look up the rest one by one.
    by_email = {u.email.lower(): u for u in found}
    for email in emails - set(by_email):
        user = User.objects.select_related("role").filter(email__iexact=email).first()
        if user:
            by_email[email] = user
    by_id = {u.pk: u for u in User.objects.select_related("role").filter(pk__in=ids)} if ids else {}
    chosen: dict[int, str] = {}
    for index, entry in enumerate(entries):
        email = (entry.user_email or "").strip().lower()
        user = by_email.get(email) if email else by_id.get(entry.user_id)
        field = f"institutionUsers[{index}].userEmail"
        level = str(getattr(entry.access_level, "value", entry.access_level))
        if user is None:
            errors[field] = i18n("controller.institution.user.not.found", {"email": entry.user_email or ""})
        elif not is_monitor(user):
            errors[field] = i18n("controller.institution.user.not.monitor", {"email": user.email})
        elif user.pk in chosen:
            errors[field] = i18n("controller.institution.user.duplicate", {"email": user.email})
        elif level not in UserInstitutionAccessLevel.values:
            errors[f"institutionUsers[{index}].accessLevel"] = i18n("common.error.input.invalid")
        else:
            chosen[user.pk] = level
    return chosen


def _validate(*, name, description, nuts_codes, users):
    name = (name or "").strip()
    description = (description or "").strip() or None
    errors = {}
    _length(errors, "name", name, NAME_MAX, required=True)
    _length(errors, "description", description or "", DESCRIPTION_MAX)
    coverage = _coverage(nuts_codes, errors)
    members = _users(users, errors)
    if errors:
        raise ValidationFailed(form_errors=errors)
    return name, description, coverage, members


def _snapshot(institution) -> dict:
    users = {u.user.email: u.access_level for u in institution.users.select_related("user")}
    return {"name": institution.name, "description": institution.description or "",
            "nuts": ", ".join(sorted(institution.nuts.values_list("region_id", flat=True))),
            "users": ", ".join(f"{email} ({level})" for email, level in sorted(users.items()))}


def _describe(before: dict | None, after: dict, institution) -> str:
    if before is None:
        head = f"Controller institution {institution.pk} '{institution.name}' created"
        return head + "".join(f"\n{k}: {v}" for k, v in after.items() if v)
    lines = [f"{k}: {before[k]} -> {after[k]}" for k in after if before[k] != after[k]]
    return f"Controller institution {institution.pk} '{institution.name}' changed:\n" + "\n".join(lines)


def _store(institution, coverage: set[str], members: dict[int, str]) -> None:
    current_nuts = set(institution.nuts.values_list("region_id", flat=True))
    institution.nuts.filter(region_id__in=current_nuts - coverage).delete()
    ControllerInstitutionNuts.objects.bulk_create(
        [ControllerInstitutionNuts(institution=institution, region_id=c) for c in sorted(coverage - current_nuts)])
    current_users = {u.user_id: u for u in institution.users.all()}
    institution.users.filter(user_id__in=set(current_users) - set(members)).delete()
    changed = []
    for user_id, level in members.items():
        row = current_users.get(user_id)
        if row is not None and row.access_level != level:
            row.access_level = level
            changed.append(row)
    ControllerInstitutionUser.objects.bulk_update(changed, ["access_level"])
    ControllerInstitutionUser.objects.bulk_create(
        [ControllerInstitutionUser(institution=institution, user_id=user_id, access_level=level)
         for user_id, level in members.items() if user_id not in current_users])


def create_institution(*, actor, name: str, description: str | None, nuts_codes, users) -> ControllerInstitution:
    """A new institution (InstitutionsUnlimited and InstitutionsUpdate). NUTS codes of any level select the
    programme area's NUTS 3 regions under them; users must have a project-monitor privilege."""
    require(actor, Privilege.InstitutionsUnlimited)
    require(actor, Privilege.InstitutionsUpdate)
    name, description, coverage, members = _validate(name=name, description=description, nuts_codes=nuts_codes,
                                                     users=users)
    with transaction.atomic():
        institution = ControllerInstitution.objects.create(name=name, description=description,
                                                           created_at=timezone.now())
        _store(institution, coverage, members)
        record(AuditAction.CONTROLLER_INSTITUTION_CHANGED, actor=actor, entity_related_id=institution.pk,
               description=_describe(None, _snapshot(institution), institution))
    return institution


def update_institution(*, actor, institution_id: int, name: str, description: str | None, nuts_codes,
                       users) -> ControllerInstitution:
    """Change an institution: with InstitutionsUpdate, any institution (InstitutionsUnlimited) or one the
    actor belongs to."""
    require(actor, Privilege.InstitutionsUpdate)
    with transaction.atomic():
        institution = ControllerInstitution.objects.select_for_update().filter(pk=institution_id).first()
        if institution is None:
            raise NotFound(key="controller.institution.not.found")
        if not can_update(actor, institution):
            raise Forbidden()
        name, description, coverage, members = _validate(name=name, description=description,
                                                         nuts_codes=nuts_codes, users=users)
        before = _snapshot(institution)
        institution.name, institution.description = name, description
        institution.save(update_fields=["name", "description"])
        _store(institution, coverage, members)
        after = _snapshot(institution)
        if before != after:
            record(AuditAction.CONTROLLER_INSTITUTION_CHANGED, actor=actor, entity_related_id=institution.pk,
                   description=_describe(before, after, institution))
    return institution


def assign_institutions(*, actor, to_add, to_remove) -> list[tuple[int, int]]:
    """Assign institutions to partners of contracted projects (InstitutionsAssignmentUpdate). Projects and
    partners arrive with a later release: there is no assignable partner yet, so any assignment is refused
    (422) and an empty change answers an empty list."""
    require(actor, Privilege.InstitutionsAssignmentUpdate)
    pairs = [(a.partner_id, a.institution_id) for a in list(to_add or ()) + list(to_remove or ())]
    if not pairs:
        return []
    institution_ids = {institution for _partner, institution in pairs}
    known = set(ControllerInstitution.objects.filter(pk__in=institution_ids).values_list("pk", flat=True))
    errors = {}
    for index, (partner_id, institution_id) in enumerate(pairs):
        if institution_id not in known:
            errors[f"assignments[{index}].institutionId"] = i18n("controller.institution.not.found",
                                                                  {"institutionId": institution_id})
        errors[f"assignments[{index}].partnerId"] = i18n("controller.institution.partner.not.assignable",
                                                          {"partnerId": partner_id})
    raise ValidationFailed(form_errors=errors, key="controller.institution.partner.not.assignable",
                           args={"partnerId": pairs[0][0]})
