"""The call list and the call detail (endpoint and pages) run a fixed number of queries, whatever the number
of calls, funds and cost options."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.calls import services
from jems.calls.models import Call, CallFlatRate, CallFund, CallStatus
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.priorities.models import ProgrammePriority, ProgrammeSpecificObjective
from jems.programme.models import ProgrammeFund, StateAid
from tests.conftest import PASSWORD, basic

pytestmark = pytest.mark.django_db

POLICIES = ["AdvancedTechnologies", "Digitisation", "Growth", "IndustrialTransition", "DigitalConnectivity",
            "EnergyEfficiency", "RenewableEnergy", "SmartEnergy", "ClimateChange", "WaterManagement"]


def make_calls(count: int) -> None:
    now = timezone.now()
    Call.objects.bulk_create([
        Call(name=f"Call {i}", start_date=now - timedelta(days=1), end_date=now + timedelta(days=10),
             status=CallStatus.PUBLISHED if i % 2 else CallStatus.DRAFT) for i in range(count)])


def rich_call(size: int, policies=POLICIES[:2]) -> Call:
    """A call with `size` lump sums, unit costs, state aids and funds/objectives (up to the programme limits)."""
    now = timezone.now()
    call = Call.objects.create(name=f"Rich {size}", start_date=now, end_date=now + timedelta(days=5),
                               strategies=["EUStrategyDanubeRegion"])
    funds = list(ProgrammeFund.objects.all()[:min(size, 7)])
    CallFund.objects.bulk_create([CallFund(call=call, fund=f, rate=Decimal("80")) for f in funds])
    priority = ProgrammePriority.objects.create(code=f"P{size}", objective="PO1")
    objectives = [ProgrammeSpecificObjective.objects.create(priority=priority, programme_objective_policy=p,
                                                            code=f"{size}-{p}")
                  for p in policies]
    call.specific_objectives.set(objectives)
    call.lump_sums.set([ProgrammeLumpSum.objects.create(name={"EN": f"L{i}"}, cost=Decimal(1)) for i in range(size)])
    call.unit_costs.set([ProgrammeUnitCost.objects.create(name={"EN": f"U{i}"}, cost_per_unit=Decimal(1))
                         for i in range(size)])
    call.state_aids.set([StateAid.objects.create(measure="GENERAL_DE_MINIMIS") for _ in range(size)])
    CallFlatRate.objects.create(call=call, type="STAFF_COSTS", rate=20)
    return call


def count(client, path, **headers) -> int:
    client.get(path, **headers)  # warm-up: session, language and text caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, **headers)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/api/call?size=2000", "/api/call/published?size=2000", "/api/call/list"])
def test_api_lists(admin_user, path):
    client = Client()
    make_calls(10)
    small = count(client, path, **basic(admin_user.email))
    make_calls(0)
    Call.objects.all().delete()
    make_calls(200)
    assert count(client, path, **basic(admin_user.email)) == small


def test_list_page(admin_user):
    client = Client()
    client.login(email=admin_user.email, password=PASSWORD)
    make_calls(10)
    small = count(client, "/app/call?size=100")
    Call.objects.all().delete()
    make_calls(200)
    assert count(client, "/app/call?size=100") == small


def test_dashboard(applicant):
    from jems.accounts.models import User
    client = Client()
    client.login(email=applicant.email, password=PASSWORD)
    make_calls(10)
    small = count(client, "/app/dashboard")
    Call.objects.all().delete()
    make_calls(200)
    assert count(client, "/app/dashboard") == small
    assert User.objects.exists()


@pytest.mark.parametrize("suffix", ["", "/budgetSettings", "/preSubmissionCheckSettings", "/checklists"])
def test_detail_pages(admin_user, suffix):
    client = Client()
    client.login(email=admin_user.email, password=PASSWORD)
    small_call = rich_call(2)
    small = count(client, f"/app/call/detail/{small_call.pk}{suffix}")
    make_calls(50)
    large_call = rich_call(40, POLICIES[2:8])
    assert count(client, f"/app/call/detail/{large_call.pk}{suffix}") == small


def test_detail_endpoint(admin_user):
    client = Client()
    small_call = rich_call(2)
    small = count(client, f"/api/call/byId/{small_call.pk}", **basic(admin_user.email))
    large_call = rich_call(40, POLICIES[2:8])
    body = client.get(f"/api/call/byId/{large_call.pk}", **basic(admin_user.email)).json()
    assert len(body["lumpSums"]) == 40
    assert count(client, f"/api/call/byId/{large_call.pk}", **basic(admin_user.email)) == small


def test_update_is_bounded(admin_user):
    """An update of a rich call does not issue a query per item either."""
    call = rich_call(40, POLICIES[2:8])
    settings = services.CallSettings(
        name=call.name, type=call.type, start_date=call.start_date, end_date=call.end_date, length_of_period=6,
        priority_policies=[], strategies=[], funds=[], state_aid_ids=[])
    with CaptureQueriesContext(connection) as ctx:
        services.update_call(actor=admin_user, call_id=call.pk, data=settings)
    assert len(ctx.captured_queries) < 60
