"""ProgrammeChecklistApi: every operation with its JSON shape, status codes and refusals."""

import json

import pytest

from jems.accounts.models import Role
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.checklists import services
from jems.checklists.models import ProgrammeChecklist
from tests.api.conftest import error_key, form_keys, send_raw
from tests.conftest import make_user

from .conftest import ALL_KINDS, make_checklist

pytestmark = pytest.mark.django_db

BASE = "/api/programme/checklist"
SUMMARY_KEYS = {"id", "type", "minScore", "maxScore", "allowsDecimalScore", "name", "lastModificationDate", "locked"}

NEW = {
    "type": "APPLICATION_FORM_ASSESSMENT",
    "name": "Quality assessment",
    "minScore": 0,
    "maxScore": 5,
    "allowsDecimalScore": True,
    "components": [
        {"type": "HEADLINE", "position": 0, "metadata": {"type": "HEADLINE", "value": "Relevance"}},
        {"type": "OPTIONS_TOGGLE", "position": 1,
         "metadata": {"type": "OPTIONS_TOGGLE", "question": "Eligible?", "firstOption": "Yes", "secondOption": "No",
                      "thirdOption": "N/A"}},
        {"type": "TEXT_INPUT", "position": 2,
         "metadata": {"type": "TEXT_INPUT", "question": "Why?", "explanationLabel": "Reason",
                      "explanationMaxLength": 1500}},
        {"type": "SCORE", "position": 3, "metadata": {"type": "SCORE", "question": "Score it", "weight": 2.25}},
    ],
}


def user_with(*privileges, email="someone@example.org"):
    role = Role.objects.create(name=f"role {email}", permissions=list(privileges))
    return make_user(email, role.pk)


def create(api, body=None):
    response = api.post(f"{BASE}/create", body or NEW)
    assert response.status_code == 200, response.content
    return response.json()


# --- GET /api/programme/checklist ----------------------------------------------------------------------------


def test_list_answers_all_templates_without_components(programme_user, api_as, checklist):
    response = api_as(programme_user).get(BASE)
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == ProgrammeChecklist.objects.count() == 6
    assert all(set(row) == SUMMARY_KEYS for row in rows)
    ours = next(row for row in rows if row["id"] == checklist.pk)
    assert ours["name"] == "Quality check" and ours["type"] == "APPLICATION_FORM_ASSESSMENT"
    assert ours["locked"] is False and ours["allowsDecimalScore"] is False
    contracting = next(row for row in rows if row["type"] == "CONTRACTING")
    assert contracting["minScore"] is None and contracting["maxScore"] is None  # nulls are written
    assert b'"minScore": 0.00, "maxScore": 5.00' in response.content  # BigDecimal as an exact number
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)


def test_list_sorts_and_refuses_unknown_sort_property(admin_user, api_as, checklist):
    api = api_as(admin_user)
    names = [row["name"] for row in api.get(BASE, sort="name,desc").json()]
    assert names == sorted(names, reverse=True)
    by_type = [row["type"] for row in api.get(BASE, sort="type", page=0, size=2).json()]
    assert by_type == sorted(by_type) and len(by_type) == 6
    assert api.get(BASE, sort="nope").status_code == 422


def test_list_refusals(applicant, api_as):
    anonymous = api_as(None).get(BASE)
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"] == "FormBased"
    assert api_as(applicant).get(BASE).status_code == 403


# --- GET /api/programme/checklist/byType/{checklistType} -------------------------------------------------------


def test_by_type_answers_id_name_pairs(programme_user, api_as, checklist):
    control = make_checklist(name="Second control", type="CONTROL")
    response = api_as(programme_user).get(f"{BASE}/byType/CONTROL")
    assert response.status_code == 200
    baseline = ProgrammeChecklist.objects.filter(type="CONTROL").exclude(pk=control.pk).get()
    assert response.json() == [{"id": baseline.pk, "name": baseline.name}, {"id": control.pk, "name": "Second control"}]
    assert api_as(programme_user).get(f"{BASE}/byType/APPLICATION_FORM_ASSESSMENT", projectId=7).json() == []


