from django.urls import path

from . import views

app_name = "nuts"
urlpatterns = [
    path("app/programme/areas", views.areas, name="areas"),
    path("app/programme/areas/download", views.download, name="download"),
]
