"""SQL queries and server time of the project budget overviews (A.3, D.1–D.3) for a large budget.

Creates a scratch SQLite database in a temporary directory with one call (1-month periods, two funds: ERDF up
to 80 % and a fixed 10 % OTHER fund, a multi-category unit cost, a splittable lump sum) and two projects:

- small: 2 partners, 1 budget row each, 2 periods, 1 lump sum, co-financing with 2 funds and 2 contributions;
- large: 50 partners × 300 budget rows (staff, travel, external, equipment, infrastructure, unit costs) × 60
  periods (900,000 period amounts), flat rates on every third partner, 50 lump sums split between all partners
  in every period kind (preparation, 1..60, closure, none), co-financing with both funds and 3 contributions
  per partner.

Then, logged in as the applicant, it requests the D page, the A.3/A.4 overview-tables page and the five
overview API operations on both projects and prints per URL the SQL queries of the small and the large project
(they must be equal) and the p50/p95 server time over --repeat calls on the large project. It also times the
whole-project computation (`overviews.queries.load` and every overview computed once), whose p50 must stay
< 1 s (the maximum is reported too; on a shared machine it follows the load of the other jobs).

Run:  .venv/bin/python bench/budget_scale.py [--repeat 10]
Exits non-zero when a query count grows with the data or the computation's p50 is 1 s or more. Nothing outside
the temporary directory is touched.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

PASSWORD = "Bench-Passw0rd"
CATEGORIES = ("STAFF", "TRAVEL", "EXTERNAL", "EQUIPMENT", "INFRASTRUCTURE", "UNIT_COST")


def setup_django(var_dir: Path) -> None:
    os.environ["JEMS_VAR_DIR"] = str(var_dir)
    os.environ["JEMS_DEMO"] = "1"  # a development secret key; no server is started
    os.environ["JEMS_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ.pop("JEMS_DATABASE_URL", None)  # always the scratch SQLite database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jems.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def call_setup():
    """The bench call with its funds, unit cost and lump sum (created once)."""
    from django.utils import timezone

    from jems.calls.form_config import demo as form_demo
    from jems.calls.models import Call, CallFund, CallStatus
    from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
    from jems.priorities.models import ProgrammePriority, ProgrammeSpecificObjective
    from jems.programme.models import ProgrammeFund, ProgrammeLanguage

    ProgrammeLanguage.objects.update_or_create(code="EN", defaults={"input": True, "ui": True, "fallback": True})
    now = timezone.now()
    priority = ProgrammePriority.objects.create(code="P1", title={"EN": "Priority"}, objective="PO2")
    so = ProgrammeSpecificObjective.objects.create(priority=priority, programme_objective_policy="WaterManagement",
                                                   code="2.5")
    call = Call.objects.create(name="Bench call", status=CallStatus.PUBLISHED, start_date=now,
                               end_date=now + timezone.timedelta(days=60), length_of_period=1)
    call.specific_objectives.add(so)
    form_demo.load(open(os.devnull, "w"))
    erdf = ProgrammeFund.objects.create(type="ERDF", selected=True, abbreviation={"EN": "ERDF"})
    other = ProgrammeFund.objects.create(type="OTHER", selected=True, abbreviation={"EN": "Fund X"})
    CallFund.objects.create(call=call, fund=erdf, rate=Decimal(80), adjustable=True)
    CallFund.objects.create(call=call, fund=other, rate=Decimal(10), adjustable=False)
    unit_cost = ProgrammeUnitCost.objects.create(name={"EN": "Visit"}, type={"EN": "visit"}, cost_per_unit="320.00",
                                                 one_cost_category=False, categories=["StaffCosts", "TravelAndAccommodationCosts"])
    call.unit_costs.add(unit_cost)
    lump_sum = ProgrammeLumpSum.objects.create(name={"EN": "Pilot"}, cost=Decimal("100000.00"), splitting_allowed=True,
                                               phase="Implementation", categories=["StaffCosts"])
    call.lump_sums.add(lump_sum)
    return call, erdf, other, unit_cost, lump_sum


def build(size: str, setup) -> tuple:
    """A project of the given size ("small" or "large"); returns (project, user)."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from jems.accounts.models import Role, User
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.projects import services as project_services
    from jems.projects.budget.models import BudgetCostRow, PartnerBudgetOptions
    from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution
    from jems.projects.lumpsums.models import ProjectLumpSum, ProjectPartnerLumpSum
    from jems.projects.partners.models import PartnerRole, ProjectPartner

    call, erdf, other, unit_cost, lump_sum = setup
    large = size == "large"
    n_partners, n_rows, n_periods, n_lump_sums = (50, 300, 60, 50) if large else (2, 1, 2, 1)
    user = User.objects.create(email=f"{size}@bench.example.org", name="Bench", surname=size,
                               role=Role.objects.get(pk=APPLICANT_USER_ROLE_ID), password=make_password(PASSWORD))
    project = project_services.create_project(actor=user, call_id=call.pk, acronym=size.upper())
    with transaction.atomic():
        type(project).objects.filter(pk=project.pk).update(duration=n_periods)
        partners = ProjectPartner.objects.bulk_create(
            ProjectPartner(project=project, sort_number=i + 1, abbreviation=f"P{i + 1:02d}",
                           role=PartnerRole.LEAD_PARTNER if i == 0 else PartnerRole.PARTNER) for i in range(n_partners))
        flat_rate = {p.pk for i, p in enumerate(partners) if i % 3 == 1}
        PartnerBudgetOptions.objects.bulk_create(
            PartnerBudgetOptions(partner_id=pk, staff_costs_flat_rate=20,
                                 office_and_administration_on_staff_costs_flat_rate=15) for pk in flat_rate)
        rows = []
        for p in partners:
            for r in range(n_rows):
                category = CATEGORIES[r % len(CATEGORIES)]
                if category == "STAFF" and p.pk in flat_rate:
                    category = "EXTERNAL"
                price = Decimal("320.00") if category == "UNIT_COST" else Decimal(1000 + 7 * r) + Decimal("0.37")
                units = Decimal(1 + r % 3)
                amount = (price * units / n_periods).quantize(Decimal("0.01"))
                rows.append(BudgetCostRow(
                    partner=p, category=category, sort_number=r, number_of_units=units, price_per_unit=price,
                    row_sum=price * units, unit_cost=unit_cost if category == "UNIT_COST" else None,
                    periods=[{"number": k, "amount": str(amount)} for k in range(1, n_periods + 1)]))
        BudgetCostRow.objects.bulk_create(rows, batch_size=2000)
        period_kinds = [0, *range(1, n_periods + 1), 255, None]
        lump_sums = ProjectLumpSum.objects.bulk_create(
            ProjectLumpSum(project=project, programme_lump_sum=lump_sum, order_nr=i + 1,
                           period_number=period_kinds[i % len(period_kinds)]) for i in range(n_lump_sums))
        share = (lump_sum.cost / n_partners).quantize(Decimal("0.01"))
        ProjectPartnerLumpSum.objects.bulk_create(
            (ProjectPartnerLumpSum(project_lump_sum=item, partner=p, amount=share) for item in lump_sums
             for p in partners), batch_size=2000)
        PartnerCoFinancing.objects.bulk_create(
            line for p in partners for line in (
                PartnerCoFinancing(project_partner=p, fund=erdf, fund_type="MainFund", percentage=Decimal("70.00")),
                PartnerCoFinancing(project_partner=p, fund=other, fund_type="MainFund", percentage=Decimal("10.00"),
                                   order_nr=1),
                PartnerCoFinancing(project_partner=p, fund_type="PartnerContribution", percentage=Decimal("20.00"),
                                   order_nr=2)))
        PartnerContribution.objects.bulk_create(
            row for p in partners for row in (
                PartnerContribution(project_partner=p, name=p.abbreviation, status="Public", amount=Decimal("1000.00"),
                                    partner=True),
                PartnerContribution(project_partner=p, name="Region", status="AutomaticPublic",
                                    amount=Decimal("500.00"), order_nr=1),
                PartnerContribution(project_partner=p, name="Company", status="Private", amount=Decimal("250.00"),
                                    order_nr=2)))
    return project, user


