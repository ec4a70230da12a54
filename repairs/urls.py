from django.urls import path

from repairs.views import complaints, complaints_report, repairs, resident

app_name = "repairs"

urlpatterns = [
    path("", repairs.repair_list, name="list"),
    path("raise/", repairs.repair_raise, name="raise"),
    path("jobs/", repairs.operative_jobs, name="jobs"),
    path("<int:pk>/", repairs.repair_detail, name="detail"),
    path("<int:pk>/update/", repairs.repair_update, name="update"),
    path("<int:pk>/book/", repairs.appointment_book, name="book"),
    path("<int:pk>/visit/", repairs.visit_record, name="visit"),
    path("<int:pk>/photo/", repairs.repair_photo, name="photo"),
    path("mine/", resident.my_repairs, name="mine"),
    path("mine/report/", resident.report_repair, name="report"),
    path("mine/<int:pk>/", resident.my_repair, name="my_repair"),
    path("complaints/", complaints.complaint_list, name="complaints"),
    path("complaints/annual-report/", complaints_report.complaints_report, name="complaints_report"),
    path("complaints/annual-report/pdf/", complaints_report.complaints_report_pdf, name="complaints_report_pdf"),
    path(
        "complaints/annual-report/record/",
        complaints_report.complaints_report_record_page,
        name="complaints_report_record",
    ),
    path("complaints/log/", complaints.complaint_raise, name="complaint_raise"),
    path("complaints/<int:pk>/", complaints.complaint_detail, name="complaint"),
    path("complaints/<int:pk>/categories/", complaints.complaint_categories, name="complaint_categories"),
    path("complaints/<int:pk>/stage/", complaints.complaint_stage, name="complaint_stage"),
    path("complaints/<int:pk>/escalate/", complaints.complaint_escalate, name="complaint_escalate"),
    path("complaints/<int:pk>/allegation/", complaints.complaint_allegation, name="complaint_allegation"),
    path("complaints/<int:pk>/close/", complaints.complaint_close, name="complaint_close"),
]
