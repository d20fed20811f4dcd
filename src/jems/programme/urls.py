"""Programme-core pages, at the paths of the Programme side navigation (navigation.py)."""

from django.urls import path

from . import views

app_name = "programme"
urlpatterns = [
    path("app/programme", views.basic_data, name="basic"),
    path("app/programme/languages", views.languages, name="languages"),
    path("app/programme/translationManagement", views.translation_management, name="translations"),
    path("app/programme/translationManagement/default/<str:file_type>", views.translation_default,
         name="translation_default"),
    path("app/programme/translationManagement/<str:file_type>/<str:language>", views.translation_download,
         name="translation_download"),
    path("app/programme/funds", views.funds, name="funds"),
    path("app/programme/strategies", views.strategies, name="strategies"),
    path("app/programme/legalStatus", views.legal_statuses, name="legal_status"),
    path("app/programme/stateAid", views.state_aid, name="state_aid"),
    path("app/programme/typologyErrors", views.typology_errors, name="typology_errors"),
]
