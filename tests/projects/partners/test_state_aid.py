"""B.1 state-aid self-check: service rules and refusals, the API (shapes, 422, versions) and the tab page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.partners import state_aid
from jems.projects.partners.models import PartnerStateAid
from jems.projects.services import create_version
from tests.conftest import PASSWORD, make_user

from .conftest import make_activities, show_state_aid

pytestmark = pytest.mark.django_db


def data(**extra) -> state_aid.StateAidData:
    return state_aid.StateAidData(**extra)


def url(project, partner):
    return f"/app/project/detail/{project.pk}/applicationFormPartner/{partner.pk}/stateAid"


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


# --- service ------------------------------------------------------------------------------------------------------


def test_save_and_read(applicant, project, partners, scheme):
    lead, uni = partners
    a1, a2 = make_activities(project, lead, 2)
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(
        answers={1: True, 2: False, 3: None, 4: True}, justifications={1: {"EN": "Sells services", "DE": "Ja"}},
        activity_ids=[a2.pk, a1.pk, a2.pk], state_aid_id=scheme.pk))
    loaded = state_aid.load(actor=applicant, partner_id=lead.pk)
    assert loaded.data["answer1"] is True and loaded.data["answer2"] is False and loaded.data["answer3"] is None
    assert loaded.data["justification1"] == [{"language": "DE", "translation": "Ja"},
                                             {"language": "EN", "translation": "Sells services"}]
    assert loaded.data["activities"] == [{"activityId": a1.pk, "workPackageNumber": 1, "activityNumber": 1},
                                         {"activityId": a2.pk, "workPackageNumber": 1, "activityNumber": 2}]
    assert loaded.data["stateAidId"] == scheme.pk
    # saving again replaces everything
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(answers={1: False}))
    row = PartnerStateAid.objects.get(partner=lead)
    assert (row.answer1, row.answer4, row.state_aid_id, row.activities.count()) == (False, None, None, 0)
    assert state_aid.load(actor=applicant, partner_id=uni.pk).data == state_aid.empty()


def test_rules(applicant, project, partners, scheme, open_call):
    lead, uni = partners
    (mine,) = make_activities(project, lead, 1)
    (theirs,) = make_activities(project, uni, 1, wp_number=2)
    other = Project.objects.create(call=open_call, acronym="OTHER", applicant=applicant)
    (foreign,) = make_activities(other, lead, 1)
    with pytest.raises(ValidationFailed) as error:
        state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(
            justifications={2: {"EN": "x" * 1001, "FR": "non"}}, activity_ids=[mine.pk, theirs.pk, foreign.pk],
            state_aid_id=scheme.pk + 99))
    fields = error.value.field_messages()
    assert fields == {"justification2.language.en": "common.error.field.max.length",
                      "justification2.language.fr": "project.language.not.input.language",
                      "activities[1]": "project.partner.state.aid.activity.not.allowed",
                      "activities[2]": "project.partner.state.aid.activity.not.allowed",
                      "stateAidScheme": "project.partner.state.aid.scheme.not.exists"}
    assert not PartnerStateAid.objects.exists()
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk,
                               data=data(justifications={2: {"EN": "x" * 1000}}, activity_ids=[mine.pk]))


def test_refusals(applicant, project, partners, monitor, programme_user):
    lead, _uni = partners
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        state_aid.update_state_aid(actor=stranger, partner_id=lead.pk, data=data())
    with pytest.raises(NotFound):
        state_aid.load(actor=stranger, partner_id=lead.pk)
    with pytest.raises(NotFound):
        state_aid.update_state_aid(actor=applicant, partner_id=999999, data=data())
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    with pytest.raises(Forbidden):
        state_aid.update_state_aid(actor=viewer, partner_id=lead.pk, data=data())
    assert state_aid.load(actor=viewer, partner_id=lead.pk).data == state_aid.empty()
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    with pytest.raises(ValidationFailed) as error:
        state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(answers={1: True}))
    assert error.value.key == "project.status.not.modifiable"


def test_versions_freeze_the_self_check(applicant, project, partners):
    lead, _uni = partners
    (activity,) = make_activities(project, lead, 1)
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk,
                               data=data(answers={1: True}, activity_ids=[activity.pk]))
    create_version(actor=applicant, project=project)
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(answers={1: False}))
    old = state_aid.load(actor=applicant, partner_id=lead.pk, version="1.0")
    assert old.frozen and old.data["answer1"] is True and old.data["activities"][0]["activityId"] == activity.pk
    assert state_aid.load(actor=applicant, partner_id=lead.pk).data["answer1"] is False


# --- API ----------------------------------------------------------------------------------------------------------


def test_api_get_put_and_versions(api_as, applicant, project, partners, scheme):
    lead, _uni = partners
    (activity,) = make_activities(project, lead, 1)
    client = api_as(applicant)
    path = f"/api/project/partner/{lead.pk}/stateAid"
    empty = client.get(path)
    assert empty.status_code == 200
    assert empty.json() == {"answer1": None, "justification1": [], "answer2": None, "justification2": [],
                            "answer3": None, "justification3": [], "answer4": None, "justification4": [],
                            "activities": [], "stateAidScheme": None}
    body = {"answer1": True, "justification1": [{"language": "EN", "translation": "Market services"}],
            "answer2": False, "activities": [{"activityId": activity.pk, "workPackageNumber": 1, "activityNumber": 1}],
            "stateAidScheme": {"id": scheme.pk, "measure": "GBER_ARTICLE_20"}}
    response = client.put(path, body)
    assert response.status_code == 200, response.content
    saved = response.json()
    assert saved["answer1"] is True and saved["answer2"] is False and saved["answer3"] is None
    assert saved["justification1"] == [{"language": "EN", "translation": "Market services"}]
    assert saved["activities"] == [{"activityId": activity.pk, "workPackageNumber": 1, "activityNumber": 1}]
    assert saved["stateAidScheme"]["id"] == scheme.pk and saved["stateAidScheme"]["schemeNumber"] == "SA.1234"
    assert saved["stateAidScheme"]["abbreviatedName"] == [{"language": "EN", "translation": "GBER 20"}]
    assert client.get(path).json() == saved
    create_version(actor=applicant, project=project)
    client.put(path, {"answer1": False})
    assert client.get(f"{path}?version=1.0").json() == saved
    assert client.get(path).json()["answer1"] is False
    assert client.get(f"{path}?version=9.9").status_code == 404


def test_api_refusals(api_as, applicant, project, partners, scheme):
    lead, uni = partners
    (theirs,) = make_activities(project, uni, 1)
    client = api_as(applicant)
    path = f"/api/project/partner/{lead.pk}/stateAid"
    response = client.put(path, {"justification3": [{"language": "EN", "translation": "y" * 1001}],
                                 "activities": [{"activityId": theirs.pk, "workPackageNumber": 1,
                                                 "activityNumber": 1}],
                                 "stateAidScheme": {"id": scheme.pk + 5, "measure": "GBER_ARTICLE_20"}})
    assert response.status_code == 422
    assert set(response.json()["formErrors"]) == {"justification3.language.en", "activities[0]", "stateAidScheme"}
    assert client.put(path, {"answer1": "maybe"}).status_code in (400, 422)
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    assert api_as(stranger).get(path).status_code == 404
    assert api_as(stranger).put(path, {}).status_code == 404
    assert client.get("/api/project/partner/999999/stateAid").status_code == 404
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    assert api_as(viewer).get(path).status_code == 200
    assert api_as(viewer).put(path, {}).status_code == 403


# --- page ---------------------------------------------------------------------------------------------------------


def test_tab_hidden_unless_the_call_shows_it(applicant, project, partners, open_call):
    lead, _uni = partners
    client = login(applicant)
    identity = client.get(f"/app/project/detail/{project.pk}/applicationFormPartner/{lead.pk}/identity")
    assert b"stateAid" not in identity.content
    assert client.get(url(project, lead)).status_code == 404
    show_state_aid(open_call, ["PARTNER_STATE_AID_SCHEME"])
    identity = client.get(f"/app/project/detail/{project.pk}/applicationFormPartner/{lead.pk}/identity")
    assert b"stateAid" in identity.content
    page = client.get(url(project, lead))
    assert page.status_code == 200 and b"id_state_aid" in page.content and b"id_answer1" not in page.content


def test_page_save_and_errors(applicant, project, partners, scheme, open_call):
    lead, _uni = partners
    show_state_aid(open_call)
    (activity,) = make_activities(project, lead, 1)
    client = login(applicant)
    page = client.get(url(project, lead))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<legend>") >= 5 and "Activity 1.1 – Activity 1" in html and "GBER 20" in html
    response = client.post(url(project, lead), {"answer1": "true", "answer2": "false", "justification1_1": "Because",
                                                "activities": [str(activity.pk)], "state_aid": str(scheme.pk)})
    assert response.status_code == 302
    row = PartnerStateAid.objects.get(partner=lead)
    assert (row.answer1, row.answer2, row.answer3, row.justification1, row.state_aid_id) == (
        True, False, None, {"EN": "Because"}, scheme.pk)
    assert list(row.activities.all()) == [activity]
    bad = client.post(url(project, lead), {"answer1": "true", "justification1_1": "z" * 1001})
    assert bad.status_code == 422 and b'aria-invalid="true"' in bad.content and b"z" * 1001 in bad.content
    assert PartnerStateAid.objects.get(partner=lead).justification1 == {"EN": "Because"}


def test_page_read_only_and_versions(applicant, project, partners, scheme, open_call):
    lead, _uni = partners
    show_state_aid(open_call)
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(answers={1: True}))
    create_version(actor=applicant, project=project)
    state_aid.update_state_aid(actor=applicant, partner_id=lead.pk, data=data(answers={1: False}))
    client = login(applicant)
    old = client.get(url(project, lead) + "?version=1.0")
    assert old.status_code == 200 and b"Save changes" not in old.content
    assert b"disabled" in old.content and b"checked" in old.content
    assert client.post(url(project, lead) + "?version=1.0", {"answer1": "true"}).status_code == 403
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    page = login(viewer).get(url(project, lead))
    assert page.status_code == 200 and b"Save changes" not in page.content
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    assert login(stranger).get(url(project, lead)).status_code == 404


@pytest.mark.parametrize("path", ["page", "api"])
def test_query_counts_do_not_grow(path, applicant, project, partners, scheme, open_call, api_as):
    lead, _uni = partners
    show_state_aid(open_call)
    client = login(applicant) if path == "page" else api_as(applicant)
    target = url(project, lead) if path == "page" else f"/api/project/partner/{lead.pk}/stateAid"

    def fill(count, wp_number):
        rows = make_activities(project, lead, count, wp_number)
        row, _ = PartnerStateAid.objects.get_or_create(partner=lead, defaults={"state_aid": scheme})
        row.activities.add(*rows)

    fill(10, 1)
    client.get(target)
    with CaptureQueriesContext(connection) as small:
        assert client.get(target).status_code == 200
    fill(190, 2)
    with CaptureQueriesContext(connection) as large:
        response = client.get(target)
        assert response.status_code == 200
    assert len(large) == len(small)
