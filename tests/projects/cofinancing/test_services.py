"""Co-financing services: §2.2 validation rule by rule, refusals (role, project, status) and the SPF set."""

from decimal import Decimal

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.calls.models import CallType
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects.cofinancing import parts, services
from jems.projects.cofinancing.models import PartnerCoFinancing, PartnerContribution, PartnerSpfCoFinancing
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from tests.conftest import make_user

from .conftest import contribution, fund_line, own_line, valid_set

pytestmark = pytest.mark.django_db


def refused(actor, partner, data, kind="management") -> dict:
    update = services.update_cofinancing if kind == "management" else services.update_spf_cofinancing
    with pytest.raises(ValidationFailed) as caught:
        update(actor=actor, partner_id=partner.pk, data=data)
    return {path: message["i18nKey"] for path, message in caught.value.form_errors.items()} or {
        "": caught.value.key}


def test_save_and_replace(applicant, partners, funds, origins):
    lead, uni = partners
    erdf, _other = funds
    saved = services.update_cofinancing(actor=applicant, partner_id=lead.pk, data=valid_set(erdf))
    assert saved["finances"] == [{"fundType": "MainFund", "fundId": erdf.pk, "percentage": Decimal("75.50")},
                                 {"fundType": "PartnerContribution", "fundId": None,
                                  "percentage": Decimal("24.50")}]
    own, region = saved["partnerContributions"]
    assert (own["name"], own["status"], own["amount"], own["partner"]) == ("CITY", "Public", Decimal("100.00"), True)
    assert (region["name"], region["status"], region["amount"]) == ("Region", "AutomaticPublic", Decimal("50.25"))
    # saving again replaces the lines
    services.update_cofinancing(actor=applicant, partner_id=lead.pk, data={
        "finances": [own_line("100")], "partnerContributions": [contribution("x", "Private", "0", True)]})
    assert PartnerCoFinancing.objects.filter(project_partner=lead).count() == 1
    assert list(PartnerContribution.objects.filter(project_partner=lead).values_list("name", flat=True)) == ["CITY"]
    assert parts.live(lead.project_id).get(uni.pk) is None


def test_two_funds_when_the_call_allows(applicant, partners, funds, origins, open_call):
    lead, _uni = partners
    erdf, other = funds
    data = {"finances": [fund_line(erdf, "60"), fund_line(other, "10"), own_line("30")],
            "partnerContributions": [contribution(None, "Private", "1", True)]}
    assert refused(applicant, lead, data) == {"finances": "project.partner.coFinancing.additional.fund.not.allowed"}
    open_call.additional_fund_allowed = True
    open_call.save()
    assert len(services.update_cofinancing(actor=applicant, partner_id=lead.pk, data=data)["finances"]) == 3


def test_at_most_five_lines_and_funds_plus_one(applicant, partners, funds, origins, open_call):
    lead, _uni = partners
    erdf, other = funds
    open_call.additional_fund_allowed = True
    open_call.save()
    data = {"finances": [fund_line(erdf, "10"), fund_line(other, "10"), own_line("80"), own_line("0")],
            "partnerContributions": []}
    assert refused(applicant, lead, data)["finances"] == "project.partner.coFinancing.maximum.lines"
    from jems.calls.models import CallFund
    from jems.programme.models import ProgrammeFund

    for _n in range(4):
        fund = ProgrammeFund.objects.create(type="OTHER", selected=True)
        CallFund.objects.create(call=open_call, fund=fund, rate=Decimal("5"))
    six = {"finances": [fund_line(f.fund, "5") for f in open_call.funds.exclude(fund=other)[:5]] + [own_line("75")],
           "partnerContributions": []}
    assert refused(applicant, lead, six)["finances"] == "project.partner.coFinancing.maximum.lines"


def test_fund_rules(applicant, partners, funds, origins, open_call):
    lead, _uni = partners
    erdf, other = funds
    from jems.programme.models import ProgrammeFund

    outside = ProgrammeFund.objects.create(type="OTHER", selected=True)
    own = [contribution(None, "Public", "1", True)]
    assert refused(applicant, lead, {"finances": [fund_line(erdf, "80.01"), own_line("19.99")],
                                     "partnerContributions": own}) == {
        "finances[0].percentage": "project.partner.coFinancing.percentage.above.call.rate"}
    assert refused(applicant, lead, {"finances": [fund_line(other, "9"), own_line("91")],
                                     "partnerContributions": own}) == {
        "finances[0].percentage": "project.partner.coFinancing.percentage.not.call.rate"}
    assert refused(applicant, lead, {"finances": [fund_line(outside, "9"), own_line("91")],
                                     "partnerContributions": own}) == {
        "finances[0].fundId": "project.partner.coFinancing.fund.not.in.call"}
    open_call.additional_fund_allowed = True
    open_call.save()
    assert refused(applicant, lead, {"finances": [fund_line(erdf, "9"), fund_line(erdf, "9"), own_line("82")],
                                     "partnerContributions": own}) == {
        "finances[1].fundId": "project.partner.coFinancing.fund.not.unique"}


