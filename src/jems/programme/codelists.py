"""The code lists of the programme setup (code-lists.md §4 and §9.14): codes exactly as they travel on
the API, English labels as the default texts. Labels with a Jems label key are also registered in
jems.core.messages.TEXTS, so that a programme's translation file can override them."""

from decimal import Decimal
from typing import NamedTuple

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class FundType(models.TextChoices):
    """Jems `ProgrammeFundType`: the 7 predefined funds and OTHER for every fund a programme adds."""

    ERDF = "ERDF", _("ERDF")
    IPA_III_CBC = "IPA_III_CBC", _("IPA III CBC")
    NEIGHBOURHOOD_CBC = "NEIGHBOURHOOD_CBC", _("Neighbourhood CBC")
    IPA_III = "IPA_III", _("IPA III")
    NDICI = "NDICI", _("NDICI")
    OCTP = "OCTP", _("OCTP")
    INTERREG_FUNDS = "INTERREG_FUNDS", _("Interreg Funds")
    OTHER = "OTHER", _("Other")


# The fresh-install funds: (id, type, English abbreviation, English description), none selected.
PREDEFINED_FUNDS = (
    (1, FundType.ERDF, "ERDF", "Territorial cooperation Goal (Interreg)"),
    (2, FundType.IPA_III_CBC, "IPA III CBC", "Interreg A, external cross-border cooperation"),
    (3, FundType.NEIGHBOURHOOD_CBC, "Neighbourhood CBC", "Interreg A, external cross-border cooperation"),
    (4, FundType.IPA_III, "IPA III", "Interreg B and C"),
    (5, FundType.NDICI, "NDICI", "Interreg B and C"),
    (6, FundType.OCTP, "OCTP", "Interreg C and D"),
    (7, FundType.INTERREG_FUNDS, "Interreg Funds",
     "ERDF, IPA III, NDICI or OCTP, where as single amount under Interreg B and C"),
)


class LegalStatusType(models.TextChoices):
    """Jems `ProgrammeLegalStatusType`: the two predefined statuses and OTHER for added ones."""

    PUBLIC = "PUBLIC", _("Public")
    PRIVATE = "PRIVATE", _("Private")
    OTHER = "OTHER", _("Other")


# The fresh-install legal statuses: (id, type, English description).
PREDEFINED_LEGAL_STATUSES = (
    (1, LegalStatusType.PUBLIC, "Public"),
    (2, LegalStatusType.PRIVATE, "Private"),
)


class Strategy(models.TextChoices):
    """Jems `ProgrammeStrategy` (label key `programme.strategy.<CODE>`)."""

    EUStrategyAdriaticIonianRegion = "EUStrategyAdriaticIonianRegion", _("EU Strategy for the Adriatic and Ionian Region")
    EUStrategyAlpineRegion = "EUStrategyAlpineRegion", _("EU Strategy for the Alpine Region")
    EUStrategyBalticSeaRegion = "EUStrategyBalticSeaRegion", _("EU Strategy for the Baltic Sea Region")
    EUStrategyDanubeRegion = "EUStrategyDanubeRegion", _("EU Strategy for the Danube Region")
    SeaBasinStrategyNorthSea = "SeaBasinStrategyNorthSea", _("North Sea Region Strategy")
    SeaBasinStrategyBlackSea = "SeaBasinStrategyBlackSea", _("Common Maritime Agenda for the Black Sea")
    SeaBasinStrategyBalticSea = "SeaBasinStrategyBalticSea", _("Sea Basin Strategy: Baltic Sea")
    SeaBasinStrategyArcticOcean = (
        "SeaBasinStrategyArcticOcean", _("A stronger EU engagement for a peaceful, sustainable and prosperous Arctic"))
    SeaBasinStrategyOutermostRegions = (
        "SeaBasinStrategyOutermostRegions",
        _("A stronger and renewed strategic partnership with the EU's outermost regions"))
    SeaBasinStrategyAdriaticIonianSea = "SeaBasinStrategyAdriaticIonianSea", _("Sea Basin Strategy: Adriatic and Ionian Seas")
    MediterraneanSeaBasin = (
        "MediterraneanSeaBasin",
        _("Initiative for the sustainable development of the blue economy in the western Mediterranean region"))
    AtlanticStrategy = "AtlanticStrategy", _("Atlantic action plan 2.0")
    EuropeanGreenDeal = "EuropeanGreenDeal", _("European Green Deal")
    TerritorialAgenda2030 = "TerritorialAgenda2030", _("Territorial Agenda 2030")
    Other = "Other", _("Other")


