"""The standard pre-submission check (plugin key `standard-pre-condition-check-plugin`, features §4.12, §11).

One function per section returns that section's node of the message tree; a rule only applies to the fields the
call shows for the project in its current step (step 1 shows fewer fields), and translatable texts must be
filled in every input language. The budget rules (partner budgets and co-financing in each partner's node of
section B, lump sums in section E) apply when the call shows field 45, see budget_check.
Submission is allowed when no ERROR message remains; WARNINGs only inform."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from jems.calls.plugins import (
    PRE_SUBMISSION_CHECK,
    CheckMessage,
    MessageType,
    PreConditionCheckResult,
    group,
    hookimpl,
)
from jems.projects.partners.models import AddressType, ContactType, PartnerRole

from . import budget_check
from .data import ApplicationForm
from .tree import P
from .tree import error as _error
from .tree import warning as _warning

KEY = "standard-pre-condition-check-plugin"


def _missing_languages(value, languages) -> list[str]:
    value = value or {}
    return [code for code in languages if not str(value.get(code) or "").strip()]


class _Rules:
    """Collects the messages of one node while applying the visibility of the call's form configuration."""

    def __init__(self, form: ApplicationForm):
        self.form = form
        self.messages: list[CheckMessage] = []

    def shown(self, *fields: str) -> bool:
        return any(f in self.form.visible for f in fields)

    def text(self, field: str, key: str, value) -> None:
        """A translatable text the call shows must be filled in every input language."""
        if self.shown(field):
            missing = _missing_languages(value, self.form.languages)
            if missing:
                self.messages.append(_error(key, languages=", ".join(missing)))

    def value(self, field: str | None, key: str, present, *, warning=False) -> None:
        if field is None or self.shown(field):
            if present in (None, "") or (isinstance(present, str) and not present.strip()):
                self.messages.append(_warning(key) if warning else _error(key))

    def period(self, field: str, key: str, number) -> None:
        """A period the call shows must be chosen and be one of the project's periods."""
        if not self.shown(field):
            return
        if number is None:
            self.messages.append(_error(key))
        elif self.form.period_numbers and number not in self.form.period_numbers:
            self.messages.append(_error("period.out.of.range", period=number,
                                        last=max(self.form.period_numbers, default=0)))

    def positive(self, field: str, key: str, number) -> None:
        if self.shown(field) and (number is None or Decimal(number) <= 0):
            self.messages.append(_error(key))

    def node(self, key: str, **args) -> list[CheckMessage]:
        """This collector's messages wrapped as one child node (nothing when it has no messages)."""
        return [group(P + key, self.messages, {k: str(v) for k, v in args.items()})] if self.messages else []


def _section(key: str, children: list[CheckMessage]) -> CheckMessage:
    return group(P + key, children or [CheckMessage(key=P + "section.ok")])


# --- section A ----------------------------------------------------------------------------------------------


def section_a(form: ApplicationForm) -> CheckMessage:
    """A.1/A.2: acronym, title, duration, priority and specific objective, summary."""
    project, rules = form.project, _Rules(form)
    rules.value(None, "a.acronym.missing", project.acronym)
    rules.text("PROJECT_TITLE", "a.title.missing", project.title)
    rules.value("PROJECT_DURATION", "a.duration.missing", project.duration)
    if rules.shown("PROJECT_PRIORITY", "PROJECT_OBJECTIVE"):
        rules.value(None, "a.objective.missing", project.specific_objective_id)
    rules.text("PROJECT_SUMMARY", "a.summary.missing", project.intro)
    return _section("section.a", rules.messages)


# --- section B ----------------------------------------------------------------------------------------------

_ADDRESS = (("PARTNER_MAIN_ADDRESS_STREET", "street", "b.address.street.missing"),
            ("PARTNER_MAIN_ADDRESS_POSTAL_CODE", "postal_code", "b.address.postal.code.missing"),
            ("PARTNER_MAIN_ADDRESS_CITY", "city", "b.address.city.missing"))
