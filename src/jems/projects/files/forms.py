"""Forms of the annex page: upload (file + description) and the description of one file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_DESCRIPTION


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), required=False, max_length=MAX_DESCRIPTION)


class DescriptionForm(forms.Form):
    description = forms.CharField(label=_("Description"), required=False, max_length=MAX_DESCRIPTION)
