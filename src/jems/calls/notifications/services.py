"""Write layer of the call notification configuration (features.md §3.8, workflows-and-permissions.md §6.1).

A call configures, per tab (project, partner report, project report), each notification type of that tab:
active flag, recipients and e-mail subject and body. Jems allows these changes at any time, also after
the call is published (they only decide who is notified from then on), so nothing here is locked.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.calls.models import Call
from jems.core.errors import NotFound, ValidationFailed

from .codelists import BODY_MAX_LENGTH, FLAGS, SUBJECT_MAX_LENGTH, TABS
from .models import CallNotificationConfiguration
from .queries import tab_configurations, tab_version

CHANGED_KEY = "call.notification.changed.meanwhile"
FIELDS = ("active", *FLAGS, "email_subject", "email_body")
FLAG_NAMES = {"send_to_manager": "managers", "send_to_lead_partner": "lead partner",
              "send_to_project_partners": "project partners", "send_to_project_assigned": "assigned programme users",
              "send_to_controllers": "controllers"}


@dataclass
class ConfigurationInput:
    """The configuration of one notification type as a client sends it."""

    type: str
    active: bool = False
    send_to_manager: bool = False
    send_to_lead_partner: bool = False
    send_to_project_partners: bool = False
    send_to_project_assigned: bool = False
    send_to_controllers: bool = False
    email_subject: str = ""
    email_body: str = ""


def _length_error(text: str, max_length: int) -> dict:
    return {"i18nKey": "common.error.field.max.length",
            "i18nArguments": {"actualLength": str(len(text)), "requiredLength": str(max_length)}}


def _validate(tab: str, items: list[ConfigurationInput]) -> None:
    """422 with a field error per item: a type of another tab (or SystemMessage), a type sent twice, a
    subject or body over its limit. Paths are `notifications[<index>].<JSON name>`."""
    allowed = TABS[tab].types
    errors, seen = {}, set()
    for index, item in enumerate(items):
        path = f"notifications[{index}]"
        if item.type not in allowed:
            errors[f"{path}.id"] = {"i18nKey": "call.notification.type.not.in.tab",
                                    "i18nArguments": {"type": item.type, "tab": tab}}
        elif item.type in seen:
            errors[f"{path}.id"] = {"i18nKey": "call.notification.type.duplicate", "i18nArguments": {"type": item.type}}
        seen.add(item.type)
        if len(item.email_subject or "") > SUBJECT_MAX_LENGTH:
            errors[f"{path}.emailSubject"] = _length_error(item.email_subject, SUBJECT_MAX_LENGTH)
        if len(item.email_body or "") > BODY_MAX_LENGTH:
            errors[f"{path}.emailBody"] = _length_error(item.email_body, BODY_MAX_LENGTH)
    if errors:
        raise ValidationFailed(form_errors=errors)


def _describe(row: CallNotificationConfiguration) -> str:
    recipients = [FLAG_NAMES[flag] for flag in FLAGS if getattr(row, flag)]
    state = "active" if row.active else "inactive"
    return f"{row.type}: {state}, to: {', '.join(recipients) or '-'}, subject: {row.email_subject!r}"


def update_configurations(*, actor, call_id, tab: str, configurations: Iterable[ConfigurationInput],
                          expected_version: str | None = None) -> list[CallNotificationConfiguration]:
    """Save the configurations sent for the tab's types (types not sent keep their values) and return
    every type of the tab. Refusals: 403 without CallUpdate, 404 unknown call, 422 field errors, 422 when
    the page's `expected_version` shows that someone else saved the tab meanwhile. Audited
    CALL_CONFIGURATION_CHANGED when something changed."""
    require(actor, Privilege.CallUpdate)
    if tab not in TABS:
        raise NotFound()
    items = list(configurations)
    for item in items:
        item.email_subject = item.email_subject or ""
        item.email_body = item.email_body or ""
    with transaction.atomic():
        call = Call.objects.select_for_update().filter(pk=call_id).first() if str(call_id).isdigit() else None
        if call is None:
            raise NotFound(key="call.not.found")
        _validate(tab, items)
        current = tab_configurations(call.pk, tab)
        if expected_version is not None and expected_version != tab_version(current):
            raise ValidationFailed("Someone else saved a change here meanwhile.", key=CHANGED_KEY)
        rows = {row.type: row for row in current}
        created, updated = [], []
        for item in items:
            row = rows[item.type]
            if all(getattr(row, name) == getattr(item, name) for name in FIELDS):
                continue
            for name in FIELDS:
                setattr(row, name, getattr(item, name))
            (updated if row.pk else created).append(row)
        if created:
            CallNotificationConfiguration.objects.bulk_create(created)
        if updated:
            CallNotificationConfiguration.objects.bulk_update(updated, FIELDS)
        if created or updated:
            changes = sorted(created + updated, key=lambda row: TABS[tab].types.index(row.type))
            record(AuditAction.CALL_CONFIGURATION_CHANGED, actor=actor, entity_related_id=call.pk,
                   description=f"Notification configuration ({tab}) of call '{call.name}' (id {call.pk}) changed:\n"
                               + "\n".join(_describe(row) for row in changes))
    return tab_configurations(call.pk, tab)
