"""English texts (translatable) for the i18n keys our services use, for the web UI's messages."""

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


def text_for(key: str | None, args: dict | None = None) -> str:
    """The user-facing text of an i18n key with its arguments filled in (the key itself if unknown)."""
    if not key:
        return ""
    template = TEXTS.get(key)
    if template is None:
        return key
    try:
        return str(template).format(**(args or {}))
    except (KeyError, IndexError):
        return str(template)
