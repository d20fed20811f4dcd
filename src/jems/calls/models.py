"""Calls for proposals. The calls feature adds the call settings; the programme setup needs to know
whether any call has been published, because that locks parts of the setup."""

from django.db import models


class CallStatus(models.TextChoices):
    """Jems `CallStatus`: a call is published once and stays published."""

    DRAFT = "DRAFT", "Draft"
    PUBLISHED = "PUBLISHED", "Published"


class CallType(models.TextChoices):
    """Jems `CallType`: standard or small project fund call."""

    STANDARD = "STANDARD", "Standard"
    SPF = "SPF", "Small project fund"


class Call(models.Model):
    """A call for proposals with its window; applicants apply to published calls."""

    name = models.CharField(max_length=250, unique=True)
    type = models.CharField(max_length=16, choices=CallType.choices, default=CallType.STANDARD)
    status = models.CharField(max_length=16, choices=CallStatus.choices, default=CallStatus.DRAFT)
    start_date = models.DateTimeField()
    end_date = models.DateTimeField()
    end_date_step1 = models.DateTimeField(null=True, blank=True)
    length_of_period = models.PositiveSmallIntegerField(default=6)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return self.name
