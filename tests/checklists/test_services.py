"""Checklist templates: the service layer (rules, limits, privileges, locking, audit) and the baseline."""

from decimal import Decimal

import pytest
from django.utils import timezone

from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.calls.models import Call, CallStatus
from jems.checklists import baseline, queries, services
from jems.checklists.components import ComponentInput
from jems.checklists.models import ChecklistComponent, ChecklistType, ProgrammeChecklist
from jems.core.errors import Forbidden, NotFound, ValidationFailed

from .conftest import make_checklist

pytestmark = pytest.mark.django_db


def component(kind, position=0, id=None, **metadata):
    return ComponentInput(type=kind, position=position, metadata=metadata, id=id, metadata_type=kind)


def create(actor, **kwargs):
    fields = {"type": "CONTROL", "name": "FLC check", "min_score": None, "max_score": None,
              "allows_decimal_score": False, "components": []}
    fields.update(kwargs)
    return services.create_checklist(actor=actor, **fields)


def inputs_of(checklist):
    return [ComponentInput(type=c.type, position=c.position, metadata=dict(c.metadata), id=c.pk)
            for c in checklist.components.all()]


def update(actor, checklist, **kwargs):
    fields = {"type": checklist.type, "name": checklist.name, "min_score": checklist.min_score,
              "max_score": checklist.max_score, "allows_decimal_score": checklist.allows_decimal_score,
              "components": inputs_of(checklist)}
    fields.update(kwargs)
    return services.update_checklist(actor=actor, checklist_id=checklist.pk, **fields)


def field_keys(error: ValidationFailed) -> dict:
    return {path: message["i18nKey"] for path, message in error.form_errors.items()}


# --- create ----------------------------------------------------------------------------------------------


def test_create_stores_fields_and_normalised_components_and_audits(admin_user):
    checklist = create(admin_user, type="APPLICATION_FORM_ASSESSMENT", name="  Quality  ", min_score=Decimal("0"),
                       max_score=Decimal("5"), allows_decimal_score=True, components=[
                           component("HEADLINE", 0, value="Part A"),
                           component("OPTIONS_TOGGLE", 1, question="OK?", firstOption=" Yes ", secondOption="No",
                                     thirdOption="  "),
                           component("TEXT_INPUT", 2, question="Why?"),
                           component("SCORE", 3, question="Relevance", weight=Decimal("2.50")),
                       ])
    assert (checklist.name, checklist.type, checklist.min_score, checklist.max_score) == (
        "Quality", "APPLICATION_FORM_ASSESSMENT", Decimal("0"), Decimal("5"))
    assert checklist.allows_decimal_score and not checklist.locked
    stored = [(c.type, c.position, c.metadata) for c in checklist.components.all()]
    assert stored == [
        ("HEADLINE", 0, {"value": "Part A"}),
        ("OPTIONS_TOGGLE", 1, {"question": "OK?", "firstOption": "Yes", "secondOption": "No", "thirdOption": None,
                               "justification": None}),
        ("TEXT_INPUT", 2, {"question": "Why?", "explanationLabel": "", "explanationMaxLength": 5000}),
        ("SCORE", 3, {"question": "Relevance", "weight": "2.50"}),
    ]
    event = AuditEvent.objects.get(action=AuditAction.CHECKLIST_IS_CREATED, entity_related_id=checklist.pk)
    assert event.user_id == admin_user.pk and "Quality" in event.description and "4 components" in event.description


def test_create_needs_programme_setup_update(programme_user, applicant):
    for actor in (programme_user, applicant, None):
        with pytest.raises(Forbidden):
            create(actor)
    assert not ProgrammeChecklist.objects.filter(name="FLC check").exists()


@pytest.mark.parametrize(("fields", "expected"), [
    ({"name": "  "}, {"name": "common.error.field.blank"}),
    ({"name": None}, {"name": "common.error.field.blank"}),
    ({"name": "x" * 101}, {"name": "common.error.field.max.length"}),
    ({"min_score": Decimal("-1")}, {"minScore": "programme.checklist.number.out.of.range"}),
    ({"min_score": Decimal("11")}, {"minScore": "programme.checklist.number.out.of.range"}),
    ({"max_score": Decimal("100.01")}, {"maxScore": "programme.checklist.number.out.of.range"}),
    ({"max_score": Decimal("5.555")}, {"maxScore": "programme.checklist.number.decimal.places"}),
    ({"max_score": Decimal("NaN")}, {"maxScore": "programme.checklist.number.invalid"}),
    ({"min_score": Decimal("6"), "max_score": Decimal("5")}, {"maxScore": "programme.checklist.max.score.below.min"}),
    ({"type": "NOPE"}, {"type": "programme.checklist.type.unknown"}),
])
def test_create_refuses_invalid_fields(admin_user, fields, expected):
    with pytest.raises(ValidationFailed) as refused:
        create(admin_user, **fields)
    assert field_keys(refused.value) == expected
    assert refused.value.status == 422


