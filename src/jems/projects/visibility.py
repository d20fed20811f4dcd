"""Which application-form fields the call shows for a project (features §3.x form configuration): a field is
shown unless its status is NONE, and STEP_TWO_ONLY fields are hidden while the project is in step 1."""

from jems.calls.form_config.catalogue import FIELD_ROWS
from jems.calls.form_config.queries import field_visibility

from .models import is_in_step1

# configuration name (e.g. PROJECT_OVERALL_OBJECTIVE) -> field id (application.config.project.overall.objective)
FIELD_IDS = {row[1]: row[2] for row in FIELD_ROWS}
_NAMES = {field_id: name for name, field_id in FIELD_IDS.items()}


def visible_fields(project) -> set[str]:
    """Configuration names (PROJECT_…, PARTNER_…) of the fields shown for this project in its current step.
    Computed once per project instance (one query), so a page and its side navigation share it."""
    cached = getattr(project, "_visible_fields", None)
    if cached is None:
        step1 = is_in_step1(project.status)
        cached = frozenset(_NAMES.get(field, field) for field, status in field_visibility(project.call_id).items()
                           if status != "NONE" and not (step1 and status == "STEP_TWO_ONLY"))
        project._visible_fields = cached
    return cached


def hide_fields(form, config: dict[str, str], visible) -> None:
    """Hide the form fields whose configuration name (form field → PROJECT_…/PARTNER_…) the call does not show:
    they are not rendered (see the `field` template tag) and, being disabled, keep their stored values."""
    for name, config_name in config.items():
        if config_name not in visible and name in form.fields:
            form.fields[name].disabled = True
            form.fields[name].hidden_by_call = True
