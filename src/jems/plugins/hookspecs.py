"""The plugin contract: the 15 plugin types of features §11, their results and their pluggy hook specifications.

A plugin is an object with `key`, `plugin_type` and `name` (or `label`) attributes, optional `version` and
`description`, and one `@hookimpl` method: the hook of its type (`HOOKS[plugin_type]`). Implementations may
accept a subset of the hook's arguments. `data` is the read-only data provider the caller passes; a plugin
reads Jems data only through it.
"""

from dataclasses import dataclass, field
from enum import StrEnum

import pluggy

PROJECT_NAME = "jems"
ENTRY_POINT_GROUP = "jems.plugins"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


class PluginType(StrEnum):
    """Plugin types (code-lists §9.13 `PluginType`; ALL is a filter only)."""

    ALL = "ALL"
    PROGRAMME_DATA_EXPORT = "PROGRAMME_DATA_EXPORT"
    PRE_SUBMISSION_CHECK = "PRE_SUBMISSION_CHECK"
    APPLICATION_FORM_EXPORT = "APPLICATION_FORM_EXPORT"
    BUDGET_EXPORT = "BUDGET_EXPORT"
    REPORT_PARTNER_CHECK = "REPORT_PARTNER_CHECK"
    PARTNER_REPORT_EXPORT = "PARTNER_REPORT_EXPORT"
    PARTNER_CONTROL_REPORT_CERTIFICATE = "PARTNER_CONTROL_REPORT_CERTIFICATE"
    PARTNER_CONTROL_REPORT_EXPORT = "PARTNER_CONTROL_REPORT_EXPORT"
    PARTNER_CONTROL_REPORT_CHECK = "PARTNER_CONTROL_REPORT_CHECK"
    PARTNER_CONTROL_RISK_BASED_SAMPLING = "PARTNER_CONTROL_RISK_BASED_SAMPLING"
    REPORT_PROJECT_CHECK = "REPORT_PROJECT_CHECK"
    REPORT_PROJECT_EXPORT = "REPORT_PROJECT_EXPORT"
    REPORT_PROJECT_VERIFICATION_CERTIFICATE = "REPORT_PROJECT_VERIFICATION_CERTIFICATE"
    CHECKLIST_EXPORT = "CHECKLIST_EXPORT"
    PAYMENT_APPLICATION_TO_EC_AUDIT_EXPORT = "PAYMENT_APPLICATION_TO_EC_AUDIT_EXPORT"


# --- results -----------------------------------------------------------------------------------------------


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
    """What a check answers: the message tree (one node per section) and whether submission is allowed."""

    messages: list[CheckMessage]
    submission_allowed: bool


@dataclass
class SamplingResult:
    """What a risk-based sampling answers: the ids of the sampled expenditure items."""

    sampled_expenditure_ids: list[int]


@dataclass
class ExportResult:
    """What an export or certificate plugin answers: one file."""

    file_name: str
    content_type: str
    content: bytes


def group(key: str, children: list[CheckMessage], args: dict[str, str] | None = None) -> CheckMessage:
    """A section node whose severity is the worst of its children (INFO when empty)."""
    types = {child.type for child in children}
    worst = next((t for t in (MessageType.ERROR, MessageType.WARNING) if t in types), MessageType.INFO)
    return CheckMessage(key=key, type=worst, args=args or {}, children=children)


# --- hook specifications (one per plugin type; the type's single plugin answers) ----------------------------


