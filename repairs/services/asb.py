"""Opening an anti-social behaviour case (NM01 counts the cases opened in the year)."""

from uuid import uuid4

from django.db import transaction

from repairs.models import AsbCase


@transaction.atomic
def asb_case_open(*, home, opened_on, involves_hate_incident, channel, summary="", opened_by=None):
    """Open a case; its reference is "ASB" and its number."""
    case = AsbCase.objects.create(
        reference=f"~{uuid4().hex[:20]}",  # unique until the case has its number
        home=home,
        opened_on=opened_on,
        involves_hate_incident=involves_hate_incident,
        channel=channel,
        summary=summary,
        opened_by=opened_by,
    )
    case.reference = f"ASB{case.pk:06d}"
    case.save(update_fields=["reference"])
    return case
