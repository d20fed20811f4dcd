"""Notification settings pages of a call (three tabs): per notification type the active flag, the
recipients and the e-mail subject and body. Users with CallRetrieve only see the pages read-only; service
refusals show next to the fields they concern, with the input kept.
"""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jems.accounts.privileges import Privilege
from jems.calls.navigation import call_context
from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.templatetags.jems_ui import field_error_list
from jems.core.views import app_view

from . import queries, services
from .codelists import FLAGS, PLACEHOLDERS, PRE_APPROVAL, TABS, TRIGGERS
from .forms import NotificationTypeForm

ERROR_PATH = re.compile(r"^notifications\[(?P<index>\d+)\]\.(?P<field>\w+)$")
FIELD_OF = {"emailSubject": "email_subject", "emailBody": "email_body", "id": None}


NOTES = {
    "ProjectReportVerificationDoneNotificationSent": gettext_lazy(
        "While this notification is active, the joint secretariat can notify the managing authority that the "
        "verification of a project report is done."),
}


def _entry(form, row):
    return {"form": form, "type": row.type, "label": row.get_type_display(), "trigger": TRIGGERS.get(row.type, ""),
            "pre_approval": row.type in PRE_APPROVAL, "note": NOTES.get(row.type)}


def _apply_errors(error: JemsError, forms: list) -> list[str]:
    """Put `notifications[i].<field>` errors on the form of item i; return the texts that fit nowhere."""
    general = []
    for path, message in (error.form_errors or {}).items():
        text = text_for(message.get("i18nKey"), message.get("i18nArguments"))
        match = ERROR_PATH.match(path)
        field = FIELD_OF.get(match["field"]) if match else None
        if match and field and int(match["index"]) < len(forms):
            forms[int(match["index"])].add_error(field, text)
        else:
            general.append(text)
    if not error.form_errors:
        general.append(text_for(error.key, error.args_))
    return general


@require_http_methods(["GET", "POST"])
@app_view
def notification_settings(request, call_id: int, tab: str):
    call, rows = queries.configurations(actor=request.user, call_id=call_id, tab=tab)
    can_edit = request.user.has_privilege(Privilege.CallUpdate)
    general = []

    def initial(row):
        return {name: getattr(row, name) for name in ("active", *FLAGS, "email_subject", "email_body")}

    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        forms = [NotificationTypeForm(request.POST, tab=tab, notification_type=row.type, initial=initial(row))
                 for row in rows]
        if all(form.is_valid() for form in forms):
            items = []
            for form, row in zip(forms, rows, strict=True):
                values = {**initial(row), **form.cleaned_data}  # recipients the tab does not show keep their value
                items.append(services.ConfigurationInput(type=row.type, **values))
            try:
                services.update_configurations(actor=request.user, call_id=call.pk, tab=tab, configurations=items,
                                               expected_version=request.POST.get("data_version") or None)
            except JemsError as error:
                general = _apply_errors(error, forms)
            else:
                messages.success(request, _("The notification settings are saved."))
                return redirect(request.path)
    else:
        forms = [NotificationTypeForm(tab=tab, notification_type=row.type, initial=initial(row), read_only=not can_edit)
                 for row in rows]
    base = f"/app/call/detail/{call.pk}/notificationSettings/"
    return render(request, "notifications/settings.html", {
        **call_context(call, "notifications"),
        "tab": TABS[tab], "tabs": [(item.key, item.title, base + item.key) for item in TABS.values()],
        "entries": [_entry(form, row) for form, row in zip(forms, rows, strict=True)],
        "placeholders": PLACEHOLDERS, "data_version": queries.tab_version(rows), "can_edit": can_edit,
        "general_errors": general,
        "field_errors": [(bound.auto_id, f"{row.get_type_display()} – {bound.label}", error)
                         for form, row in zip(forms, rows, strict=True) for bound, error in field_error_list(form)],
    })
