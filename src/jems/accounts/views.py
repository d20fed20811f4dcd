"""Account pages: login and logout, registration, password reset, profile, users and roles.

Each view parses the form, calls one service or query and renders; service refusals show as inline
errors next to the fields the user typed into (their input is kept).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jems.core.errors import Forbidden, JemsError
from jems.core.messages import text_for
from jems.core.pagination import PageRequest
from jems.core.views import app_view, apply_error, page_params, pager, public_view, system_menu

from . import queries, services
from .captcha import new_captcha, take_answer
from .forms import (
    STATUS_LABELS,
    ChangePasswordForm,
    ForgotPasswordForm,
    LanguageForm,
    LoginForm,
    NotificationsForm,
    RegisterForm,
    ResetPasswordForm,
    RoleForm,
    SetPasswordForm,
    UserFilterForm,
    UserForm,
    selected_privileges,
    tree_context,
)
from .models import UserStatus
from .privileges import Privilege as P

BACKEND = "jems.accounts.backends.EmailBackend"
USER_FIELDS = {"email": "email", "name": "name", "surname": "surname", "userRoleId": "role", "userStatus": "status"}
USER_SORT = {"name": "name", "surname": "surname", "email": "email", "role": "role__name", "status": "status"}
ROLE_SORT = {"name": "name", "id": "id"}
ALL_ROLES = PageRequest(0, 2000, ("name", "id"))


def _ui_language(code: str | None) -> str | None:
    """The UI language for a profile language, if the UI is translated into it."""
    code = (code or "").lower()
    return code if code in dict(settings.LANGUAGES) else None


def _remember_language(response, code: str | None):
    language = _ui_language(code)
    if language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                            path=settings.LANGUAGE_COOKIE_PATH, samesite="Lax")
    return response


def _safe_next(request) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return None


# --- login and logout ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@public_view
def login_view(request):
    if getattr(request, "session_expired", False):
        messages.warning(request, _("Your session expired. Please log in again."))
    if request.user.is_authenticated:
        return redirect(_safe_next(request) or reverse("core:dashboard"))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.authenticate(email=form.cleaned_data["email"], password=form.cleaned_data["password"])
        except JemsError as error:
            apply_error(form, error)
        else:
            auth_login(request, user, backend=BACKEND)
            services.record_login(user=user)
            response = redirect(_safe_next(request) or reverse("core:dashboard"))
            return _remember_language(response, user.language)
    return render(request, "accounts/login.html", {"form": form, "next": _safe_next(request) or ""})


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        services.record_logout(user=request.user)
    auth_logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("accounts:login")


# --- registration ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@public_view
def register(request):
    captcha_enabled = settings.CAPTCHA_ENABLED
    if "new_captcha" in request.POST:
        # "Show another picture" without JavaScript: keep what was typed, show no errors yet.
        kept = {k: request.POST.get(k, "") for k in ("email", "name", "surname")}
        form = RegisterForm(initial=kept, captcha_enabled=captcha_enabled)
    else:
        form = RegisterForm(request.POST or None, captcha_enabled=captcha_enabled)
    if request.method == "POST":
        expected = take_answer(request.session) if captcha_enabled else None
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            try:
                user = services.register_applicant(
                    email=data["email"], name=data["name"], surname=data["surname"], password=data["password"],
                    captcha=data.get("captcha"), expected_captcha=expected,
                )
            except JemsError as error:
                apply_error(form, error)
            else:
                return render(request, "accounts/register_done.html", {"email": user.email})
        if captcha_enabled and form.is_bound:
            # A new picture comes with every attempt: clear the old answer.
            form.data = form.data.copy()
            form.data["captcha"] = ""
    context = {"form": form, "captcha_image": new_captcha(request.session) if captcha_enabled else None}
    return render(request, "accounts/register.html", context)


@require_GET
def captcha_image(request):
    """A fresh captcha picture (htmx swaps it into the registration form)."""
    if not settings.CAPTCHA_ENABLED:
        raise PermissionDenied
    return render(request, "accounts/_captcha.html", {"captcha_image": new_captcha(request.session)})


@require_GET
@public_view
def registration_confirmation(request):
    try:
        user = services.confirm_registration(token=request.GET.get("token", ""))
    except JemsError as error:
        return render(request, "accounts/confirmation.html", {"error": text_for(error.key, error.args_)})
    return render(request, "accounts/confirmation.html", {"confirmed_email": user.email})


# --- password reset --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@public_view
def forgot_password(request):
    form = ForgotPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.send_password_reset_link(email=form.cleaned_data["email"])
        except JemsError as error:
            apply_error(form, error)
        else:
            return render(request, "accounts/forgot_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/forgot.html", {"form": form})


@require_http_methods(["GET", "POST"])
@public_view
def reset_password(request):
    if request.method == "POST":
        form = ResetPasswordForm(request.POST)
    else:
        form = ResetPasswordForm(initial={"token": request.GET.get("token", ""), "email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        try:
            services.reset_password_by_token(token=form.cleaned_data["token"], password=form.cleaned_data["password"])
        except JemsError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Your password is changed. You can log in with the new password."))
            return redirect("accounts:login")
    email = form["email"].value()
    return render(request, "accounts/reset.html", {"form": form, "email": email})


# --- profile ---------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def profile(request):
    user = request.user
    posted = request.POST.get("form") if request.method == "POST" else None
    language_form = LanguageForm(request.POST if posted == "language" else None,
                                 initial={"language": user.language or ""})
    password_form = ChangePasswordForm(request.POST if posted == "password" else None, prefix="pw")
    notifications_form = NotificationsForm(request.POST if posted == "notifications" else None,
                                           initial={"send_notifications_to_email": user.send_notifications_to_email})
    if posted == "language" and language_form.is_valid():
        try:
            services.update_profile(actor=user, language=language_form.cleaned_data["language"])
        except JemsError as error:
            apply_error(language_form, error)
        else:
            ui_language = _ui_language(user.language)
            if ui_language:
                translation.activate(ui_language)
            messages.success(request, _("Your language is saved."))
            return _remember_language(redirect("accounts:profile"), user.language)
    elif posted == "password" and password_form.is_valid():
        try:
            services.change_my_password(actor=user, password=password_form.cleaned_data["password"],
                                        old_password=password_form.cleaned_data["old_password"])
        except JemsError as error:
            apply_error(password_form, error, {"oldPassword": "old_password"})
        else:
            update_session_auth_hash(request, user)
            messages.success(request, _("Your password is changed."))
            return redirect("accounts:profile")
    elif posted == "notifications" and notifications_form.is_valid():
        try:
            services.update_user_settings(
                actor=user, user_id=user.pk,
                send_notifications_to_email=notifications_form.cleaned_data["send_notifications_to_email"])
        except JemsError as error:
            apply_error(notifications_form, error, {"sendNotificationsToEmail": "send_notifications_to_email"})
        else:
            messages.success(request, _("Your notification setting is saved."))
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {
        "language_form": language_form, "password_form": password_form, "notifications_form": notifications_form,
        "status_label": STATUS_LABELS.get(user.status, user.status),
    })


# --- users -----------------------------------------------------------------------------------------


def _system_context(request, key):
    return {"system_menu": system_menu(request.user), "system_active": key}


def _roles_for_picking(actor):
    try:
        roles, _total = queries.list_roles(actor=actor, page=ALL_ROLES)
    except Forbidden:
        return None
    return roles


@require_GET
@app_view
def user_list(request):
    actor = request.user
    paging = page_params(request, sort_fields=USER_SORT, default_sort="name", default_size=25)
    roles = _roles_for_picking(actor) if actor.has_privilege(P.UserRetrieve) else None
    filters = UserFilterForm(request.GET, roles=roles)
    data = filters.cleaned_data if filters.is_valid() else {}
    criteria = {
        "name": data.get("name") or None, "surname": data.get("surname") or None, "email": data.get("email") or None,
        "roles": [data["role"]] if data.get("role") else (), "statuses": [data["status"]] if data.get("status") else (),
    }
    ordering = (*paging["ordering"], "id")
    users, total = queries.search_users(actor=actor, page=PageRequest(paging["page"] - 1, paging["size"], ordering),
                                        **criteria)
    pages = pager(request, page=paging["page"], size=paging["size"], total=total)
    if not users and total and paging["page"] > pages["page"]:
        users, total = queries.search_users(
            actor=actor, page=PageRequest(pages["page"] - 1, paging["size"], ordering), **criteria)
    return render(request, "accounts/user_list.html", {
        "users": users, "filters": filters, "paging": paging, "pager": pages,
        "status_labels": STATUS_LABELS, "can_create": actor.has_privilege(P.UserCreate),
        **_system_context(request, "user"),
    })


@require_http_methods(["GET", "POST"])
@app_view
def user_create(request):
    actor = request.user
    if not actor.has_privilege(P.UserCreate):
        raise PermissionDenied
    roles = _roles_for_picking(actor) or []
    form = UserForm(request.POST or None, roles=roles, can_edit_role=True,
                    initial={"status": UserStatus.ACTIVE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_user(actor=actor, email=data["email"], name=data["name"], surname=data["surname"],
                                        role_id=data["role"], status=data["status"])
        except JemsError as error:
            apply_error(form, error, USER_FIELDS)
        else:
            messages.success(request, _("The user is created."))
            return redirect("accounts:user_detail", user_id=user.pk)
    return render(request, "accounts/user_detail.html", {
        "form": form, "creating": True, "can_edit": True, **_system_context(request, "user"),
    })


@require_http_methods(["GET", "POST"])
@app_view
def user_detail(request, user_id: int):
    actor = request.user
    subject = queries.get_user(actor=actor, user_id=user_id)
    can_edit = actor.has_privilege(P.UserUpdate)
    can_edit_role = can_edit and actor.has_privilege(P.UserUpdateRole)
    can_set_password = actor.has_privilege(P.UserUpdatePassword)
    roles = _roles_for_picking(actor)
    if roles is None:
        roles = [subject.role]
    posted = request.POST.get("form") if request.method == "POST" else None
    initial = {"email": subject.email, "name": subject.name, "surname": subject.surname, "role": subject.role_id,
               "status": subject.status}
    form = UserForm(request.POST if posted == "user" else None, initial=initial, roles=roles, can_edit=can_edit,
                    can_edit_role=can_edit_role)
    password_form = SetPasswordForm(request.POST if posted == "password" else None, prefix="pw")
    if posted == "user" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_user(actor=actor, user_id=subject.pk, email=data["email"], name=data["name"],
                                 surname=data["surname"], role_id=data["role"], status=data["status"])
        except JemsError as error:
            apply_error(form, error, USER_FIELDS)
        else:
            messages.success(request, _("The user is saved."))
            return redirect("accounts:user_detail", user_id=subject.pk)
    elif posted == "password" and password_form.is_valid():
        try:
            services.set_user_password(actor=actor, user_id=subject.pk, password=password_form.cleaned_data["password"])
        except JemsError as error:
            apply_error(password_form, error)
        else:
            messages.success(request, _("The password is set."))
            return redirect("accounts:user_detail", user_id=subject.pk)
    return render(request, "accounts/user_detail.html", {
        "form": form, "password_form": password_form, "subject": subject, "creating": False,
        "can_edit": can_edit, "can_set_password": can_set_password,
        **_system_context(request, "user"),
    })


# --- roles -----------------------------------------------------------------------------------------


@require_GET
@app_view
def role_list(request):
    actor = request.user
    if not actor.has_privilege(P.RoleRetrieve):
        raise PermissionDenied
    paging = page_params(request, sort_fields=ROLE_SORT, default_sort="name", default_size=25)
    roles, total = queries.list_roles(
        actor=actor, page=PageRequest(paging["page"] - 1, paging["size"], (*paging["ordering"], "id")))
    return render(request, "accounts/role_list.html", {
        "roles": roles, "paging": paging, "pager": pager(request, page=paging["page"], size=paging["size"], total=total),
        "can_create": actor.has_privilege(P.RoleCreate), **_system_context(request, "role"),
    })


def _role_page(request, *, role=None):
    actor = request.user
    creating = role is None
    can_edit = actor.has_privilege(P.RoleCreate if creating else P.RoleUpdate)
    if creating and not can_edit:
        raise PermissionDenied
    initial = {} if creating else {"name": role.name, "default_for_registered_user": role.default_for_registered_user}
    form = RoleForm(request.POST if request.method == "POST" else None, initial=initial, can_edit=can_edit)
    held = role.permissions if role else []
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        held = selected_privileges(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if creating:
                    role = services.create_role(actor=actor, name=data["name"], permissions=held,
                                                default_for_registered_user=data["default_for_registered_user"])
                else:
                    role = services.update_role(actor=actor, role_id=role.pk, name=data["name"], permissions=held,
                                                default_for_registered_user=data["default_for_registered_user"] or None)
            except JemsError as error:
                apply_error(form, error, {"defaultForRegisteredUser": "default_for_registered_user"})
            else:
                messages.success(request, _("The role is saved."))
                return redirect("accounts:role_detail", role_id=role.pk)
    return render(request, "accounts/role_detail.html", {
        "form": form, "role": role, "creating": creating, "can_edit": can_edit,
        "trees": tree_context(held, disabled=not can_edit), **_system_context(request, "role"),
    })


@require_http_methods(["GET", "POST"])
@app_view
def role_create(request):
    return _role_page(request)


@require_http_methods(["GET", "POST"])
@app_view
def role_detail(request, role_id: int):
    role = queries.get_role(actor=request.user, role_id=role_id)
    if not request.user.has_privilege(P.RoleRetrieve):
        raise PermissionDenied
    return _role_page(request, role=role)
