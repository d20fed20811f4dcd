"""`{% plan_field bound %}`: the markup of `{% field bound %}` (jems_ui, template jems/field.html) written in Python
for the forms of hundreds of fields (C.4 activities and outputs, C.5 results). The field's context — its aria
attributes and rendered widget — comes from jems_ui itself; test_widgets checks that both tags give the same HTML."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from jems.core.templatetags.jems_ui import field as field_context

register = template.Library()

REQUIRED = '<span class="required" aria-hidden="true"> *</span>'


def _hint_and_errors(bound_field, hint, auto_id) -> str:
    out = f'\n  <p class="hint" id="{auto_id}_hint">{escape(str(hint))}</p>' if hint else ""
    if bound_field.errors:
        errors = " ".join(escape(str(error)) for error in bound_field.errors)
        out += f'\n  <p class="field__error" id="{auto_id}_error">{errors}</p>'
    return out


@register.simple_tag
def plan_field(bound_field, css=""):
    """One form field with its label, hint and inline error, as `{% field %}` writes it."""
    context = field_context(bound_field, css=css)
    auto_id = escape(str(context["auto_id"]))
    label = escape(str(bound_field.label))
    invalid = " field--invalid" if bound_field.errors else ""
    css = escape(str(css))
    notes = _hint_and_errors(bound_field, context["hint"], auto_id)
    widget = context["widget"]
    if context["is_group"]:
        required = REQUIRED if bound_field.field.required or getattr(bound_field.field, "translation_required",
                                                                     False) else ""
        return mark_safe(f'<fieldset class="field field--group{invalid} {css}">\n  <legend>{label}{required}</legend>'
                         f"{notes}\n  {widget}\n</fieldset>")
    if context["is_checkbox"]:
        return mark_safe(f'<div class="field field--checkbox{invalid} {css}">\n  {widget} <label for="{auto_id}">'
                         f"{label}</label>{notes}\n</div>")
    required = REQUIRED if bound_field.field.required else ""
    return mark_safe(f'<div class="field{invalid} {css}">\n  <label for="{auto_id}">{label}{required}</label>'
                     f"{notes}\n  {widget}\n</div>")
