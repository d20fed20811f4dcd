"""Fresh-install baseline: five predefined checklist templates, one per checklist type, written by us in
the spirit of the Interreg harmonised implementation tools (HIT). They are ordinary, unlocked templates:
programmes edit, clone or delete them. Created by a data migration (historical models) and by `ensure()`
only when there is no checklist template at all; existing templates are never changed."""

from django.utils import timezone

YES_NO = ("Yes", "No", None)
YES_NO_NA = ("Yes", "No", "Not applicable")


def headline(text):
    return "HEADLINE", {"value": text}


def toggle(question, options=YES_NO):
    first, second, third = options
    return "OPTIONS_TOGGLE", {"question": question, "firstOption": first, "secondOption": second,
                              "thirdOption": third, "justification": None}


def text(question, label="Comment", max_length=2000):
    return "TEXT_INPUT", {"question": question, "explanationLabel": label, "explanationMaxLength": max_length}


def score(question, weight="1"):
    return "SCORE", {"question": question, "weight": weight}


APPLICATION_FORM_ASSESSMENT = (
    headline("Part A – Eligibility check"),
    toggle("Was the application submitted in the system before the end date of the call?"),
    toggle("Does the partnership involve partners from at least two participating countries, as the call requires?"),
    toggle("Is the lead partner located in the programme area and does it have an eligible legal status?"),
    toggle("Are all mandatory annexes (partner declarations, letters of support) attached?", YES_NO_NA),
    toggle("Are the requested co-financing rate and the total budget within the limits of the call?"),
    text("Comments on the eligibility check", max_length=3000),
    headline("Part B – Strategic assessment (score 0 = missing, 5 = excellent)"),
    score("Strategic relevance: the project contributes clearly to the selected specific objective and to "
          "the programme's result indicators.", "2"),
    score("Partnership relevance: the partners have the competence needed, their roles are complementary and "
          "each of them is necessary to reach the objectives.", "1.5"),
    score("Cooperation character: the challenge cannot be solved by one country alone; the partners cooperate "
          "in the development, implementation, staffing and financing of the project.", "1.5"),
    score("Contribution to wider strategies and policies (e.g. macro-regional strategies, European Green Deal) "
          "and to the horizontal principles."),
    headline("Part C – Operational assessment (score 0 = missing, 5 = excellent)"),
    score("Work plan: activities, deliverables and outputs are realistic, consistent and lead to the planned "
          "results within the project duration.", "1.5"),
    score("Budget: the budget is proportionate to the planned work; costs are justified and value for money "
          "is demonstrated.", "1.5"),
    score("Communication: communication activities address the right target groups and support the "
          "achievement of the project objectives."),
    score("Management: the management structure, decision making and quality assurance are clear and "
          "adequate to the size of the partnership."),
    score("Durability: the outputs and results will be used, owned and sustained after the end of the project."),
    headline("Overall assessment"),
    text("Main strengths of the project", max_length=3000),
    text("Main weaknesses and risks", max_length=3000),
    toggle("Recommendation to the monitoring committee", ("Approve", "Approve with conditions", "Reject")),
    text("Conditions to be fulfilled before contracting (if any)", label="Conditions", max_length=5000),
)

CONTRACTING = (
    headline("Conditions of the funding decision"),
    toggle("Were all conditions of the monitoring committee fulfilled in the approved version of the "
           "application form?", YES_NO_NA),
    text("How were the conditions fulfilled?", max_length=3000),
    headline("Partners"),
    toggle("Did every partner confirm its legal status and its VAT status?"),
    toggle("Are the bank details of the lead partner complete?"),
    toggle("Was the partnership agreement signed by all partners?"),
    toggle("Are activities relevant for state aid identified and is the applicable aid scheme assigned?",
           YES_NO_NA),
    headline("Subsidy contract"),
    toggle("Does the subsidy contract show the approved budget and co-financing amounts?"),
    toggle("Are the project start and end dates and the reporting schedule set?"),
    toggle("Was the subsidy contract signed by the lead partner and by the managing authority?"),
    text("Remarks", max_length=3000),
)

