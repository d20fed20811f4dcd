"""The read access a pre-submission check plugin gets (the "data provider" of features §11): the live
application form of one project, loaded on first use in a fixed number of queries whatever the number of
partners, work packages, activities, results, budget rows, co-financing lines or lump sums.

The budget part (sections D and E, co-financing) is read only when the call shows form field 45
PARTNER_BUDGET_AND_CO_FINANCING in the project's current step, through the budget apps' own reads
(`partner_budgets`, `partner_cofinancing`, `lump_sum_issues`, `BudgetRules`)."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch

from jems.calls.models import CallFund
from jems.finance.budget import BudgetTotals
from jems.programme.languages import input_languages
from jems.programme.models import ProgrammeFund
from jems.projects.budget.rules import BudgetRules
from jems.projects.budget.totals import budgets_of, partner_budgets
from jems.projects.cofinancing.queries import partner_cofinancing, partner_spf_cofinancing
from jems.projects.description.models import ProjectDescription
from jems.projects.lumpsums.queries import lump_sum_issues, lump_sums_of, programme_lump_sums
from jems.projects.models import Project, is_in_step1
from jems.projects.partners.models import PartnerAddress, PartnerContact, ProjectPartner
from jems.projects.results.models import ProjectResult
from jems.projects.schemas import periods
from jems.projects.visibility import visible_fields
from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage

BUDGET_FIELD = "PARTNER_BUDGET_AND_CO_FINANCING"


@dataclass
class BudgetData:
    """The budget part of the live form: per partner (active or not) the budget dict (options and cost rows in
    the API shape), its calculated totals and both co-financing sets ({"funds", "contributions"}); the call's
    budget rules and funds as they are now; the E.1 rows with the lump sums the call offers and the rows the
    finance rules report (not fully split, no period)."""

    rules: BudgetRules
    budgets: dict[int, dict]
    totals: dict[int, BudgetTotals]
    cofinancing: dict[int, dict]
    spf_cofinancing: dict[int, dict]
    call_funds: dict[int, CallFund]
    fund_names: dict[int, str]
    lump_sums: list[dict]
    offered_lump_sums: frozenset[int]
    lump_sum_issues: list[dict]


@dataclass
class ApplicationForm:
    """The current application form as the checks see it: model rows with their children prefetched
    (deactivated rows left out, except in `all_partners`); `budget` is None when the call hides field 45."""

    project: Project
    step1: bool
    visible: frozenset[str]
    languages: list[str]
    period_numbers: set[int]
    partners: list[ProjectPartner]
    description: ProjectDescription
    work_packages: list[WorkPackage]
    results: list[ProjectResult]
    all_partners: list[ProjectPartner]
    budget: BudgetData | None


def _fund_name(fund: ProgrammeFund) -> str:
    abbreviation = fund.abbreviation or {}
    return abbreviation.get("EN") or next((v for v in abbreviation.values() if v), "") or fund.type


def _budget(project: Project) -> BudgetData:
    """The budget part in a fixed number of queries (each read below is fixed whatever the data size)."""
    rules = BudgetRules.of(project)
    cofinancing = partner_cofinancing(project)
    spf = partner_spf_cofinancing(project) if rules.spf else {}
    call_funds = {row.fund_id: row for row in CallFund.objects.filter(call_id=project.call_id)}
    used = {line["fundId"] for data in (*cofinancing.values(), *spf.values()) for line in data["funds"]}
    funds = ProgrammeFund.objects.filter(pk__in=used - {None})
    return BudgetData(rules=rules, budgets=budgets_of(project), totals=partner_budgets(project),
                      cofinancing=cofinancing, spf_cofinancing=spf, call_funds=call_funds,
                      fund_names={fund.pk: _fund_name(fund) for fund in funds},
                      lump_sums=lump_sums_of(project, None), offered_lump_sums=frozenset(programme_lump_sums(project)),
                      lump_sum_issues=lump_sum_issues(project))


def _partners(project_id: int) -> list[ProjectPartner]:
    return list(ProjectPartner.objects.filter(project_id=project_id)
                .select_related("state_aid")
                .prefetch_related(Prefetch("addresses", PartnerAddress.objects.order_by("type")),
                                  Prefetch("contacts", PartnerContact.objects.order_by("type")))
                .order_by("sort_number", "id"))


def _work_packages(project_id: int) -> list[WorkPackage]:
    activities = Activity.objects.filter(deactivated=False).prefetch_related(
        Prefetch("deliverables", Deliverable.objects.filter(deactivated=False)))
    return list(WorkPackage.objects.filter(project_id=project_id, deactivated=False).prefetch_related(
        Prefetch("activities", activities),
        Prefetch("outputs", Output.objects.filter(deactivated=False)),
        Prefetch("investments", Investment.objects.filter(deactivated=False))))


class ApplicationData:
    """Given to the plugin hook: `form` loads the project's live application form once, on first access (the
    built-in "no check" and "blocked" plugins never touch it, so they cost no queries)."""

    def __init__(self, project: Project):
        self.project = project

    @cached_property
    def form(self) -> ApplicationForm:
        project = self.project
        visible = visible_fields(project)
        partners = _partners(project.pk)
        return ApplicationForm(
            project=project, step1=is_in_step1(project.status), visible=visible,
            languages=input_languages(),
            period_numbers={p["number"] for p in periods(project.call, project.duration)},
            partners=[p for p in partners if p.active], all_partners=partners,
            budget=_budget(project) if BUDGET_FIELD in visible else None,
            description=ProjectDescription.objects.filter(project_id=project.pk).first() or ProjectDescription(),
            work_packages=_work_packages(project.pk),
            results=list(ProjectResult.objects.filter(project_id=project.pk, deactivated=False)),
        )