_CONTACTS = ((ContactType.LegalRepresentative, "PARTNER_LEGAL_REPRESENTATIVE_FIRST_NAME", "first_name",
              "b.representative.first.name.missing"),
             (ContactType.LegalRepresentative, "PARTNER_LEGAL_REPRESENTATIVE_LAST_NAME", "last_name",
              "b.representative.last.name.missing"),
             (ContactType.ContactPerson, "PARTNER_CONTACT_PERSON_FIRST_NAME", "first_name",
              "b.contact.first.name.missing"),
             (ContactType.ContactPerson, "PARTNER_CONTACT_PERSON_LAST_NAME", "last_name",
              "b.contact.last.name.missing"),
             (ContactType.ContactPerson, "PARTNER_CONTACT_PERSON_EMAIL", "email", "b.contact.email.missing"),
             (ContactType.ContactPerson, "PARTNER_CONTACT_PERSON_TELEPHONE", "telephone",
              "b.contact.telephone.missing"))
_MOTIVATION = (("PARTNER_MOTIVATION_COMPETENCES", "organization_relevance", "b.motivation.relevance.missing"),
               ("PARTNER_MOTIVATION_ROLE", "organization_role", "b.motivation.role.missing"),
               ("PARTNER_ROLE_EXPERIENCE", "organization_experience", "b.motivation.experience.missing"))


def _partner(form: ApplicationForm, partner) -> list[CheckMessage]:
    """The node of one partner: its B.1 data (active partners) and its budget (field 45 shown; every partner)."""
    rules = _Rules(form)
    if partner.active:
        _partner_data(rules, partner)
    if form.budget is not None:
        rules.messages.extend(budget_check.partner_messages(form.budget, partner.pk))
    prefix = "LP" if partner.role == PartnerRole.LEAD_PARTNER else "PP"
    return rules.node("b.partner", partner=f"{prefix}{partner.sort_number} {partner.abbreviation}")


def _partner_data(rules: _Rules, partner) -> None:
    """The B.1 rules of an active partner: identity, address, contacts, motivation and state aid."""
    rules.value("PARTNER_ORIGINAL_NAME_OF_ORGANISATION", "b.name.original.missing", partner.name_in_original_language)
    rules.value("PARTNER_ENGLISH_NAME_OF_ORGANISATION", "b.name.english.missing", partner.name_in_english)
    rules.value("PARTNER_TYPE", "b.type.missing", partner.partner_type)
    rules.value("PARTNER_SUB_TYPE", "b.subtype.missing", partner.partner_sub_type)
    rules.value("PARTNER_NACE_GROUP_LEVEL", "b.nace.missing", partner.nace)
    rules.value("PARTNER_LEGAL_STATUS", "b.legal.status.missing", partner.legal_status_id)
    rules.value("PARTNER_VAT_RECOVERY", "b.vat.recovery.missing", partner.vat_recovery)
    address = next((a for a in partner.addresses.all() if a.type == AddressType.Organization), None)
    rules.value("PARTNER_MAIN_ADDRESS_COUNTRY_AND_NUTS", "b.address.country.missing",
                address.country if address else None)
    if address and address.country:
        rules.value("PARTNER_MAIN_ADDRESS_COUNTRY_AND_NUTS", "b.address.nuts.missing", address.nuts_region3,
                    warning=True)
    for field, attr, key in _ADDRESS:
        rules.value(field, key, getattr(address, attr) if address else None)
    rules.value("PARTNER_MAIN_ADDRESS_HOUSE_NUMBER", "b.address.house.number.missing",
                address.house_number if address else None, warning=True)
    contacts = {c.type: c for c in partner.contacts.all()}
    for contact_type, field, attr, key in _CONTACTS:
        contact = contacts.get(contact_type)
        rules.value(field, key, getattr(contact, attr) if contact else None)
    for field, attr, key in _MOTIVATION:
        rules.text(field, key, getattr(partner, attr))
    if rules.shown("PARTNER_STATE_AID_CRITERIA_SELF_CHECK"):
        state_aid = getattr(partner, "state_aid", None)
        answers = [getattr(state_aid, f"answer{n}", None) for n in (1, 2, 3, 4)]
        if any(answer is None for answer in answers):
            rules.messages.append(_error("b.state.aid.missing"))