# Legacy codes (hidden; merged into their replacement) and `Other` (always offered to projects) are not
# shown on the programme's strategy page.
LEGACY_STRATEGIES = {
    Strategy.SeaBasinStrategyBalticSea: Strategy.EUStrategyBalticSeaRegion,
    Strategy.SeaBasinStrategyAdriaticIonianSea: Strategy.EUStrategyAdriaticIonianRegion,
}
SELECTABLE_STRATEGIES = tuple(s for s in Strategy if s not in LEGACY_STRATEGIES and s != Strategy.Other)


def strategy_key(code: str) -> str:
    return f"programme.strategy.{code}"


class TranslationFileType(models.TextChoices):
    """Jems `TranslationFileType`: System texts (outside projects) and Application texts (projects)."""

    System = "System", _("System translations")
    Application = "Application", _("Project translations")


# The translatable forms of the measure labels that are not "GBER Article <number>".
MEASURE_LABELS = {
    "General de minimis": _("General de minimis"),
    "Road freight de minimis": _("Road freight de minimis"),
    "Agricultural de minimis": _("Agricultural de minimis"),
    "Fishery and aquaculture sector de minimis": _("Fishery and aquaculture sector de minimis"),
    "SGEI de minimis": _("SGEI de minimis"),
    "Indirect Aid": _("Indirect Aid"),
    "RDI Framework": _("RDI Framework"),
    "SGEI Framework": _("SGEI Framework"),
}


class MeasureInfo(NamedTuple):
    """A state-aid measure: its English label (the default abbreviated name of a new scheme) and the values
    the UI prefills when it is picked; `display` is the label in the UI language."""

    code: str
    label: str
    name: str
    threshold: Decimal | None
    max_intensity: Decimal | None
    comments: str

    @property
    def display(self):
        if self.label.startswith("GBER Article "):
            return format_lazy(_("GBER Article {number}"), number=self.label.removeprefix("GBER Article "))
        if self.label.startswith("Other "):
            return format_lazy(_("Other {number}"), number=self.label.removeprefix("Other "))
        return MEASURE_LABELS[self.label]


