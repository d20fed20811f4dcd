"""DTOs of ProjectDescriptionApi (contract names) and converters from/to the `parts` dict form."""

from jems.api.schemas import CamelSchema
from jems.core.translatable import TranslationIn, TranslationOut, from_api, to_api
from jems.programme.codelists import Strategy

from . import parts
from .models import PrincipleEffect, TargetGroup

ProgrammeStrategy = Strategy


class InputProjectRelevanceBenefit(CamelSchema):
    group: TargetGroup
    specification: list[TranslationIn] = []


class ProjectRelevanceSpfRecipientDTO(CamelSchema):
    recipient_group: TargetGroup
    specification: list[TranslationIn] = []


class InputProjectRelevanceStrategy(CamelSchema):
    strategy: ProgrammeStrategy | None = None
    specification: list[TranslationIn] = []


class InputProjectRelevanceSynergy(CamelSchema):
    synergy: list[TranslationIn] = []
    specification: list[TranslationIn] = []


class InputProjectOverallObjective(CamelSchema):
    overall_objective: list[TranslationIn] = []


class InputProjectRelevance(CamelSchema):
    territorial_challenge: list[TranslationIn] = []
    common_challenge: list[TranslationIn] = []
    transnational_cooperation: list[TranslationIn] = []
    project_benefits: list[InputProjectRelevanceBenefit] | None = None
    project_spf_recipients: list[ProjectRelevanceSpfRecipientDTO] | None = None
    project_strategies: list[InputProjectRelevanceStrategy] | None = None
    project_synergies: list[InputProjectRelevanceSynergy] | None = None
    available_knowledge: list[TranslationIn] = []


class InputProjectPartnership(CamelSchema):
    partnership: list[TranslationIn] = []


class InputProjectCooperationCriteria(CamelSchema):
    project_joint_development: bool = False
    project_joint_implementation: bool = False
    project_joint_staffing: bool = False
    project_joint_financing: bool = False


class InputProjectHorizontalPrinciples(CamelSchema):
    sustainable_development_criteria_effect: PrincipleEffect | None = None
    equal_opportunities_effect: PrincipleEffect | None = None
    sexual_equality_effect: PrincipleEffect | None = None


class InputProjectManagement(CamelSchema):
    project_coordination: list[TranslationIn] = []
    project_quality_assurance: list[TranslationIn] = []
    project_communication: list[TranslationIn] = []
    project_financial_management: list[TranslationIn] = []
    project_cooperation_criteria: InputProjectCooperationCriteria | None = None
    project_joint_development_description: list[TranslationIn] = []
    project_joint_implementation_description: list[TranslationIn] = []
    project_joint_staffing_description: list[TranslationIn] = []
    project_joint_financing_description: list[TranslationIn] = []
    project_horizontal_principles: InputProjectHorizontalPrinciples | None = None
    sustainable_development_description: list[TranslationIn] = []
    equal_opportunities_description: list[TranslationIn] = []
    sexual_equality_description: list[TranslationIn] = []


class InputProjectLongTermPlans(CamelSchema):
    project_ownership: list[TranslationIn] = []
    project_durability: list[TranslationIn] = []
    project_transferability: list[TranslationIn] = []


# --- outputs (same names in the contract; translations are answered as language/translation pairs) ---------


class BenefitOut(CamelSchema):
    group: TargetGroup
    specification: list[TranslationOut] = []


class SpfRecipientOut(CamelSchema):
    recipient_group: TargetGroup
    specification: list[TranslationOut] = []


class StrategyOut(CamelSchema):
    strategy: ProgrammeStrategy | None = None
    specification: list[TranslationOut] = []


class SynergyOut(CamelSchema):
    synergy: list[TranslationOut] = []
    specification: list[TranslationOut] = []


class OverallObjectiveOut(CamelSchema):
    overall_objective: list[TranslationOut] = []


class RelevanceOut(CamelSchema):
    territorial_challenge: list[TranslationOut] = []
    common_challenge: list[TranslationOut] = []
    transnational_cooperation: list[TranslationOut] = []
    project_benefits: list[BenefitOut] | None = None
    project_spf_recipients: list[SpfRecipientOut] | None = None
    project_strategies: list[StrategyOut] | None = None
    project_synergies: list[SynergyOut] | None = None
    available_knowledge: list[TranslationOut] = []


