"""The filter form of the audit log page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .actions import AuditAction


class AuditFilterForm(forms.Form):
    user_id = forms.IntegerField(label=_("User ID"), required=False, min_value=1)
    user_email = forms.CharField(label=_("User e-mail"), required=False, max_length=255)
    action = forms.ChoiceField(label=_("Action"), required=False,
                               choices=[("", _("Any action"))] + [(a, a) for a in AuditAction.values])
    project_id = forms.CharField(label=_("Project ID"), required=False, max_length=32)
    time_from = forms.DateTimeField(label=_("From"), required=False,
                                    widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                    input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"])
    time_to = forms.DateTimeField(label=_("To"), required=False,
                                  widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                  input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"])

    def clean(self):
        data = super().clean()
        if data.get("time_from") and data.get("time_to") and data["time_from"] > data["time_to"]:
            self.add_error("time_to", _("The end must not be before the start."))
        return data
