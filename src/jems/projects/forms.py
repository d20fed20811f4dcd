"""Forms of the project pages: apply (acronym), section A.1/A.2, collaborators and the list filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField

from . import services
from .models import ApplicationStatus, CollaboratorLevel
from .visibility import hide_fields


class ApplyForm(forms.Form):
    acronym = forms.CharField(label=_("Project acronym"), max_length=services.ACRONYM_MAX)


class IdentificationForm(forms.Form):
    """A.1 and A.2; the title and summary ask for each input language of the programme."""

    acronym = forms.CharField(label=_("Project acronym"), max_length=services.ACRONYM_MAX)
    title = None
    duration = forms.IntegerField(label=_("Duration in months"), required=False, min_value=1,
                                  max_value=services.DURATION_MAX)
    specific_objective = forms.ChoiceField(label=_("Programme priority / specific objective"), required=False)
    intro = None

    # form field -> configuration name of the fields the call may hide
    CONFIG = {"title": "PROJECT_TITLE", "duration": "PROJECT_DURATION", "specific_objective": "PROJECT_OBJECTIVE",
              "intro": "PROJECT_SUMMARY"}

    def __init__(self, *args, languages, objectives, visible=frozenset(CONFIG.values()), disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"] = TranslatableFormField(languages, max_length=services.TITLE_MAX, label=_("Project title"))
        self.fields["intro"] = TranslatableFormField(languages, max_length=services.INTRO_MAX, textarea=True,
                                                     label=_("Project summary (A.2)"))
        self.order_fields(["acronym", "title", "duration", "specific_objective", "intro"])
        self.fields["specific_objective"].choices = [("", _("— none —"))] + [
            (so.programme_objective_policy, f"{so.priority.code} / {so.code} – {so.get_programme_objective_policy_display()}")
            for so in objectives]
        if disabled:
            for field in self.fields.values():
                field.disabled = True
        hide_fields(self, self.CONFIG, visible)


class CollaboratorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), required=False)
    level = forms.ChoiceField(label=_("Level"), choices=CollaboratorLevel.choices)


CollaboratorFormSet = forms.formset_factory(CollaboratorForm, extra=1, can_delete=True)


class ProjectFilterForm(forms.Form):
    id = forms.CharField(label=_("Project ID"), required=False)
    acronym = forms.CharField(label=_("Acronym"), required=False)
    call = forms.TypedChoiceField(label=_("Call"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *ApplicationStatus.choices])

    def __init__(self, *args, calls=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].choices = [("", _("All calls"))] + [(c.pk, c.name) for c in calls]
