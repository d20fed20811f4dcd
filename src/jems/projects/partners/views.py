"""Pages of B.1: the partner list with "add partner", and the identity / address / contact / motivation tabs.
Editable while the form is editable for the user (projects.access); `?version=` shows a past version
read-only from its snapshot. A missing partner or project, or one the user may not see, is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jems.core.errors import NotFound, ValidationFailed
from jems.core.messages import text_for
from jems.core.translatable import from_api
from jems.core.views import app_view, apply_error
from jems.nuts.models import NutsRegion
from jems.programme.languages import input_languages
from jems.programme.models import LegalStatus
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.navigation import project_context
from jems.projects.queries import version_snapshot
from jems.projects.visibility import hide_fields, visible_fields

from . import queries, services
from .forms import (
    ADDRESS_CONFIG,
    ADDRESS_PREFIXES,
    ADDRESS_TEXTS,
    CONTACT_CONFIG,
    CONTACT_PREFIXES,
    IDENTITY_CONFIG,
    MOTIVATION_CONFIG,
    AddressesForm,
    ContactsForm,
    IdentityForm,
    MotivationForm,
)
from .models import PartnerRole

TABS = (("identity", gettext_lazy("Identity"), "project_partners:identity"),
        ("region", gettext_lazy("Address"), "project_partners:region"),
        ("contact", gettext_lazy("Contact"), "project_partners:contact"),
        ("motivation", gettext_lazy("Motivation"), "project_partners:motivation"),
        ("stateAid", gettext_lazy("State aid"), "project_partners:state_aid"),
        ("budget", gettext_lazy("Budget"), "project_budget:partner_budget"),
        ("coFinancing", gettext_lazy("Co-financing"), "project_cofinancing:cofinancing"))
# The configurable fields of the state-aid tab (code lists, form configuration 83–85): the tab is shown when the
# call shows at least one of them.
STATE_AID_PARTS = {"criteria": "PARTNER_STATE_AID_CRITERIA_SELF_CHECK",
                   "activities": "PARTNER_STATE_AID_RELEVANT_ACTIVITIES", "scheme": "PARTNER_STATE_AID_SCHEME"}
CAMEL_TO_FIELD = {"abbreviation": "abbreviation", "role": "role", "nameInOriginalLanguage": "name_in_original_language",
                  "nameInEnglish": "name_in_english", "partnerType": "partner_type",
                  "partnerSubType": "partner_sub_type", "nace": "nace", "otherIdentifierNumber": "other_identifier_number",
                  "pic": "pic", "legalStatusId": "legal_status", "vat": "vat", "vatRecovery": "vat_recovery"}


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _translation_map(languages, *names):
    return {f"{camel}.language.{code.lower()}": _snake(camel) for camel in names for code in languages}


def _context(acc, version, row, editable, active_tab=None, partner=None):
    ctx = {**project_context(acc, "partners", version), "editable": editable, "version_row": row,
           "version_query": f"?version={version}" if version else "", "partner": partner, "active_tab": active_tab}
    if partner:
        shown = state_aid_parts(acc.project)
        visible = visible_fields(acc.project)
        hidden = {"stateAid"} if not shown else set()
        if not set(MOTIVATION_CONFIG.values()) & visible:
            hidden.add("motivation")
        if "PARTNER_BUDGET_AND_CO_FINANCING" not in visible:  # field 45 also holds sections D and E
            hidden |= {"budget", "coFinancing"}
        ctx["tabs"] = [(key, label, reverse(url, args=[acc.project.pk, partner["id"]]) + ctx["version_query"])
                       for key, label, url in TABS if key not in hidden]
    return ctx


def state_aid_parts(project) -> set[str]:
    """The parts of the state-aid tab the project's call shows ("criteria", "activities", "scheme")."""
    visible = visible_fields(project)
    return {part for part, name in STATE_AID_PARTS.items() if name in visible}


def _load(request, project_id, partner_id=None):
    """(access, version row or None, editable, partner data or None) of a page."""
    version = request.GET.get("version") or None
    acc, partners = queries.project_partners(actor=request.user, project_id=project_id, version=version)
    row, snapshot = version_snapshot(acc.project, version)
    editable = snapshot is None and acc.can_edit_form()
    partner = None
    if partner_id is not None:
        partner = next((p for p in partners if p["id"] == partner_id), None)
        if partner is None:
            raise NotFound(key="project.partner.not.exists", code="PP-ERR")
    if request.method == "POST" and not editable:
        raise PermissionDenied
    return acc, version, row if snapshot is not None else None, editable, partner, partners


