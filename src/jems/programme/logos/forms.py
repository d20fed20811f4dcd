"""The upload form of Programme → Logo."""

from django import forms
from django.utils.translation import gettext_lazy as _


class LogoUploadForm(forms.Form):
    file = forms.FileField(label=_("Logo image (PNG or JPEG)"), required=False,
                           help_text=_("At most 1 MiB. We store it as PNG in three heights (48, 96 and 200 pixels), "
                                       "keeping its proportions."),
                           widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}))
