"""One run of the programme data export (Jems table programme_data_export_metadata) with its file."""

from django.conf import settings
from django.db import models

from jems.core.languages import SystemLanguage


class ProgrammeDataExport(models.Model):
    """A programme data export run: plugin and languages asked for, times, outcome and the produced file."""

    plugin_key = models.CharField(max_length=255)
    export_language = models.CharField(max_length=2, choices=SystemLanguage.choices)
    input_language = models.CharField(max_length=2, choices=SystemLanguage.choices)
    plugin_options = models.CharField(max_length=1000, blank=True, default="")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    request_time = models.DateTimeField(auto_now_add=True)
    end_time = models.DateTimeField(null=True, blank=True)
    failed = models.BooleanField(default=False)
    file_name = models.CharField(max_length=255, blank=True, default="")
    content_type = models.CharField(max_length=255, blank=True, default="")
    content = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-request_time", "-id"]
