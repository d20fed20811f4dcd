"""Wire schemas of ProjectApi, ProjectUserApi and ProjectUserCollaboratorApi (Jems DTO names) and renderers."""

from datetime import date, datetime
from enum import Enum

from jems.accounts.schemas import UserSummaryDTO, user_summary
from jems.api.schemas import CamelSchema, page_schema
from jems.calls.schemas import (
    ApplicationFormFieldConfigurationDTO,
    CallCostOptionDTO,
    CallType,
    FlatRateSetupDTO,
    cost_option_dto,
    flat_rates_dto,
)
from jems.core.translatable import TranslationIn, TranslationOut, to_api
from jems.cost_options.schemas import ProgrammeLumpSumDTO, ProgrammeUnitCostDTO, lump_sum_dto, unit_cost_dto
from jems.priorities.schemas import ProgrammeObjectivePolicy
from jems.programme.schemas import ApplicationStatusDTO, ProgrammeStateAidDTO, state_aid_dto

from .models import CollaboratorLevel as _Level

ProjectCollaboratorLevelDTO = Enum("ProjectCollaboratorLevelDTO", {v: v for v in _Level.values}, type=str,
                                   module=__name__)


class ProjectCreateDTO(CamelSchema):
    acronym: str
    project_call_id: int


class InputProjectData(CamelSchema):
    acronym: str | None = None
    specific_objective: ProgrammeObjectivePolicy | None = None
    title: list[TranslationIn] = []
    duration: int | None = None
    intro: list[TranslationIn] = []


class OutputUser(CamelSchema):
    id: int | None
    email: str
    name: str
    surname: str


class ProjectStatusDTO(CamelSchema):
    id: int | None
    status: ApplicationStatusDTO
    user: OutputUser
    updated: datetime
    decision_date: date | None = None
    entry_into_force_date: date | None = None
    note: str | None = None


class OutputProgrammePriorityPolicySimpleDTO(CamelSchema):
    programme_objective_policy: ProgrammeObjectivePolicy
    code: str


class OutputProgrammePrioritySimple(CamelSchema):
    code: str
    title: list[TranslationOut] = []


class ProjectCallSettingsDTO(CamelSchema):
    call_id: int
    call_name: str
    call_type: CallType
    start_date: datetime
    end_date: datetime
    end_date_step1: datetime | None
    length_of_period: int
    additional_fund_allowed: bool
    direct_contributions_allowed: bool
    flat_rates: FlatRateSetupDTO
    lump_sums: list[ProgrammeLumpSumDTO]
    unit_costs: list[ProgrammeUnitCostDTO]
    state_aids: list[ProgrammeStateAidDTO]
    application_form_field_configurations: list[ApplicationFormFieldConfigurationDTO]
    cost_option: CallCostOptionDTO
    js_notifiable: bool


ProjectAssessmentQualityResult = Enum("ProjectAssessmentQualityResult", {v: v for v in (
    "RECOMMENDED_FOR_FUNDING", "RECOMMENDED_WITH_CONDITIONS", "NOT_RECOMMENDED")}, type=str, module=__name__)
ProjectAssessmentEligibilityResult = Enum("ProjectAssessmentEligibilityResult", {v: v for v in ("PASSED", "FAILED")},
                                          type=str, module=__name__)


class OutputProjectQualityAssessment(CamelSchema):
    result: ProjectAssessmentQualityResult
    updated: datetime
    note: str | None = None


class OutputProjectEligibilityAssessment(CamelSchema):
    result: ProjectAssessmentEligibilityResult
    updated: datetime
    note: str | None = None


class ProjectDecisionDTO(CamelSchema):
    """Assessments and decisions of a step (filled by the assessment issue)."""

    quality_assessment: OutputProjectQualityAssessment | None = None
    eligibility_assessment: OutputProjectEligibilityAssessment | None = None
    eligibility_decision: ProjectStatusDTO | None = None
    pre_funding_decision: ProjectStatusDTO | None = None
    final_funding_decision: ProjectStatusDTO | None = None
    modification_decision: ProjectStatusDTO | None = None


class ProjectDetailDTO(CamelSchema):
    id: int | None
    custom_identifier: str
    call_settings: ProjectCallSettingsDTO
    acronym: str
    applicant: OutputUser
    title: list[TranslationOut] = []
    specific_objective: OutputProgrammePriorityPolicySimpleDTO | None
    programme_priority: OutputProgrammePrioritySimple | None
    project_status: ProjectStatusDTO
    first_submission: ProjectStatusDTO | None = None
    first_submission_step1: ProjectStatusDTO | None = None
    last_resubmission: ProjectStatusDTO | None = None
    step2_active: bool
    first_step_decision: ProjectDecisionDTO | None = None
    second_step_decision: ProjectDecisionDTO | None = None
    contracted_decision: ProjectStatusDTO | None = None
    contracted_on_date: date | None = None


