"""Demo data: the co-financing of every partner of the demo application "DANUBE-ADAPT": the call's ERDF fund at
the call rate and the partner's own public contribution covering the remainder of its budget (computed from
the budget as it is when the demo loads). Idempotent: partners that have co-financing are left as they are."""

from django.db import transaction

from jems.calls.models import CallFund
from jems.projects.demo import ACRONYM
from jems.projects.models import Project

from . import queries, services
from .models import PartnerCoFinancing


def _fund(call) -> CallFund | None:
    """The call's ERDF fund (its first fund when it has no ERDF)."""
    rows = list(CallFund.objects.filter(call=call).select_related("fund").order_by("fund_id"))
    return next((row for row in rows if row.fund.type == "ERDF"), rows[0] if rows else None)


def load(stdout) -> None:
    project = Project.objects.filter(acronym=ACRONYM).select_related("applicant", "call").first()
    if project is None or project.applicant is None:
        stdout.write("Demo co-financing skipped (no demo application).")
        return
    call_fund = _fund(project.call)
    partner_ids = list(project.partners.exclude(
        pk__in=PartnerCoFinancing.objects.values("project_partner_id")).values_list("pk", flat=True))
    if call_fund is None or not partner_ids:
        return
    totals = queries.partner_totals(project)
    with transaction.atomic():
        for partner_id in partner_ids:
            total = totals.get(partner_id, queries.PartnerTotal()).management
            data = {"finances": [{"fundType": "MainFund", "fundId": call_fund.fund_id, "percentage": call_fund.rate},
                                 {"fundType": "PartnerContribution", "fundId": None,
                                  "percentage": 100 - call_fund.rate}],
                    "partnerContributions": [{"partner": True, "status": "Public", "amount": None}]}
            own = queries.amounts(data, total).partner_contribution
            data["partnerContributions"][0]["amount"] = own
            services.update_cofinancing(actor=project.applicant, partner_id=partner_id, data=data)
    stdout.write(f"Demo co-financing filled: {ACRONYM} ({len(partner_ids)} partners)")
