"""The project identifier: abbreviation + optional 2-digit call id + 5-digit project id."""

import pytest

from jems.programme.identifiers import format_custom_identifier, project_custom_identifier
from jems.programme.models import ProgrammeData


@pytest.mark.parametrize("abbreviation, use_call_id, project_id, call_id, expected", [
    ("ABC", False, 12, 3, "ABC00012"),
    ("ABC", True, 12, 3, "ABC0300012"),
    ("ABC", True, 12, None, "ABC00012"),
    (None, False, 1, 1, "00001"),
    ("", True, 7, 45, "4500007"),
    ("INTERREG-XYZ", True, 123456, 123, "INTERREG-XYZ123123456"),
])
def test_format(abbreviation, use_call_id, project_id, call_id, expected):
    assert format_custom_identifier(abbreviation=abbreviation, use_call_id=use_call_id, project_id=project_id,
                                    call_id=call_id) == expected


@pytest.mark.django_db
def test_from_the_programme_data(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert project_custom_identifier(12, 3) == "00012"
    ProgrammeData.objects.filter(pk=1).update(project_id_programme_abbreviation="DAD", project_id_use_call_id=True)
    assert project_custom_identifier(12, 3) == "DAD0300012"
    ProgrammeData.objects.filter(pk=1).update(project_id_use_call_id=False)
    assert project_custom_identifier(12, 3) == "DAD00012"
