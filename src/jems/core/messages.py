"""English texts (translatable) for the i18n keys our services use, for the web UI's messages."""

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

TEXTS = {
    "authentication.bad.credentials": _("E-mail or password is not correct."),
    "authentication.account.locked": _("Your account is not confirmed yet. Please use the link in the confirmation e-mail."),
    "authentication.account.disabled": _("Your account is deactivated. Please contact the programme."),
    "authentication.failed": _("Login failed."),
    "authentication.account.login.blocked": _(
        "Too many failed logins for {email}. Logging in is blocked for {minutes} minutes."
    ),
    "common.error.field.required": _("This field is required."),
    "common.error.field.blank": _("This field may not be blank."),
    "common.error.field.max.length": _("At most {requiredLength} characters are allowed (now {actualLength})."),
    "common.error.input.invalid": _("Some entries are not valid. Please check the marked fields."),
    "common.error.access.denied": _("You do not have the privilege for this action."),
    "user.password.constraints.not.satisfied": _(
        "The password must have at least 10 characters and contain a lower-case letter, an upper-case letter and a digit."
    ),
    "user.password.old.not.match": _("The current password is not correct."),
    "user.email.wrong.format": _("Enter a valid e-mail address."),
    "user.email.not.unique": _("A user with this e-mail address already exists."),
    "user.role.not.found": _("This role does not exist."),
    "user.not.found": _("This user does not exist."),
    "user.last.administrator": _("The last administrator must keep the administrator role and stay active."),
    "user.registration.default.role.missing": _("Registration is not possible: no default role is set."),
    "captcha.not.valid": _("The text does not match the picture. Please try again."),
    "registration.confirmation.token.invalid": _("This confirmation link is not valid."),
    "registration.confirmation.token.expired": _("This confirmation link has expired. Please register again."),
    "registration.confirmation.already.confirmed": _("This account is already confirmed. You can log in."),
    "password.reset.token.invalid": _("This password reset link is not valid."),
    "password.reset.token.expired": _("This password reset link has expired. Please request a new one."),
    "role.name.not.unique": _("A role with this name already exists."),
    "role.not.found": _("This role does not exist."),
    "role.permission.unknown": _("Unknown privilege: {permission}."),
    "role.default.not.applicant": _("The default role for registration must allow creating applications."),
    "common.error.sort.property.unknown": _("Unknown sort property: {property}."),
    "profile.language.unknown": _("Unknown language."),
}


# --- Programme core (jems.programme): basic data, languages, translation files, funds, strategies,
# legal statuses, state aid, typology of errors. Appended by the programme-core area.
TEXTS.update({
    "programme.setup.locked": _("{what} is not possible: a call has been published, so the programme setup is locked."),
    "programme.data.year.range": _("Enter a year between {min} and {max}."),
    "programme.data.last.year.before.first": _("The last year cannot be before the first year."),
    "programme.data.eligible.until.before.from": _("The end of eligibility cannot be before its start."),
    "programme.data.flat.rate.range": _("Enter a rate between 0 and 100 with at most two decimals."),
    "programme.language.fallback.exactly.one": _("Choose exactly one fallback language."),
    "programme.language.input.min": _("Choose at least one input language."),
    "programme.language.input.max": _("Choose at most {max} input languages."),
    "programme.language.duplicate": _("A language is listed twice: {language}."),
    "programme.translation.file.required": _("Choose a file to upload."),
    "programme.translation.file.too.big": _("The file is larger than {maxSize} MB."),
    "programme.translation.file.unreadable": _("This is not a readable translation file (key=value lines, UTF-8)."),
    "programme.fund.max": _("There is maximum of {max} funds allowed in the system."),
    "programme.fund.abbreviation.required": _("Enter the abbreviation in at least one language."),
    "programme.fund.type.other.only": _("Funds added by the programme have the type Other."),
    "programme.fund.type.fixed": _("The type of a fund cannot be changed."),
    "programme.fund.predefined.not.removable": _("Predefined funds cannot be removed."),
    "programme.fund.predefined.text.fixed": _("The English text of a predefined fund cannot be changed."),
    "programme.legal.status.max": _("There is maximum of {max} legal statuses allowed."),
    "programme.legal.status.type.other.only": _("Legal statuses added by the programme have the type Other."),
    "programme.legal.status.type.fixed": _("The type of a legal status cannot be changed."),
    "programme.legal.status.predefined.not.removable": _("The legal statuses Public and Private cannot be removed."),
    "programme.legal.status.predefined.text.fixed": _(
        "The English description of the legal statuses Public and Private cannot be changed."),
    "programme.state.aid.max": _("There is maximum of {max} state aid schemes allowed."),
    "programme.state.aid.max.intensity.range": _("Enter a maximum intensity between 0 and 100 with at most two decimals."),
    "programme.state.aid.threshold.range": _("Enter a threshold of at least 0 with at most two decimals."),
    "programme.typology.errors.max": _("There is maximum of {max} typology of errors entries allowed."),
    "programme.typology.errors.description.required": _("Enter a description."),
    "programme.setup.changed.meanwhile": _(
        "Someone else saved a change here meanwhile. Your entries are kept: reload the page to see the current "
        "values, or save again to replace them with yours."),
    # Strategy labels (code-lists.md §4.3, label key programme.strategy.<CODE>).
    "programme.strategy.EUStrategyAdriaticIonianRegion": _("EU Strategy for the Adriatic and Ionian Region"),
    "programme.strategy.EUStrategyAlpineRegion": _("EU Strategy for the Alpine Region"),
    "programme.strategy.EUStrategyBalticSeaRegion": _("EU Strategy for the Baltic Sea Region"),
    "programme.strategy.EUStrategyDanubeRegion": _("EU Strategy for the Danube Region"),
    "programme.strategy.SeaBasinStrategyNorthSea": _("North Sea Region Strategy"),
    "programme.strategy.SeaBasinStrategyBlackSea": _("Common Maritime Agenda for the Black Sea"),
    "programme.strategy.SeaBasinStrategyBalticSea": _("Sea Basin Strategy: Baltic Sea"),
    "programme.strategy.SeaBasinStrategyArcticOcean": _(
        "A stronger EU engagement for a peaceful, sustainable and prosperous Arctic"),
    "programme.strategy.SeaBasinStrategyOutermostRegions": _(
        "A stronger and renewed strategic partnership with the EU's outermost regions"),
    "programme.strategy.SeaBasinStrategyAdriaticIonianSea": _("Sea Basin Strategy: Adriatic and Ionian Seas"),
    "programme.strategy.MediterraneanSeaBasin": _(
        "Initiative for the sustainable development of the blue economy in the western Mediterranean region"),
    "programme.strategy.AtlanticStrategy": _("Atlantic action plan 2.0"),
    "programme.strategy.EuropeanGreenDeal": _("European Green Deal"),
    "programme.strategy.TerritorialAgenda2030": _("Territorial Agenda 2030"),
    "programme.strategy.Other": _("Other"),
})


