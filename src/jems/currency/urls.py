from django.urls import path

from . import views

app_name = "currency"
urlpatterns = [
    path("app/programme/conversionRates", views.rates, name="rates"),
    path("app/programme/conversionRates/fetch", views.fetch, name="fetch"),
    path("app/programme/conversionRates/import", views.import_file, name="import"),
]
