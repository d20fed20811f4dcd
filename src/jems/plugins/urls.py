"""The Plugins page under Jems' System paths."""

from django.urls import path

from . import views

app_name = "plugins"
urlpatterns = [
    path("app/system/plugins", views.plugin_list, name="list"),
    path("app/system/plugins/state", views.plugin_toggle, name="toggle"),
]
