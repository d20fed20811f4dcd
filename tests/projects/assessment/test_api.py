"""ProjectStatusApi decisions: bare status answers, bodies as in the contract, 403 / 404 / 422 per operation."""

import pytest

from jems.projects.models import ApplicationStatus as S
from jems.projects.models import ProjectVersion

from .conftest import assess, eligibility_decided, set_status

pytestmark = pytest.mark.django_db

INFO = {"date": "2026-01-15", "note": "fine"}
MODIFICATION = {"actionInfo": {**INFO, "entryIntoForceDate": "2026-02-01"}, "correctionIds": []}
# (method, path suffix, body, a status in which the action is allowed)
OPERATIONS = [
    ("put", "set-as-eligible", INFO, S.SUBMITTED), ("put", "set-as-ineligible", INFO, S.SUBMITTED),
    ("put", "approve", INFO, S.ELIGIBLE), ("put", "approve-with-conditions", INFO, S.ELIGIBLE),
    ("put", "refuse", INFO, S.ELIGIBLE), ("put", "return-to-applicant", None, S.SUBMITTED),
    ("put", "hand-back-to-applicant", None, S.CONDITIONS_SUBMITTED),
    ("put", "start-second-step", None, S.STEP1_APPROVED), ("put", "start-modification", None, S.APPROVED),
    ("put", "approve-modification", MODIFICATION, S.MODIFICATION_SUBMITTED),
    ("put", "reject", MODIFICATION, S.MODIFICATION_SUBMITTED), ("put", "set-to-contracted", None, S.APPROVED),
    ("put", "set-to-closed", None, S.CONTRACTED), ("put", "revert-to-contracted", None, S.CLOSED),
    ("post", "revert", None, S.ELIGIBLE), ("get", "status-to-revert-to", None, S.ELIGIBLE),
    ("post", "assessment/eligibility", {"result": "PASSED"}, S.SUBMITTED),
    ("post", "assessment/quality", {"result": "NOT_RECOMMENDED"}, S.SUBMITTED),
    ("get", "modification-decisions", None, S.CONTRACTED),
]


def call(client, method, project, suffix, body):
    path = f"/api/project/{project.pk}/{suffix}"
    return client.get(path) if method == "get" else getattr(client, method)(path, body)


@pytest.mark.parametrize(("method", "suffix", "body", "status"), OPERATIONS)
def test_refusals_per_operation(api_as, project, applicant, monitor, method, suffix, body, status):
    set_status(project, S.SUBMITTED, status)
    assert call(api_as(applicant), method, project, suffix, body).status_code == 403  # sees it, no privilege
    response = call(api_as(monitor), method, project, suffix, body)  # not assigned, no ProjectRetrieve
    assert response.status_code == 404


@pytest.mark.parametrize(("method", "suffix", "body", "status"), OPERATIONS)
def test_allowed_per_operation(api_as, project, admin_user, method, suffix, body, status):
    eligibility = set_status(project, S.SUBMITTED)
    set_status(project, status)
    if not suffix.startswith("assessment"):
        assess(project, 2, admin_user)
        eligibility_decided(project, 2, eligibility)
    response = call(api_as(admin_user), method, project, suffix, body)
    assert response.status_code == 200, response.content


def test_status_action_answers_the_bare_status(api_as, project, admin_user):
    set_status(project, S.SUBMITTED)
    client = api_as(admin_user)
    detail = client.post(f"/api/project/{project.pk}/assessment/eligibility", {"result": "PASSED", "note": "ok"})
    assert detail.json()["secondStepDecision"]["eligibilityAssessment"]["result"] == "PASSED"
    response = client.put(f"/api/project/{project.pk}/set-as-eligible", INFO)
    assert response.json() == "ELIGIBLE"
    decision = client.get(f"/api/project/byId/{project.pk}").json()["secondStepDecision"]["eligibilityDecision"]
    assert decision["status"] == "ELIGIBLE" and decision["decisionDate"] == "2026-01-15"
    assert client.get(f"/api/project/{project.pk}/status-to-revert-to").json() == "SUBMITTED"
    assert client.post(f"/api/project/{project.pk}/revert").json() == "SUBMITTED"
    empty = client.get(f"/api/project/{project.pk}/status-to-revert-to")
    assert empty.status_code == 200 and empty.content == b""


def test_wrong_status_and_bad_input(api_as, project, admin_user):
    client = api_as(admin_user)
    refused = client.put(f"/api/project/{project.pk}/approve", INFO)
    assert refused.status_code == 422 and refused.json()["code"] == "S-PA-PAA-003"
    set_status(project, S.SUBMITTED)
    assess(project, 2, admin_user)
    missing = client.put(f"/api/project/{project.pk}/set-as-eligible", {"note": "x"})
    assert missing.status_code == 422 and set(missing.json()["formErrors"]) == {"date"}
    assert client.post(f"/api/project/{project.pk}/assessment/quality", {"result": "GOOD"}).status_code == 400


def test_return_to_applicant_opens_a_version(api_as, project, admin_user):
    set_status(project, S.SUBMITTED)
    assert api_as(admin_user).put(f"/api/project/{project.pk}/return-to-applicant").json() == \
        "RETURNED_TO_APPLICANT"
    assert ProjectVersion.objects.filter(project=project).count() == 2


def test_modification_decisions(api_as, project, admin_user):
    set_status(project, S.APPROVED, S.CONTRACTED, S.IN_MODIFICATION, S.MODIFICATION_SUBMITTED)
    client = api_as(admin_user)
    assert client.put(f"/api/project/{project.pk}/reject", MODIFICATION).json() == "MODIFICATION_REJECTED"
    set_status(project, S.IN_MODIFICATION, S.MODIFICATION_SUBMITTED)
    assert client.put(f"/api/project/{project.pk}/approve-modification", MODIFICATION).json() == "CONTRACTED"
    body = client.get(f"/api/project/{project.pk}/modification-decisions").json()
    assert [d["projectStatus"]["status"] for d in body] == ["MODIFICATION_REJECTED", "CONTRACTED"]
    assert body[1]["projectStatus"]["entryIntoForceDate"] == "2026-02-01" and body[1]["corrections"] == []


def test_decisions_only_for_assessment_viewers(api_as, project, admin_user, applicant):
    set_status(project, S.SUBMITTED)
    assess(project, 2, admin_user)
    path = f"/api/project/byId/{project.pk}"
    assert api_as(admin_user).get(path).json()["secondStepDecision"]["qualityAssessment"]["result"] == \
        "RECOMMENDED_FOR_FUNDING"
    assert api_as(applicant).get(path).json()["secondStepDecision"] is None
