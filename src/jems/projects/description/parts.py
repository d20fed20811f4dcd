"""The shape of the section C data: each part's API keys with their model attribute and Jems length limit.

The same dict form (camelCase keys, translations as {language: text}, tables as lists of dicts) is used by the
services, the API, the pages and the version snapshots (`{"description": {...}}`)."""

from .models import ProjectDescription

TABLE_MAX_ROWS = 20  # features §0: 20 rows in C.2 tables
SPECIFICATION_MAX = 2000
SYNERGY_MAX = 2000

C1_TEXTS = {"overallObjective": ("overall_objective", 500)}
C2_TEXTS = {
    "territorialChallenge": ("territorial_challenge", 5000),
    "commonChallenge": ("common_challenge", 5000),
    "transnationalCooperation": ("transnational_cooperation", 5000),
    "availableKnowledge": ("available_knowledge", 5000),
}
# table key -> (model attribute, code key or None, translatable keys with limits)
C2_TABLES = {
    "projectBenefits": ("benefits", "group", {"specification": SPECIFICATION_MAX}),
    "projectSpfRecipients": ("spf_recipients", "recipientGroup", {"specification": SPECIFICATION_MAX}),
    "projectStrategies": ("strategies", "strategy", {"specification": SPECIFICATION_MAX}),
    "projectSynergies": ("synergies", None, {"synergy": SYNERGY_MAX, "specification": SPECIFICATION_MAX}),
}
C3_TEXTS = {"partnership": ("partnership", 5000)}
C7_TEXTS = {
    "projectCoordination": ("coordination", 5000),
    "projectQualityAssurance": ("quality_assurance", 5000),
    "projectCommunication": ("communication", 5000),
    "projectFinancialManagement": ("financial_management", 5000),
    "projectJointDevelopmentDescription": ("joint_development_description", 2000),
    "projectJointImplementationDescription": ("joint_implementation_description", 2000),
    "projectJointStaffingDescription": ("joint_staffing_description", 2000),
    "projectJointFinancingDescription": ("joint_financing_description", 2000),
    "sustainableDevelopmentDescription": ("sustainable_development_description", 2000),
    "equalOpportunitiesDescription": ("equal_opportunities_description", 2000),
    "sexualEqualityDescription": ("sexual_equality_description", 2000),
}
C7_CRITERIA = {
    "projectJointDevelopment": "joint_development",
    "projectJointImplementation": "joint_implementation",
    "projectJointStaffing": "joint_staffing",
    "projectJointFinancing": "joint_financing",
}
C7_PRINCIPLES = {
    "sustainableDevelopmentCriteriaEffect": "sustainable_development_effect",
    "equalOpportunitiesEffect": "equal_opportunities_effect",
    "sexualEqualityEffect": "sexual_equality_effect",
}
C8_TEXTS = {
    "projectOwnership": ("ownership", 5000),
    "projectDurability": ("durability", 5000),
    "projectTransferability": ("transferability", 5000),
}


def _texts(row, spec):
    return {key: dict(getattr(row, attr) or {}) for key, (attr, _limit) in spec.items()}


def c1(row) -> dict:
    return _texts(row, C1_TEXTS)


def c2(row) -> dict:
    data = _texts(row, C2_TEXTS)
    for key, (attr, _code, _texts_spec) in C2_TABLES.items():
        data[key] = list(getattr(row, attr) or [])
    return data


def c3(row) -> dict:
    return _texts(row, C3_TEXTS)


def c7(row) -> dict:
    data = _texts(row, C7_TEXTS)
    data["projectCooperationCriteria"] = {key: bool(getattr(row, attr)) for key, attr in C7_CRITERIA.items()}
    data["projectHorizontalPrinciples"] = {key: getattr(row, attr) for key, attr in C7_PRINCIPLES.items()}
    return data


def c8(row) -> dict:
    return _texts(row, C8_TEXTS)


PARTS = {"c1": c1, "c2": c2, "c3": c3, "c7": c7, "c8": c8}


def as_dict(row: ProjectDescription) -> dict:
    """All parts of a description row, keyed by part ("c1" … "c8")."""
    return {name: build(row) for name, build in PARTS.items()}


def empty() -> dict:
    return as_dict(ProjectDescription())


def snapshot_part(project) -> dict:
    """SNAPSHOT_PARTS entry: the description frozen into a version."""
    row = ProjectDescription.objects.filter(project=project).first() or ProjectDescription()
    return {"description": as_dict(row)}
