"""The partner "Budget" tab: render, save, live recalculation (nothing saved), add/remove rows without JS, inline
errors that keep the typed values, options, read-only cases, versions and fixed query counts."""

import json
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.calls.models import CallType
from jems.projects.budget import services
from jems.projects.budget.models import BudgetCostRow, CostCategory, PartnerBudgetOptions
from jems.projects.budget.parts import live_budgets
from jems.projects.models import ApplicationStatus, Project, ProjectVersion
from jems.projects.services import form_snapshot
from tests.conftest import PASSWORD

from .conftest import staff_row

pytestmark = pytest.mark.django_db
C = CostCategory


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(partner, suffix=""):
    return f"/app/project/detail/{partner.project_id}/applicationFormPartner/{partner.pk}/budget{suffix}"


def staff_post(rows, **extra):
    data = {"staffCosts-count": str(len(rows)), "action": "save", **extra}
    for i, (units, price) in enumerate(rows):
        data.update({f"staffCosts-{i}-numberOfUnits": units, f"staffCosts-{i}-pricePerUnit": price,
                     f"staffCosts-{i}-description-EN": f"Role {i}", f"staffCosts-{i}-period-1": ""})
    return data


def test_page_renders_tables_options_and_tab(applicant, partner, flat_rates, unit_costs, investment):
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.STAFF, rows=[staff_row()])
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.EXTERNAL,
                          rows=[staff_row(price="0", investmentId=investment.pk)])
    response = login(applicant).get(url(partner))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Budget options", "Staff costs", "Travel and accommodation", "External expertise and services",
                 "Unit costs", "Period 4", "Total budget", 'aria-current="page">Budget', "up to 20 %",
                 "fixed at 15 %", "Staff function", "Flood meadow", "Staff day (150.00)", 'hx-post="'):
        assert text in html, text
    assert "Small project funds" not in html
    assert 'id="total-budget"><strong>1,000.00' in html


def test_save_rows_and_options(applicant, partner, flat_rates):
    client = login(applicant)
    response = client.post(url(partner), staff_post([("2", "10.50"), ("1", "0.01")],
                                                     **{"option-officeAndAdministrationOnStaffCostsFlatRate": "15"}))
    assert response.status_code == 302
    rows = live_budgets([partner.pk])[partner.pk]["costs"]["staffCosts"]
    assert [r["rowSum"] for r in rows] == [Decimal("21.00"), Decimal("0.01")]
    assert PartnerBudgetOptions.objects.get(partner=partner).office_and_administration_on_staff_costs_flat_rate == 15
    page = client.get(url(partner)).content.decode()
    assert 'id="total-office">3.15' in page and 'id="total-budget"><strong>24.16' in page


def test_recalculate_returns_totals_and_saves_nothing(applicant, partner):
    response = login(applicant).post(url(partner, "/recalculate"), staff_post([("3", "33.33"), ("x", "1")]),
                                     HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="total-budget"><strong>99.99' in html
    assert 'id="staffCosts-0-rowSum" hx-swap-oob="innerHTML">99.99' in html
    assert not BudgetCostRow.objects.exists()


def test_errors_inline_keep_values_and_store_nothing(applicant, partner):
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.STAFF, rows=[staff_row()])
    before = live_budgets([partner.pk])
    data = staff_post([("1", "1.001"), ("-2", "5")])
    data.update({"travelCosts-count": "1", "travelCosts-0-numberOfUnits": "1", "travelCosts-0-pricePerUnit": "3",
                 "travelCosts-0-period-7": "1"})
    response = login(applicant).post(url(partner), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="staffCosts-0-pricePerUnit-error">Use at most 2 decimal places.' in html
    assert 'value="1.001"' in html and 'value="-2"' in html  # typed values kept
    assert 'aria-describedby="staffCosts-1-numberOfUnits-error"' in html
    assert live_budgets([partner.pk]) == before


def test_add_and_remove_rows_without_js(applicant, partner):
    client = login(applicant)
    response = client.post(url(partner), {**staff_post([("1", "5")]), "action": "add:staffCosts"})
    assert response.status_code == 200 and 'name="staffCosts-1-pricePerUnit"' in response.content.decode()
    response = client.post(url(partner), {**staff_post([("1", "5"), ("2", "7")]), "action": "remove:staffCosts:0"})
    html = response.content.decode()
    assert 'name="staffCosts-1-pricePerUnit"' not in html and 'value="7"' in html
    assert not BudgetCostRow.objects.exists()


def test_option_error_inline(applicant, partner, flat_rates):
    response = login(applicant).post(url(partner), {"action": "save", "option-staffCostsFlatRate": "25"})
    assert response.status_code == 422
    assert 'id="option-staffCostsFlatRate-error">Enter a whole number from 1 to 20.' in response.content.decode()
    assert not PartnerBudgetOptions.objects.exists()


def test_flat_rate_hides_the_replaced_table(applicant, partner, flat_rates):
    services.update_options(actor=applicant, partner_id=partner.pk, data={"staffCostsFlatRate": 20})
    html = login(applicant).get(url(partner)).content.decode()
    assert 'id="staffCosts-title"' not in html and 'id="travelCosts-title"' in html


def test_spf_table_in_spf_calls(applicant, partner, open_call):
    open_call.type = CallType.SPF
    open_call.save()
    assert 'id="spfCosts-title"' in login(applicant).get(url(partner)).content.decode()


def test_read_only_cases(applicant, partner, viewer, stranger):
    assert login(stranger).get(url(partner)).status_code == 404
    response = login(viewer).get(url(partner))
    assert response.status_code == 200 and "Save changes" not in response.content.decode()
    assert login(viewer).post(url(partner), staff_post([("1", "1")])).status_code == 403
    Project.objects.filter(pk=partner.project_id).update(status=ApplicationStatus.SUBMITTED)
    assert "Save changes" not in login(applicant).get(url(partner)).content.decode()
    assert login(applicant).post(url(partner, "/recalculate"), staff_post([])).status_code == 403
    other = f"/app/project/detail/{partner.project_id + 1}/applicationFormPartner/{partner.pk}/budget"
    assert login(applicant).get(other).status_code == 404


def test_version_read_only(applicant, partner):
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.STAFF, rows=[staff_row(price="7")])
    snapshot = json.loads(json.dumps(form_snapshot(partner.project), cls=DjangoJSONEncoder))
    ProjectVersion.objects.create(project=partner.project, version="0.5", user=applicant, status="SUBMITTED",
                                  snapshot=snapshot)
    services.update_costs(actor=applicant, partner_id=partner.pk, category=C.STAFF, rows=[])
    html = login(applicant).get(url(partner, "?version=0.5")).content.decode()
    assert "You are viewing version 0.5" in html and 'value="7.00"' in html and "Save changes" not in html


def test_query_counts_fixed(applicant, partner, unit_costs, investment):
    client = login(applicant)

    def count(rows):
        services.update_costs(actor=applicant, partner_id=partner.pk, category=C.STAFF,
                              rows=[staff_row() for _ in range(rows)])
        services.update_costs(actor=applicant, partner_id=partner.pk, category=C.EXTERNAL,
                              rows=[staff_row(investmentId=investment.pk) for _ in range(rows)])
        client.get(url(partner))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(partner)).status_code == 200
        with CaptureQueriesContext(connection) as recalc:
            assert client.post(url(partner, "/recalculate"), staff_post([("1", "2")] * rows)).status_code == 200
        return len(ctx), len(recalc)

    assert count(10) == count(200)
