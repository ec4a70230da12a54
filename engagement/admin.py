from django import forms
from django.contrib import admin

from engagement.models import ActivityKind, AuditEntry, Home, Household, OutreachSuggestion, Region, Resident


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


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit of special-category data: an administrator can read and filter it, never change it."""

    list_display = ["at", "user", "action", "subject", "resident_id", "detail"]
    list_filter = ["action", "subject", ("at", admin.DateFieldListFilter), "user"]
    search_fields = ["=resident__id", "=resident__reference", "user__username", "detail"]
    date_hierarchy = "at"
    list_select_related = ["user"]
    fields = ["at", "user", "resident_id", "action", "subject", "object_id", "detail", "path"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OutreachSuggestionForm(forms.ModelForm):
    activity_kinds = forms.MultipleChoiceField(
        choices=ActivityKind.choices, widget=forms.CheckboxSelectMultiple, label="Kinds of activity that reach them"
    )

    class Meta:
        model = OutreachSuggestion
        fields = ["dimension", "group", "activity_kinds", "note"]


@admin.register(OutreachSuggestion)
class OutreachSuggestionAdmin(admin.ModelAdmin):
    """Which kinds of activity reach which group: shown beside under-represented groups."""

    form = OutreachSuggestionForm
    list_display = ["dimension", "group", "note"]
    list_filter = ["dimension"]
