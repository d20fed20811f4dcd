"""The audit log page under Jems' path."""

from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("app/system/audit", views.audit_log, name="log"),
]
