"""Demo data: one finished assessment checklist, filled in by the demo programme user, on the first submitted
demo application (the concept note "ALPS-MOVE" once Check & Submit's demo has submitted it). Skipped when no
demo project is submitted. Idempotent: a project that already has a checklist is left as it is."""

from django.db import transaction

from jems.accounts.models import User
from jems.checklists.models import ComponentType
from jems.projects.models import Project

from . import services
from .answers import AnswerInput, options, plain, score_range
from .models import ChecklistInstance
from .queries import startable_templates

PROGRAMME_USER = "programme@jems.eu"
SUBMITTED = ("SUBMITTED", "STEP1_SUBMITTED")


def _answer(component, index: int, high) -> AnswerInput | None:
    kind = component.type
    if kind == ComponentType.OPTIONS_TOGGLE:
        metadata = {"answer": options(component)[0], "justification": None}
    elif kind == ComponentType.TEXT_INPUT:
        metadata = {"explanation": "Checked against the call's terms of reference; nothing to add."}
    elif kind == ComponentType.SCORE:
        metadata = {"score": plain(high - 1), "justification": "Convincing, with room for a clearer work plan."}
    else:
        return None
    return AnswerInput(component_id=component.pk, metadata=metadata, path=f"components[{index}].instanceMetadata")


def load(stdout) -> None:
    actor = User.objects.filter(email__iexact=PROGRAMME_USER).first()
    project = Project.objects.filter(status__in=SUBMITTED).order_by("id").first()
    templates = startable_templates(project) if project else []
    if actor is None or not templates:
        stdout.write("Demo assessment checklist skipped (no submitted demo project with assessment checklists).")
        return
    if ChecklistInstance.objects.filter(related_to_id=project.pk).exists():
        return
    with transaction.atomic():
        instance = services.create_instance(actor=actor, project_id=project.pk, template_id=templates[0].pk)
        _low, high = score_range(instance.template)
        answers = [_answer(c, i, high) for i, c in enumerate(instance.template.components.all())]
        services.update_answers(actor=actor, instance_id=instance.pk, answers=[a for a in answers if a])
        services.update_description(actor=actor, instance_id=instance.pk, description="First assessment")
        services.change_status(actor=actor, instance_id=instance.pk, status="FINISHED")
    stdout.write(f"Demo assessment checklist finished on {project.custom_identifier} {project.acronym}")
