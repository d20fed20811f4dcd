from django.urls import path  # noqa: F401

app_name = "call_form_config"
urlpatterns = []
