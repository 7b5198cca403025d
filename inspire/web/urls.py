from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from inspire.web.inspections import views
from inspire.web.inspections.api import api, not_found as api_not_found
from inspire.web.plans.api import router as plans_router

api.add_router("/plans", plans_router)

urlpatterns = [
    path("", views.home, name="home"),
    path("authorities/", views.authority_list, name="authority_list"),
    path("authorities/<slug:slug>/", views.authority_detail, name="authority_detail"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/evidence/", views.inspection_evidence, name="inspection_evidence"),
    path("inspections/<int:pk>/document/", views.inspection_document, name="inspection_document"),
    path("inspections/<int:pk>/sources/<int:source_pk>/document/", views.inspection_source_document,
         name="inspection_source_document"),
    path("national/", views.national_picture, name="national"),
    path("search/", views.search, name="search"),
    path("upload/", views.upload, name="upload"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("exports/", include("inspire.web.inspections.exports")),
    path("plans/", include("inspire.web.plans.urls")),
    path("", include("inspire.web.indicators.urls")),
    path("api/", api.urls),
    re_path(r"^api/", api_not_found),
    path("admin/", admin.site.urls),
]