def test_by_type_with_a_project_lists_the_checklists_of_its_call(programme_user, applicant, api_as, checklist):
    from datetime import timedelta

    from django.utils import timezone

    from jems.calls.models import Call, CallStatus
    from jems.projects.models import Project

    other = make_checklist(name="Not selected", type="APPLICATION_FORM_ASSESSMENT")
    call = Call.objects.create(name="Open call", status=CallStatus.PUBLISHED, start_date=timezone.now(),
                               end_date=timezone.now() + timedelta(days=30))
    call.checklists.add(checklist)
    project = Project.objects.create(call=call, acronym="GREEN", applicant=applicant)
    rows = api_as(programme_user).get(f"{BASE}/byType/APPLICATION_FORM_ASSESSMENT", projectId=project.pk).json()
    assert rows == [{"id": checklist.pk, "name": checklist.name}] and other.pk not in [r["id"] for r in rows]


@pytest.mark.parametrize("privilege", ["CallRetrieve", "ProjectAssessmentView", "ProjectAssessmentChecklistUpdate",
                                       "ProjectSetToContracted", "ProjectReportingView",
                                       "ProjectReportingVerificationProjectView"])
def test_by_type_is_open_to_users_who_instantiate_checklists(api_as, privilege):
    user = user_with(privilege)
    response = api_as(user).get(f"{BASE}/byType/VERIFICATION")
    assert response.status_code == 200 and len(response.json()) == 1
    assert api_as(user).get(BASE).status_code == 403  # but not to the templates themselves


def test_by_type_refusals(applicant, programme_user, api_as):
    assert api_as(applicant).get(f"{BASE}/byType/CONTROL").status_code == 403
    assert api_as(None).get(f"{BASE}/byType/CONTROL").status_code == 401
    unknown = api_as(programme_user).get(f"{BASE}/byType/NOPE")
    assert (unknown.status_code, unknown.content) == (400, b"")
    assert api_as(programme_user).get(f"{BASE}/byType/CONTROL", projectId="x").status_code == 400


# --- POST /api/programme/checklist/create -------------------------------------------------------------------


def test_create_answers_the_detail_and_audits(admin_user, api_as):
    response = api_as(admin_user).post(f"{BASE}/create", {**NEW, "locked": True, "id": 12345})
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == SUMMARY_KEYS | {"components"}
    assert body["id"] != 12345 and body["locked"] is False and body["lastModificationDate"]
    assert (body["name"], body["type"], body["minScore"], body["maxScore"], body["allowsDecimalScore"]) == (
        "Quality assessment", "APPLICATION_FORM_ASSESSMENT", 0, 5, True)
    assert [c["type"] for c in body["components"]] == ["HEADLINE", "OPTIONS_TOGGLE", "TEXT_INPUT", "SCORE"]
    assert [c["position"] for c in body["components"]] == [0, 1, 2, 3]
    assert all(isinstance(c["id"], int) for c in body["components"])
    assert [c["metadata"] for c in body["components"]] == [
        {"type": "HEADLINE", "value": "Relevance"},
        {"type": "OPTIONS_TOGGLE", "question": "Eligible?", "firstOption": "Yes", "secondOption": "No",
         "thirdOption": "N/A", "justification": None},
        {"type": "TEXT_INPUT", "question": "Why?", "explanationLabel": "Reason", "explanationMaxLength": 1500},
        {"type": "SCORE", "question": "Score it", "weight": 2.25},
    ]
    assert b'"weight": 2.25' in response.content
    assert AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_CREATED, entity_related_id=body["id"],
                                     user_id=admin_user.pk).exists()


