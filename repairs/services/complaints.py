from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import StaleEdit, save_unless_changed
from repairs.models import (
    Complaint,
    ComplaintCategory,
    ComplaintCategoryChange,
    ComplaintCategoryTag,
    ComplaintStage,
    DiscriminationAllegation,
)
from repairs.services.repairs import _placeholder_reference


@transaction.atomic
def complaint_raise(*, resident, received_on, summary, categories, repairs=(), raised_by=None):
    """Log a stage 1 complaint. An allegation of discrimination gets its own record, to be answered
    in its own right."""
    complaint = Complaint.objects.create(
        reference=_placeholder_reference(),
        resident=resident,
        household=resident.household,
        received_on=received_on,
        summary=summary,
        raised_by=raised_by,
    )
    complaint.reference = f"C{complaint.pk:07d}"
    complaint.save(update_fields=["reference"])
    ComplaintCategoryTag.objects.bulk_create(
        [ComplaintCategoryTag(complaint=complaint, category=code) for code in dict.fromkeys(categories)]
    )
    complaint.repairs.set(repairs)
    ComplaintStage.objects.create(complaint=complaint, number=1, received_on=received_on)
    if ComplaintCategory.DISCRIMINATION in categories:
        DiscriminationAllegation.objects.create(complaint=complaint)
    return complaint


@transaction.atomic
def complaint_categories_correct(*, complaint, categories, by, reason, read_at=None):
    """Correct what a complaint is about, recording what it was. A newly alleged discrimination gets
    its own record; one already recorded stays, since it must still be answered. `read_at`: the
    complaint's revision when the page was read; StaleEdit if it was changed since."""
    before = complaint.category_codes()
    after = list(dict.fromkeys(categories))
    if set(before) == set(after):
        return None
    try:
        save_unless_changed(complaint, read_at, [])  # claims the complaint: one correction at a time
    except StaleEdit as error:
        now = ", ".join(str(ComplaintCategory(code).label) for code in error.current.category_codes())
        raise StaleEdit(error.current, [(_("What the complaint is about"), now)]) from None
    complaint.categories.exclude(category__in=after).delete()
    ComplaintCategoryTag.objects.bulk_create(
        [ComplaintCategoryTag(complaint=complaint, category=code) for code in after if code not in before]
    )
    if ComplaintCategory.DISCRIMINATION in after:
        DiscriminationAllegation.objects.get_or_create(complaint=complaint)
    return ComplaintCategoryChange.objects.create(
        complaint=complaint, before=before, after=after, reason=reason, changed_by=by
    )


@transaction.atomic
def complaint_escalate(*, complaint, received_on):
    """The resident is not satisfied with the stage 1 decision: open stage 2."""
    stage_one = complaint.stages.filter(number=1).first()
    if complaint.stages.filter(number=2).exists():
        raise ValidationError(_("This complaint is already at stage 2."))
    if stage_one is None or stage_one.responded_on is None:
        raise ValidationError(_("Send the stage 1 decision before escalating the complaint to stage 2."))
    if received_on < stage_one.responded_on:
        raise ValidationError(_("The escalation date must be on or after the stage 1 decision."))
    if complaint.closed_on is not None:
        complaint.closed_on = None  # a closed complaint reopens when the resident escalates it
        complaint.save(update_fields=["closed_on"])
    return ComplaintStage.objects.create(complaint=complaint, number=2, received_on=received_on)


@transaction.atomic
def complaint_close(*, complaint, closed_on, lesson_learnt="", read_at=None):
    """Close a complaint once its current stage has a decision and any allegation of
    discrimination has its own finding."""
    problems = closing_problems(complaint, closed_on)
    if problems:
        raise ValidationError(problems)
    complaint.closed_on = closed_on
    if lesson_learnt:
        complaint.lesson_learnt = lesson_learnt
    save_unless_changed(complaint, read_at, ["closed_on", "lesson_learnt"])
    return complaint


def closing_problems(complaint, closed_on):
    """What stops this complaint closing on `closed_on`, as messages (empty when it can close)."""
    problems = []
    stage = complaint.current_stage()
    if stage is None or stage.responded_on is None or not stage.outcome:
        problems.append(_("Record the decision date and outcome of the current stage before closing the complaint."))
    elif closed_on < stage.responded_on:
        problems.append(_("The complaint cannot close before its decision was sent."))
    if complaint.alleges_discrimination:
        allegation = getattr(complaint, "allegation", None)
        if allegation is None or not allegation.has_finding:
            problems.append(
                _(
                    "This complaint alleges discrimination. Record when the allegation was acknowledged "
                    "and investigated, and the finding, before closing the complaint."
                )
            )
    return problems
