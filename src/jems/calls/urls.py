"""Pages of calls (paths of features.md "UI navigation" and calls/navigation.py)."""

from django.urls import path

from . import views

app_name = "calls"
urlpatterns = [
    path("app/call", views.call_list, name="list"),
    path("app/call/create", views.call_create, name="create"),
    path("app/call/detail/<int:call_id>", views.call_general, name="general"),
    path("app/call/detail/<int:call_id>/publish", views.call_publish, name="publish"),
    path("app/call/detail/<int:call_id>/budgetSettings", views.call_budget, name="budget"),
    path("app/call/detail/<int:call_id>/preSubmissionCheckSettings", views.call_plugins, name="plugins"),
    path("app/call/detail/<int:call_id>/checklists", views.call_checklists, name="checklists"),
    path("app/call/<int:call_id>/apply", views.call_apply, name="apply"),
]
