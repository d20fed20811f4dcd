"""Server time and SQL queries of every application-form page and GET endpoint for a maxed-out application.

Creates a scratch SQLite database in a temporary directory with four input languages and two projects in one
call: a small one (2 partners, 1 of everything) and a maxed-out one at every limit of features §0:
50 partners (addresses, contacts, motivation, state aid), 30 associated organisations, the C.2 tables at 20
rows, 20 work packages × 20 activities × 20 deliverables (8,000 deliverables), 10 outputs and 20 investments
per work package, 20 results; every text at its maximum length in all four languages.

Then it requests every GET page of the project side navigation (the URL patterns of the project apps) and
every GET API operation under /api/project… for both projects, logged in as the applicant, and prints per
URL: the SQL queries of the small and the maxed-out project (they must be equal: a fixed number of queries
whatever the data size), and the p50/p95 server time over --repeat calls on the maxed-out project. It also
times freezing the maxed-out form into a version and the pre-submission check.

Run:  .venv/bin/python bench/maxed_application.py [--repeat 10]
Exits non-zero when a query count grows with the data. Nothing outside the temporary directory is touched.
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

LANGUAGES = ["EN", "DE", "FR", "IT"]
PASSWORD = "Bench-Passw0rd"


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


def text(length: int, seed: str = "") -> dict:
    """A translation in every input language, each exactly `length` characters long."""
    out = {}
    for lang in LANGUAGES:
        base = f"{lang} {seed} Grenzüberschreitende Zusammenarbeit – coopération transfrontalière. "
        out[lang] = (base * (length // len(base) + 1))[:length]
    return out


def build(size: str):
    """One project filled to the limits ("max") or with one of everything ("small"); returns (project, user)."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from jems.accounts.models import Role, User
    from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
    from jems.calls.models import Call, CallStatus
    from jems.priorities.models import OutputIndicator, ProgrammePriority, ProgrammeSpecificObjective, ResultIndicator
    from jems.programme.models import ProgrammeLanguage
    from jems.projects import services as project_services
    from jems.projects.associations.models import AssociatedOrganization, AssociatedOrganizationContact
    from jems.projects.description.models import ProjectDescription
    from jems.projects.partners.models import PartnerAddress, PartnerContact, PartnerRole, ProjectPartner
    from jems.projects.results.models import ProjectResult
    from jems.projects.workpackages.models import Activity, Deliverable, Investment, Output, WorkPackage

    big = size == "max"
    n_partners, n_orgs, n_rows = (50, 30, 20) if big else (2, 1, 1)
    n_wp, n_act, n_del, n_out, n_inv, n_res = (20, 20, 20, 10, 20, 20) if big else (1, 1, 1, 1, 1, 1)
    for i, code in enumerate(LANGUAGES):
        ProgrammeLanguage.objects.update_or_create(code=code, defaults={"input": True, "ui": i < 2, "fallback": i == 0})
    call = Call.objects.filter(name="Bench call").first()
    if call is None:
        now = timezone.now()
        priority = ProgrammePriority.objects.create(code="P1", title=text(300, "priority"), objective="PO2")
        so = ProgrammeSpecificObjective.objects.create(priority=priority, programme_objective_policy="WaterManagement",
                                                       code="2.5")
        for i in range(1, 11):
            OutputIndicator.objects.create(identifier=f"O{i}", name=text(255, "out"), measurement_unit=text(255),
                                           specific_objective=so)
            ResultIndicator.objects.create(identifier=f"R{i}", name=text(255, "res"), measurement_unit=text(255),
                                           specific_objective=so)
        call = Call.objects.create(name="Bench call", status=CallStatus.PUBLISHED, start_date=now,
                                   end_date=now + timezone.timedelta(days=60), length_of_period=1)
        call.specific_objectives.add(so)
        from jems.calls.form_config import demo as form_demo

        form_demo.load(open(os.devnull, "w"))
    user = User.objects.filter(email=f"{size}@bench.example.org").first()
    if user is None:
        user = User.objects.create(email=f"{size}@bench.example.org", name="Bench", surname=size,
                                   role=Role.objects.get(pk=APPLICANT_USER_ROLE_ID), password=make_password(PASSWORD))
    project = project_services.create_project(actor=user, call_id=call.pk, acronym=size.upper())
    so = call.specific_objectives.first()
    outputs = list(OutputIndicator.objects.order_by("id"))
    results = list(ResultIndicator.objects.order_by("id"))
    with transaction.atomic():
        type(project).objects.filter(pk=project.pk).update(title=text(250, "title"), intro=text(2000, "summary"),
                                                           duration=60, specific_objective=so)
        ProjectDescription.objects.create(
            project=project, overall_objective=text(500), territorial_challenge=text(5000), common_challenge=text(5000),
            transnational_cooperation=text(5000), available_knowledge=text(5000), partnership=text(5000),
            coordination=text(5000), quality_assurance=text(5000), communication=text(5000),
            financial_management=text(5000), ownership=text(5000), durability=text(5000), transferability=text(5000),
            benefits=[{"group": "Sme", "specification": text(2000)} for _ in range(n_rows)],
            strategies=[{"strategy": "EUStrategyDanubeRegion", "specification": text(2000)} for _ in range(n_rows)],
            synergies=[{"synergy": text(2000), "specification": text(2000)} for _ in range(n_rows)])
        partners = ProjectPartner.objects.bulk_create(
            ProjectPartner(project=project, sort_number=i + 1, role=PartnerRole.LEAD_PARTNER if i == 0
                           else PartnerRole.PARTNER, abbreviation=f"P{i + 1:02d}", name_in_original_language="N" * 255,
                           name_in_english="E" * 255, department=text(250), partner_type="Sme",
                           organization_relevance=text(2000), organization_role=text(2000),
                           organization_experience=text(2000)) for i in range(n_partners))
        PartnerAddress.objects.bulk_create(
            PartnerAddress(partner=p, type=t, country="Österreich", country_code="AT", city="Wien", street="S" * 50)
            for p in partners for t in ("Organization", "Department"))
        PartnerContact.objects.bulk_create(
            PartnerContact(partner=p, type=t, first_name="F" * 50, last_name="L" * 50, email="x@example.org")
            for p in partners for t in ("LegalRepresentative", "ContactPerson"))
        orgs = AssociatedOrganization.objects.bulk_create(
            AssociatedOrganization(project=project, partner=partners[i % n_partners], sort_number=i + 1,
                                   name_in_original_language="A" * 100, name_in_english="B" * 100,
                                   role_description=text(3000), city="Graz") for i in range(n_orgs))
        AssociatedOrganizationContact.objects.bulk_create(
            AssociatedOrganizationContact(organization=o, type="LegalRepresentative", first_name="F" * 50)
            for o in orgs)
        wps = WorkPackage.objects.bulk_create(
            WorkPackage(project=project, number=i + 1, name=text(100), specific_objective=text(250),
                        objective_and_audience=text(500)) for i in range(n_wp))
        activities = Activity.objects.bulk_create(
            Activity(work_package=wp, number=a + 1, title=text(200), description=text(500), start_period=a + 1,
                     end_period=a + 10) for wp in wps for a in range(n_act))
        Activity.partners.through.objects.bulk_create(
            Activity.partners.through(activity=act, projectpartner=partners[(j + k) % n_partners])
            for j, act in enumerate(activities) for k in range(min(3, n_partners)))
        Deliverable.objects.bulk_create(
            Deliverable(activity=act, number=d + 1, title=text(100), description=text(300), period=d + 1)
            for act in activities for d in range(n_del))
        Output.objects.bulk_create(
            Output(work_package=wp, number=o + 1, title=text(200), description=text(500),
                   programme_output_indicator=outputs[o % len(outputs)], target_value=Decimal("1234567.89"),
                   period_number=o + 1) for wp in wps for o in range(n_out))
        Investment.objects.bulk_create(
            Investment(work_package=wp, number=i + 1, title=text(50), expected_delivery_period=i + 1,
                       justification_explanation=text(2000), justification_transactional_relevance=text(2000),
                       justification_benefits=text(2000), justification_pilot=text(2000), risk=text(2000),
                       documentation=text(2000), documentation_expected_impacts=text(2000),
                       ownership_site_location=text(500), ownership_retain=text(500), ownership_maintenance=text(500),
                       country="Österreich", country_code="AT", city="Wien") for wp in wps for i in range(n_inv))
        ProjectResult.objects.bulk_create(
            ProjectResult(project=project, number=r + 1, programme_result_indicator=results[r % len(results)],
                          baseline=Decimal("10.00"), target_value=Decimal("99999.99"), period_number=r + 1,
                          description=text(1000)) for r in range(n_res))
    return project, user


