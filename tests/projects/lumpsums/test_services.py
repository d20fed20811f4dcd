"""Section E services rule by rule: E.1 lump sums (offer, periods, shares, splitting, limits) and E.2.1
project-proposed unit costs (call flag, limit, ownership, lock after contracting), with every refusal."""

from decimal import Decimal

import pytest

from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.cost_options import queries as programme_queries
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.projects.lumpsums import queries, services
from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum
from jems.projects.lumpsums.services import LumpSumData, ShareData
from jems.projects.models import Project
from jems.projects.services import form_snapshot

pytestmark = pytest.mark.django_db


def _row(lump_sum, period, *shares):
    return LumpSumData(programme_lump_sum_id=lump_sum.pk, period=period,
                       shares=tuple(ShareData(partner_id=p.pk, amount=a) for p, a in shares))


def _fails(call, *fields):
    with pytest.raises(ValidationFailed) as error:
        call()
    for field in fields:
        assert field in error.value.form_errors, error.value.form_errors
    return error.value


def test_replace_lump_sums_finance_rules_example(applicant, project, partners, split_lump_sum, single_lump_sum):
    """finance-rules §3: preparation 1999.99 (LP), 5555.56 split LP 2000 / PP 3555.56 in period 1, closure
    900.16 (PP; LP 0) → LP 3999.99, PP 4455.72."""
    lead, other = partners
    closure = ProgrammeLumpSum.objects.create(name={"EN": "Closure"}, cost=Decimal("900.16"), splitting_allowed=False,
                                              categories=["StaffCosts", "ExternalCosts"])
    project.call.lump_sums.add(closure)
    rows = services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[
        _row(single_lump_sum, 0, (lead, "1999.99")),
        _row(split_lump_sum, 1, (lead, "2000"), (other, Decimal("3555.56"))),
        _row(closure, 255, (lead, "0"), (other, "900.16")),
    ])
    assert [r["orderNr"] for r in rows] == [1, 2, 3] and [r["period"] for r in rows] == [0, 1, 255]
    assert rows[0]["fastTrack"] is True and rows[1]["readyForPayment"] is False
    assert rows[1]["lumpSumContributions"] == [{"partnerId": lead.pk, "amount": Decimal("2000.00")},
                                               {"partnerId": other.pk, "amount": Decimal("3555.56")}]
    assert queries.partner_lump_sum_totals(project) == {lead.pk: Decimal("3999.99"), other.pk: Decimal("4455.72")}
    snapshot = form_snapshot(project)
    assert queries.partner_lump_sum_totals(project, snapshot) == {lead.pk: Decimal("3999.99"),
                                                                  other.pk: Decimal("4455.72")}
    assert queries.lump_sums_of(project, snapshot) == rows
    # replacing keeps nothing of the old rows
    services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[_row(split_lump_sum, None)])
    assert ProjectLumpSum.objects.filter(project=project).count() == 1
    assert not ProjectPartnerLumpSum.objects.exists()


def test_not_fully_split_is_saved_and_reported(applicant, project, partners, split_lump_sum):
    lead, _other = partners
    rows = services.update_lump_sums(actor=applicant, project_id=project.pk,
                                     rows=[_row(split_lump_sum, 2, (lead, "100.00"))])
    assert queries.split_status(rows, queries.programme_lump_sums(project))[0] == {
        "total": Decimal("100.00"), "difference": Decimal("5455.56"), "fully_split": False}
    issues = queries.lump_sum_issues(project)
    assert issues == [{"orderNr": 1, "notFullySplit": True, "periodMissing": False}]


def test_row_refusals(applicant, project, partners, split_lump_sum, single_lump_sum, open_call):
    lead, other = partners
    foreign = ProgrammeLumpSum.objects.create(name={"EN": "Not offered"}, cost=Decimal("1"), splitting_allowed=True,
                                              categories=["StaffCosts", "ExternalCosts"])
    other_project = Project.objects.create(call=open_call, applicant=applicant, acronym="OTHER", status="DRAFT")
    from jems.projects.partners.models import ProjectPartner
    outsider = ProjectPartner.objects.create(project=other_project, role="LEAD_PARTNER", abbreviation="X")

    def update(*rows):
        return lambda: services.update_lump_sums(actor=applicant, project_id=project.pk, rows=list(rows))

    _fails(update(_row(foreign, 1)), "lumpSums[0].programmeLumpSumId")
    _fails(update(_row(split_lump_sum, 3)), "lumpSums[0].period")  # only 2 periods
    _fails(update(_row(split_lump_sum, 254)), "lumpSums[0].period")
    _fails(update(_row(split_lump_sum, 1, (outsider, "1"))), "lumpSums[0].lumpSumContributions[0].partnerId")
    _fails(update(_row(split_lump_sum, 1, (lead, "1"), (lead, "2"))), "lumpSums[0].lumpSumContributions[1].partnerId")
    for bad in ("-1", "1.234", "1000000000.00", "abc", "NaN"):
        _fails(update(_row(split_lump_sum, 1, (lead, bad))), "lumpSums[0].lumpSumContributions[0].amount")
    error = _fails(update(_row(single_lump_sum, 0, (lead, "1"), (other, "1"))), "lumpSums[0].lumpSumContributions")
    assert error.form_errors["lumpSums[0].lumpSumContributions"]["i18nKey"] == "project.lumpSum.splitting.not.allowed"
    # one partner above 0 is fine for a lump sum that may not be split
    services.update_lump_sums(actor=applicant, project_id=project.pk,
                              rows=[_row(single_lump_sum, 0, (lead, "1999.99"), (other, "0"))])
    # a refused update stores nothing: the previous rows stay
    _fails(update(_row(split_lump_sum, 1), _row(foreign, 1)), "lumpSums[1].programmeLumpSumId")
    assert list(ProjectLumpSum.objects.filter(project=project).values_list("programme_lump_sum", flat=True)) == [
        single_lump_sum.pk]


