"""Notification settings pages: rendering, saving, read-only access, inline errors keeping the input."""

import pytest

from jems.calls.notifications import queries
from jems.calls.notifications.codelists import TABS, NotificationType
from jems.calls.notifications.models import CallNotificationConfiguration

pytestmark = pytest.mark.django_db
T = NotificationType
TAB_PATHS = ["project", "partnerReport", "projectReport"]


def page(call, tab):
    return f"/app/call/detail/{call.pk}/notificationSettings/{tab}"


def form_data(tab, **changes):
    """The POST of an untouched page (every type inactive, empty texts) with `changes` {field name: value}."""
    data = {}
    for code in TABS[tab].types:
        data[f"{code}-email_subject"] = ""
        data[f"{code}-email_body"] = ""
    data.update(changes)
    return data


@pytest.mark.parametrize("tab", TAB_PATHS)
def test_pages_render_every_type_with_tabs_and_placeholders(tab, call, admin_page):
    response = admin_page.get(page(call, tab))
    assert response.status_code == 200
    html = response.content.decode()
    for code in TABS[tab].types:
        assert f'id="type-{code}"' in html
    for other in TAB_PATHS:
        assert f'href="{page(call, other)}"' in html
    assert f'href="{page(call, tab)}" aria-current="page"' in html
    assert "[projectAcronym]" in html and "[fileName]" in html
    assert ("Programme: Controllers" in html) == (tab == "partnerReport")
    assert ("notify the managing authority" in html) == (tab == "projectReport")
    assert 'type="submit"' in html
    assert f'href="/app/call/detail/{call.pk}/notificationSettings/project" aria-current="page"' in html  # side nav


def test_save_and_reload(call, admin_page):
    data = form_data("project", **{"ProjectContracted-active": "on", "ProjectContracted-send_to_manager": "on",
                                   "ProjectContracted-send_to_lead_partner": "on",
                                   "ProjectContracted-email_subject": "[projectAcronym] contracted",
                                   "ProjectContracted-email_body": "Congratulations!"})
    response = admin_page.post(page(call, "project"), data)
    assert response.status_code == 302 and response["Location"] == page(call, "project")
    saved = queries.notification_settings(call.pk, T.ProjectContracted)
    assert saved.active and saved.send_to_manager and saved.send_to_lead_partner and not saved.send_to_project_partners
    assert saved.email_subject == "[projectAcronym] contracted"
    html = admin_page.get(page(call, "project")).content.decode()
    assert "The notification settings are saved." in html
    assert 'value="[projectAcronym] contracted"' in html and "Congratulations!" in html


def test_fixed_recipients_keep_their_values(call, admin_user, admin_page):
    CallNotificationConfiguration.objects.create(call=call, type=T.ProjectSubmitted, send_to_lead_partner=True,
                                                 send_to_controllers=True)
    html = admin_page.get(page(call, "project")).content.decode()
    assert 'name="ProjectSubmitted-send_to_lead_partner"' in html and "disabled" in html
    admin_page.post(page(call, "project"), form_data("project", **{"ProjectSubmitted-active": "on"}))
    saved = queries.notification_settings(call.pk, T.ProjectSubmitted)
    assert saved.active and saved.send_to_lead_partner and saved.send_to_controllers


def test_read_only_for_retrieve_only_users(call, programme_page):
    response = programme_page.get(page(call, "partnerReport"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="submit" class="btn btn--primary"' not in html
    assert 'name="PartnerReportSubmitted-active" disabled' in html or 'disabled id="id_PartnerReportSubmitted-active"' in html
    assert programme_page.post(page(call, "partnerReport"), form_data("partnerReport")).status_code == 403
    assert not CallNotificationConfiguration.objects.exists()


def test_refusals(call, applicant_page, admin_page, client):
    assert applicant_page.get(page(call, "project")).status_code == 403
    assert admin_page.get(f"/app/call/detail/{call.pk + 999}/notificationSettings/project").status_code == 404
    anonymous = client.get(page(call, "project"))
    assert anonymous.status_code == 302 and "/login" in anonymous["Location"]


def test_inline_errors_keep_the_input(call, admin_page):
    long_subject = "S" * 256
    data = form_data("projectReport", **{"ProjectReportSubmitted-active": "on",
                                         "ProjectReportSubmitted-email_subject": long_subject,
                                         "ProjectReportSubmitted-email_body": "Kept body"})
    response = admin_page.post(page(call, "projectReport"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "At most 255 characters are allowed (now 256)." in html
    assert 'aria-invalid="true"' in html and f'value="{long_subject}"' in html and "Kept body" in html
    assert 'href="#id_ProjectReportSubmitted-email_subject"' in html
    assert not CallNotificationConfiguration.objects.exists()


def test_concurrent_save_is_refused_with_the_input_kept(call, admin_page):
    html = admin_page.get(page(call, "project")).content.decode()
    version = html.split('name="data_version" value="')[1].split('"')[0]
    CallNotificationConfiguration.objects.create(call=call, type=T.ProjectClosed, active=True)  # someone else
    data = form_data("project", data_version=version, **{"ProjectContracted-email_subject": "Mine"})
    response = admin_page.post(page(call, "project"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved these notification settings meanwhile." in html and 'value="Mine"' in html
    assert not queries.notification_settings(call.pk, T.ProjectContracted).pk
    new_version = html.split('name="data_version" value="')[1].split('"')[0]
    assert new_version != version
    response = admin_page.post(page(call, "project"), {**data, "data_version": new_version})
    assert response.status_code == 302
    assert queries.notification_settings(call.pk, T.ProjectContracted).email_subject == "Mine"
    assert not queries.notification_settings(call.pk, T.ProjectClosed).active  # replaced by the second save
