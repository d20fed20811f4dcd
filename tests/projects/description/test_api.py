"""ProjectDescriptionApi over HTTP: every operation, with refusals and fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.projects.models import Project

pytestmark = pytest.mark.django_db


def _t(text, language="EN"):
    return [{"language": language, "translation": text}]


def test_get_empty_description(api_as, applicant, project):
    body = api_as(applicant).get(f"/api/project/{project.pk}/description").json()
    assert body["projectOverallObjective"] == {"overallObjective": []}
    assert body["projectRelevance"]["projectBenefits"] == [] and body["projectRelevance"]["territorialChallenge"] == []
    assert body["projectManagement"]["projectCooperationCriteria"] == {
        "projectJointDevelopment": False, "projectJointImplementation": False, "projectJointStaffing": False,
        "projectJointFinancing": False}
    assert body["projectManagement"]["projectHorizontalPrinciples"]["sexualEqualityEffect"] is None
    assert body["projectLongTermPlans"] == {"projectOwnership": [], "projectDurability": [],
                                            "projectTransferability": []}


def test_update_every_part(api_as, applicant, project):
    client = api_as(applicant)
    base = f"/api/project/{project.pk}/description"
    response = client.put(f"{base}/c1", {"overallObjective": _t("Clean rivers")})
    assert response.status_code == 200 and response.json() == {"overallObjective": _t("Clean rivers")}
    response = client.put(f"{base}/c2", {
        "territorialChallenge": _t("Floods"), "projectBenefits": [{"group": "Sme", "specification": _t("SMEs")}],
        "projectStrategies": [{"strategy": "Other", "specification": []}],
        "projectSynergies": [{"synergy": _t("B"), "specification": _t("C", "DE")}],
        "projectSpfRecipients": None})
    assert response.status_code == 200, response.content
    c2 = response.json()
    assert c2["projectBenefits"] == [{"group": "Sme", "specification": _t("SMEs")}]
    assert c2["projectSynergies"] == [{"synergy": _t("B"), "specification": _t("C", "DE")}]
    assert c2["projectStrategies"] == [{"strategy": "Other", "specification": []}]
    assert client.put(f"{base}/c3", {"partnership": _t("Six")}).json() == {"partnership": _t("Six")}
    c7 = client.put(f"{base}/c7", {
        "projectCoordination": _t("Lead"), "projectCooperationCriteria": {"projectJointFinancing": True},
        "projectHorizontalPrinciples": {"equalOpportunitiesEffect": "Neutral"}}).json()
    assert c7["projectCoordination"] == _t("Lead") and c7["projectCooperationCriteria"]["projectJointFinancing"]
    assert c7["projectHorizontalPrinciples"]["equalOpportunitiesEffect"] == "Neutral"
    c8 = client.put(f"{base}/c8", {"projectDurability": _t("Long")}).json()
    assert c8["projectDurability"] == _t("Long") and c8["projectOwnership"] == []
    body = client.get(base).json()
    assert body["projectPartnership"] == {"partnership": _t("Six")}
    assert body["projectRelevance"]["territorialChallenge"] == _t("Floods")
    assert client.get(f"{base}?version=1.0").status_code == 200
    assert client.get(f"{base}?version=7.0").status_code == 404


def test_refusals(api_as, applicant, viewer, stranger, project):
    base = f"/api/project/{project.pk}/description"
    assert api_as(stranger).get(base).status_code == 404
    assert api_as(viewer).get(base).status_code == 200
    for part, body in (("c1", {"overallObjective": _t("x")}), ("c2", {}), ("c3", {}), ("c7", {}), ("c8", {})):
        assert api_as(stranger).put(f"{base}/{part}", body).status_code == 404
        assert api_as(viewer).put(f"{base}/{part}", body).status_code == 403
    client = api_as(applicant)
    response = client.put(f"{base}/c1", {"overallObjective": _t("x" * 501)})
    assert response.status_code == 422 and "overallObjective.language.en" in response.json()["formErrors"]
    response = client.put(f"{base}/c2", {"projectBenefits": [{"group": "Sme", "specification": []}] * 21})
    assert response.status_code == 422 and "projectBenefits" in response.json()["formErrors"]
    assert client.put(f"{base}/c2", {"projectBenefits": [{"group": "Bad"}]}).status_code in (400, 422)
    assert client.put(f"{base}/c7", {"projectHorizontalPrinciples": {"sexualEqualityEffect": "Bad"}}
                      ).status_code in (400, 422)
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    response = client.put(f"{base}/c8", {})
    assert response.status_code == 422 and "project.status.not.modifiable" in response.content.decode()


def _counts(client, base, rows):
    table = [{"group": "Sme", "specification": _t("s")}] * rows
    client.put(f"{base}/c2", {"projectBenefits": table, "projectSynergies": [{"synergy": _t("x")}] * rows})
    with CaptureQueriesContext(connection) as get_queries:
        assert client.get(base).status_code == 200
    with CaptureQueriesContext(connection) as put_queries:
        assert client.put(f"{base}/c2", {"projectBenefits": table}).status_code == 200
    return len(get_queries), len(put_queries)


def test_query_counts(api_as, applicant, project):
    """Fixed whatever the number of rows (the tables are stored on the description row)."""
    client = api_as(applicant)
    base = f"/api/project/{project.pk}/description"
    one = _counts(client, base, 1)
    twenty = _counts(client, base, 20)
    assert one == twenty, (one, twenty)
    print("queries GET/PUT:", one)
