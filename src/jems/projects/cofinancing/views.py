"""The partner "Co-financing" tab (and "SPF co-financing" in SPF calls): the funds of the call with their rates
and amounts, the partner contribution (the remainder), the sources of the partner contribution with their legal
status and amount, and the public / automatic public / private totals (features §4.8, finance-rules §2.2–2.3).

Editable like the other partner tabs; read-only for viewers, in statuses that do not allow changes and for past
versions (`?version=`). Contribution rows are added and removed with plain submit buttons (no JavaScript); what
was typed is kept. Saving needs the contributions to add up to the partner contribution, as in Jems' form."""

import re
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.calls.models import CallFund, CallType
from jems.core.errors import NotFound, ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.priorities.ui import text_in
from jems.projects.partners.views import _context
from jems.projects.visibility import visible_fields

from . import queries, services
from .forms import ContributionRowForm, FundRowForm
from .models import MAX_FINANCES, FundType

ROW_ERROR = re.compile(r"^(finances|partnerContributions)\[(\d+)\]\.(\w+)$")
FIELDS = {"fundId": "fund", "percentage": "percentage", "name": "name", "status": "status", "amount": "amount"}
MAX_POSTED_ROWS = 1000
HUNDRED = Decimal(100)


def _dec(value) -> Decimal | None:
    try:
        number = Decimal(str(value).strip().replace(",", ".")) if value not in (None, "") else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() else None


def _money(value: Decimal) -> str:
    return number_format(value, 2, force_grouping=True)


class Tab:
    """What the tab needs: the partner at the requested version, its set, the call's funds, editability."""

    def __init__(self, request, project_id: int, partner_id: int, kind: str):
        self.kind = kind
        self.version = request.GET.get("version") or None
        self.view = queries.partner_view(actor=request.user, partner_id=partner_id, version=self.version)
        self.acc = self.view.access
        project = self.acc.project
        if project.pk != project_id or (kind == "spf" and project.call.type != CallType.SPF):
            raise NotFound(key="project.partner.not.exists", code="PP-ERR")
        self.editable = not self.view.frozen and self.acc.can_edit_form()
        if request.method == "POST" and not self.editable:
            raise PermissionDenied
        self.data = self.view.spf_data if kind == "spf" else self.view.data
        self.base = self.view.total.spf if kind == "spf" else self.view.total.management
        call_funds = list(CallFund.objects.filter(call=project.call).select_related("fund"))
        self.rates = {cf.fund_id: cf for cf in call_funds}
        labels = {cf.fund_id: self._label(text_in(cf.fund.abbreviation) or cf.fund.type, cf) for cf in call_funds}
        for fund_id, dto in self.view.funds.items():  # funds of a version that the call no longer offers
            labels.setdefault(fund_id, text_in({t["language"]: t["translation"] for t in dto["abbreviation"]})
                              or dto["type"])
        self.fund_choices = [(str(fund_id), label) for fund_id, label in labels.items()]
        stored_main = [f for f in self.data["finances"] if f["fundType"] == FundType.MainFund]
        allowed = min(MAX_FINANCES - 1, len(call_funds)) if project.call.additional_fund_allowed else 1
        self.slots = max(allowed, len(stored_main), 1)
        self.more_origins = kind == "spf" or services.ADD_ORIGIN_FIELD in visible_fields(project)

    @staticmethod
    def _label(name: str, call_fund: CallFund) -> str:
        if call_fund.adjustable:
            return _("%(fund)s (up to %(rate)s %%)") % {"fund": name, "rate": number_format(call_fund.rate, 2)}
        return _("%(fund)s (%(rate)s %%)") % {"fund": name, "rate": number_format(call_fund.rate, 2)}

    @property
    def own_row(self) -> bool:
        """Whether the first contribution row is the partner's own contribution (management set)."""
        return self.kind != "spf"