APPLICATION_STATUS = "jems.projects.models.ApplicationStatus"

# Arguments that carry a code of a code list: the web UI shows the code's label in the active language, the
# API error body keeps the code (i18nArguments). {key: {argument: dotted path of the TextChoices or dict}},
# imported on use so that the kernel imports no app.
CODE_ARGUMENTS = {
    "project.status.not.modifiable": {"status": APPLICATION_STATUS},
    "project.submit.status.not.allowed": {"status": APPLICATION_STATUS},
    "project.submit.previous.status.invalid": {"status": APPLICATION_STATUS, "previous": APPLICATION_STATUS},
    "project.status.action.not.allowed": {"status": APPLICATION_STATUS,
                                          "action": "jems.projects.assessment.transitions.ACTION_LABELS"},
    "project.assessment.status.not.allowed": {"status": APPLICATION_STATUS},
    "project.modification.request.status.not.allowed": {"status": APPLICATION_STATUS},
    "checklist.instance.status.unchanged": {"status": "jems.checklists.instances.models.ChecklistInstanceStatus"},
}


def _labelled(key: str, args: dict) -> dict:
    """The arguments with the codes of CODE_ARGUMENTS replaced by their labels."""
    codes = CODE_ARGUMENTS.get(key)
    if not codes:
        return args
    labelled = dict(args)
    for name, path in codes.items():
        labels = import_string(path)
        labels = dict(labels.choices) if hasattr(labels, "choices") else labels
        if labelled.get(name) in labels:
            labelled[name] = labels[labelled[name]]
    return labelled


def text_for(key: str | None, args: dict | None = None) -> str:
    """The user-facing text of an i18n key with its arguments filled in (the key itself if unknown); code
    arguments show as their labels."""
    if not key:
        return ""
    template = _override(key)
    if template is None:
        template = TEXTS.get(key)
    if template is None:
        return key
    try:
        return str(template).format(**_labelled(key, args or {}))
    except (KeyError, IndexError, ValueError, AttributeError):  # uploaded texts may have odd braces
        return str(template)


def _override(key: str) -> str | None:
    """The programme's uploaded text for the key in the active language (Programme → Translation management)."""
    from jems.programme.translations import override_text

    return override_text(key)


# --- Checklist templates (jems.checklists). Appended by the checklist-templates area.
TEXTS.update({
    "programme.checklist.not.found": _("This checklist does not exist."),
    "programme.checklist.component.not.found": _("This checklist component does not exist."),
    "programme.checklist.is.locked": _(
        "This checklist is in use (locked): only its texts can change and it cannot be deleted. "
        "Clone it to change its structure."),
    "programme.checklist.locked.frozen": _("This cannot change: the checklist is in use (locked)."),
    "programme.checklist.max.reached": _("The programme already has the maximum of {max} checklists."),
    "programme.checklist.components.max.reached": _("A checklist can have at most {max} components."),
    "programme.checklist.number.invalid": _("Enter a number."),
    "programme.checklist.number.out.of.range": _("Enter a number from {min} to {max}."),
    "programme.checklist.number.decimal.places": _("Use at most {places} decimal places."),
    "programme.checklist.max.score.below.min": _("The maximum score must not be lower than the minimum score."),
    "programme.checklist.component.metadata.type.mismatch": _("The component data must be of type {type}."),
    "programme.checklist.type.unknown": _("Unknown checklist type."),
    "programme.checklist.component.type.unknown": _("Unknown component type."),
})


# --- Priorities, indicators and simplified cost options (programme setup §2.2, §2.4, §2.9) ----------------
TEXTS.update({
    "programme.setup.number.invalid": _("Enter a number."),
    "programme.setup.number.out.of.range": _("Enter a number from {min} to {max}."),
    "programme.setup.number.decimals": _("At most {max} decimals are allowed."),
    "programme.priority.not.found": _("This priority does not exist."),
    "programme.priority.code.already.in.use": _("A priority with the code {code} already exists."),
    "programme.priority.specificObjectives.empty": _("Select at least one specific objective."),
    "programme.priority.specificObjective.invalid": _("Unknown specific objective: {policy}."),
    "programme.priority.specificObjective.duplicate": _("The specific objective {policy} is selected twice."),
    "programme.priority.specificObjective.wrong.objective": _(
        "The specific objective {policy} does not belong to the policy objective {objective}."),
    "programme.priority.specificObjective.already.in.use": _(
        "The specific objective {policy} already belongs to priority {priority}."),
    "programme.priority.specificObjective.code.already.in.use": _(
        "The code {code} is already used by another specific objective."),
    "programme.priority.specificObjective.used.by.indicator": _(
        "Specific objectives that indicators refer to cannot be removed: {policies}."),
    "programme.priority.used.by.indicator": _(
        "The priority cannot be deleted: indicators refer to its specific objectives {policies}."),
    "programme.priority.dimension.invalid": _("Unknown dimension: {dimension}."),
    "programme.priority.dimension.codes.too.many": _("You cannot add more than {max} dimension codes."),
    "programme.priority.dimension.code.invalid": _("The code {code} is not valid: the codes go from 001 to {max}."),
    "programme.indicator.not.found": _("This indicator does not exist."),
    "programme.indicator.identifier.already.in.use": _("An indicator with the ID {identifier} already exists."),
    "programme.indicator.specificObjective.not.set.up": _(
        "This specific objective is not set up in a priority of the programme."),
    "programme.indicator.result.not.found": _("This result indicator does not exist."),
    "programme.indicator.output.max.reached": _("The programme already has the maximum of {max} output indicators."),
    "programme.indicator.result.max.reached": _("The programme already has the maximum of {max} result indicators."),
    "programme.lumpSum.not.found": _("This lump sum does not exist."),
    "programme.unitCost.not.found": _("This unit cost does not exist."),
    "programme.costOption.category.invalid": _("Unknown cost category: {category}."),
    "lump.sum.categories.min.2": _("At least two cost categories need to be selected."),
    "lump.sum.max.allowed.reached": _("The programme already has the maximum of {max} lump sums."),
    "unit.cost.max.allowed.reached": _("The programme already has the maximum of {max} unit costs."),
    "unit.cost.foreign.currency.code.missing": _("Select the currency of the cost per unit in foreign currency."),
    "unit.cost.foreign.currency.code.invalid": _("{code} is not an ISO 4217 currency code."),
    "unit.cost.categories.exactly.1": _("One cost category needs to be selected."),
    "unit.cost.categories.office.not.allowed": _(
        "Office and administrative costs cannot be the single cost category of a unit cost."),
    "unit.cost.categories.min.2": _("At least two cost categories need to be selected."),
})