def test_create_applies_the_contract_defaults(admin_user, api_as):
    body = create(api_as(admin_user), {"type": "CONTROL", "name": "Minimal", "allowsDecimalScore": None,
                                       "components": [
                                           {"type": "TEXT_INPUT", "position": 0, "metadata": {"type": "TEXT_INPUT"}},
                                           {"type": "SCORE", "position": 1, "metadata": {"type": "SCORE"}},
                                           {"type": "HEADLINE", "position": 2, "metadata": {"type": "HEADLINE"}},
                                       ]})
    assert body["allowsDecimalScore"] is False and body["minScore"] is None and body["maxScore"] is None
    assert [c["metadata"] for c in body["components"]] == [
        {"type": "TEXT_INPUT", "question": "", "explanationLabel": "", "explanationMaxLength": 5000},
        {"type": "SCORE", "question": "", "weight": 1},
        {"type": "HEADLINE", "value": None},
    ]
    assert create(api_as(admin_user), {"type": "CLOSURE", "name": "No components"})["components"] == []


@pytest.mark.parametrize("body", [
    {"name": "no type"},
    {"type": "UNKNOWN", "name": "x"},
    {"type": "CONTROL", "name": "x", "components": [{"type": "SCORE", "metadata": {"type": "SCORE"}}]},
    {"type": "CONTROL", "name": "x", "components": [{"type": "DROPDOWN", "position": 0, "metadata": None}]},
    {"type": "CONTROL", "name": "x", "components": [{"type": "SCORE", "position": 0, "metadata": {"type": "STARS"}}]},
    {"type": "CONTROL", "name": "x", "components": [{"type": "SCORE", "position": 0, "metadata": {"weight": 1}}]},
    {"type": "CONTROL", "name": "x", "components": [
        {"type": "OPTIONS_TOGGLE", "position": 0, "metadata": {"type": "OPTIONS_TOGGLE", "firstOption": "Yes"}}]},
    {"type": "CONTROL", "name": "x", "components": [{"type": "SCORE", "position": 2**31, "metadata": None}]},
    {"type": "CONTROL", "name": "x", "minScore": "abc"},
])
def test_create_with_unreadable_input_is_400_with_empty_body(admin_user, api_as, body):
    response = api_as(admin_user).post(f"{BASE}/create", body)
    assert (response.status_code, response.content) == (400, b"")


def test_create_with_malformed_json_is_400(admin_user, api_as):
    response = send_raw(api_as(admin_user), "post", f"{BASE}/create", '{"type": ')
    assert (response.status_code, response.content) == (400, b"")


def test_create_validation_errors_are_422_with_field_paths(admin_user, api_as):
    body = json.loads(json.dumps(NEW))
    body["name"] = ""
    body["minScore"] = 6
    body["components"][1]["metadata"]["secondOption"] = "  "
    body["components"][2]["metadata"]["explanationMaxLength"] = 6000
    body["components"][3]["metadata"]["weight"] = 1.005
    body["components"].append({"type": "HEADLINE", "position": 4, "metadata": None})
    body["components"].append({"type": "HEADLINE", "position": 5, "metadata": {"type": "SCORE"}})
    response = api_as(admin_user).post(f"{BASE}/create", body)
    assert response.status_code == 422
    assert error_key(response) == "common.error.input.invalid"
    assert form_keys(response) == {
        "name": "common.error.field.blank",
        "maxScore": "programme.checklist.max.score.below.min",
        "components[1].metadata.secondOption": "common.error.field.blank",
        "components[2].metadata.explanationMaxLength": "programme.checklist.number.out.of.range",
        "components[3].metadata.weight": "programme.checklist.number.decimal.places",
        "components[4].metadata": "common.error.field.required",
        "components[5].metadata": "programme.checklist.component.metadata.type.mismatch",
    }
    assert response.json()["formErrors"]["components[2].metadata.explanationMaxLength"]["i18nArguments"] == {
        "min": "1", "max": "5000"}