def _stored_rows(tab: Tab) -> tuple[list[dict], list[dict]]:
    """Initial values of the fund slots and of the contribution rows (the partner's own row first)."""
    main = [f for f in tab.data["finances"] if f["fundType"] == FundType.MainFund]
    funds = [{"fund": f["fundId"], "percentage": f["percentage"]} for f in main]
    funds += [{} for _slot in range(tab.slots - len(funds))]
    contributions = sorted(tab.data["partnerContributions"], key=lambda c: not c["partner"])
    rows = [{"name": c["name"] or "", "status": c["status"], "amount": c["amount"]} for c in contributions]
    if not rows or (tab.own_row and not contributions[0]["partner"]):
        rows.insert(0, {})
    return funds, rows


def _posted_count(post) -> int:
    try:
        return max(1, min(int(post.get("contribution-count", "1")), MAX_POSTED_ROWS))
    except ValueError:
        return 1


def _forms(tab: Tab, post, funds_initial, rows_initial, count=None):
    fund_forms = [FundRowForm(post, initial=initial, prefix=f"fund-{i}", number=i + 1, funds=tab.fund_choices,
                              disabled=not tab.editable) for i, initial in enumerate(funds_initial)]
    rows = rows_initial if count is None else [{} for _i in range(count)]
    abbreviation = tab.view.partner["abbreviation"]
    contribution_forms = [
        ContributionRowForm(post if count is not None else None, initial=initial, prefix=f"contribution-{i}",
                            number=i + 1, own=tab.own_row and i == 0, abbreviation=abbreviation,
                            disabled=not tab.editable) for i, initial in enumerate(rows)]
    return fund_forms, contribution_forms


def _current(fund_forms, contribution_forms) -> dict:
    """The set as shown (stored or typed), for the amounts next to the inputs; unreadable numbers count as 0."""
    finances = []
    for form in fund_forms:
        fund = form["fund"].value()
        if fund not in (None, ""):
            finances.append({"fundType": FundType.MainFund, "fundId": fund,
                             "percentage": _dec(form["percentage"].value()) or Decimal(0)})
    return {"finances": finances,
            "partnerContributions": [{"status": form["status"].value(),
                                      "amount": _dec(form["amount"].value()) or Decimal(0)}
                                     for form in contribution_forms]}


def _blank(form: ContributionRowForm) -> bool:
    return not form.own and not any(form.cleaned_data.get(k) not in (None, "") for k in ("name", "status", "amount"))


def _submitted(tab: Tab, fund_forms, contribution_forms):
    """(service data, line index → fund form, contribution index → row form) from valid forms."""
    finances, line_forms = [], {}
    for form in fund_forms:
        if form.cleaned_data.get("fund") is not None:
            line_forms[len(finances)] = form
            finances.append({"fundType": FundType.MainFund, "fundId": form.cleaned_data["fund"],
                             "percentage": form.cleaned_data["percentage"]})
    own = HUNDRED - sum((f["percentage"] for f in finances), Decimal(0))
    finances.append({"fundType": FundType.PartnerContribution, "fundId": None, "percentage": own})
    contributions, row_forms = [], {}
    for form in contribution_forms:
        if _blank(form):
            continue
        row_forms[len(contributions)] = form
        contributions.append({"name": form.cleaned_data.get("name") or "", "status": form.cleaned_data.get("status"),
                              "amount": form.cleaned_data.get("amount"), "partner": form.own})
    return {"finances": finances, "partnerContributions": contributions}, line_forms, row_forms


def _place_errors(error: ValidationFailed, line_forms, row_forms, page_errors: list) -> None:
    if not error.form_errors:
        page_errors.append(text_for(error.key, error.args_))
    for path, message in error.form_errors.items():
        text = text_for(message["i18nKey"], message.get("i18nArguments"))
        match = ROW_ERROR.match(path)
        forms_by_index = line_forms if match and match.group(1) == "finances" else row_forms
        form = forms_by_index.get(int(match.group(2))) if match else None
        field = FIELDS.get(match.group(3)) if match else None
        if form is not None and field in form.fields and not form.fields[field].disabled:
            form.add_error(field, text)
        else:
            page_errors.append(text)