# --- NUTS regions, conversion rates, controller institutions (jems.nuts, jems.currency, jems.controllers) ---
TEXTS.update({
    "nuts.region.not.found": _("Unknown NUTS codes: {codes}."),
    "nuts.dataset.invalid": _("The NUTS data set could not be loaded: {reason}"),
    "currency.import.failed": _("The conversion rates for {year}-{month} could not be imported: {reason}"),
    "currency.year.invalid": _("The year must be between 2000 and 2100."),
    "currency.month.invalid": _("The month must be between 1 and 12."),
    "controller.institution.not.found": _("This controller institution does not exist."),
    "controller.institution.nuts.not.in.programme.area": _("These regions are not in the programme area: {codes}."),
    "controller.institution.user.not.found": _("There is no user with the e-mail {email}."),
    "controller.institution.user.not.monitor": _("{email} cannot be a controller: the role has no project-monitoring privilege."),
    "controller.institution.user.duplicate": _("{email} is listed twice."),
    "controller.institution.users.too.many": _("At most {max} users are allowed."),
    "controller.institution.partner.not.assignable": _("Partner {partnerId} is not a partner of a contracted project."),
    "project.partner.not.found": _("This partner does not exist."),
})


TEXTS.update({  # Checklist templates (jems.checklists), continued.
    "programme.checklist.changed.meanwhile": _(
        "Someone else saved a change here meanwhile. Your entries are kept: reload the page to see the "
        "current values, or save again to replace them with yours."),
})


TEXTS.update({  # Call notification configuration (jems.calls.notifications).
    "call.not.found": _("This call does not exist."),
    "call.notification.type.not.in.tab": _("The notification type {type} cannot be configured on this tab."),
    "call.notification.type.duplicate": _("The notification type {type} is listed twice."),
    "call.notification.changed.meanwhile": _(
        "Someone else saved these notification settings meanwhile. Your entries are kept: reload the page to "
        "see the current values, or save again to replace them with yours."),
})


TEXTS.update({  # Application-form configuration and call translations (jems.calls.form_config).
    "call.not.found": _("This call does not exist."),
    "call.form.config.invalid": _("Some field settings are not allowed. Please check the marked fields."),
    "call.form.config.field.unknown": _("Unknown application form field: {id}."),
    "call.form.config.field.duplicate": _("The field {id} is sent twice with different settings."),
    "call.form.config.option.not.allowed": _("This option is not allowed for this field (allowed: {allowed})."),
    "call.form.config.published.hidden": _("The call is published: a field that is shown cannot be hidden again."),
    "call.form.config.published.narrowed": _(
        "The call is published: a field available in steps 1 and 2 cannot be restricted to step 2."),
    "call.form.config.changed.meanwhile": _(
        "Someone else saved this configuration meanwhile. Your choices are kept: reload the page to see the "
        "current values, or save again to replace them with yours."),
    "call.translation.file.required": _("Choose a file to upload."),
    "call.translation.file.too.big": _("The file is larger than {maxSize} MB."),
    "call.translation.file.unreadable": _("This is not a readable translation file (key=value lines, UTF-8)."),
    "call.translation.file.not.found": _("There is no translation file for this call and language."),
    "call.translation.file.changed.meanwhile": _(
        "Someone else changed the translation file of this language meanwhile. Check the list and try again."),
})


# --- Calls core (jems.calls): general settings, budget settings, plugins, checklists, publishing, apply. ----
TEXTS.update({
    "call.not.found": _("This call does not exist."),
    "call.name.already.exists": _("A call with this name already exists."),
    "call.type.invalid": _("Choose the call type."),
    "call.type.fixed": _("The call type is fixed when the call is created."),
    "call.end.date.before.start": _("The end date must be after the start date."),
    "call.step1.end.date.outside": _("The end date of step 1 must be after the start date and before the end date."),
    "call.length.of.period.invalid": _("Length of a period should be between 1 and 99."),
    "call.objective.unknown": _("Choose specific objectives set up in the programme priorities."),
    "call.strategy.unknown": _("Choose strategies that are active in the programme."),
    "call.fund.unknown": _("Choose funds selected in the programme, each once."),
    "call.fund.rate.invalid": _("A co-financing rate must be between 0 and 100 with at most two decimals."),
    "call.state.aid.unknown": _("Choose state aid schemes of the programme."),
    "call.flat.rate.type.invalid": _("Unknown flat rate type."),
    "call.flat.rate.out.of.range": _("A flat rate must be a whole number between 1 and 100."),
    "call.lumpSums.unknown": _("Unknown programme lump sums: {ids}."),
    "call.unitCosts.unknown": _("Unknown programme unit costs: {ids}."),
    "call.checklist.unknown": _("Unknown checklists: {ids}."),
    "call.plugin.key.unknown": _("This plugin is not available for this check."),
    "call.already.published": _("The call is already published."),
    "call.publish.incomplete": _("The call cannot be published yet. Please complete the marked settings."),
    "call.publish.funds.missing": _("Select at least one fund before publishing."),
    "call.publish.objectives.missing": _("Select at least one specific objective before publishing."),
    "call.publish.plugin.missing": _("Select the pre-submission check before publishing."),
    "call.published.only.extensions": _("The call is published: it can only be extended."),
    "call.published.start.date.fixed": _("The call is published: the start date cannot change."),
    "call.published.length.of.period.fixed": _("The call is published: the period length cannot change."),
    "call.published.end.date.earlier": _("The call is published: the end date can only move later."),
    "call.published.steps.fixed": _("The call is published: a step-1 end date cannot be added or removed."),
    "call.published.objectives.removed": _("The call is published: specific objectives cannot be removed."),
    "call.published.strategies.removed": _("The call is published: strategies cannot be removed."),
    "call.published.funds.removed": _("The call is published: funds cannot be removed."),
    "call.published.state.aids.removed": _("The call is published: state aid schemes cannot be removed."),
    "call.published.flat.rate.fixed": _("The call is published: this flat rate cannot be changed or removed."),
    "call.published.lumpSums.removed": _("The call is published: lump sums cannot be removed."),
    "call.published.unitCosts.removed": _("The call is published: unit costs cannot be removed."),
    "call.published.switch.off": _("The call is published: this option cannot be switched off."),
    "call.not.open": _("This call opens on {start}."),
    "call.already.ended": _("The call “{name}” has ended: applying is no longer possible."),
})