def urls(project) -> list[str]:
    base = f"/api/project/{project.pk}"
    return [f"/app/project/detail/{project.pk}/applicationFormBudgetPerPartner",
            f"/app/project/detail/{project.pk}/applicationFormOverviewTables",
            f"{base}/budget", f"{base}/coFinancingOverview", f"{base}/budget/perFund", f"{base}/budget/perPeriod",
            f"{base}/funds/perPeriod"]


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(client, url: str, repeat: int) -> tuple[int, int, float, float]:
    """(status, queries of one call, p50 ms, p95 ms) of GET url after one warm-up call."""
    from django.db import connection

    client.get(url)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    counts = []
    for _ in range(2):  # the lower of two: the session's idle stamp is written at most once a minute
        executed.clear()
        with connection.execute_wrapper(count):
            status = client.get(url).status_code
        counts.append(len(executed))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return status, min(counts), statistics.median(times), percentile(times, 0.95)


def computation(project, user, repeat: int) -> dict[str, tuple[float, float]]:
    """p50 and max ms of the three parts of the whole-project computation and of their sum: the base reads
    (`queries.load`), the rows' period amounts (one query, JSON decoded and summed) and every overview computed
    with jems.finance."""
    from jems.projects.overviews import queries

    parts = {"reads": [], "period amounts": [], "overviews": [], "together": []}
    for _ in range(repeat):
        start = time.perf_counter()
        ov = queries.load(actor=user, project_id=project.pk)
        loaded = time.perf_counter()
        _amounts = ov.period_amounts
        read = time.perf_counter()
        _all = (ov.partner_totals, ov.category_totals, ov.per_period, ov.per_fund, ov.funds_per_period,
                ov.co_financing)
        done = time.perf_counter()
        for name, ms in (("reads", loaded - start), ("period amounts", read - loaded), ("overviews", done - read),
                         ("together", done - start)):
            parts[name].append(ms * 1000)
    return {name: (statistics.median(times), max(times)) for name, times in parts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        from django.test import Client

        start = time.perf_counter()
        setup = call_setup()
        small, small_user = build("small", setup)
        large, large_user = build("large", setup)
        built = time.perf_counter() - start
        clients = {}
        for name, user in (("small", small_user), ("large", large_user)):
            clients[name] = Client()
            assert clients[name].login(email=user.email, password=PASSWORD)
        print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; data built in "
              f"{built:.1f} s; {args.repeat} timed calls per URL (after one warm-up).\n")
        print("| URL (large project) | status | queries small | queries large | p50 ms | p95 ms |")
        print("|---|---|---:|---:|---:|---:|")
        growing = []
        for small_url, large_url in zip(urls(small), urls(large), strict=True):
            _s, small_queries, _p50, _p95 = measure(clients["small"], small_url, 1)
            status, queries, p50, p95 = measure(clients["large"], large_url, args.repeat)
            if queries != small_queries or status != 200:
                growing.append(large_url)
            shown = large_url.replace(str(large.pk), "{id}", 1)
            print(f"| {shown} | {status} | {small_queries} | {queries} | {p50:.1f} | {p95:.1f} |")
        timings = computation(large, large_user, args.repeat)
        print(f"\nWhole-project computation of the large project (p50 / max ms of {args.repeat} runs): "
              + ", ".join(f"{name} {p50:.0f} / {top:.0f}" for name, (p50, top) in timings.items()) + ".")
        failed = False
        if growing:
            print("\nQuery counts that grow with the data (or failed requests):\n"
                  + "\n".join(f"- {u}" for u in growing))
            failed = True
        if timings["together"][0] >= 1000:
            print("\nThe whole-project computation took 1 s or more (p50).")
            failed = True
        return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.exit(main())
