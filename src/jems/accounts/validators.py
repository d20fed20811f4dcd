"""The Jems password rule: at least 10 characters with a lower-case letter, an upper-case letter and a digit."""

import re

PASSWORD_RULE_KEY = "user.password.constraints.not.satisfied"
PASSWORD_RULE_TEXT = (
    "The password must have at least 10 characters and contain a lower-case letter, an upper-case letter and a digit."
)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+$")


def password_is_strong(password: str) -> bool:
    return (
        len(password) >= 10
        and any(c.islower() for c in password)
        and any(c.isupper() for c in password)
        and any(c.isdigit() for c in password)
    )