_MEASURES = (
    ('GENERAL_DE_MINIMIS', 'General de minimis', 'General de minimis', '200000', None, 'per MS'),
    ('ROAD_FREIGHT_DE_MINIMIS', 'Road freight de minimis', 'Road freight de minimis', '100000', None, ''),
    ('AGRICULTURAL_DE_MINIMIS', 'Agricultural de minimis', 'Agricultural de minimis', '25000', None, ''),
    ('FISHER_AND_AQUACULTURE_SECTOR_DE_MINIMIS', 'Fishery and aquaculture sector de minimis', 'Fishery and aquaculture sector de minimis', '30000', None, ''),
    ('SGEI_DE_MINIMIS', 'SGEI de minimis', 'SGEI de minimis', '500000', None, ''),
    ('GBER_ARTICLE_14', 'GBER Article 14', 'Regional investment aid', '110000000', None, ''),
    ('GBER_ARTICLE_15', 'GBER Article 15', 'Regional operating aid', None, None, ''),
    ('GBER_ARTICLE_16', 'GBER Article 16', 'Regional urban development aid', '22000000', None, ''),
    ('GBER_ARTICLE_17', 'GBER Article 17', 'Investment aid to SMEs', '8250000', '10', ''),
    ('GBER_ARTICLE_18', 'GBER Article 18', 'Aid for consultancy in favour of SMEs', '2200000', '50', ''),
    ('GBER_ARTICLE_19', 'GBER Article 19', 'Aid to SMEs for participation in fairs', '2200000', '50', ''),
    ('GBER_ARTICLE_19A', 'GBER Article 19a', 'Aid for costs incurred by SMEs participating in community-led local development (“CLLD”) or European Innovation Partnership for agricultural productivity and sustainability (“EIP”) Operational Group projects', '2000000', None, ''),
    ('GBER_ARTICLE_19B', 'GBER Article 19b', 'Limited amounts of aid to SMEs benefitting from community-led local development (“CLLD”) or European Innovation Partnership for agricultural productivity and sustainability (“EIP”) Operational Group projects', '200000', None, ''),
    ('GBER_ARTICLE_19C', 'GBER Article 19c', 'Aid to microenterprises in the form of public interventions concerning the supply of electricity, gas or heat', '200000', None, 'per beneficiary per calendar year. For microenterprises active in the primary production of agricultural products, this limit shall be EUR 25 000 per beneficiary per calendar year, and for microenterprises active in the fishery and aquaculture sectors, EUR 30 000 per beneficiary per calendar year.'),
    ('GBER_ARTICLE_19D', 'GBER Article 19d', 'Aid to SMEs in the form of temporary public interventions concerning the supply of electricity, gas or heat produced from natural gas or electricity to mitigate the impact of price increases following Russia’s war of aggression against Ukraine', '2000000', None, 'per beneficiary per calendar year. For SMEs active in the primary production of agricultural products, this limit shall be EUR 250 000 per beneficiary per calendar year, and for SMEs active in the fishery and aquaculture sectors, EUR 300 000 per beneficiary per calendar year.'),
    ('GBER_ARTICLE_20', 'GBER Article 20', 'Aid for costs incurred by undertakings participating in European Territorial Cooperation project', '2200000', '80', ''),
    ('GBER_ARTICLE_20A', 'GBER Article 20a', 'Limited amounts of aid to undertakings for participation in European Territorial Cooperation projects', '22000', None, ''),
    ('GBER_ARTICLE_21', 'GBER Article 21', 'Risk finance aid', '16500000', None, ''),
    ('GBER_ARTICLE_21A', 'GBER Article 21a', 'Risk finance aid to SMEs in the form of tax incentives for private investors who are natural persons', None, None, ''),
    ('GBER_ARTICLE_22', 'GBER Article 22', 'Aid for start-ups', '500000', None, 'grants, including equity or quasi equity investment, interests rate and guarantee premium reductions up to EUR 0,4 million gross grant equivalent or EUR 0,6 million for undertakings established in assisted areas fulfilling the conditions of Article 107(3)(c) of the Treaty, or EUR 0,8 million for undertakings established in assisted areas fulfilling the conditions of Article 107(3)(a) of the Treaty.'),
    ('GBER_ARTICLE_23', 'GBER Article 23', 'Aid to alternative trading platforms specialised in SME', None, None, ''),
    ('GBER_ARTICLE_24', 'GBER Article 24', 'Aid for scouting costs', None, '50', ''),
    ('GBER_ARTICLE_25_PAR_A', 'GBER Article 25 par. (a)', 'Aid for research and development projects (a) fundamental research', '55000000', '100', ''),
    ('GBER_ARTICLE_25_PAR_B', 'GBER Article 25 par. (b)', 'Aid for research and development projects (b) fundamental research', '35000000', '50', ''),
    ('GBER_ARTICLE_25_PAR_C', 'GBER Article 25 par. (c)', 'Aid for research and development projects (c) fundamental research', '25000000', '25', ''),
    ('GBER_ARTICLE_25_PAR_D', 'GBER Article 25 par. (d)', 'Aid for research and development projects (d) fundamental research', '8250000', '50', ''),
    ('GBER_ARTICLE_25A', 'GBER Article 25a', 'Aid for projects awarded a Seal of Excellence quality label', '2500000', None, ''),
    ('GBER_ARTICLE_25B', 'GBER Article 25b', 'Aid for Marie Skłodowska-Curie actions and ERC Proof of Concept actions', None, None, ''),
    ('GBER_ARTICLE_25C', 'GBER Article 25c', 'Aid involved in co-funded research and development projects', None, None, ''),
    ('GBER_ARTICLE_25D', 'GBER Article 25d', 'Aid for Teaming actions', None, None, ''),
    ('GBER_ARTICLE_25E', 'GBER Article 25e', 'Aid involved in the co-funding of projects supported by the European Defence Fund or the European Defence Industrial Development Programme', '80000000', '100', ''),
    ('GBER_ARTICLE_26', 'GBER Article 26', 'Aid for research infrastructures (investment aid)', '35000000', '50', ''),
    ('GBER_ARTICLE_26A', 'GBER Article 26a', 'Investment aid for testing and experimentation infrastructures', '25000000', '25', ''),
    ('GBER_ARTICLE_27', 'GBER Article 27', 'Aid for innovation clusters', '10000000', '50', ''),
    ('GBER_ARTICLE_28', 'GBER Article 28', 'Innovation aid for SMEs', '10000000', '50', ''),
    ('GBER_ARTICLE_29', 'GBER Article 29', 'Aid for process and organisational innovation', '12500000', '15', ''),
    ('GBER_ARTICLE_30', 'GBER Article 30', 'Aid for research and development in the fishery and acquaculture sector', None, '100', ''),
    ('GBER_ARTICLE_31', 'GBER Article 31', 'Training aid', '3000000', '50', ''),
    ('GBER_ARTICLE_32', 'GBER Article 32', 'Aid for the recruitment of disadvantaged workers in the form of wage subsidies', '5500000', '50', 'per undertaking per year'),
    ('GBER_ARTICLE_33', 'GBER Article 33', 'Aid for the employment of workers with disabilities in the form of wage subsidies', '11000000', '75', 'per undertaking per year'),
    ('GBER_ARTICLE_34', 'GBER Article 34', 'Aid for compensating the additional costs of employing workers with disabilities', '11000000', '100', 'per undertaking per year'),
    ('GBER_ARTICLE_35', 'GBER Article 35', 'Aid for compensating the costs of assistance provided to disadvantaged workers', '5500000', '50', 'per undertaking per year'),
    ('GBER_ARTICLE_36', 'GBER Article 36', 'Investment aid for environmental protection, including decarbonisation', '25000000', '40', ''),
    ('GBER_ARTICLE_36A', 'GBER Article 36a', 'Investment aid for recharging or refuelling infrastructure', '30000000', '20', ''),
    ('GBER_ARTICLE_36B', 'GBER Article 36b', 'Investment aid for the acquisition of clean vehicles or zero-emission vehicles and for the retrofitting of vehicles', None, '20', ''),
    ('GBER_ARTICLE_37', 'GBER Article 37', 'Investment aid for early adaptation to future Union standards', None, '15', 'GBER Article 37 is deleted in 2023 amendment'),
    ('GBER_ARTICLE_38', 'GBER Article 38', 'Investment aid for energy efficiency measures other than in buildings', '10000000', '30', ''),
    ('GBER_ARTICLE_38A', 'GBER Article 38a', 'Investment aid for energy efficiency measures in buildings', '30000000', '30', ''),
    ('GBER_ARTICLE_38B', 'GBER Article 38b', 'Aid for the facilitation of energy performance contracting', None, None, ''),
    ('GBER_ARTICLE_39', 'GBER Article 39', 'Investment aid for energy efficiency projects in buildings in the form of financial instruments', '30000000', None, ''),
    ('GBER_ARTICLE_40', 'GBER Article 40', 'Investment for high -efficiency cogeneration', None, '45', 'GBER Article 40 is deleted in 2023 amendment'),
    ('GBER_ARTICLE_41', 'GBER Article 41', 'Investment aid for the promotion of energy from renewable sources, of renewable hydrogen and of high-efficiency cogeneration', None, '30', ''),
    ('GBER_ARTICLE_42', 'GBER Article 42', 'Operating aid for the promotion of electricity from renewable sources', '30000000', None, ''),
    ('GBER_ARTICLE_43', 'GBER Article 43', 'Operating aid for the promotion of energy from renewable sources and of renewable hydrogen in small projects and renewable energy communities', '30000000', None, ''),
    ('GBER_ARTICLE_44', 'GBER Article 44', 'Aid in the form of reductions in environmental taxes under Directive 2003/96/EC', None, None, ''),
    ('GBER_ARTICLE_44A', 'GBER Article 44a', 'Aid in the form of reductions in environmental taxes or parafiscal levies', '50000000', None, ''),
    ('GBER_ARTICLE_45', 'GBER Article 45', 'Investment aid for the remediation of environmental damage, the rehabilitation of natural habitats and ecosystems, the protection or restoration of biodiversity and the implementation of nature-based solutions for climate change adaptation and mitigation', '20000000', '100', ''),
    ('GBER_ARTICLE_46', 'GBER Article 46', 'Investment aid for energy efficient district heating and/or cooling', '50000000', '45', ''),
    ('GBER_ARTICLE_47', 'GBER Article 47', 'Investment aid for resource efficiency and for supporting the transition towards a circular economy', None, '35', ''),
    ('GBER_ARTICLE_48', 'GBER Article 48', 'Investment aid for energy infrastructure', '70000000', None, ''),
    ('GBER_ARTICLE_49', 'GBER Article 49', 'Aid for studies and consultancy services on environmental protection and energy matters', None, '50', ''),
    ('GBER_ARTICLE_50', 'GBER Article 50', 'Aid schemes to make good the damage caused by certain natural disasters', None, '100', ''),
    ('GBER_ARTICLE_51', 'GBER Article 51', 'Social aid for transport for residents of remote regions', None, '100', ''),
    ('GBER_ARTICLE_52', 'GBER Article 52', 'Aid for fixed broadband networks', '100000000', None, ''),
    ('GBER_ARTICLE_52A', 'GBER Article 52a', 'Aid for 4G and 5G mobile networks', '100000000', None, ''),
    ('GBER_ARTICLE_52B', 'GBER Article 52b', 'Aid for projects of common interest in the area of trans-European digital connectivity infrastructure', '100000000', None, ''),
    ('GBER_ARTICLE_52C', 'GBER Article 52c', 'Connectivity vouchers', '50000000', None, ''),
    ('GBER_ARTICLE_52D', 'GBER Article 52d', 'Aid for backhaul networks', '100000000', None, ''),
    ('GBER_ARTICLE_53', 'GBER Article 53', 'Aid for culture and heritage conservation', '165000000', '80', ''),
    ('GBER_ARTICLE_54', 'GBER Article 54', 'Aid schemes for audiovisual works', '55000000', '50', ''),
    ('GBER_ARTICLE_55', 'GBER Article 55', 'Aid for sport and multifunctional recreational infrastructures', '2200000', '80', 'for investment aid for sport and multifunctional recreational infrastructures: EUR 30 million or the total costs exceeding EUR 100 million per project; operating aid for sport infrastructure: EUR 2 million per infrastructure per year;'),
    ('GBER_ARTICLE_56', 'GBER Article 56', 'Investment aid for local infrastructures', '11000000', None, ''),
    ('GBER_ARTICLE_56A', 'GBER Article 56a', 'Aid for regional airports', None, '50', ''),
    ('GBER_ARTICLE_56B', 'GBER Article 56b', 'Aid for maritime ports', '143000000', '60', ''),
    ('GBER_ARTICLE_56C', 'GBER Article 56c', 'Aid for inland ports', '44000000', '100', ''),
    ('GBER_ARTICLE_56E', 'GBER Article 56e', 'Conditions for aid involved in financial products supported by the InvestEU Fund', None, None, ''),
    ('GBER_ARTICLE_56F', 'GBER Article 56f', 'Conditions for aid involved in intermediated commercially-driven financial products supported by the InvestEU Fund', None, None, ''),
    ('INDIRECT_AID', 'Indirect Aid', 'Indirect aid (other than GBER Article 20a)', None, None, ''),
    ('RDI_FRAMEWORK', 'RDI Framework', 'State aid Framework for Research, Development and Innovation', None, None, ''),
    ('SGEI_FRAMEWORK', 'SGEI Framework', 'State aid Framework for Services of General Economic Interest', None, None, ''),
    ('OTHER_1', 'Other 1', '', None, None, ''),
    ('OTHER_2', 'Other 2', '', None, None, ''),
    ('OTHER_3', 'Other 3', '', None, None, ''),
)

MEASURES = {
    code: MeasureInfo(code, label, name, Decimal(threshold) if threshold else None,
                      Decimal(intensity) if intensity else None, comments)
    for code, label, name, threshold, intensity, comments in _MEASURES
}

StateAidMeasure = models.TextChoices("StateAidMeasure", [(code, (code, info.display)) for code, info in MEASURES.items()])
StateAidMeasure.__doc__ = "Jems `ProgrammeStateAidMeasure` (83 codes; GBER_ARTICLE_37 and _40 deprecated but listed)."
DEPRECATED_MEASURES = frozenset({"GBER_ARTICLE_37", "GBER_ARTICLE_40"})
