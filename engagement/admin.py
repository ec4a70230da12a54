from django.contrib import admin

from engagement.models import Home, Household, Region, Resident


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]


@admin.register(Home)
class HomeAdmin(admin.ModelAdmin):
    list_display = ["property_reference", "address_line_1", "postcode", "region", "scheme_type", "imd_decile"]
    list_filter = ["region", "scheme_type", "has_communal_areas"]
    search_fields = ["property_reference", "uprn", "address_line_1", "postcode"]


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["tenancy_reference", "home", "tenancy_start", "tenancy_end"]
    search_fields = ["tenancy_reference", "home__property_reference"]
    raw_id_fields = ["home"]


@admin.register(Resident)
class ResidentAdmin(admin.ModelAdmin):
    # Equality data is deliberately not shown in the admin: it is read only through audited pages.
    list_display = ["last_name", "first_name", "household", "is_lead_tenant"]
    search_fields = ["last_name", "first_name", "household__home__postcode"]
    raw_id_fields = ["household", "user"]
