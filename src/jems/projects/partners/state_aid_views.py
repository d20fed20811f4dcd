"""The "State aid" tab of a partner (features §4.9): the four self-check criteria, the relevant activities and
the scheme, each part shown when the call's form configuration shows it. Editable like the other partner tabs;
`?version=` shows a past version read-only from its snapshot. Parts the call hides keep their stored values."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.core.errors import NotFound, ValidationFailed
from jems.core.translatable import from_api
from jems.core.views import app_view, apply_error
from jems.programme.languages import input_languages
from jems.programme.models import StateAid

from . import state_aid
from .forms import StateAidForm
from .views import _context, state_aid_parts


def _pick(translations: dict) -> str:
    return translations.get("EN") or next(iter(translations.values()), "")


def _activity_choices(loaded) -> list[tuple[int, str]]:
    """Live: the activities the partner is involved in; a version: the activities selected then."""
    if loaded.frozen:
        return [(a["activityId"], _("Activity %(wp)s.%(number)s") % {"wp": a["workPackageNumber"],
                                                                       "number": a["activityNumber"]})
                for a in loaded.data["activities"]]
    choices = []
    for activity in state_aid.selectable_activities(loaded.partner["id"]):
        label = _("Activity %(wp)s.%(number)s") % {"wp": activity.work_package.number, "number": activity.number}
        title = _pick(activity.title or {})
        choices.append((activity.pk, f"{label} – {title}" if title else label))
    return choices


def _scheme_choices() -> list[tuple[int, str]]:
    return [(s.pk, f"{_pick(s.abbreviated_name or {}) or _pick(s.name or {}) or s.get_measure_display()} "
                   f"({s.get_measure_display()})") for s in StateAid.objects.order_by("id")]


def _initial(data: dict) -> dict:
    initial = {"activities": [a["activityId"] for a in data["activities"]], "state_aid": data["stateAidId"]}
    for n in state_aid.QUESTIONS:
        answer = data[f"answer{n}"]
        initial[f"answer{n}"] = "" if answer is None else ("true" if answer else "false")
        initial[f"justification{n}"] = from_api(data[f"justification{n}"])
    return initial


def _submitted(cleaned: dict, stored: dict, parts: set[str]) -> state_aid.StateAidData:
    """The posted parts, the stored values for the parts the call hides."""
    result = state_aid.StateAidData(
        answers={n: stored[f"answer{n}"] for n in state_aid.QUESTIONS},
        justifications={n: from_api(stored[f"justification{n}"]) for n in state_aid.QUESTIONS},
        activity_ids=[a["activityId"] for a in stored["activities"]], state_aid_id=stored["stateAidId"])
    if "criteria" in parts:
        for n in state_aid.QUESTIONS:
            answer = cleaned[f"answer{n}"]
            result.answers[n] = None if not answer else answer == "true"
            result.justifications[n] = cleaned[f"justification{n}"]
    if "activities" in parts:
        result.activity_ids = cleaned["activities"]
    if "scheme" in parts:
        result.state_aid_id = cleaned["state_aid"]
    return result


def _field_map(languages, activity_count: int) -> dict[str, str]:
    """Service field names → form fields (each selected activity is reported at its index)."""
    mapping = {"stateAidScheme": "state_aid"}
    mapping.update({f"activities[{i}]": "activities" for i in range(activity_count)})
    for n in state_aid.QUESTIONS:
        mapping.update({f"justification{n}.language.{code.lower()}": f"justification{n}" for code in languages})
    return mapping


@require_http_methods(["GET", "POST"])
@app_view
def state_aid_tab(request, project_id: int, partner_id: int):
    version = request.GET.get("version") or None
    loaded = state_aid.load(actor=request.user, partner_id=partner_id, version=version)
    acc = loaded.access
    parts = state_aid_parts(acc.project)
    if acc.project.pk != project_id or not parts:
        raise NotFound(key="project.partner.not.exists", code="PP-ERR")
    editable = not loaded.frozen and acc.can_edit_form()
    if request.method == "POST" and not editable:
        raise PermissionDenied
    languages = input_languages()
    form = StateAidForm(request.POST if request.method == "POST" else None, initial=_initial(loaded.data),
                        languages=languages, activities=_activity_choices(loaded), schemes=_scheme_choices(),
                        parts=parts, disabled=not editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                state_aid.update_state_aid(actor=request.user, partner_id=partner_id,
                                           data=_submitted(form.cleaned_data, loaded.data, parts))
            except ValidationFailed as error:
                apply_error(form, error, _field_map(languages, len(form.cleaned_data.get("activities") or ())))
            else:
                messages.success(request, _("The state-aid self-check was saved."))
                return redirect("project_partners:state_aid", project_id=acc.project.pk, partner_id=partner_id)
        status = 422
    return render(request, "partners/state_aid.html", {
        **_context(acc, version, loaded.version_row if loaded.frozen else None, editable, "stateAid",
                   loaded.partner), "form": form, "parts": parts}, status=status)