@pytest.mark.parametrize(("given", "expected"), [
    (component("HEADLINE", value="h" * 201), {"components[0].metadata.value": "common.error.field.max.length"}),
    (component("OPTIONS_TOGGLE", question="q" * 1001, firstOption="Yes", secondOption="No"),
     {"components[0].metadata.question": "common.error.field.max.length"}),
    (component("OPTIONS_TOGGLE", firstOption=" ", secondOption="o" * 101, thirdOption="t" * 101),
     {"components[0].metadata.firstOption": "common.error.field.blank",
      "components[0].metadata.secondOption": "common.error.field.max.length",
      "components[0].metadata.thirdOption": "common.error.field.max.length"}),
    (component("TEXT_INPUT", explanationLabel="l" * 51, explanationMaxLength=0),
     {"components[0].metadata.explanationLabel": "common.error.field.max.length",
      "components[0].metadata.explanationMaxLength": "programme.checklist.number.out.of.range"}),
    (component("TEXT_INPUT", explanationMaxLength=5001),
     {"components[0].metadata.explanationMaxLength": "programme.checklist.number.out.of.range"}),
    (component("SCORE", weight=Decimal("100.5")), {"components[0].metadata.weight": "programme.checklist.number.out.of.range"}),
    (component("SCORE", weight=Decimal("-0.01")), {"components[0].metadata.weight": "programme.checklist.number.out.of.range"}),
    (component("SCORE", weight=Decimal("1.234")), {"components[0].metadata.weight": "programme.checklist.number.decimal.places"}),
    (ComponentInput(type="SCORE", position=0, metadata=None), {"components[0].metadata": "common.error.field.required"}),
    (ComponentInput(type="SCORE", position=0, metadata={"value": "x"}, metadata_type="HEADLINE"),
     {"components[0].metadata": "programme.checklist.component.metadata.type.mismatch"}),
])
def test_create_refuses_invalid_components_with_their_paths(admin_user, given, expected):
    with pytest.raises(ValidationFailed) as refused:
        create(admin_user, components=[given])
    assert field_keys(refused.value) == expected


def test_create_accepts_the_limits(admin_user):
    checklist = create(admin_user, name="n" * 100, min_score=Decimal("10"), max_score=Decimal("100"), components=[
        component("HEADLINE", 0, value="h" * 200),
        component("OPTIONS_TOGGLE", 1, question="q" * 1000, firstOption="a" * 100, secondOption="b" * 100,
                  thirdOption="c" * 100),
        component("TEXT_INPUT", 2, explanationLabel="l" * 50, explanationMaxLength=1),
        component("SCORE", 3, weight=Decimal("0")),
        component("SCORE", 4, weight=Decimal("100.00")),
    ])
    assert checklist.components.count() == 5


def test_at_most_200_components(admin_user):
    many = [component("HEADLINE", i, value=f"h{i}") for i in range(200)]
    checklist = create(admin_user, components=many)
    assert checklist.components.count() == 200
    with pytest.raises(ValidationFailed) as refused:
        create(admin_user, components=[*many, component("HEADLINE", 200, value="one too many")])
    assert field_keys(refused.value) == {"components": "programme.checklist.components.max.reached"}
    with pytest.raises(ValidationFailed):
        services.add_component(actor=admin_user, checklist_id=checklist.pk, component_type="HEADLINE")


def test_at_most_100_checklists(admin_user, no_templates):
    now = timezone.now()
    ProgrammeChecklist.objects.bulk_create([
        ProgrammeChecklist(type="CONTROL", name=f"c{i}", last_modification_date=now) for i in range(99)])
    last = create(admin_user, name="the hundredth")
    for attempt in (lambda: create(admin_user, name="too many"),
                    lambda: services.clone_checklist(actor=admin_user, checklist_id=last.pk)):
        with pytest.raises(ValidationFailed) as refused:
            attempt()
        assert refused.value.key == "programme.checklist.max.reached"
        assert refused.value.args_ == {"max": "100"}
    assert ProgrammeChecklist.objects.count() == 100