def _tab(request, project_id: int, partner_id: int, kind: str):
    tab = Tab(request, project_id, partner_id, kind)
    funds_initial, rows_initial = _stored_rows(tab)
    post = request.POST if request.method == "POST" else None
    page_errors: list[str] = []
    status = 200
    if post is None:
        fund_forms, contribution_forms = _forms(tab, None, funds_initial, rows_initial)
    else:
        fund_forms, contribution_forms = _forms(tab, post, funds_initial, rows_initial, _posted_count(post))
        action = post.get("action", "save")
        if action != "save":  # add or remove a contribution row: show what was typed again, nothing is saved
            values = [form.raw() for form in contribution_forms]
            verb, _sep, index = action.partition(":")
            first_removable = 1 if tab.own_row else 0
            if verb == "add" and tab.more_origins:
                values.append({})
            elif verb == "remove" and index.isdigit() and first_removable <= int(index) < len(values):
                del values[int(index)]
            fund_forms = [FundRowForm(initial={k: form[k].value() for k in form.fields}, prefix=f"fund-{i}",
                                      number=i + 1, funds=tab.fund_choices) for i, form in enumerate(fund_forms)]
            contribution_forms = _forms(tab, None, [], values or [{}])[1]
        else:
            status = 422
            if all([form.is_valid() for form in [*fund_forms, *contribution_forms]]):
                data, line_forms, row_forms = _submitted(tab, fund_forms, contribution_forms)
                derived = queries.amounts(data, tab.base)
                if not derived.contributions_match:
                    page_errors.append(text_for("project.partner.contribution.sum.mismatch", {
                        "sum": _money(derived.contributions.total), "expected": _money(derived.partner_contribution)}))
                else:
                    update = services.update_spf_cofinancing if kind == "spf" else services.update_cofinancing
                    try:
                        update(actor=request.user, partner_id=partner_id, data=data)
                    except ValidationFailed as error:
                        _place_errors(error, line_forms, row_forms, page_errors)
                    else:
                        messages.success(request, _("The co-financing was saved."))
                        name = "spf_cofinancing" if kind == "spf" else "cofinancing"
                        return redirect(f"project_cofinancing:{name}", project_id=tab.acc.project.pk,
                                        partner_id=partner_id)
    return render(request, "cofinancing/cofinancing.html", {
        **_context(tab.acc, tab.version, tab.view.version_row if tab.view.frozen else None, tab.editable,
                   "spfCoFinancing" if kind == "spf" else "coFinancing", tab.view.partner),
        **_display(tab, fund_forms, contribution_forms), "page_errors": page_errors}, status=status)


def _display(tab: Tab, fund_forms, contribution_forms) -> dict:
    derived = queries.amounts(_current(fund_forms, contribution_forms), tab.base)
    amounts = list(derived.fund_amounts.values())
    fund_rows, position = [], 0
    for form in fund_forms:
        chosen = form["fund"].value() not in (None, "")
        fund_rows.append({"form": form, "amount": _money(amounts[position]) if chosen else ""})
        position += chosen
    sums = derived.contributions
    return {
        "kind": tab.kind, "base": _money(tab.base), "fund_rows": fund_rows,
        "partner_percentage": number_format(derived.partner_percentage, 2),
        "partner_amount": _money(derived.partner_contribution),
        "contribution_rows": [{"form": form, "removable": tab.editable and not form.own}
                              for form in contribution_forms],
        "can_add": tab.editable and tab.more_origins,
        "totals": {"public": _money(sums.public), "automatic_public": _money(sums.automatic_public),
                   "private": _money(sums.private), "total": _money(sums.total)},
        "matches": derived.contributions_match,
        "other_tab": _other_tab(tab),
    }


def _other_tab(tab: Tab) -> str | None:
    """The link between the management and the SPF co-financing tabs of an SPF call."""
    if tab.acc.project.call.type != CallType.SPF:
        return None
    name = "cofinancing" if tab.kind == "spf" else "spf_cofinancing"
    query = f"?version={tab.version}" if tab.version else ""
    return reverse(f"project_cofinancing:{name}", args=[tab.acc.project.pk, tab.view.partner["id"]]) + query


@require_http_methods(["GET", "POST"])
@app_view
def cofinancing(request, project_id: int, partner_id: int):
    return _tab(request, project_id, partner_id, "management")


@require_http_methods(["GET", "POST"])
@app_view
def spf_cofinancing(request, project_id: int, partner_id: int):
    return _tab(request, project_id, partner_id, "spf")
