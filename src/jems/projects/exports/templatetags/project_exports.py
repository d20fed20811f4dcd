"""Template filters of the application-form PDF."""

from django import template

register = template.Library()


@register.filter
def in_language(value, language: str) -> str:
    """The text of a translatable value in the data language: {code: text} (snapshots) or the API's list of
    {"language", "translation"}; empty when not entered in that language."""
    if not value:
        return ""
    if isinstance(value, dict):
        return value.get(language) or ""
    return next((item.get("translation") or "" for item in value if item.get("language") == language), "")


@register.filter
def lookup(mapping: dict, key):
    """mapping[key] in a template (empty when missing)."""
    return (mapping or {}).get(key, "")
