"""Authentication of API calls: the login session or HTTP Basic (resolved by ApiAuthenticationMiddleware)."""


def session_or_basic(request):
    """Ninja auth callable: the request's user, when logged in by session or by HTTP Basic."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user
    return None
