"""Formatting a household for the people who visit it, so templates stay simple."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from engagement.contact_details import shown
from engagement.models import RestrictionKind

# What each kind of contact restriction means for someone about to knock on the door.
RESTRICTION_FOR_VISIT = {
    RestrictionKind.SINGLE_CONTACT: _(
        "Only the named member of staff deals with them. Do the job, and pass anything else to that person."
    ),
    RestrictionKind.WRITTEN_ONLY: _(
        "Do not phone to arrange the visit. Confirm times in writing, and keep talk at the door to the job."
    ),
    RestrictionKind.TWO_STAFF_VISITS: _("Do not go in alone: two members of staff must attend the visit."),
    RestrictionKind.SET_TIMES: _("Phone them only at the agreed times, including to say you are on your way."),
    RestrictionKind.OTHER: _("Read what is restricted before you go, and ask the housing officer if unsure."),
}


@dataclass
class ContactDetails:
    """How to get in touch with one resident: their preferences, and the numbers and email address
    their contact details hold (numbers as people write them)."""

    channels: list = field(default_factory=list)
    formats: list = field(default_factory=list)
    interpreter_language: str = ""
    best_times: str = ""
    no_internet: bool = False
    representative: str = ""
    mobile: str = ""
    landline: str = ""
    email: str = ""

    @classmethod
    def of(cls, resident, preference):
        held = getattr(resident, "contact_details", None)  # a resident may have none recorded
        details = cls(
            mobile=shown(held.mobile_phone) if held else "",
            landline=shown(held.landline_phone) if held else "",
            email=held.email if held else "",
        )
        if preference is not None:
            details.channels = preference.channel_labels
            details.formats = preference.format_labels
            details.interpreter_language = preference.interpreter_language_name
            details.best_times = preference.best_times
            details.no_internet = preference.no_internet
            details.representative = ", ".join(
                part for part in (preference.representative_name, preference.representative_contact) if part
            )
        return details

    def __bool__(self):
        return any((self.channels, self.formats, self.interpreter_language, self.best_times, self.no_internet,
                    self.representative, self.mobile, self.landline, self.email))  # fmt: skip


@dataclass
class RestrictionForVisit:
    restriction: object

    @property
    def for_the_visit(self):
        return RESTRICTION_FOR_VISIT[self.restriction.kind]