def section_b(form: ApplicationForm) -> CheckMessage:
    """B.1: exactly one lead partner; each active partner's mandatory identity, address, contact, motivation
    and state-aid data; every partner's budget and co-financing (see budget_check)."""
    children: list[CheckMessage] = []
    leads = sum(1 for p in form.partners if p.role == PartnerRole.LEAD_PARTNER)
    if not form.partners:
        children.append(_error("b.partner.none"))
    elif leads == 0:
        children.append(_error("b.lead.missing"))
    elif leads > 1:
        children.append(_error("b.lead.many", count=leads))
    for partner in form.all_partners:
        children.extend(_partner(form, partner))
    return _section("section.b", children)


# --- section C ----------------------------------------------------------------------------------------------


def _c1(form: ApplicationForm) -> list[CheckMessage]:
    rules = _Rules(form)
    rules.text("PROJECT_OVERALL_OBJECTIVE", "c1.objective.missing", form.description.overall_objective)
    return rules.node("c1")


def _c2(form: ApplicationForm) -> list[CheckMessage]:
    rules, d = _Rules(form), form.description
    rules.text("PROJECT_TERRITORIAL_CHALLENGES", "c2.territorial.missing", d.territorial_challenge)
    rules.text("PROJECT_HOW_ARE_CHALLENGES_AND_OPPORTUNITIES_TACKLED", "c2.common.missing", d.common_challenge)
    rules.text("PROJECT_WHY_IS_COOPERATION_NEEDED", "c2.cooperation.missing", d.transnational_cooperation)
    if rules.shown("PROJECT_TARGET_GROUP"):
        benefits = d.benefits or []
        if not benefits:
            rules.messages.append(_error("c2.target.group.none"))
        for number, row in enumerate(benefits, start=1):
            missing = _missing_languages(row.get("specification"), form.languages)
            if missing:
                rules.messages.append(_error("c2.target.group.specification.missing", number=number,
                                             languages=", ".join(missing)))
    if rules.shown("PROJECT_RECIPIENT_GROUP") and not (d.spf_recipients or []):
        rules.messages.append(_error("c2.recipient.group.none"))
    if rules.shown("PROJECT_STRATEGY_CONTRIBUTION"):
        for number, row in enumerate(d.strategies or [], start=1):
            if not row.get("strategy"):
                rules.messages.append(_error("c2.strategy.missing", number=number))
    rules.text("PROJECT_HOW_BUILDS_PROJECT_ON_AVAILABLE_KNOWLEDGE", "c2.knowledge.missing", d.available_knowledge)
    return rules.node("c2")


def _c3(form: ApplicationForm) -> list[CheckMessage]:
    rules = _Rules(form)
    rules.text("PROJECT_PARTNERSHIP", "c3.partnership.missing", form.description.partnership)
    return rules.node("c3")


C4_FIELDS = ("PROJECT_WORK_PACKAGE_TITLE", "PROJECT_SPECIFIC_OBJECTIVE",
             "PROJECT_COMMUNICATION_OBJECTIVES_AND_TARGET_AUDIENCE", "PROJECT_ACTIVITIES_TITLE",
             "PROJECT_ACTIVITIES_DESCRIPTION", "PROJECT_OUTPUT_TITLE",
             "PROJECT_OUTPUT_PROGRAMME_OUTPUT_INDICATOR_AND_MEASUREMENT_UNIT")
OUTPUT_FIELDS = ("PROJECT_OUTPUT_TITLE", "PROJECT_OUTPUT_PROGRAMME_OUTPUT_INDICATOR_AND_MEASUREMENT_UNIT")
ACTIVITY_FIELDS = ("PROJECT_ACTIVITIES_TITLE", "PROJECT_ACTIVITIES_DESCRIPTION", "PROJECT_ACTIVITIES_START_PERIOD",
                   "PROJECT_ACTIVITIES_END_PERIOD")


