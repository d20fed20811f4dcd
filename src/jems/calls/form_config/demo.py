"""Demo data of the application-form configuration (`jems load_demo`): every demo call without a saved
configuration gets one that shows the partner details and work-plan fields a typical Interreg programme
asks for; the first call gets an English call translation file. Idempotent: calls that already have a
configuration or a file are left alone."""

from django.db import transaction
from django.utils import timezone

from jems.calls.models import Call, CallType

from . import fields as rules
from .models import CallTranslationFile, FieldConfiguration

SHOWN = (
    "PARTNER_PIC", "PARTNER_OTHER_IDENTIFIER_NUMBER_AND_DESCRIPTION", "PARTNER_VAT_RECOVERY",
    "PARTNER_MOTIVATION_COMPETENCES", "PARTNER_MOTIVATION_ROLE", "PARTNER_ROLE_EXPERIENCE",
    "PARTNER_STATE_AID_CRITERIA_SELF_CHECK", "PARTNER_STATE_AID_RELEVANT_ACTIVITIES", "PARTNER_STATE_AID_SCHEME",
    "PARTNER_BUDGET_PERIODS", "PARTNER_BUDGET_STAFF_COST_STAFF_FUNCTION",
    "PARTNER_BUDGET_TRAVEL_AND_ACCOMMODATION_DESCRIPTION", "PARTNER_BUDGET_EXTERNAL_EXPERTISE_DESCRIPTION",
    "PARTNER_BUDGET_EQUIPMENT_DESCRIPTION", "PARTNER_ASSOCIATED_ORGANIZATIONS", "PROJECT_WORK_PACKAGE_TITLE",
    "PARTNER_BUDGET_EXTERNAL_EXPERTISE_INVESTMENT",
    "PROJECT_ACTIVITIES_DELIVERABLES", "PROJECT_ACTIVITIES_STATE_AID_PARTNERS_INVOLVED", "PROJECT_RESULTS_DELIVERY_PERIOD",
    "PROJECT_OVERALL_OBJECTIVE", "PROJECT_INVESTMENT_TITLE", "PROJECT_INVESTMENT_PERIOD",
    "PROJECT_INVESTMENT_WHY_IS_INVESTMENT_NEEDED", "PROJECT_INVESTMENT_CROSS_BORDER_TRANSNATIONAL_RELEVANCE_OF_INVESTMENT",
    "PROJECT_INVESTMENT_WHO_IS_BENEFITING", "PROJECT_INVESTMENT_PILOT_CLARIFICATION", "PROJECT_INVESTMENT_COUNTRY",
    "PROJECT_INVESTMENT_STREET", "PROJECT_INVESTMENT_HOUSE_NUMBER", "PROJECT_INVESTMENT_POSTAL_CODE",
    "PROJECT_INVESTMENT_CITY", "PROJECT_INVESTMENT_RISK", "PROJECT_INVESTMENT_DOCUMENTATION",
    "PROJECT_INVESTMENT_DOCUMENTATION_EXPECTED_IMPACTS", "PROJECT_INVESTMENT_WHO_OWNS_THE_INVESTMENT_SITE",
    "PROJECT_INVESTMENT_OWNERSHIP_AFTER_END_OF_PROJECT", "PROJECT_INVESTMENT_MAINTENANCE",
)
STEP_ONE = ("PROJECT_TITLE", "PROJECT_SUMMARY", "PARTNER_TYPE", "PARTNER_MAIN_ADDRESS_COUNTRY_AND_NUTS")

OVERRIDES = (
    "# Call-specific texts of the demo call (Application-CallSpecific)\n"
    "project.application.form.section.part.a=A - Project identification (demo call)\n"
    "project.application.form.section.part.b=B - Project partners (demo call)\n"
)


def _configuration(call) -> dict[str, str]:
    spf = call.type == CallType.SPF
    values = rules.effective({}, spf=spf)
    for enum in SHOWN:
        field = rules.BY_ENUM[enum]
        if rules.STEP_TWO in field.allowed(spf):
            values[field.id] = rules.STEP_TWO
    if call.end_date_step1 is not None:
        for enum in STEP_ONE:
            field = rules.BY_ENUM[enum]
            if rules.BOTH in field.allowed(spf):
                values[field.id] = rules.BOTH
    return rules.apply_budget_dependency(values)


def load(stdout) -> None:
    calls = list(Call.objects.order_by("id"))
    configured = set(FieldConfiguration.objects.values_list("call_id", flat=True).distinct())
    with transaction.atomic():
        for call in calls:
            if call.pk in configured:
                continue
            FieldConfiguration.objects.bulk_create(
                FieldConfiguration(call=call, field_id=field_id, visibility=status)
                for field_id, status in _configuration(call).items())
            stdout.write(f"Application form configuration of call '{call.name}' set.\n")
        if calls and not CallTranslationFile.objects.filter(call=calls[0]).exists():
            CallTranslationFile.objects.create(call=calls[0], language="EN",
                                               file_name="Application-CallSpecific_en.properties",
                                               content=OVERRIDES, uploaded_at=timezone.now())
            stdout.write(f"Translation file of call '{calls[0].name}' added.\n")
