"""The plugins a call may select for its six checks (features §3.7, §11). The plugin system itself lives in
jems.plugins; this module keeps the names the calls and the submission check use.

A slot offers the enabled registered plugins of its type (jems.plugins.registry) plus selection-only
entries added with `register(...)`. Call services validate a chosen key with `refusal`/`is_known`.
"""

from django.utils.translation import gettext_lazy as _

from jems.core.errors import DependencyFailed
from jems.plugins import registry
from jems.plugins.builtin import BLOCKED, NO_CHECK
from jems.plugins.hookspecs import (
    ENTRY_POINT_GROUP,
    CheckMessage,
    MessageType,
    PluginType,
    PreConditionCheckResult,
    group,
    hookimpl,
    hookspec,
)

__all__ = [
    "BLOCKED", "ENTRY_POINT_GROUP", "NO_CHECK", "SLOTS", "CheckMessage", "MessageType", "PreConditionCheckResult",
    "group", "hookimpl", "hookspec", "is_known", "manager", "options", "refusal", "register", "register_plugin",
    "run_pre_submission_check",
]

PRE_SUBMISSION_CHECK = PluginType.PRE_SUBMISSION_CHECK.value
REPORT_PARTNER_CHECK = PluginType.REPORT_PARTNER_CHECK.value
REPORT_PROJECT_CHECK = PluginType.REPORT_PROJECT_CHECK.value
PARTNER_CONTROL_REPORT_CHECK = PluginType.PARTNER_CONTROL_REPORT_CHECK.value
PARTNER_CONTROL_RISK_BASED_SAMPLING = PluginType.PARTNER_CONTROL_RISK_BASED_SAMPLING.value

manager = registry.manager

# Selection-only entries per slot type (no implementation in this process), added with `register`.
_REGISTERED: dict[str, list[tuple[str, str]]] = {
    t: [] for t in (PRE_SUBMISSION_CHECK, REPORT_PARTNER_CHECK, REPORT_PROJECT_CHECK, PARTNER_CONTROL_REPORT_CHECK,
                    PARTNER_CONTROL_RISK_BASED_SAMPLING)
}

# (call field, API name of PreSubmissionPluginsDTO, plugin type, label)
SLOTS = (
    ("pre_submission_check_plugin_key", "pluginKey", PRE_SUBMISSION_CHECK,
     _("Application form pre-submission check (step 2 or single step)")),
    ("first_step_pre_submission_check_plugin_key", "firstStepPluginKey", PRE_SUBMISSION_CHECK,
     _("Application form pre-submission check (step 1)")),
    ("report_partner_check_plugin_key", "reportPartnerCheckPluginKey", REPORT_PARTNER_CHECK,
     _("Partner report check")),
    ("report_project_check_plugin_key", "reportProjectCheckPluginKey", REPORT_PROJECT_CHECK,
     _("Project report check")),
    ("control_report_partner_check_plugin_key", "controlReportPartnerCheckPluginKey", PARTNER_CONTROL_REPORT_CHECK,
     _("Control report check")),
    ("control_report_sampling_check_plugin_key", "controlReportSamplingCheckPluginKey",
     PARTNER_CONTROL_RISK_BASED_SAMPLING, _("Control risk-based sampling")),
)


def register(plugin_type: str, key: str, label) -> None:
    """Offer a key in the calls' selection of `plugin_type` without an implementation (idempotent)."""
    if all(existing != key for existing, _label in _REGISTERED[plugin_type]):
        _REGISTERED[plugin_type].append((key, label))


def options(plugin_type: str) -> list[tuple[str, str]]:
    """(key, label) of the plugins offered for a slot type: enabled registered plugins (built-ins first),
    then selection-only entries. A disabled plugin is not offered."""
    offered = [(info.key, info.name) for info in registry.enabled_plugins(plugin_type)]
    return [*offered, *((key, label) for key, label in _REGISTERED[plugin_type]
                        if registry.get(key) is None)]


def refusal(plugin_type: str, key: str) -> str | None:
    """Why `key` cannot be selected for `plugin_type` (an error key: unknown or disabled), or None."""
    if registry.get(key) is None and any(existing == key for existing, _label in _REGISTERED[plugin_type]):
        return None
    reason = registry.refusal(plugin_type, key)
    return {"plugin.disabled": "call.plugin.key.disabled"}.get(reason, "call.plugin.key.unknown") if reason else None


def is_known(plugin_type: str, key: str) -> bool:
    """Whether `key` may be selected for `plugin_type`."""
    return refusal(plugin_type, key) is None


def register_plugin(plugin) -> None:
    """Register a plugin object (attributes key, plugin_type, label) with the plugin registry and list it
    among the slot's entries (idempotent)."""
    registry.register(plugin)
    register(plugin.plugin_type, plugin.key, plugin.label)


def run_pre_submission_check(key: str | None, *, project_id: int, data, actor=None) -> PreConditionCheckResult:
    """Run the pre-submission check plugin `key` through the registry (audited). A blank key means no
    check (allowed, no messages); a key with no installed plugin answers 424 (plugin unavailable)."""
    if not (key or "").strip():
        return PreConditionCheckResult(messages=[], submission_allowed=True)
    info = registry.get(key)
    if info is None or info.type != PRE_SUBMISSION_CHECK:
        raise DependencyFailed(key="plugin.not.found", code="S-PLUGIN-404", args={"pluginKey": key})
    return registry.run(key, "jems_pre_submission_check", actor=actor, project_id=project_id, data=data)
