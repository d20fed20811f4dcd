"""JSON on the wire as Jems writes it: BigDecimal values are JSON numbers with their exact digits
(`1500.00`, never a string and never a binary float), and numbers read from requests become Decimal."""

import json
from decimal import Decimal

import simplejson
from django.core.serializers.json import DjangoJSONEncoder
from ninja.parser import Parser
from ninja.renderers import BaseRenderer

_django = DjangoJSONEncoder()


def _default(value):
    return _django.default(value)


def dumps(data) -> str:
    return simplejson.dumps(data, use_decimal=True, default=_default, ensure_ascii=False)


class DecimalJSONRenderer(BaseRenderer):
    """Writes Decimal as a JSON number with its exact digits."""

    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return dumps(data)


class DecimalJSONParser(Parser):
    """Reads JSON numbers with a fraction as Decimal, so that amounts keep their exact digits."""

    def parse_body(self, request):
        return json.loads(request.body, parse_float=Decimal)
