"""Template tags of the UI shell: accessible form fields and sortable column headers."""

from django import forms, template
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("jems/field.html")
def field(bound_field, autocomplete=None, hint=None, css=""):
    """One form field with its label, hint and inline error; the input points at the hint and the error
    (aria-describedby) and says when it is invalid (aria-invalid). Fields the call's form configuration hides
    (`hidden_by_call`, see jems.projects.visibility) render nothing."""
    if getattr(bound_field.field, "hidden_by_call", False):
        return {"hidden": True}
    auto_id = bound_field.auto_id
    hint = hint or bound_field.help_text
    described = []
    if hint:
        described.append(f"{auto_id}_hint")
    if bound_field.errors:
        described.append(f"{auto_id}_error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if bound_field.field.required:
        attrs["aria-required"] = "true"
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    widget = bound_field.field.widget
    return {
        "field": bound_field,
        "widget": bound_field.as_widget(attrs=attrs),
        "hint": hint,
        "auto_id": auto_id,
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        # A widget of several inputs (e.g. one per input language) is a group: a fieldset with a legend.
        "is_group": isinstance(widget, forms.MultiWidget),
        "css": css,
    }


@register.inclusion_tag("jems/sort_header.html", takes_context=True)
def sort_header(context, prop, label):
    """A column header that sorts the list by `prop`; a second click reverses the order."""
    request = context["request"]
    paging = context["paging"]
    active = paging["sort"] == prop
    direction = "desc" if active and paging["direction"] == "asc" else "asc"
    params = request.GET.copy()
    params["sort"] = f"{prop},{direction}"
    params.pop("page", None)
    if active:
        aria_sort = "ascending" if paging["direction"] == "asc" else "descending"
    else:
        aria_sort = None
    return {
        "label": label,
        "href": "?" + params.urlencode(),
        "aria_sort": aria_sort,
        "active": active,
        "direction": paging["direction"],
        "hint": _("sort descending") if direction == "desc" else _("sort ascending"),
    }


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The current list URL showing another page."""
    params = context["request"].GET.copy()
    params["page"] = page
    return "?" + params.urlencode()


@register.filter
def field_error_list(form):
    """(bound field, message) for every inline error of the visible fields of a form."""
    return [(bf, error) for bf in form.visible_fields() for error in bf.errors]