def test_create_limits(admin_user, api_as, no_templates):
    api = api_as(admin_user)
    too_many = {"type": "CONTROL", "name": "Long", "components": [
        {"type": "HEADLINE", "position": i, "metadata": {"type": "HEADLINE", "value": str(i)}} for i in range(201)]}
    response = api.post(f"{BASE}/create", too_many)
    assert (response.status_code, form_keys(response)) == (422, {"components": "programme.checklist.components.max.reached"})
    too_many["components"].pop()
    assert len(create(api, too_many)["components"]) == 200
    for i in range(99):
        make_checklist(name=f"c{i}")
    refused = api.post(f"{BASE}/create", {"type": "CONTROL", "name": "101st"})
    assert (refused.status_code, error_key(refused)) == (422, "programme.checklist.max.reached")


def test_create_refusals(programme_user, applicant, api_as):
    assert api_as(programme_user).post(f"{BASE}/create", NEW).status_code == 403
    assert api_as(applicant).post(f"{BASE}/create", NEW).status_code == 403
    assert api_as(None).post(f"{BASE}/create", NEW).status_code == 401
    assert not ProgrammeChecklist.objects.filter(name=NEW["name"]).exists()


# --- GET /api/programme/checklist/detail/{checklistId} ---------------------------------------------------------


def test_detail_answers_components_in_position_order(programme_user, api_as, checklist):
    response = api_as(programme_user).get(f"{BASE}/detail/{checklist.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == checklist.pk and body["minScore"] == 0 and body["maxScore"] == 5
    assert [(c["type"], c["position"]) for c in body["components"]] == [
        ("HEADLINE", 0), ("OPTIONS_TOGGLE", 1), ("TEXT_INPUT", 2), ("SCORE", 3)]
    assert body["components"][3]["metadata"] == {"type": "SCORE", "question": "Relevance", "weight": 1.5}
    assert all(set(c) == {"id", "type", "position", "metadata"} for c in body["components"])


def test_detail_refusals(programme_user, applicant, api_as, checklist):
    missing = api_as(programme_user).get(f"{BASE}/detail/{checklist.pk + 1000}")
    assert (missing.status_code, error_key(missing)) == (404, "programme.checklist.not.found")
    assert api_as(applicant).get(f"{BASE}/detail/{checklist.pk}").status_code == 403
    assert api_as(None).get(f"{BASE}/detail/{checklist.pk}").status_code == 401
    assert api_as(programme_user).get(f"{BASE}/detail/abc").status_code == 400
    assert api_as(programme_user).get(f"{BASE}/detail/{2**64}").status_code == 400


# --- PUT /api/programme/checklist/update ----------------------------------------------------------------------


def test_update_round_trip(admin_user, api_as):
    api = api_as(admin_user)
    body = create(api)
    body["name"] = "Renamed"
    body["type"] = "VERIFICATION"
    body["components"] = body["components"][2:] + [
        {"type": "HEADLINE", "position": 9, "metadata": {"type": "HEADLINE", "value": "New"}}]
    response = api.put(f"{BASE}/update", body)
    assert response.status_code == 200, response.content
    updated = response.json()
    assert (updated["name"], updated["type"]) == ("Renamed", "VERIFICATION")
    assert [c["id"] for c in updated["components"][:2]] == [c["id"] for c in body["components"][:2]]
    assert updated["components"][2]["metadata"] == {"type": "HEADLINE", "value": "New"}
    assert api.get(f"{BASE}/detail/{body['id']}").json() == updated
    assert AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_CHANGED, entity_related_id=body["id"]).exists()


def test_update_of_locked_template_takes_texts_only(admin_user, api_as, checklist):
    api = api_as(admin_user)
    services.lock_template(checklist.pk)
    body = api.get(f"{BASE}/detail/{checklist.pk}").json()
    assert body["locked"] is True
    body["name"] = "Corrected"
    body["components"][1]["metadata"]["question"] = "Corrected question?"
    response = api.put(f"{BASE}/update", body)
    assert response.status_code == 200 and response.json()["name"] == "Corrected"
    body["components"][3]["metadata"]["weight"] = 3
    body["maxScore"] = 10
    refused = api.put(f"{BASE}/update", body)
    assert (refused.status_code, error_key(refused)) == (422, "programme.checklist.is.locked")
    assert form_keys(refused) == {"maxScore": "programme.checklist.locked.frozen",
                                  "components[3].metadata.weight": "programme.checklist.locked.frozen"}


