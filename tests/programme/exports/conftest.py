"""The hand-checked budget projects of the overview tests (tests/projects/overviews), reused here."""

from tests.projects.conftest import languages, monitor, open_call, project  # noqa: F401
from tests.projects.overviews.conftest import budget_fields, funds, small_project, stranger  # noqa: F401
from tests.projects.overviews.test_spf import spf_project  # noqa: F401
