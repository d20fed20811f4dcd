"""Access helpers for project-scoped checks (workflows-and-permissions §0).

A project privilege P applies to a project when the role holds P and either the role holds
ProjectRetrieve (all projects) or the user is assigned to the project. Callers pass what they know
about the user's relation to the project; a refusal is indistinguishable from a missing project (404).
"""

from collections.abc import Callable, Collection

from jems.core.errors import NotFound

from .privileges import PROJECT_RELATED, Privilege


def has_global(user, privilege: Privilege) -> bool:
    """The role holds the privilege (a global check)."""
    return bool(user and user.is_authenticated and user.has_privilege(privilege))


def has_project_privilege(user, privilege: Privilege, project_id: int, assigned_project_ids: Collection[int]) -> bool:
    """Jems Perm(P) for one project: P is project-scoped, the role holds P, and the user monitors all
    projects or is assigned to this one."""
    if privilege not in PROJECT_RELATED or not has_global(user, privilege):
        return False
    return has_global(user, Privilege.ProjectRetrieve) or project_id in assigned_project_ids


def access_project(user, project_id: int, privilege: Privilege, *, load: Callable[[int], object | None],
                   assigned_project_ids: Collection[int] = (), viewer_ids: Collection[int] = ()):
    """Load a project for `user` if Perm(privilege) holds or the user is among its viewers; otherwise
    raise NotFound, exactly as for a project that does not exist."""
    allowed = has_project_privilege(user, privilege, project_id, assigned_project_ids) or (
        user is not None and user.is_authenticated and user.pk in viewer_ids
    )
    project = load(project_id) if allowed else None
    if project is None:
        raise NotFound(key="project.not.found", code="P-ERR")
    return project