# --- update --------------------------------------------------------------------------------------------


def test_update_keeps_sent_ids_adds_new_and_removes_missing(admin_user, checklist):
    headline, toggle, text, score = checklist.components.all()
    updated = update(admin_user, checklist, name="Renamed", type="VERIFICATION", components=[
        component("SCORE", 0, id=score.pk, question="Moved first", weight=Decimal("3")),
        component("HEADLINE", 1, id=headline.pk, value="Still here"),
        component("TEXT_INPUT", 2, id=999999, question="New (unknown id)"),
    ])
    rows = list(updated.components.all())
    assert [(c.type, c.position) for c in rows] == [("SCORE", 0), ("HEADLINE", 1), ("TEXT_INPUT", 2)]
    assert rows[0].pk == score.pk and rows[1].pk == headline.pk and rows[2].pk not in {toggle.pk, text.pk, 999999}
    assert not ChecklistComponent.objects.filter(pk__in=[toggle.pk, text.pk]).exists()
    assert (updated.name, updated.type) == ("Renamed", "VERIFICATION")
    assert updated.last_modification_date > checklist.last_modification_date
    event = AuditEvent.objects.get(action=AuditAction.CHECKLIST_IS_CHANGED, entity_related_id=checklist.pk)
    assert "name: Quality check -> Renamed" in event.description and "components: 4 -> 3" in event.description


def test_update_with_changed_texts_only_is_audited_as_content_change(admin_user, checklist):
    components = inputs_of(checklist)
    components[0].metadata["value"] = "Part A (new)"
    update(admin_user, checklist, components=components)
    event = AuditEvent.objects.get(action=AuditAction.CHECKLIST_IS_CHANGED)
    assert "components: content changed" in event.description


def test_update_refusals(admin_user, programme_user, checklist):
    with pytest.raises(Forbidden):
        update(programme_user, checklist, name="Nope")
    with pytest.raises(NotFound) as missing:
        services.update_checklist(actor=admin_user, checklist_id=None, type="CONTROL", name="x")
    assert missing.value.key == "programme.checklist.not.found"
    with pytest.raises(NotFound):
        services.update_checklist(actor=admin_user, checklist_id=checklist.pk + 1000, type="CONTROL", name="x")
    with pytest.raises(ValidationFailed) as refused:
        update(admin_user, checklist, name="")
    assert field_keys(refused.value) == {"name": "common.error.field.blank"}
    assert ProgrammeChecklist.objects.get(pk=checklist.pk).name == "Quality check"
    assert not AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_CHANGED).exists()


def test_published_call_does_not_lock_checklist_templates(admin_user, checklist):
    now = timezone.now()
    Call.objects.create(name="Call 1", status=CallStatus.PUBLISHED, start_date=now, end_date=now)
    update(admin_user, checklist, type="CLOSURE", components=[])
    services.delete_checklist(actor=admin_user, checklist_id=checklist.pk)
    assert not ProgrammeChecklist.objects.filter(pk=checklist.pk).exists()


# --- locking -------------------------------------------------------------------------------------------


def test_lock_template_marks_it_used_and_is_idempotent(checklist):
    services.lock_template(checklist.pk)
    services.lock_template(checklist.pk)
    assert ProgrammeChecklist.objects.get(pk=checklist.pk).locked
    with pytest.raises(NotFound):
        services.lock_template(checklist.pk + 1000)


def test_locked_template_accepts_text_changes(admin_user, checklist):
    services.lock_template(checklist.pk)
    checklist.refresh_from_db()
    components = inputs_of(checklist)
    components[0].metadata["value"] = "Part A renamed"
    components[1].metadata.update(question="Still eligible?", firstOption="Agreed", secondOption="Disagreed")
    components[2].metadata.update(question="Remarks", explanationLabel="Remark")
    components[3].metadata["question"] = "Strategic relevance"
    updated = update(admin_user, checklist, name="Renamed", components=components)
    assert updated.name == "Renamed" and updated.locked
    assert [c.metadata.get("question") or c.metadata.get("value") for c in updated.components.all()] == [
        "Part A renamed", "Still eligible?", "Remarks", "Strategic relevance"]