@require_http_methods(["GET"])
@app_view
def partner_list(request, project_id: int):
    acc, version, row, editable, _p, partners = _load(request, project_id)
    return render(request, "partners/list.html", {**_context(acc, version, row, editable),
                                                  "partners": [queries.summary(p) for p in partners],
                                                  "contracted": acc.project.status in ALREADY_CONTRACTED,
                                                  "can_add": editable and len(partners) < 50})


@require_http_methods(["POST"])
@app_view
def delete(request, project_id: int, partner_id: int):
    """Delete a partner of a draft form (a contracted project's partners are deactivated instead)."""
    acc, *_rest = _load(request, project_id, partner_id)
    try:
        services.delete_partner(actor=request.user, partner_id=partner_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The partner was deleted."))
    return redirect("project_partners:list", project_id=acc.project.pk)


@require_http_methods(["POST"])
@app_view
def deactivate(request, project_id: int, partner_id: int):
    """Deactivate a partner of a contracted project (in a modification)."""
    acc, *_rest = _load(request, project_id, partner_id)
    try:
        services.deactivate_partner(actor=request.user, partner_id=partner_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The partner was deactivated."))
    return redirect("project_partners:list", project_id=acc.project.pk)


def _legal_statuses():
    rows = LegalStatus.objects.order_by("id")
    return [(s.pk, s.description.get("EN") or next(iter(s.description.values()), s.get_type_display()))
            for s in rows]


def _identity_initial(partner):
    if not partner:
        return {"role": PartnerRole.PARTNER}
    return {"abbreviation": partner["abbreviation"], "role": partner["role"],
            "name_in_original_language": partner["nameInOriginalLanguage"] or "",
            "name_in_english": partner["nameInEnglish"] or "",
            "department": {t["language"]: t["translation"] for t in partner["department"]},
            "partner_type": partner["partnerType"] or "", "partner_sub_type": partner["partnerSubType"] or "",
            "nace": partner["nace"] or "", "other_identifier_number": partner["otherIdentifierNumber"] or "",
            "other_identifier_description": {t["language"]: t["translation"]
                                             for t in partner["otherIdentifierDescription"]},
            "pic": partner["pic"] or "", "legal_status": partner["legalStatusId"], "vat": partner["vat"] or "",
            "vat_recovery": partner["vatRecovery"] or ""}


def _identity_page(request, project_id, partner_id=None):
    acc, version, row, editable, partner, _all = _load(request, project_id, partner_id)
    if partner_id is None and not editable:
        raise PermissionDenied
    languages = input_languages()
    form = IdentityForm(request.POST if request.method == "POST" else None, initial=_identity_initial(partner),
                        languages=languages, legal_statuses=_legal_statuses(), disabled=not editable)
    hide_fields(form, IDENTITY_CONFIG, visible_fields(acc.project))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            data = services.PartnerIdentity(
                abbreviation=d["abbreviation"], role=d["role"],
                name_in_original_language=d["name_in_original_language"], name_in_english=d["name_in_english"],
                department=d["department"], partner_type=d["partner_type"] or None,
                partner_sub_type=d["partner_sub_type"] or None, nace=d["nace"] or None,
                other_identifier_number=d["other_identifier_number"],
                other_identifier_description=d["other_identifier_description"], pic=d["pic"],
                legal_status_id=d["legal_status"], vat=d["vat"], vat_recovery=d["vat_recovery"] or None)
            try:
                if partner_id is None:
                    saved = services.create_partner(actor=request.user, project_id=acc.project.pk, data=data)
                else:
                    saved = services.update_partner(actor=request.user, partner_id=partner_id, data=data)
            except ValidationFailed as error:
                apply_error(form, error, CAMEL_TO_FIELD | _translation_map(
                    languages, "department", "otherIdentifierDescription"))
            else:
                messages.success(request, _("The partner was saved."))
                return redirect("project_partners:identity", project_id=acc.project.pk, partner_id=saved.pk)
        status = 422
    return render(request, "partners/identity.html", {
        **_context(acc, version, row, editable, "identity", partner), "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@app_view
def create(request, project_id: int):
    return _identity_page(request, project_id)


@require_http_methods(["GET", "POST"])
@app_view
def identity(request, project_id: int, partner_id: int):
    return _identity_page(request, project_id, partner_id)


def _region_choices():
    regions = NutsRegion.objects.filter(level__in=(0, 2, 3)).order_by("code").values_list("code", "name", "level")
    by_level = {0: [], 2: [], 3: []}
    for code, name, level in regions:
        by_level[level].append((code, f"{name} ({code})"))
    return by_level


@require_http_methods(["GET", "POST"])
@app_view
def region(request, project_id: int, partner_id: int):
    acc, version, row, editable, partner, _all = _load(request, project_id, partner_id)
    initial = {}
    for prefix, type_, _label in ADDRESS_PREFIXES:
        address = next((a for a in partner["addresses"] if a["type"] == type_), None) or {}
        for name in ("country_code", "nuts_region2_code", "nuts_region3_code", *(t[0] for t in ADDRESS_TEXTS)):
            initial[f"{prefix}_{name}"] = address.get(queries._camel(name)) or ""
    choices = _region_choices()
    form = AddressesForm(request.POST if request.method == "POST" else None, initial=initial,
                         countries=choices[0], nuts2=choices[2], nuts3=choices[3], disabled=not editable)
    hide_fields(form, ADDRESS_CONFIG, visible_fields(acc.project))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            names = {code: label for level in choices.values() for code, label in level}
            addresses, field_map = [], {}
            for prefix, type_, _label in ADDRESS_PREFIXES:
                values = {name[len(prefix) + 1:]: value for name, value in form.cleaned_data.items()
                          if name.startswith(prefix + "_")}
                if not any(values.values()):
                    continue
                index = len(addresses)
                field_map.update({f"addresses[{index}].{queries._camel(n)}": f"{prefix}_{n}" for n in values})
                addresses.append(services.AddressData(
                    type=type_, country=names.get(values["country_code"]) or None,
                    nuts_region2=names.get(values["nuts_region2_code"]) or None,
                    nuts_region3=names.get(values["nuts_region3_code"]) or None, **values))
            try:
                services.update_addresses(actor=request.user, partner_id=partner_id, addresses=addresses)
            except ValidationFailed as error:
                apply_error(form, error, field_map)
            else:
                messages.success(request, _("The addresses were saved."))
                return redirect("project_partners:region", project_id=acc.project.pk, partner_id=partner_id)
        status = 422
    return render(request, "partners/groups.html", {
        **_context(acc, version, row, editable, "region", partner), "form": form,
        "heading": _("Partner address")}, status=status)


@require_http_methods(["GET", "POST"])
@app_view
def contact(request, project_id: int, partner_id: int):
    acc, version, row, editable, partner, _all = _load(request, project_id, partner_id)
    initial = {}
    for prefix, type_, _label in CONTACT_PREFIXES:
        found = next((c for c in partner["contacts"] if c["type"] == type_), None) or {}
        for name in services.CONTACT_LIMITS:
            initial[f"{prefix}_{name}"] = found.get(queries._camel(name)) or ""
    form = ContactsForm(request.POST if request.method == "POST" else None, initial=initial, disabled=not editable)
    hide_fields(form, CONTACT_CONFIG, visible_fields(acc.project))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            contacts, field_map = [], {}
            for prefix, type_, _label in CONTACT_PREFIXES:
                values = {name[len(prefix) + 1:]: value for name, value in form.cleaned_data.items()
                          if name.startswith(prefix + "_")}
                if not any(values.values()):
                    continue
                index = len(contacts)
                field_map.update({f"contacts[{index}].{queries._camel(n)}": f"{prefix}_{n}" for n in values})
                contacts.append(services.ContactData(type=type_, **values))
            try:
                services.update_contacts(actor=request.user, partner_id=partner_id, contacts=contacts)
            except ValidationFailed as error:
                apply_error(form, error, field_map)
            else:
                messages.success(request, _("The contacts were saved."))
                return redirect("project_partners:contact", project_id=acc.project.pk, partner_id=partner_id)
        status = 422
    return render(request, "partners/groups.html", {
        **_context(acc, version, row, editable, "contact", partner), "form": form,
        "heading": _("Partner contacts")}, status=status)


@require_http_methods(["GET", "POST"])
@app_view
def motivation(request, project_id: int, partner_id: int):
    acc, version, row, editable, partner, _all = _load(request, project_id, partner_id)
    languages = input_languages()
    stored = partner["motivation"] or {}
    initial = {_snake(k): from_api(v) for k, v in stored.items()}
    form = MotivationForm(request.POST if request.method == "POST" else None, initial=initial, languages=languages,
                          disabled=not editable)
    hide_fields(form, MOTIVATION_CONFIG, visible_fields(acc.project))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.update_motivation(actor=request.user, partner_id=partner_id,
                                           relevance=d["organization_relevance"], role=d["organization_role"],
                                           experience=d["organization_experience"])
            except ValidationFailed as error:
                apply_error(form, error, _translation_map(languages, "organizationRelevance", "organizationRole",
                                                          "organizationExperience"))
            else:
                messages.success(request, _("The motivation was saved."))
                return redirect("project_partners:motivation", project_id=acc.project.pk, partner_id=partner_id)
        status = 422
    return render(request, "partners/motivation.html", {
        **_context(acc, version, row, editable, "motivation", partner), "form": form}, status=status)


