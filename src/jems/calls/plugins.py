"""The plugins a call may select for its six checks (features §3.7, §11) and the plugin manager that runs them.

Two layers:
- the *selection registry* per check slot: the built-in pseudo-plugins "no check" (always allows) and
  "blocked" (never allows) are always offered; other plugins are added with `register(...)` (or
  `register_plugin(...)`, which does it for them). Call services validate a chosen key against it.
- the *plugin manager* (pluggy, project name "jems"): a plugin is an object with `key`, `plugin_type` and
  `label` attributes and `@hookimpl` methods of the hook specifications below. It is registered under its
  key, so the call's slot chooses which single plugin runs. The standard pre-submission check registers
  itself from its app (jems.projects.submission). External plugins will come from the `jems.plugins`
  entry-point group: `manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)` followed by `register(...)`
  of each loaded plugin's type, key and label.
"""

from dataclasses import dataclass, field
from enum import StrEnum

import pluggy
from django.utils.translation import gettext_lazy as _

from jems.core.errors import DependencyFailed

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
    if all(existing != key for existing, _label in options(plugin_type)):
        _REGISTERED[plugin_type].append((key, label))


def options(plugin_type: str) -> list[tuple[str, str]]:
    """(key, label) of the plugins offered for a slot type: built-ins first."""
    return [*_BUILT_IN[plugin_type], *_REGISTERED[plugin_type]]


def is_known(plugin_type: str, key: str) -> bool:
    return any(existing == key for existing, _label in options(plugin_type))


# --- the plugin contract: results -------------------------------------------------------------------------


class MessageType(StrEnum):
    """Severity of a check message (Jems `MessageType`)."""

    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


@dataclass
class CheckMessage:
    """One node of a check result: an i18n key with its arguments, a severity and the messages below it.
    `issue_count` counts the ERROR and WARNING leaves below the node (0 for a leaf)."""

    key: str
    type: MessageType = MessageType.INFO
    args: dict[str, str] = field(default_factory=dict)
    children: list["CheckMessage"] = field(default_factory=list)

    @property
    def issue_count(self) -> int:
        return sum(child.issue_count if child.children else int(child.type != MessageType.INFO)
                   for child in self.children)


@dataclass
class PreConditionCheckResult:
    """What a pre-submission check answers: the message tree (one node per section) and whether the
    application may be submitted."""

    messages: list[CheckMessage]
    submission_allowed: bool


def group(key: str, children: list[CheckMessage], args: dict[str, str] | None = None) -> CheckMessage:
    """A section node whose severity is the worst of its children (INFO when empty)."""
    types = {child.type for child in children}
    worst = next((t for t in (MessageType.ERROR, MessageType.WARNING) if t in types), MessageType.INFO)
    return CheckMessage(key=key, type=worst, args=args or {}, children=children)


# --- hook specifications -----------------------------------------------------------------------------------

hookspec = pluggy.HookspecMarker("jems")
hookimpl = pluggy.HookimplMarker("jems")
ENTRY_POINT_GROUP = "jems.plugins"


class PreSubmissionCheckSpec:
    """PRE_SUBMISSION_CHECK plugins (features §11): project → message tree + "submission allowed"."""

    @hookspec(firstresult=True)
    def jems_pre_submission_check(self, project_id: int, data) -> PreConditionCheckResult:
        """Check the application form of project `project_id`. `data` gives read access to the form
        (jems.projects.submission.data.ApplicationData: the call, visible fields, input languages, sections
        A, B, C); a plugin reads only through it."""


class _NoCheck:
    """Built-in "no check": submission always allowed, no messages."""

    key, plugin_type, label = NO_CHECK, PRE_SUBMISSION_CHECK, _("No check (submission always allowed)")

    @hookimpl
    def jems_pre_submission_check(self, project_id, data):
        return PreConditionCheckResult(messages=[], submission_allowed=True)


class _Blocked:
    """Built-in "blocked": submission never allowed."""

    key, plugin_type, label = BLOCKED, PRE_SUBMISSION_CHECK, _("Blocked (submission never allowed)")

    @hookimpl
    def jems_pre_submission_check(self, project_id, data):
        return PreConditionCheckResult(
            messages=[CheckMessage(key="project.check.blocked", type=MessageType.ERROR)], submission_allowed=False)


manager = pluggy.PluginManager("jems")
manager.add_hookspecs(PreSubmissionCheckSpec)


def register_plugin(plugin) -> None:
    """Register a plugin object under its key with the manager and offer it in its slot (idempotent)."""
    if manager.get_plugin(plugin.key) is None:
        manager.register(plugin, name=plugin.key)
    register(plugin.plugin_type, plugin.key, plugin.label)


register_plugin(_NoCheck())
register_plugin(_Blocked())


def run_pre_submission_check(key: str | None, *, project_id: int, data) -> PreConditionCheckResult:
    """Run the single plugin registered under `key`. A blank key means no check (allowed, no messages);
    a key with no installed plugin answers 424 (plugin unavailable)."""
    if not (key or "").strip():
        return PreConditionCheckResult(messages=[], submission_allowed=True)
    plugin = manager.get_plugin(key)
    if plugin is None or getattr(plugin, "plugin_type", None) != PRE_SUBMISSION_CHECK:
        raise DependencyFailed(key="plugin.not.found", code="S-PLUGIN-404", args={"pluginKey": key})
    others = [p for p in manager.get_plugins() if p is not plugin]
    result = manager.subset_hook_caller("jems_pre_submission_check", remove_plugins=others)(
        project_id=project_id, data=data)
    if result is None:
        raise DependencyFailed(key="plugin.not.found", code="S-PLUGIN-404", args={"pluginKey": key})
    return result