def _activity(form, wp, activity) -> list[CheckMessage]:
    rules = _Rules(form)
    rules.text("PROJECT_ACTIVITIES_TITLE", "c4.activity.title.missing", activity.title)
    rules.text("PROJECT_ACTIVITIES_DESCRIPTION", "c4.activity.description.missing", activity.description)
    rules.period("PROJECT_ACTIVITIES_START_PERIOD", "c4.activity.start.missing", activity.start_period)
    rules.period("PROJECT_ACTIVITIES_END_PERIOD", "c4.activity.end.missing", activity.end_period)
    if activity.start_period and activity.end_period and activity.start_period > activity.end_period:
        rules.messages.append(_error("c4.activity.periods.order"))
    if rules.shown("PROJECT_ACTIVITIES_DELIVERABLES"):
        for deliverable in activity.deliverables.all():
            inner = _Rules(form)
            inner.text("PROJECT_ACTIVITIES_DELIVERABLES", "c4.deliverable.title.missing", deliverable.title)
            inner.period("PROJECT_ACTIVITIES_DELIVERABLES", "c4.deliverable.period.missing", deliverable.period)
            rules.messages.extend(inner.node("c4.deliverable", wp=wp.number, activity=activity.number,
                                             number=deliverable.number))
    return rules.node("c4.activity", wp=wp.number, number=activity.number)


def _work_package(form, wp) -> list[CheckMessage]:
    rules = _Rules(form)
    rules.text("PROJECT_WORK_PACKAGE_TITLE", "c4.wp.name.missing", wp.name)
    rules.text("PROJECT_SPECIFIC_OBJECTIVE", "c4.wp.objective.missing", wp.specific_objective)
    rules.text("PROJECT_COMMUNICATION_OBJECTIVES_AND_TARGET_AUDIENCE", "c4.wp.communication.missing",
               wp.objective_and_audience)
    activities = list(wp.activities.all())
    if not activities and rules.shown(*ACTIVITY_FIELDS):
        rules.messages.append(_error("c4.activity.none"))
    for activity in activities:
        rules.messages.extend(_activity(form, wp, activity))
    for output in wp.outputs.all():
        inner = _Rules(form)
        inner.text("PROJECT_OUTPUT_TITLE", "c4.output.title.missing", output.title)
        inner.value("PROJECT_OUTPUT_PROGRAMME_OUTPUT_INDICATOR_AND_MEASUREMENT_UNIT", "c4.output.indicator.missing",
                    output.programme_output_indicator_id)
        inner.positive("PROJECT_OUTPUT_TARGET_VALUE", "c4.output.target.missing", output.target_value)
        inner.period("PROJECT_OUTPUT_DELIVERY_PERIOD", "c4.output.period.missing", output.period_number)
        rules.messages.extend(inner.node("c4.output", wp=wp.number, number=output.number))
    for investment in wp.investments.all():
        inner = _Rules(form)
        inner.text("PROJECT_INVESTMENT_TITLE", "c4.investment.title.missing", investment.title)
        inner.period("PROJECT_INVESTMENT_PERIOD", "c4.investment.period.missing", investment.expected_delivery_period)
        rules.messages.extend(inner.node("c4.investment", wp=wp.number, number=investment.number))
    return rules.node("c4.wp", number=wp.number)


def _c4(form: ApplicationForm) -> list[CheckMessage]:
    rules = _Rules(form)
    if not rules.shown(*C4_FIELDS):
        return []
    if not form.work_packages:
        rules.messages.append(_error("c4.wp.none"))
    elif rules.shown(*OUTPUT_FIELDS) and not any(wp.outputs.all() for wp in form.work_packages):
        rules.messages.append(_error("c4.output.none"))
    for wp in form.work_packages:
        rules.messages.extend(_work_package(form, wp))
    return rules.node("c4")


