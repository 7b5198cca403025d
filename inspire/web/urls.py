from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from inspire.web.improve.api import router as plans_router
from inspire.web.read import views as read
from inspire.web.see import views as see
from inspire.web.see.api import api
from inspire.web.see.api import not_found as api_not_found
from inspire.web.see.api_picture import router as picture_router

api.add_router("/plans", plans_router)
api.add_router("/", picture_router)

urlpatterns = [
    path("", read.home, name="home"),
    path("authorities/", read.authority_list, name="authority_list"),
    path("authorities/<slug:slug>/", read.authority_detail, name="authority_detail"),
    path("inspections/<int:pk>/", read.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/evidence/", read.inspection_evidence, name="inspection_evidence"),
    path("inspections/<int:pk>/document/", read.inspection_document, name="inspection_document"),
    path(
        "inspections/<int:pk>/sources/<int:source_pk>/document/",
        read.inspection_source_document,
        name="inspection_source_document",
    ),
    path("national/", see.national_picture, name="national"),
    path("national/authorities/", see.national_authorities, name="national_authorities"),
    path("national/charts/<slug:chart>.csv", see.chart_download, name="chart_download"),
    path("national/official/", see.official_statistics, name="official_statistics"),
    path("national/reconciliation/", see.reconciliation, name="reconciliation"),
    path("themes/", see.theme_list, name="theme_list"),
    path("themes/<slug:theme_id>/", see.theme_detail, name="theme_detail"),
    path("recommendations/<int:pk>/similar/", see.recommendation_similar, name="recommendation_similar"),
    path("search/", see.search, name="search"),
    path("upload/", read.upload, name="upload"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("exports/", include("inspire.web.see.exports")),
    path("plans/", include("inspire.web.improve.urls")),
    path("", include("inspire.web.measure.urls")),
    path("api/", api.urls),
    re_path(r"^api/", api_not_found),
    path("admin/", admin.site.urls),
]
