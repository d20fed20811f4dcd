"""Wire schemas of the accounts API (Jems DTO names and camelCase properties) and their renderers.

Renderers turn models into plain dicts keyed by the schema field names; the operations serialise them
`by_alias=True`, so that every property (null included) goes out under its Jems name.
"""

from enum import Enum, StrEnum

from pydantic import Field

from jems.api.schemas import CamelSchema, page_schema

from .privileges import Privilege, ordered

# The 107 privilege names as the Jems enum `UserRolePermissionDTO` (same constants, same order).
UserRolePermissionDTO = Enum("UserRolePermissionDTO", {p.value: p.value for p in Privilege}, type=str,
                             module=__name__)


class UserStatusDTO(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    UNCONFIRMED = "UNCONFIRMED"


# --- Authentication -------------------------------------------------------------------------------------


class LoginRequest(CamelSchema):
    email: str
    password: str


class ResetPasswordByTokenRequestDTO(CamelSchema):
    token: str
    password: str


# --- Roles ----------------------------------------------------------------------------------------------


class UserRoleDTO(CamelSchema):
    id: int | None = None
    name: str
    default_for_registered_user: bool | None = None
    permissions: list[UserRolePermissionDTO]


class UserRoleCreateDTO(CamelSchema):
    name: str
    default_for_registered_user: bool
    permissions: set[UserRolePermissionDTO]


class UserRoleSummaryDTO(CamelSchema):
    id: int
    name: str
    default_for_registered_user: bool


PageUserRoleSummaryDTO = page_schema(UserRoleSummaryDTO, "PageUserRoleSummaryDTO")


class OutputCurrentUser(CamelSchema):
    id: int
    name: str
    role: UserRoleDTO


# --- Users ----------------------------------------------------------------------------------------------


class UserSettingsDTO(CamelSchema):
    send_notifications_to_email: bool


class UserSettingsChangeDTO(CamelSchema):
    id: int | None = None
    send_notifications_to_email: bool


class UserDTO(CamelSchema):
    id: int | None = None
    email: str
    user_settings: UserSettingsDTO
    name: str
    surname: str
    user_role: UserRoleDTO
    user_status: UserStatusDTO


class UserChangeDTO(CamelSchema):
    id: int | None = None
    email: str
    name: str
    surname: str
    user_role_id: int
    user_status: UserStatusDTO


class UserSummaryDTO(CamelSchema):
    id: int
    email: str
    name: str
    surname: str
    user_role: UserRoleSummaryDTO
    user_status: UserStatusDTO


PageUserSummaryDTO = page_schema(UserSummaryDTO, "PageUserSummaryDTO")


class UserSearchRequestDTO(CamelSchema):
    name: str | None = None
    surname: str | None = None
    email: str | None = None
    roles: set[int] = Field(default_factory=set)
    user_statuses: set[UserStatusDTO] = Field(default_factory=set)


class PasswordDTO(CamelSchema):
    password: str
    old_password: str | None = None


class UserRegistrationDTO(CamelSchema):
    email: str
    name: str
    surname: str
    password: str
    captcha: str | None = None


class CaptchaDTO(CamelSchema):
    captcha: str
    real_captcha: str


# --- Profile --------------------------------------------------------------------------------------------


class InputUserProfile(CamelSchema):
    language: str | None = None


class OutputUserProfile(CamelSchema):
    language: str | None = None


# --- Renderers ------------------------------------------------------------------------------------------


def role_dto(role) -> dict:
    return {"id": role.pk, "name": role.name, "default_for_registered_user": role.default_for_registered_user,
            "permissions": ordered(role.permissions)}


def role_summary(role) -> dict:
    return {"id": role.pk, "name": role.name, "default_for_registered_user": role.default_for_registered_user}


def current_user(user) -> dict:
    """The logged-in user, or Jems' anonymous placeholder (id -1, empty name, empty role)."""
    if user is None or not user.is_authenticated:
        return {"id": -1, "name": "", "role": {"id": None, "name": "", "default_for_registered_user": None,
                                               "permissions": []}}
    return {"id": user.pk, "name": user.email, "role": role_dto(user.role)}


def user_dto(user) -> dict:
    return {"id": user.pk, "email": user.email,
            "user_settings": {"send_notifications_to_email": user.send_notifications_to_email},
            "name": user.name, "surname": user.surname, "user_role": role_dto(user.role), "user_status": user.status}


def user_summary(user) -> dict:
    return {"id": user.pk, "email": user.email, "name": user.name, "surname": user.surname,
            "user_role": role_summary(user.role), "user_status": user.status}


def profile(user) -> dict:
    return {"language": user.language}