@pytest.mark.parametrize(("change", "path"), [
    ({"type": "CONTROL"}, "type"),
    ({"min_score": Decimal("1")}, "minScore"),
    ({"max_score": None}, "maxScore"),
    ({"allows_decimal_score": True}, "allowsDecimalScore"),
])
def test_locked_template_refuses_structure_changes(admin_user, checklist, change, path):
    services.lock_template(checklist.pk)
    checklist.refresh_from_db()
    with pytest.raises(ValidationFailed) as refused:
        update(admin_user, checklist, **change)
    assert refused.value.key == "programme.checklist.is.locked"
    assert field_keys(refused.value) == {path: "programme.checklist.locked.frozen"}


def test_locked_template_refuses_component_structure_changes(admin_user, checklist):
    services.lock_template(checklist.pk)
    checklist.refresh_from_db()
    cases = []
    fewer = inputs_of(checklist)[:3]
    cases.append((fewer, "components"))
    swapped = inputs_of(checklist)
    swapped[0].position, swapped[1].position = 1, 0
    cases.append((swapped, ("components[0]", "components[1]")))
    no_id = inputs_of(checklist)
    no_id[2].id = None
    cases.append((no_id, "components[2]"))
    third = inputs_of(checklist)
    third[1].metadata["thirdOption"] = "Maybe"
    cases.append((third, "components[1].metadata.thirdOption"))
    length = inputs_of(checklist)
    length[2].metadata["explanationMaxLength"] = 100
    cases.append((length, "components[2].metadata.explanationMaxLength"))
    weight = inputs_of(checklist)
    weight[3].metadata["weight"] = Decimal("2")
    cases.append((weight, "components[3].metadata.weight"))
    for components, paths in cases:
        with pytest.raises(ValidationFailed) as refused:
            update(admin_user, checklist, components=components)
        paths = paths if isinstance(paths, tuple) else (paths,)
        assert field_keys(refused.value) == dict.fromkeys(paths, "programme.checklist.locked.frozen"), paths
    same_weight = inputs_of(checklist)
    same_weight[3].metadata["weight"] = Decimal("1.50")
    update(admin_user, checklist, components=same_weight)


def test_locked_template_cannot_be_deleted_or_restructured_but_can_be_cloned(admin_user, checklist):
    services.lock_template(checklist.pk)
    ids = [c.pk for c in checklist.components.all()]
    for attempt in (
        lambda: services.delete_checklist(actor=admin_user, checklist_id=checklist.pk),
        lambda: services.add_component(actor=admin_user, checklist_id=checklist.pk, component_type="SCORE"),
        lambda: services.move_component(actor=admin_user, checklist_id=checklist.pk, component_id=ids[1], offset=-1),
        lambda: services.delete_component(actor=admin_user, checklist_id=checklist.pk, component_id=ids[0]),
    ):
        with pytest.raises(ValidationFailed) as refused:
            attempt()
        assert refused.value.key == "programme.checklist.is.locked"
    assert list(ChecklistComponent.objects.filter(checklist=checklist).values_list("pk", flat=True)) == ids
    clone = services.clone_checklist(actor=admin_user, checklist_id=checklist.pk)
    assert not clone.locked and clone.name == "Quality check (copy)"
    assert [(c.type, c.position, c.metadata) for c in clone.components.all()] == [
        (c.type, c.position, c.metadata) for c in checklist.components.all()]
    assert not set(c.pk for c in clone.components.all()) & set(ids)
    assert AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_CREATED, entity_related_id=clone.pk).exists()


def test_clone_refusals_and_long_names(admin_user, programme_user, checklist):
    with pytest.raises(Forbidden):
        services.clone_checklist(actor=programme_user, checklist_id=checklist.pk)
    with pytest.raises(NotFound):
        services.clone_checklist(actor=admin_user, checklist_id=checklist.pk + 1000)
    long = make_checklist(name="n" * 100)
    clone = services.clone_checklist(actor=admin_user, checklist_id=long.pk)
    assert len(clone.name) == 100 and clone.name.endswith(" (copy)")


# --- delete --------------------------------------------------------------------------------------------


