"""Other landlords' Tenant Satisfaction Measures, as the Regulator of Social Housing publishes them
(its "full dataset", read by `import_rsh_tsm`): one row per landlord, year and measure, with what
the Regulator says about the landlord (type, size, predominant region, supported housing), so a
landlord can be placed among all landlords and among its peers (surveys/peers.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LandlordType(models.TextChoices):
    PRIVATE = "PRP", _("Housing association (private registered provider)")
    LOCAL_AUTHORITY = "LA", _("Council (local authority registered provider)")


class SizeBand(models.TextChoices):
    UNDER_5000 = "<5,000", _("Fewer than 5,000 homes")
    UP_TO_40000 = "5,000-40,000", _("5,000 to 40,000 homes")
    OVER_40000 = ">40,000", _("More than 40,000 homes")


class PeerRegion(models.TextChoices):
    """The Regulator's predominant regions: where most of a landlord's homes are."""

    NORTH = "North", _("North")
    MIDLANDS = "Midlands", _("Midlands")
    LONDON = "London", _("London")
    SOUTH = "South", _("South")
    MIXED = "Mixed", _("Mixed (no one region)")


class PublishedMeasure(models.Model):
    """One landlord's result for one measure and tenure in one reporting year, as published."""

    year = models.PositiveSmallIntegerField(help_text=_("The reporting year's end: 2025 is April 2024 to March 2025."))
    landlord_code = models.CharField(max_length=20)
    landlord_name = models.CharField(max_length=200)
    landlord_type = models.CharField(max_length=3, choices=LandlordType.choices)
    # Blank where the Regulator gives none (a landlord that merged during the year).
    size_band = models.CharField(max_length=12, choices=SizeBand.choices, blank=True)
    region = models.CharField(max_length=10, choices=PeerRegion.choices, blank=True)
    # More than 30% of its rented homes are supported housing; None where the sheet does not say.
    mostly_supported = models.BooleanField(null=True)
    measure = models.CharField(max_length=10)  # as the product writes it: "TP01", "RP02 (1)", "CH01 (2)"
    tenure = models.CharField(max_length=4, blank=True)  # "LCRA", "LCHO", or blank for both together
    # A proportion (0 to 1) for a share, a number per 1,000 homes for NM01 and CH01: as the product's own figures.
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "landlord_code", "measure", "tenure"], name="one_published_figure_per_landlord"
            )
        ]
        indexes = [models.Index(fields=["year", "measure", "tenure"], name="published_measure_lookup")]

    def __str__(self):
        return f"{self.landlord_name} {self.year} {self.measure} {self.tenure}: {self.value}"