def page_urls(project) -> list[str]:
    """GET pages of the project apps: every URL pattern whose only parameters we can fill from the project."""
    from django.urls import get_resolver, reverse

    from jems.projects.associations.models import AssociatedOrganization
    from jems.projects.workpackages.models import Investment, WorkPackage

    wp = WorkPackage.objects.filter(project=project).order_by("number").first()
    values = {"project_id": project.pk, "partner_id": project.partners.order_by("sort_number").first().pk,
              "organization_id": AssociatedOrganization.objects.filter(project=project).first().pk,
              "work_package_id": wp.pk, "investment_id": Investment.objects.filter(work_package=wp).first().pk}
    urls = []
    resolver = get_resolver()
    for namespace in ("projects", "project_partners", "project_associations", "project_description", "project_files",
                      "project_workpackages", "project_results", "project_submission", "project_budget",
                      "project_cofinancing", "project_lumpsums", "project_overviews"):
        if namespace not in resolver.namespace_dict:
            continue
        _prefix, sub = resolver.namespace_dict[namespace]
        for pattern in sub.url_patterns:
            params = list(pattern.pattern.converters)
            if ("project_id" not in params or any(p not in values for p in params)
                    or any(word in pattern.name for word in ("download", "delete", "deactivate", "recalculate"))):
                continue
            urls.append(reverse(f"{namespace}:{pattern.name}", kwargs={p: values[p] for p in params}))
    return sorted(set(urls))