TEXTS.update({  # Calls core (jems.calls), continued.
    "call.changed.meanwhile": _(
        "Someone else saved a change to this call meanwhile. Your entries are kept: reload the page to see the "
        "current values, or save again to replace them with yours."),
})

TEXTS.update({  # Projects foundation (jems.projects): apply, A.1/A.2, collaborators, assignments.
    "project.not.found": _("The application does not exist or you have no access to it."),
    "project.version.not.found": _("This version of the application does not exist."),
    "project.acronym.should.not.be.empty": _("Enter the project acronym."),
    "project.language.not.input.language": _("{language} is not an input language of the programme."),
    "project.duration.size.max": _("Enter a duration between 1 and {max} months."),
    "project.specific.objective.not.in.call": _("Choose a specific objective of the call."),
    "project.specific.objective.locked": _("The specific objective cannot change once the project is contracted."),
    "project.status.not.modifiable": _("The application form cannot be changed in the status {status}."),
    "project.collaborator.level.invalid": _("Choose VIEW, EDIT or MANAGE."),
    "project.collaborator.user.not.applicant": _(
        "{email} is not a registered user who may create applications."),
    "project.collaborators.manage.required": _("At least one user must keep the MANAGE level."),
    "project.assignment.user.not.assignable": _("These users cannot be assigned to projects: {userIds}."),
})

TEXTS.update({  # Project description C.1–C.3, C.7, C.8 (jems.projects.description).
    "project.description.table.max.rows": _("A table of section C.2 may have at most {max} rows."),
    "project.description.strategy.not.in.call": _("Choose a strategy of the call or Other."),
    "project.description.target.group.invalid": _("Choose a target group."),
    "project.description.effect.invalid": _("Choose positive effects, neutral or negative effects."),
})

TEXTS.update({  # Project partners B.1 (jems.projects.partners).
    "common.error.field.invalid.value": _("Choose one of the offered values."),
    "common.error.field.email.invalid": _("Enter a valid e-mail address."),
    "common.error.field.telephone.invalid": _("Use only digits and + ( ) / -."),
    "project.partner.not.exists": _("The partner does not exist."),
    "project.partner.abbreviation.should.not.be.empty": _("Enter the abbreviation of the partner."),
    "project.partner.abbreviation.already.existing": _("Another partner of this project has this abbreviation."),
    "project.partner.role.should.not.be.empty": _("Choose the role of the partner."),
    "project.partner.pic.should.be.digits": _("The PIC has digits only."),
    "project.partner.nace.invalid": _("Choose a NACE group level code."),
    "project.partner.legal.status.not.exists": _("Choose a legal status of the programme."),
    "project.partner.max.allowed.count.reached": _("A project may have at most {maxAmount} partners."),
    "project.partner.delete.contracted": _(
        "Partners of a contracted project cannot be deleted; deactivate them in a modification."),
    "project.partner.deactivate.not.contracted": _("Only partners of a contracted project can be deactivated."),
    "project.partner.already.deactivated": _("The partner is already deactivated."),
    "project.partner.id.should.not.be.empty": _("The partner id is missing."),
    "project.partner.address.nuts.invalid": _("Choose a region of the chosen country or region."),
})

# --- Application annexes (jems.projects.files) ---
TEXTS.update({
    "project.file.not.found": _("The file does not exist."),
    "project.file.category.not.supported": _("Files cannot be stored in this category."),
    "project.file.partner.not.found": _("Choose a partner of this project."),
    "project.file.name.empty": _("Choose a file to upload."),
    "project.file.size.too.big": _("The file is larger than {maxSize} MB."),
    "file.upload.message.duplicate": _("A file with this name already exists here."),
})

# --- B.2 associated organisations (jems.projects.associations) ---
TEXTS.update({
    "project.associated.organization.not.exists": _("The associated organisation does not exist."),
    "project.associated.organization.partner.should.not.be.empty": _(
        "Choose the partner the organisation is associated with."),
    "project.associated.organization.partner.not.of.project": _("Choose a partner of this project."),
    "project.associated.organization.name.should.not.be.empty": _(
        "Enter the name of the organisation in the original language."),
    "project.associated.organization.max.allowed.count.reached": _(
        "A project may have at most {maxAmount} associated organisations."),
    "project.associated.organization.delete.contracted": _(
        "Associated organisations of a contracted project cannot be deleted; deactivate them in a modification."),
    "project.associated.organization.deactivate.not.contracted": _(
        "Only associated organisations of a contracted project can be deactivated."),
    "project.associated.organization.already.deactivated": _("The associated organisation is already deactivated."),
    "project.associated.organization.id.should.not.be.empty": _("The associated organisation id is missing."),
})

# --- C.5 results and C.6 time plan (jems.projects.results) ---
TEXTS.update({
    "project.results.max.allowed.count.reached": _("A project may have at most {maxAmount} results."),
    "project.results.indicator.not.exists": _("Choose a result indicator of the programme."),
    "project.results.period.not.of.project": _("Choose a period of the project."),
    "project.results.deactivated.cannot.be.activated": _("A deactivated result cannot be activated again."),
    "project.results.deactivate.not.contracted": _("Only results of a contracted project can be deactivated."),
    "project.results.delete.contracted": _(
        "Results of a contracted project cannot be removed; deactivate them instead."),
})

# --- C.4 work plan (jems.projects.workpackages) ---
TEXTS.update({
    "project.workPackage.not.exists": _("The work package does not exist."),
    "project.workPackage.investment.not.exists": _("The investment does not exist."),
    "project.workPackage.max.allowed.reached": _("A project may have at most {maxAmount} work packages."),
    "project.workPackage.activity.max.allowed.reached": _("A work package may have at most {maxAmount} activities."),
    "project.workPackage.deliverable.max.allowed.reached": _("An activity may have at most {maxAmount} deliverables."),
    "project.workPackage.output.max.allowed.reached": _("A work package may have at most {maxAmount} outputs."),
    "project.workPackage.investment.max.allowed.reached": _(
        "A work package may have at most {maxAmount} investments."),
    "project.workPackage.delete.contracted": _(
        "Work packages of a contracted project cannot be deleted; deactivate them in a modification."),
    "project.workPackage.deactivate.not.contracted": _("Only work packages of a contracted project can be deactivated."),
    "project.workPackage.already.deactivated": _("The work package is already deactivated."),
    "project.workPackage.activity.delete.contracted": _(
        "Activities of a contracted project cannot be removed; deactivate them instead."),
    "project.workPackage.deliverable.delete.contracted": _(
        "Deliverables of a contracted project cannot be removed; deactivate them instead."),
    "project.workPackage.output.delete.contracted": _(
        "Outputs of a contracted project cannot be removed; deactivate them instead."),
    "project.workPackage.investment.delete.contracted": _(
        "Investments of a contracted project cannot be deleted; deactivate them instead."),
    "project.workPackage.period.invalid": _("Choose a period of the project (1 to {max})."),
    "project.workPackage.activity.end.before.start": _("The end period cannot be before the start period."),
    "project.workPackage.activity.partner.not.of.project": _("Choose partners of this project."),
    "project.workPackage.output.indicator.invalid": _("Choose a programme output indicator."),
    "project.workPackage.output.target.value.range": _("Enter a target value between 0 and {max}."),
    "project.workPackage.output.target.value.decimals": _("Enter a target value with at most 2 decimals."),
    "project.file.investment.not.found": _("Choose an investment of this project."),
})

