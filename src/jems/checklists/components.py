"""The rules of checklist templates as pure functions (no database): limits, defaults and the checks of
the template fields and of each component's metadata. `services` applies them; forms and the baseline
use the defaults.

Field errors are keyed by the Jems field paths of ProgrammeChecklistDetailDTO (`name`, `minScore`,
`components[3].metadata.question`, ...), with an i18n message and its arguments.
"""

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from jems.core.errors import i18n

from .models import ComponentType

MAX_CHECKLISTS = 100
MAX_COMPONENTS = 200
NAME_MAX = 100
HEADLINE_MAX = 200
QUESTION_MAX = 1000
OPTION_MAX = 100
JUSTIFICATION_MAX = 5000
LABEL_MAX = 50
EXPLANATION_MAX = 5000
MIN_SCORE_RANGE = (Decimal("0"), Decimal("10"))
MAX_SCORE_RANGE = (Decimal("0"), Decimal("100"))
WEIGHT_RANGE = (Decimal("0"), Decimal("100"))
DECIMAL_PLACES = 2
DEFAULT_MIN_SCORE = Decimal("0")
DEFAULT_MAX_SCORE = Decimal("10")

# The metadata properties of each component type, in the order of the contract.
PROPERTIES = {
    ComponentType.HEADLINE: ("value",),
    ComponentType.OPTIONS_TOGGLE: ("question", "firstOption", "secondOption", "thirdOption", "justification"),
    ComponentType.TEXT_INPUT: ("question", "explanationLabel", "explanationMaxLength"),
    ComponentType.SCORE: ("question", "weight"),
}

# Properties that are texts: the only ones that may change once a template is locked.
TEXT_PROPERTIES = {"value", "question", "firstOption", "secondOption", "thirdOption", "justification",
                   "explanationLabel"}


def new_metadata(component_type: str) -> dict:
    """The metadata of a new component of the type, as the editor offers it."""
    return {
        ComponentType.HEADLINE: {"value": ""},
        ComponentType.OPTIONS_TOGGLE: {"question": "", "firstOption": "Yes", "secondOption": "No",
                                       "thirdOption": None, "justification": None},
        ComponentType.TEXT_INPUT: {"question": "", "explanationLabel": "", "explanationMaxLength": EXPLANATION_MAX},
        ComponentType.SCORE: {"question": "", "weight": "1"},
    }[ComponentType(component_type)]


@dataclass
class ComponentInput:
    """A component as a client sends it: `metadata` uses the Jems property names (None = not sent);
    `metadata_type` is the discriminator sent with it."""

    type: str
    position: int
    metadata: dict | None
    id: int | None = None
    metadata_type: str | None = None


@dataclass
class TemplateInput:
    """The template fields as a client sends them."""

    type: str
    name: str | None
    min_score: Decimal | None
    max_score: Decimal | None
    allows_decimal_score: bool
    components: list[ComponentInput] = field(default_factory=list)


class Errors(dict):
    """Field path → i18n message."""

    def add(self, path: str, key: str, **args) -> None:
        self.setdefault(path, i18n(key, args))


def _length(errors: Errors, path: str, text: str | None, limit: int) -> None:
    if text is not None and len(text) > limit:
        errors.add(path, "common.error.field.max.length", actualLength=len(text), requiredLength=limit)


def _decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _number(errors: Errors, path: str, value, bounds: tuple[Decimal, Decimal]) -> Decimal | None:
    """A decimal within bounds with at most two decimals; records the error and returns None otherwise."""
    number = _decimal(value)
    low, high = bounds
    if number is None:
        errors.add(path, "programme.checklist.number.invalid")
        return None
    if not low <= number <= high:
        errors.add(path, "programme.checklist.number.out.of.range", min=low, max=high)
        return None
    if -number.as_tuple().exponent > DECIMAL_PLACES:
        if number != number.quantize(Decimal("0.01")):
            errors.add(path, "programme.checklist.number.decimal.places", places=DECIMAL_PLACES)
            return None
        number = number.quantize(Decimal("0.01"))
    return number


def _text(value) -> str | None:
    return None if value is None else str(value)


