"""Per-call settings of the application form: the visibility of each configurable field, and the call's
translation files that override application-form texts (Jems "Application-CallSpecific" files)."""

from django.db import models

from jems.calls.models import Call
from jems.core.languages import SystemLanguage

from .fields import FieldVisibility


class FieldConfiguration(models.Model):
    """The status of one application-form field in a call. A call stores a row per field once its
    configuration has been saved; fields without a row have their default (see fields.effective)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="form_field_configurations")
    field_id = models.CharField(max_length=120)
    visibility = models.CharField(max_length=16, choices=FieldVisibility.choices)

    class Meta:
        ordering = ["call", "id"]
        constraints = [models.UniqueConstraint(fields=["call", "field_id"], name="call_form_field_unique")]

    def __str__(self):
        return f"{self.field_id}={self.visibility}"


class CallTranslationFile(models.Model):
    """A call's override of application-form texts in one language: the uploaded Java .properties file
    (key=value, stored as text), applied on top of the programme's texts in projects of this call."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="translation_files")
    language = models.CharField(max_length=2, choices=SystemLanguage.choices)
    file_name = models.CharField(max_length=255)
    content = models.TextField(help_text="The uploaded file as text (UTF-8).")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["call", "language"]
        constraints = [models.UniqueConstraint(fields=["call", "language"], name="call_translation_file_unique")]

    def __str__(self):
        return self.file_name
