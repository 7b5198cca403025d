from django.contrib import admin

from inspire.web.measure.models import AnnexAImport, ComparatorValue, IndicatorValue, Population


@admin.register(AnnexAImport)
class AnnexAImportAdmin(admin.ModelAdmin):
    list_display = ("authority", "filename", "created", "first_date", "last_date", "problem_count")
    list_filter = ("authority",)
    exclude = ("problems",)


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ("authority", "indicator", "period_start", "period_end", "value", "source")
    list_filter = ("source", "indicator")


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ("authority", "as_at", "under_18", "source")


@admin.register(ComparatorValue)
class ComparatorValueAdmin(admin.ModelAdmin):
    list_display = ("indicator", "period_end", "level", "code", "value")
    list_filter = ("level", "indicator")
