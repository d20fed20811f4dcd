"""Programme-wide settings. Further programme data models live beside these (see the Programme menu)."""

from django.db import models

from jems.core.languages import SystemLanguage


class ProgrammeLanguage(models.Model):
    """One of the 34 system languages with its three flags: offered as UI language, used as input
    language of translatable data (at most 4), and the fallback (exactly one)."""

    code = models.CharField(max_length=2, primary_key=True, choices=SystemLanguage.choices)
    ui = models.BooleanField(default=False)
    input = models.BooleanField(default=False)
    fallback = models.BooleanField(default=False)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code
