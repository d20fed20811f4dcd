"""Pages: apply, Applications list and Assignment, overview, A.1/A.2 with versions, privileges, dashboard."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects import services
from jems.projects.models import CollaboratorLevel, Project, ProjectAssignment, ProjectCollaborator
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_apply_page_creates_and_redirects(applicant, open_call, languages):
    client = login(applicant)
    page = client.get(f"/app/call/{open_call.pk}/apply")
    assert page.status_code == 200 and b'name="acronym"' in page.content
    bad = client.post(f"/app/call/{open_call.pk}/apply", {"acronym": "A" * 30})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content
    response = client.post(f"/app/call/{open_call.pk}/apply", {"acronym": "RIVER"})
    project = Project.objects.get(acronym="RIVER")
    assert response.status_code == 302 and response.url == f"/app/project/detail/{project.pk}"
    detail = client.get(response.url)
    assert detail.status_code == 200 and project.custom_identifier.encode() in detail.content
    assert b"1.0" in detail.content and b"<span>Shared folder</span>" in detail.content
    dashboard = client.get("/app/dashboard")
    assert b"My applications" in dashboard.content and b"RIVER" in dashboard.content


def test_apply_after_end_shows_reason(applicant, ended_call):
    response = login(applicant).get(f"/app/call/{ended_call.pk}/apply")
    assert response.status_code == 422


def test_identification_edit_and_version(project, applicant, languages):
    client = login(applicant)
    url = f"/app/project/detail/{project.pk}/applicationFormIdentification"
    page = client.get(url)
    assert page.status_code == 200 and b"title_0" in page.content or b"title_" in page.content
    data = {"acronym": "GREEN", "title_0": "Grüne Flüsse", "title_1": "Green rivers", "duration": "12",
            "specific_objective": "Digitisation", "intro_0": "", "intro_1": "Summary"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    project.refresh_from_db()
    assert project.title == {"DE": "Grüne Flüsse", "EN": "Green rivers"} and project.duration == 12
    too_long = client.post(url, {**data, "title_1": "x" * 251})
    assert too_long.status_code == 422 and "x" * 251 in too_long.content.decode()
    current = client.get(url + "?version=1.0")  # the current version: editable live data
    assert b"Save changes" in current.content
    services.create_version(actor=applicant, project=project)
    client.post(url, {**data, "title_1": "Changed"})
    old = client.get(url + "?version=1.0")
    assert old.status_code == 200 and b"read-only" in old.content and b"Green rivers" in old.content
    assert b"Changed" not in old.content and b"Save changes" not in old.content
    assert client.get(url + "?version=7.0").status_code == 404


def test_view_collaborator_reads_only(project):
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    client = login(viewer)
    url = f"/app/project/detail/{project.pk}/applicationFormIdentification"
    page = client.get(url)
    assert page.status_code == 200 and b"Save changes" not in page.content and b"disabled" in page.content
    assert client.post(url, {"acronym": "HACK"}).status_code == 403
    assert Project.objects.get(pk=project.pk).acronym == "GREEN"


def test_other_applicant_gets_404_on_pages(project):
    client = login(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    for suffix in ("", "/applicationFormIdentification", "/privileges"):
        assert client.get(f"/app/project/detail/{project.pk}{suffix}").status_code == 404


def test_monitor_sees_page_after_assignment(project, monitor):
    client = login(monitor)
    assert client.get(f"/app/project/detail/{project.pk}").status_code == 404
    ProjectAssignment.objects.create(project=project, user=monitor)
    assert client.get(f"/app/project/detail/{project.pk}").status_code == 200


def test_privileges_page(project, applicant):
    make_user("colleague@example.org", APPLICANT_USER_ROLE_ID)
    client = login(applicant)
    url = f"/app/project/detail/{project.pk}/privileges"
    assert client.get(url).status_code == 200
    data = {"collab-TOTAL_FORMS": "2", "collab-INITIAL_FORMS": "1", "collab-MIN_NUM_FORMS": "0",
            "collab-MAX_NUM_FORMS": "1000", "collab-0-email": applicant.email, "collab-0-level": "MANAGE",
            "collab-1-email": "colleague@example.org", "collab-1-level": "VIEW"}
    assert client.post(url, data).status_code == 302
    assert ProjectCollaborator.objects.filter(project=project).count() == 2
    refused = client.post(url, {**data, "collab-0-level": "EDIT"})
    assert refused.status_code == 422 and b"MANAGE" in refused.content


def test_list_and_assignment_pages(project, programme_user, admin_user, monitor, applicant):
    client = login(programme_user)
    page = client.get("/app/project?acronym=gre&status=DRAFT")
    assert page.status_code == 200 and b"GREEN" in page.content
    assert b"GREEN" not in client.get("/app/project?status=SUBMITTED").content
    assert login(applicant).get("/app/project").status_code == 403
    assert client.get("/app/project/assignment").status_code == 403
    admin = login(admin_user)
    matrix = admin.get("/app/project/assignment")
    assert matrix.status_code == 200 and monitor.email.encode() in matrix.content
    assert admin.post("/app/project/assignment", {f"p{project.pk}": str(monitor.pk)}).status_code == 302
    assert ProjectAssignment.objects.filter(project=project, user=monitor).exists()


def _make_projects(applicant, call, n):
    for i in range(n):
        services.create_project(actor=applicant, call_id=call.pk, acronym=f"P{i}")


@pytest.mark.parametrize("path", ["/app/project?size=100", "/app/project/assignment?size=100", "/app/dashboard"])
def test_query_counts_do_not_grow(path, admin_user, applicant, open_call, languages, monitor):
    client = login(admin_user)
    if path == "/app/dashboard":
        client = login(applicant)
    _make_projects(applicant, open_call, 10)
    for p in Project.objects.all():
        ProjectAssignment.objects.create(project=p, user=monitor)
    client.get(path)
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    Project.objects.bulk_create([Project(call=open_call, acronym=f"B{i}", applicant=applicant) for i in range(190)])
    for p in Project.objects.filter(acronym__startswith="B"):
        ProjectAssignment.objects.create(project=p, user=monitor)
        ProjectCollaborator.objects.create(project=p, user=applicant, level="MANAGE")
    with CaptureQueriesContext(connection) as large:
        assert client.get(path).status_code == 200
    print(f"QUERIES {len(small)} {len(large)}")
    assert len(large) == len(small)


@pytest.mark.parametrize("suffix", ["", "/applicationFormIdentification", "/privileges"])
def test_detail_query_counts(suffix, applicant, open_call, languages):
    first = services.create_project(actor=applicant, call_id=open_call.pk, acronym="ONE")
    client = login(applicant)
    client.get(f"/app/project/detail/{first.pk}{suffix}")
    with CaptureQueriesContext(connection) as small:
        client.get(f"/app/project/detail/{first.pk}{suffix}")
    _make_projects(applicant, open_call, 20)
    with CaptureQueriesContext(connection) as large:
        client.get(f"/app/project/detail/{first.pk}{suffix}")
    print(f"QUERIES {len(small)} {len(large)}")
    assert len(large) == len(small)


def test_api_query_counts(api_as, admin_user, applicant, open_call, languages):
    _make_projects(applicant, open_call, 10)
    client = api_as(admin_user)
    with CaptureQueriesContext(connection) as small:
        client.post("/api/project/list?size=500")
    Project.objects.bulk_create([Project(call=open_call, acronym=f"B{i}", applicant=applicant) for i in range(190)])
    with CaptureQueriesContext(connection) as large:
        assert client.post("/api/project/list?size=500").json()["numberOfElements"] == 200
    print(f"QUERIES {len(small)} {len(large)}")
    assert len(large) == len(small)


def test_programme_user_reads_a1_read_only(project, programme_user):
    client = login(programme_user)
    page = client.get(f"/app/project/detail/{project.pk}/applicationFormIdentification")
    assert page.status_code == 200 and b"Save changes" not in page.content and b"read-only" in page.content
    assert client.get(f"/app/project/detail/{project.pk}").status_code == 200


def test_versions_are_immutable(project):
    from jems.projects.models import ProjectVersion

    version = ProjectVersion.objects.get(project=project)
    version.snapshot = {"acronym": "CHANGED"}
    with pytest.raises(ValueError):
        version.save()


def test_applications_menu_lands_on_the_list(programme_user):
    assert b"<h1>Applications</h1>" in login(programme_user).get("/app/project").content


def test_assignment_only_user_lands_on_the_assignment_tab(db):
    from jems.accounts.models import Role

    role = Role.objects.create(name="Assigner", permissions=["ProjectRetrieveEditUserAssignments"])
    user = make_user("assigner@example.org", role.pk)
    response = login(user).get("/app/project")
    assert response.status_code == 302 and response.url.endswith("/app/project/assignment")


@pytest.mark.parametrize("path", ["/api/project/mine?size=500", "/api/projectUser/list?size=500"])
def test_api_list_query_counts(path, api_as, admin_user, applicant, open_call, languages, monitor):
    _make_projects(applicant, open_call, 10)
    for p in Project.objects.all():
        ProjectAssignment.objects.create(project=p, user=monitor)
    client = api_as(applicant if "mine" in path else admin_user)
    call = client.get if "mine" in path else client.post
    with CaptureQueriesContext(connection) as small:
        assert call(path).status_code == 200
    for p in Project.objects.bulk_create([Project(call=open_call, acronym=f"B{i}", applicant=applicant)
                                          for i in range(190)]):
        ProjectAssignment.objects.create(project=p, user=monitor)
        ProjectCollaborator.objects.create(project=p, user=applicant, level="MANAGE")
    with CaptureQueriesContext(connection) as large:
        assert call(path).json()["numberOfElements"] == 200
    print(f"QUERIES {path} {len(small)} {len(large)}")
    assert len(large) == len(small)
