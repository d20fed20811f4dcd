from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("app/notification/<int:notification_id>/read", views.mark_read, name="read"),
    path("app/notification/read", views.mark_all_read, name="read_all"),
]
