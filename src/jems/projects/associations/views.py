"""Pages of B.2: the list of associated organisations with "add", and the detail form of one organisation.
Editable while the form is editable for the user (projects.access); `?version=` shows a past version
read-only from its snapshot. A missing organisation or project, or one the user may not see, is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.translatable import from_api
from jems.core.views import app_view, apply_error
from jems.programme.languages import input_languages
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.navigation import project_context
from jems.projects.partners import queries as partner_queries
from jems.projects.partners.forms import CONTACT_PREFIXES
from jems.projects.partners.services import ADDRESS_LIMITS, CONTACT_LIMITS, AddressData, ContactData
from jems.projects.partners.views import _region_choices
from jems.projects.queries import version_snapshot

from . import queries, services
from .forms import OrganizationForm
from .models import MAX_ASSOCIATED_ORGANIZATIONS
from .queries import _camel


def _load(request, project_id, organization_id=None):
    """(access, version, version row or None, editable, organisation or None, all organisations) of a page."""
    version = request.GET.get("version") or None
    acc, rows = queries.organizations(actor=request.user, project_id=project_id, version=version)
    row, snapshot = version_snapshot(acc.project, version)
    editable = snapshot is None and acc.can_edit_form()
    organization = None
    if organization_id is not None:
        organization = next((o for o in rows if o["id"] == organization_id), None)
        if organization is None:
            raise services.not_found()
    if request.method == "POST" and not editable:
        raise PermissionDenied
    return acc, version, row if snapshot is not None else None, editable, organization, rows


def _context(acc, version, row, editable, organization=None):
    return {**project_context(acc, "associated", version), "editable": editable, "version_row": row,
            "version_query": f"?version={version}" if version else "", "organization": organization}


@require_http_methods(["GET"])
@app_view
def organization_list(request, project_id: int):
    acc, version, row, editable, _o, rows = _load(request, project_id)
    return render(request, "associations/list.html", {
        **_context(acc, version, row, editable), "organizations": rows,
        "contracted": acc.project.status in ALREADY_CONTRACTED,
        "can_add": editable and len(rows) < MAX_ASSOCIATED_ORGANIZATIONS})


def _initial(org):
    if not org:
        return {}
    initial = {"partner": org["partner"]["id"], "name_in_original_language": org["nameInOriginalLanguage"] or "",
               "name_in_english": org["nameInEnglish"] or "", "role_description": from_api(org["roleDescription"])}
    for name in ADDRESS_LIMITS:
        initial[name] = (org["address"] or {}).get(_camel(name)) or ""
    for prefix, type_, _label in CONTACT_PREFIXES:
        found = next((c for c in org["contacts"] if c["type"] == type_), None) or {}
        for name in CONTACT_LIMITS:
            initial[f"{prefix}_{name}"] = found.get(_camel(name)) or ""
    return initial


def _page(request, project_id, organization_id=None):
    acc, version, row, editable, org, _rows = _load(request, project_id, organization_id)
    if organization_id is None and not editable:
        raise PermissionDenied
    languages = input_languages()
    _acc, partners = partner_queries.project_partners(actor=request.user, project_id=acc.project.pk,
                                                      version=version)
    partner_choices = [(p["id"], f"{'LP' if p['role'] == 'LEAD_PARTNER' else 'PP'}{p['sortNumber']} "
                                 f"{p['abbreviation']}") for p in partners]
    if org and org["partner"]["id"] not in {p["id"] for p in partners}:
        partner_choices.append((org["partner"]["id"], org["partner"]["abbreviation"]))
    regions = _region_choices()
    form = OrganizationForm(request.POST if request.method == "POST" else None, initial=_initial(org),
                            languages=languages, partners=partner_choices, countries=regions[0], nuts2=regions[2],
                            nuts3=regions[3], disabled=not editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            names = {code: label for level in regions.values() for code, label in level}
            address_values = {n: d[n] for n in ADDRESS_LIMITS if n in d}
            address = None
            if any(address_values.values()):
                address = AddressData(type="", country=names.get(d["country_code"]) or None,
                                      nuts_region2=names.get(d["nuts_region2_code"]) or None,
                                      nuts_region3=names.get(d["nuts_region3_code"]) or None,
                                      **{n: v for n, v in address_values.items()
                                         if n not in ("country", "nuts_region2", "nuts_region3")})
            contacts, field_map = [], {}
            for prefix, type_, _label in CONTACT_PREFIXES:
                values = {n: d[f"{prefix}_{n}"] for n in CONTACT_LIMITS}
                if not any(values.values()):
                    continue
                field_map.update({f"contacts[{len(contacts)}].{_camel(n)}": f"{prefix}_{n}" for n in values})
                contacts.append(ContactData(type=type_, **values))
            field_map.update({"partnerId": "partner", "nameInOriginalLanguage": "name_in_original_language",
                              "nameInEnglish": "name_in_english"})
            field_map.update({f"address.{_camel(n)}": n for n in ADDRESS_LIMITS})
            field_map.update({f"roleDescription.language.{c.lower()}": "role_description" for c in languages})
            data = services.OrganizationData(
                partner_id=d["partner"], name_in_original_language=d["name_in_original_language"],
                name_in_english=d["name_in_english"], address=address, contacts=contacts,
                role_description=d["role_description"])
            try:
                if organization_id is None:
                    saved = services.create_organization(actor=request.user, project_id=acc.project.pk, data=data)
                else:
                    saved = services.update_organization(actor=request.user, project_id=acc.project.pk,
                                                         organization_id=organization_id, data=data)
            except ValidationFailed as error:
                apply_error(form, error, field_map)
            else:
                messages.success(request, _("The associated organisation was saved."))
                return redirect("project_associations:detail", project_id=acc.project.pk,
                                organization_id=saved.pk)
        status = 422
    return render(request, "associations/detail.html", {
        **_context(acc, version, row, editable, org), "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@app_view
def create(request, project_id: int):
    return _page(request, project_id)


@require_http_methods(["GET", "POST"])
@app_view
def detail(request, project_id: int, organization_id: int):
    return _page(request, project_id, organization_id)


@require_http_methods(["POST"])
@app_view
def delete(request, project_id: int, organization_id: int):
    """Delete an associated organisation of a form not yet contracted."""
    acc, *_rest = _load(request, project_id, organization_id)
    try:
        services.delete_organization(actor=request.user, project_id=acc.project.pk, organization_id=organization_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The associated organisation was deleted."))
    return redirect("project_associations:list", project_id=acc.project.pk)


@require_http_methods(["POST"])
@app_view
def deactivate(request, project_id: int, organization_id: int):
    """Deactivate an associated organisation of a contracted project (in a modification)."""
    acc, *_rest = _load(request, project_id, organization_id)
    try:
        services.deactivate_organization(actor=request.user, project_id=acc.project.pk,
                                         organization_id=organization_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The associated organisation was deactivated."))
    return redirect("project_associations:list", project_id=acc.project.pk)



