"""Checklist instances (workflows §2.6, features §5.6): a programme checklist template filled in for one
object. Only assessment checklists (type APPLICATION_FORM_ASSESSMENT, related to a project) are created
here. The answers of all components live in one JSON column keyed by the template component id, so one
instance is read with one query; the template components give the questions, options and score range."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.checklists.models import ChecklistType, ComponentType, ProgrammeChecklist

DESCRIPTION_MAX = 150


class ChecklistInstanceStatus(models.TextChoices):
    """Jems `ChecklistInstanceStatus`."""

    DRAFT = "DRAFT", _("Draft")
    FINISHED = "FINISHED", _("Finished")


class ChecklistInstance(models.Model):
    """One filled-in checklist. `related_to_id` is the project id for assessment checklists. `answers`
    maps a component id (as text) to its answer with the Jems instance-metadata property names:
    OPTIONS_TOGGLE {"answer", "justification"}, TEXT_INPUT {"explanation"}, SCORE {"score" (text),
    "justification"}; headlines have none."""

    template = models.ForeignKey(ProgrammeChecklist, on_delete=models.PROTECT, related_name="instances")
    type = models.CharField(max_length=32, choices=ChecklistType.choices)
    related_to_id = models.BigIntegerField(db_index=True)
    status = models.CharField(max_length=16, choices=ChecklistInstanceStatus.choices,
                              default=ChecklistInstanceStatus.DRAFT)
    creator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    finished_date = models.DateField(null=True, blank=True)
    consolidated = models.BooleanField(default=False)
    visible = models.BooleanField(default=False)
    description = models.CharField(max_length=DESCRIPTION_MAX, blank=True, default="")
    answers = models.JSONField(default=dict)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["type", "related_to_id"])]

    def __str__(self):
        return f"{self.template.name} #{self.pk}"

    def answer(self, component_id: int) -> dict:
        return self.answers.get(str(component_id)) or {}


def score_total(instance: ChecklistInstance, components) -> Decimal:
    """The weighted score of an instance: Σ score × weight over its answered SCORE components."""
    total = Decimal("0")
    for component in components:
        if component.type != ComponentType.SCORE:
            continue
        score = instance.answer(component.pk).get("score")
        if score is not None:
            total += Decimal(str(score)) * Decimal(str(component.metadata.get("weight", "1")))
    return total.quantize(Decimal("0.01"))
