"""Programme → Logo page and the logo images of the site header (public: the login page shows them too)."""

from django.urls import path

from . import views

app_name = "programme_logos"
urlpatterns = [
    path("app/programme/logo", views.logo_page, name="logo"),
    path("resources/logo/<int:height>.png", views.image, name="image"),
]