def api_urls(client, project) -> list[str]:
    """GET operations of our OpenAPI document about one project, with their path parameters filled."""
    import re

    from jems.projects.workpackages.models import Investment, WorkPackage

    wp = WorkPackage.objects.filter(project=project).order_by("number").first()
    partner = project.partners.order_by("sort_number").first()
    values = {"projectId": project.pk, "id": project.pk, "partnerId": partner.pk, "workPackageId": wp.pk,
              "investmentId": Investment.objects.filter(work_package=wp).first().pk}
    document = client.get("/api/openapi.json").json()
    urls = []
    for path, operations in document["paths"].items():
        if "get" not in operations or not path.startswith(("/api/project/", "/api/projectPartnerCollaborators",
                                                           "/api/projectUserCollaborator")):
            continue
        names = re.findall(r"{(\w+)}", path)
        if not names or any(n not in values for n in names) or "/file" in path:
            continue
        if not any(n in ("projectId", "id", "partnerId", "workPackageId", "investmentId") for n in names):
            continue
        urls.append(re.sub(r"{(\w+)}", lambda m: str(values[m.group(1)]), path))
    return sorted(set(urls))


def measure(client, url: str, repeat: int) -> tuple[int, int, float, float]:
    """(status, queries of one call, p50 ms, p95 ms) of GET url."""
    from django.db import connection

    client.get(url)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        status = client.get(url).status_code
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return status, len(executed), statistics.median(times), p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        from django.test import Client

        from jems.projects import services as project_services

        start = time.perf_counter()
        small, small_user = build("small")
        big, big_user = build("max")
        built = time.perf_counter() - start
        clients = {}
        for name, user in (("small", small_user), ("max", big_user)):
            clients[name] = Client()
            assert clients[name].login(email=user.email, password=PASSWORD)
        print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; data built in "
              f"{built:.1f} s; {args.repeat} timed calls per URL (after one warm-up).\n")
        print("| URL (maxed-out project) | status | queries small | queries max | p50 ms | p95 ms |")
        print("|---|---|---:|---:|---:|---:|")
        growing = []
        small_pages = page_urls(small) + api_urls(clients["small"], small)
        big_pages = page_urls(big) + api_urls(clients["max"], big)
        for small_url, big_url in zip(small_pages, big_pages, strict=True):
            _s, small_queries, _p50, _p95 = measure(clients["small"], small_url, 1)
            status, queries, p50, p95 = measure(clients["max"], big_url, args.repeat)
            if queries != small_queries:
                growing.append(big_url)
            shown = big_url.replace(str(big.pk), "{id}", 1)
            print(f"| {shown} | {status} | {small_queries} | {queries} | {p50:.1f} | {p95:.1f} |")
        from jems.projects.models import Project

        start = time.perf_counter()
        snapshot = project_services.form_snapshot(Project.objects.get(pk=big.pk))
        frozen = time.perf_counter() - start
        size_kib = len(str(snapshot)) / 1024
        print(f"\nFreezing the maxed-out form into a version snapshot: {frozen * 1000:.0f} ms ({size_kib:,.0f} KiB).")
        if growing:
            print("\nQuery counts that grow with the data:\n" + "\n".join(f"- {u}" for u in growing))
            return 1
        return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.exit(main())
