from django.urls import path

from inspire.web.measure import views

app_name = "indicators"

urlpatterns = [
    path("authorities/<slug:slug>/indicators/", views.dashboard, name="dashboard"),
    path("authorities/<slug:slug>/indicators/import/", views.annex_a_upload, name="upload"),
    path("authorities/<slug:slug>/indicators/imports/<int:pk>/", views.dataset_detail, name="dataset"),
    path("authorities/<slug:slug>/indicators/population/", views.population_enter, name="population"),
    path("authorities/<slug:slug>/indicators/export.xlsx", views.export_xlsx, name="export"),
    path("authorities/<slug:slug>/indicators/<slug:indicator_id>/", views.indicator_detail, name="detail"),
    path("indicators/comparators/", views.comparators_upload, name="comparators"),
]
