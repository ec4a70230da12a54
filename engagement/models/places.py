from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DECILE = [MinValueValidator(1), MaxValueValidator(10)]


class Region(models.Model):
    """An English region, identified by its ONS code (E12000001 to E12000009)."""

    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.name


class SchemeType(models.TextChoices):
    GENERAL_NEEDS = "general_needs", _("General needs")
    SUPPORTED = "supported", _("Supported housing")
    OLDER_PEOPLE = "older_people", _("Housing for older people")
    SHARED_OWNERSHIP = "shared_ownership", _("Shared ownership")
    LEASEHOLD = "leasehold", _("Leasehold")


class HomeQuerySet(models.QuerySet):
    def pks_by_reference(self):
        """{property reference: primary key}: how every import finds a home."""
        return dict(self.values_list("property_reference", "pk"))


class Home(models.Model):
    property_reference = models.CharField(max_length=30, unique=True)
    uprn = models.CharField(
        "UPRN",
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^\d{1,12}$", "A UPRN is up to 12 digits.")],
    )
    address_line_1 = models.CharField(max_length=120)
    address_line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=60)
    postcode = models.CharField(max_length=8, db_index=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="homes")
    local_authority = models.CharField(max_length=60)
    lsoa_code = models.CharField("LSOA code", max_length=9, blank=True, db_index=True)
    imd_decile = models.PositiveSmallIntegerField(
        "IMD decile", null=True, blank=True, validators=DECILE, help_text="1 is the most deprived tenth."
    )
    crime_decile = models.PositiveSmallIntegerField(
        "IMD crime-domain decile", null=True, blank=True, validators=DECILE, help_text="1 is the most deprived tenth."
    )
    scheme_type = models.CharField(max_length=20, choices=SchemeType.choices, default=SchemeType.GENERAL_NEEDS)
    # None: not known (a blank in the homes file); then the question about communal areas is asked.
    has_communal_areas = models.BooleanField(null=True, blank=True, default=False)
    # The block the home is in, where the landlord keeps block-level checks (a fire risk assessment, say).
    block_reference = models.CharField(max_length=30, blank=True, db_default="", db_index=True)
    # The officer whose patch the home is in: their worklist and patch view cover it.
    housing_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="patch_homes"
    )

    objects = HomeQuerySet.as_manager()

    class Meta:
        ordering = ["property_reference"]

    def __str__(self):
        return f"{self.address_line_1}, {self.postcode}"

    def current_household(self):
        """The household living here now (the latest current tenancy), or None if the home is empty."""
        return self.households.current().order_by("-tenancy_start").first()

    @property
    def is_low_cost_home_ownership(self):
        """TSM results are reported separately for shared ownership (LCHO) and rented homes (LCRA)."""
        return self.scheme_type == SchemeType.SHARED_OWNERSHIP

    @property
    def is_leasehold(self):
        """Leasehold homes that are not shared ownership are outside the TSM (neither LCRA nor LCHO)."""
        return self.scheme_type == SchemeType.LEASEHOLD