class PluginHooks:
    """Hook specifications of the 15 plugin types (features §11)."""

    @hookspec(firstresult=True)
    def jems_pre_submission_check(self, project_id: int, data) -> PreConditionCheckResult:
        """PRE_SUBMISSION_CHECK: check the application form of a project (sections A, B, C, E)."""

    @hookspec(firstresult=True)
    def jems_report_partner_check(self, partner_id: int, report_id: int, data) -> PreConditionCheckResult:
        """REPORT_PARTNER_CHECK: check a partner report before submission."""

    @hookspec(firstresult=True)
    def jems_report_project_check(self, project_id: int, report_id: int, data) -> PreConditionCheckResult:
        """REPORT_PROJECT_CHECK: check a project report before submission."""

    @hookspec(firstresult=True)
    def jems_partner_control_report_check(self, partner_id: int, report_id: int,
                                          data) -> PreConditionCheckResult:
        """PARTNER_CONTROL_REPORT_CHECK: check a partner control report before it is finalised."""

    @hookspec(firstresult=True)
    def jems_partner_control_risk_based_sampling(self, partner_id: int, report_id: int, data) -> SamplingResult:
        """PARTNER_CONTROL_RISK_BASED_SAMPLING: choose the expenditure items to control."""

    @hookspec(firstresult=True)
    def jems_application_form_export(self, project_id: int, export_language: str, data_language: str,
                                     version: str | None, logo: bytes | None, local_date_time,
                                     data) -> ExportResult:
        """APPLICATION_FORM_EXPORT: the application form of a project version as one file."""

    @hookspec(firstresult=True)
    def jems_budget_export(self, project_id: int, export_language: str, data_language: str,
                           version: str | None, data) -> ExportResult:
        """BUDGET_EXPORT: the budget of a project version as one file."""

    @hookspec(firstresult=True)
    def jems_programme_data_export(self, export_language: str, data_language: str, plugin_options: str,
                                   data) -> ExportResult:
        """PROGRAMME_DATA_EXPORT: programme-wide data as one file."""

    @hookspec(firstresult=True)
    def jems_partner_report_export(self, partner_id: int, report_id: int, export_language: str,
                                   data_language: str, logo: bytes | None, local_date_time,
                                   data) -> ExportResult:
        """PARTNER_REPORT_EXPORT: a partner report as one file."""

    @hookspec(firstresult=True)
    def jems_partner_control_report_export(self, partner_id: int, report_id: int, export_language: str,
                                           data_language: str, logo: bytes | None, local_date_time,
                                           data) -> ExportResult:
        """PARTNER_CONTROL_REPORT_EXPORT: a partner control report as one file."""

    @hookspec(firstresult=True)
    def jems_partner_control_report_certificate(self, project_id: int, partner_id: int, report_id: int,
                                                current_user_id: int, logo: bytes | None, local_date_time,
                                                data) -> ExportResult:
        """PARTNER_CONTROL_REPORT_CERTIFICATE: the control certificate of a partner report."""

    @hookspec(firstresult=True)
    def jems_report_project_export(self, project_id: int, report_id: int, export_language: str,
                                   data_language: str, logo: bytes | None, local_date_time,
                                   data) -> ExportResult:
        """REPORT_PROJECT_EXPORT: a project report as one file."""

    @hookspec(firstresult=True)
    def jems_report_project_verification_certificate(self, project_id: int, report_id: int,
                                                     current_user_id: int, logo: bytes | None,
                                                     local_date_time, data) -> ExportResult:
        """REPORT_PROJECT_VERIFICATION_CERTIFICATE: the verification certificate of a project report."""

    @hookspec(firstresult=True)
    def jems_checklist_export(self, project_id: int, checklist_id: int, export_language: str,
                              data) -> ExportResult:
        """CHECKLIST_EXPORT: a checklist instance as one file."""

    @hookspec(firstresult=True)
    def jems_payment_application_to_ec_audit_export(self, export_language: str, data_language: str,
                                                    plugin_options: str, data) -> ExportResult:
        """PAYMENT_APPLICATION_TO_EC_AUDIT_EXPORT: the audit export of payment applications to the EC."""


HOOKS: dict[PluginType, str] = {
    PluginType(name.removeprefix("jems_").upper()): name
    for name in vars(PluginHooks) if name.startswith("jems_")
}