class PartnershipOut(CamelSchema):
    partnership: list[TranslationOut] = []


class OutputProjectManagement(CamelSchema):
    project_coordination: list[TranslationOut] | None = []
    project_quality_assurance: list[TranslationOut] | None = []
    project_communication: list[TranslationOut] | None = []
    project_financial_management: list[TranslationOut] | None = []
    project_cooperation_criteria: InputProjectCooperationCriteria | None = None
    project_joint_development_description: list[TranslationOut] | None = []
    project_joint_implementation_description: list[TranslationOut] | None = []
    project_joint_staffing_description: list[TranslationOut] | None = []
    project_joint_financing_description: list[TranslationOut] | None = []
    project_horizontal_principles: InputProjectHorizontalPrinciples | None = None
    sustainable_development_description: list[TranslationOut] | None = []
    equal_opportunities_description: list[TranslationOut] | None = []
    sexual_equality_description: list[TranslationOut] | None = []


class OutputProjectLongTermPlans(CamelSchema):
    project_ownership: list[TranslationOut] = []
    project_durability: list[TranslationOut] = []
    project_transferability: list[TranslationOut] = []


class OutputProjectDescription(CamelSchema):
    project_overall_objective: OverallObjectiveOut | None = None
    project_relevance: RelevanceOut | None = None
    project_partnership: PartnershipOut | None = None
    project_management: OutputProjectManagement | None = None
    project_long_term_plans: OutputProjectLongTermPlans | None = None


# --- converters -------------------------------------------------------------------------------------------


def _texts_in(dto, spec) -> dict:
    data = dto.model_dump(by_alias=True)
    return {key: from_api(data.get(key)) for key in spec}


def _table_in(rows, code_key, text_keys) -> list | None:
    if rows is None:
        return None
    result = []
    for row in rows:
        data = row.model_dump(by_alias=True)
        item = {key: from_api(data.get(key)) for key in text_keys}
        if code_key:
            item[code_key] = data.get(code_key)
        result.append(item)
    return result


def relevance_in(dto: InputProjectRelevance) -> dict:
    data = _texts_in(dto, parts.C2_TEXTS)
    for key, (_attr, code_key, text_spec) in parts.C2_TABLES.items():
        data[key] = _table_in(getattr(dto, _snake(key)), code_key, text_spec)
    return data


def management_in(dto: InputProjectManagement) -> dict:
    data = _texts_in(dto, parts.C7_TEXTS)
    dumped = dto.model_dump(by_alias=True)
    data["projectCooperationCriteria"] = dumped.get("projectCooperationCriteria") or {}
    data["projectHorizontalPrinciples"] = dumped.get("projectHorizontalPrinciples") or {}
    return data


def texts_in(dto, spec) -> dict:
    return _texts_in(dto, spec)


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def _texts_out(data: dict, spec) -> dict:
    return {key: to_api(data.get(key)) for key in spec}


def _table_out(rows, code_key, text_keys) -> list:
    out = []
    for row in rows or []:
        item = {key: to_api(row.get(key)) for key in text_keys}
        if code_key:
            item[code_key] = row.get(code_key)
        out.append(item)
    return out


def c1_out(data):
    return _texts_out(data, parts.C1_TEXTS)


def c2_out(data):
    out = _texts_out(data, parts.C2_TEXTS)
    for key, (_attr, code_key, text_spec) in parts.C2_TABLES.items():
        out[key] = _table_out(data.get(key), code_key, text_spec)
    return out


def c3_out(data):
    return _texts_out(data, parts.C3_TEXTS)


def c7_out(data):
    out = _texts_out(data, parts.C7_TEXTS)
    out["projectCooperationCriteria"] = data.get("projectCooperationCriteria")
    out["projectHorizontalPrinciples"] = data.get("projectHorizontalPrinciples")
    return out


def c8_out(data):
    return _texts_out(data, parts.C8_TEXTS)


def description_out(description: dict) -> dict:
    return {"projectOverallObjective": c1_out(description["c1"]), "projectRelevance": c2_out(description["c2"]),
            "projectPartnership": c3_out(description["c3"]), "projectManagement": c7_out(description["c7"]),
            "projectLongTermPlans": c8_out(description["c8"])}
