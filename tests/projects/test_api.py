"""ProjectApi, ProjectUserApi and ProjectUserCollaboratorApi over HTTP, with refusals and access rules."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.models import CollaboratorLevel, ProjectAssignment, ProjectCollaborator
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def stranger(db):
    return make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)


def test_create_and_get(api_as, applicant, open_call, languages):
    client = api_as(applicant)
    response = client.post("/api/project", {"acronym": "RIVER", "projectCallId": open_call.pk})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["acronym"] == "RIVER" and body["projectStatus"]["status"] == "DRAFT"
    assert body["callSettings"]["callId"] == open_call.pk and body["applicant"]["email"] == applicant.email
    assert body["specificObjective"] is None and body["firstSubmission"] is None
    pid = body["id"]
    assert client.get(f"/api/project/byId/{pid}").json()["customIdentifier"] == body["customIdentifier"]
    assert client.get(f"/api/project/byId/{pid}?version=1.0").status_code == 200
    assert client.get(f"/api/project/byId/{pid}?version=9.0").status_code == 404
    versions = client.get(f"/api/project/{pid}/versions").json()
    assert versions == [{"version": "1.0", "createdAt": versions[0]["createdAt"], "status": "DRAFT",
                         "current": True}]
    settings = client.get(f"/api/project/{pid}/callSettings").json()
    assert settings["callName"] == "Open call" and settings["jsNotifiable"] is False
    form = client.get(f"/api/project/byId/{pid}/form").json()
    assert form["title"] == [] and form["duration"] is None and form["periods"] == []


def test_create_refusals(api_as, applicant, programme_user, open_call, ended_call):
    assert api_as(programme_user).post("/api/project", {"acronym": "X", "projectCallId": open_call.pk}).status_code == 403
    client = api_as(applicant)
    assert client.post("/api/project", {"acronym": "X" * 26, "projectCallId": open_call.pk}).status_code == 422
    response = client.post("/api/project", {"acronym": "LATE", "projectCallId": ended_call.pk})
    assert response.status_code == 422 and response.json()["i18nMessage"]["i18nKey"] == "call.already.ended"
    assert client.post("/api/project", {"acronym": "X"}).status_code == 400
    assert client.post("/api/project", {"acronym": "X", "projectCallId": 123456}).status_code == 404


def test_update_form(api_as, applicant, project):
    client = api_as(applicant)
    body = {"acronym": "GREEN2", "specificObjective": "Digitisation", "duration": 13,
            "title": [{"language": "EN", "translation": "Green"}, {"language": "DE", "translation": "Grün"}],
            "intro": [{"language": "EN", "translation": "Summary"}]}
    response = client.put(f"/api/project/{project.pk}", body)
    assert response.status_code == 200, response.content
    form = response.json()
    assert form["specificObjective"] == {"programmeObjectivePolicy": "Digitisation", "code": "SO1.2"}
    assert form["programmePriority"]["code"] == "P1"
    assert [p["end"] for p in form["periods"]] == [6, 12, 13]
    assert {t["language"] for t in form["title"]} == {"EN", "DE"}
    # version 1.0 is current: it shows the live data; once 2.0 is opened it keeps the data of that moment
    assert len(client.get(f"/api/project/byId/{project.pk}/form?version=1.0").json()["title"]) == 2
    from jems.projects import services

    services.create_version(actor=applicant, project=project)
    client.put(f"/api/project/{project.pk}", {**body, "title": [{"language": "EN", "translation": "Changed"}]})
    old = client.get(f"/api/project/byId/{project.pk}/form?version=1.0").json()
    assert {t["translation"] for t in old["title"]} == {"Green", "Grün"} and old["duration"] == 13
    assert old["specificObjective"]["code"] == "SO1.2" and old["programmePriority"]["code"] == "P1"
    assert client.get(f"/api/project/byId/{project.pk}?version=1.0").json()["acronym"] == "GREEN2"
    versions = client.get(f"/api/project/{project.pk}/versions").json()
    assert [(v["version"], v["current"]) for v in versions] == [("2.0", True), ("1.0", False)]
    too_long = client.put(f"/api/project/{project.pk}", {**body, "title": [{"language": "EN", "translation": "x" * 251}]})
    assert too_long.status_code == 422 and "title.language.en" in too_long.json()["formErrors"]
    assert client.put(f"/api/project/{project.pk}", {**body, "specificObjective": "Growth"}).status_code == 422
    assert client.put(f"/api/project/{project.pk}", {**body, "duration": "x"}).status_code == 400


def test_other_applicant_gets_404(api_as, project, stranger):
    client = api_as(stranger)
    for path in (f"/api/project/byId/{project.pk}", f"/api/project/byId/{project.pk}/form",
                 f"/api/project/{project.pk}/versions", f"/api/project/{project.pk}/callSettings",
                 f"/api/projectUserCollaborator/{project.pk}", f"/api/projectUserCollaborator/{project.pk}/checkMyLevel"):
        assert client.get(path).status_code == 404, path
    assert client.put(f"/api/project/{project.pk}", {"acronym": "X"}).status_code == 404
    assert client.put(f"/api/projectUserCollaborator/{project.pk}",
                      [{"userEmail": stranger.email, "level": "MANAGE"}]).status_code == 404
    assert client.get("/api/project/byId/99999").status_code == 404


def test_view_collaborator_cannot_edit(api_as, project, stranger):
    ProjectCollaborator.objects.create(project=project, user=stranger, level=CollaboratorLevel.VIEW)
    client = api_as(stranger)
    assert client.get(f"/api/project/byId/{project.pk}").status_code == 200
    assert client.put(f"/api/project/{project.pk}", {"acronym": "X"}).status_code == 403
    level = client.get(f"/api/projectUserCollaborator/{project.pk}/checkMyLevel")
    assert level.status_code == 200 and level.json() == "VIEW"


def test_monitor_sees_project_only_when_assigned(api_as, project, monitor, admin_user):
    client = api_as(monitor)
    assert client.get(f"/api/project/byId/{project.pk}").status_code == 404
    assert client.get("/api/project/mine").json()["totalElements"] == 0
    response = api_as(admin_user).put("/api/projectUser/updateProjectUserAssignments",
                                      [{"projectId": project.pk, "userIdsToAdd": [monitor.pk]}])
    assert response.status_code == 200 and response.content == b""
    assert ProjectAssignment.objects.filter(user=monitor).exists()
    assert client.get(f"/api/project/byId/{project.pk}").status_code == 200
    assert client.get("/api/project/mine").json()["content"][0]["id"] == project.pk
    assert client.get(f"/api/projectUserCollaborator/{project.pk}/checkMyLevel").content == b""
    # monitor with ProjectFormUpdate may edit the form of an assigned project
    assert client.put(f"/api/project/{project.pk}", {"acronym": "MON"}).status_code == 200


def test_list_and_mine(api_as, project, applicant, admin_user, programme_user):
    assert api_as(applicant).post("/api/project/list").status_code == 403
    page = api_as(programme_user).post("/api/project/list?size=5&sortProperty=acronym&sortDirection=asc",
                                       {"acronym": "gre", "statuses": ["DRAFT"]}).json()
    assert page["totalElements"] == 1 and page["content"][0]["acronym"] == "GREEN"
    assert page["content"][0]["callName"] == "Open call" and page["size"] == 5
    none = api_as(programme_user).post("/api/project/list", {"statuses": ["SUBMITTED"]}).json()
    assert none["totalElements"] == 0
    assert api_as(programme_user).post("/api/project/list?sortProperty=nope").status_code == 422
    mine = api_as(applicant).get("/api/project/mine").json()
    assert mine["totalElements"] == 1 and mine["content"][0]["projectStatus"] == "DRAFT"


def test_project_user_list(api_as, project, admin_user, programme_user, monitor):
    ProjectAssignment.objects.create(project=project, user=monitor)
    page = api_as(admin_user).post("/api/projectUser/list", {"acronym": "GREEN"}).json()
    assert page["content"][0]["users"][0]["email"] == monitor.email
    assert page["content"][0]["relatedCall"] == "Open call" and page["content"][0]["id"] == str(project.pk)
    assert api_as(programme_user).post("/api/projectUser/list").status_code == 403
    assert api_as(programme_user).put("/api/projectUser/updateProjectUserAssignments", []).status_code == 403
    bad = api_as(admin_user).put("/api/projectUser/updateProjectUserAssignments",
                                 [{"projectId": project.pk, "userIdsToAdd": [programme_user.pk]}])
    assert bad.status_code == 422


def test_collaborators_api(api_as, project, applicant, stranger):
    client = api_as(applicant)
    listing = client.get(f"/api/projectUserCollaborator/{project.pk}").json()
    assert listing == [{"userId": applicant.pk, "userEmail": applicant.email, "level": "MANAGE"}]
    response = client.put(f"/api/projectUserCollaborator/{project.pk}", [
        {"userEmail": applicant.email, "level": "MANAGE"}, {"userEmail": stranger.email, "level": "EDIT"}])
    assert response.status_code == 200
    assert {row["level"] for row in response.json()} == {"MANAGE", "EDIT"}
    last = client.put(f"/api/projectUserCollaborator/{project.pk}", [{"userEmail": applicant.email, "level": "EDIT"}])
    assert last.status_code == 422
    assert client.put(f"/api/projectUserCollaborator/{project.pk}", [{"userEmail": "x", "level": "BOSS"}]).status_code == 400
    # an EDIT collaborator may not manage collaborators
    assert api_as(stranger).put(f"/api/projectUserCollaborator/{project.pk}",
                                [{"userEmail": stranger.email, "level": "MANAGE"}]).status_code == 403


def test_contracted_projects(api_as, project, admin_user, applicant):
    from jems.projects.models import Project

    client = api_as(admin_user)
    assert client.get("/api/project/contracted?searchId=GRE").json()["totalElements"] == 0
    Project.objects.filter(pk=project.pk).update(status="CONTRACTED")
    page = client.get("/api/project/contracted?searchId=gre").json()
    assert page["content"][0]["acronym"] == "GREEN"
    assert client.get("/api/project/contracted").status_code == 400
    assert api_as(applicant).get("/api/project/contracted?searchId=x").status_code == 403


def test_mine_needs_ownership_privilege(api_as, project):
    from jems.accounts.models import Role

    role = Role.objects.create(name="Nothing", permissions=[])
    user = make_user("nobody@example.org", role.pk)
    assert api_as(user).get("/api/project/mine").status_code == 403


def test_list_submission_dates(api_as, project, applicant, programme_user):
    from datetime import timedelta

    from django.utils import timezone

    from jems.projects.models import ProjectStatusHistory

    client = api_as(programme_user)
    assert client.post("/api/project/list").json()["content"][0]["firstSubmissionDate"] is None
    ProjectStatusHistory.objects.create(project=project, status="SUBMITTED", user=applicant)
    row = client.post("/api/project/list").json()["content"][0]
    assert row["firstSubmissionDate"] is not None and row["lastResubmissionDate"] is None
    later = (timezone.now() + timedelta(days=1)).isoformat()
    assert client.post("/api/project/list", {"firstSubmissionFrom": later}).json()["totalElements"] == 0
    assert client.post("/api/project/list", {"firstSubmissionTo": later}).json()["totalElements"] == 1
    assert client.post("/api/project/list", {"lastSubmissionTo": later}).json()["totalElements"] == 0


def test_detail_submissions(api_as, project, applicant):
    from jems.projects.models import ProjectStatusHistory

    ProjectStatusHistory.objects.create(project=project, status="SUBMITTED", user=applicant)
    body = api_as(applicant).get(f"/api/project/byId/{project.pk}").json()
    assert body["firstSubmission"]["status"] == "SUBMITTED" and body["lastResubmission"] is None
    assert body["firstSubmissionStep1"] is None