class ProjectPeriodDTO(CamelSchema):
    number: int
    start: int
    end: int
    start_date: date | None
    end_date: date | None


class ProjectDetailFormDTO(CamelSchema):
    id: int
    custom_identifier: str
    call_settings: ProjectCallSettingsDTO
    acronym: str
    title: list[TranslationOut] = []
    intro: list[TranslationOut] = []
    duration: int | None
    specific_objective: OutputProgrammePriorityPolicySimpleDTO | None
    programme_priority: OutputProgrammePrioritySimple | None
    periods: list[ProjectPeriodDTO] = []


class ProjectSearchRequestDTO(CamelSchema):
    id: str | None = None
    acronym: str | None = None
    first_submission_from: datetime | None = None
    first_submission_to: datetime | None = None
    last_submission_from: datetime | None = None
    last_submission_to: datetime | None = None
    objectives: list[ProgrammeObjectivePolicy] | None = None
    statuses: list[ApplicationStatusDTO] | None = None
    calls: list[int] | None = None


class OutputProjectSimple(CamelSchema):
    id: int | None
    custom_identifier: str
    call_name: str
    call_id: int
    acronym: str
    project_status: ApplicationStatusDTO
    first_submission_date: datetime | None
    last_resubmission_date: datetime | None
    step2_active: bool | None = False
    specific_objective_code: str | None
    programme_priority_code: str | None


PageOutputProjectSimple = page_schema(OutputProjectSimple, "PageOutputProjectSimple")


class ProjectVersionDTO(CamelSchema):
    version: str
    created_at: datetime
    status: ApplicationStatusDTO
    current: bool


class ProjectWithUsersDTO(CamelSchema):
    id: str | None = None
    acronym: str | None = None
    statuses: list[ApplicationStatusDTO] | None = None
    calls: list[int] | None = None
    users: list[int] | None = None


class ProjectUserDTO(CamelSchema):
    id: str | None
    custom_identifier: str
    acronym: str
    project_status: ApplicationStatusDTO
    related_call: str
    users: list[UserSummaryDTO]


PageProjectUserDTO = page_schema(ProjectUserDTO, "PageProjectUserDTO")


class UpdateProjectUserDTO(CamelSchema):
    project_id: int
    user_ids_to_add: list[int]
    user_ids_to_remove: list[int] = []


class ProjectUserCollaboratorDTO(CamelSchema):
    user_id: int
    user_email: str
    level: ProjectCollaboratorLevelDTO


class UpdateProjectUserCollaboratorDTO(CamelSchema):
    user_email: str
    level: ProjectCollaboratorLevelDTO


# --- renderers -------------------------------------------------------------------------------------------


def output_user(user) -> dict:
    return {"id": user.pk, "email": user.email, "name": user.name, "surname": user.surname}


def status_dto(row) -> dict:
    return {"id": row.pk, "status": row.status, "user": output_user(row.user), "updated": row.updated,
            "decision_date": row.decision_date, "entry_into_force_date": row.entry_into_force_date,
            "note": row.note}


def call_settings(call) -> dict:
    from jems.calls.queries import form_field_configurations

    return {
        "call_id": call.pk, "call_name": call.name, "call_type": call.type, "start_date": call.start_date,
        "end_date": call.end_date, "end_date_step1": call.end_date_step1,
        "length_of_period": call.length_of_period, "additional_fund_allowed": call.additional_fund_allowed,
        "direct_contributions_allowed": call.direct_contributions_allowed, "flat_rates": flat_rates_dto(call),
        "lump_sums": [lump_sum_dto(x) for x in call.lump_sums.all()],
        "unit_costs": [unit_cost_dto(x) for x in call.unit_costs.all()],
        "state_aids": [state_aid_dto(x) for x in call.state_aids.all()],
        "application_form_field_configurations": form_field_configurations(call),
        "cost_option": cost_option_dto(call), "js_notifiable": False,
    }


def _objective_parts(policy: str | None, code: str | None, priority_code: str | None, priority_title) -> tuple:
    if not policy:
        return None, None
    return ({"programme_objective_policy": policy, "code": code},
            {"code": priority_code, "title": to_api(priority_title or {})})


