"""Account pages under Jems' paths: /no-auth/… before the login, /app/profile and /app/system/{user,role}."""

from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("no-auth/login", views.login_view, name="login"),
    path("no-auth/register", views.register, name="register"),
    path("no-auth/captcha", views.captcha_image, name="captcha"),
    path("no-auth/registrationConfirmation", views.registration_confirmation, name="registration_confirmation"),
    path("no-auth/forgotPassword", views.forgot_password, name="forgot_password"),
    path("no-auth/resetPassword", views.reset_password, name="reset_password"),
    path("logout", views.logout_view, name="logout"),
    path("app/profile", views.profile, name="profile"),
    path("app/system/user", views.user_list, name="user_list"),
    path("app/system/user/detail/create", views.user_create, name="user_create"),
    path("app/system/user/detail/<int:user_id>", views.user_detail, name="user_detail"),
    path("app/system/role", views.role_list, name="role_list"),
    path("app/system/role/create", views.role_create, name="role_create"),
    path("app/system/role/detail/<int:role_id>", views.role_detail, name="role_detail"),
]
