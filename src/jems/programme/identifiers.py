"""The project identifier scheme of features §2.1 / §4.1: programme abbreviation + the call id as two
digits (when the programme chose so) + the project id as five digits, e.g. "ABC00012" or "ABC0300012"."""

from .models import ProgrammeData


def format_custom_identifier(*, abbreviation: str | None, use_call_id: bool, project_id: int,
                             call_id: int | None = None) -> str:
    """The identifier from the scheme's parts (ids longer than their padding keep all their digits)."""
    call_part = f"{call_id:02d}" if use_call_id and call_id is not None else ""
    return f"{abbreviation or ''}{call_part}{project_id:05d}"


def project_custom_identifier(project_id: int, call_id: int | None = None) -> str:
    """The custom identifier of a project under the programme's current scheme (one query)."""
    scheme = (ProgrammeData.objects.filter(pk=ProgrammeData.SINGLETON_ID)
              .values("project_id_programme_abbreviation", "project_id_use_call_id").first()) or {}
    return format_custom_identifier(abbreviation=scheme.get("project_id_programme_abbreviation"),
                                    use_call_id=bool(scheme.get("project_id_use_call_id")),
                                    project_id=project_id, call_id=call_id)
