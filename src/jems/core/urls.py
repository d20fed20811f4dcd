"""The shell's pages: the root redirect, the dashboard, System's entry and the menus of later releases."""

from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.root, name="root"),
    path("app", views.root),
    path("app/dashboard", views.dashboard, name="dashboard"),
    path("app/system", views.system, name="system"),
    # Top menus whose screens arrive with later releases; the apps that build them mount their own
    # URLs before these in jems/urls.py.
    path("app/project", views.coming_later, {"menu": "project"}, name="project"),
    path("app/call", views.coming_later, {"menu": "call"}, name="call"),
    path("app/programme", views.coming_later, {"menu": "programme"}, name="programme"),
    path("app/controller", views.coming_later, {"menu": "controller"}, name="controller"),
    path("app/payments", views.coming_later, {"menu": "payments"}, name="payments"),
]
