"""Authentication by e-mail and password (case-insensitive e-mail)."""

from django.contrib.auth.backends import ModelBackend

from .models import User


class EmailBackend(ModelBackend):
    """Looks users up by e-mail; the status rules live in `services.authenticate`."""

    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        email = email or username
        if not email or password is None:
            return None
        user = User.objects.select_related("role").filter(email__iexact=email).first()
        if user and user.check_password(password):
            return user
        return None

    def get_user(self, user_id):
        return User.objects.select_related("role").filter(pk=user_id).first()

    def user_can_authenticate(self, user):
        return True
