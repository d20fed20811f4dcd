"""Access helpers (jems.accounts.access): global checks, Jems Perm(P) for a project, 404 for missing and forbidden."""

import pytest
from django.contrib.auth.models import AnonymousUser

from jems.accounts.access import access_project, has_global, has_project_privilege
from jems.accounts.models import Role, UserStatus
from jems.accounts.privileges import Privilege as P
from jems.core.errors import NotFound
from tests.conftest import make_user

PROJECTS = {1: "project one", 2: "project two"}


class Loader:
    """Stands in for a project query; records which ids were loaded."""

    def __init__(self):
        self.loaded = []

    def __call__(self, project_id):
        self.loaded.append(project_id)
        return PROJECTS.get(project_id)


@pytest.fixture
def assigned_monitor(db):
    """A programme user whose role has project privileges but not ProjectRetrieve (monitors assigned projects)."""
    role = Role.objects.create(name="assigned monitor",
                               permissions=[P.ProjectFormRetrieve.value, P.ProjectAssessmentView.value,
                                            P.ProjectAssessmentChecklistSelectedUpdate.value, P.CallRetrieve.value])
    return make_user("monitor@example.org", role.pk)


def test_has_global(admin_user, applicant):
    assert has_global(admin_user, P.UserCreate)
    assert has_global(applicant, P.ProjectCreate)
    assert not has_global(applicant, P.UserCreate)
    assert not has_global(None, P.ProjectCreate)
    assert not has_global(AnonymousUser(), P.ProjectCreate)


def test_project_privilege_with_project_retrieve_applies_to_every_project(programme_user):
    assert programme_user.has_privilege(P.ProjectRetrieve)
    assert has_project_privilege(programme_user, P.ProjectFormRetrieve, 1, assigned_project_ids=())
    assert has_project_privilege(programme_user, P.ProjectFormRetrieve, 12345, assigned_project_ids=())
    # ... but only privileges the role holds.
    assert not has_project_privilege(programme_user, P.ProjectFormUpdate, 1, assigned_project_ids=())


def test_project_privilege_without_project_retrieve_needs_an_assignment(assigned_monitor):
    assert not has_project_privilege(assigned_monitor, P.ProjectFormRetrieve, 1, assigned_project_ids=())
    assert has_project_privilege(assigned_monitor, P.ProjectFormRetrieve, 1, assigned_project_ids={1})
    assert not has_project_privilege(assigned_monitor, P.ProjectFormRetrieve, 2, assigned_project_ids={1})


def test_only_project_related_privileges_are_project_privileges(assigned_monitor, admin_user):
    # Held, but not project-related: never a project privilege.
    assert not has_project_privilege(assigned_monitor, P.ProjectAssessmentChecklistSelectedUpdate, 1, {1})
    assert not has_project_privilege(assigned_monitor, P.CallRetrieve, 1, {1})
    assert not has_project_privilege(admin_user, P.UserCreate, 1, {1})
    assert not has_project_privilege(admin_user, P.ProjectCreate, 1, {1})


def test_anonymous_has_no_project_privilege(db):
    assert not has_project_privilege(AnonymousUser(), P.ProjectFormRetrieve, 1, {1})
    assert not has_project_privilege(None, P.ProjectFormRetrieve, 1, {1})


def test_access_project_loads_when_allowed(programme_user, assigned_monitor):
    load = Loader()
    assert access_project(programme_user, 1, P.ProjectFormRetrieve, load=load) == "project one"
    assert access_project(assigned_monitor, 2, P.ProjectAssessmentView, load=load, assigned_project_ids=[2]) == "project two"
    assert load.loaded == [1, 2]


def test_forbidden_and_missing_answer_the_same_not_found(programme_user, assigned_monitor, applicant):
    load = Loader()
    refusals = []
    for user, project_id, privilege, assigned in (
        (programme_user, 99, P.ProjectFormRetrieve, ()),  # missing project
        (assigned_monitor, 1, P.ProjectFormRetrieve, ()),  # not assigned
        (programme_user, 1, P.ProjectFormUpdate, ()),  # privilege not held
        (applicant, 1, P.ProjectFormRetrieve, ()),  # applicant without collaboration
        (AnonymousUser(), 1, P.ProjectFormRetrieve, ()),
    ):
        with pytest.raises(NotFound) as error:
            access_project(user, project_id, privilege, load=load, assigned_project_ids=assigned)
        body = error.value.body()
        body.pop("id")  # a fresh id per error
        refusals.append((error.value.status, body))
    assert all(refusal == refusals[0] for refusal in refusals)
    assert refusals[0][0] == 404
    assert refusals[0][1]["code"] == "P-ERR" and refusals[0][1]["i18nMessage"]["i18nKey"] == "project.not.found"
    # A refused project is never loaded (no information leaks through timing or side effects).
    assert load.loaded == [99]


def test_viewers_may_access_without_the_privilege(applicant):
    load = Loader()
    assert access_project(applicant, 1, P.ProjectFormRetrieve, load=load, viewer_ids={applicant.pk}) == "project one"
    with pytest.raises(NotFound):
        access_project(applicant, 1, P.ProjectFormRetrieve, load=load, viewer_ids={applicant.pk + 1})
    with pytest.raises(NotFound):
        access_project(AnonymousUser(), 1, P.ProjectFormRetrieve, load=load, viewer_ids={None})


def test_an_inactive_users_role_still_decides_but_login_is_refused_elsewhere(db):
    # Access helpers judge privileges only; inactive users never get a session (services.authenticate).
    user = make_user("inactive@example.org", 2, status=UserStatus.INACTIVE)
    assert not user.is_active
