"""CallNotificationConfigurationApi: every operation, with its refusals."""

import pytest

from jems.calls.notifications.codelists import TABS

pytestmark = pytest.mark.django_db

TAB_PATHS = ["project", "partnerReport", "projectReport"]


def url(call_id, tab):
    return f"/api/call/{call_id}/notificationConfigurations/{tab}"


def item(code, **values):
    body = {"id": code, "active": False, "sendToManager": False, "sendToLeadPartner": False,
            "sendToProjectPartners": False, "sendToProjectAssigned": False, "sendToControllers": False}
    return {**body, **values}


@pytest.mark.parametrize("tab", TAB_PATHS)
def test_get_returns_every_type_of_the_tab_with_defaults(tab, call, api_as, programme_user):
    response = api_as(programme_user).get(url(call.pk, tab))
    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body] == list(TABS[tab].types)
    assert body[0] == item(TABS[tab].types[0], emailSubject="", emailBody="")


@pytest.mark.parametrize("tab", TAB_PATHS)
def test_post_saves_and_returns_the_tab(tab, call, api_as, admin_user):
    code = TABS[tab].types[1]
    sent = item(code, active=True, sendToManager=True, sendToProjectAssigned=True, sendToControllers=True,
                emailSubject="[projectAcronym]: news", emailBody="Hello [userName],\nsee [callName].")
    response = api_as(admin_user).post(url(call.pk, tab), [sent])
    assert response.status_code == 200
    body = response.json()
    assert body[1] == sent and len(body) == len(TABS[tab].types)
    assert api_as(admin_user).get(url(call.pk, tab)).json()[1] == sent


def test_optional_texts_default_to_empty(call, api_as, admin_user):
    response = api_as(admin_user).post(url(call.pk, "project"), [item("ProjectClosed", active=True)])
    assert response.status_code == 200
    assert response.json()[-1]["emailSubject"] == "" and response.json()[-1]["emailBody"] == ""


@pytest.mark.parametrize("tab", TAB_PATHS)
def test_refusals(tab, call, api_as, admin_user, programme_user, applicant):
    code = TABS[tab].types[0]
    assert api_as(applicant).get(url(call.pk, tab)).status_code == 403
    forbidden = api_as(programme_user).post(url(call.pk, tab), [item(code)])
    assert forbidden.status_code == 403 and forbidden.json()["code"] == "S-ACC-DEN"
    assert api_as(admin_user).get(url(call.pk + 999, tab)).status_code == 404
    missing = api_as(admin_user).post(url(call.pk + 999, tab), [item(code)])
    assert missing.status_code == 404 and missing.json()["i18nMessage"]["i18nKey"] == "call.not.found"
    other = "SystemMessage" if tab != "project" else "PartnerReportSubmitted"
    invalid = api_as(admin_user).post(url(call.pk, tab), [item(code, emailSubject="x" * 256), item(other)])
    assert invalid.status_code == 422
    errors = invalid.json()["formErrors"]
    assert errors["notifications[0].emailSubject"]["i18nKey"] == "common.error.field.max.length"
    assert errors["notifications[1].id"]["i18nKey"] == "call.notification.type.not.in.tab"
    assert api_as(None).get(url(call.pk, tab)).status_code == 401


@pytest.mark.parametrize("body", [[{"id": "Nope", "active": True}], [{"id": "ProjectClosed"}], {"id": "x"}, None])
def test_unreadable_bodies_are_400(body, call, api_as, admin_user):
    assert api_as(admin_user).post(url(call.pk, "project"), body).status_code == 400