# --- B.1 partner state-aid self-check and partner teams (jems.projects.partners) ---
TEXTS.update({
    "project.partner.state.aid.activity.not.allowed": _(
        "Choose only activities of this project in which the partner is involved."),
    "project.partner.state.aid.scheme.not.exists": _("Choose a state-aid scheme of the programme."),
    "project.partner.collaborator.user.not.found": _("There is no user with the e-mail {email}."),
    "project.partner.collaborator.user.not.active": _("The user {email} is not active."),
    "project.partner.collaborator.user.not.applicant": _(
        "The user {email} cannot join a partner team (only applicant users can)."),
    "project.partner.collaborator.level.invalid": _("Choose the level VIEW or EDIT."),
})

# --- Check & Submit (jems.projects.submission): submit refusals, plugins, the standard pre-submission check ---
TEXTS.update({
    "project.submit.status.not.allowed": _("An application in status {status} cannot be submitted."),
    "project.submit.previous.status.invalid": _(
        "The application cannot be submitted: its status {status} was reached from {previous}."),
    "project.submit.call.not.open": _("The call opens on {start}: the application cannot be submitted yet."),
    "project.submit.call.ended": _("The call “{name}” ended on {end}: the application can no longer be submitted."),
    "project.submission.check.failed": _(
        "The pre-submission check found errors. Run the check, complete the listed sections and submit again."),
    "project.check.blocked": _("The programme does not allow submitting applications in this call at the moment."),
    "plugin.not.found": _("The check “{pluginKey}” selected for this call is not installed."),
    "standard.check.section.a": _("A – Project identification"),
    "standard.check.section.b": _("B – Project partners"),
    "standard.check.section.c": _("C – Project description"),
    "standard.check.section.ok": _("No issues found."),
    "standard.check.period.out.of.range": _("Period {period} does not exist: the project has {last} periods."),
    "standard.check.a.acronym.missing": _("The project acronym is missing."),
    "standard.check.a.title.missing": _("The project title is missing in {languages}."),
    "standard.check.a.duration.missing": _("The project duration is missing."),
    "standard.check.a.objective.missing": _("The programme priority and specific objective are not chosen."),
    "standard.check.a.summary.missing": _("The project summary is missing in {languages}."),
    "standard.check.b.partner": _("Partner {partner}"),
    "standard.check.b.partner.none": _("There is no partner yet: add the lead partner."),
    "standard.check.b.lead.missing": _("There is no lead partner: exactly one partner must be the lead partner."),
    "standard.check.b.lead.many": _("There are {count} lead partners: exactly one partner must be the lead partner."),
    "standard.check.b.name.original.missing": _("The name of the organisation in the original language is missing."),
    "standard.check.b.name.english.missing": _("The name of the organisation in English is missing."),
    "standard.check.b.type.missing": _("The type of partner is missing."),
    "standard.check.b.subtype.missing": _("The sub-type of partner (state aid) is missing."),
    "standard.check.b.nace.missing": _("The sector of activity at NACE group level is missing."),
    "standard.check.b.legal.status.missing": _("The legal status is missing."),
    "standard.check.b.vat.recovery.missing": _("The answer to “Entitled to recover VAT?” is missing."),
    "standard.check.b.address.country.missing": _("Main address: the country is missing."),
    "standard.check.b.address.nuts.missing": _("Main address: the NUTS 3 region is missing."),
    "standard.check.b.address.street.missing": _("Main address: the street is missing."),
    "standard.check.b.address.house.number.missing": _("Main address: the house number is missing."),
    "standard.check.b.address.postal.code.missing": _("Main address: the postal code is missing."),
    "standard.check.b.address.city.missing": _("Main address: the city is missing."),
    "standard.check.b.representative.first.name.missing": _("Legal representative: the first name is missing."),
    "standard.check.b.representative.last.name.missing": _("Legal representative: the last name is missing."),
    "standard.check.b.contact.first.name.missing": _("Contact person: the first name is missing."),
    "standard.check.b.contact.last.name.missing": _("Contact person: the last name is missing."),
    "standard.check.b.contact.email.missing": _("Contact person: the e-mail address is missing."),
    "standard.check.b.contact.telephone.missing": _("Contact person: the telephone number is missing."),
    "standard.check.b.motivation.relevance.missing": _(
        "Motivation: the organisation's competences and experience are missing in {languages}."),
    "standard.check.b.motivation.role.missing": _("Motivation: the organisation's role is missing in {languages}."),
    "standard.check.b.motivation.experience.missing": _(
        "Motivation: the organisation's experience in projects is missing in {languages}."),
    "standard.check.b.state.aid.missing": _("State aid: not every question of the self-check is answered."),
    "standard.check.c1": _("C.1 – Project overall objective"),
    "standard.check.c1.objective.missing": _("The overall objective is missing in {languages}."),
    "standard.check.c2": _("C.2 – Project relevance and context"),
    "standard.check.c2.territorial.missing": _("C.2.1 territorial challenges are missing in {languages}."),
    "standard.check.c2.common.missing": _("C.2.2 how the project tackles the challenges is missing in {languages}."),
    "standard.check.c2.cooperation.missing": _("C.2.3 why cooperation is needed is missing in {languages}."),
    "standard.check.c2.target.group.none": _("C.2.4 add at least one target group."),
    "standard.check.c2.target.group.specification.missing": _(
        "C.2.4 target group {number}: the specification is missing in {languages}."),
    "standard.check.c2.recipient.group.none": _("C.2.4a add at least one recipient group."),
    "standard.check.c2.strategy.missing": _("C.2.5 strategy {number}: choose the strategy."),
    "standard.check.c2.knowledge.missing": _("C.2.7 how the project builds on available knowledge is missing in "
                                             "{languages}."),
    "standard.check.c3": _("C.3 – Project partnership"),
    "standard.check.c3.partnership.missing": _("The description of the partnership is missing in {languages}."),
    "standard.check.c4": _("C.4 – Project work plan"),
    "standard.check.c4.wp.none": _("Add at least one work package."),
    "standard.check.c4.output.none": _("The work plan has no output: add at least one output."),
    "standard.check.c4.wp": _("Work package {number}"),
    "standard.check.c4.wp.name.missing": _("The work package name is missing in {languages}."),
    "standard.check.c4.wp.objective.missing": _("The specific objective is missing in {languages}."),
    "standard.check.c4.wp.communication.missing": _(
        "The communication objective and target audience are missing in {languages}."),
    "standard.check.c4.activity.none": _("Add at least one activity."),
    "standard.check.c4.activity": _("Activity {wp}.{number}"),
    "standard.check.c4.activity.title.missing": _("The title is missing in {languages}."),
    "standard.check.c4.activity.description.missing": _("The description is missing in {languages}."),
    "standard.check.c4.activity.start.missing": _("The start period is missing."),
    "standard.check.c4.activity.end.missing": _("The end period is missing."),
    "standard.check.c4.activity.periods.order": _("The start period is after the end period."),
    "standard.check.c4.deliverable": _("Deliverable {wp}.{activity}.{number}"),
    "standard.check.c4.deliverable.title.missing": _("The title is missing in {languages}."),
    "standard.check.c4.deliverable.period.missing": _("The delivery period is missing."),
    "standard.check.c4.output": _("Output {wp}.{number}"),
    "standard.check.c4.output.title.missing": _("The title is missing in {languages}."),
    "standard.check.c4.output.indicator.missing": _("The programme output indicator is missing."),
    "standard.check.c4.output.target.missing": _("The target value is missing or not above zero."),
    "standard.check.c4.output.period.missing": _("The delivery period is missing."),
    "standard.check.c4.investment": _("Investment {wp}.{number}"),
    "standard.check.c4.investment.title.missing": _("The title is missing in {languages}."),
    "standard.check.c4.investment.period.missing": _("The expected delivery period is missing."),
    "standard.check.c5": _("C.5 – Project results"),
    "standard.check.c5.result.none": _("Add at least one result."),
    "standard.check.c5.result": _("Result {number}"),
    "standard.check.c5.result.indicator.missing": _("The programme result indicator is missing."),
    "standard.check.c5.result.target.missing": _("The target value is missing or not above zero."),
    "standard.check.c5.result.period.missing": _("The delivery period is missing."),
    "standard.check.c5.result.description.missing": _("The description is missing in {languages}."),
    "standard.check.c7": _("C.7 – Project management"),
    "standard.check.c7.coordination.missing": _("C.7.1 coordination is missing in {languages}."),
    "standard.check.c7.quality.missing": _("C.7.2 quality measures are missing in {languages}."),
    "standard.check.c7.communication.missing": _("C.7.3 the communication approach is missing in {languages}."),
    "standard.check.c7.financial.missing": _("C.7.4 financial management and reporting are missing in {languages}."),
    "standard.check.c7.criteria.insufficient": _(
        "C.7.5 joint development and joint implementation are required, together with joint staffing or joint "
        "financing (or both)."),
    "standard.check.c7.joint.development.description.missing": _(
        "C.7.5 joint development: the description is missing in {languages}."),
    "standard.check.c7.joint.implementation.description.missing": _(
        "C.7.5 joint implementation: the description is missing in {languages}."),
    "standard.check.c7.joint.staffing.description.missing": _(
        "C.7.5 joint staffing: the description is missing in {languages}."),
    "standard.check.c7.joint.financing.description.missing": _(
        "C.7.5 joint financing: the description is missing in {languages}."),
    "standard.check.c7.principles.missing": _(
        "C.7.6 choose the type of contribution for every horizontal principle."),
    "standard.check.c8": _("C.8 – Project long-term plans"),
    "standard.check.c8.ownership.missing": _("C.8.1 ownership is missing in {languages}."),
    "standard.check.c8.durability.missing": _("C.8.2 durability is missing in {languages}."),
    "standard.check.c8.transferability.missing": _("C.8.3 transferability is missing in {languages}."),
})