def test_delete_removes_components_and_audits(admin_user, programme_user, checklist):
    with pytest.raises(Forbidden):
        services.delete_checklist(actor=programme_user, checklist_id=checklist.pk)
    services.delete_checklist(actor=admin_user, checklist_id=checklist.pk)
    assert not ChecklistComponent.objects.filter(checklist_id=checklist.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.CHECKLIST_IS_DELETED)
    assert event.entity_related_id == checklist.pk and "Quality check" in event.description
    with pytest.raises(NotFound):
        services.delete_checklist(actor=admin_user, checklist_id=checklist.pk)


# --- the editor's one-change services ------------------------------------------------------------------------


def test_add_move_update_and_delete_components(admin_user, checklist):
    added = services.add_component(actor=admin_user, checklist_id=checklist.pk, component_type="OPTIONS_TOGGLE")
    assert (added.position, added.metadata["firstOption"], added.metadata["secondOption"]) == (4, "Yes", "No")
    services.move_component(actor=admin_user, checklist_id=checklist.pk, component_id=added.pk, offset=-1)
    services.move_component(actor=admin_user, checklist_id=checklist.pk, component_id=added.pk, offset=-1)
    order = list(ChecklistComponent.objects.filter(checklist=checklist).values_list("type", "position"))
    assert order == [("HEADLINE", 0), ("OPTIONS_TOGGLE", 1), ("OPTIONS_TOGGLE", 2), ("TEXT_INPUT", 3), ("SCORE", 4)]
    first = ChecklistComponent.objects.get(checklist=checklist, position=0)
    services.move_component(actor=admin_user, checklist_id=checklist.pk, component_id=first.pk, offset=-1)
    assert ChecklistComponent.objects.get(pk=first.pk).position == 0  # the first stays first
    saved = services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=added.pk,
                                      metadata={"question": "Any conflict of interest?", "thirdOption": "Unclear"})
    assert saved.metadata["question"] == "Any conflict of interest?" and saved.metadata["thirdOption"] == "Unclear"
    services.delete_component(actor=admin_user, checklist_id=checklist.pk, component_id=added.pk)
    assert ChecklistComponent.objects.filter(checklist=checklist).count() == 4
    assert AuditEvent.objects.filter(action=AuditAction.CHECKLIST_IS_CHANGED).count() == 5


def test_component_edit_refusals(admin_user, programme_user, checklist):
    score = checklist.components.get(type="SCORE")
    with pytest.raises(ValidationFailed) as refused:
        services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=score.pk,
                                  metadata={"weight": Decimal("101")})
    assert field_keys(refused.value) == {"weight": "programme.checklist.number.out.of.range"}
    with pytest.raises(NotFound):
        services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=score.pk + 1000,
                                  metadata={})
    with pytest.raises(ValidationFailed):
        services.add_component(actor=admin_user, checklist_id=checklist.pk, component_type="DROPDOWN")
    with pytest.raises(Forbidden):
        services.add_component(actor=programme_user, checklist_id=checklist.pk, component_type="SCORE")
    with pytest.raises(Forbidden):
        services.update_settings(actor=programme_user, checklist_id=checklist.pk, type="CONTROL", name="x",
                                 min_score=None, max_score=None, allows_decimal_score=False)


def test_update_settings_keeps_components(admin_user, checklist):
    updated = services.update_settings(actor=admin_user, checklist_id=checklist.pk, type="CONTRACTING",
                                       name="Contract check", min_score=Decimal("1"), max_score=Decimal("10"),
                                       allows_decimal_score=True)
    assert (updated.type, updated.name, updated.min_score, updated.max_score, updated.allows_decimal_score) == (
        "CONTRACTING", "Contract check", Decimal("1.00"), Decimal("10.00"), True)
    assert updated.components.count() == 4


# --- reads -----------------------------------------------------------------------------------------------


def test_reads_need_programme_setup_retrieve(programme_user, applicant, checklist):
    assert checklist.pk in [c.pk for c in queries.list_checklists(actor=programme_user)]
    assert queries.get_checklist(actor=programme_user, checklist_id=checklist.pk).pk == checklist.pk
    with pytest.raises(Forbidden):
        queries.list_checklists(actor=applicant)
    with pytest.raises(Forbidden):
        queries.get_checklist(actor=applicant, checklist_id=checklist.pk)
    with pytest.raises(NotFound):
        queries.get_checklist(actor=programme_user, checklist_id=checklist.pk + 1000)


