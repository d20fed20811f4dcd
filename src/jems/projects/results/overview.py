"""A.4 Project outputs and results overview (ProjectResultApi indicatorsOverview).

One line per project output (C.4): its programme output indicator with the sum of the target values of all the
project's outputs measured by that indicator, the output itself (number "WP.output", title, target value), and
the result indicator the output indicator contributes to with the baselines and the summed target values of the
project's results (C.5) measured by it. Result indicators of project results that no output leads to get one
line each of their own (`onlyResultWithoutOutputs`). Lines are ordered by result indicator, output indicator
and output number; programme indicators are read live (two queries whatever the number of lines)."""

from decimal import Decimal

from jems.priorities.models import OutputIndicator, ResultIndicator

ZERO = Decimal("0.00")
LAST = float("inf")


def _outputs(work_plan: list[dict]) -> list[dict]:
    return [{**output, "workPackageNumber": wp["number"]} for wp in work_plan for output in wp["outputs"]]


def _sum(values) -> Decimal:
    return sum((v for v in values if v is not None), ZERO)


def _output_indicator_fields(indicator: OutputIndicator | None) -> dict:
    return {"outputIndicatorId": indicator.pk if indicator else None,
            "outputIndicatorCode": indicator.code if indicator else None,
            "outputIndicatorIdentifier": indicator.identifier if indicator else None,
            "outputIndicatorName": dict(indicator.name or {}) if indicator else None,
            "outputIndicatorMeasurementUnit": dict(indicator.measurement_unit or {}) if indicator else None}


def _result_fields(indicator: ResultIndicator | None, results: list[dict]) -> dict:
    return {"resultIndicatorId": indicator.pk if indicator else None,
            "resultIndicatorCode": indicator.code if indicator else None,
            "resultIndicatorIdentifier": indicator.identifier if indicator else None,
            "resultIndicatorName": dict(indicator.name or {}) if indicator else None,
            "resultIndicatorMeasurementUnit": dict(indicator.measurement_unit or {}) if indicator else None,
            "resultIndicatorBaseline": sorted({r["baseline"] for r in results}),
            "resultIndicatorTargetValueSumUp": _sum(r["targetValue"] for r in results)}


def overview_lines(work_plan: list[dict], results: list[dict]) -> list[dict]:
    """The A.4 lines (dicts with the IndicatorOverviewLineDTO keys, translations as {language: text})."""
    outputs = _outputs(work_plan)
    output_indicators = {i.pk: i for i in OutputIndicator.objects.filter(
        pk__in={o["programmeOutputIndicatorId"] for o in outputs if o["programmeOutputIndicatorId"]})}
    result_ids = {r["programmeResultIndicatorId"] for r in results if r["programmeResultIndicatorId"]}
    result_ids |= {i.result_indicator_id for i in output_indicators.values() if i.result_indicator_id}
    result_indicators = {i.pk: i for i in ResultIndicator.objects.filter(pk__in=result_ids)}
    results_by_indicator: dict = {}
    for result in results:
        results_by_indicator.setdefault(result["programmeResultIndicatorId"], []).append(result)
    target_by_output_indicator: dict = {}
    for output in outputs:
        target_by_output_indicator.setdefault(output["programmeOutputIndicatorId"], []).append(output["targetValue"])

    lines = []
    reached = set()
    for output in outputs:
        output_indicator = output_indicators.get(output["programmeOutputIndicatorId"])
        result_id = output_indicator.result_indicator_id if output_indicator else None
        result_indicator = result_indicators.get(result_id)
        if result_indicator is not None:
            reached.add(result_indicator.pk)
        lines.append({
            **_output_indicator_fields(output_indicator),
            "outputIndicatorTargetValueSumUp": _sum(target_by_output_indicator[output_indicator.pk])
            if output_indicator else None,
            "projectOutputNumber": f"{output['workPackageNumber']}.{output['number']}",
            "projectOutputTitle": dict(output["title"]),
            "projectOutputTargetValue": output["targetValue"],
            **_result_fields(result_indicator,
                             results_by_indicator.get(result_indicator.pk, []) if result_indicator else []),
            "onlyResultWithoutOutputs": False,
            "_sort": (result_id or LAST, output_indicator.pk if output_indicator else LAST,
                      output["workPackageNumber"], output["number"]),
        })
    for indicator_id in sorted(set(results_by_indicator) - reached, key=lambda i: i or LAST):
        lines.append({
            **_output_indicator_fields(None), "outputIndicatorTargetValueSumUp": None,
            "projectOutputNumber": None, "projectOutputTitle": None, "projectOutputTargetValue": None,
            **_result_fields(result_indicators.get(indicator_id), results_by_indicator[indicator_id]),
            "onlyResultWithoutOutputs": True,
            "_sort": (indicator_id or LAST, LAST, LAST, LAST),
        })
    lines.sort(key=lambda line: line["_sort"])
    for line in lines:
        del line["_sort"]
    return lines