def test_limit_of_50(applicant, project, partners, split_lump_sum):
    services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[_row(split_lump_sum, 1)] * 50)
    error = _fails(lambda: services.update_lump_sums(actor=applicant, project_id=project.pk,
                                                     rows=[_row(split_lump_sum, 1)] * 51), "lumpSums")
    assert error.key == "project.lumpSum.max.allowed.reached"
    assert ProjectLumpSum.objects.filter(project=project).count() == 50


def test_access_and_status(applicant, viewer, stranger, project, partners, split_lump_sum):
    with pytest.raises(NotFound):
        services.update_lump_sums(actor=stranger, project_id=project.pk, rows=[])
    with pytest.raises(Forbidden):
        services.update_lump_sums(actor=viewer, project_id=project.pk, rows=[])
    Project.objects.filter(pk=project.pk).update(status="SUBMITTED")
    error = _fails(lambda: services.update_lump_sums(actor=applicant, project_id=project.pk, rows=[]))
    assert error.key == "project.status.not.modifiable"


def test_periods_without_duration(applicant, project, split_lump_sum):
    Project.objects.filter(pk=project.pk).update(duration=None)
    project.refresh_from_db()
    assert services.allowed_periods(project) == [0, 255]
    Project.objects.filter(pk=project.pk).update(duration=13)
    project.refresh_from_db()
    assert services.allowed_periods(project) == [0, 1, 2, 3, 255]


# --- E.2.1 ---------------------------------------------------------------------------------------------------


def _values(**extra):
    return {"name": {"EN": "Workshop"}, "description": {}, "type": {"EN": "event"}, "justification": {},
            "cost_per_unit": Decimal("250.50"), "cost_per_unit_foreign_currency": None, "foreign_currency_code": None,
            "one_cost_category": True, "categories": ["TravelAndAccommodationCosts"],
            "payment_claim": "IncurredByBeneficiaries", **extra}


def test_propose_unit_costs(applicant, admin_user, project, proposals_allowed, call_unit_cost):
    created = services.create_unit_cost(actor=applicant, project_id=project.pk, values=_values())
    assert created.project_id == project.pk and created.project_defined
    updated = services.update_unit_cost(actor=applicant, project_id=project.pk, unit_cost_id=created.pk,
                                        values=_values(cost_per_unit="300"))
    assert updated.cost_per_unit == Decimal("300.00")
    available = queries.available_unit_costs(project, None)
    assert [(u["id"], u["projectDefined"]) for u in available] == [(call_unit_cost.pk, False), (created.pk, True)]
    # the programme lists do not show it
    assert created.pk not in [u.pk for u in programme_queries.list_unit_costs(actor=admin_user)]
    with pytest.raises(NotFound):
        programme_queries.get_unit_cost(actor=admin_user, unit_cost_id=created.pk)
    frozen = form_snapshot(project)
    assert queries.proposed_unit_costs_of(project, frozen)[0]["costPerUnit"] == Decimal("300.00")
    services.delete_unit_cost(actor=applicant, project_id=project.pk, unit_cost_id=created.pk)
    assert not ProgrammeUnitCost.objects.filter(project=project).exists()


def test_unit_cost_refusals(applicant, viewer, stranger, project, open_call, proposals_allowed, call_unit_cost):
    _fails(lambda: services.create_unit_cost(actor=applicant, project_id=project.pk,
                                             values=_values(name={}, cost_per_unit="1.001")), "name", "costPerUnit")
    _fails(lambda: services.create_unit_cost(actor=applicant, project_id=project.pk,
                                             values=_values(categories=["StaffCosts", "ExternalCosts"])),
           "categories")
    with pytest.raises(NotFound):
        services.create_unit_cost(actor=stranger, project_id=project.pk, values=_values())
    with pytest.raises(Forbidden):
        services.create_unit_cost(actor=viewer, project_id=project.pk, values=_values())
    # the call's own unit costs and other projects' ones are not the project's to change
    with pytest.raises(NotFound):
        services.update_unit_cost(actor=applicant, project_id=project.pk, unit_cost_id=call_unit_cost.pk,
                                  values=_values())
    with pytest.raises(NotFound):
        services.delete_unit_cost(actor=applicant, project_id=project.pk, unit_cost_id=call_unit_cost.pk)
    for _ in range(10):
        services.create_unit_cost(actor=applicant, project_id=project.pk, values=_values())
    error = _fails(lambda: services.create_unit_cost(actor=applicant, project_id=project.pk, values=_values()))
    assert error.key == "project.costOption.unitCost.max.allowed.reached"
    open_call.project_defined_unit_cost_allowed = False
    open_call.save()
    error = _fails(lambda: services.create_unit_cost(actor=applicant, project_id=project.pk, values=_values()))
    assert error.key == "project.costOption.unitCost.not.allowed"


def test_unit_costs_locked_after_contracting(applicant, project, proposals_allowed):
    created = services.create_unit_cost(actor=applicant, project_id=project.pk, values=_values())
    Project.objects.filter(pk=project.pk).update(status="IN_MODIFICATION")
    error = _fails(lambda: services.update_unit_cost(actor=applicant, project_id=project.pk, unit_cost_id=created.pk,
                                                     values=_values()))
    assert error.key in ("project.costOption.unitCost.locked.after.contracting", "project.status.not.modifiable")
    with pytest.raises(ValidationFailed):
        services.delete_unit_cost(actor=applicant, project_id=project.pk, unit_cost_id=created.pk)
