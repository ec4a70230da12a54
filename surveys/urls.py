from django.urls import path

from surveys.views import answer, builder, formats, invitations, receipts, regulator_return, results, staff

app_name = "surveys"

urlpatterns = [
    # Residents: signed in, or through their personal link.
    path("mine/", answer.my_surveys, name="mine"),
    path("<int:pk>/begin/", answer.begin, name="begin"),
    path("answer/<str:token>/", answer.answer_start, name="answer_start"),
    path("answer/<str:token>/check/", answer.answer_check, name="answer_check"),
    path("answer/<str:token>/done/", answer.answer_done, name="answer_done"),
    path("answer/<str:token>/code/", answer.answer_code, name="answer_code"),
    path("answer/<str:token>/<str:code>/", answer.answer_question, name="answer_question"),
    # The same version in other formats.
    path("<int:pk>/text/", formats.text_version, name="text_version"),
    path("<int:pk>/print/", formats.print_version, name="print_version"),
    path("<int:pk>/phone-script/", formats.phone_script, name="phone_script"),
    # Staff.
    path("", staff.survey_list, name="index"),
    path("new-tsm/", staff.create_builtin, name="create_builtin"),
    path("<int:pk>/", staff.survey_detail, name="detail"),
    # The builder.
    path("new/", builder.survey_new, name="new"),
    path("<int:pk>/new-version/", builder.version_new, name="new_version"),
    path("<int:pk>/draft/", builder.draft, name="draft"),
    path("<int:pk>/draft/questions/add/", builder.question_new, name="question_new"),
    path("<int:pk>/draft/questions/<str:code>/", builder.question_edit, name="question_edit"),
    path("<int:pk>/draft/questions/<str:code>/move/", builder.question_move, name="question_move"),
    path("<int:pk>/draft/questions/<str:code>/remove/", builder.question_remove, name="question_remove"),
    path("<int:pk>/draft/preview/<str:fmt>/", builder.preview, name="preview"),
    path("<int:pk>/draft/publish/", builder.publish, name="publish"),
    path("<int:pk>/draft/translations/", builder.translation_list, name="translations"),
    path("<int:pk>/draft/translations/<str:language>.po", builder.translation_file, name="translation_file"),
    path("<int:pk>/approach/", builder.approach, name="approach"),
    path("<int:pk>/close/", builder.close, name="close"),
    path("<int:pk>/reopen/", builder.reopen, name="reopen"),
    path("<int:pk>/enter/", staff.enter_response, name="enter"),
    path("<int:pk>/invite/", invitations.invite, name="invite"),
    path("<int:pk>/invitations/", invitations.invitation_list, name="invitations"),
    path("<int:pk>/invitations/send/", invitations.send_invitations, name="send_invitations"),
    path("<int:pk>/invitations/print-pack.pdf", invitations.print_pack, name="print_pack"),
    path(
        "<int:pk>/invitations/print-packs/<int:batch_pk>/posted/",
        invitations.print_batch_posted,
        name="print_batch_posted",
    ),
    path("invite-resident/<int:resident_pk>/", invitations.invite_resident, name="invite_resident"),
    path("delivery-receipts/notify/", receipts.notify_receipt, name="notify_receipt"),
    path("<int:pk>/invitations/<str:name>.csv", invitations.send_list_csv, name="send_list_csv"),
    path("<int:pk>/invitations/<int:invitation_pk>/link/", invitations.invitation_link, name="invitation_link"),
    path("<int:pk>/results/", results.survey_results, name="results"),
    path("<int:pk>/results/tsm.csv", results.tsm_csv, name="tsm_csv"),
    path("<int:pk>/responses.csv", results.responses_csv, name="responses_csv"),
    # The return to the Regulator (administrators).
    path("tsm-return/", regulator_return.tsm_return_page, name="tsm_return"),
    path("tsm-return/<int:year>.<str:extension>", regulator_return.tsm_return_download, name="tsm_return_download"),
]
