"""Forms of the Assessment & Decision page: an assessment (result + note) and a decision (date, note,
entry-into-force date for modification approvals)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EligibilityResult, QualityResult
from .services import ASSESSMENT_NOTE_MAX, NOTE_MAX

# service field names → form field names
FIELD_MAP = {"entryIntoForceDate": "entry_into_force_date"}


class AssessmentForm(forms.Form):
    """Eligibility or quality assessment of the current step."""

    result = forms.ChoiceField(label=_("Result"), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, max_length=ASSESSMENT_NOTE_MAX,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        self.fields["result"].choices = (EligibilityResult if kind == "eligibility" else QualityResult).choices


class DecisionForm(forms.Form):
    """A status action with a decision payload; without it the form has no fields (a plain button)."""

    date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs={"type": "date"}))
    entry_into_force_date = forms.DateField(label=_("Entry into force date"),
                                            widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), required=False, max_length=NOTE_MAX,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, row, **kwargs):
        super().__init__(*args, prefix=row.action, **kwargs)
        if not row.decision:
            self.fields.clear()
        elif not row.entry_into_force:
            del self.fields["entry_into_force_date"]
