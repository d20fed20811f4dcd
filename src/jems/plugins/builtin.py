"""The built-in pseudo-plugins every installation offers for the check slots of a call (features §3.7):
"no check" (always allowed) and "blocked" (never allowed) per check type, and "no sampling"."""

from copy import deepcopy

from django.utils.translation import gettext_lazy as _

from .hookspecs import (
    HOOKS,
    CheckMessage,
    MessageType,
    PluginType,
    PreConditionCheckResult,
    SamplingResult,
    hookimpl,
)

NO_CHECK = "jems-pre-condition-check-off"
BLOCKED = "jems-pre-condition-check-blocked"

ALLOWED = _("No check (submission always allowed)")
NEVER = _("Blocked (submission never allowed)")

# (key, type, name, result)
_SWITCHES = (
    (NO_CHECK, PluginType.PRE_SUBMISSION_CHECK, ALLOWED, PreConditionCheckResult([], True)),
    (BLOCKED, PluginType.PRE_SUBMISSION_CHECK, NEVER,
     PreConditionCheckResult([CheckMessage(key="project.check.blocked", type=MessageType.ERROR)], False)),
    ("jems-report-partner-check-off", PluginType.REPORT_PARTNER_CHECK, ALLOWED, PreConditionCheckResult([], True)),
    ("jems-report-partner-check-blocked", PluginType.REPORT_PARTNER_CHECK, NEVER,
     PreConditionCheckResult([CheckMessage(key="report.check.blocked", type=MessageType.ERROR)], False)),
    ("jems-report-project-check-off", PluginType.REPORT_PROJECT_CHECK, ALLOWED, PreConditionCheckResult([], True)),
    ("jems-report-project-check-blocked", PluginType.REPORT_PROJECT_CHECK, NEVER,
     PreConditionCheckResult([CheckMessage(key="report.check.blocked", type=MessageType.ERROR)], False)),
    ("jems-control-report-check-off", PluginType.PARTNER_CONTROL_REPORT_CHECK,
     _("No check (finalising always allowed)"), PreConditionCheckResult([], True)),
    ("jems-control-report-check-blocked", PluginType.PARTNER_CONTROL_REPORT_CHECK,
     _("Blocked (finalising never allowed)"),
     PreConditionCheckResult([CheckMessage(key="control.check.blocked", type=MessageType.ERROR)], False)),
    ("jems-control-sampling-off", PluginType.PARTNER_CONTROL_RISK_BASED_SAMPLING, _("No sampling"),
     SamplingResult([])),
)


class Switch:
    """A built-in plugin whose hook always gives the same result."""

    version = "1.0"
    description = _("Built-in")

    def __init__(self, key: str, plugin_type: PluginType, name, result):
        self.key, self.plugin_type, self.name = key, plugin_type, name

        def answer():
            return deepcopy(result)

        setattr(self, HOOKS[plugin_type], hookimpl(answer))


def register_builtin(registry) -> None:
    """Register the built-in pseudo-plugins (called from PluginsConfig.ready)."""
    for key, plugin_type, name, result in _SWITCHES:
        registry.register(Switch(key, plugin_type, name, result))
