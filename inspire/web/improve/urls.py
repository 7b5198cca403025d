from django.urls import path, re_path

from inspire.web.improve import (
    access_views,
    board_views,
    governance_views,
    import_views,
    item_views,
    received_views,
    risk_views,
    timeline,
    views,
)

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/", views.plan_new, name="plan_new"),
    path("start/<int:inspection_pk>/", received_views.plan_start, name="plan_start"),
    path("<int:pk>/received/", received_views.plan_received, name="plan_received"),
    re_path(r"^template\.(?P<fmt>xlsx|csv)$", import_views.template_download, name="template"),
    path("councils/<slug:slug>/members/", access_views.members, name="members"),
    path("import/<int:inspection_pk>/", import_views.plan_import, name="plan_import"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/items/<int:item_pk>/", item_views.item_detail, name="item_detail"),
    path("<int:pk>/actions/<int:action_pk>/", views.action_edit, name="action_edit"),
    path("<int:pk>/milestones/<int:milestone_pk>/", views.milestone_edit, name="milestone_edit"),
    path("<int:pk>/measures/<int:measure_pk>/chart.png", views.measure_chart, name="measure_chart"),
    path("<int:pk>/timeline/", timeline.timeline_page, name="timeline"),
    path("<int:pk>/risks/", risk_views.risk_register, name="risks"),
    path("<int:pk>/risks/<int:risk_pk>/", risk_views.risk_edit, name="risk_edit"),
    path("<int:pk>/boards/", board_views.boards, name="boards"),
    path("<int:pk>/meetings/<int:meeting_pk>/", governance_views.meeting_detail, name="meeting"),
    path("<int:pk>/meetings/<int:meeting_pk>/pack/", board_views.pack, name="pack"),
    re_path(
        r"^(?P<pk>[0-9]+)/meetings/(?P<meeting_pk>[0-9]+)/pack\.(?P<fmt>docx|pdf)$",
        board_views.pack,
        name="pack_download",
    ),
    path("<int:pk>/export.xlsx", import_views.plan_export, name="plan_export"),
    path("<int:pk>/tracker.xlsx", import_views.tracker_download, name="tracker"),
    path("<int:pk>/audit/", access_views.audit, name="audit"),
    re_path(r"^(?P<pk>[0-9]+)/audit\.(?P<fmt>csv)$", access_views.audit, name="audit_download"),
]