def test_update_refusals(admin_user, programme_user, api_as, checklist):
    body = api_as(admin_user).get(f"{BASE}/detail/{checklist.pk}").json()
    assert api_as(programme_user).put(f"{BASE}/update", body).status_code == 403
    without_id = api_as(admin_user).put(f"{BASE}/update", {**body, "id": None})
    assert (without_id.status_code, error_key(without_id)) == (404, "programme.checklist.not.found")
    unknown = api_as(admin_user).put(f"{BASE}/update", {**body, "id": checklist.pk + 1000})
    assert unknown.status_code == 404
    invalid = api_as(admin_user).put(f"{BASE}/update", {**body, "maxScore": 101})
    assert (invalid.status_code, form_keys(invalid)) == (422, {"maxScore": "programme.checklist.number.out.of.range"})
    assert api_as(admin_user).put(f"{BASE}/update", {"id": checklist.pk}).status_code == 400


# --- DELETE /api/programme/checklist/delete/{checklistId} -------------------------------------------------------


def test_delete_answers_empty_200_and_audits(admin_user, api_as, checklist):
    response = api_as(admin_user).delete(f"{BASE}/delete/{checklist.pk}")
    assert (response.status_code, response.content) == (200, b"")
    assert not ProgrammeChecklist.objects.filter(pk=checklist.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_DELETED, entity_related_id=checklist.pk).exists()
    again = api_as(admin_user).delete(f"{BASE}/delete/{checklist.pk}")
    assert (again.status_code, error_key(again)) == (404, "programme.checklist.not.found")


def test_delete_refusals(admin_user, programme_user, api_as, checklist):
    assert api_as(programme_user).delete(f"{BASE}/delete/{checklist.pk}").status_code == 403
    assert api_as(None).delete(f"{BASE}/delete/{checklist.pk}").status_code == 401
    services.lock_template(checklist.pk)
    locked = api_as(admin_user).delete(f"{BASE}/delete/{checklist.pk}")
    assert (locked.status_code, error_key(locked)) == (422, "programme.checklist.is.locked")
    assert ProgrammeChecklist.objects.filter(pk=checklist.pk).exists()


# --- POST /api/programme/checklist/{checklistId}/clone ---------------------------------------------------------


def test_clone_copies_a_locked_template_unlocked(admin_user, api_as, checklist):
    services.lock_template(checklist.pk)
    response = api_as(admin_user).post(f"{BASE}/{checklist.pk}/clone")
    assert response.status_code == 200, response.content
    clone = response.json()
    original = api_as(admin_user).get(f"{BASE}/detail/{checklist.pk}").json()
    assert clone["id"] != checklist.pk and clone["name"] == "Quality check (copy)" and clone["locked"] is False
    assert [(c["type"], c["position"], c["metadata"]) for c in clone["components"]] == [
        (c["type"], c["position"], c["metadata"]) for c in original["components"]]
    assert not {c["id"] for c in clone["components"]} & {c["id"] for c in original["components"]}
    assert len(ALL_KINDS) == len(clone["components"])


def test_clone_refusals(admin_user, programme_user, api_as, no_templates, checklist):
    assert api_as(programme_user).post(f"{BASE}/{checklist.pk}/clone").status_code == 403
    missing = api_as(admin_user).post(f"{BASE}/{checklist.pk + 1000}/clone")
    assert (missing.status_code, error_key(missing)) == (404, "programme.checklist.not.found")
    for i in range(99):
        make_checklist(name=f"c{i}")
    full = api_as(admin_user).post(f"{BASE}/{checklist.pk}/clone")
    assert (full.status_code, error_key(full)) == (422, "programme.checklist.max.reached")
