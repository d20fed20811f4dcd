"""Checklist templates of the programme (features.md §2.12): a typed, ordered list of components
(headlines, option toggles, text inputs and scores) that assessors, controllers and verifiers fill in
later as checklist instances. Texts are plain (not translatable), as in Jems."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChecklistType(models.TextChoices):
    """Jems `ProgrammeChecklistType`: where a checklist is used."""

    APPLICATION_FORM_ASSESSMENT = "APPLICATION_FORM_ASSESSMENT", _("Application form assessment")
    CONTRACTING = "CONTRACTING", _("Contracting")
    CONTROL = "CONTROL", _("Control")
    VERIFICATION = "VERIFICATION", _("Verification")
    CLOSURE = "CLOSURE", _("Closure")


class ComponentType(models.TextChoices):
    """Jems `ProgrammeChecklistComponentType`: the kinds of checklist components."""

    HEADLINE = "HEADLINE", _("Headline")
    OPTIONS_TOGGLE = "OPTIONS_TOGGLE", _("Options toggle")
    TEXT_INPUT = "TEXT_INPUT", _("Text input")
    SCORE = "SCORE", _("Score")


class ProgrammeChecklist(models.Model):
    """A checklist template: its type, name, the score range of its SCORE questions and whether scores
    may have two decimals. `locked` is set once the template has been used for a checklist instance;
    from then on only its texts can change (clone it to change its structure)."""

    type = models.CharField(max_length=32, choices=ChecklistType.choices)
    name = models.CharField(max_length=100, blank=True)
    min_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    max_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    allows_decimal_score = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    last_modification_date = models.DateTimeField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name or f"#{self.pk}"


class ChecklistComponent(models.Model):
    """One component of a checklist template at its position. `metadata` holds the type's fields as
    JSON with the Jems property names (e.g. {"question": ..., "weight": "1.00"}); decimals are strings."""

    checklist = models.ForeignKey(ProgrammeChecklist, on_delete=models.CASCADE, related_name="components")
    type = models.CharField(max_length=16, choices=ComponentType.choices)
    position = models.IntegerField(default=0)
    metadata = models.JSONField(default=dict)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return f"{self.type} #{self.position}"
