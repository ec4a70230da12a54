"""The officer's desk: the home pages, the resident page, contacts and follow-ups, the patch, data rights."""

from django.urls import path

from desk.views import contact_records, contacts, data_rights, home, resident

urlpatterns = [
    path("", home.home, name="home"),
    path("residents/<int:pk>/", resident.resident_detail, name="resident_detail"),
    path("residents/<int:pk>/contacts/add/", contacts.contact_add, name="contact_add"),
    path("contacts/<int:pk>/", contact_records.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/asb-case/", contact_records.asb_case_add, name="asb_case_add"),
    path("follow-ups/<int:pk>/done/", contacts.follow_up_mark_done, name="follow_up_done"),
    path("follow-ups/<int:pk>/change/", contact_records.follow_up_edit, name="follow_up_edit"),
    path("patch/", contacts.patch, name="patch"),
    path("patch/assign/", contact_records.patch_assign, name="patch_assign"),
    path("residents/<int:pk>/data/", data_rights.resident_data, name="resident_data"),
    path("residents/<int:pk>/data.json", data_rights.resident_data_json, name="resident_data_json"),
    path("residents/<int:pk>/erase/", data_rights.resident_erase, name="resident_erase"),
]
