"""The registration captcha: a server-generated image whose answer stays in the session."""

import base64
import secrets

from captcha.image import ImageCaptcha

SESSION_KEY = "jems_captcha"
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I confusion


def new_captcha(session) -> str:
    """Store a fresh answer in the session and return the 240x70 JPEG image, base64-encoded."""
    answer = "".join(secrets.choice(ALPHABET) for _ in range(5))
    session[SESSION_KEY] = answer
    image = ImageCaptcha(width=240, height=70).generate(answer, format="jpeg")
    return base64.b64encode(image.getvalue()).decode()


def take_answer(session) -> str | None:
    """The expected answer; it is used once (a new image is needed after every attempt)."""
    return session.pop(SESSION_KEY, None)
