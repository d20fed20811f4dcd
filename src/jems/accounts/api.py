"""Jems-compatible API of accounts: AuthenticationApi, UserApi, UserRoleApi, UserProfileApi,
UserRegistrationApi and CaptchaApi (paths, JSON names and statuses of the Jems v10 contract).

Handlers parse, call one service or query function and render; rules and permissions live in
`services` and `queries`.
"""

import json
import uuid

from django.conf import settings
from django.contrib.auth import login as start_session
from django.contrib.auth import logout as end_session
from django.http import HttpResponse
from ninja import Body, Query, Router

from jems.api.schemas import (
    EmptyBody,
    PageParams,
    json_body,
    json_scalar,
    raw_text,
    require_not_blank,
    text_body,
)
from jems.core.pagination import page_request, spring_page

from . import captcha, queries, services
from .schemas import (
    CaptchaDTO,
    InputUserProfile,
    LoginRequest,
    OutputCurrentUser,
    OutputUserProfile,
    PageUserRoleSummaryDTO,
    PageUserSummaryDTO,
    PasswordDTO,
    ResetPasswordByTokenRequestDTO,
    UserChangeDTO,
    UserDTO,
    UserRegistrationDTO,
    UserRoleCreateDTO,
    UserRoleDTO,
    UserSearchRequestDTO,
    UserSettingsChangeDTO,
    UserSettingsDTO,
    UserSummaryDTO,
    current_user,
    profile,
    role_dto,
    role_summary,
    user_dto,
    user_summary,
)

auth_router = Router(tags=["authentication"])
user_router = Router(tags=["user"])
role_router = Router(tags=["user"])
profile_router = Router(tags=["user"])
registration_router = Router(tags=["user"])
captcha_router = Router(tags=["user"])


def _values(items) -> list[str]:
    return [str(getattr(item, "value", item)) for item in items]


# --- AuthenticationApi (/api/auth, public) -------------------------------------------------------------


@auth_router.post("/login", auth=None, response={200: OutputCurrentUser}, by_alias=True, operation_id="login",
                  summary="Logs in the user with the given credentials")
def login(request, response: HttpResponse, credentials: LoginRequest):
    require_not_blank(email=credentials.email, password=credentials.password)
    user = services.authenticate(email=credentials.email, password=credentials.password)
    start_session(request, user)
    services.record_login(user=user)
    if user.language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language.lower(), samesite="Lax")
    return current_user(user)


@auth_router.get("/current", auth=None, response={200: OutputCurrentUser}, by_alias=True,
                 operation_id="getCurrentUser", summary="Returns the current user")
def get_current_user(request):
    return current_user(request.user)


@auth_router.post("/logout", auth=None, response={200: None}, operation_id="logout",
                  summary="Logs out the current user")
def logout(request):
    if request.user.is_authenticated and not getattr(request, "basic_auth", False):
        services.record_logout(user=request.user)
    end_session(request)
    return None


@auth_router.post("/password/resetLink", auth=None, response={200: None}, operation_id="sendPasswordResetLinkToEmail",
                  summary="send password reset link to email address", openapi_extra=text_body())
def send_password_reset_link(request):
    services.send_password_reset_link(email=raw_text(request))
    return None


@auth_router.post("/password/reset", auth=None, response={200: None}, operation_id="AuthenticationApi_resetPassword",
                  summary="reset password")
def reset_password(request, reset: ResetPasswordByTokenRequestDTO):
    services.reset_password_by_token(token=reset.token, password=reset.password)
    return None


# --- UserApi (/api/user) ---------------------------------------------------------------------------------


def _search_users(request, paging: PageParams, search: UserSearchRequestDTO | None):
    search = search or UserSearchRequestDTO()
    page = page_request(paging.page, paging.size, paging.sort, queries.USER_SORT_FIELDS)
    users, total = queries.search_users(actor=request.user, page=page, name=search.name, surname=search.surname,
                                        email=search.email, roles=search.roles,
                                        statuses=_values(search.user_statuses))
    return spring_page([user_summary(u) for u in users], total, page)


@user_router.post("/list", response={200: PageUserSummaryDTO}, by_alias=True, operation_id="UserApi_list",
                  summary="Returns the users")
def list_users(request, paging: Query[PageParams], search: Body[UserSearchRequestDTO] = None):
    return _search_users(request, paging, search)


@user_router.get("", response={200: PageUserSummaryDTO}, by_alias=True, operation_id="listUsersGet",
                 summary="Returns the users (convenience GET of POST /api/user/list without filters; not in Jems)")
def list_users_get(request, paging: Query[PageParams]):
    return _search_users(request, paging, None)


@user_router.post("", response={200: UserDTO}, by_alias=True, operation_id="createUser", summary="Creates new User")
def create_user(request, user: UserChangeDTO):
    created = services.create_user(actor=request.user, email=user.email, name=user.name, surname=user.surname,
                                   role_id=user.user_role_id, status=user.user_status.value)
    return user_dto(created)


@user_router.put("", response={200: UserDTO}, by_alias=True, operation_id="updateUser", summary="Updates a User")
def update_user(request, user: UserChangeDTO):
    updated = services.update_user(actor=request.user, user_id=user.id, email=user.email, name=user.name,
                                   surname=user.surname, role_id=user.user_role_id, status=user.user_status.value)
    return user_dto(updated)


@user_router.get("/byId/{id}", response={200: UserDTO}, by_alias=True, operation_id="UserApi_getById",
                 summary="Returns a user by id")
def get_user(request, id: int):
    return user_dto(queries.get_user(actor=request.user, user_id=id))