def clean_metadata(component_type: str, metadata: dict, errors: Errors, path: str) -> dict:
    """The normalised metadata of a component (only its type's properties, defaults filled in), with
    the errors of its values recorded under `path` (e.g. `components[2].metadata`)."""
    kind = ComponentType(component_type)
    data = {**new_metadata(kind), **{k: v for k, v in metadata.items() if k in PROPERTIES[kind]}}
    if kind == ComponentType.HEADLINE:
        data["value"] = _text(data["value"])
        _length(errors, f"{path}.value", data["value"], HEADLINE_MAX)
        return data
    data["question"] = _text(data["question"]) or ""
    _length(errors, f"{path}.question", data["question"], QUESTION_MAX)
    if kind == ComponentType.OPTIONS_TOGGLE:
        for name in ("firstOption", "secondOption"):
            data[name] = (_text(data[name]) or "").strip()
            if not data[name]:
                errors.add(f"{path}.{name}", "common.error.field.blank")
            _length(errors, f"{path}.{name}", data[name], OPTION_MAX)
        third = (_text(data["thirdOption"]) or "").strip()
        data["thirdOption"] = third or None
        _length(errors, f"{path}.thirdOption", data["thirdOption"], OPTION_MAX)
        data["justification"] = _text(data["justification"])
        _length(errors, f"{path}.justification", data["justification"], JUSTIFICATION_MAX)
    elif kind == ComponentType.TEXT_INPUT:
        data["explanationLabel"] = _text(data["explanationLabel"]) or ""
        _length(errors, f"{path}.explanationLabel", data["explanationLabel"], LABEL_MAX)
        maximum = data["explanationMaxLength"]
        if isinstance(maximum, bool) or not isinstance(maximum, int) or not 1 <= maximum <= EXPLANATION_MAX:
            errors.add(f"{path}.explanationMaxLength", "programme.checklist.number.out.of.range",
                       min=1, max=EXPLANATION_MAX)
    elif kind == ComponentType.SCORE:
        weight = _number(errors, f"{path}.weight", data["weight"], WEIGHT_RANGE)
        data["weight"] = str(weight) if weight is not None else data["weight"]
    return data


def check_template(template: TemplateInput) -> tuple[Errors, list[dict]]:
    """Check the template fields and every component. Returns the errors and the normalised metadata
    of the components (in the order given)."""
    errors = Errors()
    name = (template.name or "").strip()
    if not name:
        errors.add("name", "common.error.field.blank")
    _length(errors, "name", name, NAME_MAX)
    low = high = None
    if template.min_score is not None:
        low = _number(errors, "minScore", template.min_score, MIN_SCORE_RANGE)
    if template.max_score is not None:
        high = _number(errors, "maxScore", template.max_score, MAX_SCORE_RANGE)
    if low is not None and high is not None and high < low:
        errors.add("maxScore", "programme.checklist.max.score.below.min")
    if len(template.components) > MAX_COMPONENTS:
        errors.add("components", "programme.checklist.components.max.reached", max=MAX_COMPONENTS)
    cleaned = []
    for index, component in enumerate(template.components):
        path = f"components[{index}]"
        if component.metadata is None:
            errors.add(f"{path}.metadata", "common.error.field.required")
            cleaned.append({})
            continue
        if component.metadata_type and component.metadata_type != component.type:
            errors.add(f"{path}.metadata", "programme.checklist.component.metadata.type.mismatch",
                       type=component.type)
        cleaned.append(clean_metadata(component.type, component.metadata, errors, f"{path}.metadata"))
    return errors, cleaned


def frozen_changes(current, template: TemplateInput, cleaned: list[dict], errors: Errors) -> None:
    """For a locked template: record an error for every change other than a text (type, scores,
    decimal flag, the set, kinds and positions of components, weights, lengths, number of options)."""
    key = "programme.checklist.locked.frozen"
    if template.type != current.type:
        errors.add("type", key)
    for path, old, new in (("minScore", current.min_score, template.min_score),
                           ("maxScore", current.max_score, template.max_score)):
        if _decimal(old) != _decimal(new):
            errors.add(path, key)
    if bool(template.allows_decimal_score) != current.allows_decimal_score:
        errors.add("allowsDecimalScore", key)
    existing = list(current.components.all())
    given = sorted(enumerate(zip(template.components, cleaned, strict=True)), key=lambda item: item[1][0].position)
    if len(existing) != len(given):
        errors.add("components", key)
        return
    for old, (index, (new, metadata)) in zip(existing, given, strict=True):
        path = f"components[{index}]"
        if new.id != old.pk or new.type != old.type or new.position != old.position:
            errors.add(path, key)
            continue
        for name, value in metadata.items():
            if name in TEXT_PROPERTIES and name != "thirdOption":
                continue
            before = old.metadata.get(name)
            if name == "thirdOption":
                changed = bool(before) != bool(value)
            elif name == "weight":
                changed = _decimal(before) != _decimal(value)
            else:
                changed = before != value
            if changed:
                errors.add(f"{path}.metadata.{name}", key)


def fingerprint(value) -> str:
    """A short digest of stored values: forms carry it so that a save based on outdated values is noticed
    (optimistic locking) instead of silently overwriting someone else's change."""
    text = json.dumps(value, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def settings_fingerprint(checklist) -> str:
    scores = [None if _decimal(v) is None else f"{_decimal(v):.2f}" for v in (checklist.min_score, checklist.max_score)]
    return fingerprint([checklist.name, checklist.type, *scores, checklist.allows_decimal_score])


def component_fingerprint(component) -> str:
    return fingerprint([component.type, component.metadata])
