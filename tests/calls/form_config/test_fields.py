"""The field catalogue against the reference (code-lists.md §5)."""

from jems.calls.form_config import fields as rules


def test_catalogue_counts_and_defaults():
    assert len(rules.FIELDS) == 141 and len(rules.BY_ID) == 141
    assert sum(field.exists_in(False) for field in rules.FIELDS) == 140
    assert sum(field.exists_in(True) for field in rules.FIELDS) == 119
    for field in rules.FIELDS:
        for spf, expected in ((False, field.default_standard), (True, field.default_spf)):
            assert field.default(spf) == (expected or rules.NONE), field.enum
            assert field.default(spf) in field.allowed(spf)
    assert len(rules.BUDGET_FOLLOWERS) == 37 and len(rules.HIDDEN_SPF) == 23 and len(rules.HIDDEN_STANDARD) == 5


def test_flags():
    title = rules.BY_ENUM["PROJECT_TITLE"]
    assert (title.visibility_locked(False), title.step_selection_locked(False)) == (True, False)
    pic = rules.BY_ENUM["PARTNER_PIC"]
    assert (pic.visibility_locked(False), pic.step_selection_locked(False)) == (False, False)
    role = rules.BY_ENUM["PARTNER_ROLE"]
    assert role.allowed(False) == (rules.BOTH,) and role.allowed(True) == (rules.NONE,)
    assert role.step_selection_locked(False) and not role.visibility_locked(True)
    # No row in SPF calls: fixed to NONE there.
    assert rules.BY_ENUM["PROJECT_INVESTMENT_TITLE"].allowed(True) == (rules.NONE,)
    assert rules.BY_ENUM["PROJECT_OWNERSHIP"].default(True) == rules.STEP_TWO


def test_widening_after_publication():
    pic = rules.BY_ENUM["PARTNER_PIC"]
    assert rules.widening_targets(pic, rules.STEP_TWO, spf=False, published=True) == (rules.BOTH, rules.STEP_TWO)
    assert rules.widening_targets(pic, rules.BOTH, spf=False, published=True) == (rules.BOTH,)
    assert rules.widening_targets(pic, rules.BOTH, spf=False, published=False) == pic.allowed_standard
