"""The rules of checklist answers as pure functions (no database): what each component kind accepts and
what finishing an instance needs. Errors use the Jems field paths of ChecklistInstanceDetailDTO
(`components[2].instanceMetadata.score`) with an i18n message and its arguments."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jems.checklists.components import DEFAULT_MAX_SCORE, DEFAULT_MIN_SCORE, JUSTIFICATION_MAX, Errors
from jems.checklists.models import ComponentType

# The answer properties of each component kind (Jems ChecklistInstanceMetadataDTO subtypes).
PROPERTIES = {
    ComponentType.HEADLINE: (),
    ComponentType.OPTIONS_TOGGLE: ("answer", "justification"),
    ComponentType.TEXT_INPUT: ("explanation",),
    ComponentType.SCORE: ("score", "justification"),
}


@dataclass
class AnswerInput:
    """One component's answer as a client sends it: `metadata` with the Jems property names, `path` the
    field path its errors are reported under (e.g. `components[3].instanceMetadata`)."""

    component_id: int | None
    metadata: dict
    path: str
    metadata_type: str | None = None


def score_range(template) -> tuple[Decimal, Decimal]:
    """The score range of a template's SCORE components (the template's, or 0–10 when not set)."""
    low = template.min_score if template.min_score is not None else DEFAULT_MIN_SCORE
    high = template.max_score if template.max_score is not None else DEFAULT_MAX_SCORE
    return Decimal(low), Decimal(high)


def plain(number: Decimal) -> str:
    """A decimal without trailing zeros (5.00 → "5", 2.50 → "2.5")."""
    return f"{number.normalize():f}"


def options(component) -> list[str]:
    """The options of an OPTIONS_TOGGLE component, in order (the third only when set)."""
    data = component.metadata
    return [o for o in (data.get("firstOption"), data.get("secondOption"), data.get("thirdOption")) if o]


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _length(errors: Errors, path: str, text: str | None, limit: int) -> None:
    if text is not None and len(text) > limit:
        errors.add(path, "common.error.field.max.length", actualLength=len(text), requiredLength=limit)


def _score(errors: Errors, path: str, value, template) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        number = None
    if isinstance(value, bool) or number is None or not number.is_finite():
        errors.add(path, "checklist.instance.score.invalid")
        return None
    low, high = score_range(template)
    if not low <= number <= high:
        errors.add(path, "checklist.instance.score.out.of.range", min=plain(low), max=plain(high))
        return None
    places = 2 if template.allows_decimal_score else 0
    if number != number.quantize(Decimal(1).scaleb(-places)):
        errors.add(path, "checklist.instance.score.decimal.places", places=places)
        return None
    return str(number.quantize(Decimal(1).scaleb(-places)))


def clean_answer(component, template, metadata: dict, errors: Errors, path: str) -> dict:
    """The stored answer of one component (only its kind's properties), with errors recorded under `path`."""
    kind = ComponentType(component.type)
    if kind == ComponentType.OPTIONS_TOGGLE:
        answer = _text(metadata.get("answer"))
        if answer is not None and answer not in options(component):
            errors.add(f"{path}.answer", "checklist.instance.option.invalid", options=", ".join(options(component)))
        justification = _text(metadata.get("justification"))
        _length(errors, f"{path}.justification", justification, JUSTIFICATION_MAX)
        return {"answer": answer, "justification": justification}
    if kind == ComponentType.TEXT_INPUT:
        explanation = _text(metadata.get("explanation"))
        _length(errors, f"{path}.explanation", explanation, int(component.metadata.get("explanationMaxLength") or 0))
        return {"explanation": explanation}
    if kind == ComponentType.SCORE:
        justification = _text(metadata.get("justification"))
        _length(errors, f"{path}.justification", justification, JUSTIFICATION_MAX)
        return {"score": _score(errors, f"{path}.score", metadata.get("score"), template),
                "justification": justification}
    return {}


def clean_answers(template, components: list, given: list[AnswerInput]) -> tuple[Errors, dict]:
    """Check the answers against the template's components. Returns the errors and the new answers
    {component id (text): answer}; components not sent keep no answer."""
    errors = Errors()
    by_id = {c.pk: c for c in components}
    cleaned = {}
    for item in given:
        component = by_id.get(item.component_id)
        if component is None:
            errors.add(item.path.rsplit(".", 1)[0] + ".id", "checklist.instance.component.unknown")
            continue
        if item.metadata_type and item.metadata_type != component.type:
            errors.add(item.path, "checklist.instance.metadata.type.mismatch", type=component.type)
            continue
        answer = clean_answer(component, template, item.metadata or {}, errors, item.path)
        if answer:
            cleaned[str(component.pk)] = answer
    return errors, cleaned


def missing_answers(components: list, answers: dict) -> Errors:
    """What finishing needs: an answer to every option toggle, and a score with its justification for
    every score (text inputs are optional). Errors under `components[<index>].instanceMetadata.*`, the
    index being the component's place in the template."""
    errors = Errors()
    for index, component in enumerate(components):
        answer = answers.get(str(component.pk)) or {}
        path = f"components[{index}].instanceMetadata"
        if component.type == ComponentType.OPTIONS_TOGGLE and not answer.get("answer"):
            errors.add(f"{path}.answer", "common.error.field.required")
        elif component.type == ComponentType.SCORE:
            if answer.get("score") is None:
                errors.add(f"{path}.score", "common.error.field.required")
            if not answer.get("justification"):
                errors.add(f"{path}.justification", "common.error.field.required")
    return errors
