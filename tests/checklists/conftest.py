"""Fixtures of the checklist-template tests: logged-in page clients and a checklist factory."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from jems.checklists.models import ChecklistComponent, ProgrammeChecklist
from tests.conftest import PASSWORD


def logged_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def admin_page(admin_user):
    return logged_in(admin_user)


@pytest.fixture
def reader_page(programme_user):
    return logged_in(programme_user)


@pytest.fixture
def applicant_page(applicant):
    return logged_in(applicant)


def make_checklist(name="Quality check", type="APPLICATION_FORM_ASSESSMENT", components=(), locked=False,
                   min_score=Decimal("0"), max_score=Decimal("5"), allows_decimal_score=False):
    """A template written directly (no service, no audit); `components` = [(type, metadata), ...]."""
    checklist = ProgrammeChecklist.objects.create(
        type=type, name=name, min_score=min_score, max_score=max_score, allows_decimal_score=allows_decimal_score,
        locked=locked, last_modification_date=timezone.now())
    ChecklistComponent.objects.bulk_create([
        ChecklistComponent(checklist=checklist, type=kind, position=position, metadata=metadata)
        for position, (kind, metadata) in enumerate(components)
    ])
    return checklist


HEADLINE = ("HEADLINE", {"value": "Part A"})
TOGGLE = ("OPTIONS_TOGGLE", {"question": "Eligible?", "firstOption": "Yes", "secondOption": "No",
                             "thirdOption": None, "justification": None})
TEXT = ("TEXT_INPUT", {"question": "Comments", "explanationLabel": "Comment", "explanationMaxLength": 2000})
SCORE = ("SCORE", {"question": "Relevance", "weight": "1.5"})
ALL_KINDS = (HEADLINE, TOGGLE, TEXT, SCORE)


@pytest.fixture
def checklist(db):
    return make_checklist(components=ALL_KINDS)


@pytest.fixture
def no_templates(db):
    """Start without the predefined templates."""
    ProgrammeChecklist.objects.all().delete()
