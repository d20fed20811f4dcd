"""Forms of the account pages. They only parse and render; the rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from jems.core.languages import SystemLanguage

from .models import UserStatus
from .privileges import TREES, Node

PASSWORD_HINT = _(
    "At least 10 characters with a lower-case letter, an upper-case letter and a digit."
)
STATUS_LABELS = {
    UserStatus.ACTIVE: _("Active"),
    UserStatus.INACTIVE: _("Inactive"),
    UserStatus.UNCONFIRMED: _("Unconfirmed"),
}


def email_field(**kwargs):
    return forms.CharField(label=_("E-mail"), max_length=255, widget=forms.EmailInput(), **kwargs)


def password_field(label, **kwargs):
    return forms.CharField(label=label, strip=False, widget=forms.PasswordInput(render_value=False), **kwargs)


class LoginForm(forms.Form):
    email = email_field()
    password = password_field(_("Password"))


class RegisterForm(forms.Form):
    email = email_field()
    name = forms.CharField(label=_("First name"), max_length=50)
    surname = forms.CharField(label=_("Last name"), max_length=50)
    password = password_field(_("Password"), help_text=PASSWORD_HINT)
    captcha = forms.CharField(label=_("Characters in the picture"), max_length=10, required=False)

    def __init__(self, *args, captcha_enabled=True, **kwargs):
        super().__init__(*args, **kwargs)
        if captcha_enabled:
            self.fields["captcha"].required = True
        else:
            del self.fields["captcha"]


class ForgotPasswordForm(forms.Form):
    email = email_field(help_text=_("We send a link to set a new password to this address."))


class NewPasswordForm(forms.Form):
    """A new password typed twice."""

    password = password_field(_("New password"), help_text=PASSWORD_HINT)
    password2 = password_field(_("Repeat the new password"))

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password2") is not None and data["password"] != data["password2"]:
            self.add_error("password2", _("The two passwords do not match."))
        return data


class ResetPasswordForm(NewPasswordForm):
    token = forms.CharField(widget=forms.HiddenInput())
    email = forms.CharField(widget=forms.HiddenInput(), required=False)

    field_order = ["token", "email", "password", "password2"]


class ChangePasswordForm(NewPasswordForm):
    old_password = password_field(_("Current password"))

    field_order = ["old_password", "password", "password2"]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Preferred language"),
        required=False,
        choices=[("", _("Programme default"))] + [(code, name) for code, name in SystemLanguage.choices],
        help_text=_("The user interface is shown in this language where a translation exists."),
    )


class NotificationsForm(forms.Form):
    send_notifications_to_email = forms.BooleanField(
        label=_("Send my notifications by e-mail as well"), required=False
    )


def status_choices():
    return [(value, STATUS_LABELS[value]) for value in UserStatus.values]


class UserForm(forms.Form):
    """Create or edit a user: the role list comes from the view."""

    email = email_field()
    name = forms.CharField(label=_("First name"), max_length=50)
    surname = forms.CharField(label=_("Last name"), max_length=50)
    role = forms.TypedChoiceField(label=_("Role"), coerce=int)
    status = forms.ChoiceField(label=_("Status"))

    def __init__(self, *args, roles=(), can_edit=True, can_edit_role=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.pk, role.name) for role in roles]
        self.fields["status"].choices = status_choices()
        if not can_edit:
            for field in self.fields.values():
                field.disabled = True
        elif not can_edit_role:
            self.fields["role"].disabled = True


class SetPasswordForm(NewPasswordForm):
    pass


class UserFilterForm(forms.Form):
    name = forms.CharField(label=_("First name"), required=False)
    surname = forms.CharField(label=_("Last name"), required=False)
    email = forms.CharField(label=_("E-mail"), required=False)
    role = forms.TypedChoiceField(label=_("Role"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        if roles is None:
            del self.fields["role"]
        else:
            self.fields["role"].choices = [("", _("Any role"))] + [(role.pk, role.name) for role in roles]
        self.fields["status"].choices = [("", _("Any status"))] + status_choices()


class RoleForm(forms.Form):
    name = forms.CharField(label=_("Role name"), max_length=127)
    default_for_registered_user = forms.BooleanField(
        label=_("Default role for users who register themselves"),
        required=False,
        help_text=_("Only one role is the default. To change it, mark another role as the default."),
    )

    def __init__(self, *args, can_edit=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_edit:
            for field in self.fields.values():
                field.disabled = True


# --- The role editor's privilege trees -------------------------------------------------------------

MODE_PREFIX = "mode-"
PRIVILEGE_FIELD = "privilege"


def _walk(node: Node):
    yield node
    for child in node.children:
        yield from _walk(child)


def pair_nodes():
    return [n for tree in TREES.values() for n in _walk(tree) if n.kind == "HIDDEN_VIEW_EDIT"]


def selected_privileges(data) -> list[str]:
    """The privileges chosen in a posted role editor: checked boxes plus the view / edit radios."""
    chosen = set(data.getlist(PRIVILEGE_FIELD))
    for node in pair_nodes():
        mode = data.get(MODE_PREFIX + node.view)
        if mode in ("view", "edit"):
            chosen.add(str(node.view))
        if mode == "edit":
            chosen.add(str(node.edit))
    return sorted(chosen)


def tree_context(held, *, disabled=False) -> list[dict]:
    """The three trees as nested dicts for the template, marked with what `held` contains."""
    held = {str(p) for p in held}

    def build(node: Node, path: str) -> dict:
        item = {"label": node.label, "kind": node.kind, "id": path, "disabled": disabled}
        if node.kind == "SECTION_HEADER":
            item["children"] = [build(child, f"{path}-{i}") for i, child in enumerate(node.children)]
        elif node.kind == "HIDDEN_VIEW_EDIT":
            item["name"] = MODE_PREFIX + node.view
            item["mode"] = "edit" if str(node.edit) in held else "view" if str(node.view) in held else "hidden"
        else:
            privilege = node.view or node.edit
            item["value"] = str(privilege)
            item["checked"] = str(privilege) in held
        return item

    return [build(tree, f"tree-{group}") | {"group": str(group)} for group, tree in TREES.items()]


# The labels of the role-editor trees, marked here so that makemessages collects them for the
# translations (tests check that this list and privileges.TREES stay in step).
TREE_LABELS = [
    gettext_noop("Top navigation bar"),
    gettext_noop("Dashboard"),
    gettext_noop("My partner reports"),
    gettext_noop("My project reports"),
    gettext_noop("My applications"),
    gettext_noop("Open calls"),
    gettext_noop("My notifications"),
    gettext_noop("Applications"),
    gettext_noop("All applications"),
    gettext_noop("Assign users to applications"),
    gettext_noop("Calls"),
    gettext_noop("Programme"),
    gettext_noop("Programme setup"),
    gettext_noop("Data export"),
    gettext_noop("Controllers"),
    gettext_noop("Institutions"),
    gettext_noop("All institutions (unlimited)"),
    gettext_noop("Assignment"),
    gettext_noop("All assignments (unlimited)"),
    gettext_noop("Payments"),
    gettext_noop("Payments to projects"),
    gettext_noop("Advance payments"),
    gettext_noop("Payment applications to EC"),
    gettext_noop("Payment export (audit)"),
    gettext_noop("Accounts"),
    gettext_noop("System"),
    gettext_noop("Users"),
    gettext_noop("User list"),
    gettext_noop("Create users"),
    gettext_noop("Edit users"),
    gettext_noop("Change user role"),
    gettext_noop("Set user passwords"),
    gettext_noop("Roles"),
    gettext_noop("Role list"),
    gettext_noop("Create roles"),
    gettext_noop("Edit roles"),
    gettext_noop("Audit log"),
    gettext_noop("Applicant side (projects the user collaborates on)"),
    gettext_noop("Create applications"),
    gettext_noop("Project privileges"),
    gettext_noop("Contracting"),
    gettext_noop("Project reporting schedule"),
    gettext_noop("Partner state aid"),
    gettext_noop("Shared folder"),
    gettext_noop("Create project reports"),
    gettext_noop("Programme side (all projects or assigned projects)"),
    gettext_noop("Application form"),
    gettext_noop("Application annexes"),
    gettext_noop("Check application form"),
    gettext_noop("Submit application"),
    gettext_noop("Assessment and decision"),
    gettext_noop("Assessment panel"),
    gettext_noop("Enter quality assessment"),
    gettext_noop("Enter eligibility assessment"),
    gettext_noop("Decide eligible"),
    gettext_noop("Decide ineligible"),
    gettext_noop("Decide approved"),
    gettext_noop("Decide approved with conditions"),
    gettext_noop("Decide not approved"),
    gettext_noop("Revert decision"),
    gettext_noop("Return to applicant"),
    gettext_noop("Start step 2"),
    gettext_noop("Assessment files"),
    gettext_noop("Fill assessment checklists"),
    gettext_noop("Consolidate assessment checklists"),
    gettext_noop("Checklists selected for the project"),
    gettext_noop("Modification"),
    gettext_noop("Modification panel"),
    gettext_noop("Approve modification"),
    gettext_noop("Reject modification"),
    gettext_noop("Open modification"),
    gettext_noop("Modification files"),
    gettext_noop("Contract monitoring"),
    gettext_noop("Contracts and agreements"),
    gettext_noop("Project managers"),
    gettext_noop("Partner details"),
    gettext_noop("Reporting"),
    gettext_noop("Partner reports"),
    gettext_noop("Re-open partner reports"),
    gettext_noop("Re-open certified control"),
    gettext_noop("Control checklists after control"),
    gettext_noop("Project reports"),
    gettext_noop("Re-open project reports"),
    gettext_noop("Verification"),
    gettext_noop("Finalise verification"),
    gettext_noop("Re-open verification"),
    gettext_noop("Audit and control"),
    gettext_noop("Audits and controls"),
    gettext_noop("Close audit or control"),
    gettext_noop("Close correction"),
    gettext_noop("Re-open audit or control"),
]
