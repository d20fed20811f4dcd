"""The read layer of controller institutions: visibility by privilege and membership, fixed query counts."""

from django.db.models import Prefetch

from jems.accounts.models import Role, User
from jems.accounts.privileges import PROJECT_MONITOR_SET, Privilege
from jems.core.errors import Forbidden, NotFound
from jems.core.pagination import PageRequest, paginate
from jems.nuts.queries import all_regions, programme_area_codes, tree

from .models import ControllerInstitution, ControllerInstitutionNuts, ControllerInstitutionUser

SORT_FIELDS = {"id": "id", "name": "name", "description": "description", "createdAt": "created_at"}
READ = (Privilege.InstitutionsRetrieve, Privilege.InstitutionsUpdate, Privilege.InstitutionsUnlimited)


def _can_read_any(actor) -> bool:
    return actor is not None and actor.is_authenticated and any(actor.has_privilege(p) for p in READ)


def visible_institutions(actor):
    """InstitutionsUnlimited sees every institution; InstitutionsRetrieve/Update only those the actor belongs to."""
    if not _can_read_any(actor):
        raise Forbidden()
    institutions = ControllerInstitution.objects.all()
    if not actor.has_privilege(Privilege.InstitutionsUnlimited):
        institutions = institutions.filter(users__user_id=actor.pk)
    return institutions


def _with_nuts(queryset):
    return queryset.prefetch_related(
        Prefetch("nuts", queryset=ControllerInstitutionNuts.objects.only("institution_id", "region_id")))


def list_institutions(*, actor, page: PageRequest) -> tuple[list[ControllerInstitution], int, dict]:
    """One page of the visible institutions, with each one's NUTS tree: {institution id: [OutputNuts]}.
    Four queries whatever the number of rows."""
    items, total = paginate(_with_nuts(visible_institutions(actor)), page)
    regions = all_regions() if any(i.nuts.all() for i in items) else []
    trees = {i.pk: tree(regions, {n.region_id for n in i.nuts.all()}) if i.nuts.all() else [] for i in items}
    return items, total, trees


def get_institution(*, actor, institution_id: int) -> tuple[ControllerInstitution, list[dict], list]:
    """An institution with its NUTS tree and its users (with their e-mails)."""
    if not _can_read_any(actor):
        raise Forbidden()
    institution = _with_nuts(ControllerInstitution.objects.prefetch_related(
        Prefetch("users", queryset=ControllerInstitutionUser.objects.select_related("user").order_by("user__email"))
    )).filter(pk=institution_id).first()
    if institution is None:
        raise NotFound(key="controller.institution.not.found")
    members = list(institution.users.all())
    if not actor.has_privilege(Privilege.InstitutionsUnlimited) and actor.pk not in {m.user_id for m in members}:
        raise Forbidden()
    codes = {n.region_id for n in institution.nuts.all()}
    return institution, (tree(all_regions(), codes) if codes else []), members


def available_regions(*, actor) -> list[dict]:
    """checkMyAvailableRegions: the NUTS of the institutions the actor belongs to; with AssignmentsUnlimited,
    the whole programme area."""
    if actor is None or not actor.is_authenticated:
        raise Forbidden()
    if actor.has_privilege(Privilege.AssignmentsUnlimited):
        codes = programme_area_codes()
    elif any(actor.has_privilege(p) for p in (*READ, Privilege.InstitutionsAssignmentRetrieve)):
        codes = set(ControllerInstitutionNuts.objects.filter(institution__users__user_id=actor.pk)
                    .values_list("region_id", flat=True))
    else:
        raise Forbidden()
    return tree(all_regions(), codes) if codes else []


def require_assignment_reader(actor) -> None:
    if actor is None or not actor.is_authenticated or not (
            actor.has_privilege(Privilege.InstitutionsAssignmentRetrieve)
            or actor.has_privilege(Privilege.AssignmentsUnlimited)):
        raise Forbidden()


def partner_assignments(*, actor, page: PageRequest) -> tuple[list, int]:
    """Partners of contracted projects with their institution: none until projects exist (later release)."""
    require_assignment_reader(actor)
    return [], 0


def access_level_for_partner(*, actor, partner_id: int) -> str | None:
    """The actor's access level over a partner through an assigned institution: none without assignments."""
    if actor is None or not actor.is_authenticated:
        raise Forbidden()
    return None


def institution_users_for_partner(*, actor, institution_id: int, partner_id: int) -> list:
    """Users of an institution assigned to a partner; partners do not exist yet, so the partner is unknown."""
    if not _can_read_any(actor) and not actor.has_privilege(Privilege.InstitutionsAssignmentRetrieve):
        raise Forbidden()
    if not ControllerInstitution.objects.filter(pk=institution_id).exists():
        raise NotFound(key="controller.institution.not.found")
    raise NotFound(key="project.partner.not.found", args={"partnerId": partner_id})


def monitor_users() -> list[User]:
    """Users who may be controllers (role with a project-monitor privilege), by e-mail: two queries."""
    wanted = {str(p) for p in PROJECT_MONITOR_SET}
    roles = [r.pk for r in Role.objects.all() if wanted & set(r.permissions)]
    return list(User.objects.filter(role_id__in=roles).order_by("email").only("id", "email", "name", "surname"))
