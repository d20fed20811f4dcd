"""The layout of the application-form PDF: the cover page and sections A to E written from the context of
`application_form.form_context` into a `jems.core.pdf.PdfDocument`, labels in the active (export) language and
entered texts in the data language. Numbers are formatted as on the pages (two decimals, grouped)."""

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from reportlab.lib.units import mm

from jems.core.pdf.document import PdfDocument
from jems.core.translatable import in_language
from jems.priorities.ui import text_in
from jems.projects.description.models import PrincipleEffect, TargetGroup
from jems.projects.partners.forms import STATE_AID_QUESTIONS
from jems.projects.partners.models import AddressType, ContactType, PartnerSubType, PartnerType, VatRecovery

LOGO_BOX = (80 * mm, 30 * mm)


def money(value) -> str:
    return floatformat(value, "2g")


def choice(choices, code) -> str:
    """The label of a code of a Django choices class (the code itself when unknown, empty when None)."""
    if code is None:
        return ""
    return str(choices(code).label) if code in choices.values else str(code)


def _or_dash(value) -> str:
    return "–" if value is None else str(value)


class _Writer:
    def __init__(self, context: dict, doc: PdfDocument):
        self.c, self.doc, self.lang = context, doc, context["language"]

    def text(self, value) -> str:
        return in_language(value, self.lang)

    def partner(self, partner_id) -> str:
        return self.c["partner_labels"].get(partner_id, "")

    def write(self, logo: bytes | None) -> None:
        self.cover(logo)
        self.section_a()
        self.section_b()
        self.section_c()
        self.section_d()
        self.section_e()

    def cover(self, logo: bytes | None) -> None:
        c, doc = self.c, self.doc
        doc.space(50 * mm)
        if logo:
            doc.image(logo, max_width=LOGO_BOX[0], max_height=LOGO_BOX[1])
            doc.space(8 * mm)
        doc.heading(1, c["form"].get("acronym") or "", outline=False)
        doc.paragraph(self.text(c["form"].get("title")), centered=True)
        doc.paragraph(_("Application form") + " – " + _("version %(version)s") % {"version": c["version"]},
                      centered=True)
        doc.paragraph(_("Call") + ": " + str(c["call"].name), centered=True)
        doc.paragraph(_("Exported on %(when)s") % {"when": c["generated"].strftime("%Y-%m-%d %H:%M")}, centered=True)

    def section_a(self) -> None:
        c, doc, form = self.c, self.doc, self.c["form"]
        doc.heading(2, _("A – Project identification"), new_page=True)
        doc.fields([
            (_("Project ID"), c["project"].custom_identifier or c["project"].pk),
            (_("Acronym"), form.get("acronym")),
            (_("Title"), self.text(form.get("title"))),
            (_("Duration in months"), form.get("duration")),
            (_("Programme priority"), form.get("programmePriorityCode")),
            (_("Specific objective"), " ".join(str(v) for v in (form.get("specificObjectiveCode"),
                                                                   form.get("specificObjective")) if v)),
            (_("Summary"), self.text(form.get("intro"))),
        ])
        doc.heading(3, _("A.3 – Project budget overview"))
        header = [_("Fund"), _("Funding (EUR)"), _("Co-financing rate (%)"), _("Total public contribution"),
                  _("Private contribution"), _("Total funding and contribution")]
        for table in c["co_financing"]:
            doc.table(header, [[line["label"], money(line["row"].funding_amount), money(line["row"].co_financing_rate),
                                money(line["row"].total_public_contribution), money(line["row"].private_contribution),
                                money(line["row"].total_fund_and_contribution)] for line in table["rows"]],
                      numeric_from=1, caption=table["title"])
        self.outputs_overview()

    def outputs_overview(self) -> None:
        doc = self.doc
        doc.heading(3, _("A.4 – Project outputs and results overview"))
        lines = self.c["outputs_overview"]
        if not lines:
            doc.paragraph(_("There are no project outputs or results yet."), muted=True)
            return
        rows = []
        for line in lines:
            output_indicator = (_("No project output leads to this result indicator.") if line["only_result"]
                                else line["output_indicator"] or _("No output indicator"))
            rows.append([
                " ".join(v for v in (output_indicator, f"({line['output_unit']})" if line["output_unit"] else "") if v),
                line["output_sum"], line["output"], line["output_target"],
                " ".join(v for v in (line["result_indicator"] or _("No result indicator"),
                                     f"({line['result_unit']})" if line["result_unit"] else "") if v),
                line["baselines"], line["result_sum"]])
        doc.table([_("Programme output indicator"), _("Total target value of the output indicator"),
                   _("Project output"), _("Output target value"), _("Programme result indicator"), _("Baseline"),
                   _("Total target value of the results")], rows,
                  widths=(0.2, 0.1, 0.18, 0.1, 0.2, 0.1, 0.12))

    def section_b(self) -> None:
        c, doc = self.c, self.doc
        doc.heading(2, _("B – Project partners"), new_page=True)
        for partner in c["partners"]:
            title = self.partner(partner["id"])
            if not partner.get("active", True):
                title += " (" + _("inactive") + ")"
            doc.heading(3, title)
            pairs = [(_("Abbreviation"), partner.get("abbreviation")),
                     (_("Name in original language"), partner.get("nameInOriginalLanguage")),
                     (_("Name in English"), partner.get("nameInEnglish")),
                     (_("Department"), self.text(partner.get("department"))),
                     (_("Type of partner"), choice(PartnerType, partner.get("partnerType"))),
                     (_("Sub-type of partner"), choice(PartnerSubType, partner.get("partnerSubType"))),
                     (_("NACE group level"), (partner.get("nace") or "").replace("_", ".")),
                     (_("Other identifier number"), partner.get("otherIdentifierNumber")),
                     (_("Description of the other identifier"), self.text(partner.get("otherIdentifierDescription"))),
                     (_("PIC"), partner.get("pic")),
                     (_("Legal status"), text_in(c["legal_statuses"].get(partner.get("legalStatusId")), self.lang)),
                     (_("VAT number"), partner.get("vat")),
                     (_("Can the partner recover VAT?"), choice(VatRecovery, partner.get("vatRecovery")))]
            pairs += [(f"{_('Address')} ({choice(AddressType, a.get('type'))})", _address(a))
                      for a in partner.get("addresses") or []]
            pairs += [(f"{_('Contact')} ({choice(ContactType, p.get('type'))})",
                       " ".join(str(p.get(k)) for k in ("title", "firstName", "lastName", "email", "telephone")
                                if p.get(k)))
                      for p in partner.get("contacts") or []]
            motivation = partner.get("motivation")
            if motivation:
                pairs += [(_("Organisation's thematic competences and experience"),
                           self.text(motivation.get("organizationRelevance"))),
                          (_("Role of the organisation in the project"), self.text(motivation.get("organizationRole"))),
                          (_("Experience"), self.text(motivation.get("organizationExperience")))]
            doc.fields(pairs)
            self.state_aid(c["state_aid"].get(str(partner["id"])))
            self.partner_finance(c["partner_finances"].get(partner["id"]))
        doc.heading(3, _("B.2 – Associated organisations"))
        for org in c["organizations"]:
            title = f"{org.get('sortNumber')}. {org.get('nameInOriginalLanguage') or ''}"
            if not org.get("active", True):
                title += " (" + _("inactive") + ")"
            doc.heading(4, title)
            pairs = [(_("Name in English"), org.get("nameInEnglish")),
                     (_("Partner"), self.partner((org.get("partner") or {}).get("id")))]
            if org.get("address"):
                pairs.append((_("Address"), _address(org["address"])))
            pairs.append((_("Role in the project"), self.text(org.get("roleDescription"))))
            doc.fields(pairs)
        if not c["organizations"]:
            doc.paragraph(_("None"), muted=True)

    def state_aid(self, aid: dict | None) -> None:
        """The partner's state-aid self-check, when any part of it is filled in: each criterion with its answer
        and justification, the relevant activities and the scheme."""
        if not aid:
            return
        pairs = []
        for number, question in STATE_AID_QUESTIONS:
            answer, justification = aid.get(f"answer{number}"), self.text(aid.get(f"justification{number}"))
            if answer is not None or justification:
                pairs.append((f"{number}. {question}", [_or_dash(None if answer is None else _("Yes") if answer
                                                                 else _("No")), justification]))
        if aid.get("activities"):
            pairs.append((_("Activities relevant for state aid"),
                          ", ".join(f"{a['workPackageNumber']}.{a['activityNumber']}" for a in aid["activities"])))
        if aid.get("stateAidId"):
            pairs.append((_("State-aid scheme (GBER or de minimis)"),
                          text_in(self.c["state_aid_schemes"].get(aid["stateAidId"]), self.lang)))
        if pairs:
            self.doc.heading(4, _("State aid"), outline=False)
            self.doc.fields(pairs)

    def partner_finance(self, finance: dict | None) -> None:
        """The partner's co-financing: each fund with its rate and amount, the partner contribution, and the
        origin of the contribution with each source's share of the total partner budget (finance-rules §2.5)."""
        if not finance:
            return
        doc = self.doc
        doc.table([_("Partner budget"), _("Amount")], [[label, money(amount)] for label, amount in finance["categories"]],
                  numeric_from=1, footer=[[_("Total budget"), money(finance["total"])]])
        rows = [[name, money(rate), money(amount)] for name, rate, amount in finance["funds"]]
        doc.table([_("Co-financing"), _("Co-financing rate (%)"), _("Amount")], rows, numeric_from=1,
                  footer=[[_("Total budget"), "", money(finance["total"])]])
        if finance["contributions"]:
            doc.table([_("Origin of the partner contribution"), _("Legal status"), _("Amount"),
                       _("% of total partner budget")],
                      [[name, status, money(amount), money(share)]
                       for name, status, amount, share in finance["contributions"]], numeric_from=2)

    def section_c(self) -> None:
        doc, description = self.doc, self.c["description"]
        c1, c2, c3 = (description.get(key) or {} for key in ("c1", "c2", "c3"))
        doc.heading(2, _("C – Project description"), new_page=True)
        doc.heading(3, _("C.1 – Overall objective"))
        doc.paragraph(self.text(c1.get("overallObjective")))
        doc.heading(3, _("C.2 – Relevance and context"))
        doc.fields([(_("Territorial challenges"), self.text(c2.get("territorialChallenge"))),
                    (_("Common challenge"), self.text(c2.get("commonChallenge"))),
                    (_("Transnational cooperation"), self.text(c2.get("transnationalCooperation"))),
                    (_("Available knowledge"), self.text(c2.get("availableKnowledge")))])
        pair_tables = [
            (_("Target groups"), [(choice(TargetGroup, row.get("group")), self.text(row.get("specification")))
                                  for row in c2.get("projectBenefits") or []]),
            (_("SPF recipients"), [(row.get("recipientGroup"), self.text(row.get("specification")))
                                   for row in c2.get("projectSpfRecipients") or []]),
            (_("Strategies"), [(row.get("strategy"), self.text(row.get("specification")))
                               for row in c2.get("projectStrategies") or []]),
            (_("Synergies"), [(self.text(row.get("synergy")), self.text(row.get("specification")))
                              for row in c2.get("projectSynergies") or []]),
        ]
        for title, rows in pair_tables:
            if rows:
                doc.heading(4, title, outline=False)
                doc.table(None, rows, widths=(0.3, 0.7))
        doc.heading(3, _("C.3 – Partnership"))
        doc.paragraph(self.text(c3.get("partnership")))
        self.work_plan()
        self.results_and_time_plan()
        self.management_and_long_term()

    def work_plan(self) -> None:
        doc = self.doc
        doc.heading(3, _("C.4 – Work plan"))
        for wp in self.c["work_packages"]:
            number = wp["number"]
            title = _("Work package %(number)s") % {"number": number} + ": " + self.text(wp.get("name"))
            if wp.get("deactivated"):
                title += " (" + _("deactivated") + ")"
            doc.heading(4, title)
            doc.fields([(_("Specific objective"), self.text(wp.get("specificObjective"))),
                        (_("Objective and target audience"), self.text(wp.get("objectiveAndAudience")))])
            for act in wp.get("activities") or []:
                code = f"{number}.{act['activityNumber']}"
                periods = _("Periods %(start)s to %(end)s") % {"start": _or_dash(act.get("startPeriod")),
                                                              "end": _or_dash(act.get("endPeriod"))}
                partners = ", ".join(self.partner(pid) for pid in act.get("partnerIds") or [])
                lines = [f"{periods}; {_('Partners')}: {partners}", self.text(act.get("description"))]
                lines += [f"{_('Deliverable')} {code}.{d['deliverableNumber']} ({_('period')} "
                          f"{_or_dash(d.get('period'))}): {self.text(d.get('title'))} – {self.text(d.get('description'))}"
                          for d in act.get("deliverables") or []]
                doc.fields([(f"{_('Activity')} {code}: {self.text(act.get('title'))}", lines)])
            for out in wp.get("outputs") or []:
                doc.fields([(f"{_('Output')} {number}.{out['outputNumber']}: {self.text(out.get('title'))}", [
                    f"{_('Indicator')} {out.get('programmeOutputIndicatorIdentifier') or ''}; {_('target value')} "
                    f"{out.get('targetValue') or ''}; {_('period')} {_or_dash(out.get('periodNumber'))}",
                    self.text(out.get("description"))])])
            for inv in wp.get("investments") or []:
                address = inv.get("address") or {}
                lines = [f"{_('Expected delivery period')}: {_or_dash(inv.get('expectedDeliveryPeriod'))}; "
                         f"{address.get('city') or ''} {address.get('country') or ''}"]
                lines += [self.text(inv.get(key)) for key in INVESTMENT_TEXTS]
                doc.fields([(f"{_('Investment')} {number}.{inv['investmentNumber']}: {self.text(inv.get('title'))}",
                             lines)])
        if not self.c["work_packages"]:
            doc.paragraph(_("None"), muted=True)

    def results_and_time_plan(self) -> None:
        c, doc = self.c, self.doc
        doc.heading(3, _("C.5 – Project results"))
        for result in c["results"]:
            doc.fields([(f"{_('Result')} {result.get('resultNumber')}: "
                         f"{result.get('programmeResultIndicatorIdentifier') or ''}", [
                             f"{_('Baseline')} {result.get('baseline') or ''}; {_('target value')} "
                             f"{result.get('targetValue') or ''}; {_('period')} {_or_dash(result.get('periodNumber'))}",
                             self.text(result.get("description"))])])
        if not c["results"]:
            doc.paragraph(_("None"), muted=True)
        doc.heading(3, _("C.6 – Time plan"))
        doc.time_plan([_("Activity"), _("Periods"), _("Periods 1 to %(period_count)s") % {
            "period_count": c["period_count"]}],
            [(f"{row['code']} {self.text(row['title'])}", f"{_or_dash(row['start'])}–{_or_dash(row['end'])}",
              (row["bar"]["left"], row["bar"]["width"]) if row["bar"] else None) for row in c["time_plan"]])

    def management_and_long_term(self) -> None:
        doc, description = self.doc, self.c["description"]
        c7, c8 = description.get("c7") or {}, description.get("c8") or {}
        principles = c7.get("projectHorizontalPrinciples") or {}

        def principle(effect_key, text_key):
            effect = choice(PrincipleEffect, principles.get(effect_key))
            return " ".join(v for v in (effect, self.text(c7.get(text_key))) if v)

        doc.heading(3, _("C.7 – Project management"))
        doc.fields([
            (_("Coordination"), self.text(c7.get("projectCoordination"))),
            (_("Quality assurance"), self.text(c7.get("projectQualityAssurance"))),
            (_("Communication"), self.text(c7.get("projectCommunication"))),
            (_("Financial management"), self.text(c7.get("projectFinancialManagement"))),
            (_("Joint development"), self.text(c7.get("projectJointDevelopmentDescription"))),
            (_("Joint implementation"), self.text(c7.get("projectJointImplementationDescription"))),
            (_("Joint staffing"), self.text(c7.get("projectJointStaffingDescription"))),
            (_("Joint financing"), self.text(c7.get("projectJointFinancingDescription"))),
            (_("Sustainable development"),
             principle("sustainableDevelopmentCriteriaEffect", "sustainableDevelopmentDescription")),
            (_("Equal opportunities"), principle("equalOpportunitiesEffect", "equalOpportunitiesDescription")),
            (_("Equality between men and women"), principle("sexualEqualityEffect", "sexualEqualityDescription")),
        ])
        doc.heading(3, _("C.8 – Long-term plans"))
        doc.fields([(_("Ownership"), self.text(c8.get("projectOwnership"))),
                    (_("Durability"), self.text(c8.get("projectDurability"))),
                    (_("Transferability"), self.text(c8.get("projectTransferability")))])

    def section_d(self) -> None:
        c, doc = self.c, self.doc
        doc.heading(2, _("D – Project budget"), new_page=True)
        doc.heading(3, _("Budget per partner"))
        doc.table([_("Partner"), _("Total budget"), _("% of total budget")],
                  [[row["label"], money(row["total"]), money(row["share"])] for row in c["partner_budgets"]],
                  numeric_from=1, footer=[[_("Total"), money(c["budget_total"]), money(100)]])
        per_fund = c["per_fund"]
        doc.heading(3, _("D.1 – Project budget per fund per partner"))
        lines = per_fund["lines"]
        doc.table([_("Partner"), *per_fund["funds"], _("Partner contribution"), _("Total eligible budget")],
                  [[line["label"], *(money(cell.value) for cell in line["row"].funds),
                    money(line["row"].total_partner_contribution), money(line["row"].total_eligible_budget)]
                   for line in lines], numeric_from=1, bold_rows=[i for i, line in enumerate(lines) if line["total"]])
        per_category = c["per_category"]
        doc.heading(3, _("D.2 – Project budget per cost category"))
        doc.table([_("Partner"), *per_category["columns"]],
                  [[line["label"], *map(money, line["values"])] for line in per_category["lines"]], numeric_from=1,
                  footer=[[_("Total"), *map(money, per_category["totals"])]])
        per_period = c["per_period"]
        doc.heading(3, _("D.3.1 – Project budget per period"))
        doc.table([_("Partner"), *per_period["periods"], _("Total")],
                  [[line["label"], *map(money, line["values"]), money(line["total"])] for line in per_period["lines"]],
                  numeric_from=1,
                  footer=[[_("Total"), *map(money, per_period["totals"]), money(per_period["grand_total"])]])
        for table in c["funds_per_period"]:
            doc.heading(3, _("D.3.2 – Funds per period") + ": " + str(table["title"]))
            doc.table([_("Fund"), *per_period["periods"], _("Total")],
                      [[line["label"], *map(money, line["values"]), money(line["total"])] for line in table["lines"]],
                      numeric_from=1)

    def section_e(self) -> None:
        c, doc = self.c, self.doc
        doc.heading(2, _("E – Lump sums and unit costs"))
        doc.heading(3, _("E.1 – Project lump sums"))
        for row in c["lump_sums"]:
            doc.fields([(f"{row.get('orderNr')}. {self.text(row['name'])} ({_('period')} {_or_dash(row.get('period'))})",
                         [f"{label}: {money(amount)}" for label, amount in row["shares"]])])
        if not c["lump_sums"]:
            doc.paragraph(_("None"), muted=True)
        doc.heading(3, _("E.2.1 – Unit costs proposed by the project"))
        for unit in c["unit_costs"]:
            doc.fields([(self.text(unit.get("name")), [
                self.text(unit.get("description")),
                f"{_('Unit type')}: {self.text(unit.get('type'))}; {_('cost per unit')}: {money(unit.get('costPerUnit'))}",
                self.text(unit.get("justification"))])])
        if not c["unit_costs"]:
            doc.paragraph(_("None"), muted=True)


INVESTMENT_TEXTS = ("justificationExplanation", "justificationTransactionalRelevance", "justificationBenefits",
                    "justificationPilot", "risk", "documentation", "documentationExpectedImpacts",
                    "ownershipSiteLocation", "ownershipRetain", "ownershipMaintenance")


def _address(address: dict) -> str:
    street = " ".join(str(address.get(k)) for k in ("street", "houseNumber") if address.get(k))
    place = " ".join(str(address.get(k)) for k in ("postalCode", "city") if address.get(k))
    return ", ".join(part for part in (street, place, address.get("country") or "") if part)


def write(context: dict, *, logo: bytes | None = None) -> bytes:
    """The PDF bytes of the application form described by `context`."""
    form = context["form"]
    doc = PdfDocument(title=f"{form.get('acronym') or ''} – {_('Application form')}",
                      language=context["language"].lower(), subject=str(context["call"].name))
    _Writer(context, doc).write(logo)
    return doc.build()