# --- D partner budget (jems.projects.budget): options and cost lists. ----------------------------------------
TEXTS.update({
    "project.partner.budget.number.invalid": _("Enter a number."),
    "project.partner.budget.number.negative": _("The value must not be negative."),
    "project.partner.budget.number.scale": _("Use at most {scale} decimal places."),
    "project.partner.budget.number.max": _("The value must not be greater than {max}."),
    "project.partner.budget.max.allowed": _("A cost list may have at most {max} rows."),
    "project.partner.budget.id.not.unique": _("Each row may appear only once."),
    "project.partner.budget.spf.not.spf.call": _("Small project fund costs exist only in SPF calls."),
    "project.partner.budget.flat.rate.replaces.category": _(
        "A flat rate covers this category; rows cannot be entered."),
    "project.partner.budget.unit.costs.not.allowed": _(
        "The call offers no unit cost covering more than one category."),
    "project.partner.budget.unit.cost.not.multi": _("Choose a unit cost covering more than one category."),
    "project.partner.budget.unit.cost.not.available": _("This unit cost cannot be used in this cost category."),
    "project.partner.budget.unit.cost.price.differs": _("The price per unit must be the unit cost's price {price}."),
    "project.partner.budget.real.costs.not.allowed": _(
        "The call allows only unit costs in this category: choose a unit cost."),
    "project.partner.budget.units.hidden": _(
        "The call does not use unit types and numbers of units here: the number of units must be 1."),
    "project.partner.budget.investment.not.found": _("Choose an investment of this project."),
    "project.partner.budget.periods.hidden": _("The call does not split the budget into periods."),
    "project.partner.budget.period.not.exists": _("Period {number} does not exist in this project."),
    "project.partner.budget.options.flat.rate.not.in.call": _("The call does not offer this flat rate."),
    "project.partner.budget.options.flat.rate.range": _("Enter a whole number from 1 to {max}."),
    "project.partner.budget.options.flat.rate.fixed": _("This flat rate is fixed at {rate} %."),
    "project.partner.budget.options.office.combination": _(
        "Choose only one office and administration flat rate."),
    "project.partner.budget.options.other.combination": _(
        "The other-costs flat rate cannot be combined with the staff, travel or office flat rates."),
    "project.partner.budget.options.contracted.switch": _(
        "After contracting a flat rate may change its value but cannot be switched on or off."),
})