@user_router.put("/byId/{userId}/password", response={200: None}, operation_id="UserApi_resetPassword",
                 summary="Changes password of any user (admin only)",
                 openapi_extra=json_body({"type": "string"}, "String body: the raw request text is taken verbatim "
                                                             "(no JSON quoting/unquoting)."))
def set_user_password(request, userId: int):  # noqa: N803  (the contract's path variable name)
    services.set_user_password(actor=request.user, user_id=userId, password=raw_text(request))
    return None


@user_router.put("/changeMyPassword", response={200: None}, operation_id="changeMyPassword",
                 summary="Changes my password")
def change_my_password(request, passwords: PasswordDTO):
    services.change_my_password(actor=request.user, password=passwords.password, old_password=passwords.old_password)
    return None


@user_router.put("/setting", response={200: UserSettingsDTO}, by_alias=True, operation_id="updateUserSetting",
                 summary="Updates a User's settings")
def update_user_setting(request, change: UserSettingsChangeDTO):
    user = services.update_user_settings(actor=request.user, user_id=change.id or request.user.pk,
                                         send_notifications_to_email=change.send_notifications_to_email)
    return {"send_notifications_to_email": user.send_notifications_to_email}


@user_router.post("/withProjectRetrievePermission", response={200: list[UserSummaryDTO]}, by_alias=True,
                  operation_id="getUsersWithProjectRetrievePermissions",
                  summary="Returns list of Users, which do have or do NOT have requested permissions")
def users_with_project_retrieve(request):
    return [user_summary(u) for u in queries.users_with_project_retrieve(actor=request.user)]


@user_router.post("/withoutProjectRetrievePermissionAndWithMonitor", response={200: list[UserSummaryDTO]},
                  by_alias=True, operation_id="getMonitorUsers",
                  summary="Returns list of Users, which do have or do NOT have requested permissions")
def monitor_users(request):
    return [user_summary(u) for u in queries.monitor_users(actor=request.user)]


# --- UserRoleApi (/api/role) -----------------------------------------------------------------------------


@role_router.get("", response={200: PageUserRoleSummaryDTO}, by_alias=True, operation_id="UserRoleApi_list",
                 summary="Returns available user roles")
def list_roles(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.ROLE_SORT_FIELDS, default=("id",))
    roles, total = queries.list_roles(actor=request.user, page=page)
    return spring_page([role_summary(r) for r in roles], total, page)


@role_router.post("", response={200: UserRoleDTO}, by_alias=True, operation_id="createUserRole",
                  summary="Creates new User Role")
def create_role(request, role: UserRoleCreateDTO):
    created = services.create_role(actor=request.user, name=role.name,
                                   default_for_registered_user=role.default_for_registered_user,
                                   permissions=_values(role.permissions))
    return role_dto(created)


@role_router.put("", response={200: UserRoleDTO}, by_alias=True, operation_id="updateUserRole",
                 summary="Updates existing User Role")
def update_role(request, role: UserRoleDTO):
    updated = services.update_role(actor=request.user, role_id=role.id, name=role.name,
                                   default_for_registered_user=role.default_for_registered_user,
                                   permissions=_values(role.permissions))
    return role_dto(updated)


@role_router.get("/byId/{id}", response={200: UserRoleDTO}, by_alias=True, operation_id="UserRoleApi_getById",
                 summary="Returns a user role by id")
def get_role(request, id: int):
    return role_dto(queries.get_role(actor=request.user, role_id=id))


@role_router.get("/default", response={200: int | None}, operation_id="getDefault",
                 summary="Returns the default user role id")
def get_default_role(request):
    return json_scalar(queries.default_role_id())


@role_router.put("/default", response={200: None}, operation_id="setDefault", summary="Set user role default",
                 openapi_extra=json_body({"type": "integer", "format": "int64"}))
def set_default_role(request):
    try:
        role_id = json.loads(raw_text(request))
    except ValueError:
        raise EmptyBody() from None
    if isinstance(role_id, bool) or not isinstance(role_id, int):
        raise EmptyBody()
    services.set_default_role(actor=request.user, role_id=role_id)
    return None


# --- UserProfileApi (/api/profile) -----------------------------------------------------------------------


@profile_router.get("", response={200: OutputUserProfile}, by_alias=True, operation_id="getUserProfile",
                    summary="Gets user profile")
def get_profile(request):
    return profile(request.user)


@profile_router.put("", response={200: OutputUserProfile}, by_alias=True, operation_id="updateUserProfile",
                    summary="Updates user profile")
def update_profile(request, change: InputUserProfile):
    return profile(services.update_profile(actor=request.user, language=change.language))


# --- UserRegistrationApi (/api/registration, public) -----------------------------------------------------


@registration_router.post("", auth=None, response={200: UserDTO}, by_alias=True, operation_id="registerApplicant",
                          summary="Creates new User with default user role")
def register(request, registration: UserRegistrationDTO):
    user = services.register_applicant(email=registration.email, name=registration.name,
                                       surname=registration.surname, password=registration.password,
                                       captcha=registration.captcha,
                                       expected_captcha=captcha.take_answer(request.session))
    return user_dto(user)


@registration_router.get("", auth=None, response={200: bool}, operation_id="confirmUserRegistration",
                         summary="Confirm user registration")
def confirm_registration(request, token: uuid.UUID):
    services.confirm_registration(token=str(token))
    return True


# --- CaptchaApi (/api/captcha, public) -------------------------------------------------------------------


@captcha_router.get("", auth=None, response={200: CaptchaDTO}, by_alias=True, operation_id="getCaptcha",
                    summary="Gets the captcha data")
def get_captcha(request):
    # The answer stays in the session: we never disclose it (Jems sends it as realCaptcha).
    return {"captcha": captcha.new_captcha(request.session), "real_captcha": ""}
