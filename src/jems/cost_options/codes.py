"""The code lists of simplified cost options (code-lists.md §7.2, §7.4 to §7.6 and §9.15)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BudgetCategory(models.TextChoices):
    """Jems `BudgetCategory`: the cost categories a lump sum or unit cost covers
    (label keys `lump.sum.cost.category.<CODE>` and `unit.cost.cost.category.<CODE>`)."""

    StaffCosts = "StaffCosts", _("Staff Costs")
    OfficeAndAdministrationCosts = "OfficeAndAdministrationCosts", _("Office and administrative costs")
    TravelAndAccommodationCosts = "TravelAndAccommodationCosts", _("Travel and accommodation")
    ExternalCosts = "ExternalCosts", _("External expertise and services")
    EquipmentCosts = "EquipmentCosts", _("Equipment")
    InfrastructureCosts = "InfrastructureCosts", _("Infrastructure and works")


class ProgrammeLumpSumPhase(models.TextChoices):
    """Jems `ProgrammeLumpSumPhase`: the project phase a lump sum belongs to (label key `lump.sum.phase.<code>`)."""

    Preparation = "Preparation", _("Preparation")
    Implementation = "Implementation", _("Implementation")
    Closure = "Closure", _("Closure")


class PaymentClaim(models.TextChoices):
    """Jems `PaymentClaim` (`PaymentClaimDTO` on the API): how the programme claims the payment from the EC."""

    IncurredByBeneficiaries = "IncurredByBeneficiaries", _(
        "Expenditure incurred by beneficiaries acc. Art. 91.3.b and Art. 91.4.c (Default)")
    BasedOnSco = "BasedOnSco", _("Union contribution based on simplified cost options acc. Art. 94")
    FinancingNotBasedOnSco = "FinancingNotBasedOnSco", _(
        "Union contribution based on financing not linked to costs acc. Art. 95")
    Other = "Other", _("Other")


# The labels of BasedOnSco name the kind of cost option (code-lists.md §7.6).
PAYMENT_CLAIM_BASED_ON_SCO = {
    "lump_sum": _("Union contribution based on Lump sum acc. Art. 94"),
    "unit_cost": _("Union contribution based on Unit cost acc. Art. 94"),
}

# The currencies the Jems UI knows (code-lists.md §9.15). Codes that ISO 4217 has withdrawn since (HRK, SLL,
# ZWL, …) stay accepted because existing unit costs may use them.
JEMS_CURRENCIES = tuple("""
EUR AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB
BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD
EGP ERN ETB FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS
INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
SHP SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
""".split())


def is_currency_code(code: str) -> bool:
    """An ISO 4217 alphabetic code (pycountry's current list, or one of the codes Jems offers)."""
    import pycountry

    if not isinstance(code, str) or len(code) != 3 or not code.isalpha() or not code.isupper():
        return False
    return code in JEMS_CURRENCIES or pycountry.currencies.get(alpha_3=code) is not None


def currency_name(code: str) -> str:
    import pycountry

    currency = pycountry.currencies.get(alpha_3=code)
    return currency.name if currency else code
