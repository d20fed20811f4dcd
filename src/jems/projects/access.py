"""Who may see and edit a project (workflows-and-permissions §0, §1.7, §3.3, §3.4).

Viewers = project collaborators (any level) ∪ extra viewers; editors = EDIT/MANAGE collaborators;
managers = MANAGE collaborators. Extension point: `EXTRA_VIEWERS` holds callables
`(project_id) -> set[user_id]` that later apps (partner teams, controller institutions) register so that
their users count as project viewers. Every refusal is a 404, exactly like a missing project.
"""

from collections.abc import Callable

from jems.accounts.access import has_global, has_project_privilege
from jems.accounts.privileges import Privilege
from jems.core.errors import NotFound

from .models import CollaboratorLevel, Project, ProjectAssignment, ProjectCollaborator, can_be_modified

# Later apps append callables returning the user ids that see a project (partner collaborators, controllers).
EXTRA_VIEWERS: list[Callable[[int], set[int]]] = []
# ... and callables returning the project ids a user sees through them (for "My applications").
EXTRA_PROJECTS_OF_USER: list[Callable[[int], set[int]]] = []


class ProjectAccess:
    """The relation of one user to one project, computed once per request."""

    def __init__(self, user, project: Project):
        self.user = user
        self.project = project
        uid = user.pk if user is not None and user.is_authenticated else None
        self.level = (ProjectCollaborator.objects.filter(project=project, user_id=uid)
                      .values_list("level", flat=True).first()) if uid else None
        self.assigned = bool(uid) and ProjectAssignment.objects.filter(project=project, user_id=uid).exists()
        self.extra_viewer = bool(uid) and any(uid in viewers(project.pk) for viewers in EXTRA_VIEWERS)

    def perm(self, privilege: Privilege) -> bool:
        """Jems Perm(P) on this project."""
        return has_project_privilege(self.user, privilege, self.project.pk,
                                     {self.project.pk} if self.assigned else set())

    @property
    def is_viewer(self) -> bool:
        return self.level is not None or self.extra_viewer

    @property
    def is_editor(self) -> bool:
        return self.level in (CollaboratorLevel.EDIT, CollaboratorLevel.MANAGE)

    @property
    def is_manager(self) -> bool:
        return self.level == CollaboratorLevel.MANAGE

    def can_view(self) -> bool:
        """Project detail (§3.4): global ProjectRetrieve, Perm(ProjectFormRetrieve) or a viewer."""
        return (has_global(self.user, Privilege.ProjectRetrieve) or self.perm(Privilege.ProjectFormRetrieve)
                or self.is_viewer)

    def may_edit_form(self) -> bool:
        """canUpdateProject without the status part: Perm(ProjectFormUpdate) or an EDIT/MANAGE collaborator."""
        return self.perm(Privilege.ProjectFormUpdate) or self.is_editor

    def can_edit_form(self) -> bool:
        return self.may_edit_form() and can_be_modified(self.project.status)

    def can_see_collaborators(self) -> bool:
        return self.perm(Privilege.ProjectMonitorCollaboratorsRetrieve) or (
            self.level is not None and has_global(self.user, Privilege.ProjectCreatorCollaboratorsRetrieve))

    def can_manage_collaborators(self) -> bool:
        return self.perm(Privilege.ProjectMonitorCollaboratorsUpdate) or (
            self.is_manager and has_global(self.user, Privilege.ProjectCreatorCollaboratorsUpdate))


def not_found() -> NotFound:
    return NotFound(key="project.not.found", code="P-ERR")


def load(user, project_id) -> ProjectAccess:
    """The project with the user's access to it, or 404 when it is missing or not visible."""
    try:
        project_id = int(project_id)
    except (TypeError, ValueError):
        raise not_found() from None
    if not (0 < project_id < 2**63):
        raise not_found()
    project = Project.objects.select_related("call", "applicant", "specific_objective__priority").filter(
        pk=project_id).first()
    if project is None:
        raise not_found()
    access = ProjectAccess(user, project)
    if not access.can_view():
        raise not_found()
    return access
