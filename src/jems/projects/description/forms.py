"""Forms of the section C pages. Field names are the API keys of `parts` so that service errors
(`<key>.language.<code>`) map onto them directly."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jems.core.forms import TranslatableFormField
from jems.programme.codelists import Strategy

from . import parts
from .models import PrincipleEffect, TargetGroup

# API key -> (label, form-configuration field id)
LABELS = {
    "overallObjective": (_("Project overall objective"), "PROJECT_OVERALL_OBJECTIVE"),
    "territorialChallenge": (_("C.2.1 What are the common territorial challenges that will be tackled by the "
                               "project?"), "PROJECT_TERRITORIAL_CHALLENGES"),
    "commonChallenge": (_("C.2.2 How does the project tackle identified common challenges and/or opportunities "
                          "and what is new about the approach the project takes?"),
                        "PROJECT_HOW_ARE_CHALLENGES_AND_OPPORTUNITIES_TACKLED"),
    "transnationalCooperation": (_("C.2.3 Why is cooperation needed to achieve the project's objectives and "
                                   "results?"), "PROJECT_WHY_IS_COOPERATION_NEEDED"),
    "projectBenefits": (_("C.2.4 Who will benefit from your project outputs?"), "PROJECT_TARGET_GROUP"),
    "projectSpfRecipients": (_("C.2.4a Recipient groups of the small project fund"), "PROJECT_RECIPIENT_GROUP"),
    "projectStrategies": (_("C.2.5 Which strategies and policies does the project contribute to?"),
                          "PROJECT_STRATEGY_CONTRIBUTION"),
    "projectSynergies": (_("C.2.6 Which synergies with past or current EU and other projects or initiatives will "
                           "the project make use of?"), "PROJECT_SYNERGIES"),
    "availableKnowledge": (_("C.2.7 How does the project build on available knowledge?"),
                           "PROJECT_HOW_BUILDS_PROJECT_ON_AVAILABLE_KNOWLEDGE"),
    "partnership": (_("Project partnership"), "PROJECT_PARTNERSHIP"),
    "projectCoordination": (_("C.7.1 How will you coordinate your project?"), "PROJECT_COORDINATION"),
    "projectQualityAssurance": (_("C.7.2 Which measures will you take to ensure quality in your project?"),
                                "PROJECT_QUALITY_MEASURES"),
    "projectCommunication": (_("C.7.3 What will be the general approach you will follow to communicate about your "
                               "project?"), "PROJECT_COMMUNICATION_APPROACH"),
    "projectFinancialManagement": (_("C.7.4 How will you organise financial management and reporting?"),
                                   "PROJECT_FINANCIAL_MANAGEMENT_AND_REPORTING"),
    "projectOwnership": (_("C.8.1 Ownership of the project outputs"), "PROJECT_OWNERSHIP"),
    "projectDurability": (_("C.8.2 Durability of the project outputs"), "PROJECT_DURABILITY"),
    "projectTransferability": (_("C.8.3 Transferability of the project outputs"), "PROJECT_TRANSFERABILITY"),
}
CRITERIA_LABELS = {
    "projectJointDevelopment": _("Joint development"),
    "projectJointImplementation": _("Joint implementation"),
    "projectJointStaffing": _("Joint staffing"),
    "projectJointFinancing": _("Joint financing"),
}
PRINCIPLE_LABELS = {
    "sustainableDevelopmentCriteriaEffect": (_("Sustainable development"), "sustainableDevelopmentDescription"),
    "equalOpportunitiesEffect": (_("Equal opportunities and non-discrimination"), "equalOpportunitiesDescription"),
    "sexualEqualityEffect": (_("Equality between men and women"), "sexualEqualityDescription"),
}
TABLE_CONFIG = {"projectBenefits": "PROJECT_TARGET_GROUP", "projectSpfRecipients": "PROJECT_RECIPIENT_GROUP",
                "projectStrategies": "PROJECT_STRATEGY_CONTRIBUTION", "projectSynergies": "PROJECT_SYNERGIES"}


class TextsForm(forms.Form):
    """Translatable texts of one part; only the fields the call's configuration shows."""

    def __init__(self, *args, languages, spec: dict, visible: set[str], disabled=False, extra_labels=None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        extra_labels = extra_labels or {}
        for key, (_attr, limit) in spec.items():
            label, config = LABELS.get(key, (extra_labels.get(key), None))
            if config and config not in visible:
                continue
            self.fields[key] = TranslatableFormField(languages, max_length=limit, textarea=True, label=label,
                                                     disabled=disabled)


class ManagementForm(TextsForm):
    """C.7: texts, the four cooperation criteria with descriptions and the three horizontal principles."""

    def __init__(self, *args, languages, visible, disabled=False, **kwargs):
        described = {f"{k}Description": _("How will you fulfil this criterion?") for k in CRITERIA_LABELS}
        described |= {desc: _("Description") for _label, desc in PRINCIPLE_LABELS.values()}
        texts = {k: v for k, v in parts.C7_TEXTS.items() if k in LABELS}
        super().__init__(*args, languages=languages, spec=texts, visible=visible, disabled=disabled, **kwargs)
        self.criteria = []
        if "PROJECT_COOPERATION_CRITERIA" in visible:
            for key, label in CRITERIA_LABELS.items():
                self.fields[key] = forms.BooleanField(label=label, required=False, disabled=disabled)
                limit = parts.C7_TEXTS[f"{key}Description"][1]
                self.fields[f"{key}Description"] = TranslatableFormField(
                    languages, max_length=limit, textarea=True, disabled=disabled,
                    label=_("%(criterion)s: how will you fulfil it?") % {"criterion": label})
                self.criteria.append((key, f"{key}Description"))
        self.principles = []
        if "PROJECT_HORIZONTAL_PRINCIPLES" in visible:
            for key, (label, desc) in PRINCIPLE_LABELS.items():
                self.fields[key] = forms.ChoiceField(label=_("%(principle)s: type of contribution") % {
                    "principle": label}, required=False, choices=PrincipleEffect.choices, widget=forms.RadioSelect,
                    disabled=disabled)
                self.fields[desc] = TranslatableFormField(languages, max_length=parts.C7_TEXTS[desc][1],
                                                          textarea=True, disabled=disabled,
                                                          label=_("%(principle)s: description") % {"principle": label})
                self.principles.append((key, desc))
        self.texts = [k for k in texts if k in self.fields]

    def text_fields(self):
        return [self[k] for k in self.texts]

    def criteria_fields(self):
        return [(self[k], self[d]) for k, d in self.criteria]

    def principle_fields(self):
        return [(self[k], self[d]) for k, d in self.principles]


class RowForm(forms.Form):
    """One row of a C.2 table: the code (target group / strategy) if the table has one and its texts."""

    def __init__(self, *args, table: str, languages, strategies=(), disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        _attr, code_key, text_spec = parts.C2_TABLES[table]
        if code_key == "strategy":
            allowed = [s for s in Strategy if s.value in set(strategies)] + [Strategy.Other]
            self.fields[code_key] = forms.ChoiceField(label=_("Strategy"), required=False, disabled=disabled,
                                                      choices=[("", _("— choose —"))] + [(s.value, s.label)
                                                                                         for s in allowed])
        elif code_key:
            label = _("Target group") if code_key == "group" else _("Recipient group")
            self.fields[code_key] = forms.ChoiceField(label=label, choices=[("", _("— choose —"))]
                                                      + list(TargetGroup.choices), disabled=disabled)
        for text_key, limit in text_spec.items():
            label = _("Synergy") if text_key == "synergy" else _("Specification")
            self.fields[text_key] = TranslatableFormField(languages, max_length=limit, textarea=True, label=label,
                                                          disabled=disabled)

    def row(self) -> dict:
        data = dict(self.cleaned_data)
        for key, value in data.items():
            if value == "":
                data[key] = None
        return data
