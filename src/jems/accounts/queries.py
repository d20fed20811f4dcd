"""The read layer of accounts: user and role lookups with privilege checks and fixed query counts."""

from django.db.models import Q

from jems.core.errors import NotFound
from jems.core.pagination import PageRequest, paginate

from .models import Role, User
from .privileges import GLOBAL_PROJECT_RETRIEVE, PROJECT_MONITOR_SET, Privilege
from .services import require

USER_SORT_FIELDS = {"id": "id", "email": "email", "name": "name", "surname": "surname",
                    "userRole.name": "role__name", "userRole": "role__name", "userStatus": "status"}
ROLE_SORT_FIELDS = {"id": "id", "name": "name", "defaultForRegisteredUser": "default_for_registered_user"}


def search_users(*, actor: User, page: PageRequest, name: str | None = None, surname: str | None = None,
                 email: str | None = None, roles=(), statuses=()) -> tuple[list[User], int]:
    """Users matching the filters (substring, case-insensitive), one page, with their roles."""
    require(actor, Privilege.UserRetrieve)
    users = User.objects.select_related("role")
    if name:
        users = users.filter(name__icontains=name)
    if surname:
        users = users.filter(surname__icontains=surname)
    if email:
        users = users.filter(email__icontains=email)
    if roles:
        users = users.filter(role_id__in=list(roles))
    if statuses:
        users = users.filter(status__in=[str(getattr(s, "value", s)) for s in statuses])
    return paginate(users, page)


def get_user(*, actor: User, user_id: int) -> User:
    """One user; anyone may read themselves, others need UserRetrieve."""
    if actor.pk != user_id:
        require(actor, Privilege.UserRetrieve)
    user = User.objects.select_related("role").filter(pk=user_id).first()
    if user is None:
        raise NotFound(key="user.not.found")
    return user


def _roles_with_any(privileges) -> list[int]:
    wanted = {str(p) for p in privileges}
    return [role.pk for role in Role.objects.all() if wanted & set(role.permissions)]


def users_with_project_retrieve(*, actor: User) -> list[User]:
    """Users whose role sees all projects (ProjectRetrieve or ProjectRetrieveEditUserAssignments)."""
    require(actor, Privilege.ProjectRetrieveEditUserAssignments)
    return list(User.objects.select_related("role").filter(role_id__in=_roles_with_any(GLOBAL_PROJECT_RETRIEVE)))


def monitor_users(*, actor: User) -> list[User]:
    """Users without global project access whose role has a project-monitor privilege (assignable to projects)."""
    require(actor, Privilege.ProjectRetrieveEditUserAssignments)
    global_roles = set(_roles_with_any(GLOBAL_PROJECT_RETRIEVE))
    monitor_roles = [r for r in _roles_with_any(PROJECT_MONITOR_SET) if r not in global_roles]
    return list(User.objects.select_related("role").filter(role_id__in=monitor_roles))


def list_roles(*, actor: User, page: PageRequest) -> tuple[list[Role], int]:
    """Roles, one page. Users who may create or edit users see them too (to pick a role)."""
    if not any(actor.has_privilege(p) for p in (Privilege.RoleRetrieve, Privilege.UserCreate, Privilege.UserUpdate)):
        require(actor, Privilege.RoleRetrieve)
    return paginate(Role.objects.all(), page)


def get_role(*, actor: User, role_id: int) -> Role:
    """One role with its privileges; anyone may read their own role."""
    if actor.role_id != role_id:
        require(actor, Privilege.RoleRetrieve)
    role = Role.objects.filter(pk=role_id).first()
    if role is None:
        raise NotFound(key="role.not.found")
    return role


def default_role_id() -> int | None:
    role = Role.objects.filter(default_for_registered_user=True).values_list("id", flat=True).first()
    return role


def search_filter_text(q: str) -> Q:
    """Free-text user filter for the UI: name, surname or e-mail contains the text."""
    return Q(name__icontains=q) | Q(surname__icontains=q) | Q(email__icontains=q)