# --- partner co-financing (jems.projects.cofinancing, finance-rules §2.2) ---
TEXTS.update({
    "project.partner.coFinancing.invalid": _("The co-financing could not be saved; please correct the fields."),
    "project.partner.coFinancing.maximum.lines": _("At most {max} co-financing lines (funds and the partner "
                                                   "contribution) are possible."),
    "project.partner.coFinancing.percentage.invalid": _(
        "Enter a percentage between 0 and 100 with at most 2 decimals."),
    "project.partner.coFinancing.fund.not.in.call": _("Choose one of the funds of the call."),
    "project.partner.coFinancing.fund.not.unique": _("Each fund may be chosen only once."),
    "project.partner.coFinancing.fund.type.invalid": _("Unknown co-financing line type."),
    "project.partner.coFinancing.percentage.not.call.rate": _("This fund's rate is fixed at {rate} %."),
    "project.partner.coFinancing.percentage.above.call.rate": _("The rate may not exceed {max} %."),
    "project.partner.coFinancing.one.and.only.partner.contribution": _(
        "There must be exactly one partner-contribution line."),
    "project.partner.coFinancing.additional.fund.not.allowed": _("The call allows only one fund per partner."),
    "project.partner.coFinancing.sum.invalid": _("The percentages must add up to exactly 100 %."),
    "project.partner.contribution.only.one.allowed": _("Only the partner's own contribution is possible in this "
                                                       "call."),
    "project.partner.contribution.one.and.only.partner.contribution": _(
        "Exactly one contribution must be the partner's own contribution."),
    "project.partner.contribution.name.is.mandatory": _("Enter the name of the source of contribution."),
    "project.partner.contribution.status.is.mandatory": _("Choose the legal status."),
    "project.partner.contribution.partner.status.invalid": _(
        "The partner's own contribution can only be Public or Private."),
    "project.partner.contribution.amount.is.mandatory": _("Enter the amount."),
    "project.partner.contribution.amount.invalid": _(
        "Enter an amount between 0 and 999 999 999.99 with at most 2 decimals."),
    "project.partner.contribution.sum.mismatch": _(
        "The contributions add up to {sum}; they must equal the partner contribution of {expected}."),
    "project.partner.spf.cofinancing.call.not.spf": _("SPF co-financing exists only in small project fund calls."),
})

# --- E lump sums and unit costs (jems.projects.lumpsums, finance-rules §3, features §4.10) ---
TEXTS.update({
    "project.lumpSum.max.allowed.reached": _("At most {max} lump sums are possible."),
    "project.lumpSum.not.offered.by.call": _("Choose one of the lump sums of the call."),
    "project.lumpSum.period.invalid": _("Choose Preparation, Closure or one of the project periods."),
    "project.lumpSum.partner.not.of.project": _("This partner is not a partner of the project."),
    "project.lumpSum.partner.duplicate": _("Each partner may have only one share of a lump sum."),
    "project.lumpSum.amount.invalid": _("Enter a valid amount, e.g. 1250.50."),
    "project.lumpSum.amount.out.of.range": _("Enter an amount between 0 and {max}."),
    "project.lumpSum.amount.decimals": _("Enter at most {max} decimals."),
    "project.lumpSum.splitting.not.allowed": _("This lump sum may not be split: only one partner may have an "
                                               "amount above 0."),
    "project.costOption.unitCost.not.allowed": _("The call does not allow the project to propose unit costs."),
    "project.costOption.unitCost.locked.after.contracting": _("Proposed unit costs can no longer be changed once "
                                                              "the project is contracted."),
    "project.costOption.unitCost.max.allowed.reached": _("At most {max} proposed unit costs are possible."),
    "project.costOption.unitCost.not.found": _("This unit cost was not proposed by the project."),
    "project.costOption.unitCost.in.use": _("A partner budget uses this unit cost; remove it from the budget "
                                            "first."),
})

# --- Standard pre-submission check: budget, co-financing and lump sums (jems.projects.submission.budget_check) ---
TEXTS.update({
    "standard.check.section.e": _("E – Project lump sums"),
    "standard.check.b.budget.total.not.positive": _("Budget: the total budget of the partner must be above 0."),
    "standard.check.b.budget.periods.not.split": _(
        "Budget: {category} row {number} is split over the periods as {split} instead of its total {sum}."),
    "standard.check.b.budget.flat.rate.not.offered": _(
        "Budget: the call no longer offers the flat rate “{name}” ({rate} %)."),
    "standard.check.b.budget.flat.rate.above.maximum": _(
        "Budget: the flat rate “{name}” of {rate} % is above the call's maximum of {max} %."),
    "standard.check.b.budget.flat.rate.not.fixed.rate": _(
        "Budget: the flat rate “{name}” must be the call's fixed rate of {fixed} % (it is {rate} %)."),
    "standard.check.b.budget.unit.cost.not.offered": _(
        "Budget: {category} row {number} uses a unit cost the call no longer offers."),
    "standard.check.b.budget.real.costs.not.allowed": _(
        "Budget: {category} row {number} is a real cost, but the call only allows unit costs in this category."),
    "standard.check.b.budget.spf.management.share": _(
        "Budget: the management budget may be at most 20 % of the management and small project fund budgets."),
    "standard.check.b.cofinancing.missing": _("Co-financing: no fund and no partner contribution are chosen."),
    "standard.check.b.cofinancing.fund.missing": _("Co-financing: no fund is chosen."),
    "standard.check.b.cofinancing.partner.line.missing": _("Co-financing: the partner contribution line is missing."),
    "standard.check.b.cofinancing.percentage.not.positive": _("Co-financing: every percentage must be above 0."),
    "standard.check.b.cofinancing.contribution.status.missing": _(
        "Co-financing: the legal status of a partner contribution is missing."),
    "standard.check.b.cofinancing.contribution.amount.not.positive": _(
        "Co-financing: every partner contribution needs an amount above 0."),
    "standard.check.b.cofinancing.contributions.do.not.match": _(
        "Co-financing: the contributions add up to {sum}; they must equal the partner contribution of {expected}."),
    "standard.check.b.cofinancing.fund.not.offered": _("Co-financing: the call no longer offers the fund {fund}."),
    "standard.check.b.cofinancing.fund.rate.above.maximum": _(
        "Co-financing: {fund} at {rate} % is above the call's maximum of {max} %."),
    "standard.check.b.cofinancing.fund.rate.not.fixed.rate": _(
        "Co-financing: {fund} must use the call's fixed rate of {fixed} % (it is {rate} %)."),
    "standard.check.b.spf.cofinancing.missing": _(
        "Small project fund co-financing: no fund and no partner contribution are chosen."),
    "standard.check.b.spf.cofinancing.fund.missing": _("Small project fund co-financing: no fund is chosen."),
    "standard.check.b.spf.cofinancing.partner.line.missing": _(
        "Small project fund co-financing: the partner contribution line is missing."),
    "standard.check.b.spf.cofinancing.percentage.not.positive": _(
        "Small project fund co-financing: every percentage must be above 0."),
    "standard.check.b.spf.cofinancing.contribution.status.missing": _(
        "Small project fund co-financing: the legal status of a contribution is missing."),
    "standard.check.b.spf.cofinancing.contribution.amount.not.positive": _(
        "Small project fund co-financing: every contribution needs an amount above 0."),
    "standard.check.b.spf.cofinancing.contributions.do.not.match": _(
        "Small project fund co-financing: the contributions add up to {sum}; they must equal {expected}."),
    "standard.check.b.spf.cofinancing.fund.not.offered": _(
        "Small project fund co-financing: the call no longer offers the fund {fund}."),
    "standard.check.b.spf.cofinancing.fund.rate.above.maximum": _(
        "Small project fund co-financing: {fund} at {rate} % is above the call's maximum of {max} %."),
    "standard.check.b.spf.cofinancing.fund.rate.not.fixed.rate": _(
        "Small project fund co-financing: {fund} must use the call's fixed rate of {fixed} % (it is {rate} %)."),
    "standard.check.e.lump.sum.not.offered": _("Lump sum {number}: the call no longer offers this lump sum."),
    "standard.check.e.lump.sum.not.fully.split": _(
        "Lump sum {number}: the partner shares do not add up to the cost of the lump sum."),
    "standard.check.e.lump.sum.period.missing": _("Lump sum {number}: the period is missing."),
})

