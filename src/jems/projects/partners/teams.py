"""Partner teams (features §4.13, workflows §3.3): the users of each partner with level VIEW or EDIT and the
GDPR flag. Seen by whoever may see the project collaborators, managed by whoever may manage them
(ProjectAccess.can_manage_collaborators). Partner-team users count as project viewers (read-only form) and see
the project under "My applications" through the access.py extension lists."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from jems.accounts.models import User, UserStatus
from jems.accounts.privileges import Privilege
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects import access

from .models import PartnerCollaborator, PartnerCollaboratorLevel, ProjectPartner


def viewers_of_project(project_id: int) -> set[int]:
    """EXTRA_VIEWERS entry: the users of every partner team of the project."""
    return set(PartnerCollaborator.objects.filter(partner__project_id=project_id).values_list("user_id", flat=True))


def projects_of_user(user_id: int) -> set[int]:
    """EXTRA_PROJECTS_OF_USER entry: the projects in whose partner teams the user is."""
    return set(PartnerCollaborator.objects.filter(user_id=user_id).values_list("partner__project_id", flat=True))


def dto(row: PartnerCollaborator) -> dict:
    """PartnerUserCollaboratorDTO of a team member (user loaded)."""
    return {"partnerId": row.partner_id, "userId": row.user_id, "userEmail": row.user.email, "level": row.level,
            "gdpr": row.gdpr}


def _rows():
    return PartnerCollaborator.objects.select_related("user").order_by("partner__sort_number", "partner_id", "id")


def project_teams(*, actor, project_id) -> tuple[access.ProjectAccess, list[PartnerCollaborator]]:
    """All partner-team members of a project; only for users who may see the collaborators (404 otherwise)."""
    acc = access.load(actor, project_id)
    if not acc.can_see_collaborators():
        raise access.not_found()
    return acc, list(_rows().filter(partner__project=acc.project))


def my_collaborations(*, actor, project_id) -> list[PartnerCollaborator]:
    """The actor's own partner-team memberships in a visible project."""
    acc = access.load(actor, project_id)
    return list(_rows().filter(partner__project=acc.project, user_id=actor.pk))


def my_level(*, actor, partner_id) -> str | None:
    """The actor's level in the partner's team, or None (also for unknown partners, as Jems answers)."""
    try:
        partner_id = int(partner_id)
    except (TypeError, ValueError):
        return None
    if not (0 < partner_id < 2**63) or not actor.is_authenticated:
        return None
    return (PartnerCollaborator.objects.filter(partner_id=partner_id, user_id=actor.pk)
            .values_list("level", flat=True).first())


@dataclass
class TeamMember:
    """One wanted member of a partner team."""

    email: str
    level: str
    gdpr: bool = False


def _err(key: str, **args) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in args.items()}}


def _partner_of_project(project, partner_id) -> ProjectPartner:
    try:
        partner_id = int(partner_id)
    except (TypeError, ValueError):
        partner_id = 0
    partner = (ProjectPartner.objects.select_for_update().filter(pk=partner_id, project=project).first()
               if 0 < partner_id < 2**63 else None)
    if partner is None:
        raise NotFound(key="project.partner.not.exists", code="PP-ERR")
    return partner


def _users(errors: dict, wanted: dict[str, TeamMember]) -> dict[str, User]:
    """The wanted users by lower-case e-mail; unknown, inactive and non-applicant users become field errors."""
    match = Q()
    for email in wanted:
        match |= Q(email__iexact=email)
    users = {u.email.lower(): u for u in User.objects.select_related("role").filter(match)} if wanted else {}
    for email, member in wanted.items():
        user = users.get(email)
        if user is None:
            errors[f"userEmail.{email}"] = _err("project.partner.collaborator.user.not.found", email=email)
        elif user.status != UserStatus.ACTIVE:
            errors[f"userEmail.{email}"] = _err("project.partner.collaborator.user.not.active", email=email)
        elif not user.has_privilege(Privilege.ProjectCreate):
            errors[f"userEmail.{email}"] = _err("project.partner.collaborator.user.not.applicant", email=email)
        if member.level not in PartnerCollaboratorLevel.values:
            errors[f"level.{email}"] = _err("project.partner.collaborator.level.invalid")
    return users


def update_partner_collaborators(*, actor, project_id, partner_id, members: list[TeamMember]) -> list[PartnerCollaborator]:
    """Replace a partner's team by (e-mail, level, GDPR) rows. Only for collaborator managers (403 for other
    viewers, 404 when the project or the partner of it is not visible). Every user must exist, be active and
    hold ProjectCreate (applicant side). Audited as PROJECT_USER_ASSIGNMENT_APPLICANTS."""
    from jems.projects.services import audit_project

    with transaction.atomic():
        acc = access.load(actor, project_id)
        if not acc.can_manage_collaborators():
            raise Forbidden()
        partner = _partner_of_project(acc.project, partner_id)
        wanted: dict[str, TeamMember] = {}
        for member in members:
            email = (member.email or "").strip().lower()
            if email:
                wanted[email] = member
        errors: dict = {}
        users = _users(errors, wanted)
        if errors:
            raise ValidationFailed(form_errors=errors)
        PartnerCollaborator.objects.filter(partner=partner).delete()
        PartnerCollaborator.objects.bulk_create([
            PartnerCollaborator(partner=partner, user=users[email], level=m.level, gdpr=bool(m.gdpr))
            for email, m in wanted.items()])
        listing = ", ".join(f"{email}: {m.level}{' (GDPR)' if m.gdpr else ''}" for email, m in sorted(wanted.items()))
        record(AuditAction.PROJECT_USER_ASSIGNMENT_APPLICANTS, actor=actor, project=audit_project(acc.project),
               entity_related_id=partner.pk,
               description=f"Following users were assigned to partner {partner.abbreviation} of project "
                           f"{acc.project.custom_identifier}: [{listing}]")
    return list(_rows().filter(partner=partner))
