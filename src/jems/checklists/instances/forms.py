"""Forms of the checklist pages: start a checklist, and the fill form built from the template components
(one field per answer property, named `c<component id>_<property>`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.checklists.components import JUSTIFICATION_MAX
from jems.checklists.models import ComponentType

from .answers import PROPERTIES, AnswerInput, options
from .models import DESCRIPTION_MAX


class StartForm(forms.Form):
    """Choose one of the assessment templates selected on the project's call."""

    template = forms.TypedChoiceField(label=_("Checklist"), coerce=int)

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [(t.pk, t.name) for t in templates]


def field_name(component_id: int, prop: str) -> str:
    return f"c{component_id}_{prop}"


def _field(component, prop: str) -> forms.Field:
    if prop == "answer":
        return forms.ChoiceField(label=_("Answer"), required=False, widget=forms.RadioSelect,
                                 choices=[(o, o) for o in options(component)])
    if prop == "explanation":
        limit = int(component.metadata.get("explanationMaxLength") or 1)
        return forms.CharField(label=component.metadata.get("explanationLabel") or _("Answer"), required=False,
                               strip=False, widget=forms.Textarea(attrs={"rows": 3, "maxlength": limit}),
                               help_text=_("At most %(max)s characters.") % {"max": limit})
    if prop == "score":
        return forms.CharField(label=_("Score"), required=False,
                               widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}))
    return forms.CharField(label=_("Justification"), required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 2, "maxlength": JUSTIFICATION_MAX}))


class AnswersForm(forms.Form):
    """The answers of every component and the description; read-only (disabled) when not fillable."""

    description = forms.CharField(label=_("Description"), required=False, max_length=DESCRIPTION_MAX,
                                  help_text=_("At most %(max)s characters.") % {"max": DESCRIPTION_MAX})

    def __init__(self, *args, instance, components, score_hint="", disabled=False, **kwargs):
        initial = {"description": instance.description}
        for component in components:
            answer = instance.answer(component.pk)
            for prop in PROPERTIES[ComponentType(component.type)]:
                initial[field_name(component.pk, prop)] = answer.get(prop) or ""
        super().__init__(*args, initial=initial, **kwargs)
        self.components = components
        for component in components:
            for prop in PROPERTIES[ComponentType(component.type)]:
                field = _field(component, prop)
                if prop == "score":
                    field.help_text = score_hint % {"weight": component.metadata.get("weight", "1")}
                self.fields[field_name(component.pk, prop)] = field
        if disabled:
            for field in self.fields.values():
                field.disabled = True

    def rows(self) -> list[dict]:
        """The components in order with their bound fields, for the template."""
        return [{"component": c, "fields": [self[field_name(c.pk, p)] for p in PROPERTIES[ComponentType(c.type)]]}
                for c in self.components]

    def answer_inputs(self) -> list[AnswerInput]:
        """The cleaned answers as service input (index = the component's place, as the service reports)."""
        inputs = []
        for index, component in enumerate(self.components):
            props = PROPERTIES[ComponentType(component.type)]
            if props:
                metadata = {p: self.cleaned_data.get(field_name(component.pk, p)) or None for p in props}
                inputs.append(AnswerInput(component_id=component.pk, metadata=metadata,
                                          path=f"components[{index}].instanceMetadata"))
        return inputs

    def field_map(self) -> dict[str, str]:
        """Service error paths → form field names."""
        return {f"components[{index}].instanceMetadata.{prop}": field_name(c.pk, prop)
                for index, c in enumerate(self.components) for prop in PROPERTIES[ComponentType(c.type)]}
