"""Uploaded UI texts apply without a restart: each page request first looks whether another process stored a
new translation file (one cheap query) and then renders with it."""

from .translations import refresh


class TranslationOverridesMiddleware:
    """Refreshes the programme's UI text overrides before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(("/api/", "/static/")):  # the API answers keys, not texts
            refresh()
        return self.get_response(request)
