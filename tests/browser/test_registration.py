"""Self-registration with the confirmation e-mail, and password reset by e-mail, in a real browser."""

import re

import pytest

from jems.accounts.models import User, UserStatus
from tests.browser_support import log_in, log_out

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Fresh-Passw0rd-1"


def test_captcha_picture_is_shown_when_enabled(page, settings, axe):
    settings.CAPTCHA_ENABLED = True
    page.goto("/no-auth/register")
    image = page.get_by_role("img", name="Security check picture with distorted characters")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 240
    first = image.get_attribute("src")
    page.get_by_label("E-mail").fill("someone@example.org")
    page.get_by_role("button", name="Show another picture").click()
    page.wait_for_function("src => document.querySelector('#captcha-image').src !== src", arg=first)
    assert page.get_by_label("E-mail").input_value() == "someone@example.org"
    axe(page, "register with captcha")
    # A wrong answer is refused inline, the typed data stay.
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.get_by_label("Characters in the picture").fill("WRONG")
    page.get_by_role("button", name="Register", exact=True).click()
    assert page.get_by_text("The text does not match the picture. Please try again.").first.is_visible()
    assert page.get_by_label("First name").input_value() == "Ada"
    assert page.get_by_label("Characters in the picture").get_attribute("aria-invalid") == "true"
    assert not User.objects.filter(email="someone@example.org").exists()


def test_register_confirm_by_email_and_log_in(page, settings, smtp_sink, axe):
    settings.CAPTCHA_ENABLED = False
    page.goto("/no-auth/login")
    page.get_by_role("link", name="No account yet? Register as applicant").click()
    page.get_by_label("E-mail").fill("ada@example.org")
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.locator("#id_password").fill("short")
    page.get_by_role("button", name="Register", exact=True).click()
    password = page.locator("#id_password")
    assert password.get_attribute("aria-invalid") == "true"
    assert "at least 10 characters" in page.locator("#id_password_error").inner_text()
    assert page.get_by_label("Last name").input_value() == "Lovelace"
    axe(page, "register with errors")
    password.fill(NEW_PASSWORD)
    page.get_by_role("button", name="Register", exact=True).click()
    assert page.get_by_role("heading", name="Please check your e-mail").is_visible()
    axe(page, "registration done")
    assert User.objects.get(email="ada@example.org").status == UserStatus.UNCONFIRMED

    message = smtp_sink.wait_for("ada@example.org", "confirm your registration")
    link = smtp_sink.link(message, "/no-auth/registrationConfirmation?token=")
    assert link in smtp_sink.html(message)
    page.goto(link)
    assert page.get_by_text("Your account ada@example.org is confirmed.").is_visible()
    axe(page, "confirmation")
    page.get_by_role("link", name="Log in").last.click()
    log_in(page, "ada@example.org", NEW_PASSWORD)
    assert page.get_by_role("heading", name="Welcome, Ada Lovelace").is_visible()
    # The applicant user role sees the dashboard only.
    nav = page.get_by_role("navigation", name="Main menu")
    assert nav.get_by_role("link").all_inner_texts() == ["Dashboard"]
    log_out(page)
    page.goto(link)  # a used link explains itself
    assert page.get_by_text("This account is already confirmed. You can log in.").is_visible()
    axe(page, "confirmation error")


def test_forgot_password_reset_by_email_and_log_in(page, applicant, smtp_sink, axe):
    page.goto("/no-auth/login")
    page.get_by_role("link", name="Forgot your password?").click()
    axe(page, "forgot password")
    page.get_by_label("E-mail").fill(applicant.email)
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("heading", name="Please check your e-mail").is_visible()

    message = smtp_sink.wait_for(applicant.email, "set a new password")
    link = smtp_sink.link(message, "/no-auth/resetPassword?token=")
    page.goto(link)
    assert page.get_by_text(f"For the account {applicant.email}.").is_visible()
    axe(page, "reset password")
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD + "x")
    page.get_by_role("button", name="Save the new password").click()
    assert page.locator("#id_password2").get_attribute("aria-invalid") == "true"
    assert page.get_by_text("The two passwords do not match.").first.is_visible()
    axe(page, "reset password with errors")
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save the new password").click()
    page.wait_for_url(re.compile(r".*/no-auth/login$"))
    assert page.get_by_text("Your password is changed.").is_visible()
    smtp_sink.wait_for(applicant.email, "your password was changed")
    log_in(page, applicant.email, NEW_PASSWORD)
