"""ChecklistInstanceApi: shapes, 422 / 403 / 404, and fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.checklists.instances import services
from tests.checklists.conftest import ALL_KINDS, make_checklist
from tests.conftest import make_user

from .conftest import components

BASE = "/api/checklist/instance"
TYPE = "APPLICATION_FORM_ASSESSMENT"


def body(instance, **answers):
    """An update body answering the components given by kind."""
    c = components(instance)
    return {"id": instance.pk, "status": "DRAFT", "components": [
        {"id": c[kind].pk, "type": kind, "position": c[kind].position, "instanceMetadata": {"type": kind, **meta}}
        for kind, meta in answers.items()]}


FULL = {"OPTIONS_TOGGLE": {"answer": "Yes", "justification": None}, "TEXT_INPUT": {"explanation": "Good"},
        "SCORE": {"score": 4, "justification": "Solid"}}


def test_create_and_detail_shapes(api_as, assessor, project, template):
    api = api_as(assessor)
    response = api.post(BASE, {"relatedToId": project.pk, "programmeChecklistId": template.pk})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"id", "status", "finishedDate", "name", "creatorEmail", "consolidated", "relatedToId",
                         "createdAt", "minScore", "maxScore", "allowsDecimalScore", "components"}
    assert (data["status"], data["creatorEmail"], data["relatedToId"], data["maxScore"]) == (
        "DRAFT", assessor.email, project.pk, 5)
    kinds = [(c["type"], c["instanceMetadata"]) for c in data["components"]]
    assert kinds == [("HEADLINE", {"type": "HEADLINE"}), ("OPTIONS_TOGGLE", None), ("TEXT_INPUT", None),
                     ("SCORE", None)]
    assert data["components"][3]["programmeMetadata"] == {"type": "SCORE", "question": "Relevance", "weight": 1.5}
    detail = api.get(f"{BASE}/{project.pk}/detail/{data['id']}")
    assert detail.status_code == 200 and detail.json() == data


def test_update_status_lists_consolidate_selection_clone_delete(api_as, assessor, consolidator, instance, project):
    api, boss = api_as(assessor), api_as(consolidator)
    response = api.put(BASE, body(instance, **FULL))
    assert response.status_code == 200
    score = response.json()["components"][3]["instanceMetadata"]
    assert score == {"type": "SCORE", "score": 4, "justification": "Solid"}
    response = api.put(f"{BASE}/description/{instance.pk}", "For the panel", content_type="text/plain")
    assert response.status_code == 200 and response.json()["description"] == "For the panel"
    assert set(response.json()) == {"id", "status", "type", "name", "creatorEmail", "createdAt", "finishedDate",
                                    "relatedToId", "programmeChecklistId", "consolidated", "visible", "description"}
    response = api.put(f"{BASE}/status/{instance.pk}/FINISHED")
    assert response.status_code == 200 and response.json()["status"] == "FINISHED"
    mine = api.get(f"{BASE}/mine/{project.pk}/{TYPE}").json()
    assert [i["id"] for i in mine] == [instance.pk] and boss.get(f"{BASE}/mine/{project.pk}/{TYPE}").json() == []
    assert [i["id"] for i in boss.get(f"{BASE}/{project.pk}/{TYPE}").json()] == [instance.pk]
    assert api.get(f"{BASE}/{project.pk}/CONTROL").json() == []
    response = boss.put(f"{BASE}/consolidate/{instance.pk}", {"consolidated": True})
    assert response.status_code == 200 and response.json() is True
    assert boss.put(f"{BASE}/selection", {str(instance.pk): True}).status_code == 200
    selection = boss.get(f"{BASE}/selection/{project.pk}/{TYPE}").json()
    assert selection[0]["visible"] is True and "creatorEmail" not in selection[0]
    clone = api.post(f"{BASE}/{instance.pk}/clone")
    assert clone.status_code == 200 and clone.json()["status"] == "DRAFT"
    assert api.delete(f"{BASE}/{project.pk}/{clone.json()['id']}").status_code == 200
    assert api.delete(f"{BASE}/{project.pk}/{instance.pk}").status_code == 422  # finished


def test_422_with_field_errors(api_as, assessor, instance, project, open_call):
    api = api_as(assessor)
    response = api.put(BASE, body(instance, SCORE={"score": 7, "justification": "x"},
                                  OPTIONS_TOGGLE={"answer": "Perhaps"}))
    assert response.status_code == 422
    assert set(response.json()["formErrors"]) == {"components[0].instanceMetadata.score",
                                                  "components[1].instanceMetadata.answer"}
    response = api.put(f"{BASE}/status/{instance.pk}/FINISHED")
    assert response.status_code == 422 and response.json()["formErrors"]
    other = make_checklist(name="Not in the call")
    response = api.post(BASE, {"relatedToId": project.pk, "programmeChecklistId": other.pk})
    assert response.status_code == 422 and "programmeChecklistId" in response.json()["formErrors"]
    assert api.put(f"{BASE}/description/{instance.pk}", "x" * 151, content_type="text/plain").status_code == 422
    assert api.put(f"{BASE}/selection", {"abc": True}).status_code == 400


def test_403_and_404(api_as, assessor, applicant, instance, project):
    owner = api_as(applicant)
    assert owner.get(f"{BASE}/{project.pk}/{TYPE}").status_code == 403
    assert owner.get(f"{BASE}/{project.pk}/detail/{instance.pk}").status_code == 403
    assert owner.put(f"{BASE}/status/{instance.pk}/FINISHED").status_code == 403
    assert api_as(assessor).put(f"{BASE}/consolidate/{instance.pk}", {"consolidated": True}).status_code == 403
    assert api_as(assessor).put(f"{BASE}/selection", {str(instance.pk): False}).status_code == 403
    stranger = api_as(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    assert stranger.get(f"{BASE}/{project.pk}/{TYPE}").status_code == 404
    assert stranger.get(f"{BASE}/{project.pk}/detail/{instance.pk}").status_code == 404
    assert stranger.post(f"{BASE}/{instance.pk}/clone").status_code == 404
    assert api_as(assessor).get(f"{BASE}/{project.pk}/detail/{instance.pk + 50}").status_code == 404
    assert api_as(assessor).delete(f"{BASE}/{project.pk + 1}/{instance.pk}").status_code == 404
    assert api_as(None).get(f"{BASE}/{project.pk}/{TYPE}").status_code == 401


def _count(api, path) -> int:
    api.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    return len(queries)


def test_list_query_count_is_fixed(api_as, assessor, project, template):
    api = api_as(assessor)
    counts = []
    for added in (10, 90):  # 10, then 100 checklists
        for _ in range(added):
            services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
        counts.append(_count(api, f"{BASE}/{project.pk}/{TYPE}"))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("size", [10, 200])
def test_detail_query_count_is_fixed(api_as, assessor, project, open_call, size):
    template = make_checklist(name="Big", components=[ALL_KINDS[i % 4] for i in range(size)])
    open_call.checklists.add(template)
    instance = services.create_instance(actor=assessor, project_id=project.pk, template_id=template.pk)
    assert _count(api_as(assessor), f"{BASE}/{project.pk}/detail/{instance.pk}") <= 10