def _c5(form: ApplicationForm) -> list[CheckMessage]:
    rules = _Rules(form)
    indicator = "PROJECT_RESULTS_PROGRAMME_RESULT_INDICATOR_AMD_MEASUREMENT_UNIT"
    if not rules.shown(indicator, "PROJECT_RESULTS_TARGET_VALUE", "PROJECT_RESULTS_DESCRIPTION"):
        return []
    if not form.results:
        rules.messages.append(_error("c5.result.none"))
    for result in form.results:
        inner = _Rules(form)
        inner.value(indicator, "c5.result.indicator.missing", result.programme_result_indicator_id)
        inner.positive("PROJECT_RESULTS_TARGET_VALUE", "c5.result.target.missing", result.target_value)
        inner.period("PROJECT_RESULTS_DELIVERY_PERIOD", "c5.result.period.missing", result.period_number)
        inner.text("PROJECT_RESULTS_DESCRIPTION", "c5.result.description.missing", result.description)
        rules.messages.extend(inner.node("c5.result", number=result.number))
    return rules.node("c5")


_CRITERIA = (("joint_development", "c7.joint.development.description.missing"),
             ("joint_implementation", "c7.joint.implementation.description.missing"),
             ("joint_staffing", "c7.joint.staffing.description.missing"),
             ("joint_financing", "c7.joint.financing.description.missing"))


def _c7(form: ApplicationForm) -> list[CheckMessage]:
    rules, d = _Rules(form), form.description
    rules.text("PROJECT_COORDINATION", "c7.coordination.missing", d.coordination)
    rules.text("PROJECT_QUALITY_MEASURES", "c7.quality.missing", d.quality_assurance)
    rules.text("PROJECT_COMMUNICATION_APPROACH", "c7.communication.missing", d.communication)
    rules.text("PROJECT_FINANCIAL_MANAGEMENT_AND_REPORTING", "c7.financial.missing", d.financial_management)
    if rules.shown("PROJECT_COOPERATION_CRITERIA"):
        # Regulation (EU) 2021/1059 art. 23(4): development and implementation, plus staffing or financing.
        if not (d.joint_development and d.joint_implementation and (d.joint_staffing or d.joint_financing)):
            rules.messages.append(_error("c7.criteria.insufficient"))
        for attr, key in _CRITERIA:
            if getattr(d, attr):
                rules.text("PROJECT_COOPERATION_CRITERIA", key, getattr(d, f"{attr}_description"))
    if rules.shown("PROJECT_HORIZONTAL_PRINCIPLES") and not (
            d.sustainable_development_effect and d.equal_opportunities_effect and d.sexual_equality_effect):
        rules.messages.append(_error("c7.principles.missing"))
    return rules.node("c7")


def _c8(form: ApplicationForm) -> list[CheckMessage]:
    rules, d = _Rules(form), form.description
    rules.text("PROJECT_OWNERSHIP", "c8.ownership.missing", d.ownership)
    rules.text("PROJECT_DURABILITY", "c8.durability.missing", d.durability)
    rules.text("PROJECT_TRANSFERABILITY", "c8.transferability.missing", d.transferability)
    return rules.node("c8")


def section_c(form: ApplicationForm) -> CheckMessage:
    """C.1–C.5, C.7, C.8: mandatory texts, the work plan and the results."""
    return _section("section.c", [*_c1(form), *_c2(form), *_c3(form), *_c4(form), *_c5(form), *_c7(form),
                                  *_c8(form)])


# --- section E ----------------------------------------------------------------------------------------------


def section_e(form: ApplicationForm) -> CheckMessage | None:
    """E.1: lump sums offered by the call, fully split and with a period (none when the call hides field 45)."""
    if form.budget is None:
        return None
    return _section("section.e", budget_check.lump_sum_messages(form.budget))


SECTIONS = (section_a, section_b, section_c, section_e)


def run(form: ApplicationForm) -> PreConditionCheckResult:
    """The message tree of every section shown; submission is allowed when it holds no ERROR."""
    messages = [node for node in (section(form) for section in SECTIONS) if node is not None]
    return PreConditionCheckResult(messages=messages,
                                   submission_allowed=all(m.type != MessageType.ERROR for m in messages))


class StandardPreSubmissionCheck:
    """The built-in standard plugin, registered with jems.calls.plugins by the app's ready()."""

    key, plugin_type, label = KEY, PRE_SUBMISSION_CHECK, _("Standard pre-submission check")

    @hookimpl
    def jems_pre_submission_check(self, project_id, data):
        return run(data.form)