def _live_objective(project) -> tuple:
    so = project.specific_objective
    if so is None:
        return None, None
    return _objective_parts(so.programme_objective_policy, so.code, so.priority.code, so.priority.title)


def _snapshot_objective(snapshot: dict) -> tuple:
    from jems.priorities.models import ProgrammePriority

    code = snapshot.get("programmePriorityCode")
    title = ProgrammePriority.objects.filter(code=code).values_list("title", flat=True).first() if code else None
    return _objective_parts(snapshot.get("specificObjective"), snapshot.get("specificObjectiveCode"), code, title)


def _submissions(project) -> dict:
    """First submission (step 1 and step 2) and last resubmission from the status history (one query)."""
    rows = list(project.status_history.filter(status__in=("SUBMITTED", "STEP1_SUBMITTED"))
                .select_related("user").order_by("id"))
    step2 = [r for r in rows if r.status == "SUBMITTED"]
    step1 = [r for r in rows if r.status == "STEP1_SUBMITTED"]
    return {"first_submission": status_dto(step2[0]) if step2 else None,
            "first_submission_step1": status_dto(step1[0]) if step1 else None,
            "last_resubmission": status_dto(step2[-1]) if len(step2) > 1 else None}


# Apps adding to the project detail (the assessment app's decision panels) register
# (project, viewer) -> {key: value} here; `viewer` is the user the detail is shown to (None: nobody in particular).
DETAIL_PARTS: list = []


def project_detail(project, snapshot: dict | None = None, viewer=None) -> dict:
    data = snapshot or {}
    so, priority = _snapshot_objective(data) if snapshot is not None else _live_objective(project)
    return {
        "id": project.pk, "custom_identifier": project.custom_identifier, "call_settings": call_settings(project.call),
        "acronym": data.get("acronym", project.acronym) if snapshot is not None else project.acronym,
        "applicant": output_user(project.applicant),
        "title": to_api(data.get("title") if snapshot is not None else project.title),
        "specific_objective": so, "programme_priority": priority,
        "project_status": status_dto(project.current_status), "step2_active": False,
        **_submissions(project),
        "first_step_decision": None, "second_step_decision": None, "contracted_decision": None,
        "contracted_on_date": None,
    } | {key: value for part in DETAIL_PARTS for key, value in part(project, viewer).items()}


def periods(call, duration: int | None) -> list[dict]:
    """The reporting periods of the project from its duration and the call's period length."""
    if not duration or not call.length_of_period:
        return []
    out, start, number = [], 1, 1
    while start <= duration:
        end = min(start + call.length_of_period - 1, duration)
        out.append({"number": number, "start": start, "end": end, "start_date": None, "end_date": None})
        start, number = end + 1, number + 1
    return out


def project_form(project, snapshot: dict | None = None) -> dict:
    if snapshot is not None:
        so, priority = _snapshot_objective(snapshot)
        acronym, title, intro, duration = (snapshot.get("acronym", project.acronym), snapshot.get("title"),
                                           snapshot.get("intro"), snapshot.get("duration"))
    else:
        so, priority = _live_objective(project)
        acronym, title, intro, duration = project.acronym, project.title, project.intro, project.duration
    return {"id": project.pk, "custom_identifier": project.custom_identifier,
            "call_settings": call_settings(project.call), "acronym": acronym, "title": to_api(title),
            "intro": to_api(intro), "duration": duration, "specific_objective": so, "programme_priority": priority,
            "periods": periods(project.call, duration)}


def project_simple(project) -> dict:
    so = project.specific_objective
    return {"id": project.pk, "custom_identifier": project.custom_identifier, "call_name": project.call.name,
            "call_id": project.call_id, "acronym": project.acronym, "project_status": project.status,
            "first_submission_date": getattr(project, "first_submission", None),
            "last_resubmission_date": project.last_submission if getattr(project, "submission_count", 0) > 1 else None,
            "step2_active": False,
            "specific_objective_code": so.code if so else None,
            "programme_priority_code": so.priority.code if so else None}


def version_dto(row, current: bool) -> dict:
    return {"version": row.version, "created_at": row.created_at, "status": row.status, "current": current}


def project_user_dto(project) -> dict:
    return {"id": str(project.pk), "custom_identifier": project.custom_identifier, "acronym": project.acronym,
            "project_status": project.status, "related_call": project.call.name,
            "users": [user_summary(u) for u in project.assigned_users]}


def collaborator_dto(row) -> dict:
    return {"user_id": row.user_id, "user_email": row.user.email, "level": row.level}
