from datetime import date

from django.conf import settings
from django.db import models


def current_tenancy(path=""):
    """The one rule for "current": the household's tenancy has not ended. `path` leads from the
    model being filtered to the household, as in `current_tenancy("resident__household__")`."""
    return models.Q(**{f"{path}tenancy_end__isnull": True})


class HouseholdQuerySet(models.QuerySet):
    def current(self):
        return self.filter(current_tenancy())


class ResidentQuerySet(models.QuerySet):
    def current(self):
        """Residents whose household's tenancy has not ended."""
        return self.filter(current_tenancy("household__"))

    def pks_by_reference(self, references=None):
        """{the landlord's person reference: primary key}, of those named in `references` when
        given: how every import finds a resident."""
        held = self.exclude(reference=None) if references is None else self.filter(reference__in=references)
        return dict(held.values_list("reference", "pk"))


class Household(models.Model):
    """A tenancy (or lease) of one home. A home has one current household and may have past ones."""

    home = models.ForeignKey("engagement.Home", on_delete=models.PROTECT, related_name="households")
    tenancy_reference = models.CharField(max_length=30, unique=True)
    tenancy_start = models.DateField()
    tenancy_end = models.DateField(null=True, blank=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        ordering = ["tenancy_reference"]

    def __str__(self):
        return self.tenancy_reference

    @property
    def is_current(self):
        return self.tenancy_end is None


class Resident(models.Model):
    # The landlord's own person reference from its housing system, used to match re-imports.
    reference = models.CharField(max_length=30, unique=True, null=True, blank=True)
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="residents")
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    date_of_birth = models.DateField(null=True, blank=True)
    is_lead_tenant = models.BooleanField(default=False)
    # A resident who signs in to answer surveys and keep their own preferences up to date.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="resident"
    )

    objects = ResidentQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"])]
        permissions = [
            ("export_resident_data", "Can export everything held about a resident (subject access; audited)"),
            ("erase_resident", "Can erase a resident's identifying and special-category data on request (audited)"),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day):
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self):
        return self.age_on(date.today())
