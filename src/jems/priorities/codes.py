"""The code lists of programme priorities (code-lists.md §1 and §2): policy objectives, specific objectives
with their official codes, the objective dimensions and the codes allowed per dimension.

Codes are the Jems enum constants exactly as they travel on the API; labels are translatable.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeObjective(models.TextChoices):
    """Jems `ProgrammeObjective`: the policy objective of a priority (label key `programme.objective.<CODE>`)."""

    PO1 = "PO1", _("A more competitive and smarter Europe")
    PO2 = "PO2", _("A greener, low-carbon transitioning towards a net zero carbon economy and resilient Europe")
    PO3 = "PO3", _("A more connected Europe")
    PO4 = "PO4", _("A more social and inclusive Europe implementing the European Pillar of Social Rights")
    PO5 = "PO5", _("A Europe closer to citizens")
    ISO12 = "ISO12", _("A better cooperation governance and a safer and more secure Europe")


class ProgrammeObjectivePolicy(models.TextChoices):
    """Jems `ProgrammeObjectivePolicy`: a specific objective (label key `programme.policy.<CODE>`)."""

    AdvancedTechnologies = "AdvancedTechnologies", _("Developing and enhancing research and innovation capacities and the uptake of advanced technologies")
    Digitisation = "Digitisation", _("Reaping the benefits of digitisation for citizens, companies, research organisations and public authorities")
    Growth = "Growth", _("Enhancing sustainable growth and competitiveness of SMEs and job creation in SMEs, including by productive investments")
    IndustrialTransition = "IndustrialTransition", _("Developing skills for smart specialisation, industrial transition and entrepreneurship")
    DigitalConnectivity = "DigitalConnectivity", _("Enhancing digital connectivity")
    EnergyEfficiency = "EnergyEfficiency", _("Promoting energy efficiency and reducing greenhouse gas emissions")
    RenewableEnergy = "RenewableEnergy", _("Promoting renewable energy in accordance with Renewable Energy Directive (EU) 2018/2001 , including the sustainability criteria set out therein")
    SmartEnergy = "SmartEnergy", _("Developing smart energy systems, grids and storage outside TEN-E")
    ClimateChange = "ClimateChange", _("Promoting climate change adaptation and disaster risk prevention, resilience, taking into account eco-system based approaches")
    WaterManagement = "WaterManagement", _("Promoting access to water and sustainable water management")
    CircularEconomy = "CircularEconomy", _("Promoting the transition to a circular and resource efficient economy")
    GreenInfrastructure = "GreenInfrastructure", _("Enhancing protection and preservation of nature, biodiversity and green infrastructure, including in urban areas, and reducing all forms of pollution")
    ZeroCarbonEconomy = "ZeroCarbonEconomy", _("Promoting sustainable multimodal urban mobility, as part of transition to a net zero carbon economy")
    InterModalTenT = "InterModalTenT", _("Developing a climate resilient, intelligent, secure, sustainable and intermodal TEN-T")
    CrossBorderMobility = "CrossBorderMobility", _("Developing and enhancing sustainable, climate resilient, intelligent and intermodal national, regional and local mobility, including improved access to TEN-T and cross-border mobility")
    SocialInfrastructure = "SocialInfrastructure", _("Enhancing the effectiveness and inclusiveness of labour markets and access to quality employment through developing social infrastructure and promoting social economy")
    QualityInEducation = "QualityInEducation", _("Improving equal access to inclusive and quality services in education, training and lifelong learning through developing accessible infrastructure, including by fostering resilience for distance and on-line education and training")
    DisadvantagedGroups = "DisadvantagedGroups", _("Promoting the socioeconomic inclusion of marginalised communities, low income households and disadvantaged groups including people with special needs, through integrated actions including housing and social services")
    IntegratedActionsForMigrants = "IntegratedActionsForMigrants", _("Promoting the socioeconomic integration of third country nationals, including migrants through integrated actions, including housing and social services")
    Healthcare = "Healthcare", _("Ensuring equal access to health care and fostering resilience of health systems, including primary care, and promoting the transition from institutional to family and community based care")
    CultureAndTourism = "CultureAndTourism", _("Enhancing the role of culture and sustainable tourism in economic development, social inclusion and social innovation")
    PeacePlusCoDesignedLocalCommunity = "PeacePlusCoDesignedLocalCommunity", _("PEACE PLUS Co-designed Local Community PEACE Action Plans")
    PeacePlusEmpoweringCommunities = "PeacePlusEmpoweringCommunities", _("PEACE PLUS Empowering Communities")
    PeacePlusPositiveRelations = "PeacePlusPositiveRelations", _("PEACE PLUS Building Positive Relations")
    PeacePlusReimagingCommunities = "PeacePlusReimagingCommunities", _("PEACE PLUS Re-imaging Communities")
    PeacePlusSharedLearning = "PeacePlusSharedLearning", _("PEACE PLUS Shared Learning Together Education Programme")
    PeacePlusYouthProgramme = "PeacePlusYouthProgramme", _("PEACE PLUS Youth Programme")
    PeacePlusYouthMentalHealth = "PeacePlusYouthMentalHealth", _("PEACE PLUS Youth Mental Health and Wellbeing")
    PeacePlusRuralRegeneration = "PeacePlusRuralRegeneration", _("PEACE PLUS Rural regeneration and Social Inclusion")
    PeacePlusVictimsAndSurvivors = "PeacePlusVictimsAndSurvivors", _("PEACE PLUS Victims and Survivors")
    EnvDevelopment = "EnvDevelopment", _("Fostering the integrated and inclusive social, economic and environmental development, culture, natural heritage, sustainable tourism, and security in urban areas")
    LocalEnvDevelopment = "LocalEnvDevelopment", _("Fostering the integrated and inclusive social, economic and environmental local development, culture, natural heritage, sustainable tourism and security, in areas other than urban areas")
    ISO12PublicAuthorities = "ISO12PublicAuthorities", _("Enhancing the institutional capacity of public authorities, in particular those mandated to manage a specific territory, and of stakeholders")
    ISO12PromotingCooperation = "ISO12PromotingCooperation", _("Enhancing efficient public administration by promoting legal and administrative cooperation and cooperation between citizens, civil society actors and institutions, in particular, with a view to resolving legal and other obstacles in border regions")
    ISO12MutualTrust = "ISO12MutualTrust", _("Building up mutual trust, in particular by encouraging people-to-people actions")
    ISO12MacroRegion = "ISO12MacroRegion", _("Enhancing institutional capacity of public authorities and stakeholders to implement macro-regional strategies and sea-basin strategies, as well as other territorial strategies")
    ISO12Democracy = "ISO12Democracy", _("Enhancing sustainable democracy and by supporting civil society actors and their role in reforming processes and democratic transitions")
    ISO12OtherActionsCooperation = "ISO12OtherActionsCooperation", _("Other actions to support a better cooperation governance")
    ISO12BorderCrossing = "ISO12BorderCrossing", _("Border crossing management")
    ISO12MobilityMigration = "ISO12MobilityMigration", _("Mobility and migration management")
    ISO12InternationalProtection = "ISO12InternationalProtection", _("Protection and economic and social integration of third country nationals including migrants and beneficiaries of international protection")
    ISO12OtherActionsSecureEurope = "ISO12OtherActionsSecureEurope", _("Other actions to contribute to a safer and more secure Europe")


# Specific objective -> (its policy objective, its official code). Jems keeps a leading space in the official
# code of ZeroCarbonEconomy; it is shown trimmed (code-lists.md §2.2).
POLICY_SETUP: dict[str, tuple[str, str]] = {
    "AdvancedTechnologies": ("PO1", "RSO1.1"),
    "Digitisation": ("PO1", "RSO1.2"),
    "Growth": ("PO1", "RSO1.3"),
    "IndustrialTransition": ("PO1", "RSO1.4"),
    "DigitalConnectivity": ("PO1", "RSO1.5"),
    "EnergyEfficiency": ("PO2", "RSO2.1"),
    "RenewableEnergy": ("PO2", "RSO2.2"),
    "SmartEnergy": ("PO2", "RSO2.3"),
    "ClimateChange": ("PO2", "RSO2.4"),
    "WaterManagement": ("PO2", "RSO2.5"),
    "CircularEconomy": ("PO2", "RSO2.6"),
    "GreenInfrastructure": ("PO2", "RSO2.7"),
    "ZeroCarbonEconomy": ("PO2", "RSO2.8"),
    "InterModalTenT": ("PO3", "RSO3.1"),
    "CrossBorderMobility": ("PO3", "RSO3.2"),
    "SocialInfrastructure": ("PO4", "RSO4.1"),
    "QualityInEducation": ("PO4", "RSO4.2"),
    "DisadvantagedGroups": ("PO4", "RSO4.3"),
    "IntegratedActionsForMigrants": ("PO4", "RSO4.4"),
    "Healthcare": ("PO4", "RSO4.5"),
    "CultureAndTourism": ("PO4", "RSO4.6"),
    "PeacePlusCoDesignedLocalCommunity": ("PO4", "ISO4.1"),
    "PeacePlusEmpoweringCommunities": ("PO4", "ISO4.2"),
    "PeacePlusPositiveRelations": ("PO4", "ISO4.3"),
    "PeacePlusReimagingCommunities": ("PO4", "ISO4.4"),
    "PeacePlusSharedLearning": ("PO4", "ISO4.5"),
    "PeacePlusYouthProgramme": ("PO4", "ISO4.6"),
    "PeacePlusYouthMentalHealth": ("PO4", "ISO4.7"),
    "PeacePlusRuralRegeneration": ("PO4", "ISO4.8"),
    "PeacePlusVictimsAndSurvivors": ("PO4", "ISO4.9"),
    "EnvDevelopment": ("PO5", "RSO5.1"),
    "LocalEnvDevelopment": ("PO5", "RSO5.2"),
    "ISO12PublicAuthorities": ("ISO12", "ISO6.1"),
    "ISO12PromotingCooperation": ("ISO12", "ISO6.2"),
    "ISO12MutualTrust": ("ISO12", "ISO6.3"),
    "ISO12MacroRegion": ("ISO12", "ISO6.4"),
    "ISO12Democracy": ("ISO12", "ISO6.5"),
    "ISO12OtherActionsCooperation": ("ISO12", "ISO6.6"),
    "ISO12BorderCrossing": ("ISO12", "ISO7.1"),
    "ISO12MobilityMigration": ("ISO12", "ISO7.2"),
    "ISO12InternationalProtection": ("ISO12", "ISO7.3"),
    "ISO12OtherActionsSecureEurope": ("ISO12", "ISO7.4"),
}


class ProgrammeObjectiveDimension(models.TextChoices):
    """Jems `ProgrammeObjectiveDimension`: the intervention-field dimensions of the Common Provisions Regulation
    (label key `programme.objective.dimension.<code in lower case>`), in the order of their number."""

    TypesOfIntervention = "TypesOfIntervention", _("Types of intervention")
    FormOfSupport = "FormOfSupport", _("Form of support")
    TerritorialDeliveryMechanism = "TerritorialDeliveryMechanism", _("Territorial delivery mechanism")
    EconomicActivity = "EconomicActivity", _("Economic activity")
    Location = "Location", _("Location")
    GenderEquality = "GenderEquality", _("Gender Equality")
    RegionalAndSeaBasinStrategy = "RegionalAndSeaBasinStrategy", _("Macro-regional and Sea Basin Strategy")


# The highest code per dimension (codes are 001 ... max). Location has no fixed list: it is not configured in
# the programme setup and not checked (its values are NUTS regions chosen in contract monitoring).
DIMENSION_MAX: dict[str, int | None] = {
    "TypesOfIntervention": 182,
    "FormOfSupport": 6,
    "TerritorialDeliveryMechanism": 33,
    "EconomicActivity": 26,
    "Location": None,
    "GenderEquality": 3,
    "RegionalAndSeaBasinStrategy": 11,
}

# The six dimensions a specific objective is configured with in the programme setup (all but Location).
CONFIGURABLE_DIMENSIONS: tuple[str, ...] = tuple(d for d, top in DIMENSION_MAX.items() if top)

MAX_CODES_PER_DIMENSION = 40


def allowed_codes(dimension: str) -> list[str]:
    """The codes Jems offers for a dimension: zero-padded three-digit strings "001" ... (empty for Location)."""
    top = DIMENSION_MAX.get(dimension) or 0
    return [f"{number:03d}" for number in range(1, top + 1)]


def objective_of(policy: str) -> str:
    return POLICY_SETUP[policy][0]


def official_code(policy: str) -> str:
    return POLICY_SETUP[policy][1]


def policies_of(objective: str) -> list[str]:
    """The specific objectives of a policy objective, in enum order."""
    return [policy for policy, (owner, _code) in POLICY_SETUP.items() if owner == objective]
