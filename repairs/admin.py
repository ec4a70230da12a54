from django.contrib import admin

from repairs.models import (
    Appointment,
    Complaint,
    ComplaintCategoryTag,
    ComplaintStage,
    DiscriminationAllegation,
    RepairRequest,
)


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 0
    raw_id_fields = ["operative"]


@admin.register(RepairRequest)
class RepairRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "home", "category", "priority", "status", "reported_at", "completed_at"]
    list_filter = ["status", "priority", "category", "hazard"]
    search_fields = ["reference", "home__property_reference", "home__postcode"]
    raw_id_fields = ["home", "household", "reported_by", "raised_by", "operative", "recall_of"]
    inlines = [AppointmentInline]


class StageInline(admin.StackedInline):
    model = ComplaintStage
    extra = 0


class CategoryInline(admin.TabularInline):
    model = ComplaintCategoryTag
    extra = 0


class AllegationInline(admin.StackedInline):
    model = DiscriminationAllegation
    extra = 0


@admin.register(Complaint)
class ComplaintAdmin(admin.ModelAdmin):
    list_display = ["reference", "received_on", "closed_on"]
    search_fields = ["reference"]
    raw_id_fields = ["resident", "household", "raised_by", "repairs"]
    inlines = [CategoryInline, StageInline, AllegationInline]
