"""Browser-test support, loaded as a pytest plugin by tests/conftest.py so that every test folder shares
one browser: Playwright (sync API) drives Debian's chromium against pytest-django's live server.

E-mail goes through a real SMTP conversation with an aiosmtpd sink; axe-core (installed from npm into
<repo>/.cache/npm on first use) checks every page for WCAG 2.0/2.1 A and AA violations.
"""

import email
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from email import policy
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("JEMS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[1]
AXE_DIR = REPO / ".cache" / "npm"
AXE_FILE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(config, items):
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason=f"chromium not found at {CHROMIUM} (set JEMS_CHROMIUM to its path)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


# --- browser -----------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server, smtp_sink):
    """A fresh browser tab on the live server (e-mail goes to the SMTP sink)."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


# --- e-mail ------------------------------------------------------------------------------------------


class SmtpSink:
    """Collects the messages that the application delivers over SMTP."""

    def __init__(self):
        self.messages = []
        self.condition = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.condition:
            self.messages.append(message)
            self.condition.notify_all()
        return "250 Message accepted"

    def wait_for(self, to: str, subject: str, timeout: float = 10):
        """The first message to `to` whose subject contains `subject` (waits for it)."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while True:
                for message in self.messages:
                    if to in message["To"] and subject in message["Subject"]:
                        return message
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    got = [(m["To"], m["Subject"]) for m in self.messages]
                    raise AssertionError(f"no e-mail to {to} about {subject!r}; received: {got}")
                self.condition.wait(remaining)

    @staticmethod
    def text(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message) -> str:
        return message.get_body(preferencelist=("html",)).get_content()

    def link(self, message, path: str) -> str:
        """The first link in the plain-text body whose path starts with `path`."""
        match = re.search(r"https?://\S*" + re.escape(path) + r"\S*", self.text(message))
        assert match, f"no link to {path} in:\n{self.text(message)}"
        return match.group(0)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_controller():
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def smtp_sink(smtp_controller, settings, live_server):
    """A real SMTP server for this test; Django sends to it and links point at the live server."""
    sink = smtp_controller.handler
    with sink.condition:
        sink.messages.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = smtp_controller.hostname
    settings.EMAIL_PORT = smtp_controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.SERVER_URL = live_server.url
    return sink


# --- accessibility -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_FILE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to install axe-core for the accessibility checks")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "axe-core@4"],
                       check=True, capture_output=True, timeout=300)
    return AXE_FILE


@pytest.fixture
def axe(axe_script):
    """Call axe(page) to assert that the page has no serious or critical WCAG 2.0/2.1 A/AA violation."""
    checked = []

    def check(page, label: str | None = None):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        checked.append(label or page.url)
        report = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                   "nodes": [n["target"] for n in v["nodes"][:5]]} for v in bad]
        assert not bad, f"accessibility violations on {label or page.url}:\n{json.dumps(report, indent=2)}"
        return result

    check.checked = checked
    return check


# --- helpers -----------------------------------------------------------------------------------------


def log_in(page, email: str, password: str):
    page.goto("/no-auth/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/app/dashboard")


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/no-auth/login")