CONTROL = (
    headline("General"),
    toggle("Was the partner report submitted complete and for the right reporting period?"),
    headline("Eligibility of expenditure"),
    toggle("Was the expenditure incurred and paid within the eligibility period of the project?"),
    toggle("Is every item foreseen in the approved budget and linked to project activities?"),
    toggle("Is every item supported by an invoice or a document of equal probative value and by a proof of "
           "payment?"),
    toggle("Were staff costs calculated with the method chosen in the application (e.g. hourly rate, flat "
           "rate, fixed percentage)?", YES_NO_NA),
    text("Comments on the eligibility of expenditure"),
    headline("Public procurement"),
    toggle("Were the EU and national public procurement rules respected for every contract above the "
           "applicable threshold?", YES_NO_NA),
    text("Comments on public procurement"),
    headline("State aid"),
    toggle("Are the reported activities free of state aid, or covered by the aid scheme set in the contract "
           "(e.g. de minimis, GBER)?", YES_NO_NA),
    text("Comments on state aid"),
    headline("Information and publicity"),
    toggle("Were the visibility obligations met (EU emblem with the programme logo, project website, poster)?"),
    text("Comments on information and publicity"),
    headline("VAT"),
    toggle("Is recoverable VAT excluded from the reported expenditure?", YES_NO_NA),
    text("Comments on VAT"),
    headline("Double funding"),
    toggle("Is it ensured that the expenditure was not financed by another EU or national source (e.g. "
           "invoices marked with the project reference)?"),
    text("Comments on double funding"),
    headline("Conclusion"),
    toggle("Result of the administrative verification",
           ("Satisfactory", "Satisfactory with findings", "Not satisfactory")),
    text("Findings and recommendations", label="Findings", max_length=5000),
)

VERIFICATION = (
    headline("Completeness"),
    toggle("Are the control certificates of all partners with expenditure included in the project report?",
           YES_NO_NA),
    toggle("Does the project report cover the whole reporting period?"),
    headline("Progress of the project"),
    toggle("Is the progress described consistent with the work plan of the approved application form?"),
    toggle("Were the outputs and deliverables planned for the period achieved?"),
    text("Deviations from the work plan and their justification", max_length=3000),
    toggle("Are the reported indicator values plausible and supported by evidence?"),
    headline("Finances"),
    toggle("Is the spending in line with the budget and within the flexibility rules of the programme?"),
    toggle("Were lump sums claimed only for completed deliverables?", YES_NO_NA),
    headline("Result"),
    text("Requests for clarification sent to the lead partner", label="Requests", max_length=3000),
    toggle("Is the project report accepted for payment?", ("Yes", "Yes, with corrections", "No")),
)

CLOSURE = (
    headline("Final report"),
    toggle("Was the final project report submitted and verified?"),
    toggle("Were all outputs delivered and the target values of the result indicators reached?"),
    text("Explanation of deviations from the target values", max_length=3000),
    headline("Durability and ownership"),
    toggle("Is the durability of the outputs and results ensured (ownership, use, maintenance)?"),
    toggle("Do investments keep their purpose and ownership for the required period after the final payment?",
           YES_NO_NA),
    headline("Finances"),
    toggle("Were all payments to the project made and were amounts to be recovered settled?"),
    toggle("Are all audit findings and financial corrections of the project closed?", YES_NO_NA),
    headline("Documents"),
    toggle("Was the lead partner informed about the retention period of the project documents?"),
    text("Final remarks", max_length=3000),
)

# (type, name, min score, max score, components)
TEMPLATES = (
    ("APPLICATION_FORM_ASSESSMENT", "Assessment of the application form (eligibility and quality)", "0", "5",
     APPLICATION_FORM_ASSESSMENT),
    ("CONTRACTING", "Check before contracting", None, None, CONTRACTING),
    ("CONTROL", "First-level control: administrative verification", None, None, CONTROL),
    ("VERIFICATION", "Verification of the project report", None, None, VERIFICATION),
    ("CLOSURE", "Project closure", None, None, CLOSURE),
)


def ensure_templates(ProgrammeChecklist, ChecklistComponent) -> None:
    """Create the predefined templates when there is no template yet (works with historical models)."""
    if ProgrammeChecklist.objects.exists():
        return
    now = timezone.now()
    for checklist_type, name, min_score, max_score, components in TEMPLATES:
        checklist = ProgrammeChecklist.objects.create(
            type=checklist_type, name=name, min_score=min_score, max_score=max_score, allows_decimal_score=False,
            locked=False, last_modification_date=now,
        )
        ChecklistComponent.objects.bulk_create([
            ChecklistComponent(checklist=checklist, type=kind, position=position, metadata=dict(metadata))
            for position, (kind, metadata) in enumerate(components)
        ])


def ensure() -> None:
    from .models import ChecklistComponent, ProgrammeChecklist

    ensure_templates(ProgrammeChecklist, ChecklistComponent)
