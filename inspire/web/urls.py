from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from inspire.web.improve.api import router as plans_router
from inspire.web.read import views as read
from inspire.web.see import views as see
from inspire.web.see.api import api, not_found as api_not_found

api.add_router("/plans", plans_router)

urlpatterns = [
    path("", read.home, name="home"),
    path("authorities/", read.authority_list, name="authority_list"),
    path("authorities/<slug:slug>/", read.authority_detail, name="authority_detail"),
    path("inspections/<int:pk>/", read.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/evidence/", read.inspection_evidence, name="inspection_evidence"),
    path("inspections/<int:pk>/document/", read.inspection_document, name="inspection_document"),
    path("national/", see.national_picture, name="national"),
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