TEXTS.update({  # Assessment checklist instances (jems.checklists.instances).
    "checklist.instance.not.found": _("The checklist {id} was not found."),
    "checklist.instance.template.not.selected": _(
        "Choose an assessment checklist selected in the project's call."),
    "checklist.instance.not.draft": _("Only a checklist in draft can be changed or deleted."),
    "checklist.instance.not.finished": _("Only a finished checklist can be consolidated or made visible."),
    "checklist.instance.status.unchanged": _("The checklist is already {status}."),
    "checklist.instance.consolidated": _("A consolidated checklist cannot return to draft."),
    "checklist.instance.answers.missing": _("Answer every option and give every score with its justification."),
    "checklist.instance.score.invalid": _("Enter a number."),
    "checklist.instance.score.out.of.range": _("The score must be between {min} and {max}."),
    "checklist.instance.score.decimal.places": _("The score may have at most {places} decimals."),
    "checklist.instance.option.invalid": _("Choose one of: {options}."),
    "checklist.instance.component.unknown": _("This question is not part of the checklist."),
    "checklist.instance.metadata.type.mismatch": _("The answer must be of type {type}."),
})

TEXTS.update({  # Notifications (jems.notifications).
    "notification.not.found": _("The notification was not found."),
})

TEXTS.update({  # Assessment and decisions, the project status machine (jems.projects.assessment).
    "project.status.action.not.allowed": _("The action {action} is not allowed in status {status}."),
    "project.decision.eligibility.assessment.missing": _(
        "Enter the eligibility assessment of step {step} before the eligibility decision."),
    "project.decision.quality.assessment.missing": _(
        "Enter the quality assessment of step {step} before the funding decision."),
    "project.decision.eligibility.decision.missing": _(
        "The funding decision needs the eligibility decision of step {step} with its date."),
    "project.decision.funding.before.eligibility": _(
        "The funding decision is before the eligibility decision ({eligibilityDate})."),
    "project.decision.call.step2.not.open": _("Step 2 of the call is not open (it ends on {end})."),
    "project.decision.date.mandatory": _("Enter the decision date."),
    "project.decision.date.in.future": _("The decision date may not be in the future."),
    "project.decision.entry.into.force.date.mandatory": _("Enter the entry into force date."),
    "project.decision.note.too.long": _("The note may have at most 10,000 characters."),
    "project.decision.correction.not.available": _("This correction is not available for the modification."),
    "project.assessment.result.invalid": _("Choose a result."),
    "project.assessment.note.too.long": _("The note may have at most 1,000 characters."),
    "project.assessment.status.not.allowed": _("The assessment cannot be entered in status {status}."),
    "project.assessment.already.concluded": _("The assessment of step {step} is already concluded."),
})

TEXTS.update({  # Modification requests (jems.projects.modifications, our addition).
    "project.modification.request.status.not.allowed": _(
        "A modification can be requested for an approved or contracted project (the project is {status})."),
    "project.modification.request.pending": _("A modification request is waiting for its answer."),
    "project.modification.request.answered": _("The request has already been answered."),
    "project.modification.request.not.found": _("The modification request was not found."),
    "project.modification.request.reason.empty": _("Enter the reason for the modification."),
    "project.modification.request.sections.empty": _("Choose at least one affected section."),
    "project.modification.request.sections.invalid": _("Choose sections A to E only."),
    "project.modification.request.file.invalid": _(
        "Attach only modification files you uploaded that belong to no other request."),
    "project.modification.request.note.empty": _("Enter the reason for declining."),
    "project.modification.comment.empty": _("Enter a comment."),
})

TEXTS.update({  # Programme data export (jems.programme.exports).
    "programme.data.export.plugin.not.found": _("Choose one of the installed programme data export plugins."),
    "programme.data.export.plugin.disabled": _("This export plugin is disabled; an administrator can enable it under System → Plugins."),
    "programme.data.export.language.invalid": _("Choose one of the system languages."),
    "programme.data.export.in.progress": _("An export of this plugin is still running; wait until it has finished."),
    "programme.data.export.file.not.found": _("There is no finished export file to download."),
})

TEXTS.update({  # Programme logo (jems.programme.logos).
    "programme.logo.file.required": _("Choose an image to upload."),
    "programme.logo.file.too.big": _("The image is larger than {maxSize}."),
    "programme.logo.file.type": _("Only PNG and JPEG images can be used as logo."),
    "programme.logo.image.unreadable": _("This image cannot be read: the file is damaged or incomplete."),
    "programme.logo.image.too.many.pixels": _("The image has more than {maxPixels} pixels."),
    "programme.logo.image.too.wide": _("The image is more than {ratio} times as wide as it is high."),
})


TEXTS.update({  # Plugin system (jems.plugins).
    "plugin.disabled": _("The plugin “{pluginKey}” is disabled; an administrator can enable it under System → Plugins."),
    "plugin.type.invalid": _("The plugin “{pluginKey}” is of type {type} and cannot be used here."),
    "plugin.failed": _("The plugin “{pluginKey}” failed: {reason}"),
    "call.plugin.key.disabled": _("This plugin is disabled; enable it under System → Plugins or choose another one."),
})
