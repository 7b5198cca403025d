"""Admin registrations. Progress updates, overrides and audit entries are read-only here too."""

from django.contrib import admin

from inspire.web.improve import models


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ThemeInline(admin.TabularInline):
    model = models.Theme
    extra = 0


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "authority", "received", "created")
    list_filter = ("authority",)
    inlines = [ThemeInline]
    raw_id_fields = ("inspection",)


class MilestoneInline(admin.TabularInline):
    model = models.Milestone
    extra = 0


@admin.register(models.Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ("ref", "text", "item")
    inlines = [MilestoneInline]
    raw_id_fields = ("item",)


@admin.register(models.PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ("ref", "title", "plan", "judgement_area")
    list_filter = ("plan",)
    raw_id_fields = ("recommendation",)


admin.site.register(
    [models.Measure, models.MeasureValue, models.Board, models.BoardMember, models.Meeting, models.Risk]
)


@admin.register(models.ProgressUpdate, models.RagOverride, models.AuditEntry)
class AppendOnlyAdmin(ReadOnlyAdmin):
    pass
