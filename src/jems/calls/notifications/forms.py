"""Forms of the notification settings pages: one form per notification type (prefixed by its code)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .codelists import BODY_MAX_LENGTH, PRE_APPROVAL, RECIPIENTS, SUBJECT_MAX_LENGTH, TABS

TEXT_HINT = _("Placeholders such as [projectAcronym] are replaced when the notification is sent (see the list above).")


class NotificationTypeForm(forms.Form):
    """Active flag, recipients and e-mail texts of one notification type. Recipients the tab does not
    offer are left out; lead partner and partners are fixed (disabled) for the project types triggered
    before the approval, when no partner exists yet."""

    active = forms.BooleanField(label=_("Active"), required=False)
    email_subject = forms.CharField(label=_("Subject"), required=False, strip=False, help_text=TEXT_HINT,
                                    widget=forms.TextInput(attrs={"maxlength": SUBJECT_MAX_LENGTH}))
    email_body = forms.CharField(label=_("Message"), required=False, strip=False, help_text=TEXT_HINT,
                                 widget=forms.Textarea(attrs={"rows": 4, "maxlength": BODY_MAX_LENGTH}))

    def __init__(self, *args, tab: str, notification_type: str, read_only: bool = False, **kwargs):
        super().__init__(*args, prefix=notification_type, **kwargs)
        self.notification_type = notification_type
        offered = TABS[tab].recipients
        for name, label in RECIPIENTS:
            if name in offered:
                self.fields[name] = forms.BooleanField(label=label, required=False)
                if notification_type in PRE_APPROVAL and name in ("send_to_lead_partner", "send_to_project_partners"):
                    self.fields[name].disabled = True
        if read_only:
            for field in self.fields.values():
                field.disabled = True

    def recipient_fields(self):
        return [self[name] for name, _label in RECIPIENTS if name in self.fields]
