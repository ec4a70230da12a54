"""The words the landlord uses for repairs and complaints."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    VISIT = "visit", _("During a visit")
    OPERATIVE = "operative", _("By an operative in the home")


class Category(models.TextChoices):
    PLUMBING = "plumbing", _("Plumbing")
    HEATING = "heating", _("Heating and hot water")
    ELECTRICAL = "electrical", _("Electrical")
    DAMP_MOULD = "damp_mould", _("Damp and mould")
    WINDOWS = "windows", _("Windows")
    DOORS = "doors", _("Doors")
    GATES_FENCES = "gates_fences", _("Gates and fences")
    ROOFING = "roofing", _("Roofing")
    KITCHEN = "kitchen", _("Kitchen")
    BATHROOM = "bathroom", _("Bathroom")
    COMMUNAL = "communal", _("Communal areas")
    ADAPTATIONS = "adaptations", _("Aids and adaptations")
    OTHER = "other", _("Other")


class Priority(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency")
    URGENT = "urgent", _("Urgent")
    ROUTINE = "routine", _("Routine")


class Hazard(models.TextChoices):
    """A hazard under Awaab's Law: an emergency hazard of any kind, or a significant hazard of one of
    the groups of the Housing Health and Safety Rating System (HHSRS) the law covers. Which of them
    have clocks, and from which day, is the setting AWAABS_LAW_HAZARDS (repairs.clocks reads it)."""

    NONE = "", _("No hazard")
    EMERGENCY = "emergency", _("Emergency hazard")
    DAMP_MOULD = "damp_mould", _("Significant damp and mould hazard")
    # The 2026 group.
    EXCESS_COLD_HEAT = "excess_cold_heat", _("Significant excess cold or excess heat hazard")
    FALLS = "falls", _("Significant falls hazard")
    COLLAPSE_EXPLOSION = "collapse_explosion", _("Significant structural collapse or explosion hazard")
    FIRE_ELECTRICAL = "fire_electrical", _("Significant fire, flames, hot surfaces or electrical hazard")
    HYGIENE = "hygiene", _("Significant domestic or personal hygiene, sanitation or drainage hazard")
    FOOD_SAFETY = "food_safety", _("Significant food safety hazard")
    # The 2027 group: every other HHSRS hazard except crowding and space.
    OTHER_HHSRS = "other_hhsrs", _("Another significant HHSRS hazard (not crowding and space)")


class Status(models.TextChoices):
    REPORTED = "reported", _("Reported")
    INSPECTED = "inspected", _("Inspected")
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = [Status.REPORTED, Status.INSPECTED, Status.SCHEDULED, Status.IN_PROGRESS]


class Slot(models.TextChoices):
    MORNING = "am", _("Morning, 8am to 12pm")
    AFTERNOON = "pm", _("Afternoon, 12pm to 5pm")
    ALL_DAY = "all_day", _("All day, 8am to 5pm")


class AppointmentOutcome(models.TextChoices):
    BOOKED = "booked", _("Booked")
    KEPT = "kept", _("Kept")
    MISSED_BY_LANDLORD = "missed_by_landlord", _("Missed by us")
    NO_ACCESS = "no_access", _("No access")


class ComplaintCategory(models.TextChoices):
    REPAIRS = "repairs", _("Repairs")
    COMMUNICATION = "communication", _("Communication")
    STAFF_CONDUCT = "staff_conduct", _("Staff conduct")
    DISCRIMINATION = "discrimination", _("Discrimination")
    ANTI_SOCIAL_BEHAVIOUR = "anti_social_behaviour", _("Anti-social behaviour")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")


class Finding(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("Substantiated")
    PARTLY_SUBSTANTIATED = "partly_substantiated", _("Partly substantiated")
    NOT_SUBSTANTIATED = "not_substantiated", _("Not substantiated")


class CheckType(models.TextChoices):
    """The building-safety checks the Regulator's BS01 to BS05 count, in that order."""

    GAS = "gas", _("Gas safety check")
    FIRE = "fire_risk", _("Fire risk assessment")
    ASBESTOS = "asbestos", _("Asbestos management survey or re-inspection")
    WATER = "water", _("Legionella (water) risk assessment")
    LIFTS = "lifts", _("Communal passenger lift safety check")


# The measure each check type is reported as.
CHECK_MEASURES = {
    CheckType.GAS: "BS01",
    CheckType.FIRE: "BS02",
    CheckType.ASBESTOS: "BS03",
    CheckType.WATER: "BS04",
    CheckType.LIFTS: "BS05",
}


class AsbChannel(models.TextChoices):
    """How an anti-social behaviour report reached us (the contact's channel, where it came from one)."""

    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    LETTER = "letter", _("Letter")
    OTHER = "other", _("Other")
