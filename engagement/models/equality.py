from django.db import models

from engagement.equality import NOT_ASKED, Answer, Ethnicity


class EqualityProfile(models.Model):
    """Special-category data about one resident. Seeing it needs a permission; every read is audited.

    Every answer starts as "not asked yet", which is different from "prefer not to say".
    """

    resident = models.OneToOneField("engagement.Resident", on_delete=models.CASCADE, related_name="equality")
    ethnicity = models.CharField(max_length=40, choices=Ethnicity.choices, default=NOT_ASKED)
    disability = models.CharField(
        "Disability or long-term condition", max_length=20, choices=Answer.choices, default=NOT_ASKED
    )
    main_language = models.CharField(max_length=60, blank=True, help_text="Blank when not asked yet.")
    interpreter_needed = models.CharField(max_length=20, choices=Answer.choices, default=NOT_ASKED)

    class Meta:
        permissions = [("view_special_category", "Can see special-category equality data (every read is audited)")]

    def __str__(self):
        return f"Equality profile of {self.resident}"