@pytest.mark.parametrize("value", ["-1", "100.01", "12.345", None])
def test_bad_percentages(applicant, partners, funds, origins, value):
    lead, _uni = partners
    line = {"fundType": "PartnerContribution", "fundId": None, "percentage": None if value is None else Decimal(value)}
    errors = refused(applicant, lead, {"finances": [line], "partnerContributions": [
        contribution(None, "Public", "1", True)]})
    assert errors == {"finances[0].percentage": "project.partner.coFinancing.percentage.invalid"}


def test_sum_and_partner_contribution_line(applicant, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    own = [contribution(None, "Public", "1", True)]
    assert refused(applicant, lead, {"finances": [fund_line(erdf, "50"), own_line("49.99")],
                                     "partnerContributions": own}) == {
        "finances": "project.partner.coFinancing.sum.invalid"}
    assert refused(applicant, lead, {"finances": [fund_line(erdf, "50")], "partnerContributions": own}) == {
        "finances": "project.partner.coFinancing.one.and.only.partner.contribution"}


def test_contribution_rules(applicant, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    finances = [fund_line(erdf, "80"), own_line("20")]
    errors = refused(applicant, lead, {"finances": finances, "partnerContributions": [
        contribution(None, "AutomaticPublic", "-1", True), contribution(" ", None, "1.234"),
        contribution("x" * 256, "Private", None)]})
    assert errors == {
        "partnerContributions[0].status": "project.partner.contribution.partner.status.invalid",
        "partnerContributions[0].amount": "project.partner.contribution.amount.invalid",
        "partnerContributions[1].name": "project.partner.contribution.name.is.mandatory",
        "partnerContributions[1].status": "project.partner.contribution.status.is.mandatory",
        "partnerContributions[1].amount": "project.partner.contribution.amount.invalid",
        "partnerContributions[2].name": "common.error.field.max.length",
        "partnerContributions[2].amount": "project.partner.contribution.amount.is.mandatory"}
    for flags in ([], [True, True]):
        rows = [contribution("a", "Public", "1", flag) for flag in flags] or [contribution("a", "Public", "1")]
        assert refused(applicant, lead, {"finances": finances, "partnerContributions": rows}) == {
            "partnerContributions": "project.partner.contribution.one.and.only.partner.contribution"}
    too_big = [contribution(None, "Public", "1000000000", True)]
    assert refused(applicant, lead, {"finances": finances, "partnerContributions": too_big}) == {
        "partnerContributions[0].amount": "project.partner.contribution.amount.invalid"}


def test_only_own_contribution_when_the_call_hides_new_origins(applicant, partners, funds):
    lead, _uni = partners
    erdf, _other = funds
    assert refused(applicant, lead, valid_set(erdf)) == {
        "partnerContributions": "project.partner.contribution.only.one.allowed"}
    data = {**valid_set(erdf), "partnerContributions": valid_set(erdf)["partnerContributions"][:1]}
    assert services.update_cofinancing(actor=applicant, partner_id=lead.pk, data=data)["partnerContributions"]


def test_refusal_keeps_stored_data(applicant, partners, funds, origins):
    lead, _uni = partners
    erdf, _other = funds
    services.update_cofinancing(actor=applicant, partner_id=lead.pk, data=valid_set(erdf))
    before = parts.live(lead.project_id)
    refused(applicant, lead, {"finances": [], "partnerContributions": []})
    assert parts.live(lead.project_id) == before


def test_access_refusals(applicant, programme_user, partners, funds, origins, project):
    lead, _uni = partners
    erdf, _other = funds
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        services.update_cofinancing(actor=stranger, partner_id=lead.pk, data=valid_set(erdf))
    with pytest.raises(NotFound):
        services.update_cofinancing(actor=applicant, partner_id=10**9, data=valid_set(erdf))
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    with pytest.raises(Forbidden):
        services.update_cofinancing(actor=viewer, partner_id=lead.pk, data=valid_set(erdf))
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    assert refused(applicant, lead, valid_set(erdf)) == {"": "project.status.not.modifiable"}
    assert not PartnerCoFinancing.objects.exists()


def test_spf_set(applicant, partners, funds, open_call):
    lead, _uni = partners
    erdf, _other = funds
    data = {"finances": [fund_line(erdf, "80"), own_line("20")],
            "partnerContributions": [contribution("Foundation", "Private", "10"), contribution(None, "Public", "5")]}
    assert refused(applicant, lead, data, "spf") == {"": "project.partner.spf.cofinancing.call.not.spf"}
    open_call.type = CallType.SPF
    open_call.save()
    assert refused(applicant, lead, data, "spf") == {
        "partnerContributions[1].name": "project.partner.contribution.name.is.mandatory"}
    data["partnerContributions"][1]["name"] = "Town"
    saved = services.update_spf_cofinancing(actor=applicant, partner_id=lead.pk, data=data)
    assert [c["name"] for c in saved["partnerContributions"]] == ["Foundation", "Town"]
    assert PartnerSpfCoFinancing.objects.count() == 2 and not PartnerCoFinancing.objects.exists()
