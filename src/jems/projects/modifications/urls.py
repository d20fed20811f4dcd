from django.urls import path

from . import views

app_name = "project_modifications"

BASE = "app/project/detail/<int:project_id>/modification"

urlpatterns = [
    path(BASE, views.modification, name="modification"),
    path(f"{BASE}/files", views.upload_file, name="upload"),
    path(f"{BASE}/<int:request_id>/accept", views.accept, name="accept"),
    path(f"{BASE}/<int:request_id>/decline", views.decline, name="decline"),
    path(f"{BASE}/<int:request_id>/comment", views.comment, name="comment"),
]
