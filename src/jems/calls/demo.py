"""Demo data of calls (`jems load_demo`) for the fictional programme "Interreg Danube-Alps Demo": an open
standard call and an open two-step call (step 1 still running), both published, using the demo programme's
funds, specific objectives, strategies, state aids, lump sums, unit costs and assessment checklists.

The calls app comes before the programme-setup apps in INSTALLED_APPS, so the (idempotent) demo loaders of
those apps run first when their data is missing. Idempotent: a call with the same name is left alone."""

from datetime import timedelta
from decimal import Decimal
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID
from jems.checklists.models import ProgrammeChecklist
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.priorities.models import ProgrammeSpecificObjective
from jems.programme.models import ProgrammeFund, ProgrammeStrategy, StateAid

from . import plugins, services
from .models import Call

STANDARD_CALL = "Call 1 – Innovation and climate resilience"
TWO_STEP_CALL = "Call 2 – Green mobility (two-step)"


def _ensure_programme(stdout) -> None:
    if ProgrammeFund.objects.filter(selected=True).exists() and ProgrammeSpecificObjective.objects.exists():
        return
    for app in ("programme", "priorities", "cost_options"):
        module = import_module(f"jems.{app}.demo")
        module.load(stdout)


def _actor():
    return (User.objects.filter(email__iexact=settings.ADMIN_EMAIL).first()
            or User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first())


def _create(actor, *, name, description, start, end, step1, rate, flat_rates, stdout) -> None:
    policies = list(ProgrammeSpecificObjective.objects.order_by("id").values_list("programme_objective_policy",
                                                                                  flat=True))
    funds = [services.FundRate(fund_id=pk, rate=rate, adjustable=True)
             for pk in ProgrammeFund.objects.filter(selected=True).order_by("id").values_list("pk", flat=True)]
    call = services.create_call(actor=actor, data=services.CallSettings(
        name=name, type="STANDARD", start_date=start, end_date=end, end_date_step1=step1, length_of_period=6,
        additional_fund_allowed=True, direct_contributions_allowed=True, description=description,
        priority_policies=policies,
        strategies=list(ProgrammeStrategy.objects.filter(active=True).values_list("strategy", flat=True)),
        funds=funds, state_aid_ids=list(StateAid.objects.values_list("pk", flat=True))))
    services.update_flat_rates(actor=actor, call_id=call.pk, flat_rates=flat_rates)
    services.update_lump_sums(actor=actor, call_id=call.pk,
                              lump_sum_ids=ProgrammeLumpSum.objects.values_list("pk", flat=True))
    services.update_unit_costs(actor=actor, call_id=call.pk, unit_cost_ids=ProgrammeUnitCost.objects.filter(
        project_defined=False).values_list("pk", flat=True))
    services.update_cost_options(actor=actor, call_id=call.pk, values={
        "project_defined_unit_cost_allowed": True, "project_defined_lump_sum_allowed": False})
    services.update_plugins(actor=actor, call_id=call.pk, keys={
        "pre_submission_check_plugin_key": plugins.NO_CHECK,
        "first_step_pre_submission_check_plugin_key": plugins.NO_CHECK if step1 else None,
        "report_partner_check_plugin_key": "jems-report-partner-check-off",
        "report_project_check_plugin_key": "jems-report-project-check-off",
        "control_report_partner_check_plugin_key": "jems-control-report-check-off",
        "control_report_sampling_check_plugin_key": "jems-control-sampling-off"})
    services.update_checklists(actor=actor, call_id=call.pk, checklist_ids=ProgrammeChecklist.objects.filter(
        type="APPLICATION_FORM_ASSESSMENT").values_list("pk", flat=True))
    if funds and policies:
        services.publish_call(actor=actor, call_id=call.pk)
        stdout.write(f"Demo call published: {name}")
    else:
        stdout.write(f"Demo call created as draft (the programme has no funds or specific objectives): {name}")


def load(stdout) -> None:
    actor = _actor()
    if actor is None:
        stdout.write("No administrator: demo calls skipped.")
        return
    _ensure_programme(stdout)
    now = timezone.now().replace(second=0, microsecond=0)
    with transaction.atomic():
        if not Call.objects.filter(name=STANDARD_CALL).exists():
            _create(actor, name=STANDARD_CALL, stdout=stdout,
                    description={"EN": "Cooperation projects for innovation and for adapting the Danube-Alps "
                                       "region to climate change.",
                                 "DE": "Kooperationsprojekte für Innovation und Anpassung an den Klimawandel."},
                    start=now - timedelta(days=30), end=now + timedelta(days=120), step1=None,
                    rate=Decimal("80.00"), flat_rates={
                        "OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS": services.FlatRate(rate=15, adjustable=False),
                        "TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS": services.FlatRate(rate=15, adjustable=True)})
        if not Call.objects.filter(name=TWO_STEP_CALL).exists():
            _create(actor, name=TWO_STEP_CALL, stdout=stdout,
                    description={"EN": "Two-step call: short concept notes in step 1, full applications of the "
                                       "selected concepts in step 2."},
                    start=now - timedelta(days=10), step1=now + timedelta(days=45), end=now + timedelta(days=150),
                    rate=Decimal("75.00"), flat_rates={
                        "STAFF_COSTS": services.FlatRate(rate=20, adjustable=True)})
