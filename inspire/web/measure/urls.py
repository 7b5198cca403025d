from django.urls import path, re_path

from inspire.web.measure import import_views, views

app_name = "indicators"

urlpatterns = [
    path("authorities/<slug:slug>/indicators/", views.dashboard, name="dashboard"),
    path("authorities/<slug:slug>/indicators/import/", import_views.annex_a_upload, name="upload"),
    path("authorities/<slug:slug>/indicators/imports/<int:pk>/", import_views.dataset_detail, name="dataset"),
    path("authorities/<slug:slug>/indicators/population/", import_views.population_enter, name="population"),
    path("authorities/<slug:slug>/indicators/export.xlsx", views.export_xlsx, name="export"),
    re_path(
        r"^authorities/(?P<slug>[-\w]+)/indicators/benchmarking\.(?P<kind>xlsx|csv)$",
        views.benchmark_export,
        name="benchmarking",
    ),
    path("authorities/<slug:slug>/indicators/<slug:indicator_id>/", views.indicator_detail, name="detail"),
    path("indicators/comparators/", import_views.comparators_upload, name="comparators"),
]
