"""Forms of the Modification page: the request, the two answers and a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_COMMENT, MAX_NOTE, MAX_REASON, FormSection


class RequestForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the modification"), max_length=MAX_REASON, widget=forms.Textarea)
    sections = forms.MultipleChoiceField(label=_("Affected sections of the application form"),
                                         choices=FormSection.choices, widget=forms.CheckboxSelectMultiple)
    attachment = forms.FileField(label=_("Attachment"), required=False,
                                 help_text=_("Optional: a document explaining the modification."))


class AcceptForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=MAX_NOTE, widget=forms.Textarea)


class DeclineForm(forms.Form):
    note = forms.CharField(label=_("Reason for declining"), max_length=MAX_NOTE, widget=forms.Textarea)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=MAX_COMMENT, widget=forms.Textarea)
