"""Call services: privileges, validation, after-publication rules, audit rows, the apply window."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.audit.models import AuditEvent
from jems.calls import plugins, queries, services
from jems.calls.models import Call
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.programme.lock import is_setup_locked

from .test_views import make_call

pytestmark = pytest.mark.django_db


def settings(setup, **overrides) -> services.CallSettings:
    now = timezone.now()
    values = dict(name="Service call", type="STANDARD", start_date=now, end_date=now + timedelta(days=3),
                  length_of_period=6, priority_policies=["AdvancedTechnologies"],
                  funds=[services.FundRate(fund_id=setup.funds[0].pk, rate=50)])
    values.update(overrides)
    return services.CallSettings(**values)


def test_every_change_needs_call_update(programme_user, admin_user, setup):
    call = make_call(admin_user, setup)
    attempts = [
        lambda: services.create_call(actor=programme_user, data=settings(setup)),
        lambda: services.update_call(actor=programme_user, call_id=call.pk, data=settings(setup)),
        lambda: services.update_flat_rates(actor=programme_user, call_id=call.pk, flat_rates={}),
        lambda: services.update_lump_sums(actor=programme_user, call_id=call.pk, lump_sum_ids=[]),
        lambda: services.update_unit_costs(actor=programme_user, call_id=call.pk, unit_cost_ids=[]),
        lambda: services.update_allowed_real_costs(actor=programme_user, call_id=call.pk,
                                                   values=dict.fromkeys(services.REAL_COST_FIELDS, True)),
        lambda: services.update_cost_options(actor=programme_user, call_id=call.pk,
                                             values=dict.fromkeys(services.COST_OPTION_FIELDS, True)),
        lambda: services.update_plugins(actor=programme_user, call_id=call.pk, keys={}),
        lambda: services.update_checklists(actor=programme_user, call_id=call.pk, checklist_ids=[]),
        lambda: services.publish_call(actor=programme_user, call_id=call.pk),
        lambda: services.update_budget_settings(actor=programme_user, call_id=call.pk, flat_rates={},
                                                lump_sum_ids=[], unit_cost_ids=[], real_costs={}, cost_options={}),
        lambda: services.create_call(actor=None, data=settings(setup)),
    ]
    for attempt in attempts:
        with pytest.raises(Forbidden):
            attempt()
    assert not AuditEvent.objects.filter(action__startswith="CALL_", user_id=programme_user.pk).exists()


def test_unknown_call_is_404(admin_user):
    with pytest.raises(NotFound):
        services.update_lump_sums(actor=admin_user, call_id=12345, lump_sum_ids=[])
    with pytest.raises(NotFound):
        queries.get_call(actor=admin_user, call_id=12345)


def test_reads(programme_user, applicant, admin_user, setup):
    call = make_call(admin_user, setup)
    assert queries.get_call(actor=programme_user, call_id=call.pk) == call
    with pytest.raises(NotFound):
        queries.get_call(actor=applicant, call_id=call.pk)
    with pytest.raises(Forbidden):
        queries.get_call(actor=None, call_id=call.pk)
    assert queries.open_calls(actor=applicant) == []
    published = make_call(admin_user, setup, name="Published", publish=True)
    assert queries.get_call(actor=applicant, call_id=published.pk) == published
    assert queries.open_calls(actor=applicant) == [published]


def test_name_is_trimmed_and_unique(admin_user, setup):
    services.create_call(actor=admin_user, data=settings(setup, name="  Spaced  "))
    assert Call.objects.get().name == "Spaced"
    with pytest.raises(ValidationFailed) as refused:
        services.create_call(actor=admin_user, data=settings(setup, name="Spaced"))
    assert refused.value.field_messages() == {"name": "call.name.already.exists"}


def test_step1_end_must_be_inside(admin_user, setup):
    now = timezone.now()
    for step1 in (now, now + timedelta(days=3), now - timedelta(days=1)):
        with pytest.raises(ValidationFailed) as refused:
            services.create_call(actor=admin_user, data=settings(setup, start_date=now,
                                                                 end_date=now + timedelta(days=3),
                                                                 end_date_step1=step1))
        assert refused.value.field_messages()["endDateTimeStep1"] == "call.step1.end.date.outside"


def test_inactive_strategy_refused(admin_user, setup):
    with pytest.raises(ValidationFailed) as refused:
        services.create_call(actor=admin_user, data=settings(setup, strategies=["Other"]))
    assert refused.value.field_messages()["strategies"] == "call.strategy.unknown"


def test_configuration_audit_lists_changes(admin_user, setup):
    call = make_call(admin_user, setup)
    services.update_plugins(actor=admin_user, call_id=call.pk,
                            keys={"report_partner_check_plugin_key": "jems-report-partner-check-off"})
    services.update_allowed_real_costs(actor=admin_user, call_id=call.pk,
                                       values={**dict.fromkeys(services.REAL_COST_FIELDS, True),
                                               "allow_real_equipment_costs": False})
    descriptions = list(AuditEvent.objects.filter(action="CALL_CONFIGURATION_CHANGED")
                        .values_list("description", flat=True))
    assert any("reportPartnerCheckPluginKey: None -> jems-report-partner-check-off" in d for d in descriptions)
    assert any("allowRealEquipmentCosts: True -> False" in d for d in descriptions)
    # nothing changed: no audit row
    before = AuditEvent.objects.count()
    services.update_allowed_real_costs(actor=admin_user, call_id=call.pk,
                                       values={**dict.fromkeys(services.REAL_COST_FIELDS, True),
                                               "allow_real_equipment_costs": False})
    assert AuditEvent.objects.count() == before


def test_registered_plugin_is_accepted(admin_user, setup):
    call = make_call(admin_user, setup)
    with pytest.raises(ValidationFailed):
        services.update_plugins(actor=admin_user, call_id=call.pk,
                                keys={"pre_submission_check_plugin_key": "test-check-plugin"})
    plugins.register(plugins.PRE_SUBMISSION_CHECK, "test-check-plugin", "Test check")
    try:
        services.update_plugins(actor=admin_user, call_id=call.pk,
                                keys={"pre_submission_check_plugin_key": "test-check-plugin"})
    finally:
        plugins._REGISTERED[plugins.PRE_SUBMISSION_CHECK].remove(("test-check-plugin", "Test check"))
    assert Call.objects.get().pre_submission_check_plugin_key == "test-check-plugin"


def test_publish_locks_setup_and_audits(admin_user, setup):
    call = make_call(admin_user, setup)
    services.update_plugins(actor=admin_user, call_id=call.pk,
                            keys={"pre_submission_check_plugin_key": plugins.NO_CHECK})
    assert not is_setup_locked()
    services.publish_call(actor=admin_user, call_id=call.pk)
    assert is_setup_locked()
    event = AuditEvent.objects.get(action="CALL_PUBLISHED")
    assert event.entity_related_id == call.pk and event.user_id == admin_user.pk


def test_can_apply_window(applicant, admin_user, setup):
    now = timezone.now()
    future = make_call(admin_user, setup, name="Future", publish=True, start=now + timedelta(days=1),
                       end=now + timedelta(days=5))
    with pytest.raises(ValidationFailed) as refused:
        services.can_apply(applicant, future.pk)
    assert refused.value.key == "call.not.open"
    ended = make_call(admin_user, setup, name="Ended", publish=True, start=now - timedelta(days=5),
                      end=now + timedelta(days=5))
    Call.objects.filter(pk=ended.pk).update(end_date=now - timedelta(minutes=1))
    with pytest.raises(ValidationFailed) as refused:
        services.can_apply(applicant, ended.pk)
    assert refused.value.key == "call.already.ended"
    assert AuditEvent.objects.filter(action="CALL_ALREADY_ENDED", entity_related_id=ended.pk).count() == 1
    two_step = make_call(admin_user, setup, name="Two", publish=True, step1=True)
    assert services.can_apply(applicant, two_step.pk) == two_step


def test_removing_a_programme_fund_of_a_draft_call(admin_user, setup):
    """The programme may delete items while no call is published: draft calls simply lose them."""
    from jems.programme.models import ProgrammeFund
    call = make_call(admin_user, setup)
    ProgrammeFund.objects.filter(pk=setup.funds[0].pk).delete()
    assert not call.funds.exists()
