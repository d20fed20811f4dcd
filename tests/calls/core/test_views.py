"""Call pages: render, save, inline errors keep input, read-only for CallRetrieve, published calls offer only
the allowed changes, publishing with confirmation, the dashboard's open calls and the apply window."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from jems.audit.models import AuditEvent
from jems.calls import services
from jems.calls.models import Call, CallStatus
from jems.calls.plugins import NO_CHECK
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

FMT = "%Y-%m-%dT%H:%M"


def client_for(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def make_call(actor, setup, *, name="Call A", step1=False, publish=False, start=None, end=None) -> Call:
    now = timezone.now()
    start = start or now - timedelta(days=1)
    end = end or now + timedelta(days=30)
    call = services.create_call(actor=actor, data=services.CallSettings(
        name=name, type="STANDARD", start_date=start, end_date=end, length_of_period=6,
        end_date_step1=start + (end - start) / 2 if step1 else None,
        priority_policies=["AdvancedTechnologies"], strategies=["EUStrategyDanubeRegion"],
        funds=[services.FundRate(fund_id=setup.funds[0].pk, rate=80)], state_aid_ids=[setup.state_aids[0].pk]))
    if publish:
        services.update_plugins(actor=actor, call_id=call.pk, keys={"pre_submission_check_plugin_key": NO_CHECK})
        Call.objects.filter(pk=call.pk).update(status=CallStatus.PUBLISHED)
    return Call.objects.get(pk=call.pk)


def general_post(setup, **overrides) -> dict:
    now = timezone.localtime()
    data = {"name": "Web call", "description_0": "Described", "type": "SPF",
            "start_date": (now + timedelta(days=1)).strftime(FMT), "end_date": (now + timedelta(days=40)).strftime(FMT),
            "end_date_step1": (now + timedelta(days=10)).strftime(FMT), "length_of_period": "6",
            "direct_contributions_allowed": "on", "objectives": ["AdvancedTechnologies"],
            "strategies": ["EUStrategyDanubeRegion"], "state_aids": [str(setup.state_aids[0].pk)],
            f"fund_{setup.funds[0].pk}": "on", f"rate_{setup.funds[0].pk}": "75.5"}
    data.update(overrides)
    return data


def test_create_page(admin_user, setup):
    client = client_for(admin_user)
    assert client.get("/app/call/create?type=SPF").status_code == 200
    response = client.post("/app/call/create", general_post(setup))
    call = Call.objects.get(name="Web call")
    assert response.status_code == 302 and response["Location"] == f"/app/call/detail/{call.pk}"
    assert call.type == "SPF" and call.is_two_step and call.description == {"EN": "Described"}
    assert str(call.funds.get().rate) == "75.50"


def test_inline_errors_keep_input(admin_user, setup):
    client = client_for(admin_user)
    now = timezone.localtime()
    response = client.post("/app/call/create", general_post(
        setup, name="Kept name", end_date=(now - timedelta(days=2)).strftime(FMT)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The end date must be after the start date." in html
    assert 'value="Kept name"' in html
    assert 'aria-invalid="true"' in html
    make_call(admin_user, setup, name="Taken")
    response = client.post("/app/call/create", general_post(setup, name="Taken"))
    assert "A call with this name already exists." in response.content.decode()


def test_list_page_filters(admin_user, programme_user, setup):
    make_call(admin_user, setup, name="Alpha")
    make_call(admin_user, setup, name="Beta", publish=True)
    client = client_for(admin_user)
    html = client.get("/app/call").content.decode()
    assert "Alpha" in html and "Beta" in html and "Add new call" in html
    html = client.get("/app/call", {"status": "PUBLISHED"}).content.decode()
    assert "Beta" in html and "Alpha" not in html
    html = client.get("/app/call", {"name": "alp"}).content.decode()
    assert "Alpha" in html and "Beta" not in html
    html = client_for(programme_user).get("/app/call").content.decode()
    assert "Alpha" in html and "Add new call" not in html


def test_pages_render_and_read_only(admin_user, programme_user, applicant, setup):
    call = make_call(admin_user, setup, step1=True)
    for suffix in ("", "/budgetSettings", "/preSubmissionCheckSettings", "/checklists", "/publish"):
        assert client_for(admin_user).get(f"/app/call/detail/{call.pk}{suffix}").status_code == 200, suffix
    reader = client_for(programme_user)
    for suffix in ("", "/budgetSettings", "/preSubmissionCheckSettings", "/checklists"):
        response = reader.get(f"/app/call/detail/{call.pk}{suffix}")
        assert response.status_code == 200
        html = response.content.decode()
        assert "You can view the call but not change it." in html
        assert ">Save<" not in html
        assert reader.post(f"/app/call/detail/{call.pk}{suffix}", {}).status_code == 403
    assert reader.get(f"/app/call/detail/{call.pk}/publish").status_code == 403
    assert client_for(applicant).get(f"/app/call/detail/{call.pk}").status_code == 403
    assert client_for(admin_user).get("/app/call/detail/99999").status_code == 404


def test_general_save_and_publish(admin_user, setup):
    call = make_call(admin_user, setup)
    client = client_for(admin_user)
    data = general_post(setup, name="Renamed", type="STANDARD", end_date_step1="",
                        start_date=timezone.localtime(call.start_date).strftime(FMT))
    response = client.post(f"/app/call/detail/{call.pk}", data)
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.name == "Renamed"
    response = client.post(f"/app/call/detail/{call.pk}/publish")
    assert response.status_code == 200
    assert "Select the pre-submission check before publishing." in response.content.decode()
    client.post(f"/app/call/detail/{call.pk}/preSubmissionCheckSettings", {
        "pre_submission_check_plugin_key": NO_CHECK, "report_partner_check_plugin_key": "",
        "report_project_check_plugin_key": "", "control_report_partner_check_plugin_key": "",
        "control_report_sampling_check_plugin_key": ""})
    call.refresh_from_db()
    assert call.pre_submission_check_plugin_key == NO_CHECK
    assert client.post(f"/app/call/detail/{call.pk}/publish").status_code == 302
    call.refresh_from_db()
    assert call.is_published


def test_published_pages_offer_only_allowed_changes(admin_user, setup):
    call = make_call(admin_user, setup, publish=True)
    services.update_flat_rates(actor=admin_user, call_id=call.pk,
                               flat_rates={"STAFF_COSTS": services.FlatRate(rate=20)})
    client = client_for(admin_user)
    html = client.get(f"/app/call/detail/{call.pk}").content.decode()
    assert 'name="start_date"' in html and "disabled" in html.split('name="start_date"')[1].split(">")[0]
    assert 'name="length_of_period"' in html and "disabled" in html.split('name="length_of_period"')[1].split(">")[0]
    assert 'value="AdvancedTechnologies"' not in html  # kept objective is listed, not offered for removal
    assert 'value="Digitisation"' in html
    assert "Publish call" not in html
    budget = client.get(f"/app/call/detail/{call.pk}/budgetSettings").content.decode()
    assert "disabled" in budget.split('name="flat_rate_staff_costs"')[1].split(">")[0]
    # a save keeps the kept items and adds new ones
    data = general_post(setup, name=call.name, type="STANDARD", end_date_step1="",
                        end_date=timezone.localtime(call.end_date + timedelta(days=5)).strftime(FMT),
                        objectives=["Digitisation"], strategies=[], state_aids=[])
    data.pop("start_date")
    response = client.post(f"/app/call/detail/{call.pk}", data)
    assert response.status_code == 302, re.findall(r"(?:field__error|error-summary__text)[^<]*<?[^<]*", response.content.decode())
    call.refresh_from_db()
    assert set(call.specific_objectives.values_list("programme_objective_policy", flat=True)) == {
        "AdvancedTechnologies", "Digitisation"}
    assert call.strategies == ["EUStrategyDanubeRegion"]
    # an earlier end date is refused inline
    data["end_date"] = timezone.localtime(call.end_date - timedelta(days=1)).strftime(FMT)
    data["objectives"] = []
    response = client.post(f"/app/call/detail/{call.pk}", data)
    assert "The call is published: the end date can only move later." in response.content.decode(), re.findall(r"(?:field__error|error-summary__text)[^<]*<?[^<]*", response.content.decode())


def test_budget_page_saves(admin_user, setup):
    call = make_call(admin_user, setup)
    client = client_for(admin_user)
    response = client.post(f"/app/call/detail/{call.pk}/budgetSettings", {
        "flat_staff_costs": "on", "flat_rate_staff_costs": "20", "flat_rate_other_costs_on_staff_costs": "40",
        "lump_sums": [str(setup.lump_sums[0].pk)], "unit_costs": [str(setup.unit_costs[1].pk)],
        "allow_real_staff_costs": "on", "project_defined_lump_sum_allowed": "on"})
    assert response.status_code == 302
    call.refresh_from_db()
    assert [(r.type, r.rate, r.adjustable) for r in call.flat_rates.all()] == [("STAFF_COSTS", 20, False)]
    assert list(call.lump_sums.values_list("pk", flat=True)) == [setup.lump_sums[0].pk]
    assert call.allow_real_staff_costs and not call.allow_real_equipment_costs
    assert call.project_defined_lump_sum_allowed
    response = client.post(f"/app/call/detail/{call.pk}/budgetSettings", {"flat_staff_costs": "on",
                                                                            "flat_rate_staff_costs": "101"})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()


def test_checklists_page(admin_user, setup):
    call = make_call(admin_user, setup)
    client = client_for(admin_user)
    assert client.post(f"/app/call/detail/{call.pk}/checklists",
                       {"checklist": [str(setup.checklists[0].pk)]}).status_code == 302
    assert list(call.checklists.values_list("pk", flat=True)) == [setup.checklists[0].pk]
    html = client.get(f"/app/call/detail/{call.pk}/checklists").content.decode()
    assert f'value="{setup.checklists[0].pk}" id="checklist_{setup.checklists[0].pk}" checked' in html


def test_dashboard_open_calls_and_apply(admin_user, applicant, setup):
    now = timezone.now()
    make_call(admin_user, setup, name="Open call", publish=True)
    make_call(admin_user, setup, name="Draft call")
    ended = make_call(admin_user, setup, name="Ended step 1", step1=True, publish=True,
                      start=now - timedelta(days=10), end=now + timedelta(days=1))
    Call.objects.filter(pk=ended.pk).update(end_date_step1=now - timedelta(hours=1))
    client = client_for(applicant)
    html = client.get("/app/dashboard").content.decode()
    assert "Open calls" in html and "Open call" in html
    assert "Draft call" not in html and "Ended step 1" not in html
    open_call = Call.objects.get(name="Open call")
    response = client.get(f"/app/call/{open_call.pk}/apply")
    assert response.status_code == 200
    assert 'name="acronym"' in response.content.decode()  # the create-application form (jems.projects)
    response = client.get(f"/app/call/{ended.pk}/apply")
    assert response.status_code == 422
    assert "has ended: applying is no longer possible." in response.content.decode()
    event = AuditEvent.objects.get(action="CALL_ALREADY_ENDED")
    assert event.entity_related_id == ended.pk and event.user_id == applicant.pk
    draft = Call.objects.get(name="Draft call")
    assert client.get(f"/app/call/{draft.pk}/apply").status_code == 404


def test_no_open_calls_block_without_the_privilege(db):
    from jems.accounts.models import Role
    from tests.conftest import make_user
    role = Role.objects.create(name="no calls", permissions=[])
    user = make_user("nocalls@example.org", role.pk)
    html = client_for(user).get("/app/dashboard").content.decode()
    assert "Open calls" not in html
    assert client_for(user).get("/app/call/1/apply").status_code == 403


def test_applicant_has_no_call_pages(applicant, admin_user, setup):
    call = make_call(admin_user, setup, publish=True)
    client = client_for(applicant)
    for path in ("/app/call", "/app/call/create", f"/app/call/detail/{call.pk}",
                 f"/app/call/detail/{call.pk}/checklists", f"/app/call/detail/{call.pk}/budgetSettings"):
        assert client.get(path).status_code == 403, path


def test_concurrent_edit_is_not_overwritten(admin_user, setup):
    from jems.calls.queries import call_version
    call = make_call(admin_user, setup)
    client = client_for(admin_user)
    shown = call_version(call)
    assert f'name="data_version" value="{shown}"' in client.get(f"/app/call/detail/{call.pk}").content.decode()
    services.update_lump_sums(actor=admin_user, call_id=call.pk, lump_sum_ids=[setup.lump_sums[0].pk])  # meanwhile
    data = general_post(setup, name="Mine", type="STANDARD", end_date_step1="", data_version=shown,
                        start_date=timezone.localtime(call.start_date).strftime(FMT))
    response = client.post(f"/app/call/detail/{call.pk}", data)
    html = response.content.decode()
    assert response.status_code == 200 and "Someone else saved a change to this call meanwhile." in html
    assert 'value="Mine"' in html
    call.refresh_from_db()
    assert call.name == "Call A"
    data["data_version"] = call_version(call)  # the page now carries the current version: saving again overwrites
    assert f'name="data_version" value="{data["data_version"]}"' in html
    assert client.post(f"/app/call/detail/{call.pk}", data).status_code == 302
    call.refresh_from_db()
    assert call.name == "Mine"
    for suffix, body in (("/budgetSettings", {}), ("/preSubmissionCheckSettings", {}), ("/checklists", {})):
        response = client.post(f"/app/call/detail/{call.pk}{suffix}", {**body, "data_version": "stale"})
        assert "Someone else saved a change to this call meanwhile." in response.content.decode(), suffix


def test_create_page_needs_call_update(programme_user, admin_user, setup):
    client = client_for(programme_user)
    assert client.get("/app/call/create").status_code == 403
    assert client.post("/app/call/create", general_post(setup)).status_code == 403
    assert not Call.objects.exists()


def test_list_page_sorts_and_pages(admin_user, setup):
    for name in ("Bravo", "Alpha", "Charlie"):
        make_call(admin_user, setup, name=name)
    client = client_for(admin_user)
    html = client.get("/app/call", {"sort": "name,asc", "size": "10"}).content.decode()
    assert html.index("Alpha") < html.index("Bravo") < html.index("Charlie")
    html = client.get("/app/call", {"sort": "name,desc", "page": "9"}).content.decode()  # past the end: last page
    assert html.index("Charlie") < html.index("Alpha")
