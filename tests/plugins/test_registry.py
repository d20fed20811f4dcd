import pytest

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.core.errors import DependencyFailed, ValidationFailed
from jems.plugins import registry
from jems.plugins.builtin import BLOCKED, NO_CHECK
from jems.plugins.hookspecs import (
    HOOKS,
    ExportResult,
    PluginType,
    PreConditionCheckResult,
    SamplingResult,
    hookimpl,
)
from jems.plugins.models import PluginState

pytestmark = pytest.mark.django_db


class Export:
    """A budget export plugin for the tests."""

    key, plugin_type, name, version = "test-budget-export", "BUDGET_EXPORT", "Test budget", "2.0"

    @hookimpl
    def jems_budget_export(self, project_id, export_language):
        return ExportResult(f"budget-{project_id}-{export_language}.xlsx", "application/test", b"data")


class Failing:
    """A check plugin that raises."""

    key, plugin_type, name = "test-failing-check", "PRE_SUBMISSION_CHECK", "Failing check"

    @hookimpl
    def jems_pre_submission_check(self, project_id):
        raise RuntimeError("database of the plugin is down")


class Silent:
    """A check plugin that answers nothing."""

    key, plugin_type, name = "test-silent-check", "PRE_SUBMISSION_CHECK", "Silent check"

    @hookimpl
    def jems_pre_submission_check(self):
        return None


def audit(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id").values_list("description", flat=True))


def test_the_fifteen_plugin_types_each_have_a_hook():
    assert len(HOOKS) == 15 and set(HOOKS) == set(PluginType) - {PluginType.ALL}
    assert HOOKS[PluginType.CHECKLIST_EXPORT] == "jems_checklist_export"


def test_built_in_switches_are_registered_first_and_answer():
    checks = [info.key for info in registry.plugins(PluginType.PRE_SUBMISSION_CHECK)]
    assert checks[:2] == [NO_CHECK, BLOCKED] and "standard-pre-condition-check-plugin" in checks
    assert all(info.source == registry.BUILT_IN for info in registry.plugins())
    assert registry.run(NO_CHECK, "jems_pre_submission_check", project_id=1) == PreConditionCheckResult([], True)
    assert not registry.run(BLOCKED, "jems_pre_submission_check", project_id=1).submission_allowed
    assert registry.run("jems-control-sampling-off", "jems_partner_control_risk_based_sampling") == SamplingResult([])


def test_register_is_idempotent_and_needs_the_hook_of_its_type(temporary_plugins):
    temporary_plugins(Export())
    registry.register(Export())
    assert [i.key for i in registry.plugins(PluginType.BUDGET_EXPORT)].count("test-budget-export") == 1
    info = registry.get("test-budget-export")
    assert (info.name, info.version, info.type, info.source) == ("Test budget", "2.0", "BUDGET_EXPORT", "built-in")
    with pytest.raises(TypeError, match="jems_checklist_export"):
        registry.register(Export(), key="wrong-type", type="CHECKLIST_EXPORT")


def test_run_passes_the_inputs_and_audits_the_call(temporary_plugins, admin_user):
    temporary_plugins(Export())
    result = registry.run("test-budget-export", "jems_budget_export", actor=admin_user, project_id=7,
                          export_language="DE", data_language="EN", version="1.0")
    assert result.file_name == "budget-7-DE.xlsx"
    called = AuditEvent.objects.get(action=AuditAction.PLUGIN_CALLED)
    assert called.user_email == admin_user.email and called.project_id == "7"
    assert "test-budget-export" in called.description and "jems_budget_export" in called.description
    assert audit(AuditAction.PLUGIN_EXECUTED) == [
        "plugin Test budget (key test-budget-export, version 2.0) method jems_budget_export executed"]


def test_unknown_plugin_is_424():
    with pytest.raises(DependencyFailed) as refused:
        registry.run("not-installed", "jems_budget_export")
    assert refused.value.status == 424 and refused.value.args_ == {"pluginKey": "not-installed"}
    assert not AuditEvent.objects.filter(action=AuditAction.PLUGIN_CALLED).exists()


def test_a_plugin_of_another_type_is_refused(temporary_plugins):
    temporary_plugins(Export())
    with pytest.raises(ValidationFailed) as refused:
        registry.run("test-budget-export", "jems_application_form_export")
    assert refused.value.key == "plugin.type.invalid" and refused.value.args_["type"] == "BUDGET_EXPORT"


def test_a_disabled_plugin_does_not_run(temporary_plugins):
    temporary_plugins(Export())
    PluginState.objects.create(key="test-budget-export", enabled=False)
    with pytest.raises(ValidationFailed) as refused:
        registry.run("test-budget-export", "jems_budget_export", project_id=1)
    assert refused.value.status == 422 and refused.value.key == "plugin.disabled"
    assert refused.value.field_messages() == {"pluginKey": "plugin.disabled"}
    assert not AuditEvent.objects.filter(action=AuditAction.PLUGIN_CALLED).exists()
    assert "test-budget-export" not in [i.key for i in registry.enabled_plugins(PluginType.BUDGET_EXPORT)]


def test_a_failing_plugin_gives_a_clear_error_and_an_audit_row(temporary_plugins):
    temporary_plugins(Failing(), Silent())
    with pytest.raises(registry.PluginFailed) as failed:
        registry.run("test-failing-check", "jems_pre_submission_check", project_id=3)
    assert failed.value.status == 422 and failed.value.key == "plugin.failed"
    assert failed.value.args_ == {"pluginKey": "test-failing-check",
                                  "reason": "RuntimeError: database of the plugin is down"}
    with pytest.raises(registry.PluginFailed) as silent:
        registry.run("test-silent-check", "jems_pre_submission_check")
    assert silent.value.args_["reason"] == "LookupError: the plugin gave no result"
    assert [d.rsplit(" failed: ", 1)[-1] for d in audit(AuditAction.PLUGIN_EXECUTED)] == [
        "RuntimeError: database of the plugin is down", "LookupError: the plugin gave no result"]
    assert len(audit(AuditAction.PLUGIN_CALLED)) == 2


def test_unknown_inputs_are_a_programming_error(temporary_plugins):
    temporary_plugins(Export())
    with pytest.raises(TypeError, match="colour"):
        registry.run("test-budget-export", "jems_budget_export", colour="red")


def test_refusal_reasons(temporary_plugins):
    temporary_plugins(Export())
    assert registry.refusal("BUDGET_EXPORT", "test-budget-export") is None
    assert registry.refusal("BUDGET_EXPORT", "missing") == "plugin.not.found"
    assert registry.refusal("CHECKLIST_EXPORT", "test-budget-export") == "plugin.type.invalid"
    PluginState.objects.create(key="test-budget-export", enabled=False)
    assert registry.refusal("BUDGET_EXPORT", "test-budget-export") == "plugin.disabled"
