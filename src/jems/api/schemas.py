"""Base schemas of the Jems-compatible API: camelCase names on the wire, Spring page objects, and the
helpers for Jems' odd bodies (bare scalars, verbatim strings, bean-validation errors)."""

import json
from decimal import Decimal
from typing import Annotated

from django.http import HttpResponse
from ninja import Schema
from pydantic import ConfigDict, Field, WithJsonSchema
from pydantic.alias_generators import to_camel

from jems.core.errors import JemsError, i18n


class CamelSchema(Schema):
    """A schema whose JSON names are the camelCase Kotlin property names of Jems."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class SortOut(CamelSchema):
    empty: bool
    sorted: bool
    unsorted: bool


class PageableOut(CamelSchema):
    sort: SortOut
    offset: int
    page_number: int
    page_size: int
    paged: bool
    unpaged: bool


def page_schema(item_schema, name: str):
    """A Spring Data page schema of `item_schema`, named like Jems' `Page<Dto>` schemas."""
    return type(
        name,
        (CamelSchema,),
        {
            "__annotations__": {
                "content": list[item_schema],
                "pageable": PageableOut,
                "total_elements": int,
                "total_pages": int,
                "last": bool,
                "size": int,
                "number": int,
                "sort": SortOut,
                "number_of_elements": int,
                "first": bool,
                "empty": bool,
            },
            "__module__": __name__,
        },
    )


class PageParams(Schema):
    """Spring Data paging query parameters: `page` (zero-based), `size` and repeatable `sort=prop[,dir]`."""

    page: int = Field(0, ge=0)
    size: int = Field(20, ge=1)
    sort: list[str] = Field(default_factory=list)


class InputInvalid(JemsError):
    """Bean validation of a request body failed: 400 with code C-INP-ERR and per-field messages."""

    status = 400
    default_code = "C-INP-ERR"
    default_key = "common.error.input.invalid"


def require_not_blank(**values) -> None:
    """Jems' @NotBlank on request properties: blank values answer 400 with formErrors."""
    blank = {name: "common.error.field.blank" for name, value in values.items() if not (value or "").strip()}
    if blank:
        raise InputInvalid(form_errors={name: i18n(key) for name, key in blank.items()})


def raw_text(request) -> str:
    """A String request body taken verbatim (Spring's string converter); a missing body is a 400."""
    if not request.body:
        raise EmptyBody()
    try:
        return request.body.decode(request.encoding or "utf-8")
    except UnicodeDecodeError:
        raise EmptyBody() from None


class EmptyBody(Exception):
    """An unreadable or missing request body: 400 with an empty body."""


def text_body(description: str = "") -> dict:
    """openapi_extra declaring a required text/plain String body."""
    return {"requestBody": {"required": True, "content": {"text/plain": {"schema": {"type": "string"}}},
                            **({"description": description} if description else {})}}


def json_body(schema: dict, description: str = "") -> dict:
    """openapi_extra declaring a required application/json body with a bare schema (string, integer)."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}},
                            **({"description": description} if description else {})}}


def json_scalar(value) -> HttpResponse:
    """A bare JSON value (number, boolean), or an empty body for null, as Jems answers nullable scalars."""
    if value is None:
        return HttpResponse(status=200, content_type="application/json")
    return HttpResponse(json.dumps(value), status=200, content_type="application/json")


# A BigDecimal of the contract: a JSON number with exact digits (see jems.api.json), never a string.
DecimalNumber = Annotated[Decimal, WithJsonSchema({"type": "number"})]
