"""B.1 partner state-aid self-check (features §4.9): reads (live or from a version snapshot) and the update.

The data travels as the contract's ProjectPartnerStateAidDTO (camelCase) except that the scheme is kept as
`stateAidId` (the programme's schemes are not versioned; the API shows the scheme as it is now). The update
follows the other partner tabs (404 when not visible, 403 without form-edit rights, 422 when the status is not
editable) and, like Jems, writes no audit row."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch

from jems.core.errors import NotFound, ValidationFailed
from jems.core.translatable import to_api
from jems.programme.languages import input_languages
from jems.programme.models import StateAid
from jems.projects import access
from jems.projects.queries import version_snapshot
from jems.projects.workpackages.models import Activity

from .models import PartnerStateAid, ProjectPartner
from .services import _editable_partner, _err, _translations

QUESTIONS = (1, 2, 3, 4)
JUSTIFICATION_MAX = 1000  # Jems limit per language
SNAPSHOT_KEY = "partnerStateAid"


@dataclass
class StateAidData:
    """What the update takes: answers and justifications by question number (1–4), activity ids, scheme id."""

    answers: dict[int, bool | None] = field(default_factory=dict)
    justifications: dict[int, dict] = field(default_factory=dict)
    activity_ids: list[int] = field(default_factory=list)
    state_aid_id: int | None = None


def activity_summary(activity: Activity) -> dict:
    """WorkPackageActivitySummaryDTO of an activity (its work package loaded)."""
    return {"activityId": activity.pk, "workPackageNumber": activity.work_package.number,
            "activityNumber": activity.number}


def empty() -> dict:
    """The self-check of a partner that has not answered it yet."""
    data: dict = {}
    for n in QUESTIONS:
        data[f"answer{n}"] = None
        data[f"justification{n}"] = []
    return {**data, "activities": [], "stateAidId": None}


def as_dict(row: PartnerStateAid) -> dict:
    """One stored self-check (activities with their work packages prefetched) in the shared shape."""
    data: dict = {}
    for n in QUESTIONS:
        data[f"answer{n}"] = getattr(row, f"answer{n}")
        data[f"justification{n}"] = to_api(getattr(row, f"justification{n}"))
    activities = sorted(row.activities.all(), key=lambda a: (a.work_package.number, a.number, a.pk))
    return {**data, "activities": [activity_summary(a) for a in activities], "stateAidId": row.state_aid_id}


def _rows():
    return PartnerStateAid.objects.prefetch_related(
        Prefetch("activities", Activity.objects.select_related("work_package")))


def live_of_project(project_id) -> dict[str, dict]:
    """partner id (as text, like JSON keys) → self-check of every partner of the project that has one."""
    return {str(row.partner_id): as_dict(row) for row in _rows().filter(partner__project_id=project_id)}


def live(partner_id: int) -> dict:
    row = _rows().filter(partner_id=partner_id).first()
    return as_dict(row) if row is not None else empty()


def scheme_dto(data: dict) -> dict:
    """The contract's ProjectPartnerStateAidDTO: the scheme as the programme has it now (None when deleted)."""
    from jems.programme.schemas import state_aid_dto

    scheme = StateAid.objects.filter(pk=data["stateAidId"]).first() if data.get("stateAidId") else None
    result = {k: v for k, v in data.items() if k != "stateAidId"}
    return {**result, "stateAidScheme": state_aid_dto(scheme) if scheme else None}


@dataclass
class Loaded:
    """A partner's self-check as a page or the API needs it."""

    access: access.ProjectAccess
    version_row: object
    frozen: bool
    partner: dict
    data: dict


def _not_found():
    return NotFound(key="project.partner.not.exists", code="PP-ERR")


def load(*, actor, partner_id, version: str | None = None) -> Loaded:
    """The self-check of a partner of a visible project, live or of the given version (404 otherwise)."""
    try:
        partner_id = int(partner_id)
    except (TypeError, ValueError):
        raise _not_found() from None
    if not (0 < partner_id < 2**63):
        raise _not_found()
    project_id = ProjectPartner.objects.filter(pk=partner_id).values_list("project_id", flat=True).first()
    if project_id is None:
        raise _not_found()
    acc = access.load(actor, project_id)
    row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        partner = next((p for p in snapshot.get("partners") or [] if p["id"] == partner_id), None)
        if partner is None:
            raise _not_found()
        data = {**empty(), **((snapshot.get(SNAPSHOT_KEY) or {}).get(str(partner_id)) or {})}
        return Loaded(acc, row, True, partner, data)
    partner = ProjectPartner.objects.filter(pk=partner_id).values("id", "abbreviation", "role", "sort_number").get()
    return Loaded(acc, row, False, {"id": partner["id"], "abbreviation": partner["abbreviation"],
                                    "role": partner["role"], "sortNumber": partner["sort_number"]}, live(partner_id))


def selectable_activities(partner_id: int) -> list[Activity]:
    """The activities of the partner's project in which the partner is involved, in work-plan order."""
    return list(Activity.objects.filter(partners__pk=partner_id).select_related("work_package")
                .order_by("work_package__number", "number", "id"))


def update_state_aid(*, actor, partner_id, data: StateAidData) -> PartnerStateAid:
    """Save the self-check: justifications at most 1000 characters per input language, only activities of the
    project in which this partner is involved, and an existing programme scheme."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        errors: dict = {}
        languages = input_languages()
        for n in QUESTIONS:
            _translations(errors, f"justification{n}", data.justifications.get(n) or {}, JUSTIFICATION_MAX,
                          languages)
        wanted = list(dict.fromkeys(data.activity_ids or ()))
        allowed = set(Activity.objects.filter(work_package__project=partner.project, partners=partner)
                      .values_list("pk", flat=True))
        for index, activity_id in enumerate(wanted):
            if activity_id not in allowed:
                errors[f"activities[{index}]"] = _err("project.partner.state.aid.activity.not.allowed",
                                                      activityId=activity_id)
        if data.state_aid_id is not None and not StateAid.objects.filter(pk=data.state_aid_id).exists():
            errors["stateAidScheme"] = _err("project.partner.state.aid.scheme.not.exists")
        if errors:
            raise ValidationFailed(form_errors=errors)
        values = {"state_aid_id": data.state_aid_id}
        for n in QUESTIONS:
            values[f"answer{n}"] = data.answers.get(n)
            values[f"justification{n}"] = data.justifications.get(n) or {}
        row, _created = PartnerStateAid.objects.update_or_create(partner=partner, defaults=values)
        row.activities.set(wanted)
    return row
