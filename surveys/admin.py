"""Surveys in the Django admin, for the rare fix by hand. The builder (surveys/views/builder.py)
is where surveys are made, translated and published.

A published version is read-only: "Make a new version" on the survey page copies it into a draft.
"""

from django.contrib import admin, messages
from django.utils import timezone

from surveys.models import Question, Survey, SurveyApproach, SurveyVersion


class SurveyApproachInline(admin.StackedInline):
    model = SurveyApproach
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "weight_by":
            # Its default is a callable (an empty list), so Django would add a hidden copy of the
            # initial value carrying the help text's aria-describedby, which a hidden input may not
            # have (the W3C checker's error); an empty list compares equal without it.
            field.show_hidden_initial = False
        return field


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    inlines = [SurveyApproachInline]
    list_display = ["title", "kind", "created_at", "closed_at"]
    list_filter = ["kind"]
    search_fields = ["title"]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1
    fields = [
        ("position", "code", "kind"),
        "text",
        "hint",
        "choices",
        ("offer_dont_know", "required"),
        ("asked_if_code", "asked_if_answer", "asked_of"),
        "tsm_measure",
        "translations",
    ]

    def _editable(self, obj):
        return obj is None or not obj.is_published

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


@admin.register(SurveyVersion)
class SurveyVersionAdmin(admin.ModelAdmin):
    list_display = ["survey", "number", "published_at"]
    list_filter = ["survey"]
    readonly_fields = ["survey", "number", "published_at"]
    inlines = [QuestionInline]
    actions = ["publish"]

    def get_fields(self, request, obj=None):
        return ["survey"] if obj is None else ["survey", "number", "published_at"]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_inlines(self, request, obj):
        return [] if obj is None else self.inlines

    def save_model(self, request, obj, form, change):
        if not change:
            # The next number for the survey: a new version is a draft until published.
            last = SurveyVersion.objects.filter(survey=obj.survey).order_by("-number").first()
            obj.number = last.number + 1 if last else 1
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish the selected draft versions", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.filter(published_at__isnull=True).update(published_at=timezone.now())
        self.message_user(request, f"{count} version(s) published.", messages.SUCCESS)
