"""Pages of a call: application form configuration and translations (paths of calls/navigation.py)."""

from django.urls import path

from . import views

app_name = "call_form_config"
urlpatterns = [
    path("app/call/detail/<int:call_id>/applicationFormConfiguration", views.configuration, name="configuration"),
    path("app/call/detail/<int:call_id>/translationSettings", views.translations, name="translations"),
    path("app/call/detail/<int:call_id>/translationSettings/<str:language>/download", views.translation_download,
         name="translation_download"),
]