def test_checklists_of_type_for_other_features(checklist):
    control = make_checklist(name="Control", type="CONTROL")
    assert queries.checklists_of_type("CONTROL") == [(ProgrammeChecklist.objects.get(type="CONTROL",
                                                      name=baseline.TEMPLATES[2][1]).pk, baseline.TEMPLATES[2][1]),
                                                     (control.pk, "Control")]
    assert queries.checklists_of_type(ChecklistType.CONTROL, ids=[control.pk]) == [(control.pk, "Control")]
    assert queries.checklists_of_type("UNKNOWN") == []


# --- baseline ----------------------------------------------------------------------------------------------


def test_fresh_install_has_one_predefined_template_per_type():
    templates = list(ProgrammeChecklist.objects.prefetch_related("components"))
    assert sorted(t.type for t in templates) == sorted(ChecklistType.values)
    for template in templates:
        assert not template.locked
        components = list(template.components.all())
        assert 8 <= len(components) <= 30, template.name
        kinds = {c.type for c in components}
        assert "HEADLINE" in kinds and "OPTIONS_TOGGLE" in kinds and "TEXT_INPUT" in kinds
    assessment = next(t for t in templates if t.type == "APPLICATION_FORM_ASSESSMENT")
    assert (assessment.min_score, assessment.max_score) == (Decimal("0.00"), Decimal("5.00"))
    assert sum(c.type == "SCORE" for c in assessment.components.all()) >= 6
    control = next(t for t in templates if t.type == "CONTROL")
    texts = " ".join(c.metadata.get("value") or "" for c in control.components.all())
    for topic in ("Eligibility of expenditure", "Public procurement", "State aid", "publicity", "VAT",
                  "Double funding"):
        assert topic in texts


def test_predefined_templates_pass_the_rules(admin_user):
    for template in ProgrammeChecklist.objects.all():
        update(admin_user, template)  # re-saving unchanged must be accepted


def test_baseline_ensure_is_idempotent_and_never_changes_templates(admin_user):
    before = ProgrammeChecklist.objects.count()
    first = ProgrammeChecklist.objects.first()
    update(admin_user, first, name="Our own name")
    baseline.ensure()
    assert ProgrammeChecklist.objects.count() == before
    assert ProgrammeChecklist.objects.get(pk=first.pk).name == "Our own name"
    ProgrammeChecklist.objects.all().delete()
    baseline.ensure()
    assert ProgrammeChecklist.objects.count() == len(baseline.TEMPLATES) == 5


# --- optimistic locking of the editor ----------------------------------------------------------------------


def test_editor_saves_based_on_outdated_values_are_refused(admin_user, checklist):
    from jems.checklists.components import component_fingerprint, settings_fingerprint

    score = checklist.components.get(type="SCORE")
    seen_component, seen_settings = component_fingerprint(score), settings_fingerprint(checklist)
    services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=score.pk,
                              metadata={"question": "First editor"}, expected=seen_component)
    with pytest.raises(ValidationFailed) as refused:
        services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=score.pk,
                                  metadata={"question": "Second editor"}, expected=seen_component)
    assert refused.value.key == "programme.checklist.changed.meanwhile"
    assert ChecklistComponent.objects.get(pk=score.pk).metadata["question"] == "First editor"
    services.update_settings(actor=admin_user, checklist_id=checklist.pk, type="CONTROL", name="First",
                             min_score=None, max_score=None, allows_decimal_score=False, expected=seen_settings)
    with pytest.raises(ValidationFailed) as refused:
        services.update_settings(actor=admin_user, checklist_id=checklist.pk, type="CLOSURE", name="Second",
                                 min_score=None, max_score=None, allows_decimal_score=False, expected=seen_settings)
    assert refused.value.key == "programme.checklist.changed.meanwhile"
    # Other components and the unchanged settings fingerprint do not block a save.
    toggle = checklist.components.get(type="OPTIONS_TOGGLE")
    services.update_component(actor=admin_user, checklist_id=checklist.pk, component_id=toggle.pk,
                              metadata={"question": "Independent"}, expected=component_fingerprint(toggle))
    checklist.refresh_from_db()
    services.update_settings(actor=admin_user, checklist_id=checklist.pk, type="CLOSURE", name="Second",
                             min_score=None, max_score=None, allows_decimal_score=False,
                             expected=settings_fingerprint(checklist))
