"""Read layer of the call notification configuration.

`configurations` serves the three tabs (pages and API); `notification_settings` is what the sending of
notifications asks: how a call notifies one type (inactive and without recipients when never saved).
"""

import hashlib
import json

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.calls.models import Call
from jems.core.errors import NotFound

from .codelists import TABS
from .models import CallNotificationConfiguration


def get_call(call_id) -> Call:
    """The call, or 404 (`call.not.found`)."""
    call = Call.objects.filter(pk=call_id).first() if str(call_id).isdigit() else None
    if call is None:
        raise NotFound(key="call.not.found")
    return call


def default_configuration(call_id, notification_type) -> CallNotificationConfiguration:
    """The Jems default of a type never saved for the call: inactive, no recipient, empty texts (unsaved)."""
    return CallNotificationConfiguration(call_id=call_id, type=notification_type)


def tab_configurations(call_id, tab: str) -> list[CallNotificationConfiguration]:
    """Every type of the tab in the Jems order, with the call's values or the defaults (one query)."""
    types = TABS[tab].types
    stored = {row.type: row for row in CallNotificationConfiguration.objects.filter(call_id=call_id, type__in=types)}
    return [stored.get(code) or default_configuration(call_id, code) for code in types]


def tab_version(rows) -> str:
    """Fingerprint of a tab's configurations (optimistic locking of the page): the page sends it back with
    its changes, and the save is refused when someone else saved the tab meanwhile."""
    values = [(row.type, row.active, row.send_to_manager, row.send_to_lead_partner, row.send_to_project_partners,
               row.send_to_project_assigned, row.send_to_controllers, row.email_subject, row.email_body)
              for row in rows]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()[:20]


def configurations(*, actor, call_id, tab: str) -> tuple[Call, list[CallNotificationConfiguration]]:
    """The call and the configuration of every type of the tab (CallRetrieve)."""
    require(actor, Privilege.CallRetrieve)
    call = get_call(call_id)
    return call, tab_configurations(call.pk, tab)


def notification_settings(call_id, notification_type) -> CallNotificationConfiguration:
    """How the call notifies `notification_type` (for the sending of notifications; no privilege check).

    Returns the saved configuration, or the default one (inactive, no recipient, empty subject and body)
    when the type was never saved for the call. Nothing is to be sent unless `.active` is true.
    """
    row = CallNotificationConfiguration.objects.filter(call_id=call_id, type=str(notification_type)).first()
    return row or default_configuration(call_id, str(notification_type))


def js_notifiable(call_id) -> bool:
    """Whether the joint secretariat can notify that the verification of a project report is done (the
    `jsNotifiable` of ProjectCallSettingsDTO): the call has `ProjectReportVerificationDoneNotificationSent`
    active."""
    return CallNotificationConfiguration.objects.filter(
        call_id=call_id, type="ProjectReportVerificationDoneNotificationSent", active=True).exists()
