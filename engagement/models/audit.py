"""An append-only record of every look at, and every change to, special-category data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEWED = "viewed", _("Viewed")
    ADDED = "added", _("Added")
    CHANGED = "changed", _("Changed")
    ENDED = "ended", _("Ended")
    EXPORTED = "exported", _("Exported")
    ERASED = "erased", _("Erased")


class AuditSubject(models.TextChoices):
    EQUALITY_PROFILE = "equality_profile", _("Equality profile")
    SUPPORT_NEEDS = "support_needs", _("Support needs")
    REASONABLE_ADJUSTMENT = "reasonable_adjustment", _("Reasonable adjustment")
    CONTACT_RESTRICTION = "contact_restriction", _("Contact restriction")
    WHOLE_RECORD = "whole_record", _("Everything held about the resident")
    EQUALITY_IMPORT = "equality_import", _("Equality answers imported from a file (no resident: the whole file)")
    SURVEY_ANSWERS = "survey_answers", _("Survey answers")
    SURVEY_LINK = "survey_link", _("Personal survey link")


class AppendOnly(Exception):
    """Raised on any attempt to change or delete an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnly("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """Who looked at or changed which resident's sensitive record, when, and what.

    Entries are only ever added: the model refuses updates and deletes, the admin offers neither,
    and on PostgreSQL a trigger refuses them in the database too. The detail names what was seen or
    which fields changed, never the values, so the log does not become a second copy of the data.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No user: run from the command line (the detail names the system user). No resident: an
    # entry about a whole file (an import), whose detail says how many residents it touched.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resident = models.ForeignKey(
        "engagement.Resident", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    subject = models.CharField(max_length=30, choices=AuditSubject.choices)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    path = models.CharField(_("Page"), max_length=300, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["resident", "-at"])]

    def __str__(self):
        return f"{self.user} {self.get_action_display().lower()} {self.get_subject_display().lower()} of resident {self.resident_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit entries cannot be deleted.")
