"""The plugin keys a call may select for its six checks (features §3.7).

A small registry per check slot: the two built-in pseudo-plugins "no check" (always allows) and
"blocked" (never allows) are always there; other apps add their plugins with `register(...)` (the
application-form area adds the standard pre-submission check). Services validate a key against it.
"""

from django.utils.translation import gettext_lazy as _

PRE_SUBMISSION_CHECK = "PRE_SUBMISSION_CHECK"
REPORT_PARTNER_CHECK = "REPORT_PARTNER_CHECK"
REPORT_PROJECT_CHECK = "REPORT_PROJECT_CHECK"
PARTNER_CONTROL_REPORT_CHECK = "PARTNER_CONTROL_REPORT_CHECK"
PARTNER_CONTROL_RISK_BASED_SAMPLING = "PARTNER_CONTROL_RISK_BASED_SAMPLING"

NO_CHECK = "jems-pre-condition-check-off"
BLOCKED = "jems-pre-condition-check-blocked"

_BUILT_IN = {
    PRE_SUBMISSION_CHECK: [(NO_CHECK, _("No check (submission always allowed)")),
                           (BLOCKED, _("Blocked (submission never allowed)"))],
    REPORT_PARTNER_CHECK: [("jems-report-partner-check-off", _("No check (submission always allowed)")),
                           ("jems-report-partner-check-blocked", _("Blocked (submission never allowed)"))],
    REPORT_PROJECT_CHECK: [("jems-report-project-check-off", _("No check (submission always allowed)")),
                           ("jems-report-project-check-blocked", _("Blocked (submission never allowed)"))],
    PARTNER_CONTROL_REPORT_CHECK: [("jems-control-report-check-off", _("No check (finalising always allowed)")),
                                   ("jems-control-report-check-blocked", _("Blocked (finalising never allowed)"))],
    PARTNER_CONTROL_RISK_BASED_SAMPLING: [("jems-control-sampling-off", _("No sampling"))],
}
_REGISTERED: dict[str, list[tuple[str, str]]] = {slot: [] for slot in _BUILT_IN}

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
    """Offer a plugin in the calls' selection of `plugin_type` (idempotent)."""
    if all(existing != key for existing, _label in _REGISTERED[plugin_type]):
        _REGISTERED[plugin_type].append((key, label))


def options(plugin_type: str) -> list[tuple[str, str]]:
    """(key, label) of the plugins offered for a slot type: built-ins first."""
    return [*_BUILT_IN[plugin_type], *_REGISTERED[plugin_type]]


def is_known(plugin_type: str, key: str) -> bool:
    return any(existing == key for existing, _label in options(plugin_type))
